"""`baclofen validate`: every problem in a knowledge file, for the people who edit it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, TypedDict

import typer

from baclofen_cli.cli.common import JsonOption, state

if TYPE_CHECKING:
    from baclofen_cli.core.model import KnowledgeBase
    from baclofen_cli.core.problem import Problem


class ReadabilityReport(TypedDict):
    """`validate --readability --json`'s "readability": each topic's grade, the mean, and the bars."""

    topics: dict[str, float]
    mean: float
    max_topic: float
    max_mean: float


def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(help="Knowledge file to check (default: --data, $BACLOFEN_DATA, or the built-in file)."),
    ] = None,
    json_output: JsonOption = False,
    readability: Annotated[
        bool, typer.Option("--readability", help="Also report each topic's reading grade against the project's bars.")
    ] = False,
) -> None:
    """Check a knowledge file: schema, sources, ids, empty text. Exit 1 if anything is wrong.

    Example: baclofen validate clinic.yaml --readability
    """
    from baclofen_cli.core.checks import Problem
    from baclofen_cli.core.errors import KnowledgeFileError
    from baclofen_cli.core.loader import check_file, read_bytes, resolve_path

    app_state = state(ctx)
    file_path = resolve_path(path or app_state.data)
    name = str(file_path)
    try:
        kb, problems = check_file(read_bytes(file_path), name)
    except KnowledgeFileError as exc:
        kb, problems = None, [Problem("BCL000", exc.message, (), exc.line)]
        if exc.field:
            problems = [Problem("BCL000", f"{exc.field}: {exc.message}", (), exc.line)]
    report: ReadabilityReport | None = None
    if readability and kb is not None:
        report, over = _readability(kb)
        problems = [*problems, *over]
    # Warnings (BCL024, BCL027-BCL029, BCL031) are listed, but the file still passes.
    warnings = [p for p in problems if p.is_warning]
    problems = [p for p in problems if not p.is_warning]
    out = app_state.output(json_output)
    if out.style == "json":
        payload = {
            "file": name,
            "valid": not problems,
            "problems": [_problem_json(p) for p in problems],
        }
        if warnings:
            payload["warnings"] = [_problem_json(p) for p in warnings]
        if report is not None:
            payload["readability"] = report
        out.json(payload)
    else:
        from baclofen_cli.core.errors import show_path
        from baclofen_cli.core.output import clean

        name = show_path(name)
        if report is not None:
            width = max(map(len, report["topics"]))
            out.text("Reading grade (Flesch-Kincaid; each point one sentence):")
            for topic_id, grade in report["topics"].items():
                out.text(clean(f"  {topic_id:<{width}}  {grade:5.2f}"))
            out.text(f"  {'mean':<{width}}  {report['mean']:5.2f}  (bars: mean at most {report['max_mean']}, "
                     f"each topic at most {report['max_topic']})")
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


def _problem_json(p: Problem) -> dict[str, Any]:
    return {"code": p.code, "line": p.line, "field": p.field, "message": p.message, "error": p.is_error}


def _readability(kb: KnowledgeBase) -> tuple[ReadabilityReport, list[Problem]]:
    """Each topic's grade, and a problem (BCL020) for each bar the file goes over."""
    import msgspec

    from baclofen_cli.core import readability
    from baclofen_cli.core.checks import Problem

    topics = msgspec.to_builtins(kb)["topics"]
    grades = readability.grades(topics)
    mean = round(sum(grades.values()) / len(grades), 2)
    over = [
        Problem("BCL020", f"reading grade {grade:.2f} is above {readability.MAX_TOPIC_GRADE}", ("topics", i))
        for i, (topic_id, grade) in enumerate(grades.items())
        if grade > readability.MAX_TOPIC_GRADE
    ]
    if mean > readability.MAX_MEAN_GRADE:
        message = f"mean reading grade {mean:.2f} is above {readability.MAX_MEAN_GRADE}"
        over.append(Problem("BCL020", message, ("topics",)))
    report: ReadabilityReport = {"topics": grades, "mean": mean, "max_topic": readability.MAX_TOPIC_GRADE,
                                 "max_mean": readability.MAX_MEAN_GRADE}
    return report, over

