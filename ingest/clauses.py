"""Responsibility clauses: who leads, joins or answers for a measure, with the span of each unit mention.

A clause is read from its parts, not matched as a whole template:
- a role, named by a label of the vocabulary (牵头单位, 其他责任单位, 协办单位 …; 责任领导 / 完成时限 / 督办单位
  name no units) followed by a colon or a space, or by a verb after a unit list (X牵头, Y配合, Z按职责分工落实,
  X会同Y负责, X为牵头单位);
- a unit list, split on 、 , ; / and on 和 / 及 / 与 where both sides are units (core.unit_words);
- a place: any bracket pair (( ) [ ] 〔 〕 after cleaning; 【】［］ are [ ]), closed or left open to the line
  end; a line of labels after the item (several on one line, separated by spaces); a bracketed label
  before its list ([责任单位]县司法局); a bare bracketed list at the end of a sentence (responsible); or the
  item's assignment sentence, the last sentence of a paragraph ending in a role clause
  (县财政局要加强……，县审计局参与).
The reader goes line by line (ingest.clause_parts reads the verb parts and the unit lists). A role label
with no units after it is an empty_clause warning with the label's span; a list item that is not a unit
name, a skipped_text warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.core.unit_words import alternation, is_collective, starts_like_unit
from policykg.core.vocabulary import (
    NONE_MARKERS,
    RESPONSIBLE_PHRASES,
    ROLE_VERB_TAILS,
    ROLE_VERBS,
    Role,
    Span,
    label_role,
)
from policykg.ingest.clause_parts import (
    LABEL_PATTERN,
    SENTENCE_END,
    Assignment,
    assignment_subject,
    labelled_list,
    line_end,
    lstrip,
    parse_unit_list,
    rstrip,
    sentence_end,
    split_depth0,
    strict_list,
    strip_span,
    verb_clause,
    verb_part,
)
from policykg.ingest.records import ExtractionWarning

__all__ = ["Assignment", "Clause", "ClauseScan", "find_clauses", "parse_unit_list", "scan_clauses"]

_alt = alternation
_OPENERS, _CLOSERS = "([〔", ")]〕"
_BRACKET_CHAR = re.compile(r"[(\[〔)\]〕]")
# A label and what separates it from its list: a colon, or spaces before the list on a line of labels.
_LABEL_TOKEN = re.compile(rf"(?P<label>{LABEL_PATTERN})(?:(?P<colon>\s*:\s*)|(?P<space>[ \t]+))")
_LABEL_ONLY = re.compile(rf"\s*(?P<label>{LABEL_PATTERN})\s*:?\s*")
# Characters after which a label starts a part of a clause (not the inside of a name).
_PART_START = " \t;,。:、!?([〔"

_NONE = frozenset(NONE_MARKERS)
# The cheap test a line passes before it is read as an assignment sentence: it ends in a role word.
_ROLE_AT_END = re.compile(
    rf"(?:{_alt([*(v for verbs in ROLE_VERBS.values() for v in verbs), *ROLE_VERB_TAILS, *RESPONSIBLE_PHRASES])}"
    rf"|{LABEL_PATTERN})$"
)
_MAX_CLAUSE = 600


@dataclass(frozen=True)
class Clause:
    span: Span
    assignments: tuple[Assignment, ...]


@dataclass(frozen=True)
class ClauseScan:
    """The clauses of a text and what the reader found hard there (labels with no units)."""

    clauses: tuple[Clause, ...]
    warnings: tuple[ExtractionWarning, ...] = ()


def find_clauses(text: str, start: int, end: int) -> list[Clause]:
    """Every responsibility clause in text[start:end], in order."""
    return list(scan_clauses(text, start, end).clauses)


def scan_clauses(text: str, start: int, end: int) -> ClauseScan:
    """Every responsibility clause in text[start:end], in order, with a warning for each empty one."""
    reader = _LineReader(text)
    pos = start
    while pos < end:
        line_end = text.find("\n", pos, end)
        line_end = end if line_end < 0 else line_end
        pos = reader.read(pos, line_end, end) + 1
    return ClauseScan(tuple(sorted(reader.clauses, key=lambda c: c.span)), tuple(reader.warnings))


@dataclass
class _LineReader:
    text: str
    clauses: list[Clause] = field(default_factory=list)
    warnings: list[ExtractionWarning] = field(default_factory=list)

    def read(self, start: int, end: int, text_end: int) -> int:
        """Read the clauses of one line; returns where the line (or a line it took its list from) ends."""
        text = self.text
        clause_sites: list[Span] = []  # bracket sites read as clauses
        label_sites: list[tuple[int, int, int]] = []  # bracketed labels: (token start, token end, list start)
        sites = _bracket_sites(text, start, end)
        for opened, closed in sites:
            site = self._bracket(opened, closed, end, label_sites)
            if site and not any(site[0] == s for s, _, _ in label_sites):
                clause_sites.append(site)
        labels_found, consumed = self._label_line(start, end, sites, clause_sites, label_sites, text_end)
        if not clause_sites and not labels_found and "\t" not in text[start:end]:
            self._assignment_sentence(start, end)
        return consumed if consumed is not None else end

    # --- brackets -----------------------------------------------------------------------------------
    def _bracket(
        self, opened: int, closed: int | None, line_end: int, label_sites: list[tuple[int, int, int]]
    ) -> Span | None:
        text = self.text
        inner_start = opened + 1
        inner_end = closed if closed is not None else rstrip(text, inner_start, line_end)
        site = (opened, closed + 1 if closed is not None else inner_end)
        only = _LABEL_ONLY.fullmatch(text, inner_start, inner_end)
        if only and closed is not None:
            if _at_part_start(text, opened):
                label_sites.append((opened, closed + 1, closed + 1))
                return site
            return None
        tokens = _label_tokens(text, inner_start, inner_end)
        at_start = bool(tokens) and tokens[0][0] == lstrip(text, inner_start, inner_end)
        if at_start or any(kind == "colon" for _, _, _, kind in tokens):
            # Labels, perhaps after a verb part or a time: (县司法局牵头；责任单位：县直各单位).
            before = verb_clause(text, inner_start, tokens[0][0], bare_ok=False) if not at_start else None
            assignments = [*(before or []), *self._labelled(tokens, inner_end)]
            if assignments:
                self.clauses.append(Clause(site, tuple(assignments)))
            if assignments or tokens[0][3] == "colon":
                return site
        assignments_or_none = verb_clause(text, inner_start, inner_end, bare_ok=_bare_list_at_end(text, site, line_end))
        if assignments_or_none:
            self.clauses.append(Clause(site, tuple(assignments_or_none)))
            return site
        if closed is None:  # an opener left unclosed that is not a clause: read the brackets inside it
            for inner_opened, inner_closed in _bracket_sites(text, inner_start, line_end):
                taken = self._bracket(inner_opened, inner_closed, line_end, label_sites)
                if taken:
                    return taken
        return None

    # --- lines of labels ----------------------------------------------------------------------------
    def _label_line(
        self,
        start: int,
        end: int,
        sites: list[tuple[int, int | None]],
        clause_sites: list[Span],
        label_sites: list[tuple[int, int, int]],
        text_end: int,
    ) -> tuple[bool, int | None]:
        """Labels outside the brackets: 牵头单位：A　配合单位：B　完成时限：… (or after a bracketed label).
        Returns whether the line has labels, and the end of the next line when an empty last label took its
        list from there."""
        text = self.text
        inside = [(o, c + 1) for o, c in sites if c is not None] + clause_sites
        tokens = [t for t in _label_tokens(text, start, end) if not any(o <= t[0] < c for o, c in inside)]
        tokens += [(s, e, e, None) for s, e, _ in label_sites]
        tokens.sort()
        if not tokens:
            return False, None
        later = [s for s, _ in clause_sites if s > tokens[0][0]]
        region_end = min(later) if later else end
        tokens = [t for t in tokens if t[0] < region_end]
        consumed = None
        last = tokens[-1]
        last_list = text[last[2] : end].strip(" \t:")
        if (
            label_role(_label_text(text, last)) is not None
            and region_end == end
            and (not last_list or last_list[-1] in "、,")  # the list is on the next line, or goes on there
            and end < text_end
        ):
            next_end = line_end(text, end + 1, text_end)
            if strict_list(text, end + 1, next_end):
                region_end = consumed = next_end
        assignments = self._labelled(tokens, region_end)
        if assignments:
            self.clauses.append(Clause((tokens[0][0], rstrip(text, tokens[0][0], region_end)), tuple(assignments)))
        return True, consumed

    def _labelled(self, tokens: list[tuple[int, int, int, str | None]], region_end: int) -> list[Assignment]:
        """Each label's list runs to the next label (or the end of its sentence)."""
        text = self.text
        assignments: list[Assignment] = []
        for i, token in enumerate(tokens):
            label = _label_text(text, token)
            role = label_role(label)
            list_start = token[2]
            list_end = tokens[i + 1][0] if i + 1 < len(tokens) else region_end
            list_end = sentence_end(text, list_start, list_end)
            if role is None:
                continue
            s, e = strip_span(text, list_start, list_end)
            spaced = token[3] == "space"
            if s >= e:
                if not spaced:  # 牵头单位　配合单位 in a table's header row is not an empty clause
                    self.warnings.append(
                        ExtractionWarning("empty_clause", f"{label} names no unit", (token[0], token[1]))
                    )
                continue
            if text[s:e] in _NONE:
                continue
            items, rejected = labelled_list(text, s, e)
            if spaced and rejected:
                continue  # a label word followed by prose, not a line of labels
            for item_role, mention, span in items:
                assignments.append(Assignment(item_role or role, mention, span, is_collective(mention)))
            for span in rejected:
                self.warnings.append(
                    ExtractionWarning("skipped_text", f"{label}: not read as a unit: {text[span[0] : span[1]]}", span)
                )
        return assignments

    # --- the item's assignment sentence ------------------------------------------------------------
    def _assignment_sentence(self, start: int, end: int) -> None:
        """The paragraph's last sentence ends in role parts: "……，县审计局参与。" (and its subject with 要 is
        responsible: 县财政局要加强……), or is wholly a verb clause: "县司法局牵头，各有关部门配合。"."""
        text = self.text
        stop = rstrip(text, start, end)
        while stop > start and text[stop - 1] in "。;":
            stop -= 1
        if not _ROLE_AT_END.search(text, max(start, stop - 12), stop):
            return
        sentence_start = max(text.rfind(ch, start, stop) for ch in SENTENCE_END) + 1 or start
        sentence_start = max(sentence_start, start)
        parts = split_depth0(text, sentence_start, stop, ",;")
        found: list[list[tuple[Role | None, str, Span]]] = []
        first_found = len(parts)
        for index in range(len(parts) - 1, -1, -1):
            s, e = strip_span(text, *parts[index])
            read = verb_part(text, s, e)
            if not read or any(role is None or not starts_like_unit(m) for role, m, _ in read):
                break
            found.insert(0, read)
            first_found = index
        if not found:
            return
        assignments: list[tuple[Role | None, str, Span]] = []
        if first_found > 0:
            assignments += assignment_subject(text, *parts[0])
        for read in found:
            assignments += read
        clause_start = strip_span(text, *parts[first_found])[0]
        self.clauses.append(
            Clause(
                (clause_start, stop),
                tuple(Assignment(role or "responsible", m, span, is_collective(m)) for role, m, span in assignments),
            )
        )


# --- sites ---------------------------------------------------------------------------------------------
def _bracket_sites(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """Outermost bracket pairs in text[start:end] as (open, close); an outermost opener never closed
    before the end as (open, None). A closer closes the nearest opener of its own kind, so a stray 〔 inside
    (宁政办发〔2021号) does not leave the ( open."""
    sites: list[tuple[int, int | None]] = []
    stack: list[int] = []
    for m in _BRACKET_CHAR.finditer(text, start, end):
        i, ch = m.start(), m.group()
        if ch in _OPENERS:
            stack.append(i)
        elif stack:
            kind = _OPENERS[_CLOSERS.index(ch)]
            depth = next((d for d in range(len(stack) - 1, -1, -1) if text[stack[d]] == kind), None)
            if depth is None:
                continue
            opened = stack[depth]
            del stack[depth:]
            if not stack and i - opened <= _MAX_CLAUSE:
                sites.append((opened, i))
    if stack and end - stack[0] <= _MAX_CLAUSE:
        sites.append((stack[0], None))
    return sites


def _label_tokens(text: str, start: int, end: int) -> list[tuple[int, int, int, str | None]]:
    """Labels at the start of a part: (start, end of label, start of its list, 'colon' | 'space')."""
    tokens: list[tuple[int, int, int, str | None]] = []
    for m in _LABEL_TOKEN.finditer(text, start, end):
        if not _at_part_start(text, m.start(), start):
            continue
        if m.group("space") is not None and m.start() > start and text[m.start() - 1] not in " \t":
            continue  # a label with a space for a colon only starts a line or follows a space
        tokens.append((m.start(), m.end("label"), m.end(), "colon" if m.group("colon") is not None else "space"))
    return tokens


def _label_text(text: str, token: tuple[int, int, int, str | None]) -> str:
    only = _LABEL_ONLY.search(text, token[0], token[1])
    return only.group("label") if only else text[token[0] : token[1]]


def _at_part_start(text: str, pos: int, region_start: int = 0) -> bool:
    return pos <= region_start or text[pos - 1] in _PART_START or text[pos - 1] == "\n"


def _bare_list_at_end(text: str, site: Span, line_end: int) -> bool:
    """A bracket of bare names is a clause only where a clause sits: at the end of a sentence or line,
    and not right after a name it qualifies (各乡镇(街道), 县人民法院(派出法庭))."""
    after = text[site[1] : min(site[1] + 2, line_end)].lstrip(" ")
    before = text[site[0] - 1 : site[0]]
    return (not after or after[0] in "。;\n") and (not before or before in "。;!?\n ")
