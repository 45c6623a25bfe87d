"""Latency on a store, in this process: every named query (with its catalog example) and `ask` over every
question the intent registry holds (queries.intents.INTENTS), p50 / p95 in ms per question and per kind.

    python -m benchmarks.latency --store S [--runs 20] [--json out.json]

The registry's examples name the sample documents' places (松阳县, 遂昌县). On another store each is also
asked with those places replaced by the county whose 司法局 leads most there, so that a synthetic corpus
answers with rows rather than "not found"; the kind a question reached is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import time
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.measure import repeat
from policykg.graph.open import open_store
from policykg.graph.store import GraphStore
from policykg.queries.ask import ask
from policykg.queries.catalog import load_catalog, run_named
from policykg.queries.gazetteer import build_gazetteer, gazetteer_for
from policykg.queries.intents import INTENTS

SAMPLE_PLACES = ("松阳县", "遂昌县")  # the places the registry's examples are written about
TARGET_P95_MS = 100.0  # issue 14, at 10,000 documents


def registry_questions() -> list[str]:
    """Every example of every intent, in registry order, each once."""
    return list(dict.fromkeys(q for intent in INTENTS for q in intent.examples))


def store_county(store: GraphStore) -> str:
    """The county whose 司法局 leads most measures (a county of the store, as the samples' places are)."""
    rows = store.read(
        "MATCH (u:Unit)-[:LEADS]->(m:Measure) WHERE u.kind = '司法局' AND u.jurisdiction ENDS WITH '县' "
        "RETURN u.jurisdiction AS jurisdiction, count(m) AS n ORDER BY n DESC, jurisdiction LIMIT 1"
    )
    if not rows:
        return ""
    county = rows[0]["jurisdiction"]
    return county[county.rfind("市") + 1 :] if "市" in county[:-1] else county  # 衢州市龙游县 -> 龙游县


def with_county(questions: list[str], county: str) -> list[str]:
    """The questions that name a sample place, with that place replaced by `county`."""
    if not county or county in SAMPLE_PLACES:
        return []
    out = []
    for question in questions:
        moved = question
        for place in SAMPLE_PLACES:
            moved = moved.replace(place, county)
        if moved != question:
            out.append(moved)
    return out


def ask_latency(store: GraphStore, runs: int = 20, budget_s: float = 5.0) -> dict[str, Any]:
    """{"questions": {question: {intent, rows, p50_ms, p95_ms, …}}, "kinds": {intent: {questions, p50_ms,
    p95_ms}}, "max_p95_ms", "county", "index_ms"}. The name index is built (or read) once first, as a
    process's first question does; every timed call is a whole `ask` with its index look-up."""
    started = time.perf_counter()
    gazetteer_for(store)
    index_ms = round((time.perf_counter() - started) * 1000, 1)
    county = store_county(store)
    questions = registry_questions()
    questions += [q for q in with_county(questions, county) if q not in questions]
    timed: dict[str, dict[str, Any]] = {}
    for question in questions:
        answer = ask(store, question)
        timing = repeat(partial(ask, store, question), runs=runs, min_runs=3, budget_s=budget_s)
        timing.pop("rows", None)
        timed[question] = {"intent": answer["intent"], "rows": len(answer["rows"]), **timing}
    kinds: dict[str, dict[str, Any]] = {}
    for question, t in timed.items():
        kind = kinds.setdefault(t["intent"], {"questions": 0, "p50_ms": 0.0, "p95_ms": 0.0, "slowest": ""})
        kind["questions"] += 1
        kind["p50_ms"] = max(kind["p50_ms"], t["p50_ms"])
        if t["p95_ms"] >= kind["p95_ms"]:
            kind["p95_ms"], kind["slowest"] = t["p95_ms"], question
    return {
        "runs": runs,
        "county": county,
        "index_ms": index_ms,
        "questions": timed,
        "kinds": kinds,
        "max_p95_ms": max((t["p95_ms"] for t in timed.values()), default=None),
        "target_p95_ms": TARGET_P95_MS,
    }


def named_latency(store: GraphStore, runs: int = 20, budget_s: float = 5.0) -> dict[str, Any]:
    """Each named query with its catalog example: p50 / p95 and rows."""
    out = {}
    for name, query in load_catalog().items():
        rows = run_named(store, name, **query.example)
        timing = repeat(partial(run_named, store, name, **query.example), runs=runs, budget_s=budget_s)
        out[name] = {**timing, "rows": len(rows)}
    return out


def print_ask(result: dict[str, Any]) -> None:
    print(f"{'ask (max p50 / max p95 over the kind)':42s} {'n':>3s} {'p50 ms':>8s} {'p95 ms':>8s}  slowest question")
    for kind, k in sorted(result["kinds"].items(), key=lambda item: -item[1]["p95_ms"]):
        print(f"{kind:42s} {k['questions']:3d} {k['p50_ms']:8.2f} {k['p95_ms']:8.2f}  {k['slowest']}")
    print(f"\n{'question':48s} {'p50 ms':>8s} {'p95 ms':>8s} {'rows':>6s}  kind")
    for question, t in result["questions"].items():
        print(f"{question:48s} {t['p50_ms']:8.2f} {t['p95_ms']:8.2f} {t['rows']:6d}  {t['intent']}")
    print(
        f"\nname index (first question of a process): {result['index_ms']} ms; "
        f"slowest p95 {result['max_p95_ms']} ms (target ≤ {result['target_p95_ms']:g}); "
        f"county asked about: {result['county'] or '-'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--store", default=None)
    parser.add_argument("--runs", type=int, default=20, help="timed calls per question (default 20)")
    parser.add_argument("--budget", type=float, default=5.0, help="seconds of timed calls per question at most")
    parser.add_argument("--named", action="store_true", help="also time every named query")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    store = open_store(args.store, read_only=True)
    try:
        result: dict[str, Any] = {"ask": ask_latency(store, args.runs, args.budget)}
        if args.named:
            result["named"] = named_latency(store, args.runs, args.budget)
        result["index_build_ms"] = _build_ms(store)
    finally:
        store.close()
    print_ask(result["ask"])
    if "named" in result:
        print(f"\n{'named query':28s} {'p50 ms':>8s} {'p95 ms':>8s} {'rows':>6s}")
        for name, t in result["named"].items():
            print(f"{name:28s} {t['p50_ms']:8.2f} {t['p95_ms']:8.2f} {t['rows']:6d}")
    print(f"name index built from the graph: {result['index_build_ms']} ms")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


def _build_ms(store: GraphStore) -> float:
    started = time.perf_counter()
    build_gazetteer(store)
    return round((time.perf_counter() - started) * 1000, 1)


if __name__ == "__main__":
    main()
