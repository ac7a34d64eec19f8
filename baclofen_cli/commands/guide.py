"""`baclofen guide`: the interactive guide (also what `baclofen` alone opens on a terminal)."""

from __future__ import annotations

import typer

from baclofen_cli.commands.common import state


def guide(ctx: typer.Context) -> None:
    """Step through the topics and ask questions, one prompt at a time (q to leave)."""
    from baclofen_cli.errors import BaclofenError

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
