"""One command per topic, plus `topics` and `show`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from baclofen_cli import actions
from baclofen_cli.actions import TOPIC_COMMANDS
from baclofen_cli.commands.common import AppState, JsonOption, PlainUsageCommand, SourcesOption, renderer, state

if TYPE_CHECKING:
    from baclofen_cli.output import Output



def show_topic(ctx: typer.Context, topic_id: str, json_output: bool, show_sources: bool) -> None:
    actions.show_topic(state(ctx), topic_id, json_output, show_sources)


def _topic_command(topic_id: str):  # noqa: ANN202 - Typer reads the signature
    def command(ctx: typer.Context, json_output: JsonOption = False, sources: SourcesOption = False) -> None:
        show_topic(ctx, topic_id, json_output, sources)

    return command


def topics(ctx: typer.Context, json_output: JsonOption = False) -> None:
    """List every topic, one line each."""
    from baclofen_cli.views import topics_list_view

    app_state = state(ctx)
    view = topics_list_view(app_state.kb)
    _emit(app_state, json_output, view, lambda draw, out: draw.render_topics_list(out, view, app_state.command_name))


def show(
    ctx: typer.Context,
    topic: Annotated[
        str, typer.Argument(metavar="TOPIC", help="A topic id from 'topics', including ones a clinic file adds.")
    ],
    json_output: JsonOption = False,
    sources: SourcesOption = False,
) -> None:
    """Show any topic by its id."""
    show_topic(ctx, topic.strip().lower(), json_output, sources)


def _emit(app_state: AppState, json_output: bool, view: object, draw: Callable[[Any, Output], None]) -> None:
    """Print `view` as JSON, or hand it to `draw` with the renderer for this output."""
    out = app_state.output(json_output)
    if out.style == "json":
        out.json(view)
    else:
        draw(renderer(out), out)


def register(app: typer.Typer) -> None:
    from baclofen_cli.commands import interactions

    for topic_id, help_text in TOPIC_COMMANDS.items():
        if topic_id == "interactions":
            # Its own command (names to check), registered here to keep the reading order.
            interactions.register(app, help_text)
            continue
        app.command(topic_id, help=help_text, rich_help_panel="Topics")(_topic_command(topic_id))
    app.command(rich_help_panel="Guide")(topics)
    app.command(rich_help_panel="Guide", cls=PlainUsageCommand)(show)
