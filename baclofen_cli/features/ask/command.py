"""`baclofen ask "QUESTION"`: answer a question in the patient's own words (built from its
row in `cli_spec`; shared by the fast path and the guide)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baclofen_cli.core.state import AppState


def answer_question(app_state: AppState, text: str, json_output: bool = False) -> None:
    """Rank, detect emergencies and print."""
    from baclofen_cli.features.ask import answer as engine
    from baclofen_cli.features.ask import view
    from baclofen_cli.features.ask.index import AskIndex
    from baclofen_cli.features.ask.topic_model import for_knowledge_file

    kb = app_state.kb
    index = app_state.compiled.index("ask", AskIndex)
    result = engine.answer(kb, index, text, for_knowledge_file(app_state.data_path, index.topics))
    out = app_state.output(json_output)
    if out.style == "json":
        out.json(view.json_view(result))
        return
    from baclofen_cli.cli.spec import TOPIC_COMMANDS
    from baclofen_cli.features.ask.render import render_answer

    render_answer(out, view.display_view(kb, result, app_state.command_name, topic_commands=TOPIC_COMMANDS))
