"""Which sources to show a reader: official ones first, each once, and only as many as help."""

from __future__ import annotations

from typing import Any

TIER_ORDER = {"official": 0, "reference": 1, "other": 2}


def best(source_map: dict[str, Any], ids: list[str], limit: int | None = None) -> list[Any]:
    """The cited sources, each once, official tier first, then in the order first cited."""
    cited = [source_map[i] for i in dict.fromkeys(ids) if i in source_map]
    ranked = sorted(cited, key=lambda s: TIER_ORDER.get(s.get("tier", "other"), 2))
    return ranked if limit is None else ranked[:limit]


def plain_label(source: Any) -> str:
    """A source in plain words: "Title. Publisher, 2024." (no year when the file gives none)."""
    title = " ".join(str(source["title"]).split()).rstrip(".")
    publisher = " ".join(str(source["publisher"]).split()).rstrip(".")
    year = source.get("year")
    return f"{title}. {publisher}, {year}." if year else f"{title}. {publisher}."
