"""`Text`, `Panel` and `Group` for a colour terminal, drawn to ANSI without importing Rich.

Importing Rich's console, panel and text modules costs ~40 ms (rich.console alone pulls in
dataclasses, inspect, threading, pickle, random...): most of what a terminal answer cost over
the same answer in a pipe. The shared blocks (render/rich.py, the ask and interactions
views) hand over text that is already laid out, wrapped to the width with textwrap, so
drawing it needs only Rich's rules for styles, spans and rounded panels. Those rules are
followed here, byte for byte: the same span stacking, the same segments (each styled run
wrapped in its own SGR code and reset), the same title bar and padding.

The classes keep Rich's API and data (the same constructor, append, append_text, stylize,
highlight_regex, join), so real Rich draws them whenever something is outside what this module
draws identically: a line wider than its room (Rich would wrap or crop it), a character Rich
may count as zero or two cells wide, a tab, a style word not in the table below, a terminal
whose encoding is not UTF-8 (ASCII boxes), TERM=dumb or unknown, Windows, Jupyter, or any
other renderable (the quiz's and the interaction listing's tables). tests/test_render_ansi.py
draws every topic, answer and interaction both ways and compares the bytes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Any

# What rich.text strips from every string it is given (rich.control.STRIP_CONTROL_CODES).
_STRIP_CONTROL = dict.fromkeys((7, 8, 11, 12, 13))
# Style attributes as Rich numbers them (the bit) and their SGR codes (Style._style_map).
_ATTRIBUTES = {"bold": 0, "dim": 1, "italic": 2, "underline": 3, "blink": 4, "reverse": 6, "strike": 8}
_ATTRIBUTE_CODES = ("1", "2", "3", "4", "5", "6", "7", "8", "9")
_BASE_COLOURS = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")
# Rich's standard colours 0-15: foreground 30+n (90+n-8 for the bright ones), background 40+n.
COLOURS = {**{name: n for n, name in enumerate(_BASE_COLOURS)},
           **{f"bright_{name}": n + 8 for n, name in enumerate(_BASE_COLOURS)}}
# Characters outside rich.cells' single-cell ranges that its table counts one cell wide
# (the bullet, dashes, quotes, ellipsis); the test checks each against rich.cells.
_ALSO_ONE_CELL = frozenset("‐‑‒–—―‘’‚‛“”„‟†‡•…")
_ONE_CELL = frozenset(
    chr(code)
    for start, end in ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x482), (0x2500, 0x25FC))
    for code in range(start, end + 1)
) | _ALSO_ONE_CELL
# rich.box.ROUNDED.
_TOP_LEFT, _TOP_RIGHT, _BOTTOM_LEFT, _BOTTOM_RIGHT, _HORIZONTAL, _VERTICAL = "╭", "╮", "╰", "╯", "─", "│"

# A style as (attribute bits, colour number or None, background number or None).
_Style = tuple[int, "int | None", "int | None"]
_NULL: _Style = (0, None, None)
_PARSED: dict[str, _Style] = {"": _NULL, "none": _NULL}
_CODES: dict[_Style, str] = {}


class Unsupported(Exception):
    """Something this module would not draw exactly as Rich does: Rich draws it."""


def parse_style(definition: str) -> _Style:
    """A style definition ("bold white on red") in the words this module knows, as Rich reads it."""
    style = _PARSED.get(definition)
    if style is None:
        if not isinstance(definition, str):
            raise Unsupported(definition)
        if definition.strip() == "none":
            return _NULL
        bits, colour, background = 0, None, None
        words = iter(definition.lower().split())
        for word in words:
            if word == "on":
                background = COLOURS.get(next(words, ""))
                if background is None:
                    raise Unsupported(definition)
            elif word in _ATTRIBUTES:
                bits |= 1 << _ATTRIBUTES[word]
            elif word in COLOURS:
                colour = COLOURS[word]
            else:
                raise Unsupported(definition)  # "not bold", "default", "#ff0000", a theme name...
        style = _PARSED[definition] = (bits, colour, background)
    return style


def _combine(styles: Iterable[_Style]) -> _Style:
    """Styles stacked as Rich adds them: attributes add up, the last colour given wins."""
    bits, colour, background = 0, None, None
    for more_bits, more_colour, more_background in styles:
        bits |= more_bits
        colour = more_colour if more_colour is not None else colour
        background = more_background if more_background is not None else background
    return bits, colour, background


def sgr(style: _Style) -> str:
    """The SGR parameters Rich writes for `style` (Style._make_ansi_codes), "" for none."""
    codes = _CODES.get(style)
    if codes is None:
        bits, colour, background = style
        parts = [code for bit, code in enumerate(_ATTRIBUTE_CODES) if bits & (1 << bit)]
        if colour is not None:
            parts.append(str(30 + colour if colour < 8 else 82 + colour))
        if background is not None:
            parts.append(str(40 + background if background < 8 else 92 + background))
        codes = _CODES[style] = ";".join(parts)
    return codes


def _paint(piece: str, style: _Style) -> str:
    codes = sgr(style)
    return f"\x1b[{codes}m{piece}\x1b[0m" if codes and piece else piece


class Text:
    """rich.text.Text's data and the methods the renderers use; `__rich__` gives the real one."""

    def __init__(self, text: str = "", style: str = "", *, no_wrap: bool | None = None,
                 overflow: str | None = None, end: str = "\n") -> None:
        self.plain = text.translate(_STRIP_CONTROL)
        self.style, self.no_wrap, self.overflow, self.end = style, no_wrap, overflow, end
        self.spans: list[tuple[int, int, str]] = []

    def __len__(self) -> int:
        return len(self.plain)

    def __str__(self) -> str:
        return self.plain

    def __repr__(self) -> str:
        return f"<Text {self.plain!r} {self.style!r} {self.spans!r}>"

    def append(self, text: str | Text, style: str | None = None) -> Text:
        if isinstance(text, Text):
            if style is not None:
                raise ValueError("style must not be set when appending Text instance")
            return self.append_text(text)
        text = text.translate(_STRIP_CONTROL)
        if text:
            if style:
                self.spans.append((len(self.plain), len(self.plain) + len(text), style))
            self.plain += text
        return self

    def append_text(self, text: Text) -> Text:
        offset = len(self.plain)
        if text.style:
            self.spans.append((offset, offset + len(text.plain), text.style))
        self.spans.extend((start + offset, end + offset, style) for start, end, style in text.spans)
        self.plain += text.plain
        return self

    def stylize(self, style: str, start: int = 0, end: int | None = None) -> None:
        if style:
            length = len(self.plain)
            start = length + start if start < 0 else start
            end = length if end is None else (length + end if end < 0 else end)
            if start < length and end > start:
                self.spans.append((start, min(length, end), style))

    def highlight_regex(self, pattern: str, style: str) -> int:
        import re

        count = 0
        for match in re.finditer(pattern, self.plain):
            start, end = match.span()
            if style and end > start:
                self.spans.append((start, end, style))
            count += 1
        return count

    def join(self, lines: Iterable[Text]) -> Text:
        joined = Text(style=self.style, no_wrap=self.no_wrap, overflow=self.overflow, end=self.end)
        for n, line in enumerate(lines):
            if n and self.plain:
                joined.append_text(self)
            joined.append_text(line)
        return joined

    def __rich__(self) -> Any:
        from rich.text import Span
        from rich.text import Text as RichText

        text = RichText(self.plain, self.style, no_wrap=self.no_wrap, overflow=self.overflow, end=self.end)  # type: ignore[arg-type]
        text.spans = [Span(start, end, style) for start, end, style in self.spans]
        return text

    def lines(self, width: int, *, no_wrap: bool | None = None, overflow: str | None = None,
              crop: bool = True) -> list[tuple[str, int]]:
        """(drawn line without its newline, cells it takes) as Rich draws this text in `width`
        cells (Text.wrap, then Text.render): its no_wrap and overflow unless given, lines that do
        not fit wrapped at words (rich._wrap.divide_line), then cropped; each run between span
        edges is one segment in the stacked style. `crop=False`: printed with soft_wrap."""
        plain = self.plain
        if not _ONE_CELL.issuperset(plain.replace("\n", "")):
            raise Unsupported("a character Rich may measure differently, or a tab")
        overflow = overflow or self.overflow or "fold"
        if overflow not in ("fold", "crop", "ignore"):
            raise Unsupported(overflow)
        no_wrap = bool(self.no_wrap if no_wrap is None else no_wrap) or overflow == "ignore"
        base = parse_style(self.style)
        spans = [(start, end, parse_style(style)) for start, end, style in self.spans]
        edges = sorted({edge for start, end, _ in spans for edge in (start, end)})
        drawn, line_start = [], 0
        for line in plain.split("\n"):
            breaks = [] if no_wrap or len(line) <= width else _breaks(line, width, fold=overflow == "fold")
            for start, end in zip([0, *breaks], [*breaks, len(line)]):
                end = start + _fitted(line[start:end], width, overflow)
                if crop and end - start > width:
                    raise Unsupported("a line wider than its room")
                start, end = line_start + start, line_start + end
                cuts = [start, *(e for e in edges if start < e < end), end]
                pieces = []
                for left, right in zip(cuts, cuts[1:]):
                    active = [style for s, e, style in spans if s <= left and e >= right]
                    pieces.append(_paint(plain[left:right], _combine([base, *active])))
                drawn.append(("".join(pieces), end - start))
            line_start += len(line) + 1
        return drawn


def _breaks(line: str, width: int, fold: bool) -> list[int]:
    """Where Rich breaks a line of one-cell characters to fit `width` (rich._wrap.divide_line)."""
    import re

    words = re.compile(r"\s*\S+\s*")  # a word and the spaces after it (rich._wrap.re_word)
    breaks: list[int] = []
    offset = 0
    word = words.match(line, 0)
    while word is not None:
        start, end = word.span()
        text = word.group(0)
        length = len(text.rstrip())
        if width - offset >= length:
            offset += len(text)
        elif length > width:
            if fold:  # the word alone is too wide: folded into lines of `width`
                chunks = [text[n:n + width] for n in range(0, len(text), width)]
                for n, chunk in enumerate(chunks):
                    if start:
                        breaks.append(start)
                    if n == len(chunks) - 1:
                        offset = len(chunk)
                    else:
                        start += len(chunk)
            else:
                if start:
                    breaks.append(start)
                offset = len(text)
        elif offset and start:
            breaks.append(start)
            offset = len(text)
        word = words.match(line, end)
    return breaks


def _fitted(line: str, width: int, overflow: str) -> int:
    """The length Rich keeps of one wrapped line: trailing spaces past the width go
    (Text.rstrip_end), then anything still past it (Text.truncate), unless overflow is "ignore"."""
    length = len(line)
    if length > width:
        length -= min(length - len(line.rstrip()), length - width)
        if overflow != "ignore":
            length = min(length, width)
    return length


class Group:
    """rich.console.Group: renderables drawn one after another."""

    def __init__(self, *renderables: Any) -> None:
        self.renderables = list(renderables)

    def __rich__(self) -> Any:
        from rich.console import Group as RichGroup

        return RichGroup(*(as_rich(part) for part in self.renderables))

    def lines(self, width: int) -> list[tuple[str, int]]:
        drawn: list[tuple[str, int]] = []
        for part in self.renderables:
            if not isinstance(part, Text) or part.end != "\n":
                raise Unsupported(part)
            drawn += part.lines(width)
        return drawn


class Panel:
    """rich.panel.Panel as the renderers use it: full width, rounded, a left-aligned title."""

    def __init__(self, renderable: Any, *, title: Text | None = None, title_align: str = "left",
                 border_style: str = "none") -> None:
        self.renderable, self.title, self.title_align, self.border_style = renderable, title, title_align, border_style

    def __rich__(self) -> Any:
        from rich.panel import Panel as RichPanel

        return RichPanel(as_rich(self.renderable), title=as_rich(self.title), title_align=self.title_align,  # type: ignore[arg-type]
                         border_style=self.border_style)

    def lines(self, width: int) -> list[tuple[str, int]]:
        if not isinstance(self.renderable, (Text, Group)):
            raise Unsupported(self.renderable)
        border = parse_style(self.border_style)
        inner = width - 4  # the border and one column of padding on each side
        side = _paint(_VERTICAL, border)
        body = [(f"{side} {line}{' ' * (inner - cells)} {side}", width) for line, cells in self.renderable.lines(inner)]
        bottom = _paint(_BOTTOM_LEFT + _HORIZONTAL * (width - 2) + _BOTTOM_RIGHT, border)
        return [(self._top(width, border), width), *body, (bottom, width)]

    def _top(self, width: int, border: _Style) -> str:
        if self.title is not None and not isinstance(self.title, Text):
            raise Unsupported(self.title)  # a string title would be read as markup by Rich
        if self.title is None or not self.title.plain:
            return _paint(_TOP_LEFT + _HORIZONTAL * (width - 2) + _TOP_RIGHT, border)
        if self.title_align != "left":
            raise Unsupported(self.title_align)
        # As Panel._title and align_text build it: padded by a space, the border's style under
        # the title's own, the title's style once more on top, then the rule to the corner.
        title = Text(f" {self.title.plain.replace(chr(10), ' ')} ")
        room = width - 4
        if len(title.plain) > room:
            raise Unsupported("a title wider than the panel")
        if self.title.style:
            title.spans.append((0, len(title.plain), self.title.style))
        title.spans.append((0, len(title.plain), self.border_style))
        title.spans += [(start + 1, end + 1, style) for start, end, style in self.title.spans]
        if self.title.style:
            title.spans.append((0, len(title.plain), self.title.style))
        title.append(_HORIZONTAL * (room - len(title.plain)), self.border_style)
        ((bar, _),) = title.lines(room, no_wrap=True)
        return f"{_paint(_TOP_LEFT + _HORIZONTAL, border)}{bar}{_paint(_HORIZONTAL + _TOP_RIGHT, border)}"


def _drawn(renderable: Any, width: int, soft_wrap: bool) -> list[tuple[str, int]]:
    """The lines Console.print draws for `renderable`: a Text printed alone is wrapped by the
    console's rules, not its own (Rich joins it into a new Text), and not at all with soft_wrap."""
    if isinstance(renderable, Text):
        overflow = "ignore" if soft_wrap else "fold"
        return renderable.lines(width, no_wrap=soft_wrap, overflow=overflow, crop=not soft_wrap)
    if isinstance(renderable, (Group, Panel)) and not soft_wrap:
        return renderable.lines(width)
    raise Unsupported(renderable)


def as_rich(renderable: Any) -> Any:
    """The real Rich object for one of ours (anything else as it is)."""
    return renderable.__rich__() if isinstance(renderable, (Text, Group, Panel)) else renderable


def draws_like_rich(stream: Any) -> bool:
    """Whether Rich, forced to a terminal on `stream`, would draw with colours and rounded boxes."""
    import builtins

    if sys.platform == "win32" or hasattr(builtins, "get_ipython"):
        return False  # legacy Windows consoles and Jupyter have their own drawing in Rich
    if os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return False  # Rich then writes no colour at all
    return (getattr(stream, "encoding", "utf-8") or "utf-8").lower().startswith("utf")  # else ASCII boxes


class Console:
    """The terminal console the renderers print to: ours draws Text, Group and Panel; Rich
    (imported only then) draws everything else, and ours when they are outside this module."""

    def __init__(self, stream: Any, width: int) -> None:
        self.file, self.width = stream, width
        self._light = draws_like_rich(stream)
        self._rich: Any = None

    def print(self, *objects: Any, **options: Any) -> None:
        if self._light and len(objects) <= 1 and set(options) <= {"soft_wrap"}:
            try:
                drawn = _drawn(objects[0], self.width, bool(options.get("soft_wrap"))) if objects else [("", 0)]
            except Unsupported:
                pass
            else:
                self._write("".join(line + "\n" for line, _ in drawn))
                return
        self.rich().print(*(as_rich(part) for part in objects), **options)

    def _write(self, text: str) -> None:
        try:
            self.file.write(text)
            self.file.flush()
        except BrokenPipeError:
            # As Rich's Console.on_broken_pipe: the reader has gone; stop writing, exit 1.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise SystemExit(1) from None

    def rich(self) -> Any:
        """The Rich console on the same stream: markup off, so text from files is never parsed as markup."""
        if self._rich is None:
            from rich.console import Console as RichConsole

            for name in ("COLUMNS", "LINES"):
                # Rich reads these itself with str.isdigit(), and int("²") then crashes it.
                if not os.environ.get(name, "0").isdecimal():
                    del os.environ[name]
            self._rich = RichConsole(file=self.file, width=self.width, force_terminal=True, markup=False,
                                     emoji=False, highlight=False, no_color=False, soft_wrap=False)
        return self._rich
