"""`baclofen --version` / `-V`: the program, the knowledge file in use, and its review date."""

from __future__ import annotations


def version_text(data: str | None) -> str:
    from baclofen_cli import __version__
    from baclofen_cli.core.errors import BaclofenError, show_path
    from baclofen_cli.core.loader import default_path, resolve_path
    from baclofen_cli.core.output import clean
    from baclofen_cli.core.staleness import stale_note
    from baclofen_cli.core.state import AppState

    path = resolve_path(data)
    shown = "built-in" if path == default_path() else show_path(str(path))
    from baclofen_cli.core.state import RUN_PROGRAM

    lines = [f"{RUN_PROGRAM} {__version__}", f"knowledge file: {shown}"]
    try:
        reviewed = AppState(data=data).kb.drug.reviewed
    except BaclofenError as exc:
        lines.append(f"content reviewed: unknown (the file cannot be used: {exc})")
    else:
        lines.append(f"content reviewed: {reviewed}")
        note = stale_note(reviewed)
        if note:
            lines.append(note)
    return clean("\n".join(lines))


def version_json(data: str | None) -> str:
    """What `--version` says, for scripts: {"version", "knowledge_file", "reviewed"} (null,
    with "error", when the file cannot be used; "review_note" when the content is old)."""
    from baclofen_cli import __version__
    from baclofen_cli.core.errors import BaclofenError, show_path
    from baclofen_cli.core.loader import default_path, resolve_path
    from baclofen_cli.core.output import json_text
    from baclofen_cli.core.staleness import stale_note
    from baclofen_cli.core.state import AppState

    path = resolve_path(data)
    payload: dict[str, object] = {
        "version": __version__,
        "knowledge_file": "built-in" if path == default_path() else show_path(str(path)),
    }
    try:
        reviewed = AppState(data=data).kb.drug.reviewed
    except BaclofenError as exc:
        payload.update(reviewed=None, error=str(exc))
    else:
        payload["reviewed"] = str(reviewed)
        note = stale_note(reviewed)
        if note:
            payload["review_note"] = note
    return json_text(payload)
