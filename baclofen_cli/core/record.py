"""Plain JSON objects read by attribute, so cached data can be used like the model it came from."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _collections_abc import dict_items, dict_keys, dict_values


class Record(dict):  # type: ignore[type-arg]
    """A JSON object from the cache. `topic.title` reads `topic["title"]`.

    Used instead of the msgspec structs on the fast path because importing msgspec and
    defining the model costs more than the rest of a topic command. Model field names
    never shadow dict methods (a test checks this).
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


# A part as it is decoded: (field or topic, its JSON value) -> the value the run sees (region.select_part).
Transform = Callable[[str, Any], Any]


class _Pending:
    """The parts of kb.json not decoded yet: byte ranges into its payload (core/kb_parts.py)."""

    __slots__ = ("payload", "fields", "order", "topics", "transform", "topic_cache")

    def __init__(self, payload: bytes, fields: dict[str, tuple[int, int]], order: list[str],
                 topics: list[tuple[str, int, int]], transform: Transform | None) -> None:
        self.payload, self.fields, self.order, self.topics = payload, fields, order, topics
        self.transform = transform
        self.topic_cache: dict[str, Record | None] = {}

    def decode(self, start: int, end: int) -> Any:
        return json.loads(self.payload[start:end], object_hook=Record)

    def take(self, name: str) -> Any:
        value = self.decode(*self.fields.pop(name))
        value = self.transform(name, value) if self.transform is not None else value
        if name == "topics" and self.topic_cache:
            # A topic already read by `topic(id)` stays the same object in the list.
            value = [cached if (cached := self.topic_cache.get(t["id"])) is not None else t for t in value]
        return value


class KnowledgeRecord(Record):
    """The root of a knowledge file, with the two look-ups every command needs.

    Read from a cache entry with a `parts` index (`lazy`), each top-level field is decoded the
    first time it is read, and `topic(id)` decodes that one topic only: a topic command never
    decodes the others, nor the interaction groups or the `ask` hints. Anything that reads the
    record whole (iterating, `items()`, `len()`, comparing, copying) decodes every part first, so
    it sees the same dict a full decode gives; `complete()` does that explicitly, for code that
    reads the dict from C (msgspec.convert).
    """

    __slots__ = ("_pending",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pending: _Pending | None = None

    @classmethod
    def lazy(cls, payload: bytes, fields: list[tuple[str, int, int]], topics: list[tuple[str, int, int]],
             eager: tuple[str, ...] = ()) -> KnowledgeRecord:
        record = cls()
        ranges = {name: (start, end) for name, start, end in fields}
        record._pending = _Pending(payload, ranges, [name for name, _, _ in fields], list(topics), None)
        for name in eager:
            record[name]  # decoded now (the shape checks read them)
        return record

    def selected(self, transform: Transform) -> KnowledgeRecord:
        """A record that shows every part through `transform` (a region's view, region.select_part)."""
        copy = KnowledgeRecord((name, transform(name, value)) for name, value in dict.items(self))
        pending = self._pending
        if pending is not None:
            copy._pending = _Pending(pending.payload, dict(pending.fields), pending.order, pending.topics, transform)
        return copy

    def __missing__(self, name: str) -> Any:
        pending = self._pending
        if pending is None or name not in pending.fields:
            raise KeyError(name)
        value = pending.take(name)
        dict.__setitem__(self, name, value)
        return value

    def complete(self) -> KnowledgeRecord:
        """Decode every part not read yet, and put the fields back in the file's order."""
        pending = self._pending
        if pending is not None:
            for name in list(pending.fields):
                self[name]
            decoded = dict(dict.items(self))
            dict.clear(self)
            for name in pending.order:
                dict.__setitem__(self, name, decoded.pop(name))
            dict.update(self, decoded)
            self._pending = None
        return self

    def topic(self, topic_id: str) -> Record | None:
        pending = self._pending
        if pending is not None and "topics" in pending.fields:
            if topic_id not in pending.topic_cache:
                found = next(((start, end) for tid, start, end in pending.topics if tid == topic_id), None)
                topic = pending.decode(*found) if found else None
                if topic is not None and pending.transform is not None:
                    topic = pending.transform("topic", topic)
                pending.topic_cache[topic_id] = topic
            return pending.topic_cache[topic_id]
        return next((t for t in self["topics"] if t["id"] == topic_id), None)

    def source_map(self) -> dict[str, Record]:
        return {s["id"]: s for s in self["sources"]}

    # Reading the record whole: every part first.
    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default

    def __contains__(self, name: object) -> bool:
        pending = self._pending
        return dict.__contains__(self, name) or (pending is not None and name in pending.fields)

    def __iter__(self) -> Iterator[str]:
        return dict.__iter__(self.complete())

    def __len__(self) -> int:
        return dict.__len__(self.complete())

    def keys(self) -> dict_keys[Any, Any]:
        return dict.keys(self.complete())

    def values(self) -> dict_values[Any, Any]:
        return dict.values(self.complete())

    def items(self) -> dict_items[Any, Any]:
        return dict.items(self.complete())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, KnowledgeRecord):
            other.complete()
        return dict.__eq__(self.complete(), other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def copy(self) -> KnowledgeRecord:
        return KnowledgeRecord(dict.items(self.complete()))

    def __repr__(self) -> str:
        return dict.__repr__(self.complete())

    def __reduce__(self) -> Any:
        return (KnowledgeRecord, (dict(dict.items(self.complete())),))
