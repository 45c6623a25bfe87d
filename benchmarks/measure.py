"""Small timing and memory helpers for benchmarks/run.py: repeated timings with percentiles, peak RSS,
the size of a store on disk."""

from __future__ import annotations

import math
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between the closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def repeat(
    call: Callable[[], Any], *, runs: int = 20, min_runs: int = 3, budget_s: float = 5.0, warmup: int = 1
) -> dict[str, Any]:
    """Time `call` after `warmup` untimed calls: `runs` times, or fewer (never under `min_runs`) once
    `budget_s` of timed calls is spent. Milliseconds: p50, p95, min, max; `rows` is len() of the last result
    when it has one."""
    result: Any = None
    for _ in range(warmup):
        result = call()
    times: list[float] = []
    spent = 0.0
    while len(times) < runs and (len(times) < min_runs or spent < budget_s):
        started = time.perf_counter()
        result = call()
        elapsed = time.perf_counter() - started
        times.append(elapsed * 1000)
        spent += elapsed
    out: dict[str, Any] = {
        "runs": len(times),
        "p50_ms": round(percentile(times, 50), 2),
        "p95_ms": round(percentile(times, 95), 2),
        "min_ms": round(min(times), 2),
        "max_ms": round(max(times), 2),
    }
    if hasattr(result, "__len__"):
        out["rows"] = len(result)
    return out


def peak_rss_mb() -> dict[str, float]:
    """Peak resident set size so far, in MB: this process, and the largest of its waited-for children
    (getrusage's RUSAGE_CHILDREN is the maximum over them, not a sum)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"self_mb": round(own / 1024, 1), "children_mb": round(children / 1024, 1)}


def cpu_seconds() -> float:
    """User plus system CPU seconds so far of this process and its waited-for children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def path_size(path: Path) -> int:
    """Bytes of a store: the file or directory at `path` plus its siblings `path.*` (write-ahead log …)."""
    total = 0
    for item in [path, *path.parent.glob(path.name + ".*")]:
        if item.is_file():
            total += item.stat().st_size
        elif item.is_dir():
            total += sum(p.stat().st_size for p in item.rglob("*") if p.is_file())
    return total


def remove_store(path: Path) -> None:
    """Delete a LadybugDB store and its siblings (`path.wal` …) so a run starts from an empty store."""
    import shutil

    for item in [path, *path.parent.glob(path.name + ".*")]:
        if item.is_dir():
            shutil.rmtree(item)
        elif item.exists():
            item.unlink()


class Stopwatch:
    """`with Stopwatch() as sw: …` then `sw.seconds`."""

    seconds: float = 0.0

    def __enter__(self) -> Stopwatch:
        self._started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._started

    def elapsed(self) -> float:
        """Seconds since the block started (while it runs)."""
        return time.perf_counter() - self._started
