"""Punctuation styles. Published documents use full-width （）：；，; portal copies often carry ASCII
ones (as the seed corpus does); some mix both. Text is written full-width and converted per piece."""

from __future__ import annotations

import random
from dataclasses import dataclass

_TO_ASCII = str.maketrans({"（": "(", "）": ")", "：": ":", "；": ";", "，": ","})


def to_ascii(text: str) -> str:
    return text.translate(_TO_ASCII)


def keep(text: str) -> str:
    return text


@dataclass
class Style:
    name: str  # fullwidth | ascii | mixed
    rng: random.Random

    def body(self, text: str) -> str:
        return to_ascii(text) if self.name == "ascii" else text

    def clause_converter(self):  # one clause is converted as a whole, so its truth matches its text
        if self.name == "ascii":
            return to_ascii
        if self.name == "mixed":
            return to_ascii if self.rng.random() < 0.5 else keep
        return keep


def pick_style(rng: random.Random) -> Style:
    name = rng.choices(("fullwidth", "ascii", "mixed"), weights=(55, 35, 10))[0]
    return Style(name, rng)
