"""The cached form of the `ask` index: a JSON header line, then the large tables in pieces.

A question looks up a few dozen words in each large table (surface words, synonyms, drug names,
drug stems, plain words, postings), yet decoding all of them cost every `ask` more than the
ranking (Spanish: ~0.8 MB of JSON). So each of these tables is cut into buckets by a checksum of
the key, every bucket is written as its own small JSON object, and a lookup decodes only the
bucket its key falls in. The header line holds the rest of the index (decoded at once) and, for
each table, how many keys it has, where each bucket ends, and where its order ends (-1: none).

    ask.json:  {"form": 2, "head": {...}, "tables": {name: [count, [end, ...], order end], ...}}\\n
               {bucket}{bucket}...{bucket}"order"  {bucket}...  (one table after another)

"order", for a table whose keys are not in sorted order: one character per key, naming its bucket.

Going through a whole table (typo correction reads every known word) decodes every bucket, in
the table's own key order. The header is checked when the file is read (its form, and every
range inside the file): a file of another shape is rebuilt by the loader, never half-used.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, KeysView, Mapping
from typing import Any

# The cached form's version: a header of any other form is rebuilt (loader.Compiled.index).
CACHE_FORM = 2
# Tables kept in buckets. plain_words is a word list: kept as a table of word -> 0, read as a set.
LAZY_TABLES = ("postings", "surface", "synonyms", "drugs", "drug_stems", "plain_words")
WORD_SETS = ("plain_words",)
# About this many keys per bucket: a lookup decodes ~1 KB instead of a whole table.
KEYS_PER_BUCKET = 24
# The order of a table whose keys are not sorted is kept as one character per key, this plus the
# number of its bucket (past the control characters, which JSON would write as six bytes each).
ORDER_BASE = 0x30


def bucket_of(key: str, buckets: int) -> int:
    # CRC-32, not hash(): str hashes change from run to run. surrogatepass: a question read from
    # undecodable command-line bytes still hashes (to a bucket where no known word is).
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % buckets


class LazyTable(Mapping[str, Any]):
    """A cached table read bucket by bucket: a lookup decodes the one bucket its key is in."""

    __slots__ = ("_blob", "_starts", "_ends", "_count", "_order", "_buckets", "_whole")

    def __init__(self, blob: bytes, start: int, ends: list[int], count: int, order: int) -> None:
        self._blob, self._count = blob, count
        self._starts, self._ends = [start, *ends[:-1]], ends
        self._order = (ends[-1], order) if order >= 0 else None  # None: the keys are in sorted order
        self._buckets: list[dict[str, Any] | None] = [None] * len(ends)
        self._whole: dict[str, Any] | None = None

    def _bucket(self, key: str) -> dict[str, Any]:
        number = bucket_of(key, len(self._ends))
        bucket = self._buckets[number]
        if bucket is None:
            bucket = self._buckets[number] = json.loads(self._blob[self._starts[number]:self._ends[number]])
        return bucket

    def __getitem__(self, key: str) -> Any:
        if self._whole is not None:
            return self._whole[key]
        if not isinstance(key, str):
            raise KeyError(key)
        return self._bucket(key)[key]

    def __contains__(self, key: object) -> bool:
        if self._whole is not None:
            return key in self._whole
        return isinstance(key, str) and key in self._bucket(key)

    def get(self, key: str, default: Any = None) -> Any:
        if self._whole is not None:
            return self._whole.get(key, default)
        return self._bucket(key).get(key, default) if isinstance(key, str) else default

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def keys(self) -> KeysView[str]:
        # A view whose `in` (and `set & view`) looks up one bucket; iterating it decodes them all.
        return KeysView(self)

    def whole(self) -> dict[str, Any]:
        """Every key, in the order the table was built in (decodes every bucket, once)."""
        if self._whole is None:
            buckets = [bucket if bucket is not None else json.loads(self._blob[start:end])
                       for bucket, start, end in zip(self._buckets, self._starts, self._ends)]
            merged = {key: value for bucket in buckets for key, value in bucket.items()}
            if self._order is not None:
                # Each key's bucket, in the table's order: the next key of that bucket comes next.
                marks = json.loads(self._blob[self._order[0]:self._order[1]])
                keys_of = [iter(bucket) for bucket in buckets]
                keys = [next(keys_of[ord(mark) - ORDER_BASE]) for mark in marks]
            else:
                keys = sorted(merged)
            self._whole = {key: merged[key] for key in keys}
        return self._whole

    def __repr__(self) -> str:
        return f"LazyTable({self._count} keys in {len(self._ends)} buckets)"


def encode(data: dict[str, Any]) -> bytes:
    """The cached form of an index's data (AskIndex.to_data): the header line, then the pieces."""
    import msgspec

    head = dict(data)
    pieces: list[bytes] = []
    tables: dict[str, list[Any]] = {}
    position = 0
    for name in LAZY_TABLES:
        table = head.pop(name)
        if name in WORD_SETS:
            table = dict.fromkeys(table, 0)
        keys = list(table)
        count = max(1, len(keys) // KEYS_PER_BUCKET)
        buckets: list[dict[str, Any]] = [{} for _ in range(count)]
        for key in keys:
            buckets[bucket_of(key, count)][key] = table[key]
        ends = []
        for bucket in buckets:
            piece = msgspec.json.encode(bucket)
            pieces.append(piece)
            position += len(piece)
            ends.append(position)
        order = -1
        if keys != sorted(keys):
            # One character per key, naming its bucket: a tenth of the size of the keys themselves.
            piece = msgspec.json.encode("".join(chr(ORDER_BASE + bucket_of(key, count)) for key in keys))
            pieces.append(piece)
            position += len(piece)
            order = position
        tables[name] = [len(keys), ends, order]
    header = msgspec.json.encode({"form": CACHE_FORM, "head": head, "tables": tables})
    return header + b"\n" + b"".join(pieces)


def decode(payload: bytes) -> dict[str, Any]:
    """The index's data as `encode` wrote it, each large table a LazyTable (checked, not decoded).

    Raises ValueError (or LookupError, TypeError) for a payload of any other form or with a
    range outside it: the loader then rebuilds the file."""
    header_line, newline, blob = payload.partition(b"\n")
    header = json.loads(header_line)
    if not newline or type(header) is not dict or header.get("form") != CACHE_FORM:
        raise ValueError("not the cached form of an ask index")
    data = header["head"]
    tables = header["tables"]
    if type(data) is not dict or type(tables) is not dict or set(tables) != set(LAZY_TABLES) or set(data) & set(tables):
        raise ValueError("an ask index of the wrong shape")
    start = 0
    for name in LAZY_TABLES:
        count, ends, order = tables[name]
        if type(count) is not int or count < 0 or type(ends) is not list or not ends:
            raise ValueError(f"a table of the wrong shape: {name}")
        previous = start
        for end in ends:
            if type(end) is not int or not previous < end <= len(blob):  # every bucket at least "{}"
                raise ValueError(f"a table outside its file: {name}")
            previous = end
        if type(order) is not int or not (order == -1 or previous < order <= len(blob)):
            raise ValueError(f"a table outside its file: {name}")
        data[name] = LazyTable(blob, start, ends, count, order)
        start = order if order >= 0 else previous
    if start != len(blob):
        raise ValueError("an ask index with bytes no table holds")
    return data
