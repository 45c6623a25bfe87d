"""What the files beside a LadybugDB store say: whether a checkpoint is under way or was cut short, and
which process holds the store's write lock.

A writer checkpoints by writing `<store>.shadow` and `<store>.wal.checkpoint` (with two
`<store>.checkpoint.*.lock` files) and removing them when done. While they exist a read-only open is
refused ("checkpoint recovery is pending"): worth a short wait while their writer lives, and a job for one
read-write open (which replays them) once it has died.
"""

from __future__ import annotations

import os
from pathlib import Path

# Present only between the start of a checkpoint and its end (or the next read-write open after a crash).
CHECKPOINT_SUFFIXES = (".shadow", ".wal.checkpoint", ".checkpoint.intent.lock", ".checkpoint.apply.lock")
# Of those, the ones holding committed pages: while they exist a read-only open is refused.
RECOVERY_SUFFIXES = (".shadow", ".wal.checkpoint")
WAL_SUFFIX = ".wal"
PROC_LOCKS = Path("/proc/locks")


def checkpoint_files(store: str | Path) -> list[Path]:
    """The checkpoint side files that exist next to the store."""
    base = str(store)
    return [Path(base + suffix) for suffix in CHECKPOINT_SUFFIXES if Path(base + suffix).exists()]


def checkpoint_pending(store: str | Path) -> bool:
    """Recovery is pending: a checkpoint wrote pages that only a read-write open applies."""
    return any(Path(str(store) + suffix).exists() for suffix in RECOVERY_SUFFIXES)


def writer_pid(store: str | Path) -> int | None:
    """The id of the process holding the store's write lock; None when no process holds it (or this is
    not Linux). 0 when a lock is held by a process whose id the kernel does not say (an OFD lock).

    Read from /proc/locks rather than with fcntl(F_GETLK): asking fcntl means opening the store file, and
    closing that descriptor would drop this process's own lock on it, if it holds one."""
    try:
        info = os.stat(store)
        table = PROC_LOCKS.read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    wanted = (os.major(info.st_dev), os.minor(info.st_dev), info.st_ino)
    for line in table.splitlines():
        # "1: POSIX  ADVISORY  WRITE 6377 fe:00:2146673 0 EOF"; a waiting lock has "->" after the number.
        fields = line.replace("->", "").split()
        if len(fields) < 6 or fields[3] != "WRITE":
            continue
        if _device_inode(fields[5]) == wanted:
            pid = int(fields[4]) if fields[4].lstrip("-").isdigit() else 0
            return max(pid, 0)
    return None


def _device_inode(field: str) -> tuple[int, int, int] | None:
    """/proc/locks names a file as MAJOR:MINOR:INODE, the device numbers in hex."""
    parts = field.split(":")
    if len(parts) != 3:
        return None
    try:
        return int(parts[0], 16), int(parts[1], 16), int(parts[2])
    except ValueError:
        return None


def file_signature(store: str | Path) -> tuple[int, ...]:
    """What changes whenever a commit lands: the store file's and its write-ahead log's device, inode,
    size, modification and change times (a commit writes the log, a checkpoint the file). () when the
    store cannot be read."""
    parts: list[int] = []
    for path in (str(store), str(store) + WAL_SUFFIX):
        try:
            info = os.stat(path)
        except FileNotFoundError:
            parts += [0] * 5  # no log: every commit has been checkpointed into the file
            continue
        except OSError:
            return ()
        parts += [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]
    return tuple(parts) if parts[2] or parts[3] else ()
