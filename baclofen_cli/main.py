"""The `baclofen` entry point.

The commands people run most (a topic, `interactions NAME`, `ask "..."`) are answered
without importing Typer when the command line has one of their simple forms: the
command, its arguments, its own flags, and --data, --region or --no-pager before or
after it. Importing Typer and building the command tree costs ~45 ms, most of a run; a
colour terminal would then pay Rich's ~25 ms on top. Anything else (help, the other
global options, other commands, anything unusual or wrong)
goes to the Typer app, which remains the one definition of the command line. Both
paths run the same functions in `actions.py`, and the tests compare their output.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable

# Exit codes that match what the Typer path gives for the same event.
EXIT_BROKEN_PIPE = 1
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 128 + signal.SIGTERM


DEBUG_ENV_VAR = "BACLOFEN_DEBUG"
EXIT_BUG = 1
# The name the tool was run as (set by main(); see state.program_name), shown in hints and usage.
PROGRAM = "baclofen"


def main() -> None:
    from baclofen_cli import state

    global PROGRAM
    PROGRAM = state.RUN_PROGRAM = state.program_name()
    _prepare_streams()
    # SIGTERM becomes SystemExit, so cleanup (temporary files of atomic writes) still runs.
    signal.signal(signal.SIGTERM, _terminate)
    try:
        argv = sys.argv[1:]
        if argv[:1] == ["__complete"]:  # a TAB press in a shell with the completion script
            from baclofen_cli.completion import run

            sys.exit(run(argv[1:]))
        code = run_fast(argv)
        if code is not None:
            sys.exit(code)
        from baclofen_cli.cli import app

        app(prog_name=PROGRAM)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a bug, never a traceback
        if os.environ.get(DEBUG_ENV_VAR):
            raise
        from baclofen_cli.output import clean

        detail = clean(f"{type(exc).__name__}: {exc}")[:200]
        print(
            f"{PROGRAM}: internal error ({detail}). This is a bug in {PROGRAM}, not something you did; "
            f"run again with {DEBUG_ENV_VAR}=1 to see the details.",
            file=sys.stderr,
        )
        sys.exit(EXIT_BUG)


def _prepare_streams() -> None:
    if sys.stdout is None:
        # Started with stdout closed (`>&-`): Python leaves sys.stdout None and every write
        # would crash. The answer goes nowhere, as when the reader of a pipe has left.
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - open for the whole run
    # A terminal that cannot show a character gets a "?" instead of a crash, and so does
    # input that is not in the locale's encoding (stdin is strict under e.g. en_US.UTF-8).
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(EXIT_TERMINATED)


def parse_fast(argv: list[str]) -> Callable[..., None] | None:
    """The action for a simple command line, bound to its arguments; None if Typer should parse it."""
    from functools import partial

    from baclofen_cli import actions

    if not argv:
        return None
    command, rest = argv[0], argv[1:]
    flags: set[str] = set()
    positional: list[str] = []
    allowed = {"--json"} if command == "ask" else {"--json", "--sources"}
    for token in rest:
        if token.startswith("-"):
            if token not in allowed or token in flags:
                return None
            flags.add(token)
        else:
            positional.append(token)
    json_output, sources = "--json" in flags, "--sources" in flags
    if command in actions.TOPIC_COMMANDS and command != "interactions":
        return None if positional else partial(actions.show_topic, topic_id=command, json_output=json_output,
                                                 show_sources=sources)
    if command == "interactions":
        if any(actions.is_blank_name(name) for name in positional):
            return None
        return partial(actions.check_interactions, names=positional, json_output=json_output, sources=sources)
    if command == "ask":
        text = " ".join(positional).strip()
        if not text or actions.is_blank_name(text):
            return None  # Typer says the question is empty
        return partial(actions.answer_question, text=text, json_output=json_output)
    return None


# The global options the fast path takes itself (rewrite() has moved them in front of the
# command); the others (--color, --no-input, --version) go to Typer.
_FAST_VALUE_OPTIONS = ("--data", "--region", "--lang")


def lead_options(argv: list[str]) -> tuple[tuple[str | None, str | None, bool, str | None], list[str]] | None:
    """((--data, --region, --no-pager, --lang), the rest) from the front of `argv`; None if an option
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
            break  # a command's own option, or a global one for Typer: parse_fast or Typer decides
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


def run_fast(argv: list[str]) -> int | None:
    """Answer `argv` without Typer if it is a simple form; the exit code, or None to use Typer."""
    from baclofen_cli.commandline import file_topic_ids, medicine_in_index, rewrite

    # Forgiving forms (`side effects`, a bare medicine name or question) are read the same
    # way the Typer path reads them; only --no-pager of the global options is taken here.
    read = rewrite(argv, medicine_in_index, file_topic_ids)
    if read.error:
        return None  # Typer reports it
    options = lead_options(read.argv)
    if options is None:
        return None
    (data, region, no_pager, language), argv = options
    action = parse_fast(argv)
    if action is None:
        return None
    from baclofen_cli.errors import BaclofenError
    from baclofen_cli.state import AppState

    if read.note:
        from baclofen_cli.output import clean

        print(clean(f"{PROGRAM}: {read.note}"), file=sys.stderr)
    state = AppState(data=data, region=region, no_pager=no_pager, command_name=PROGRAM, language=language)
    state.paging = True
    try:
        action(state)
        state.finish()
        sys.stdout.flush()
    except BaclofenError as exc:
        from baclofen_cli.output import clean

        print(clean(f"{PROGRAM}: error: {exc}"), file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader left (`| head`): stop quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return 0
