"""The ranking's numbers as the cache keeps them: each stem's postings as text, and its idf worked
out from them, both turned into numbers only for the words a question uses."""

from __future__ import annotations

import math
from typing import Any


class Postings(dict[str, list[int]]):
    """stem -> [doc number, count, ...], cached as text ("12 1 40 2") and turned into numbers only
    for the words a question uses: decoding every list on every run cost more than the ranking."""

    __slots__ = ()

    def __getitem__(self, key: str) -> list[int]:
        value: list[int] | str = dict.__getitem__(self, key)
        if isinstance(value, str):
            value = [int(part) for part in value.split()]
            dict.__setitem__(self, key, value)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        # Not self.get(...) (this method): the value is decoded by __getitem__.
        return self[key] if key in self else default  # noqa: SIM401


class Idf(dict[str, float]):
    """stem -> its BM25 idf, worked out from the postings when first asked for: the cache keeps
    only the number of documents and the highest idf, since decoding ~7,000 stored floats cost
    every `ask` more than the few a question needs."""

    __slots__ = ("_postings", "total", "highest")

    def __init__(self, postings: dict[str, list[int]], total: int, highest: float) -> None:
        super().__init__()
        self._postings, self.total, self.highest = postings, total, highest

    def __missing__(self, key: str) -> float:
        found = len(self._postings[key]) / 2  # KeyError for a stem no document has
        value = self[key] = round(math.log(1 + (self.total - found + 0.5) / (found + 0.5)), 4)
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._postings

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._postings else default
