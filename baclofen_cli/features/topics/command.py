"""The topic commands (one per standard topic), `topics` and `show`: plain functions of the
run's `AppState`, shared by the Typer app, the fast path and the guide (built from their
rows in `cli_spec`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baclofen_cli.core.state import AppState


def show_topic(app_state: AppState, topic_id: str, json_output: bool = False, sources: bool = False,
               notices: bool = True) -> None:
    """Print one topic. `notices=False`: without the one-line reminder and the disclaimer (the
    guide shows them once)."""
    from baclofen_cli.cli.report import ignored_with_json
    from baclofen_cli.core.errors import UnknownTopicError
    from baclofen_cli.core.state import renderer
    from baclofen_cli.features.topics.view import topic_view

    kb = app_state.kb
    topic = kb.topic(topic_id)
    if topic is None:
        from difflib import get_close_matches

        from baclofen_cli.core.output import show_input

        known = [t.id for t in kb.topics]
        hint = get_close_matches(topic_id, known, n=1)
        suggestion = f" Did you mean {hint[0]!r}?" if hint else ""
        raise UnknownTopicError(
            f"the knowledge file has no topic {show_input(topic_id)!r}.{suggestion} "
            f"See '{app_state.command_name} topics'."
        )
    view = topic_view(kb, topic)
    out = app_state.output(json_output)
    if out.style == "json":
        if sources:
            ignored_with_json("--sources", "the JSON always lists the sources")
        out.json(view)
        return
    renderer(out).render_topic(out, view, show_sources=sources, disclaimer=kb.disclaimer.text, notices=notices)


def show(app_state: AppState, topic: str, json_output: bool = False, sources: bool = False) -> None:
    """`show TOPIC`: any topic by its id, including ones a clinic file adds."""
    show_topic(app_state, topic.strip().lower(), json_output, sources)


def list_topics(app_state: AppState, json_output: bool = False) -> None:
    """`topics`: every topic, one line each."""
    from baclofen_cli.core.state import renderer
    from baclofen_cli.features.topics.view import topics_list_view

    view = topics_list_view(app_state.kb)
    out = app_state.output(json_output)
    if out.style == "json":
        out.json(view)
    else:
        renderer(out).render_topics_list(out, view, app_state.command_name)

