"""`baclofen guide`: the interactive guide (also what `baclofen` alone opens on a terminal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baclofen_cli.core.state import AppState


def guide(app_state: AppState, json_output: bool = False) -> None:
    """Step through the topics and ask questions, one prompt at a time (q to leave)."""
    from baclofen_cli.core.errors import BaclofenError

    if json_output:
        # The guide is a conversation, not an answer: scripts get the same content elsewhere.
        raise BaclofenError(
            "the guide is interactive and has no --json; for scripts use 'topics --json', "
            "'show TOPIC --json' or 'ask --json \"QUESTION\"'"
        )
    if app_state.no_input:
        raise BaclofenError(
            "the guide asks questions, but --no-input was given: use 'ask', 'topics' or a topic command")
    from baclofen_cli.features.guide.session import run_guide

    run_guide(app_state)


def is_interactive() -> bool:
    """Both ends are a terminal: someone is there to answer the prompts."""
    import sys

    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
