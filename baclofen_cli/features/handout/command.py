"""`baclofen handout`: a printable leaflet (Markdown, plain text or self-contained HTML)."""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from baclofen_cli.cli.common import JsonOption, state

if TYPE_CHECKING:
    from pathlib import Path


class Format(str, Enum):
    md = "md"
    html = "html"
    txt = "txt"


def handout(
    ctx: typer.Context,
    format: Annotated[
        Format | None,
        typer.Option(
            "--format", "-f", case_sensitive=False,
            help="md (Markdown), html (print from a browser) or txt. Default: from the -o file's ending, else md.",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of the screen ('-': the screen)."),
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="The complete booklet: every topic, pictures, a diary and a medicine list.")
    ] = False,
    card: Annotated[bool, typer.Option("--card", help="A wallet-size pump emergency card to cut out.")] = False,
    topics: Annotated[
        str | None,
        typer.Option(
            "--topics", metavar="A,B,C", help="A booklet of only these topic ids, in this order."
        ),
    ] = None,
    sources: Annotated[bool, typer.Option("--sources", help="Mark each statement with its reference numbers.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it already exists.")] = False,
    json_output: JsonOption = False,
) -> None:
    """Make a handout to print: 2 pages with the emergency box, key facts, what to do and a plan to fill in."""
    from baclofen_cli.features.handout.formats import FORMATS
    from baclofen_cli.features.handout.view import handout_view, parse_topic_list

    app_state = state(ctx)
    if card and (full or topics is not None):
        raise typer.BadParameter("--card is a handout of its own: leave out --full and --topics", param_hint="--card")
    path = _output_path(output, force)
    # --json writes JSON whatever the file is called; otherwise the ending chooses, unless --format says.
    chosen_format = format.value if format is not None else "md" if json_output else _format_for(path)
    kb = app_state.kb
    layout = "card" if card else "full" if full else "booklet" if topics is not None else "short"
    try:
        chosen = parse_topic_list(kb, topics) if layout in ("full", "booklet") else []
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--topics") from None
    try:
        view = handout_view(kb, chosen, layout=layout, command=app_state.command_name)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--card") from None
    if json_output:
        from baclofen_cli.core.output import json_text

        given = ctx.get_parameter_source("format")  # None only for a parameter the command lacks
        if given is not None and given.name != "DEFAULT":
            from baclofen_cli.cli.report import ignored_with_json

            ignored_with_json("--format", "the JSON holds the handout's content, in no print format")
        if sources:
            from baclofen_cli.cli.report import ignored_with_json

            ignored_with_json("--sources", "the JSON always gives every statement's sources and reference numbers")

        text = json_text(view) + "\n"
    elif chosen_format == "html":
        from baclofen_cli import __version__
        from baclofen_cli.features.handout.html import render_html

        text = render_html(view, generator=f"baclofen-cli {__version__}", cite=sources)
    else:
        text = FORMATS[chosen_format](view, cite=sources)
    if path is None:
        _write_stdout(text)
        return
    if _is_special(path):
        _write_special(path, text.encode("utf-8"))
        return
    # files.write_output_file follows a (safe) link itself, keeping the link.
    _write_file(path, text.encode("utf-8"), force)
    what = "JSON" if json_output else chosen_format
    count = len(view.get("topics", []))
    kind = {"short": "2-page leaflet", "card": "pump card"}.get(view["layout"], "booklet")
    detail = f", {count} topic{'s' if count != 1 else ''}" if count else ""
    typer.echo(f"Wrote {_shown(path)} ({what}, {kind}{detail}).", err=True)


def _format_for(path: Path | None) -> str:
    """The format a file name asks for (`handout.html` -> html); Markdown for the screen or no ending."""
    from baclofen_cli.features.handout.formats import EXTENSIONS

    if path is None or not path.suffix or _is_special(path):
        return "md"
    found = EXTENSIONS.get(path.suffix.lower())
    if found is None:
        endings = ", ".join(sorted(EXTENSIONS))
        raise typer.BadParameter(
            f"cannot tell the format from the ending {_shown(path.suffix)!r} ({endings}): add --format md, html or txt",
            param_hint="--output",
        )
    return found


def _shown(path: object) -> str:
    from baclofen_cli.core.output import show_input

    return show_input(str(path), 200)


def _output_path(output: str | None, force: bool) -> Path | None:
    """Check -o FILE before any work, so a refusal is quick and nothing is half done."""
    if output is None or output == "-":
        return None
    if not output.strip():
        raise typer.BadParameter("the file name is empty", param_hint="--output")
    from baclofen_cli.core.files import check_output_path

    return check_output_path(output, force)


def _is_special(path: Path) -> bool:
    from baclofen_cli.core.files import is_special

    return is_special(path)


def _write_special(path: Path, data: bytes) -> None:
    from baclofen_cli.core.files import write_special

    write_special(path, data)


def _write_file(path: Path, data: bytes, force: bool) -> None:
    from baclofen_cli.core.files import write_output_file

    write_output_file(path, data, force)


def _write_stdout(text: str) -> None:
    # A reader that stops early (`| head`) ends the run by the one broken-pipe policy (cli_report).
    sys.stdout.write(text)
    sys.stdout.flush()
