"""`baclofen handout`: a printable leaflet (Markdown, plain text or self-contained HTML)."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from baclofen_cli.commands.common import JsonOption, state


class Format(str, Enum):
    md = "md"
    html = "html"
    txt = "txt"


def handout(
    ctx: typer.Context,
    format: Annotated[
        Format,
        typer.Option("--format", "-f", case_sensitive=False, help="md (Markdown), html (print from a browser) or txt."),
    ] = Format.md,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of the screen ('-': the screen)."),
    ] = None,
    topics: Annotated[
        str | None,
        typer.Option(
            "--topics", metavar="A,B,C", help="Only these topic ids, in this order (default: all, in reading order)."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it already exists.")] = False,
    json_output: JsonOption = False,
) -> None:
    """Make a handout to print: each topic's key points, the emergency box, and numbered sources."""
    from baclofen_cli.handout import RENDERERS, handout_view, parse_topic_list

    app_state = state(ctx)
    path = _output_path(output, force)
    kb = app_state.kb
    try:
        chosen = parse_topic_list(kb, topics)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--topics") from None
    view = handout_view(kb, chosen)
    if json_output:
        from baclofen_cli.output import json_text

        if ctx.get_parameter_source("format").name != "DEFAULT":
            from baclofen_cli.actions import ignored_with_json

            ignored_with_json("--format", "the JSON holds the handout's content, in no print format")

        text = json_text(view) + "\n"
    elif format is Format.html:
        from baclofen_cli import __version__
        from baclofen_cli.handout import render_html

        text = render_html(view, generator=f"baclofen-cli {__version__}")
    else:
        text = RENDERERS[format.value](view)
    if path is None:
        _write_stdout(text)
        return
    if _is_special(path):
        _write_special(path, text.encode("utf-8"))
        return
    _write_file(_followed(path), text.encode("utf-8"), force)
    what = "JSON" if json_output else format.value
    count = len(chosen)
    typer.echo(f"Wrote {_shown(path)} ({what}, {count} topic{'s' if count != 1 else ''}).", err=True)


def _shown(path: object) -> str:
    from baclofen_cli.output import show_input

    return show_input(str(path), 200)


def _output_path(output: str | None, force: bool):  # noqa: ANN202 - Path | None, imported lazily
    """Check -o FILE before any work, so a refusal is quick and nothing is half done."""
    if output is None or output == "-":
        return None
    if not output.strip():
        raise typer.BadParameter("the file name is empty", param_hint="--output")
    from baclofen_cli.files import check_output_path

    return check_output_path(output, force)


def _is_special(path) -> bool:  # noqa: ANN001
    from baclofen_cli.files import is_special

    return is_special(path)


def _followed(path):  # noqa: ANN001, ANN202
    """The path as checked: files.write_output_file follows a (safe) link itself, keeping the link."""
    return path


def _write_special(path, data: bytes) -> None:  # noqa: ANN001
    from baclofen_cli.files import write_special

    write_special(path, data)


def _write_file(path, data: bytes, force: bool) -> None:  # noqa: ANN001
    from baclofen_cli.files import write_output_file

    write_output_file(path, data, force)


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error, and no traceback at exit.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Guide")(handout)
