"""`baclofen guide`: the interactive guide (also what `baclofen` alone opens on a terminal)."""

from __future__ import annotations

import typer

from baclofen_cli.commands.common import JsonOption, state


def guide(ctx: typer.Context, json_output: JsonOption = False) -> None:
    """Step through the topics and ask questions, one prompt at a time (q to leave)."""
    from baclofen_cli.errors import BaclofenError

    if json_output:
        # The guide is a conversation, not an answer: scripts get the same content elsewhere.
        raise BaclofenError(
            "the guide is interactive and has no --json; for scripts use 'topics --json', "
            "'show TOPIC --json' or 'ask --json \"QUESTION\"'"
        )
    if state(ctx).no_input:
        raise BaclofenError("the guide asks questions, but --no-input was given: use 'ask', 'topics' or a topic command")
    from baclofen_cli.guide import run_guide

    run_guide(ctx)


def is_interactive() -> bool:
    """Both ends are a terminal: someone is there to answer the prompts."""
    import sys

    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Guide")(guide)
