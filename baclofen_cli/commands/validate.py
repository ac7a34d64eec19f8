"""`baclofen validate`: every problem in a knowledge file, for the people who edit it."""

from __future__ import annotations

from typing import Annotated, Any

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
    # Warnings (BCL024, BCL027-BCL029) are listed, but the file still passes.
    warnings = [p for p in problems if p.is_warning]
    problems = [p for p in problems if not p.is_warning]
    out = app_state.output(json_output)
    if out.style == "json":
        report = {
            "file": name,
            "valid": not problems,
            "problems": [_problem_json(p) for p in problems],
        }
        if warnings:
            report["warnings"] = [_problem_json(p) for p in warnings]
        out.json(report)
    else:
        from baclofen_cli.errors import show_path
        from baclofen_cli.output import clean

        name = show_path(name)
        for p in [*problems, *warnings]:
            where = f"{name}:{p.line}" if p.line else name
            field = f" {p.field}:" if p.field else ""
            label = " warning" if p.is_warning else ""
            out.text(clean(f"{where}: {p.code}{label}{field} {p.message}"))
        noted = f", {len(warnings)} warning{'s' if len(warnings) != 1 else ''}" if warnings else ""
        if problems:
            out.text(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}{noted} found in {clean(name)}")
        elif kb is not None:
            out.text(
                clean(
                    f"OK: {name} is valid ({len(kb.topics)} topics, {len(kb.interactions.groups)} interaction groups, "
                    f"{len(kb.quiz)} quiz items, {len(kb.sources)} sources{noted})"
                )
            )
    if problems:
        raise typer.Exit(1)


def _problem_json(p: Any) -> dict[str, Any]:
    return {"code": p.code, "line": p.line, "field": p.field, "message": p.message, "error": p.is_error}


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="For content editors")(validate)
