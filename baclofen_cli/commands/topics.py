"""One command per topic, plus `topics`, `show` and `sources`."""

from __future__ import annotations

from typing import Annotated

import typer

from baclofen_cli.commands.common import JsonOption, SourcesOption, renderer, state

# The standard leaflet topics every knowledge file is expected to have, in reading order.
# Help strings describe the command, not the medicine, so another drug's file works too.
TOPIC_COMMANDS: dict[str, str] = {
    "overview": "What the medicine is, its names and its forms.",
    "uses": "What it is used for, and what it is not for.",
    "how-it-works": "How it works in the body, in plain words.",
    "administration": "How to take it: tablets, liquids, granules and the pump.",
    "dosing": "Usual doses from the label. Your prescriber sets yours.",
    "missed-dose": "What to do if you miss a dose.",
    "side-effects": "Side effects: common, less common, and when to get help.",
    "interactions": "Medicines, alcohol and other things that mix badly with it.",
    "precautions": "Who needs extra care, and what to tell your doctor first.",
    "pregnancy": "Pregnancy and breastfeeding.",
    "stopping": "Why you must not stop suddenly, and signs of withdrawal.",
    "overdose": "Signs of taking too much, and what to do right now.",
    "pump": "The spinal (intrathecal) pump: refills, alarms and warning signs.",
    "storage": "Storing it safely and getting rid of unused medicine.",
}


def show_topic(ctx: typer.Context, topic_id: str, json_output: bool, show_sources: bool) -> None:
    from baclofen_cli.errors import UnknownTopicError
    from baclofen_cli.views import topic_view

    app_state = state(ctx)
    kb = app_state.kb
    topic = kb.topic(topic_id)
    if topic is None:
        from difflib import get_close_matches

        from baclofen_cli.output import show_input

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
        out.json(view)
        return
    renderer(out).render_topic(out, view, show_sources=show_sources, disclaimer=kb.disclaimer.text)


def _topic_command(topic_id: str):  # noqa: ANN202 - Typer reads the signature
    def command(ctx: typer.Context, json_output: JsonOption = False, sources: SourcesOption = False) -> None:
        show_topic(ctx, topic_id, json_output, sources)

    return command


def topics(ctx: typer.Context, json_output: JsonOption = False) -> None:
    """List every topic, one line each."""
    from baclofen_cli.views import topics_list_view

    app_state = state(ctx)
    view = topics_list_view(app_state.kb)
    out = app_state.output(json_output)
    if out.style == "json":
        out.json(view)
        return
    renderer(out).render_topics_list(out, view, app_state.command_name)


def show(
    ctx: typer.Context,
    topic: Annotated[str, typer.Argument(help="A topic id from 'topics', including ones a clinic file adds.")],
    json_output: JsonOption = False,
    sources: SourcesOption = False,
) -> None:
    """Show any topic by its id."""
    show_topic(ctx, topic.strip().lower(), json_output, sources)


def sources(ctx: typer.Context, json_output: JsonOption = False) -> None:
    """List every source this guide is based on."""
    from baclofen_cli.views import all_sources_view

    app_state = state(ctx)
    view = all_sources_view(app_state.kb)
    out = app_state.output(json_output)
    if out.style == "json":
        out.json(view)
        return
    renderer(out).render_source_list(out, view, numbered=False)


def register(app: typer.Typer) -> None:
    from baclofen_cli.commands import interactions

    for topic_id, help_text in TOPIC_COMMANDS.items():
        if topic_id == "interactions":
            # Its own command (names to check), registered here to keep the reading order.
            interactions.register(app, help_text)
            continue
        app.command(topic_id, help=help_text, rich_help_panel="Topics")(_topic_command(topic_id))
    app.command(rich_help_panel="Guide")(topics)
    app.command(rich_help_panel="Guide")(show)
    app.command(rich_help_panel="Guide")(sources)
