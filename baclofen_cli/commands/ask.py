"""`baclofen ask "QUESTION"`: answer a question in the patient's own words."""

from __future__ import annotations

from typing import Annotated

import typer

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
    if not text:
        raise typer.BadParameter("the question is empty; for example: ask \"I forgot my dose\"", param_hint="QUESTION")
    answer_question(ctx, text, json_output)


def answer_question(ctx: typer.Context, text: str, json_output: bool = False) -> None:
    """Rank, detect emergencies and print: shared by `ask` and the interactive guide."""
    from baclofen_cli import ask as engine

    app_state = state(ctx)
    kb = app_state.kb
    index = app_state.compiled.index("ask", engine.AskIndex)
    result = engine.answer(kb, index, text)
    out = app_state.output(json_output)
    if out.style == "json":
        out.json(engine.json_view(result))
        return
    from baclofen_cli.render.ask import render_answer

    render_answer(out, engine.display_view(kb, result, app_state.command_name))


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Guide")(ask)
