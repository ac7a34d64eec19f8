"""Whether the content is old: more than 12 months since its review date (`drug.reviewed`)."""

from __future__ import annotations

import time

STALE_AFTER_MONTHS = 12



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
    if not is_stale(reviewed, today):
        return None
    from baclofen_cli.lang import phrase

    return phrase("stale_note", reviewed=reviewed, months=STALE_AFTER_MONTHS)
