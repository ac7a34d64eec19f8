"""The fast path: the commands people run most (a topic, `interactions NAME`, `ask "..."`),
answered without importing Typer when the command line has one of their simple forms.

The forms come from the command table (`cli_spec.COMMANDS`, the rows marked `fast`): the
command, the arguments its row declares, each of its flags at most once, and --data,
--region or --no-pager before or after it. Importing Typer and building the command tree
costs ~45 ms, most of a run (a colour terminal does not import Rich either: render/ansi.py). Anything
else (help, the other global options, other commands, anything unusual or wrong) goes to the
Typer app, which says what is wrong. Both paths run the same handler with the same keyword
arguments, end by the same policy (`cli_report`), and the tests compare their output byte
for byte (tests/test_fast_path.py).
"""

from __future__ import annotations

from typing import Any

from baclofen_cli.cli import spec as cli_spec

# The global options the fast path takes itself (rewrite() has moved them in front of the
# command); the others (--color, --no-input, --version) go to Typer.
_FAST_VALUE_OPTIONS = ("--data", "--region", "--lang")


def is_blank(text: str) -> bool:
    """A name or question that is empty once escape codes and control characters are removed."""
    from baclofen_cli.core.output import clean

    return not clean(text).strip()


def arguments(spec: cli_spec.Command, words: list[str]) -> dict[str, Any] | None:
    """The handler's keyword argument for `words` as the row's kind reads them; None if they
    do not fit it (Typer then says why: the same rule as the Typer command's own check)."""
    kind = spec.args.kind
    if kind == cli_spec.NONE:
        return None if words else {}
    if kind == cli_spec.NAMES:
        return None if any(is_blank(word) for word in words) else {spec.args.param: list(words)}
    if kind == cli_spec.QUESTION:
        text = " ".join(words).strip()
        return None if not text or is_blank(text) else {spec.args.param: text}
    return None if len(words) != 1 else {spec.args.param: words[0]}


def match(argv: list[str]) -> tuple[cli_spec.Command, dict[str, Any]] | None:
    """(the row, the handler's keyword arguments) for a simple command line; None if Typer should parse it."""
    if not argv:
        return None
    spec = cli_spec.BY_NAME.get(argv[0])
    if spec is None or not spec.fast:
        return None
    allowed = {flag.option: flag.param for flag in spec.flags}
    given: dict[str, Any] = {}
    words: list[str] = []
    for token in argv[1:]:
        if token.startswith("-"):
            if token not in allowed or allowed[token] in given:
                return None
            given[allowed[token]] = True
        else:
            words.append(token)
    found = arguments(spec, words)
    if found is None:
        return None
    return spec, {**dict(spec.fixed), **{flag.param: False for flag in spec.flags}, **given, **found}


def lead_options(argv: list[str]) -> tuple[tuple[str | None, str | None, bool, str | None], list[str]] | None:
    """((--data, --region, --no-pager), the rest) from the front of `argv`; None if an option
    there is one for Typer to handle, or has a value Typer should judge (blank, or like an option)."""
    values: dict[str, str] = {}
    no_pager = False
    while argv[:1] and argv[0].startswith("--"):
        token = argv[0]
        name, has_value, value = token.partition("=")
        if token == "--no-pager":
            no_pager, argv = True, argv[1:]
            continue
        if name not in _FAST_VALUE_OPTIONS:
            break  # a command's own option, or a global one for Typer: match() or Typer decides
        if not has_value:
            if len(argv) < 2:
                return None
            value, argv = argv[1], argv[2:]
        else:
            argv = argv[1:]
        if not value.strip() or value.startswith("-"):
            return None  # Typer says the value is missing or empty
        values[name] = value  # the last one wins, as in Click
    return (values.get("--data"), values.get("--region"), no_pager, values.get("--lang")), argv


def run(argv: list[str]) -> int | None:
    """Answer `argv` without Typer if it is a simple form; the exit code, or None to use Typer."""
    from baclofen_cli.cli.forgiving import file_topic_ids, medicine_in_index, rewrite

    # Forgiving forms (`side effects`, a bare medicine name or question) are read the same
    # way the Typer path reads them; only --no-pager of the global options is taken here.
    read = rewrite(argv, medicine_in_index, file_topic_ids)
    if read.error:
        return None  # Typer reports it
    options = lead_options(read.argv)
    if options is None:
        return None
    (data, region, no_pager, language), argv = options
    found = match(argv)
    if found is None:
        return None
    spec, kwargs = found
    from baclofen_cli.cli import report as cli_report
    from baclofen_cli.core.state import AppState

    if read.note:
        cli_report.note_line(read.note)
    from baclofen_cli.core.state import RUN_PROGRAM

    state = AppState(data=data, region=region, no_pager=no_pager, language=language, command_name=RUN_PROGRAM)
    state.paging = spec.paged
    run_handler = cli_spec.handler(spec)

    def answer() -> None:
        run_handler(state, **kwargs)
        state.finish()

    return cli_report.run_answer(answer)

