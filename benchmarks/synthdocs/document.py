"""One synthetic document: header, outline in the document kind's real layout, measures with their clauses,
citations, deadlines and targets, all recorded in a DocumentTruth as they are written."""

from __future__ import annotations

import random
from dataclasses import dataclass

from benchmarks.synthdocs.citations import CitationMaker, Gazetteer, canonical_title
from benchmarks.synthdocs.clauses import ClauseWriter
from benchmarks.synthdocs.draw import Weighted, one
from benchmarks.synthdocs.header import (
    Meta,
    chrome_bottom,
    chrome_top,
    cn_date,
    cn_numeral,
    make_meta,
    notice_block,
    title_lines,
)
from benchmarks.synthdocs.phrases import (
    GUARANTEE_THEME,
    PREAMBLE_SECTIONS,
    PREAMBLE_SENTENCES,
    PROBLEM_SECTION,
    PROBLEM_SENTENCES,
    REPORT_DONE_SECTION,
    REPORT_NEXT_SECTION,
    REPORT_SENTENCES,
    THEMES,
    Theme,
)
from benchmarks.synthdocs.places import Jurisdiction
from benchmarks.synthdocs.punctuation import pick_style
from benchmarks.synthdocs.timing import deadline_sentence, target_sentence
from benchmarks.synthdocs.truth import CitationTruth, DocumentTruth, MeasureTruth
from benchmarks.synthdocs.units import MentionChooser, Roster

KINDS = ("工作要点", "实施方案", "实施意见", "工作报告")
KIND_WEIGHTS = (35, 35, 15, 15)
LEVELS = {
    "工作要点": ("一、", "1."),
    "实施方案": ("一、", "(一)", "1.", "(1)"),
    "实施意见": ("一、", "(一)", "1."),
    "工作报告": ("一、", "(一)", "一是"),
}
# Clause forms each kind of document uses, by weight; a document leans on one of them.
CLAUSE_MIX = {
    "工作要点": {"responsible": 80, "responsible_participate": 3, "lead_participate": 8, "separately": 4,
                 "lead_cooperate": 5},
    "实施方案": {"lead_participate": 55, "lead_only": 5, "responsible": 10, "lead_bare": 10, "lead_own_line": 10,
                 "lead_cooperate": 5, "separately": 5},
    "实施意见": {"lead_cooperate": 40, "separately": 25, "responsible": 20, "lead_participate": 15},
}  # fmt: skip
CLAUSE_RATE = 0.93  # some measures name no unit at all
# A heading drawn again in the same document gets a qualifier, as real plans vary their wording.
_QUALIFIERS = ("进一步", "持续", "切实", "全面")
_QUALIFIABLE = (
    "加强", "完善", "健全", "推进", "落实", "规范", "强化", "提升", "优化", "建立", "深化", "加快", "严格", "推动",
)  # fmt: skip


class Deck:
    """Draws phrases without repeats until a bank runs out, so one document does not echo itself."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.piles: dict[tuple[str, ...], list[str]] = {}
        self.seen: set[str] = set()

    def draw(self, bank: tuple[str, ...]) -> str:
        pile = self.piles.get(bank)
        if not pile:
            pile = list(bank)
            self.rng.shuffle(pile)
            self.piles[bank] = pile
        return pile.pop()

    def heading(self, bank: tuple[str, ...]) -> str:
        heading = self.draw(bank)
        if heading in self.seen and heading.startswith(_QUALIFIABLE):
            heading = one(self.rng, _QUALIFIERS) + heading
        self.seen.add(heading)
        return heading

    def sample(self, bank: tuple[str, ...], k: int) -> list[str]:
        picked: list[str] = []
        for _ in range(k * 2):
            sentence = self.draw(bank)
            if sentence not in picked:
                picked.append(sentence)
            if len(picked) == k:
                break
        return picked


def split(total: int, lo: int, hi: int, rng: random.Random) -> list[int]:
    parts = []
    while total > 0:
        n = min(total, rng.randint(lo, max(lo, hi)))
        parts.append(n)
        total -= n
    return parts


@dataclass
class Generated:
    text: str
    truth: DocumentTruth


class DocumentWriter:
    def __init__(
        self,
        file: str,
        kind: str,
        j: Jurisdiction,
        roster: Roster,
        gaz: Gazetteer,
        rng: random.Random,
        n_measures: int,
    ) -> None:
        self.kind, self.j, self.rng, self.n_measures = kind, j, rng, n_measures
        self.style = pick_style(rng)
        self.meta: Meta = make_meta(kind, j, rng)
        self.cites = CitationMaker(gaz, j, self.meta.year, rng, self.style.body)
        self.clauses = ClauseWriter(roster, MentionChooser(rng), rng)
        self.lines: list[str] = []
        self.sep = "\n\n" if rng.random() < 0.75 else "\n"
        self.dot = rng.choices((".", "．", "、"), weights=(75, 15, 10))[0]
        mix = CLAUSE_MIX.get(kind, {})
        self.forms = Weighted(mix, mix.values()) if mix else None
        self.primary_form = self.forms.pick(rng) if self.forms else ""
        y, m, d = self.meta.issued
        b = self.style.body
        levels = tuple(b(level.replace("(", "（").replace(")", "）")) for level in LEVELS[kind])
        if len(levels) > 2 and levels[2] == "1.":
            levels = (*levels[:2], "1" + self.dot, *levels[3:])
        elif kind == "工作要点":
            levels = (levels[0], "1" + self.dot)
        self.truth = DocumentTruth(
            file=file,
            kind=kind,
            title=b(self.meta.title),
            jurisdiction=j.name,
            province=j.province,
            city=j.city,
            county=j.county,
            issuers=self.meta.issuers,
            doc_number=self.meta.doc_number,
            issued=f"{y}-{m:02d}-{d:02d}",
            period=self.meta.period,
            punctuation=self.style.name,
            levels=levels,
        )
        self.themes = list(THEMES)
        rng.shuffle(self.themes)
        self.deck = Deck(rng)

    # -- small pieces -----------------------------------------------------------------------------------
    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def theme(self, i: int) -> Theme:
        return self.themes[i % len(self.themes)]

    def label2(self, n: int) -> str:
        return self.style.body(f"（{cn_numeral(n)}）")

    def label4(self, n: int) -> str:
        return self.style.body(f"（{n}）")

    def body(self, theme: Theme, m: MeasureTruth, facts: tuple[str, ...] = ()) -> str:
        """Body sentences of a measure, with the citations, deadline and target it carries."""
        rng = self.rng
        parts = self.deck.sample(theme.sentences, one(rng, (1, 1, 1, 2)))
        for fact in facts:
            parts.insert(rng.randint(0, len(parts)), fact)
        if rng.random() < 0.22:
            text, cited = self.cites.sentence("measure")
            parts.insert(rng.randint(0, len(parts)), text)
            m.instruments.extend(cited)
        if rng.random() < (0.18 if self.kind != "工作报告" else 0.05):
            text, due = deadline_sentence(rng, self.truth.issued)
            parts.append(text)
            m.deadlines.append(due)
        if rng.random() < 0.1:
            text, target = target_sentence(rng)
            parts.insert(rng.randint(0, len(parts)), text)
            m.targets.append(target)
        return self.style.body("。".join(parts) + "。")

    def clause(self, theme: Theme, m: MeasureTruth, paragraph: str, always: bool = False) -> list[str]:
        """The measure's paragraph with its clause placed as the document places it; records the units.
        `always` for (1) items: a clause on only some of them would read as covering the whole parent item."""
        rate = 1.0 if always else CLAUSE_RATE if theme is not GUARANTEE_THEME else 0.4  # 保障措施 seldom name units
        if not self.forms or self.rng.random() > rate:
            return [paragraph]
        form = self.primary_form if self.rng.random() < 0.75 else self.forms.pick(self.rng)
        c = self.clauses.write(form, theme, self.style.clause_converter())
        m.clause_form = c.form
        m.units.extend(c.units)
        if c.placement == "own_line":
            return [paragraph, c.text]
        return [paragraph + c.text]

    def numbered_measure(self, theme: Theme, path: tuple[str, ...], number: str, label: str) -> None:
        heading = self.style.body(self.deck.heading(theme.headings))
        m = MeasureTruth((*path, number), number, heading)
        paragraph = f"{label}{heading}。{self.body(theme, m)}"
        self.add(*self.clause(theme, m, paragraph, always=len(path) == 3))
        self.truth.measures.append(m)

    def section_measure(self, theme: Theme, path: tuple[str, ...], number: str, label: str, title: str) -> None:
        """A (一) section without numbered items is itself a measure."""
        heading = self.style.body(title)
        m = MeasureTruth((*path, number), number, heading)
        text = self.body(theme, m)
        if self.rng.random() < 0.5:
            self.add(*self.clause(theme, m, f"{label}{heading}。{text}"))
        else:
            self.add(f"{label}{heading}", *self.clause(theme, m, text))
        self.truth.measures.append(m)

    def preamble(self, with_citation: bool) -> None:
        sentences = self.rng.sample(PREAMBLE_SENTENCES, 2)
        if with_citation:
            text, cited = self.cites.preamble()
            self.truth.citations.extend(cited)
            self.truth.aliases.extend(self.cites.aliases)
            sentences.insert(0, text)
        self.add(self.style.body("，".join(sentences) + "。"))

    def goal_section(self, n: int) -> int:
        """一、总体要求 and the like: paragraphs only, not a measure."""
        self.add(f"{cn_numeral(n)}、{one(self.rng, PREAMBLE_SECTIONS)}")
        self.add(self.style.body("，".join(self.rng.sample(PREAMBLE_SENTENCES, 3)) + "。"))
        return n + 1

    # -- layouts ----------------------------------------------------------------------------------------
    def work_points(self) -> None:
        self.preamble(with_citation=self.rng.random() < 0.4)
        continuous = self.rng.random() < 0.85
        item = 0
        sizes = split(self.n_measures, 3, max(4, self.n_measures // 6), self.rng)
        for s, size in enumerate(sizes, start=1):
            theme = self.theme(s)
            self.add(f"{cn_numeral(s)}、{self.style.body(self.deck.draw(theme.sections))}")
            item = item if continuous else 0
            for _ in range(size):
                item += 1
                self.numbered_measure(theme, (cn_numeral(s),), str(item), f"{item}{self.dot}")

    def plan(self, four_levels: bool) -> None:
        rng = self.rng
        self.preamble(with_citation=rng.random() < 0.8)
        n = self.goal_section(1) if rng.random() < 0.7 else 1
        guarantee = min(rng.randint(3, 5), max(1, self.n_measures // 4))
        main = self.n_measures - guarantee
        continuous_items = rng.random() < (0.6 if four_levels else 0.2)
        continuous_subs = rng.random() < 0.3
        item = sub = 0
        for s, size in enumerate(split(main, 6, max(7, main // 5), rng)):
            theme, top = self.theme(s), cn_numeral(n)
            self.add(f"{top}、{self.style.body(self.deck.draw(theme.sections))}")
            sub = sub if continuous_subs else 0
            for sub_size in split(size, 2, 7, rng):
                sub += 1
                label, number = self.label2(sub), self.label2(sub)
                title = self.deck.draw(theme.subsections)
                if sub_size == 1 and rng.random() < 0.5:
                    self.section_measure(theme, (top,), number, label, title)
                    continue
                self.add(f"{label}{self.style.body(title)}" + ("。" if rng.random() < 0.2 else ""))
                item = item if continuous_items else 0
                left = sub_size
                while left > 0:
                    item += 1
                    kids = min(left, rng.randint(2, 4)) if four_levels and left >= 2 and rng.random() < 0.15 else 0
                    if kids:
                        self.add(f"{item}{self.dot}{self.style.body(self.deck.heading(theme.headings))}")
                        for k in range(1, kids + 1):
                            self.numbered_measure(theme, (top, number, str(item)), self.label4(k), self.label4(k))
                        left -= kids
                    else:
                        self.numbered_measure(theme, (top, number), str(item), f"{item}{self.dot}")
                        left -= 1
            n += 1
        top = cn_numeral(n)
        self.add(f"{top}、{one(rng, GUARANTEE_THEME.sections)}")
        for k, title in enumerate(rng.sample(GUARANTEE_THEME.subsections, guarantee), start=1):
            self.section_measure(GUARANTEE_THEME, (top,), self.label2(k), self.label2(k), title)

    def report(self) -> None:
        rng = self.rng
        self.add(self.style.body(f"{self.meta.year}年，" + "，".join(rng.sample(PREAMBLE_SENTENCES, 2)) + "。"))
        upcoming = max(1, round(self.n_measures * 0.2))
        done = self.n_measures - upcoming
        self.add(f"一、{one(rng, REPORT_DONE_SECTION)}")
        for s, size in enumerate(split(done, 2, 6, rng), start=1):
            theme = self.theme(s)
            label = self.label2(s)
            self.add(f"{label}{self.style.body(self.deck.draw(theme.subsections))}")
            self.add(self.items(theme, ("一", label), size))
        n = 2
        if rng.random() < 0.6:
            self.add(f"二、{PROBLEM_SECTION}", self.style.body("；".join(rng.sample(PROBLEM_SENTENCES, 2)) + "。"))
            n = 3
        top = cn_numeral(n)
        self.add(f"{top}、{one(rng, REPORT_NEXT_SECTION)}")
        for s in range(1, upcoming + 1):
            theme = self.theme(s + 3)
            self.section_measure(theme, (top,), self.label2(s), self.label2(s), self.deck.heading(theme.headings))
        self.add("专此报告。")

    def items(self, theme: Theme, path: tuple[str, ...], count: int) -> str:
        """一是…。二是…。 in one paragraph; each item is a measure."""
        rng, parts = self.rng, []
        for k in range(1, count + 1):
            number = f"{cn_numeral(k)}是"
            heading = self.style.body(self.deck.heading(theme.headings))
            m = MeasureTruth((*path, number), number, heading)
            facts = [s.format(n=rng.randint(3, 90), m=rng.randint(2, 60)) for s in REPORT_SENTENCES]
            text = self.body(theme, m, tuple(rng.sample(facts, one(rng, (0, 1, 1, 2)))))
            parts.append(f"{number}{heading}。{text}")
            self.truth.measures.append(m)
        return "".join(parts)

    # -- whole document ---------------------------------------------------------------------------------
    def write(self) -> Generated:
        rng, b, meta = self.rng, self.style.body, self.meta
        self.add(*(b(line) for line in chrome_top(meta, self.j, rng)))
        if self.kind == "工作报告":
            self.add(*(b(t) for t in title_lines(meta.title, rng)))
            if meta.doc_number:
                self.add(meta.doc_number)
        else:
            lines, n_titles = notice_block(meta, self.j, rng)
            self.add(*(b(line) for line in lines))
            header_title = self.truth.title
            cited = CitationTruth(header_title, canonical_title(header_title), "规范性文件", "marked", "header")
            self.truth.citations.extend([cited] * n_titles)
            self.add(*(b(t) for t in title_lines(meta.title, rng)))
        if self.kind == "工作要点":
            self.work_points()
        elif self.kind == "实施方案":
            self.plan(four_levels=True)
        elif self.kind == "实施意见":
            self.plan(four_levels=False)
        else:
            self.report()
            self.add(*meta.issuers, cn_date(meta.issued))
        self.add(*(b(line) for line in chrome_bottom(rng)))
        return Generated(self.sep.join(self.lines) + "\n", self.truth)
