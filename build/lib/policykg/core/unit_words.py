"""What a unit name looks like: its noise words, its endings, the groups, and lists joined by 和 / 及.

A list item is a unit when it ends like the name of a body (局, 办公室, 人民政府, 党校, 股 …), names a
group (县直各单位, 各乡镇（街道）, 乡镇人民政府) or both. Brackets at the end of a name belong to it
(各乡镇人民政府（街道办事处）). The noise around a name (等相关单位, 按职责分工负责, 由 …) and the words that
join two names (和, 及 …) come from the vocabulary.
"""

from __future__ import annotations

import re

from policykg.core.places import leading_place, place_stems
from policykg.core.vocabulary import (
    COLLECTIVE_AREA_PREFIXES,
    COLLECTIVE_EXCEPTIONS,
    COLLECTIVE_INFIXES,
    COLLECTIVE_LEVELS,
    COLLECTIVE_NOUNS,
    COLLECTIVE_PLACE_NOUNS,
    COLLECTIVE_QUALIFIERS,
    DIRECT_UNDER_MARKERS,
    DUTY_PHRASES,
    LIST_LEADING_WORDS,
    LIST_TRAILING_WORDS,
    RESPONSIBLE_PHRASES,
    UNIT_CONJUNCTIONS,
    Span,
)


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex matching any of the words, longest first, written as a trie (牵头(?:责任单位|单位|…)?): Python's
    re tries a flat alternation of hundreds of labels one by one at every position; a trie is one path."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return (body if len(branches) > 1 else f"(?:{body})") + "?"
    return body


_alternation = alternation


# Words around a unit mention that are not part of its name: "市发改委等相关单位" → 市发改委,
# "县政府各部门按职责分工负责" → 县政府各部门, "由县司法局" → 县司法局.
_TRAILING_NOISE = re.compile(
    rf"(?:{_alternation(LIST_TRAILING_WORDS)}"
    r"|等[\d一二三四五六七八九十]+(?:个|家)(?:相关|有关)?(?:单位|部门)?"  # 县司法局等10个单位
    rf"|(?:{_alternation(DUTY_PHRASES)})(?:分别|共同|具体)?(?:负责|落实|实施)?"
    rf"|(?:分别|共同|具体)?(?:负责|落实)"
    rf"|{_alternation(RESPONSIBLE_PHRASES)}"
    r"|牵头)$"
)
# A list part can start with 及 / 以及 (县财政局，及各有关部门); 和 / 与 start place names (和平区), so not them.
_LEADING_NOISE = re.compile(rf"^(?:{_alternation([*LIST_LEADING_WORDS, '以及', '及'])})")
_EDGE_CHARS = " \t\n。,;:、\"“”'"
# The characters trailing noise can end with, so most names skip the search.
_NOISE_LAST_CHARS = frozenset(w[-1] for w in (*LIST_TRAILING_WORDS, *DUTY_PHRASES, *RESPONSIBLE_PHRASES)) | set(
    "责实施头"
)

# Endings of the names of government bodies, Party organs, courts, people's organisations, enterprises and
# groups of them. One character endings (局, 办, 股 …) last: the alternation is tried longest first.
UNIT_ENDINGS: tuple[str, ...] = (
    "办公室", "委员会", "服务中心", "事务中心", "中心", "管理处", "办事处", "指挥部", "领导小组", "专班", "小组",
    "联合会", "协会", "学会", "商会", "工会", "妇联", "残联", "侨联", "文联", "科协", "工商联", "人民政府", "政府",
    "人大", "常委会", "政协", "纪委", "监委", "法院", "检察院", "法庭", "公安", "海关", "税务", "邮政", "电力",
    "气象", "消防", "武警", "城管", "党校", "学校", "中学", "小学", "学院", "大学", "医院", "卫生院", "银行",
    "支行", "分行", "农商行", "农发行", "信用社", "公司", "集团", "企业", "机构", "组织", "单位", "部门", "机关",
    "系统", "各级", "园区", "开发区", "高新区", "经开区", "管委会", "工委", "管委", "党委", "党组", "党工委", "支部",
    "总支", "街道", "乡镇", "社区", "街办", "中队", "大队", "支队", "总队", "分局", "行署", "分区", "团委",
    "局", "办", "委", "部", "院", "厅", "室", "府", "会", "所", "站", "队", "组", "处", "科", "股", "馆", "社",
    "团", "联", "台", "庭", "署", "村", "镇", "乡",
)  # fmt: skip
_ENDING_LAST_CHARS = frozenset(e[-1] for e in UNIT_ENDINGS) | {")"}
_UNIT_ENDING = re.compile(rf"(?:{_alternation(UNIT_ENDINGS)})(?:\([\u4e00-\u9fff、,]{{1,12}}\))?$")
# Sentences, not names: a list item that starts like a clause of prose (加强……, 推进……) or holds 的.
_PROSE_START = re.compile(
    r"^(?:加强|推进|完善|建立|健全|开展|做好|严格|深化|推动|提升|强化|规范|确保|落实|实行|实施|坚持|积极|认真"
    r"|切实|不断|进一步|按照|根据|围绕|通过|对|在|将|把|以|为|从|向)"
)
_NOT_IN_NAME = re.compile(
    r"[。:;《》“”!?的由要了把被让]|\d|认真|切实|积极|进一步|确保|结合|实际|做好|开展|加强|不断|全力|有效"
)
# Group mentions that name no single body: 全区各部门, 县政府其他有关部门, 各乡镇(街道), 市直各相关单位.
_COLLECTIVE_STARTS = (*COLLECTIVE_AREA_PREFIXES, *DIRECT_UNDER_MARKERS, *COLLECTIVE_QUALIFIERS, *COLLECTIVE_LEVELS)
_COLLECTIVE = re.compile(
    rf"^(?:{_alternation(_COLLECTIVE_STARTS)})"
    rf"|(?:{_alternation(COLLECTIVE_QUALIFIERS)})[\u4e00-\u9fff]{{0,6}}(?:{_alternation(COLLECTIVE_NOUNS)})"
    rf"|(?:各|全)[\u4e00-\u9fff]{{0,4}}(?:{_alternation(COLLECTIVE_PLACE_NOUNS)})"
    rf"|{_alternation(COLLECTIVE_INFIXES)}"
    r"|成员单位"
)
_ADMIN_HEADS = frozenset("省市州盟县区旗镇乡")
_CONJUNCTION = re.compile(_alternation(UNIT_CONJUNCTIONS))
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
        trail = _TRAILING_NOISE.search(piece) if piece[-1:] in _NOISE_LAST_CHARS else None
        if piece.endswith(")") and piece.count("(") < piece.count(")"):
            end -= 1  # the closing bracket of an unbalanced clause: 县政府有关部门按职责分工负责)
        elif piece.startswith("(") and piece.count("(") > piece.count(")"):
            start += 1  # the opening bracket of a clause left unclosed
        elif lead and len(piece) > lead.end():
            start += lead.end()
        elif trail and trail.start() > 0:
            end = start + trail.start()
        else:
            return start, end


def looks_like_unit(name: str) -> bool:
    """Whether a list item names a body or a group of bodies (县司法局, 委政策法规股, 各乡镇（街道）)."""
    if len(name) < 2 or len(name) > _MAX_UNIT_LEN:
        return False
    if _NOT_IN_NAME.search(name) or _PROSE_START.match(name):
        return False
    return bool((name[-1] in _ENDING_LAST_CHARS and _UNIT_ENDING.search(name)) or _COLLECTIVE.search(name))


def starts_like_unit(name: str) -> bool:
    """Stronger evidence, for names outside brackets and labels: the name starts with its place (县…, 宁远县…,
    中共…) or names a group (各…, 县直…). 结合实际认真组织 ends like a unit but starts like prose."""
    if name.startswith(("中共", "团")) or name[:1] in _ADMIN_HEADS:
        return True
    return bool(_COLLECTIVE.match(name)) or leading_place(name) is not None


def is_collective(name: str) -> bool:
    if any(exception in name for exception in COLLECTIVE_EXCEPTIONS):
        return False
    return bool(_COLLECTIVE.search(name))


def split_conjoined(text: str, start: int, end: int) -> list[Span]:
    """Split text[start:end] at 和 / 及 / 以及 / 与 / 并 where both sides are units: 县人社局和各乡镇党校 is two,
    住房和城乡建设局 and 区人力资源和社会保障局 are one (区住房, 区人力资源 are not units)."""
    joints = [
        (m.start(), m.end()) for m in _CONJUNCTION.finditer(text, start, end) if _depth(text, start, m.start()) == 0
    ]
    if not joints:
        return [(start, end)]
    pieces: list[Span] = []
    piece_start = start
    for i, (j_start, j_end) in enumerate(joints):
        if j_start <= piece_start:
            continue
        left = text[piece_start:j_start].strip()
        if not looks_like_unit(left):
            continue
        if _starts_place(text, j_start, end) and not starts_like_unit(text[j_end:end]):
            continue  # 人民银行和林格尔支行: 和 starts a place; 各乡镇和县直各单位: 县直… starts a unit
        # The right side is a unit up to some later joint or the end: 县发改局及县住房和城乡建设局.
        boundaries = [b for b, _ in joints[i + 1 :]] + [end]
        if any(looks_like_unit(text[j_end:b].strip()) for b in boundaries):
            pieces.append((piece_start, j_start))
            piece_start = j_end
    pieces.append((piece_start, end))
    return pieces


def _starts_place(text: str, pos: int, end: int) -> bool:
    """和 / 与 starting a place name is not a joint: 人民银行和林格尔支行, 和平区司法局."""
    found = leading_place(text[pos : min(end, pos + 12)])
    if found is not None and len(found[0]) > 1:
        return True
    stems = place_stems()
    return any(text[pos : pos + n] in stems for n in range(3, 8))


def _depth(text: str, start: int, pos: int) -> int:
    depth = 0
    for ch in text[start:pos]:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
    return depth
