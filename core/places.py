"""Chinese administrative place names (province / city / county, and the townships and streets below a
county) from jionlp's offline location table.

jionlp's parse_location takes milliseconds a call; extraction needs place look-ups in every document, so
the table is loaded once into a dict and matched here directly. The township level (乡, 镇, 街道) is read
from the same file only when a document names one, since it is ten times the size of the rest.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache

from policykg.core.cache import cache_dir, write_atomically

_ADMIN_ENDINGS = ("省", "自治区", "市", "州", "盟", "地区", "县", "区", "旗")
_MAX_NAME = 12


@dataclass(frozen=True)
class Place:
    province: str = ""
    city: str = ""
    county: str = ""
    town: str = ""  # 天堂镇, 东溪街道, 九疑山瑶族乡

    @property
    def level(self) -> int:
        return 4 if self.town else 3 if self.county else 2 if self.city else 1


_LOCATION_TEXT = "china_location.txt"


def _location_file() -> str:
    """jionlp's location table, found without importing jionlp (its import and loader take ~2 s): the
    text file, or the zip jionlp ships it in (jionlp unzips it into its own folder on first import, which
    an installation that has never imported jionlp, or cannot write there, does not have)."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jionlp is not installed")
    folder = os.path.join(os.path.dirname(spec.origin), "dictionary")
    text = os.path.join(folder, _LOCATION_TEXT)
    return text if os.path.exists(text) else os.path.join(folder, "china_location.zip")


def _location_text(path: str) -> str:
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            return archive.read(_LOCATION_TEXT).decode("utf-8")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


# A province (no tab), city (one) or county (two tabs) line: name, administrative code, alias(es);
# a city's aliases are separated by '/'. Township and village lines (three, four tabs) do not match.
_LEVEL_LINE = re.compile(r"^(\t{0,2})([^\t\r\n]+)\t([^\t\r\n]+)\t([^\t\r\n]+)\r?$", re.M)


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[Place, ...]]:
    """Place name (full name or alias) → the places of that name, province to county; from the cache when
    it was made from this very location file (reading the 12 MB file costs ~0.2 s on every start)."""
    source = _location_file()
    cache = _cache_path(source)
    cached = _read_cache(cache) if cache else None
    if cached is not None:
        return cached
    table = _parse_table(source)
    if cache:
        _write_cache(cache, table)
    return table


def _parse_table(path: str) -> dict[str, tuple[Place, ...]]:
    source = _location_text(path)
    table: dict[str, list[Place]] = {}
    province = city = ""
    for m in _LEVEL_LINE.finditer(source):
        depth, name, alias = len(m.group(1)), m.group(2), m.group(4)
        if depth == 0:
            province, city = name, ""
            place = Place(province)
        elif depth == 1:
            city = name
            place = Place(province, city)
        else:
            place = Place(province, city, name)
        for written in (name, *alias.split("/")):
            if len(written) >= 2 and written.endswith(_ADMIN_ENDINGS):
                table.setdefault(written, []).append(place)
    return {name: tuple(places) for name, places in table.items()}


def _cache_path(source: str) -> str:
    """A cache file named after the location file's size and time: another jionlp makes another cache
    (in core.cache's folder; none when caching is off)."""
    folder = cache_dir()
    if not folder:
        return ""
    try:
        stat = os.stat(source)
    except OSError:
        return ""
    return os.path.join(folder, f"places-{_CACHE_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.json")


_CACHE_FORMAT = 1  # bump when the table's shape changes


def _read_cache(path: str) -> dict[str, tuple[Place, ...]] | None:
    try:
        with open(path, encoding="utf-8") as handle:
            rows = json.load(handle)
        return {name: tuple(Place(*levels) for levels in places) for name, places in rows.items()}
    except (OSError, ValueError, TypeError):
        return None  # absent, or not ours: parse the file again


def _write_cache(path: str, table: dict[str, tuple[Place, ...]]) -> None:
    """Written whole or not at all; a folder that cannot be written only means the next start parses the
    file again."""
    rows = {name: [[p.province, p.city, p.county] for p in places] for name, places in table.items()}
    write_atomically(path, lambda out: out.write(json.dumps(rows, ensure_ascii=False).encode("utf-8")))


def _contains(outer: Place, inner: Place) -> bool:
    if inner.level <= outer.level:
        return False
    return (not outer.province or outer.province == inner.province) and (not outer.city or outer.city == inner.city)


@lru_cache(maxsize=65536)
def leading_place(text: str) -> tuple[str, Place] | None:
    """The longest run of place names at the start of text (营口市鲅鱼圈区…) and the place it names."""
    table = _table()
    best: tuple[str, Place] | None = None

    def extend(pos: int, current: Place | None) -> None:
        nonlocal best
        for length in range(2, min(_MAX_NAME, len(text) - pos) + 1):
            for place in table.get(text[pos : pos + length], ()):
                if current is None or _contains(current, place):
                    end = pos + length
                    if best is None or end > len(best[0]):
                        best = (text[:end], place)
                    extend(end, place)

    extend(0, None)
    return best


@lru_cache(maxsize=1)
def place_stems() -> frozenset[str]:
    """Place names without their 县 / 市 / 区 … ending, three characters or more (和林格尔, 鲅鱼圈): how a name
    is written inside another one (人民银行和林格尔支行)."""
    stems = set()
    for name in _table():
        for ending in _ADMIN_ENDINGS:
            if name.endswith(ending) and len(name) - len(ending) >= 3:
                stems.add(name[: -len(ending)])
    return frozenset(stems)


def is_place_name(text: str) -> Place | None:
    """The place when the whole of text is place names (辽宁省, 永州市宁远县), else None."""
    found = leading_place(text)
    return found[1] if found and found[0] == text else None


# Township-level names end so; 镇 and 乡 alone are not names (各乡镇 is a group, not a place).
TOWN_ENDINGS = ("街道", "镇", "乡", "苏木")
_TOWN_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:街道|镇|乡|苏木)")
# After a township name written in full, the organ of its government: 天堂镇人民政府, 东溪街道办事处.
_TOWN_ORGAN = re.compile(r"(?:人民政府|政府|党委|办事处|人大|党工委)")
# Words no township name holds: a group (各乡镇), an organ (人民政府…街道), a unit (司法所).
_NOT_TOWN_NAME = re.compile(r"^[各全]|乡镇|政府|人民|[委局办部所厅院]")
# Lines of jionlp's location file: no tab = province, one = city, two = county, three = township.
_LOCATION_LINE = re.compile(r"^(\t{0,3})(?!\t)([^\t\r\n]+)", re.M)


@lru_cache(maxsize=1)
def _towns() -> tuple[dict[tuple[str, str, str], frozenset[str]], dict[str, tuple[Place, ...]]]:
    """(county → its township names, township name → the places of that name)."""
    try:
        source = _location_text(_location_file())
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}, {}
    by_county: dict[tuple[str, str, str], set[str]] = {}
    by_name: dict[str, list[Place]] = {}
    province = city = county = ""
    for m in _LOCATION_LINE.finditer(source):
        depth, name = len(m.group(1)), m.group(2).strip()
        if depth == 0:
            province, city, county = name, "", ""
        elif depth == 1:
            city, county = name, ""
        elif depth == 2:
            county = name
        elif name.endswith(TOWN_ENDINGS):
            by_county.setdefault((province, city, county), set()).add(name)
            by_name.setdefault(name, []).append(Place(province, city, county, name))
    return (
        {key: frozenset(names) for key, names in by_county.items()},
        {name: tuple(places) for name, places in by_name.items()},
    )


def town_after(text: str, county: Place) -> str:
    """The township or street text starts with, inside county (天堂镇 in 天堂镇2024年… for 宁远县), or "".

    A name the table lists for that county counts; so does one written with its government organ
    (XX镇人民政府, XX街道办事处), since townships are renamed and merged more often than the table is updated.
    """
    if not county.county:
        return ""
    candidates = [m.group(0) for m in _candidate_names(text)]
    if not candidates:
        return ""
    known = _towns()[0].get((county.province, county.city, county.county), frozenset())
    for name in reversed(candidates):  # the longest first: 桥头镇 before 桥头… nothing shorter wins
        if name in known:
            return name
    for name in reversed(candidates):
        if _TOWN_ORGAN.match(text, len(name)) and not _NOT_TOWN_NAME.search(name):
            return name
    return ""


def towns_named(name: str) -> tuple[Place, ...]:
    """Every township or street of this exact name (垡头街道 → 北京市朝阳区垡头街道); often more than one."""
    if not name.endswith(TOWN_ENDINGS):
        return ()
    return _towns()[1].get(name, ())


def _candidate_names(text: str) -> list[re.Match[str]]:
    """Every prefix of text that reads as a township name, shortest first (天堂镇; 城关镇; 东溪街道)."""
    found = []
    for end in range(2, min(len(text), 10) + 1):
        m = _TOWN_NAME.fullmatch(text, 0, end)
        if m:
            found.append(m)
    return found
