"""`baclofen quiz`: a teach-back quiz, at a terminal or with answers piped on stdin."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from baclofen_cli.commands.common import state


def quiz(
    ctx: typer.Context,
    count: Annotated[int, typer.Option("--count", "-n", min=1, max=100, help="How many questions.")] = 5,
    seed: Annotated[
        int | None, typer.Option("--seed", min=0, help="Draw the same questions again (the quiz prints its seed).")
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the drawn questions and answers as JSON; ask nothing.")
    ] = False,
) -> None:
    """Check what you learned: answer questions (a, b, c...), one per line. Ctrl-D stops."""
    from baclofen_cli.errors import BaclofenError
    from baclofen_cli.quiz import QuizSession, draw, new_seed, quiz_view

    app_state = state(ctx)
    kb = app_state.kb
    if not kb.quiz:
        raise BaclofenError(f"this knowledge file has no quiz questions ({app_state.data_path})")
    if seed is None:
        seed = new_seed()
    items = draw(kb.quiz, count, seed)
    out = app_state.output(json_output)
    command = app_state.command_name
    if out.style == "json":
        out.json(quiz_view(kb, items, seed, command))
        return
    stdin = sys.stdin
    interactive = _isatty(stdin)
    if interactive and app_state.no_input:
        raise BaclofenError(
            "the quiz asks questions, but --no-input was given: pipe the answers on stdin, or use --json"
        )
    session = QuizSession(kb, out, stdin, interactive=interactive, command=command, seed=seed)
    try:
        session.run(items)
    except KeyboardInterrupt:
        # Ctrl-C: leave at once, with the score so far, and the conventional exit code.
        try:
            out.text()
            session.summary(len(items), stopped=True)
        except (KeyboardInterrupt, OSError):
            pass
        raise typer.Exit(130) from None
    except BrokenPipeError:
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None


def _isatty(stream: object) -> bool:
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Guide")(quiz)
