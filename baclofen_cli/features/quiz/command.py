"""`baclofen quiz`: a teach-back quiz, at a terminal or with answers piped on stdin."""

from __future__ import annotations

import sys
from typing import Annotated, TextIO

import typer

from baclofen_cli.cli.common import state


def quiz(
    ctx: typer.Context,
    count: Annotated[int, typer.Option("--count", "-n", min=1, max=100, help="How many questions.")] = 5,
    seed: Annotated[
        int | None, typer.Option("--seed", min=0, help="Draw the same questions again (the quiz prints its seed).")
    ] = None,
    topics: Annotated[
        str | None,
        typer.Option("--topics", "-t", metavar="TOPIC[,TOPIC...]",
                     help="Ask only about these topics, e.g. --topics pump,stopping."),
    ] = None,
    answers: Annotated[
        str | None,
        typer.Option("--answers", metavar="a,b,?...",
                     help="The answers, in order (letters, numbers, true/false, ? to skip), or - to read them "
                          "one per line from stdin. With --json, records and grades them."),
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the drawn questions and answers as JSON; ask nothing.")
    ] = False,
) -> None:
    """Check what you learned: answer questions (a, b, c... or 1, 2, 3...), one per line. ? skips. Ctrl-D stops.

    Example: baclofen quiz --topics pump,stopping --count 4
    """
    import io

    from baclofen_cli.core.errors import BaclofenError
    from baclofen_cli.core.output import show_input
    from baclofen_cli.features.quiz.session import (
        QuizSession,
        draw,
        items_for_topics,
        new_seed,
        parse_topics,
        quiz_view,
        record_view,
    )

    app_state = state(ctx)
    kb = app_state.kb
    if not kb.quiz:
        raise BaclofenError(f"this knowledge file has no quiz questions ({app_state.data_path})")
    chosen_topics = parse_topics(topics)
    if topics is not None and not chosen_topics:
        raise BaclofenError("--topics needs at least one topic id, e.g. --topics pump,stopping")
    with_questions = list(dict.fromkeys(item.topic for item in kb.quiz))
    unknown = [t for t in chosen_topics if t not in with_questions]
    if unknown:
        from difflib import get_close_matches

        hint = get_close_matches(unknown[0], with_questions, n=1)
        suggestion = f" Did you mean {hint[0]!r}?" if hint else ""
        raise BaclofenError(
            f"no quiz questions for topic {show_input(unknown[0], 40)!r}.{suggestion} "
            f"Topics with questions: {', '.join(with_questions)}"
        )
    if seed is None:
        seed = new_seed()
    items = draw(items_for_topics(kb.quiz, chosen_topics), count, seed)
    given = _answers(answers)
    if given is not None and len(given) > len(items):
        raise BaclofenError(f"--answers gives {len(given)} answers for {len(items)} questions")
    out = app_state.output(json_output)
    command = app_state.command_name
    if out.style == "json":
        if given is None:
            out.json(quiz_view(kb, items, seed, command, chosen_topics))
        else:
            out.json(record_view(kb, items, seed, command, given, chosen_topics))
        return
    stdin: TextIO
    if given is not None:
        stdin, interactive = io.StringIO("".join(a + "\n" for a in given)), False
    else:
        stdin = sys.stdin
        interactive = _isatty(stdin)
        if interactive and app_state.no_input:
            raise BaclofenError(
                "the quiz asks questions, but --no-input was given: pipe the answers on stdin, or use --json"
            )
    session = QuizSession(kb, out, stdin, interactive=interactive, command=command, seed=seed, topics=chosen_topics)
    try:
        session.run(items)
    except KeyboardInterrupt:
        # Ctrl-C: leave at once, with the score so far, and the conventional exit code.
        try:
            out.text()
            session.summary(len(items), stopped=True)
        except (KeyboardInterrupt, OSError):
            pass
        from baclofen_cli.cli.report import ExitCode

        raise typer.Exit(ExitCode.INTERRUPTED) from None


def _answers(value: str | None) -> list[str] | None:
    """`--answers b,a,?` -> ["b", "a", "?"]; `--answers -` reads one answer per line from stdin."""
    if value is None:
        return None
    if value.strip() == "-":
        return [line.rstrip("\r\n") for line in sys.stdin]
    return [part.strip() for part in value.split(",")]


def _isatty(stream: TextIO | None) -> bool:
    try:
        # None when Python started without a stdin (closed file descriptor 0).
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False

