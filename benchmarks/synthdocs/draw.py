"""Weighted draws with the cumulative weights computed once (random.choices recomputes them per call)."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Weighted(Generic[T]):
    def __init__(self, items: Iterable[T], weights: Iterable[float]) -> None:
        self.items = tuple(items)
        self.cumulative = tuple(accumulate(weights))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect(self.cumulative, rng.random() * self.total)]


def one(rng: random.Random, seq: tuple[T, ...] | list[T]) -> T:
    """rng.choice without its bookkeeping: this runs a few million times per corpus."""
    return seq[int(rng.random() * len(seq))]
