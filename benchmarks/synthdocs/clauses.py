"""Responsibility clauses in every form seen in the wild, with the unit mentions they contain."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.synthdocs.draw import Weighted, one
from benchmarks.synthdocs.phrases import Theme
from benchmarks.synthdocs.truth import UnitTruth
from benchmarks.synthdocs.units import MentionChooser, Roster, Unit

# Suffixes real clauses hang on the last name of a list; the extractor strips them from the mention.
_ETC = ("等", "等部门", "等相关单位", "等有关单位")
_BY_DIVISION = "按职责分工负责"
_N_LEAD = Weighted((1, 2, 3), (65, 28, 7))
_N_RESPONSIBLE = Weighted((1, 2, 3, 4, 5), (25, 30, 22, 13, 10))
_N_PARTICIPATE = Weighted((0, 1, 2, 3, 4), (30, 30, 20, 12, 8))
_N_COOPERATE = Weighted((1, 2, 3), (40, 40, 20))
_PARTICIPATE_WORD = Weighted(("参加单位", "配合单位", "协办单位"), (85, 10, 5))


@dataclass(frozen=True)
class Clause:
    form: str
    text: str  # as written, converted to the document's punctuation
    placement: str  # inline (bracketed, ends the paragraph) | bare (ends the paragraph) | own_line
    units: tuple[UnitTruth, ...]


def pick_units(
    roster: Roster, theme: Theme, rng: random.Random, n: int, taken: set[str], favored_rate: float = 0.65
) -> list[Unit]:
    """n distinct units, mostly the theme's usual ones, the rest by overall frequency."""
    favored = [roster.by_key[k] for k in theme.units if k in roster.by_key]
    chosen: list[Unit] = []
    for _ in range(n * 4):
        if len(chosen) == n:
            break
        unit = one(rng, favored) if favored and rng.random() < favored_rate else roster.weighted.pick(rng)
        if unit.canonical not in taken:
            taken.add(unit.canonical)
            chosen.append(unit)
    for unit in roster.units:  # unlucky draws: top up in roster order
        if len(chosen) == n:
            break
        if unit.canonical not in taken:
            taken.add(unit.canonical)
            chosen.append(unit)
    return chosen


class ClauseWriter:
    def __init__(self, roster: Roster, names: MentionChooser, rng: random.Random) -> None:
        self.roster, self.names, self.rng = roster, names, rng

    def _truth(self, role: str, unit: Unit, mention: str) -> UnitTruth:
        if unit.collective:
            return UnitTruth(role, mention, "", unit.kind, True)
        return UnitTruth(role, mention, unit.canonical, unit.kind, False)

    def _list(
        self, role: str, units: list[Unit], cv: Callable[[str], str], suffix_ok: bool = True
    ) -> tuple[str, list[UnitTruth]]:
        """A 、-joined list; the last name may carry 等… and/or 按职责分工负责."""
        mentions = [u.mentions[0] if u.collective else self.names.mention(u) for u in units]
        text = "、".join(mentions)
        if suffix_ok:
            if not units[-1].collective and len(units) > 1 and self.rng.random() < 0.15:
                text += one(self.rng, _ETC)
            if self.rng.random() < 0.08:
                text += _BY_DIVISION
        return cv(text), [self._truth(role, u, cv(m)) for u, m in zip(units, mentions, strict=True)]

    def _pick(self, theme: Theme, n: int, taken: set[str], collective_rate: float) -> list[Unit]:
        units = pick_units(self.roster, theme, self.rng, n, taken)
        if self.rng.random() < collective_rate:
            units.append(one(self.rng, self.roster.collectives))
        return units

    def write(self, form: str, theme: Theme, cv: Callable[[str], str]) -> Clause:
        rng, taken = self.rng, set[str]()
        n_lead = _N_LEAD.pick(rng)
        if form in ("responsible", "responsible_participate"):
            resp = self._pick(theme, _N_RESPONSIBLE.pick(rng), taken, 0.3)
            r_text, truths = self._list("responsible", resp, cv)
            body = f"责任单位：{r_text}"
            if form == "responsible_participate":
                p_text, p_truths = self._list("participate", self._pick(theme, 1, taken, 0.7), cv)
                body += f"；参加单位：{p_text}"
                truths += p_truths
            return Clause(form, cv(f"（{body}）"), "inline", tuple(truths))
        if form in ("lead_participate", "lead_only", "lead_bare", "lead_own_line"):
            lead = pick_units(self.roster, theme, rng, n_lead, taken, 0.85)
            l_text, truths = self._list("lead", lead, cv, suffix_ok=False)
            body = f"牵头单位：{l_text}"
            if form != "lead_only":
                part = self._pick(theme, _N_PARTICIPATE.pick(rng), taken, 0.6)
                if not part:
                    part = [one(rng, self.roster.collectives)]
                p_text, p_truths = self._list("participate", part, cv)
                word = _PARTICIPATE_WORD.pick(rng)
                sep = "\n" if form == "lead_own_line" and rng.random() < 0.3 else one(rng, "；；；，")
                body += f"{sep}{word}：{p_text}"
                truths += p_truths
            if form == "lead_bare":
                return Clause(form, cv(body), "bare", tuple(truths))
            if form == "lead_own_line":
                return Clause(form, cv(body), "own_line", tuple(truths))
            return Clause(form, cv(f"（{body}）"), "inline", tuple(truths))
        if form == "lead_cooperate":
            lead = pick_units(self.roster, theme, rng, min(n_lead, 2), taken, 0.85)
            l_text, truths = self._list("lead", lead, cv, suffix_ok=False)
            part = self._pick(theme, _N_COOPERATE.pick(rng), taken, 0.2)
            mentions = [u.mentions[0] if u.collective else self.names.mention(u) for u in part]
            tail = one(rng, ("等相关单位配合", "等单位配合", "配合", "配合", "协助"))
            text = f"（{l_text}牵头，{'、'.join(mentions)}{tail}）"
            truths += [self._truth("participate", u, cv(m)) for u, m in zip(part, mentions, strict=True)]
            return Clause(form, cv(text), "inline", tuple(truths))
        if form == "separately":
            resp = pick_units(self.roster, theme, rng, one(rng, (2, 2, 3)), taken)
            r_text, truths = self._list("responsible", resp, cv, suffix_ok=False)
            text = f"{r_text}{one(rng, ('按照职责分工分别负责', '按职责分工分别负责'))}"
            if rng.random() < 0.3:
                p_text, p_truths = self._list("participate", pick_units(self.roster, theme, rng, 1, taken), cv, False)
                text += f"，{p_text}配合"
                truths += p_truths
            return Clause(form, cv(f"（{text}）"), "inline", tuple(truths))
        raise ValueError(f"unknown clause form {form!r}")
