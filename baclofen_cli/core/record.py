"""Plain JSON objects read by attribute, so cached data can be used like the model it came from."""

from __future__ import annotations

from typing import Any


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


class KnowledgeRecord(Record):
    """The root of a knowledge file, with the two look-ups every command needs."""

    __slots__ = ()

    def topic(self, topic_id: str) -> Record | None:
        return next((t for t in self["topics"] if t["id"] == topic_id), None)

    def source_map(self) -> dict[str, Record]:
        return {s["id"]: s for s in self["sources"]}
