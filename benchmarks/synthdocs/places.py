"""Real county-level jurisdictions (benchmarks/jurisdictions.tsv) and the names documents derive from them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

JURISDICTIONS_TSV = Path(__file__).resolve().parent.parent / "jurisdictions.tsv"

# 县/区/旗 prefix a unit's name; a county-level city writes 市司法局 for its own bureau.
_PREFIX = {"县": "县", "自治县": "县", "区": "区", "旗": "旗", "县级市": "市"}


@dataclass(frozen=True)
class Jurisdiction:
    province: str
    city: str
    county: str
    level: str  # 县 | 自治县 | 区 | 旗 | 县级市
    short: str  # 宁远 (人民银行宁远支行); two-character names stay whole (道县)

    @property
    def prefix(self) -> str:
        return _PREFIX[self.level]

    @property
    def name(self) -> str:
        """How documents name the jurisdiction: 宁远县, but 营口市鲅鱼圈区 for a district."""
        return self.city + self.county if self.level == "区" else self.county

    @property
    def abbreviation(self) -> str:
        """First characters used in document numbers: 宁发〔2022〕7号, 营鲅依法发〔2021〕1号."""
        if self.level != "区":
            return self.county[0]
        return self.short[:2] if self.city[0] == self.county[0] else self.city[0] + self.county[0]


def load_jurisdictions(path: Path = JURISDICTIONS_TSV) -> tuple[Jurisdiction, ...]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("province\t"):
            continue
        province, city, county, level, short = line.split("\t")
        rows.append(Jurisdiction(province, city, county, level, short))
    return tuple(rows)
