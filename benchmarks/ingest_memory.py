"""Peak memory of `policykg ingest` end to end, at several corpus sizes (issue 13: flat, within 20 %).

    python -m benchmarks.run --ingest-memory 1000,10000,100000 --json bench-data/ingest-memory.json

One corpus of the largest size is generated (benchmarks/generate.py; each document depends on (seed, index)
only, so its first N documents are the corpus of N); each size gets a folder of links to its first N
documents and is ingested into a new LadybugDB store by the real command, `python -m policykg ingest`, in a
child process. Memory is sampled from /proc every SAMPLE_S seconds: the peak of the whole process tree
(the command and its extraction workers, summed) and of the command alone.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.measure import path_size, remove_store

SAMPLE_S = 0.2
LOG_S = 30.0


def tree_rss_kb(root: int) -> tuple[int, int]:
    """(RSS of `root` and all its descendants summed, RSS of `root` alone), in KiB, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total, rss.get(root, 0)


def link_corpus(corpus: Path, folder: Path, docs: int) -> int:
    """`folder` holding links to the first `docs` documents of `corpus` (made afresh)."""
    files = sorted(corpus.glob("doc_*.txt"))[:docs]
    if len(files) < docs:
        raise SystemExit(f"{corpus} holds {len(files)} documents, fewer than {docs}")
    if folder.exists():
        for old in folder.iterdir():
            old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    for path in files:
        (folder / path.name).symlink_to(path.resolve())
    return len(files)


def measure_ingest(folder: Path, store: Path, extra_args: list[str], log: Path | None = None) -> dict[str, Any]:
    """Run the ingest command on `folder` into a new `store`, sampling its memory until it exits; with
    `log`, a line of (seconds, tree MB, command MB, store MB) every LOG_S seconds, for a run cut short."""
    remove_store(store)
    command = [sys.executable, "-m", "policykg", "ingest", str(folder), "--store", str(store), *extra_args]
    started = time.perf_counter()
    peak_tree = peak_main = 0
    logged = started
    with (
        tempfile.TemporaryFile("w+") as out_file,
        tempfile.TemporaryFile("w+") as err_file,
        subprocess.Popen(command, stdout=out_file, stderr=err_file, text=True) as child,
    ):
        while child.poll() is None:
            tree, main = tree_rss_kb(child.pid)
            peak_tree, peak_main = max(peak_tree, tree), max(peak_main, main)
            if log and time.perf_counter() - logged >= LOG_S:
                logged = time.perf_counter()
                with log.open("a", encoding="utf-8") as f:
                    sizes = [round(v / 1024) for v in (tree, main, peak_tree)]
                    f.write(f"{logged - started:.0f} s: tree {sizes[0]} MB, command {sizes[1]} MB, ")
                    f.write(f"peak {sizes[2]} MB, store {path_size(store) / 1e6:.0f} MB\n")
            time.sleep(SAMPLE_S)
        child.wait()
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    seconds = time.perf_counter() - started
    lines = out.strip().splitlines()
    result: dict[str, Any] = {
        "exit_code": child.returncode,
        "s": round(seconds, 1),
        "peak_rss_tree_mb": round(peak_tree / 1024, 1),
        "peak_rss_command_mb": round(peak_main / 1024, 1),
        "store_mb": round(path_size(store) / 1e6, 1),
        "output": lines[:1] + [line for line in lines if "of the text under the headings" in line],
    }
    if child.returncode != 0:
        result["error"] = err.strip().splitlines()[-1:] if err.strip() else []
    return result


def run_series(
    sizes: list[int],
    data: Path,
    seed: int,
    measures_per_doc: int,
    jobs: int,
    extra_args: list[str],
    corpus_docs: int = 0,
) -> dict[str, Any]:
    """Each size ingested in turn from the first documents of one corpus of max(sizes, corpus_docs)."""
    from benchmarks.run import ensure_corpus

    largest = max(*sizes, corpus_docs)
    corpus = data / f"corpus-{largest}-s{seed}-m{measures_per_doc}"
    header = ensure_corpus(corpus, largest, seed, measures_per_doc, jobs)
    series: dict[str, Any] = {"corpus": str(corpus), "corpus_header": header, "runs": {}}
    for docs in sorted(sizes):
        folder = data / f"ingest-memory-{docs}"
        link_corpus(corpus, folder, docs)
        print(f"[{time.strftime('%H:%M:%S')}] ingest of {docs} documents", file=sys.stderr, flush=True)
        store = data / f"ingest-memory-{docs}.lbug"
        log = data / f"ingest-memory-{docs}.log"
        log.unlink(missing_ok=True)
        run = measure_ingest(folder, store, ["--jobs", str(jobs), *extra_args], log)
        series["runs"][str(docs)] = run
        print(f"  {docs}: {run}", file=sys.stderr, flush=True)
    peaks = [r["peak_rss_tree_mb"] for r in series["runs"].values() if r["exit_code"] == 0]
    if peaks:
        series["peak_rss_tree_mb_max"] = max(peaks)
        series["flat_within"] = round(max(peaks) / min(peaks) - 1, 3)  # 0.2: within 20 %
    return series
