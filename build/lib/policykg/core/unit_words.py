"""What a unit name looks like: its noise words, its suffixes, and the collective groups."""

from __future__ import annotations

import re

from policykg.core.vocabulary import (
    COLLECTIVE_AREA_PREFIXES,
    COLLECTIVE_NOUNS,
    COLLECTIVE_PLACE_NOUNS,
    COLLECTIVE_QUALIFIERS,
    DIRECT_UNDER_MARKERS,
    Span,
)

# Words around a unit mention that are not part of its name: "市发改委等相关单位" → 市发改委,
# "县政府各部门按职责分工负责" → 县政府各部门, "由县司法局" → 县司法局.
_TRAILING_NOISE = re.compile(
    r"(?:等(?:相关|有关|其他)?(?:单位|部门|机关)?"
    r"|(?:按照?|根据|依)(?:各自)?职责(?:分工)?(?:分别)?(?:负责|落实)?"
    r"|(?:分别|共同)?负责"
    r"|牵头"
    r")$"
)
_LEADING_NOISE = re.compile(r"^(?:由|请|和|及|以及|与)")
_EDGE_CHARS = " \n。,;:、\"“”'"

# Endings of the names of government bodies, party organs, courts, enterprises and groups of them.
_UNIT_SUFFIX = re.compile(
    r"(?:局|办|委|部|院|厅|室|中心|会|所|站|队|组|府|处|科|街道|乡镇|镇|乡|公司|集团|单位|部门|机关|法院"
    r"|检察院|银行|支行|分行|学校|党校|馆|社|团|联|台|庭|分区|署|指挥部|园区|政府|人大|政协|纪委|监委|办公室"
    r"|中队|大队|支队|总队|分局|管理处|服务中心|事务中心|联合会|协会|学会|商会|企业|医院|机构|组织"
    r"|系统|各级|街办|社区|村|委员会|工委|管委|公安|法庭|海关|税务|邮政|电力|气象|消防|武警|国资委"
    r"|城管|执法局|专班|领导小组|小组|班子)"
    r"(?:\([\u4e00-\u9fff]{1,8}\))?$"
)
# Group mentions that name no single body: 全区各部门, 县政府其他有关部门, 各乡镇(街道), 市直各相关单位.
_COLLECTIVE = re.compile(
    rf"^(?:{'|'.join((*COLLECTIVE_AREA_PREFIXES, *DIRECT_UNDER_MARKERS, *COLLECTIVE_QUALIFIERS))})"
    rf"|(?:{'|'.join(COLLECTIVE_QUALIFIERS)})[\u4e00-\u9fff]{{0,6}}(?:{'|'.join(COLLECTIVE_NOUNS)})"
    rf"|(?:各|全)[\u4e00-\u9fff]{{0,4}}(?:{'|'.join(COLLECTIVE_PLACE_NOUNS)})"
    r"|成员单位"
)
_MAX_UNIT_LEN = 32


def strip_unit_noise(text: str, start: int, end: int) -> Span:
    """Shrink text[start:end] to the unit name itself."""
    while True:
        while start < end and text[start] in _EDGE_CHARS:
            start += 1
        while end > start and text[end - 1] in _EDGE_CHARS:
            end -= 1
        piece = text[start:end]
        lead = _LEADING_NOISE.match(piece)
        trail = _TRAILING_NOISE.search(piece)
        if piece.endswith(")") and piece.count("(") < piece.count(")"):
            end -= 1  # the closing bracket of an unbalanced clause: 县政府有关部门按职责分工负责)
        elif lead and len(piece) > lead.end():
            start += lead.end()
        elif trail and trail.start() > 0:
            end = start + trail.start()
        else:
            return start, end


def looks_like_unit(name: str) -> bool:
    if not name or len(name) > _MAX_UNIT_LEN:
        return False
    if any(ch in name for ch in "。:;《》“”!?") or re.search(r"\d", name):
        return False
    return bool(_UNIT_SUFFIX.search(name) or _COLLECTIVE.search(name))


def is_collective(name: str) -> bool:
    return bool(_COLLECTIVE.search(name))
