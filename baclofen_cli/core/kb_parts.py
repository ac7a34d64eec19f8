"""Where each part of a cached knowledge base sits in kb.json, so a run decodes only what it reads.

kb.json stays one JSON document (the knowledge base as msgspec writes it). Beside it, the `parts`
index (loader.INDEX_BUILDERS) gives the byte range of each top-level field's value and of each
topic, and the length and CRC-32 of the kb.json it describes. A topic command then decodes its
topic, the drug, the emergency box and the sources, not the other fourteen topics, the
interaction groups and the `ask` hints (about three quarters of the file).

The ranges are used only for the exact bytes they were made from: a kb.json of any other
length or checksum (rewritten by another version, edited by hand) is decoded whole and checked
as before (loader.decode_kb).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from baclofen_cli.core.model import KnowledgeBase


class PartsIndex(TypedDict):
    size: int  # kb.json's payload length
    crc32: int  # and checksum: the ranges describe these bytes only
    fields: list[tuple[str, int, int]]  # (field, start, end) of each top-level value, in file order
    topics: list[tuple[str, int, int]]  # (id, start, end) of each topic inside the "topics" value


def build_index(kb: KnowledgeBase) -> PartsIndex:
    """The ranges for the kb.json `kb` is written as (loader.compile_kb writes msgspec.json.encode(kb))."""
    import zlib

    import msgspec

    whole = msgspec.json.encode(kb)
    fields: list[tuple[str, int, int]] = []
    topics: list[tuple[str, int, int]] = []
    position = 1  # after "{"
    # msgspec's public field list (name in Python, name in the document), typed in every version.
    for name, field in ((info.encode_name, info.name) for info in msgspec.structs.fields(kb)):
        key = msgspec.json.encode(name) + b":"
        value = msgspec.json.encode(getattr(kb, field))
        start = position + len(key)
        if whole[position:start] != key or whole[start:start + len(value)] != value:
            # msgspec wrote the document some other way: no ranges, and every run decodes it whole.
            return {"size": len(whole), "crc32": zlib.crc32(whole), "fields": [], "topics": []}
        fields.append((name, start, start + len(value)))
        if field == "topics":
            inner = start + 1  # after "["
            for topic in kb.topics:
                encoded = msgspec.json.encode(topic)
                topics.append((topic.id, inner, inner + len(encoded)))
                inner += len(encoded) + 1  # and the comma
        position = start + len(value) + 1
    return {"size": len(whole), "crc32": zlib.crc32(whole), "fields": fields, "topics": topics}


def usable(parts: Any, payload: bytes, required: Iterable[str]) -> bool:
    """Whether `parts` describes exactly `payload`, with a range for every required field."""
    import zlib

    try:
        if parts["size"] != len(payload) or parts["crc32"] != zlib.crc32(payload):
            return False
        names = {entry[0] for entry in parts["fields"]}
        bounded = all(0 < start <= end <= len(payload) for _, start, end in [*parts["fields"], *parts["topics"]])
        return bounded and "schema_version" in names and set(required) <= names and bool(parts["topics"])
    except (KeyError, TypeError, ValueError):
        return False
