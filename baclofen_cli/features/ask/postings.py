"""The ranking's numbers as the cache keeps them: each stem's postings as text, and its idf worked
out from them, both turned into numbers only for the words a question uses."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any


class Postings(Mapping[str, list[int]]):
    """stem -> [doc number, count, ...], cached as text ("12 1 40 2") and turned into numbers only
    for the words a question uses: decoding every list on every run cost more than the ranking.
    `source` is the table as built (lists) or as cached (text, in a LazyTable of buckets)."""

    __slots__ = ("_source", "_numbers")

    def __init__(self, source: Mapping[str, list[int] | str]) -> None:
        self._source = source
        self._numbers: dict[str, list[int]] = {}

    def __getitem__(self, key: str) -> list[int]:
        value = self._numbers.get(key)
        if value is None:
            found = self._source[key]
            value = self._numbers[key] = [int(part) for part in found.split()] if isinstance(found, str) else found
        return value

    def __contains__(self, key: object) -> bool:
        return key in self._source

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._source else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._source)

    def __len__(self) -> int:
        return len(self._source)


class Idf(dict[str, float]):
    """stem -> its BM25 idf, worked out from the postings when first asked for: the cache keeps
    only the number of documents and the highest idf, since decoding ~7,000 stored floats cost
    every `ask` more than the few a question needs."""

    __slots__ = ("_postings", "total", "highest")

    def __init__(self, postings: Mapping[str, list[int]], total: int, highest: float) -> None:
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
