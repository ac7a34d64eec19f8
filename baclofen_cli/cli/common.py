"""What every Typer command shares: the common options, and the per-run state from the context."""

from __future__ import annotations

import re
from typing import Annotated

import typer

from baclofen_cli.cli.spec import JSON, SOURCES
from baclofen_cli.core.state import AppState

__all__ = ["AppState", "JsonOption", "SourcesOption", "help_width", "state", "wrap_help_text"]

# The flags of the table (cli_spec), for the commands that declare their own parameters.
JsonOption = Annotated[bool, typer.Option(JSON.option, help=JSON.help)]
SourcesOption = Annotated[bool, typer.Option(SOURCES.option, help=SOURCES.help)]


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj


# Click's help is at most 80 columns wide, less 2 for a margin (as Click does).
HELP_MAX_WIDTH = 80
HELP_MIN_WIDTH = 20


def help_width() -> int:
    """The width to draw help for: the terminal's (COLUMNS), at most Click's usual 78.
    Click alone never goes below 50, which overflows a narrow terminal. The same under a
    test runner as in a real run (Click's CliRunner would force 80)."""
    from baclofen_cli.core.output import terminal_width

    return max(HELP_MIN_WIDTH, min(terminal_width(), HELP_MAX_WIDTH) - 2)


# A command in help text: it is wrapped with " \" line ends, so the lines still paste as one.
_COMMAND_STARTS = ("baclofen ", "baclofen\n", "printf ", "eval ")


def wrap_help_text(text: str, width: int) -> str:
    """Lay out a block of help text that was written for 80 columns (examples, help topics)
    to `width`. A line that fits is kept as it is. A two-column row ("name   what it does")
    keeps its first column whole and wraps the second under itself, or, when the terminal
    is too narrow for that, under the first with a hanging indent. A command breaks only
    between shell words, with a " \\" line end."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        row = _two_columns(line)
        if row is not None:
            # Lines indented to the second column continue that row's text.
            while index < len(lines) and _continues(lines[index], row[2]):
                row = (row[0], row[1], row[2], row[3] + " " + lines[index].strip())
                index += 1
        if row is None and line and not line.startswith(" "):
            # A paragraph of prose: its lines are joined and wrapped again.
            while index < len(lines) and lines[index] and not lines[index].startswith(" "):
                line += " " + lines[index]
                index += 1
            out.extend(_wrap(line, width, "", "") if len(line) > width else [line])
        elif len(line) <= width and (row is None or len(row[3]) == len(line) - row[2]):
            out.append(line)
        elif row is None:
            indent = len(line) - len(line.lstrip(" "))
            out.extend(_wrap(line.strip(), width, " " * indent, " " * (indent + 4)))
        else:
            out.extend(_wrap_row(row, width))
    return "\n".join(out)


def _two_columns(line: str) -> tuple[int, str, int, str] | None:
    """(indent, first column, where the second starts, second column), or None."""
    match = re.match(r"^( *)(\S(?:.*?\S)?)( {2,})(\S.*)$", line)
    if match is None:
        return None
    indent, first, gap, second = match.groups()
    return len(indent), first, len(indent) + len(first) + len(gap), second


def _continues(line: str, column: int) -> bool:
    stripped = line.lstrip(" ")
    return bool(stripped) and len(line) - len(stripped) == column and _two_columns(line) is None


def _wrap_row(row: tuple[int, str, int, str], width: int) -> list[str]:
    indent, first, column, second = row
    if width - column >= 20:
        lines = _wrap(second, width, " " * column, " " * column)
        return [" " * indent + first + lines[0][len(first) + indent :], *lines[1:]]
    hanging = " " * (indent + 4)
    return [*_wrap(first, width, " " * indent, hanging), *_wrap(second, width, hanging, hanging)]


def _wrap(text: str, width: int, first_indent: str, indent: str) -> list[str]:
    if text.startswith(_COMMAND_STARTS):
        # A command may have a remark after it, set apart by spaces: "...zsh    (then restart zsh)".
        command, gap, remark = re.split(r"( {2,})", text, maxsplit=1) if "  " in text else (text, "", "")
        lines = _wrap_command(command, width, first_indent, indent)
        if remark and len(lines[-1] + gap + remark) <= width:
            lines[-1] += gap + remark
        elif remark:
            lines.extend(_wrap(remark, width, indent, indent))
        return lines
    import textwrap

    return textwrap.wrap(text, width, initial_indent=first_indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False) or [first_indent]


def _wrap_command(command: str, width: int, first_indent: str, indent: str) -> list[str]:
    lines: list[str] = []
    prefix, current = first_indent, ""
    for word in _shell_words(command):
        candidate = f"{current} {word}" if current else word
        if current and len(prefix + candidate) + 2 > width:
            lines.append(f"{prefix}{current} \\")
            prefix, current = indent, word
        else:
            current = candidate
    lines.append(prefix + current)
    return lines


def _shell_words(command: str) -> list[str]:
    """`command` split at the spaces outside quotes: `ask "I forgot"` is two words, not three."""
    words, current, quote = [], "", ""
    for char in command:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == " ":
            if current:
                words.append(current)
            current = ""
            continue
        current += char
    if current:
        words.append(current)
    return words
