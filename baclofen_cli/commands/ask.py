"""`baclofen ask "QUESTION"`: answer a question in the patient's own words."""

from __future__ import annotations

from typing import Annotated

import typer

from baclofen_cli import actions
from baclofen_cli.commands.common import JsonOption, state


def ask(
    ctx: typer.Context,
    question: Annotated[
        list[str] | None,
        typer.Argument(metavar="QUESTION", help='Your question, in your own words (quotes are optional): "I forgot my pill".'),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Ask a question in your own words. Emergencies are shown first."""
    text = " ".join(question or []).strip()
    if actions.is_blank_name(text):  # nothing left once escape codes and control characters go
        raise typer.BadParameter("the question is empty; for example: ask \"I forgot my dose\"", param_hint="QUESTION")
    answer_question(ctx, text, json_output)


def answer_question(ctx: typer.Context, text: str, json_output: bool = False) -> None:
    actions.answer_question(state(ctx), text, json_output)


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Guide")(ask)
