"""Long answers through a pager on a terminal, as git and gh do.

Only when the answer goes to a terminal and is taller than it: never in a pipe, never for
JSON, never for the interactive guide or quiz. `BACLOFEN_PAGER`, then `PAGER`, then
`less -FRX` (quit if it fits, keep colours, leave the text on screen); an empty value or
`cat` turns paging off, and so does `--no-pager`.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

PAGER_ENV_VARS = ("BACLOFEN_PAGER", "PAGER")
DEFAULT_PAGER = "less -FRX"
# less reads its options from $LESS as well: the same defaults when the user names plain `less`.
DEFAULT_LESS = "FRX"


def pager_command(environ: os._Environ[str] | dict[str, str] | None = None) -> str | None:
    """The pager to use, or None for no pager."""
    env = os.environ if environ is None else environ
    for name in PAGER_ENV_VARS:
        if name in env:
            value = env[name].strip()
            return None if value in ("", "cat") else value
    return DEFAULT_PAGER


def wanted(stream: object) -> bool:
    """Whether an answer written to `stream` should be paged (it is the real terminal)."""
    if pager_command() is None:
        return False
    try:
        return stream is sys.__stdout__ and bool(stream.isatty())  # type: ignore[union-attr]
    except (AttributeError, ValueError):
        return False


def _terminal_rows() -> int:
    lines = os.environ.get("LINES", "")
    if lines.isdigit() and int(lines) > 0:
        return int(lines)
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).lines or 24  # type: ignore[union-attr]
    except (AttributeError, OSError, ValueError):
        return 24


def show(text: str, stream: TextIO | None = None) -> None:
    """Write `text` to the terminal, through the pager if it is taller than the screen."""
    out = stream or sys.stdout
    command = pager_command()
    if command is None or text.count("\n") < _terminal_rows():
        out.write(text)
        out.flush()
        return
    import shlex
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", DEFAULT_LESS)
    try:
        argv = shlex.split(command)
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        out.write(text)  # no such pager, or an unreadable command: show the answer anyway
        out.flush()
        return
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        process.stdin.write(text.encode(encoding, errors="replace"))  # type: ignore[union-attr]
        process.stdin.close()  # type: ignore[union-attr]
    except BrokenPipeError:
        pass  # the reader quit the pager before the end: not an error
    while True:
        try:
            process.wait()
            break
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager (less uses it to stop a search)
