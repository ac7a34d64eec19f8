"""How a run ends: one exit-code table and one way to report each kind of ending, used by the
fast path, the Typer app and the interactive guide alike.

The codes are the README's exit-code table ("Exit codes"), and `baclofen help exit-codes`:

- a problem the user can fix (`BaclofenError`): one line, "baclofen: error: ...", and the
  error's own code (2 unless it says otherwise);
- the reader of the output left early (`| head`): stop quietly, exit 1, whatever the command;
- Ctrl-C: exit 130; SIGTERM: 143;
- a bug: one line that says so, exit 1; with BACLOFEN_DEBUG=1 the traceback instead.

Free of Typer and Rich: the fast path imports it.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from enum import IntEnum

DEBUG_ENV_VAR = "BACLOFEN_DEBUG"
PROGRAM = "baclofen"


class ExitCode(IntEnum):
    """The README's exit-code table. Several events share 1 (aliases of FAILED)."""

    OK = 0
    FAILED = 1  # `validate` found problems
    BROKEN_PIPE = 1  # the program reading the output stopped early
    BUG = 1  # an unexpected error (one line on stderr)
    USAGE = 2  # a usage error, an unknown topic, an unusable knowledge file
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 128 + signal.SIGTERM  # 143


def debugging() -> bool:
    return bool(os.environ.get(DEBUG_ENV_VAR))


def error_line(message: str, program: str | None = None) -> None:
    """'baclofen: error: ...' on stderr, as one visible line."""
    program = program or PROGRAM  # read at the call: main() sets the name the tool was run as
    from baclofen_cli.core.output import clean

    print(clean(f"{program}: error: {message}"), file=sys.stderr)


def note_line(message: str, program: str | None = None) -> None:
    """'baclofen: ...' on stderr: how a command line was read, or what an option did not do."""
    program = program or PROGRAM  # read at the call: main() sets the name the tool was run as
    from baclofen_cli.core.output import clean

    print(clean(f"{program}: {message}"), file=sys.stderr)


def ignored_with_json(option: str, why: str) -> None:
    """Say on stderr that an option has no effect on JSON, rather than dropping it without a word."""
    from baclofen_cli.cli.text import IGNORED_WITH_JSON

    print(IGNORED_WITH_JSON.format(program=PROGRAM, option=option, why=why), file=sys.stderr)


def reader_left() -> ExitCode:
    """The reader of stdout has gone (`| head`): send the rest nowhere, so neither this run
    nor Python's flush at exit complains, and give the one code for it."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout has no file descriptor (a test's buffer)
        pass
    return ExitCode.BROKEN_PIPE


def bug_detail(exc: BaseException) -> str:
    from baclofen_cli.core.output import clean

    return clean(f"{type(exc).__name__}: {exc}")[:200]


def bug_line(exc: BaseException, program: str | None = None) -> ExitCode:
    """The last line of defence: a bug is one line, never a traceback (unless debugging)."""
    program = program or PROGRAM  # read at the call: main() sets the name the tool was run as
    print(
        f"{program}: internal error ({bug_detail(exc)}). This is a bug in {program}, not something you did; "
        f"run again with {DEBUG_ENV_VAR}=1 to see the details.",
        file=sys.stderr,
    )
    return ExitCode.BUG


def show_traceback() -> None:
    """The traceback of the exception being handled, on stderr (under BACLOFEN_DEBUG)."""
    import traceback

    traceback.print_exc()


def run_answer(action: Callable[[], None], program: str | None = None) -> int:
    """Run one answer and end it by the policy above; the exit code.

    Bugs are left to the caller's last line of defence (main), so the fast path and the Typer
    path report them the same way."""
    program = program or PROGRAM  # read at the call: main() sets the name the tool was run as
    try:
        action()
        sys.stdout.flush()
    except Exception as exc:
        from baclofen_cli.core.errors import BaclofenError

        if isinstance(exc, BaclofenError):
            error_line(str(exc), program)
            return exc.exit_code
        if isinstance(exc, BrokenPipeError):
            return reader_left()
        raise
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    return ExitCode.OK
