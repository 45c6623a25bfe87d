"""The place table is cached as JSON beside nothing of the user's: the cache gives the very table the
location file gives, a damaged cache is read past and rewritten, and no cache folder is ever required."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.core import places


@pytest.fixture
def fresh_table() -> Iterator[None]:
    places._table.cache_clear()
    yield
    places._table.cache_clear()


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("places-*.json"))


def test_the_cache_holds_the_table_the_file_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_table: None
) -> None:
    monkeypatch.setenv("POLICYKG_CACHE_DIR", str(tmp_path))
    parsed = places._parse_table(places._location_file())
    assert places._table() == parsed and "宁远县" in parsed
    [cache] = _cache_files(tmp_path)
    places._table.cache_clear()
    assert places._table() == parsed  # now read from the cache
    cache.write_text("{not json", encoding="utf-8")
    places._table.cache_clear()
    assert places._table() == parsed
    assert _cache_files(tmp_path) == [cache] and cache.read_text(encoding="utf-8").startswith("{")


def test_no_cache_folder_is_required(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_table: None) -> None:
    monkeypatch.setenv("POLICYKG_CACHE_DIR", "")
    assert places.leading_place("宁远县司法局") is not None
    places._table.cache_clear()
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would go", encoding="utf-8")
    monkeypatch.setenv("POLICYKG_CACHE_DIR", str(blocked / "policykg"))
    assert "宁远县" in places._table()
    assert os.listdir(tmp_path) == ["file"]


def test_the_table_reads_from_the_zip_jionlp_ships(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_table: None
) -> None:
    # A fresh installation has only china_location.zip: jionlp unzips it on its first import.
    monkeypatch.setenv("POLICYKG_CACHE_DIR", "")
    text = places._location_file()
    archive = os.path.join(os.path.dirname(text), "china_location.zip")
    assert places._parse_table(archive) == places._parse_table(text)
