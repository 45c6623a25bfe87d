"""Latency of every named query (with its catalog example) and of `ask` on a store: p50 / p95 in ms.

python -m queries.latency --store data/policykg.lbug [--runs 30] [--format json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from policykg.graph.open import open_store
from policykg.graph.store import GraphStore
from policykg.queries.ask import ask
from policykg.queries.catalog import load_catalog, run_named
from policykg.queries.gazetteer import build_gazetteer

QUESTIONS = (
    "县司法局牵头哪些措施",
    "县司法局负责哪些措施",
    "区司法局负责哪些措施",
    "哪些措施引用了《重大行政决策程序暂行条例》",
    "重大行政决策程序暂行条例被哪些文件引用",
    "哪些单位牵头的措施最多",
    "哪些单位共同牵头的措施最多",
    "县司法局和县政府办有哪些共同措施",
    "哪些措施2022年底前完成",
    "第22项措施由谁牵头",
    "宁远县法治政府建设实施方案引用了哪些法规",
    "县财政厅牵头哪些措施",
)


def timings(action: Callable[[], Any], runs: int) -> dict[str, float]:
    """p50 and p95 wall time in milliseconds over `runs` calls, after one warm-up call."""
    action()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))], 2),
    }


def measure(store: GraphStore, runs: int = 30) -> dict[str, Any]:
    """{"queries": {name: {p50_ms, p95_ms, rows}}, "ask": {question: {…, intent}}, "gazetteer_build_ms"}."""
    queries = {}
    for name, query in load_catalog().items():
        rows = run_named(store, name, **query.example)
        queries[name] = {**timings(partial(run_named, store, name, **query.example), runs), "rows": len(rows)}
    started = time.perf_counter()
    gazetteer = build_gazetteer(store)
    build_ms = round((time.perf_counter() - started) * 1000, 1)
    answers = {}
    for question in QUESTIONS:
        answer = ask(store, question)  # also fills the store's cached gazetteer
        answers[question] = {
            **timings(partial(ask, store, question, gazetteer=gazetteer), runs),
            "with_cache_check": timings(partial(ask, store, question), max(3, runs // 3)),
            "intent": answer["intent"],
            "rows": len(answer["rows"]),
        }
    return {"runs": runs, "queries": queries, "ask": answers, "gazetteer_build_ms": build_ms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=None)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--format", choices=["table", "json"], default="table")
    args = parser.parse_args()
    store = open_store(args.store, read_only=True)
    try:
        result = measure(store, args.runs)
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"{'named query':28s} {'p50 ms':>8s} {'p95 ms':>8s} {'rows':>6s}")
    for name, t in result["queries"].items():
        print(f"{name:28s} {t['p50_ms']:8.2f} {t['p95_ms']:8.2f} {t['rows']:6d}")
    print(f"\n{'ask':40s} {'p50 ms':>8s} {'p95 ms':>8s} {'rows':>6s}  intent")
    for question, t in result["ask"].items():
        print(f"{question:40s} {t['p50_ms']:8.2f} {t['p95_ms']:8.2f} {t['rows']:6d}  {t['intent']}")
    print(f"\ngazetteer build (first question on a store): {result['gazetteer_build_ms']} ms")


if __name__ == "__main__":
    main()
