"""The hostile campaign (issue 13): bad inputs to every command, run as real `python -m policykg` processes.
Each case either fails as one line naming the file or value, exit code 2, no traceback and nothing written,
or succeeds with exit code 0 having skipped nothing, or saying on stderr what it skipped.

Covered elsewhere, not repeated here:
  unreadable file and sub-folder (chmod, run as `nobody`) ........ tests/test_ingest_unreadable.py
  undecodable file name inside a folder; two a/plan.txt, b/plan.txt  tests/test_ingest_run.py
  export to a folder, under a file, to /proc, to a full disk ...... tests/test_export_targets.py
  bolt:// URIs with user:pw@, ?password=, #frag, a path ........... tests/test_bolt_uris.py
  a missing store for `stats` ..................................... tests/test_store_cli.py
  hostile console statements and JSON parameters (library) ........ tests/test_console_bounds.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from policykg.graph.ladybug_store import LadybugStore
from policykg.graph.loader import load
from policykg.ingest.pipeline import extract_file
from tests.corpus import PROJECT_FILES, SAMPLES, YUHU

SECRET = "hunter2-secret"
PROGRESS = ("extracting", "loading")  # ingest's progress labels on stderr
# …and, when stderr is not a terminal, its log of committed batches (what a killed run had written)
COMMITTED = re.compile(r"^loading: \d+ of \d+ documents committed$")


def raw(data: bytes) -> str:
    """An argument or file name holding bytes that are not UTF-8, as Python hands them over."""
    return data.decode("utf-8", "surrogateescape")


@dataclass(frozen=True)
class Done:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        lines = [line.strip() for line in self.err.splitlines()]
        return [line for line in lines if line and line not in PROGRESS and not COMMITTED.match(line)]


def policykg(place: Path, *args: str) -> Done:
    done = subprocess.run(
        [sys.executable, "-m", "policykg", *args], capture_output=True, cwd=place, timeout=300, check=False
    )
    return Done(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a store of the project corpus (s.lbug), an empty file and an empty store file, a folder
    without documents, a plain file."""
    folder = tmp_path_factory.mktemp("campaign")
    with LadybugStore(folder / "s.lbug") as store:
        load(store, [extract_file(p) for p in PROJECT_FILES])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nothing").mkdir()
    (folder / "nothing" / "notes.md").write_text("不是文件类型\n", encoding="utf-8")
    (folder / "afile").write_text("x", encoding="utf-8")
    (folder / "zero.lbug").write_bytes(b"")  # touched, never written: no graph, not an earlier version
    return folder


@dataclass(frozen=True)
class Case:
    id: str
    args: tuple[str, ...]
    names: str  # the file or value the one-line error names
    reason: str  # what the error line says of it
    unwritten: str = ""  # a path under place the command must not create
    secret: str = ""  # what must not be echoed


S = ("--store", "s.lbug")
NONE = ("--store", "none.lbug")
DEEP = "[" * 5000 + "]" * 5000
CASES = [
    # parameters
    Case("param-infinite", ("query", "lead_counts", "--param", "limit=1e999", *S), "1e999", "finite"),
    Case("param-infinite-in-list", ("cypher", "RETURN $x", "--param", "x=[1,-1e999]", *S), "-1e999", "finite"),
    Case("param-deep-json", ("cypher", "RETURN $x", "--param", f"x={DEEP}", *S), "--param x", "nest deeper"),
    Case("param-deep-json-query", ("query", "document_text", "--param", f"source={DEEP}", *S),
         "--param source", "nest deeper"),
    Case("param-huge-int", ("query", "lead_counts", "--param", "limit=" + "9" * 30, *S), "--param limit", "64-bit"),
    Case("param-negative-limit", ("query", "lead_counts", "--param", "limit=-5", *S), "-5", "0 or more"),
    Case("param-fraction", ("query", "lead_counts", "--param", "limit=1.5", *S), "1.5", "whole number"),
    Case("param-nested-for-string", ("query", "document_text", "--param", "source=[[[]]]", *S),
         "source", "must be a string"),
    Case("param-nested-in-list", ("query", "instrument_measures", "--param", "instruments=[1,[2]]", *S),
         "instruments", "must be a list"),
    Case("param-not-a-pair", ("query", "lead_counts", "--param", "limit", *S), "--param 'limit'", "NAME=VALUE"),
    Case("param-undecodable", ("query", "document_text", "--param", raw(b"source=\xff.txt"), *S),
         "--param source", "not UTF-8"),
    Case("cypher-undecodable-byte", ("cypher", raw(b"RETURN '\xff' AS x"), *S), "statement", "invalid character"),
    Case("ask-undecodable-bytes", ("ask", raw(b"\xe5\x8e\xbf\xff\xfe"), *S), "\\xff\\xfe", "not UTF-8"),
    # stores
    Case("store-http-secret", ("stats", "--store", f"http://neo4j:{SECRET}@127.0.0.1:7474"),
         "http://127.0.0.1:7474", "not a store", secret=SECRET),
    Case("store-other-scheme-secret", ("stats", "--store", f"ftp://u:{SECRET}@db.example.org/g"),
         "ftp://db.example.org", "not a store", secret=SECRET),
    Case("store-file-uri-query", ("stats", "--store", f"file:///tmp/g.lbug?password={SECRET}"),
         "file://", "not a store", secret=SECRET),
    Case("store-bolt-port-word", ("stats", "--store", "bolt://127.0.0.1:notaport"), "bolt://127.0.0.1", "port must"),
    Case("store-bolt-port-big", ("stats", "--store", "bolt://127.0.0.1:99999"), "bolt://127.0.0.1", "port must"),
    Case("store-http", ("cypher", "RETURN 1", "--store", "http://localhost:7474"), "http://localhost:7474", "not a"),
    Case("missing-store-query", ("query", "documents", *NONE), "none.lbug", "no such store", "none.lbug"),
    Case("missing-store-ask", ("ask", "县司法局牵头哪些措施", *NONE), "none.lbug", "no such store", "none.lbug"),
    Case("missing-store-cypher", ("cypher", "RETURN 1", *NONE), "none.lbug", "no such store", "none.lbug"),
    Case("missing-store-export", ("export", "out.json", "--format", "json", *NONE), "none.lbug", "no such", "out.json"),
    Case("missing-store-overlap", ("overlap", "--no-write", *NONE), "none.lbug", "no such store", "none.lbug"),
    Case("store-empty-file", ("stats", "--store", "zero.lbug"), "zero.lbug", "holds no graph yet"),
    Case("store-empty-file-export", ("export", "z.json", "--format", "json", "--store", "zero.lbug"),
         "zero.lbug", "holds no graph yet", "z.json"),
    Case("explore-http-secret", ("explore", "--store", f"http://neo4j:{SECRET}@127.0.0.1:7474"),
         "http://127.0.0.1:7474", "not a store", secret=SECRET),
    Case("explore-port-big", ("explore", "--port", "99999", *S), "--port", "1<=x<=65535"),
    # exports (the full list of bad targets is in tests/test_export_targets.py)
    Case("export-under-a-file", ("export", "afile/g.json", "--format", "json", *S), "afile/g.json", "is a file"),
    # inputs
    Case("ingest-empty-file", ("ingest", "empty.txt", "--store", "e.lbug"), "empty.txt", "empty file", "e.lbug"),
    Case("ingest-folder-without-documents", ("ingest", "nothing", "--store", "e.lbug"),
         "nothing", "no documents found", "e.lbug"),
    Case("ingest-missing-path", ("ingest", "nowhere", "--store", "e.lbug"), "nowhere", "no such file", "e.lbug"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_a_hostile_argument_is_one_line_exit_2(place: Path, case: Case) -> None:
    done = policykg(place, *case.args)
    assert done.code == 2, (done.code, done.err[-2000:])
    assert "Traceback" not in done.err and done.out == ""
    [line] = done.err_lines
    assert line.startswith("error: ") and case.names in line and case.reason in line, line
    if case.secret:
        assert case.secret not in done.err
    if case.unwritten:
        assert not (place / case.unwritten).exists()


def _ingest(place: Path, folder: Path, store: str) -> Done:
    done = policykg(place, "ingest", str(folder), "--store", store)
    assert done.code == 0, done.err[-2000:]
    assert "Traceback" not in done.err
    assert not [line for line in done.err_lines if not line.startswith("warning: ")], done.err
    return done


def _sources(place: Path, store: str) -> list[str]:
    done = policykg(
        place, "cypher", "MATCH (d:Document) RETURN d.source AS s ORDER BY s", "--format", "json", "--store", store
    )
    assert done.code == 0, done.err
    return [row["s"] for row in json.loads(done.out)]


def test_undecodable_names_of_a_file_and_a_folder_are_read_and_shown_escaped(tmp_path: Path) -> None:
    odd_file = tmp_path / raw(b"plan\xff.txt")
    odd_file.write_bytes((SAMPLES / YUHU).read_bytes())
    done = _ingest(tmp_path, odd_file, "one.lbug")
    assert "1 added" in done.out
    assert _sources(tmp_path, "one.lbug") == ["plan\\xff.txt"]
    removed = policykg(tmp_path, "remove", str(odd_file), "--store", "one.lbug")  # the name as the shell has it
    assert removed.code == 0 and "removed plan\\xff.txt" in removed.out, removed.err
    assert _sources(tmp_path, "one.lbug") == []

    docs = tmp_path / "docs"
    (docs / raw(b"sub\xfe")).mkdir(parents=True)
    (docs / raw(b"sub\xfe") / YUHU).write_bytes((SAMPLES / YUHU).read_bytes())
    done = _ingest(tmp_path, docs, "two.lbug")
    assert "1 added" in done.out and not done.err_lines  # nothing skipped, nothing to warn of
    assert _sources(tmp_path, "two.lbug") == [f"sub\\xfe/{YUHU}"]


def test_skipped_and_repeated_numbers_and_control_characters_are_warned_and_kept(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    lines = ["宁远县2026年法治政府建设工作要点", "一、主要任务"]
    lines += [f"{n}.推进依法行政第{n}项工作。(责任单位:宁远县司法局)" for n in (1, 2, 4, 4, 5)]
    lines.append("6.规范执法\x07行为\x1b[31m。(责任单位:宁远县司法局)")
    (docs / "odd.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = _ingest(tmp_path, docs, "g.lbug")
    assert "measures hold" in done.out  # the coverage line
    [warned] = [line for line in done.out.splitlines() if line.strip().startswith("odd.txt:")]
    assert "2 numbering" in warned

    query = "MATCH (m:Measure) WHERE m.text CONTAINS '规范执法' RETURN m.text AS text"
    as_json = policykg(tmp_path, "cypher", query, "--format", "json", "--store", "g.lbug")
    assert json.loads(as_json.out) == [{"text": "6.规范执法\x07行为\x1b[31m。(责任单位:宁远县司法局)"}]
    as_table = policykg(tmp_path, "cypher", query, "--store", "g.lbug")
    assert as_table.code == 0 and "\x1b" not in as_table.out  # never sent to the terminal as it is …
    assert "规范执法\\x07行为\\x1b[31m。" in as_table.out  # … and never dropped unsaid either


def test_a_document_of_1200_items_keeps_every_measure(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    lines = ["宁远县2026年法治政府建设工作要点", "一、主要任务"]
    lines += [f"{n}.推进依法行政第{n}项工作。(责任单位:宁远县司法局)" for n in range(1, 1201)]
    (docs / "big.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = _ingest(tmp_path, docs, "g.lbug")
    assert "1200 Measure" in done.out and not done.err_lines
    counted = policykg(
        tmp_path, "cypher", "MATCH (m:Measure) RETURN count(m) AS n", "--format", "json", "--store", "g.lbug"
    )
    assert json.loads(counted.out) == [{"n": 1200}]


def test_an_export_to_an_undecodable_name_is_written_under_that_name(place: Path, tmp_path: Path) -> None:
    target = tmp_path / raw(b"graph\xff.json")
    done = policykg(place, "export", str(target), "--format", "json", "--store", "s.lbug")
    assert done.code == 0 and "Traceback" not in done.err, done.err
    assert json.loads(target.read_bytes())["nodes"]
    assert os.listdir(tmp_path) == [target.name]  # no temporary file left beside it


def test_an_empty_store_file_is_filled_by_an_ingest(tmp_path: Path) -> None:
    """Read commands say it holds no graph (above); an ingest writes one into it instead of calling it stale."""
    (tmp_path / "zero.lbug").write_bytes(b"")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / YUHU).write_bytes((SAMPLES / YUHU).read_bytes())
    done = _ingest(tmp_path, docs, "zero.lbug")
    assert "1 added" in done.out
    assert _sources(tmp_path, "zero.lbug") == [YUHU]


def test_pipes_and_links_in_a_folder_are_warned_by_name_and_a_pipe_argument_is_one_line(tmp_path: Path) -> None:
    """A named pipe would make the read wait for ever; a broken link or a link to a folder (not followed,
    so no loop) would be skipped unsaid."""
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "a" / YUHU).write_bytes((SAMPLES / YUHU).read_bytes())
    os.mkfifo(docs / "pipe.txt")
    (docs / "dead.txt").symlink_to(tmp_path / "nowhere.txt")
    (docs / "a" / "up").symlink_to(docs)
    done = _ingest(tmp_path, Path("docs"), "g.lbug")  # relative: the warnings name the paths as given
    assert sorted(done.err_lines) == [
        "warning: skipped docs/a/up: a link to a folder, not followed",
        "warning: skipped docs/dead.txt: a broken link",
        "warning: skipped docs/pipe.txt: not a regular file (a pipe, socket or device)",
    ]
    assert "1 added" in done.out and "skipped 3" in done.out
    assert _sources(tmp_path, "g.lbug") == [f"a/{YUHU}"]

    piped = policykg(tmp_path, "ingest", "docs/pipe.txt", "--store", "p.lbug")
    assert piped.code == 2 and "Traceback" not in piped.err
    [line] = piped.err_lines
    assert line.startswith("error: docs/pipe.txt: not a regular file")
    assert not (tmp_path / "p.lbug").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("export", "c.lbug", "--format", "json"),
        ("export", "./c.lbug", "--format", "graphml"),
        ("export", "c.lbug", "--format", "csv"),
        ("export", "c.lbug.wal", "--format", "json"),
        ("export", "link.json", "--format", "json"),
        ("overlap", "--no-write", "--graphml", "c.lbug"),
    ],
    ids=["json", "graphml", "csv", "wal", "link", "overlap-graphml"],
)
def test_an_export_onto_the_store_itself_is_refused_and_the_store_still_opens(
    place: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """The rename into place would have put the export where the database was (exit 0, store gone)."""
    shutil.copy(place / "s.lbug", tmp_path / "c.lbug")
    (tmp_path / "link.json").symlink_to(tmp_path / "c.lbug")
    before = policykg(tmp_path, "stats", "--format", "json", "--store", "c.lbug").out
    done = policykg(tmp_path, *args, "--store", "c.lbug")
    assert done.code == 2 and "Traceback" not in done.err, done.err
    [line] = done.err_lines
    assert line.startswith(f"error: {Path(args[1] if args[0] == 'export' else args[3])}: is the store c.lbug")
    assert policykg(tmp_path, "stats", "--format", "json", "--store", "c.lbug").out == before
