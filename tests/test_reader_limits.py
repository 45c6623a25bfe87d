"""Bounded inputs: hostile documents (a zip bomb, too many zip entries, XML and HTML nested past the bound,
too many tags, cells or pages, a file too big, a read that takes too long) through `policykg extract` and
`policykg ingest` as real processes. Each fails in under 10 s with exit code 2 and one line naming the
file, the bound and its setting (POLICYKG_MAX_*), and leaves the store as it was; a raised setting lets
the same file through."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from policykg.core.errors import InputError
from policykg.ingest.readers import read_document
from policykg.ingest.text_decoding import UndecodableError, decode_text
from tests import hostile_files as make
from tests.cli_run import run
from tests.corpus import LONGDE, SAMPLES, SONGYANG

POLICYKG = [sys.executable, "-c", "from policykg.cli.main import main; main()"]
SECONDS = 10  # the bound for refusing a bomb
SETTING = "POLICYKG_MAX_"
PROGRESS = ("extracting", "loading")  # the labels ingest prints on stderr as it goes


def policykg(*args: str, env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run a command with the default limits but for `env`, and time it."""
    defaults = {name: value for name, value in os.environ.items() if not name.startswith(SETTING)}
    started = time.monotonic()
    done = subprocess.run(
        [*POLICYKG, *args], capture_output=True, text=True, timeout=300, env={**defaults, **(env or {})}
    )
    return done, time.monotonic() - started


@pytest.fixture(scope="module")
def startup(tmp_path_factory: pytest.TempPathFactory) -> float:
    """What starting `policykg` and refusing an empty file costs here: the share of a command's time that
    is not reading (seconds on a loaded machine)."""
    empty = tmp_path_factory.mktemp("empty") / "empty.txt"
    empty.write_bytes(b"")
    done, seconds = policykg("extract", str(empty))
    assert done.returncode == 2
    return seconds


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A store holding one sample document, and its stats: what every refused ingest must leave."""
    path = tmp_path_factory.mktemp("store") / "s.lbug"
    done, _ = policykg("ingest", str(SAMPLES / LONGDE), "--store", str(path))
    assert done.returncode == 0, done.stderr
    return path, stats(path)


def stats(store: Path) -> str:
    done, _ = policykg("stats", "--store", str(store), "--format", "json")
    assert done.returncode == 0, done.stderr
    return done.stdout


def stats_here(store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """The same stats through the entry point in this process: a process less per case."""
    code, out, err = run(capsys, monkeypatch, "stats", "--store", str(store), "--format", "json")
    assert code == 0, err
    return out


def error_line(done: subprocess.CompletedProcess[str]) -> str:
    """The one error line of a refused command: exit code 2, no traceback, nothing else on stderr but
    ingest's progress labels."""
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 1, done.stderr
    assert all(line.startswith(PROGRESS) for line in lines if line not in errors), done.stderr
    return errors[0]


def read_seconds(path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> float:
    """How long reading the file takes in this process until it is refused."""
    for name in [name for name in os.environ if name.startswith(SETTING)]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    started = time.monotonic()
    with pytest.raises(InputError, match="refused"):
        read_document(path)
    return time.monotonic() - started


# (name, builder, environment, words the error must hold: the bound's setting and what passed it)
Builder = Callable[[Path], Path]
CASES: list[tuple[str, Builder, dict[str, str], tuple[str, ...]]] = [
    (
        "docx bomb: 300 MB body from a small zip",
        lambda d: make.docx_with_body(d / "bomb.docx", make.body(make.paragraphs_to(300))),
        {},
        ("word/document.xml inflates to 300 MB", "POLICYKG_MAX_PART_MB=200"),
    ),
    (
        "docx whose parts inflate past the total",
        lambda d: make.docx_with_body(
            d / "parts.docx",
            make.body(make.nested(1, "w:sdtContent")),
            {f"word/media/image{n}.bin": bytes(3 * 1024 * 1024) for n in range(3)},
        ),
        {"POLICYKG_MAX_UNPACKED_MB": "5"},
        ("entries inflate to 9 MB", "POLICYKG_MAX_UNPACKED_MB=5"),
    ),
    (
        "zip of too many entries",
        lambda d: make.zip_with_entries(d / "entries.docx", 10_001),
        {},
        ("entries", "POLICYKG_MAX_ZIP_ENTRIES=10000"),
    ),
    (
        "docx of too many XML elements",
        lambda d: make.docx_with_body(d / "elements.docx", make.body([b"<w:p/>" * 1_000_001])),
        {},
        ("more than 1,000,000 XML elements", "POLICYKG_MAX_ELEMENTS=1000000"),
    ),
    (
        "docx nested past the XML bound",
        lambda d: make.docx_with_body(d / "nested.docx", make.body(make.nested(300))),
        {},
        ("word/document.xml", "nests XML elements more than 256 deep", "POLICYKG_MAX_NESTING"),
    ),
    (
        "docx numbering part nested past the XML bound",
        lambda d: make.docx_with_body(
            d / "numbering.docx",
            make.body(make.nested(1, "w:sdtContent")),
            {"word/numbering.xml": make.numbering_nested(150)},
        ),
        {"POLICYKG_MAX_NESTING": "100"},
        ("word/numbering.xml nests XML elements more than 100 deep", "POLICYKG_MAX_NESTING=100"),
    ),
    (
        "xlsx nested past the XML bound",
        lambda d: make.workbook_nested(d / "nested.xlsx", 300),
        {},
        ("xl/worksheets/sheet1.xml", "nests XML elements more than 256 deep", "POLICYKG_MAX_NESTING"),
    ),
    (
        "xlsx of too many cells",
        lambda d: make.workbook(d / "cells.xlsx", 30, 10),
        {"POLICYKG_MAX_CELLS": "200"},
        ("more than 200 stored cells", "POLICYKG_MAX_CELLS=200"),
    ),
    (
        "HTML of 200,000 unclosed <div>",
        lambda d: _write(d / "divs.html", "<html><body>" + "<div>" * 200_000 + "推进严格规范公正文明执法"),
        {},
        ("more than 2,000 tags open inside each other", "POLICYKG_MAX_NESTING=2000"),
    ),
    (
        "HTML of too many tags",
        lambda d: _write(d / "tags.html", "<html><body><p>推进严格规范公正文明执法" + "<br>" * 1_000_001),
        {},
        ("more than 1,000,000 tags", "POLICYKG_MAX_ELEMENTS=1000000"),
    ),
    (
        "PDF of too many pages",
        lambda d: make.pdf(d / "pages.pdf", 5_001),
        {},
        ("5,001 pages", "POLICYKG_MAX_PDF_PAGES=5000"),
    ),
    (
        "PDF stream inflating past pypdf's bound",
        lambda d: make.pdf(d / "stream.pdf", 1, 3, inflating_to_mb=100),
        {},
        ("a stream or array of the PDF passes pypdf's bound", "not a setting"),
    ),
    (
        "PDF that takes too long to read",
        lambda d: make.pdf(d / "slow.pdf", 2_000, 60),
        {"POLICYKG_MAX_READ_SECONDS": "1"},
        ("takes longer than 1 s", "POLICYKG_MAX_READ_SECONDS=1"),
    ),
    (
        "text file over the file size",
        lambda d: _write(d / "big.txt", (SAMPLES / SONGYANG).read_text(encoding="utf-8") * 400),
        {"POLICYKG_MAX_FILE_MB": "1"},
        ("the file is 2 MB", "POLICYKG_MAX_FILE_MB=1"),
    ),
    (
        "text past the character bound",
        lambda d: _write(d / "long.txt", (SAMPLES / SONGYANG).read_text(encoding="utf-8")),
        {"POLICYKG_MAX_TEXT_CHARS": "1000"},
        ("past 1,000 characters", "POLICYKG_MAX_TEXT_CHARS=1000"),
    ),
]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name,build,env,words", CASES, ids=[case[0] for case in CASES])
def test_a_hostile_file_is_refused_in_one_line_and_stores_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    startup: float,
    store: tuple[Path, str],
    name: str,
    build: Builder,
    env: dict[str, str],
    words: tuple[str, ...],
) -> None:
    hostile = build(tmp_path)
    for command in (["extract", str(hostile)], ["ingest", str(hostile), "--store", str(store[0])]):
        done, seconds = policykg(*command, env=env)
        line = error_line(done)
        assert line.startswith(f"error: {hostile}: "), line
        for word in words:
            assert word in line, (word, line)
        assert seconds < SECONDS + 2 * startup, (command[0], seconds, startup)
    assert stats_here(store[0], capsys, monkeypatch) == store[1]
    assert read_seconds(hostile, env, monkeypatch) < SECONDS


def test_a_bomb_among_good_files_stops_the_ingest_before_anything_is_written(
    tmp_path: Path, startup: float, store: tuple[Path, str]
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_bytes((SAMPLES / SONGYANG).read_bytes())
    make.good_docx(folder / "good.docx")
    make.docx_with_body(folder / "bomb.docx", make.body(make.paragraphs_to(300)))
    done, seconds = policykg("ingest", str(folder), "--store", str(store[0]))
    line = error_line(done)
    assert line.startswith(f"error: {folder / 'bomb.docx'}: ") and "POLICYKG_MAX_PART_MB=200" in line, line
    assert seconds < SECONDS + 2 * startup
    assert stats(store[0]) == store[1]


def test_a_bomb_that_understates_its_size_is_refused_as_damaged(tmp_path: Path, startup: float) -> None:
    bomb = make.docx_with_body(tmp_path / "liar.docx", make.body(make.paragraphs_to(50)))
    make.understate_size(bomb, make.DOCUMENT_XML, 10_000)
    done, seconds = policykg("extract", str(bomb))
    line = error_line(done)
    assert line.startswith(f"error: {bomb}: damaged Word document"), line
    assert seconds < SECONDS + 2 * startup


@pytest.mark.parametrize(
    "setting,low,high",
    [("POLICYKG_MAX_ELEMENTS", "100", "100000"), ("POLICYKG_MAX_TEXT_CHARS", "1000", "100000")],
)
def test_a_raised_setting_lets_the_file_through(tmp_path: Path, setting: str, low: str, high: str) -> None:
    document = make.good_docx(tmp_path / "songyang.docx")
    store = tmp_path / "s.lbug"
    refused, _ = policykg("ingest", str(document), "--store", str(store), env={setting: low})
    assert f"{setting}={low}" in error_line(refused)
    done, _ = policykg("ingest", str(document), "--store", str(store), env={setting: high})
    assert done.returncode == 0, done.stderr
    assert json.loads(stats(store))["nodes"]["Document"] == 1


@pytest.mark.parametrize("raw", ["lots", "0", "-5", "inf"])
def test_a_bad_setting_is_one_line_naming_it(tmp_path: Path, raw: str) -> None:
    done, _ = policykg("extract", str(SAMPLES / SONGYANG), env={"POLICYKG_MAX_CELLS": raw})
    line = error_line(done)
    assert "POLICYKG_MAX_CELLS" in line and repr(raw) in line, line


# --- undecodable text: refused with the place of the bad bytes --------------------------------------


def test_an_invalid_byte_in_a_text_file_is_refused_with_its_line_and_offset(tmp_path: Path) -> None:
    good = (SAMPLES / SONGYANG).read_bytes()
    third_line = good.index(b"\n", good.index(b"\n") + 1) + 1
    broken = tmp_path / "broken.txt"
    broken.write_bytes(good[: third_line + 3] + b"\xff" + good[third_line + 3 :])
    done, _ = policykg("extract", str(broken))
    line = error_line(done)
    assert line == (
        f"error: {broken}: cannot decode text (tried UTF-8, UTF-16, GB18030, Big5): "
        f"byte FF at line 3, byte offset {third_line + 3:,} is not UTF-8"
    )


@pytest.mark.parametrize(
    "raw,where",
    [
        # GB18030 text (it reads furthest) with a byte no encoding takes on its fourth line.
        (
            ("推进依法行政\n" * 3).encode("gb18030") + "建设".encode("gb18030") + b"\xff",
            "byte FF at line 4, byte offset 43 is not GB18030",
        ),
        # UTF-8 after its BOM: the offset counts the BOM's three bytes.
        (b"\xef\xbb\xbf" + "第一行\n".encode() + b"\xe4\xb8", "byte E4 B8 at line 2, byte offset 13 is not UTF-8"),
        # UTF-16 after its BOM: lines counted on the text, not on 0x0A bytes.
        (b"\xff\xfe" + "一\n二\n".encode("utf-16-le") + b"\x00\xd8", "at line 3, byte offset 10 is not UTF-16-LE"),
    ],
)
def test_the_place_of_undecodable_bytes_is_named_in_the_files_encoding(tmp_path: Path, raw: bytes, where: str) -> None:
    with pytest.raises(UndecodableError) as refused:
        decode_text(raw)
    assert where in str(refused.value), refused.value
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError, match=where):  # the reader passes the place on
        read_document(path)


def test_an_ingest_under_a_bad_setting_stops_in_one_line_and_creates_no_store(tmp_path: Path) -> None:
    store = tmp_path / "s.lbug"
    done, _ = policykg("ingest", str(SAMPLES / SONGYANG), "--store", str(store), env={"POLICYKG_MAX_PDF_PAGES": "many"})
    assert "POLICYKG_MAX_PDF_PAGES: setting 'many' is not a number" in error_line(done)
    assert not store.exists()
