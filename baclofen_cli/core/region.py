"""Region selection: which emergency numbers and region-only statements a reader sees.

The knowledge file declares its regions (`regions:`, each with the locale territories that
choose it) and tags statements (`regions: [UK]`) and contacts (`region: UK`). With a region
chosen, everything tagged for other regions is left out; with none, everything is shown.
The choice comes from `--region`, else BACLOFEN_REGION, else the locale where it is unambiguous.
"""

from __future__ import annotations

import os
from typing import Any

from baclofen_cli.core.errors import BaclofenError

REGION_ENV_VAR = "BACLOFEN_REGION"
# Values that mean "no region: show every region's numbers".
ALL_REGIONS = ("all", "any", "")
_LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")


class UnknownRegionError(BaclofenError):
    pass


def choose(kb: Any, option: str | None) -> str | None:
    """The region code to use, or None for all regions."""
    codes: dict[str, str] = {r.code.upper(): r.code for r in kb.get("regions", [])}
    asked = option if option is not None else os.environ.get(REGION_ENV_VAR)
    if asked is not None:
        wanted = asked.strip().upper()
        if wanted.lower() in ALL_REGIONS:
            return None
        if wanted in codes:
            return codes[wanted]
        # A country code people know better than the region's (GB for UK, IE or DE for EU).
        by_territory = [r.code for r in kb.get("regions", []) if wanted in r.get("territories", [])]
        if len(by_territory) == 1:
            return by_territory[0]  # type: ignore[no-any-return]
        from baclofen_cli.core.output import show_input

        choices = ", ".join(code.lower() for code in codes) or "none in this file"
        raise UnknownRegionError(f"unknown region {show_input(asked)!r}: choose one of {choices}, or 'all'")
    return from_locale(kb)


def from_locale(kb: Any) -> str | None:
    """en_GB.UTF-8 -> the region whose territories include GB; nothing for C, POSIX or a bare language."""
    for name in _LOCALE_VARS:
        value = os.environ.get(name)
        if value:
            territory = value.split(".")[0].split("@")[0].partition("_")[2].upper()
            matches = [r.code for r in kb.get("regions", []) if territory and territory in r.get("territories", [])]
            return matches[0] if len(matches) == 1 else None
    return None


def select(kb: Any, code: str) -> Any:
    """The knowledge base without what is tagged for other regions only (a KnowledgeRecord that
    applies `select_part` to each part as it is read)."""
    return kb.selected(lambda name, value: select_part(name, value, code))


def select_part(name: str, value: Any, code: str) -> Any:
    """One top-level field of the knowledge base (or, as "topic", one topic) as a region sees it."""
    if name == "topic":
        return None if _elsewhere(value, code) else _filter(value, code)
    selected = _filter(value, code)
    if name == "emergency":
        selected["contacts"] = [c for c in value["contacts"] if c["region"] == code]
        # The region's own wording of the instruction and reminder, where the file gives one.
        regional = selected.get("by_region", {}).get(code)
        if regional:
            selected["instruction"] = regional["instruction"]
            if regional.get("reminder"):
                selected["reminder"] = regional["reminder"]
    return selected


def _filter(value: Any, code: str) -> Any:
    if isinstance(value, dict):
        return type(value)((key, _filter(item, code)) for key, item in value.items())
    if isinstance(value, list):
        return [_filter(item, code) for item in value if not _elsewhere(item, code)]
    return value


def _elsewhere(item: Any, code: str) -> bool:
    regions = item.get("regions") if isinstance(item, dict) else None
    return bool(regions) and isinstance(regions, list) and code not in regions
