"""Time the graph load alone (no extraction): synthetic Extraction records through `graph.loader.load`.

    python -m benchmarks.load_store --docs 10000 --store bench-data/load-10000.lbug
    python -m benchmarks.load_store --docs 1000 --store bolt://127.0.0.1:7687   # NEO4J_* from the env

Prints one JSON object: build seconds (records -> rows happen inside load), first load, a re-load of the
same documents (all unchanged), and an incremental load of extra documents into the now-full store.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from benchmarks import synthetic_records as synthetic
from policykg.graph.loader import load
from policykg.graph.open import is_bolt, open_store
from policykg.graph.stats import stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--measures", type=int, default=48, help="measures per document (corpus mean: 50)")
    parser.add_argument("--extra", type=int, default=100, help="documents added afterwards, incrementally")
    parser.add_argument("--store", default="bench-data/load.lbug")
    args = parser.parse_args()

    if not is_bolt(args.store):
        for leftover in Path(args.store).parent.glob(Path(args.store).name + "*"):
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()

    started = time.perf_counter()
    records = synthetic.corpus(args.docs + args.extra, measures_per_document=args.measures)
    made = time.perf_counter() - started
    first, extra = records[: args.docs], records[args.docs :]

    store = open_store(args.store)
    try:
        timings = {"records_seconds": round(made, 2)}
        report = load(store, first)
        timings["first_load_seconds"] = round(report.seconds, 2)
        report = load(store, first)
        timings["reload_unchanged_seconds"] = round(report.seconds, 2)
        if extra:
            report = load(store, extra)
            timings[f"incremental_{len(extra)}_docs_seconds"] = round(report.seconds, 2)
        counts = stats(store)
    finally:
        store.close()
    print(
        json.dumps(
            {
                "store": args.store,
                "documents": args.docs,
                "measures_per_document": args.measures,
                **timings,
                "nodes": sum(counts["nodes"].values()),
                "relationships": sum(counts["relationships"].values()),
                "stats": counts,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
