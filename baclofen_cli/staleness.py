"""Whether the content is old: more than 12 months since its review date (`drug.reviewed`)."""

from __future__ import annotations

import time

STALE_AFTER_MONTHS = 12

# Words about the tool itself; they stay together here until the language packs take them.
STALE_NOTE = (
    "Note: this guide was last reviewed on {reviewed}, more than {months} months ago. "
    "Some facts may have changed: check with your pharmacist."
)


def is_stale(reviewed: str, today: tuple[int, int, int] | None = None) -> bool:
    """More than 12 months before `today` (year, month, day; default the local date)."""
    try:
        year, month, day = (int(part) for part in reviewed.split("-"))
    except ValueError:
        return False  # validate reports a bad date; an answer is not the place
    if today is None:
        now = time.localtime()  # not datetime: one import less on every answer
        today = (now.tm_year, now.tm_mon, now.tm_mday)
    return today > (year + STALE_AFTER_MONTHS // 12, month, day)


def stale_note(reviewed: str, today: tuple[int, int, int] | None = None) -> str | None:
    return STALE_NOTE.format(reviewed=reviewed, months=STALE_AFTER_MONTHS) if is_stale(reviewed, today) else None
