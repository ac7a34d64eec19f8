"""How help looks: wrapped to the terminal, plain usage lines, the command list's short help
and every command's examples. Split from app.py so each stays readable on its own."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer
from typer.core import TyperCommand

from baclofen_cli.cli.click_types import HelpFormatter

if TYPE_CHECKING:
    from baclofen_cli.cli.click_types import ClickContext


class WrappingHelpFormatter(HelpFormatter):
    """Click's formatter, except that blocks it must not re-wrap (examples, marked with \b)
    are laid out for the width rather than left to overflow a narrow terminal."""

    def write(self, string: str) -> None:
        # Help and examples name the command "baclofen"; a clinic may install it under another
        # name (a symlink named after its drug): the help then names that command instead.
        from baclofen_cli.core.state import DEFAULT_PROGRAM, RUN_PROGRAM

        if RUN_PROGRAM != DEFAULT_PROGRAM:
            import re

            # The command word only: not BACLOFEN_DATA, nor a path such as ~/.cache/baclofen-cli.
            string = re.sub(rf"(?<![\w/.$-]){DEFAULT_PROGRAM}(?![\w-])", lambda _: RUN_PROGRAM, string)
        super().write(string)

    def write_text(self, text: str) -> None:
        if "\b" not in text:
            super().write_text(text)
            return
        import re

        from baclofen_cli.cli.common import wrap_help_text

        indent = " " * self.current_indent
        for number, paragraph in enumerate(re.split(r"\n\s*\n", text)):
            if number:
                self.write("\n")
            if paragraph.startswith("\b\n"):
                block = "\n".join(indent + line if line else line for line in paragraph[2:].split("\n"))
                self.write(wrap_help_text(block, self.width) + "\n")
            else:
                super().write_text(paragraph)

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        # Click keeps a 30-column first column however narrow the terminal, leaving ten
        # columns for the text; narrower, long names put their text on the next line.
        super().write_dl(rows, max(10, min(col_max, self.width // 2 - 2)), col_spacing)


class HelpContext(typer.Context):
    formatter_class = WrappingHelpFormatter


class PlainUsageCommand(TyperCommand):
    """A command whose usage line names a required argument plainly (`show TOPIC`); Typer
    writes `{TOPIC}`, which reads like a placeholder to type with its braces."""

    context_class = HelpContext

    def collect_usage_pieces(self, ctx: ClickContext) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


def short_help(text: str, limit: int) -> str:
    """A command's line in the command list: its help's first paragraph, cut at the first
    sentence or at `limit` characters ("..."). Click's own rule (click.utils.make_default_short_help,
    BSD-3-Clause), which Typer does not export."""
    import inspect

    words = inspect.cleandoc(text).split("\n\n", 1)[0].split()
    if words[:1] == ["\b"]:
        words = words[1:]
    total = 0
    for i, word in enumerate(words):
        total += len(word) + (i > 0)
        if total > limit:
            break
        if word.endswith("."):
            return " ".join(words[: i + 1])
        if total == limit and i != len(words) - 1:
            break
    else:
        return " ".join(words)
    total += len("...")
    while i > 0:
        total -= len(words[i]) + (i > 0)
        if total <= limit:
            break
        i -= 1
    return " ".join(words[:i]) + "..."


def root_help(argv: Sequence[str]) -> str:
    """The root command's help paragraph (`root_help` in the language pack), in the language of the
    knowledge file this command line would read (--data, --lang, BACLOFEN_DATA, BACLOFEN_LANG, the
    locale): read from its cache entry, as every answer reads its labels. English when the file
    cannot be read, so help always works."""
    from baclofen_cli import lang
    from baclofen_cli.cli.forgiving import lift_global_options, option_value
    from baclofen_cli.core import loader
    from baclofen_cli.core.errors import BaclofenError

    lifted, _ = lift_global_options(list(argv))
    data = option_value(lifted, "--data")
    try:
        if loader.data_chosen(data):
            path = loader.resolve_path(data)
        else:
            path = loader.language_path(lang.requested(option_value(lifted, "--lang"))[0])
        pack = loader.load(path).index("labels", lang.LanguagePack)
    except BaclofenError:
        pack = lang.load(lang.ENGLISH)
    return pack.label("root_help")


def examples_epilog(name: str) -> str | None:
    from baclofen_cli.cli.text import EXAMPLES

    lines = EXAMPLES.get(name)
    # \b keeps Click from re-wrapping the lines into one paragraph.
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines) if lines else None
