"""Benchmark policykg on a synthetic corpus: extraction, loading, store size, memory, queries, explorer.

    python -m benchmarks.run --docs 1000 --json bench-data/bench-1000.json            # `make bench`
    python -m benchmarks.run --docs 10000 --json bench-data/bench-10000.json --bolt-docs 1000

Steps, each timed with time.perf_counter in this process (peak memory from resource.getrusage):
 1. corpus: benchmarks/generate.py's documents in --corpus-dir (default bench-data/corpus-N-sS), generated
    unless a corpus of the same docs / seed / measures-per-doc is there already;
 2. extraction alone on one core (the first --single-core-docs documents): the per-core throughput;
 3. ingest into a new LadybugDB store: --jobs worker processes (default 2) extract and build graph rows,
    this process loads them --load-chunk documents per transaction with graph.loader.load_rows (COPY);
    `ingest_s` is the wall time from the first file read to the last commit;
 4. store size on disk; near-duplicate measures computed and written as SIMILAR_TO (--skip-similar);
 5. on the store opened read-only (as the explorer opens it): p50/p95 of every named query in the catalog
    with parameters drawn from the data, of `ask` for 「县司法局牵头哪些措施」 (`headline_p95_ms`: the short
    name links every county's 司法局, so the answer counts all and lists the first counties), for one
    county's 司法局 by name and for two units' shared measures, of `ask` over every question of the
    intent registry by kind (benchmarks/latency.py: `ask_examples`, `ask_examples_max_p95_ms`), and the
    overlap analytics
    (co-leading pairs: `overlap_s`, p95);
 6. ingest of the first --bolt-docs documents (default min(N, 200)) over Bolt into the tests' ArcadeDB
    server (--skip-bolt);
 7. explorer pages in headless Chromium (benchmarks/explorer_pages.py; --skip-explorer).
Prints a table and writes every figure to --json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.extract_pool import extract_all, warm
from benchmarks.measure import Stopwatch, cpu_seconds, path_size, peak_rss_mb, remove_store, repeat

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent

HEADLINE = "县司法局牵头哪些措施"
SHARED = "县司法局和县政府办有哪些共同措施"
TARGETS = {  # issue 6, on a 2-core machine
    "extract_mb_per_s_per_core": (">=", 1.0),
    "ingest_s": ("<=", 300.0),
    "headline_p95_ms": ("<=", 50.0),
    "overlap_s": ("<=", 1.0),
    "ask_examples_max_p95_ms": ("<=", 100.0),  # issue 14: every registered question, at 10,000 documents
    "explorer_max_page_s": ("<=", 1.5),
}


def ensure_corpus(directory: Path, docs: int, seed: int, measures_per_doc: int, jobs: int) -> dict[str, Any]:
    """Generate the corpus unless `directory` already holds the same one; returns the manifest header."""
    manifest_path = directory / "manifest.json"
    if manifest_path.exists():
        header = _manifest_header(manifest_path)
        same = (header.get("docs"), header.get("seed"), header.get("measures_per_doc")) == (
            docs,
            seed,
            measures_per_doc,
        )
        if same and len(list(directory.glob("doc_*.txt"))) == docs:
            header["generate_s"] = None
            header["reused"] = True
            return header
    from benchmarks import generate

    with Stopwatch() as sw:
        manifest = generate.generate(docs, seed, directory, measures_per_doc=measures_per_doc, jobs=jobs)
    header = {k: v for k, v in manifest.items() if k != "documents"}
    header["generate_s"] = round(sw.seconds, 2)
    header["reused"] = False
    return header


def _manifest_header(path: Path) -> dict[str, Any]:
    """The manifest without its per-document lines (read up to them: the file is large at 10,000 docs)."""
    head = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith(' "documents"'):
                break
            head.append(line)
    text = "".join(head).rstrip().rstrip(",") + "}"
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return {}


def run_single_core(files: list[Path]) -> dict[str, Any]:
    """Extraction alone, in this process, on one core, wall clock: the per-core throughput."""
    from policykg.ingest.pipeline import extract_file

    warm()
    chars = utf8 = 0
    with Stopwatch() as sw:
        for path in files:
            text = extract_file(path).text
            chars += len(text)
            utf8 += len(text.encode("utf-8"))
    return {
        "documents": len(files),
        "chars": chars,
        "utf8_bytes": utf8,
        "s": round(sw.seconds, 2),
        "chars_per_s": round(chars / sw.seconds),
        "mb_per_s": round(utf8 / sw.seconds / 1e6, 3),
    }


def run_ingest(files: list[Path], store_path: Path, jobs: int, chunk: int) -> dict[str, Any]:
    """Extract over `jobs` workers (each also builds its documents' graph rows) and load into a new
    LadybugDB store with graph.loader.load_rows. With `chunk` > 0 the documents are loaded `chunk` at a
    time, one transaction each, as the workers deliver them (memory stays bounded by a chunk and the workers
    keep extracting while this process writes); with 0 every document is extracted first and loaded in one
    transaction, the way `policykg ingest` does it."""
    from policykg.graph.loader import load_rows
    from policykg.graph.open import open_store
    from policykg.graph.stats import stats

    remove_store(store_path)
    chars = utf8 = measures = added = 0
    worker_s = worker_cpu_s = rows_s = load_s = 0.0
    batches: list[dict[str, Any]] = []
    opened: list[Any] = []  # the store, opened once the workers exist: no fork with the database's threads

    def store() -> Any:
        if not opened:
            opened.append(open_store(str(store_path)))
        return opened[0]

    try:

        def load_batch(batch: dict[str, Any]) -> None:
            nonlocal load_s, added
            with Stopwatch() as sw:
                report = load_rows(store(), batch)
            load_s += sw.seconds
            added += len(report.added)
            batches.append({"docs": len(batch), "s": round(sw.seconds, 2), "rss": peak_rss_mb()["self_mb"]})

        cpu_before = cpu_seconds()
        with Stopwatch() as ingest_sw:
            pending: dict[str, Any] = {}
            for item in extract_all(files, jobs):
                pending[item.source] = item.rows
                chars += item.chars
                utf8 += item.utf8_bytes
                worker_s += item.seconds
                worker_cpu_s += item.cpu_seconds
                rows_s += item.rows_seconds
                measures += item.measures
                if chunk and len(pending) >= chunk:
                    load_batch(pending)
                    pending = {}
            extracted_s = ingest_sw.elapsed()
            after_extract = peak_rss_mb()
            if pending:
                load_batch(pending)
            del pending
        ingest_cpu_s = cpu_seconds() - cpu_before  # the workers' share counts once the pool has exited
        counts = stats(store())
    finally:
        for each in opened:
            each.close()
    return {
        "extract": {
            "jobs": jobs,
            "documents": len(files),
            "measures": measures,
            "chars": chars,
            "utf8_bytes": utf8,
            "worker_s": round(worker_s, 2),
            "worker_cpu_s": round(worker_cpu_s, 2),
            "chars_per_s_per_core": round(chars / worker_s),
            "mb_per_s_per_core": round(utf8 / worker_s / 1e6, 3),
            "chars_per_cpu_s": round(chars / worker_cpu_s),
            "mb_per_cpu_s": round(utf8 / worker_cpu_s / 1e6, 3),
            "until_last_extracted_s": round(extracted_s, 2),
            "rows_worker_s": round(rows_s, 2),
            "peak_rss_after": after_extract,
        },
        "load": {
            "store": str(store_path),
            "chunk": chunk or "all",
            "load_s": round(load_s, 2),
            "batches": batches,
            "added": added,
            "nodes": sum(counts["nodes"].values()),
            "relationships": sum(counts["relationships"].values()),
            "stats": counts,
            "peak_rss_after": peak_rss_mb(),
        },
        "ingest_s": round(ingest_sw.seconds, 2),
        "ingest_cpu_s": round(ingest_cpu_s, 1),
        "store_bytes": path_size(store_path),
    }


def query_parameters(store: Any) -> dict[str, Any]:
    """Parameters drawn from the data: the county 司法局 that leads most, its 政府办, their busiest
    document, the most-cited instrument."""
    from policykg.graph.ids import unit_id

    top = store.read(
        "MATCH (u:Unit)-[:LEADS]->(m:Measure) WHERE u.kind = '司法局' AND u.jurisdiction ENDS WITH '县' "
        "RETURN u.name AS unit, u.jurisdiction AS jurisdiction, count(m) AS n ORDER BY n DESC, unit LIMIT 1"
    ) or store.read(
        "MATCH (u:Unit)-[:LEADS]->(m:Measure) WHERE u.kind = '司法局' "
        "RETURN u.name AS unit, u.jurisdiction AS jurisdiction, count(m) AS n ORDER BY n DESC, unit LIMIT 1"
    )
    unit, place = top[0]["unit"], top[0]["jurisdiction"]
    office = store.read(
        "MATCH (u:Unit) WHERE u.kind = '政府办公室' AND u.jurisdiction = $j "
        "RETURN u.name AS unit ORDER BY unit LIMIT 1",
        {"j": place},
    )
    other = office[0]["unit"] if office else unit
    source = store.read(
        "MATCH (u:Unit {name: $u})-[:LEADS]->(m:Measure) RETURN m.document_id AS d, count(m) AS n "
        "ORDER BY n DESC, d LIMIT 1",
        {"u": unit},
    )
    documents = store.read("MATCH (d:Document {id: $id}) RETURN d.source AS source", {"id": source[0]["d"]})
    instrument = store.read(
        "MATCH (:Measure)-[:CITES]->(i:Instrument) "
        "RETURN i.title AS title, count(*) AS n ORDER BY n DESC, title LIMIT 1"
    )
    measures = store.read(
        "MATCH (u:Unit {name: $u})-[:LEADS]->(m:Measure) RETURN m.id AS id ORDER BY id LIMIT 5", {"u": unit}
    )
    return {
        "units": [unit],
        "unit": unit,
        "unit_id": unit_id(unit),
        "units_a": [unit],
        "units_b": [other],
        "unit_a": unit,
        "unit_b": other,
        "source": documents[0]["source"],
        "section": "一",
        "number": "1",
        "instruments": [instrument[0]["title"]] if instrument else [],
        "ids": [r["id"] for r in measures],
        "label": "Measure",  # the label of `ids`
        "doc": source[0]["d"],
        "date_from": "2022-01-01",
        "date_to": "2022-12-31",
        "_jurisdiction": place,
    }


def run_queries(store_path: Path, reps: int, budget_s: float) -> dict[str, Any]:
    from benchmarks.latency import ask_latency
    from policykg.graph.open import open_store
    from policykg.queries.ask import ask
    from policykg.queries.catalog import load_catalog, run_named

    out: dict[str, Any] = {"named": {}}
    with Stopwatch() as sw:
        store = open_store(str(store_path), read_only=True)
    out["open_s"] = round(sw.seconds, 3)
    try:
        pool = query_parameters(store)
        out["parameters"] = pool
        for name, query in load_catalog().items():
            params = {p.name: pool[p.name] for p in query.params if p.name in pool}
            # A required value the data gave none for: the query's own example (console_parameter's kind …).
            params |= {
                p.name: query.example[p.name]
                for p in query.params
                if p.name not in params and p.name in query.example and p.required
            }
            missing = [p.name for p in query.params if p.required and p.name not in params]
            if missing:
                out["named"][name] = {"skipped": f"no value for {', '.join(missing)}"}
                continue
            try:
                timing = repeat(lambda n=name, p=params: run_named(store, n, **p), runs=reps, budget_s=budget_s)
            except Exception as exc:  # a query the catalog holds but this store cannot run: report it
                timing = {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
            out["named"][name] = {"params": params, **timing}

        county = pool["unit"] + "牵头哪些措施"
        with Stopwatch() as sw:
            first = ask(store, HEADLINE)  # builds the gazetteer of names (cached on the store afterwards)
        out["ask_first_s"] = round(sw.seconds, 3)
        out["ask"] = {}
        for label, question in (("headline", HEADLINE), ("county", county), ("shared", SHARED)):
            timing = repeat(lambda q=question: ask(store, q)["rows"], runs=reps, budget_s=budget_s)
            answer = ask(store, question)
            out["ask"][label] = {
                "question": question,
                "query": answer["query"],
                **timing,
                "total_rows": answer["total_rows"],
                "jurisdictions": len({g["jurisdiction"] for g in answer["groups"]}),
            }
        out["ask"]["headline"]["units"] = len(first["params"].get("units", []))
        # Every question of the intent registry (and each moved to a county of this store): p50 / p95 by kind.
        out["ask_examples"] = ask_latency(store, runs=reps, budget_s=min(budget_s, 3.0))
        out["overlap"] = run_overlap(store, reps=max(3, reps // 4), budget_s=budget_s)
    finally:
        store.close()
    return out


def run_overlap(store: Any, reps: int, budget_s: float) -> dict[str, Any]:
    """The overlap analytics of queries.overlap: co-leading pairs (the target), busiest units by role, the
    co-assignment graph and its centrality, each timed."""
    from policykg.queries import overlap

    out: dict[str, Any] = {}
    out["co_leading"] = repeat(lambda: overlap.co_leading(store), runs=reps, min_runs=3, budget_s=budget_s)
    out["busiest_by_role"] = repeat(lambda: overlap.busiest_by_role(store), runs=reps, min_runs=3, budget_s=budget_s)
    with Stopwatch() as sw:
        graph = overlap.co_assignment_graph(store)
    out["co_assignment_graph"] = {
        "s": round(sw.seconds, 3),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
    }
    with Stopwatch() as sw:
        rows = overlap.centrality(graph)
    out["centrality"] = {"s": round(sw.seconds, 3), "rows": len(rows)}
    return out


def run_similar(store_path: Path) -> dict[str, Any]:
    """Near-duplicate measures across documents computed and written as SIMILAR_TO (`policykg overlap`
    does this after an ingest), so the queries that follow SIMILAR_TO have edges to follow."""
    from policykg.graph.open import open_store
    from policykg.queries import overlap

    store = open_store(str(store_path))
    try:
        with Stopwatch() as sw:
            pairs = overlap.near_duplicates(store, write=True, limit=100)
        similar = store.read("MATCH ()-[s:SIMILAR_TO]->() RETURN count(s) AS n")[0]["n"]
    finally:
        store.close()
    return {"s": round(sw.seconds, 2), "similar_to": similar, "top_pairs": len(pairs)}


def run_bolt(files: list[Path], jobs: int) -> dict[str, Any]:
    from benchmarks.bolt_server import bolt_server
    from policykg.graph.loader import load_rows
    from policykg.graph.open import open_store
    from policykg.graph.stats import stats
    from policykg.queries.ask import ask

    extracted = list(extract_all(files, jobs))
    with bolt_server() as server:
        os.environ.update(server.environment())
        store = open_store(server.uri)
        try:
            with Stopwatch() as sw:
                report = load_rows(store, {item.source: item.rows for item in extracted})
            counts = stats(store)
            headline = repeat(lambda: ask(store, HEADLINE)["rows"], runs=10, budget_s=10)
        finally:
            store.close()
    return {
        "documents": len(files),
        "measures": sum(item.measures for item in extracted),
        "server_start_s": server.start_seconds,
        "load_s": round(sw.seconds, 2),
        "docs_per_s": round(len(report.added) / sw.seconds, 1),
        "nodes": sum(counts["nodes"].values()),
        "relationships": sum(counts["relationships"].values()),
        "headline_ask": headline,
    }


def run_explorer(store_path: Path, timeout_s: float) -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.explorer_pages", "--store", str(store_path)]
    command += ["--timeout", str(timeout_s)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout_s * 20 + 600)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """The headline figures at the top level of the JSON, and each target with whether it is met."""
    ingest, queries = result["ingest"], result.get("queries", {})
    extract, single = ingest["extract"], result["extract_single_core"]
    top: dict[str, Any] = {
        "extract_chars_per_s": single["chars_per_s"],  # one process, one core, wall clock
        "extract_mb_per_s_per_core": single["mb_per_s"],
        "extract_mb_per_cpu_s_in_ingest": extract["mb_per_cpu_s"],
        "ingest_s": ingest["ingest_s"],
        "load_s": ingest["load"]["load_s"],
        "store_mb": round(ingest["store_bytes"] / 1e6, 1),
    }
    if queries:
        headline, county = queries["ask"]["headline"], queries["ask"]["county"]
        top["headline_p50_ms"] = headline["p50_ms"]
        top["headline_p95_ms"] = headline["p95_ms"]
        top["headline_rows_listed"] = headline.get("rows")
        top["headline_rows_total"] = headline["total_rows"]
        top["headline_jurisdictions"] = headline["jurisdictions"]
        top["county_headline_question"] = county["question"]
        top["county_headline_p95_ms"] = county["p95_ms"]
        co_leading = queries["overlap"]["co_leading"]
        top["overlap_s"] = round(co_leading["p95_ms"] / 1000, 3)  # p95, like the headline
        top["overlap_p50_s"] = round(co_leading["p50_ms"] / 1000, 3)
        top["ask_examples_max_p95_ms"] = queries.get("ask_examples", {}).get("max_p95_ms")
        timed = [v["p95_ms"] for v in queries["named"].values() if "p95_ms" in v]
        top["named_max_p95_ms"] = max(timed) if timed else None
    explorer = result.get("explorer", {})
    if explorer.get("max_second_visit_s") is not None:
        top["explorer_max_page_s"] = explorer["max_second_visit_s"]
        top["explorer_max_first_visit_s"] = explorer["max_first_visit_s"]
    if "bolt" in result:
        top["bolt_load_s"] = result["bolt"]["load_s"]
    top["peak_rss_ingest_mb"] = result["peak_rss_after_stage_mb"]["ingest"]
    top["peak_rss_workers_mb"] = result["workers_peak_rss_mb"]
    top["peak_rss_mb"] = max(result["peak_rss_after_stage_mb"].values())
    met = {}
    for key, (op, limit) in TARGETS.items():
        value = top.get(key)
        if value is not None:
            ok = value >= limit if op == ">=" else value <= limit
            met[key] = {"value": value, "target": f"{op} {limit:g}", "met": ok}
    top["targets"] = met
    return top


def print_table(result: dict[str, Any]) -> None:
    top, ingest, single = result["summary"], result["ingest"], result["extract_single_core"]
    extract, load = ingest["extract"], ingest["load"]
    rows = [
        ("documents / measures", f"{extract['documents']:,} / {extract['measures']:,}"),
        ("text", f"{extract['chars'] / 1e6:.1f} M chars, {extract['utf8_bytes'] / 1e6:.1f} MB UTF-8"),
        (
            f"extraction, one core ({single['documents']} docs alone)",
            f"{single['chars_per_s']:,} chars/s = {single['mb_per_s']} MB/s",
        ),
        (
            "extraction in the ingest, per CPU-second",
            f"{extract['chars_per_cpu_s']:,} chars = {extract['mb_per_cpu_s']} MB",
        ),
        (
            "extraction in the ingest, per worker-second",
            f"{extract['chars_per_s_per_core']:,} chars = {extract['mb_per_s_per_core']} MB (3 processes on 2 cores)",
        ),
        (f"extraction ({extract['jobs']} procs), last doc at", f"{extract['until_last_extracted_s']} s"),
        (f"load into LadybugDB (COPY, chunks of {load['chunk']})", f"{load['load_s']} s"),
        ("ingest, files to graph (wall)", f"{ingest['ingest_s']} s"),
        ("ingest CPU (all processes)", f"{ingest['ingest_cpu_s']} s"),
        ("graph", f"{load['nodes']:,} nodes, {load['relationships']:,} relationships"),
        ("store on disk", f"{top['store_mb']} MB"),
    ]
    queries = result.get("queries")
    if queries:
        for answer in queries["ask"].values():
            rows.append((f"ask {answer['question']}", _timing(answer)))
        rows.append(("ask, first call (reads names)", f"{queries['ask_first_s']} s"))
        examples = queries.get("ask_examples", {})
        for kind, timing in sorted(examples.get("kinds", {}).items(), key=lambda item: -item[1]["p95_ms"]):
            rows.append((f"ask kind {kind} ({timing['questions']} q)", _timing(timing)))
        for name, timing in queries["overlap"].items():
            rows.append((f"overlap {name}", _timing(timing)))
        for name, timing in queries["named"].items():
            rows.append((f"query {name}", _timing(timing)))
    if "similar" in result:
        rows.append(("near-duplicates (write SIMILAR_TO)", _timing(result["similar"])))
    if "bolt" in result:
        bolt = result["bolt"]
        rows.append((f"Bolt load ({bolt['documents']:,} docs)", f"{bolt['load_s']} s ({bolt['docs_per_s']} docs/s)"))
        rows.append(("Bolt ask headline", _timing(bolt["headline_ask"])))
    explorer = result.get("explorer")
    if explorer and "second_visit_s" in explorer:
        for page, seconds in explorer["second_visit_s"].items():
            rows.append((f"explorer {page}", f"{seconds} s (first visit {explorer['first_visit_s'][page]} s)"))
        rows.append(("explorer open (new tab)", f"{explorer.get('open_s')} s"))
        if "ask_example_s" in explorer:
            rows.append(("explorer ask example click", f"{explorer['ask_example_s']} s"))
    elif explorer:
        rows.append(("explorer", str(explorer.get("error", ""))[:100]))
    rows.append(
        (
            "peak RSS: ingest / a worker",
            f"{top['peak_rss_ingest_mb']:,} MB (LadybugDB's cache included) / {top['peak_rss_workers_mb']:,} MB",
        )
    )
    stages = ", ".join(f"{k} {v:,} MB" for k, v in result["peak_rss_after_stage_mb"].items())
    rows.append(("peak RSS of this process after", stages))
    width = max(len(r[0]) for r in rows)
    print(
        f"policykg benchmark: {result['docs']:,} documents, seed {result['seed']}, "
        f"load average {result['load_average_start'][0]} at start, {result['load_average_end'][0]} at end"
    )
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    print("targets:")
    for key, target in top["targets"].items():
        print(f"  {key:<{width}}  {target['value']} ({target['target']}): {'met' if target['met'] else 'MISSED'}")


def _timing(timing: dict[str, Any]) -> str:
    if "s" in timing:
        return ", ".join(f"{k} {v}" for k, v in timing.items() if k != "s") + f" in {timing['s']} s"
    if "p95_ms" in timing:
        rows = f", {timing['rows']} rows" if "rows" in timing else ""
        return f"p50 {timing['p50_ms']} ms, p95 {timing['p95_ms']} ms{rows}"
    return str(timing.get("skipped") or timing.get("error", ""))[:100]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, help="documents in the corpus (required unless --ingest-memory)")
    parser.add_argument("--json", type=Path, required=True, help="where to write the figures")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--measures-per-doc", type=int, default=100, help="mean measures per document (100)")
    parser.add_argument("--corpus-dir", type=Path, help="corpus folder (default bench-data/corpus-N-sS)")
    parser.add_argument("--store", type=Path, help="LadybugDB store to create (default bench-data/store-N-sS.lbug)")
    parser.add_argument("--jobs", type=int, default=2, help="extraction worker processes (default 2)")
    parser.add_argument(
        "--load-chunk", type=int, default=2500, help="documents per load transaction, as extracted (0: all in one)"
    )
    parser.add_argument(
        "--single-core-docs", type=int, default=300, help="documents extracted alone on one core first (300)"
    )
    parser.add_argument("--reps", type=int, default=20, help="timed runs per query (default 20)")
    parser.add_argument("--budget", type=float, default=5.0, help="seconds of timed runs per query at most (5)")
    parser.add_argument("--skip-bolt", action="store_true", help="skip the Bolt ingest")
    parser.add_argument("--bolt-docs", type=int, help="documents ingested over Bolt (default min(N, 200))")
    parser.add_argument("--skip-explorer", action="store_true", help="skip the explorer pages")
    parser.add_argument("--skip-similar", action="store_true", help="skip computing near-duplicate measures")
    parser.add_argument("--explorer-timeout", type=float, default=300, help="seconds a page may take (300)")
    parser.add_argument("--skip-queries", action="store_true", help="skip queries, ask and overlap")
    parser.add_argument(
        "--ingest-memory",
        metavar="N,N,…",
        help="only measure `policykg ingest` end to end (peak memory, time) at these corpus sizes, e.g. "
        "1000,10000,100000 (benchmarks/ingest_memory.py), taken from one corpus of --docs (default the "
        "largest size); --measures-per-doc, --seed and --jobs apply",
    )
    parser.add_argument("--ingest-batch", type=int, help="with --ingest-memory: `policykg ingest --batch`")
    args = parser.parse_args(argv)

    data = ROOT / "bench-data"
    if args.ingest_memory:
        return run_ingest_memory(args, data)
    if args.docs is None:
        parser.error("--docs is required (or --ingest-memory)")
    corpus = args.corpus_dir or data / f"corpus-{args.docs}-s{args.seed}"
    store_path = args.store or data / f"store-{args.docs}-s{args.seed}.lbug"
    started = time.perf_counter()
    result: dict[str, Any] = {
        "docs": args.docs,
        "seed": args.seed,
        "measures_per_doc": args.measures_per_doc,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
    }
    _progress(f"corpus {corpus}")
    result["corpus"] = ensure_corpus(corpus, args.docs, args.seed, args.measures_per_doc, args.jobs)
    files = sorted(corpus.glob("doc_*.txt"))
    single = files[: args.single_core_docs]
    _progress(f"extraction on one core ({len(single)} documents)")
    result["extract_single_core"] = run_single_core(single)
    _progress(f"extracting and loading {len(files)} documents into {store_path}")
    result["ingest"] = run_ingest(files, store_path, args.jobs, args.load_chunk)
    # Peak RSS of this process after each stage (getrusage keeps the maximum so far). Children are read
    # after the ingest only: a child started later from this large process inherits its size until exec.
    peaks = result["peak_rss_after_stage_mb"] = {"ingest": peak_rss_mb()["self_mb"]}
    result["workers_peak_rss_mb"] = peak_rss_mb()["children_mb"]
    if not args.skip_similar:
        _progress("near-duplicate measures (SIMILAR_TO)")
        result["similar"] = run_similar(store_path)
        peaks["near_duplicates"] = peak_rss_mb()["self_mb"]
    if not args.skip_queries:
        _progress("queries")
        result["queries"] = run_queries(store_path, args.reps, args.budget)
        peaks["queries"] = peak_rss_mb()["self_mb"]
    if not args.skip_bolt:
        bolt_docs = min(args.docs, args.bolt_docs or 200)
        _progress(f"Bolt ingest of {bolt_docs} documents")
        try:
            result["bolt"] = run_bolt(files[:bolt_docs], args.jobs)
        except Exception as exc:
            result["bolt_error"] = f"{type(exc).__name__}: {str(exc)[:500]}"
    if not args.skip_explorer:
        _progress("explorer pages")
        result["explorer"] = run_explorer(store_path, args.explorer_timeout)
    result["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    result["summary"] = summary(result)
    result.update({k: v for k, v in result["summary"].items() if k != "targets"})
    result["total_s"] = round(time.perf_counter() - started, 1)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print_table(result)
    print(f"wrote {args.json} ({result['total_s']} s in all)")
    return 0


def run_ingest_memory(args: argparse.Namespace, data: Path) -> int:
    from benchmarks.ingest_memory import run_series

    sizes = [int(n) for n in args.ingest_memory.split(",") if n.strip()]
    extra = ["--batch", str(args.ingest_batch)] if args.ingest_batch else []
    result: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
        "seed": args.seed,
        "measures_per_doc": args.measures_per_doc,
        "jobs": args.jobs,
        "ingest_memory": run_series(
            sizes, data, args.seed, args.measures_per_doc, args.jobs, extra, corpus_docs=args.docs or 0
        ),
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print("policykg ingest, end to end (peak RSS of the command and its workers, summed):")
    for docs, run in result["ingest_memory"]["runs"].items():
        status = "ok" if run["exit_code"] == 0 else f"exit {run['exit_code']}: {run.get('error')}"
        print(f"  {int(docs):>7,} documents: {run['peak_rss_tree_mb']:>8,.0f} MB peak, {run['s']:>8} s  {status}")
    print(f"wrote {args.json}")
    return 0


def _progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
