"""Clinic overlays: a small file that extends the built-in knowledge file instead of copying it.

A file with `extends: builtin` holds only what a clinic adds or changes. It is merged into
the built-in file before validation, so every rule checks the result a reader will see:

- Lists of items with an id (topics, sources, quiz items, interaction groups) are merged by
  id: an item with a known id patches that item (the keys it gives replace those keys), a new
  id is added at the end, in the overlay's order. Sections are matched by heading, contacts
  by region and label, combinations by name, regions by code.
- Mappings (drug, emergency, interactions, ask) are merged key by key; a text, number or URL
  the overlay gives replaces the built-in one.
- Lists of items without an id (a section's points, emergency signs, actions) and lists of
  plain values (phrasings, aliases) gain the overlay's new items after the built-in ones.

Nothing can be removed by an overlay: a clinic file cannot drop the overdose topic or an
emergency sign. To replace the whole guide, write a complete file without `extends`.
"""

from __future__ import annotations

from typing import Any

# A value's place in the file, as yamlsafe records it (not imported: this module is loaded on
# every run, and yamlsafe imports PyYAML).
Path = tuple[str | int, ...]

EXTENDS_KEY = "extends"
BUILTIN = "builtin"
# How the items of a list are matched, for lists whose items have no `id`.
_MATCH_KEYS: dict[str, tuple[str, ...]] = {
    "sections": ("heading",),
    "contacts": ("region", "label"),
    "combinations": ("name",),
    "regions": ("code",),
}


def is_overlay(data: Any) -> bool:
    return isinstance(data, dict) and EXTENDS_KEY in data


def mentions_extends(raw: bytes) -> bool:
    """A cheap look before parsing (for the cache key): could this file extend the built-in one?"""
    return f"{EXTENDS_KEY}:".encode() in raw


def merge(base: dict[str, Any], overlay: dict[str, Any], overlay_lines: dict[Path, int]) -> tuple[Any, dict[Path, int]]:
    """The merged data, and the overlay's line for every merged value that came from the overlay."""
    lines: dict[Path, int] = {}
    body = {k: v for k, v in overlay.items() if k != EXTENDS_KEY}
    merged = _merge(base, body, (), (), overlay_lines, lines)
    return merged, lines


def _merge(base: Any, new: Any, at: Path, src: Path, src_lines: dict[Path, int], lines: dict[Path, int]) -> Any:
    _note(at, src, src_lines, lines, shallow=True)
    if isinstance(base, dict) and isinstance(new, dict):
        merged = dict(base)
        for key, value in new.items():
            if key in base:
                merged[key] = _merge(base[key], value, (*at, key), (*src, key), src_lines, lines)
            else:
                merged[key] = value
                _note((*at, key), (*src, key), src_lines, lines)
        return merged
    if isinstance(base, list) and isinstance(new, list):
        return _merge_list(base, new, at, src, src_lines, lines)
    _note(at, src, src_lines, lines)
    return new


def _merge_list(base: list[Any], new: list[Any], at: Path, src: Path, src_lines: dict[Path, int],
                lines: dict[Path, int]) -> list[Any]:
    merged = list(base)
    keys = _match_keys(base, new, at)
    if keys is None:
        # Plain values: add the ones not there yet.
        for i, value in enumerate(new):
            if value not in merged:
                merged.append(value)
                _note((*at, len(merged) - 1), (*src, i), src_lines, lines)
        return merged
    position = {_identity(item, keys): i for i, item in enumerate(merged) if isinstance(item, dict)}
    for i, item in enumerate(new):
        ident = _identity(item, keys) if isinstance(item, dict) else None
        if ident is not None and ident in position:
            j = position[ident]
            merged[j] = _merge(merged[j], item, (*at, j), (*src, i), src_lines, lines)
        else:
            merged.append(item)
            position.setdefault(ident, len(merged) - 1)
            _note((*at, len(merged) - 1), (*src, i), src_lines, lines)
    return merged


def _match_keys(base: list[Any], new: list[Any], at: Path) -> tuple[str, ...] | None:
    items = [item for item in [*base, *new] if isinstance(item, dict)]
    if not items:
        return None
    if all("id" in item for item in items):
        return ("id",)
    name = at[-1] if at and isinstance(at[-1], str) else ""
    return _MATCH_KEYS.get(name, ("id",))


def _identity(item: dict[str, Any], keys: tuple[str, ...]) -> tuple[Any, ...] | None:
    values = tuple(item.get(k) for k in keys)
    return None if any(v is None for v in values) or not all(isinstance(v, str) for v in values) else values


def _note(at: Path, src: Path, src_lines: dict[Path, int], lines: dict[Path, int], shallow: bool = False) -> None:
    """Carry the overlay's line numbers over to where its values now sit."""
    if shallow:
        if src in src_lines:
            lines.setdefault(at, src_lines[src])
        return
    n = len(src)
    for path, line in src_lines.items():
        if path[:n] == src:
            lines[(*at, *path[n:])] = line
