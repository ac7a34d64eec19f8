"""The `baclofen` entry point: prepare the streams and signals, answer the common command
lines on the Typer-free fast path (`cli_fast`), hand everything else to the Typer app
(`cli`), and end every run by one policy (`cli_report`): a bug is one line, never a traceback.
"""

from __future__ import annotations

import os
import signal
import sys


def main() -> None:
    from baclofen_cli.cli import report as cli_report
    from baclofen_cli.core import state

    # The name the tool was run as (a symlink named after another drug): hints, usage and help name it.
    cli_report.PROGRAM = state.RUN_PROGRAM = state.program_name()
    _prepare_streams()
    # SIGTERM becomes SystemExit, so cleanup (temporary files of atomic writes) still runs.
    signal.signal(signal.SIGTERM, _terminate)
    try:
        argv = sys.argv[1:]
        if argv[:1] == ["__complete"]:  # a TAB press in a shell with the completion script
            from baclofen_cli.cli.completion import run

            sys.exit(run(argv[1:]))
        if argv in (["--help"], ["-h"]):  # help_memo.FORMS, checked before importing it
            from baclofen_cli.cli.help_memo import recall

            kept_help = recall(argv)
            if kept_help is not None:
                sys.exit(cli_report.run_answer(lambda: print(kept_help)))
        from baclofen_cli.cli.fast import run as run_fast

        code = run_fast(argv)
        if code is not None:
            sys.exit(code)
        from baclofen_cli.cli.app import app

        app(prog_name=cli_report.PROGRAM)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a bug, never a traceback
        if cli_report.debugging():
            raise
        sys.exit(cli_report.bug_line(exc))


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
    from baclofen_cli.cli.report import ExitCode

    raise SystemExit(ExitCode.TERMINATED)
