"""`baclofen validate`: every problem in a knowledge file, for the people who edit it."""

from __future__ import annotations

from typing import Annotated

import typer

from baclofen_cli.commands.common import JsonOption, state


def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None, typer.Argument(help="Knowledge file to check (default: --data, $BACLOFEN_DATA, or the built-in file).")
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Check a knowledge file: schema, sources, ids, empty text. Exit 1 if anything is wrong."""
    from baclofen_cli.checks import Problem
    from baclofen_cli.errors import KnowledgeFileError
    from baclofen_cli.loader import check_file, read_bytes, resolve_path

    app_state = state(ctx)
    file_path = resolve_path(path or app_state.data)
    name = str(file_path)
    try:
        kb, problems = check_file(read_bytes(file_path), name)
    except KnowledgeFileError as exc:
        kb, problems = None, [Problem("BCL000", exc.message, (), exc.line)]
        if exc.field:
            problems = [Problem("BCL000", f"{exc.field}: {exc.message}", (), exc.line)]
    out = app_state.output(json_output)
    if out.style == "json":
        out.json(
            {
                "file": name,
                "valid": not problems,
                "problems": [
                    {"code": p.code, "line": p.line, "field": p.field, "message": p.message, "error": p.is_error}
                    for p in problems
                ],
            }
        )
    else:
        from baclofen_cli.errors import show_path
        from baclofen_cli.output import clean

        name = show_path(name)
        for p in problems:
            where = f"{name}:{p.line}" if p.line else name
            field = f" {p.field}:" if p.field else ""
            out.text(clean(f"{where}: {p.code}{field} {p.message}"))
        if problems:
            out.text(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found in {clean(name)}")
        elif kb is not None:
            out.text(
                clean(
                    f"OK: {name} is valid ({len(kb.topics)} topics, {len(kb.interactions.groups)} interaction groups, "
                    f"{len(kb.quiz)} quiz items, {len(kb.sources)} sources)"
                )
            )
    if problems:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="For content editors")(validate)
