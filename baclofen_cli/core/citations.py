"""Which sources to show a reader, and how: official ones first, each once, in plain words.

Works on the cached records (dicts read by attribute) and on the typed model alike. Never shows
`via` or `note`: they are provenance for editors (the copy that was read), not citations.
"""

from __future__ import annotations

from typing import Any

TIER_ORDER = {"official": 0, "reference": 1, "other": 2}
TIERS = tuple(TIER_ORDER)


def field(source: Any, name: str, default: Any = None) -> Any:
    """A source's field, whether the source is a dict/record or a model struct."""
    value = source.get(name, default) if isinstance(source, dict) else getattr(source, name, default)
    return default if value is None else value


def tier(source: Any) -> str:
    value = field(source, "tier", "other")
    return value if value in TIER_ORDER else "other"


def is_official(source: Any) -> bool:
    return tier(source) == "official"


def best(source_map: dict[str, Any], ids: list[str], limit: int | None = None) -> list[Any]:
    """The cited sources, each once, official tier first, then in the order first cited."""
    cited = [source_map[i] for i in dict.fromkeys(ids) if i in source_map]
    ranked = sorted(cited, key=lambda s: TIER_ORDER[tier(s)])
    return ranked if limit is None else ranked[:limit]


def official(source_map: dict[str, Any], ids: list[str]) -> list[Any]:
    """Only the official sources among `ids`, each once, in the order first cited (for handouts)."""
    return [s for s in best(source_map, ids) if is_official(s)]


def distinct(sources: list[Any]) -> list[Any]:
    """Each document once: two ids that point at the same URL are one reference for a reader."""
    seen: set[str] = set()
    kept = []
    for source in sources:
        key = str(field(source, "url", "")).rstrip("/").replace("http://", "https://", 1)
        if key not in seen:
            seen.add(key)
            kept.append(source)
    return kept


def plain_label(source: Any) -> str:
    """ "Baclofen, MedlinePlus, US National Library of Medicine, 2024": title, publisher and year.

    The publisher is left out when the title already says it; the year when it is not known.
    """
    title = " ".join(str(field(source, "title", "")).split()).rstrip(". ")
    publisher = " ".join(str(field(source, "publisher", "")).split()).rstrip(". ")
    parts = [title]
    if publisher and publisher.casefold() not in title.casefold():
        parts.append(publisher)
    year = field(source, "year")
    if year and str(year) not in title:
        parts.append(str(year))
    return ", ".join(p for p in parts if p)


def tier_counts(sources: list[Any]) -> dict[str, int]:
    counts = dict.fromkeys(TIERS, 0)
    for source in sources:
        counts[tier(source)] += 1
    return counts
