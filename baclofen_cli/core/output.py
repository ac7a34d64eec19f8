"""Where answers go and how they look: Rich on a terminal, plain text in a pipe, JSON for scripts.

Plain and JSON output use nothing but the standard library; so do the common answers on a
colour terminal (render/ansi.py draws Rich's text and panels itself). Rich, ~40 ms to import, is
imported only for what render/ansi.py leaves to it (tables, unusual characters or terminals).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, TextIO

if TYPE_CHECKING:
    import re

Style = Literal["rich", "plain", "json"]

MIN_WIDTH = 20
MAX_WIDTH = 100
# Whole escape sequences (CSI, OSC, DCS/SOS/PM/APC strings, and two-character escapes such
# as ESC c or ESC ( 0, in their 7-bit and C1 forms), then any other C0/C1 control character
# except tab and newline, and the bidirectional overrides that can make text display
# differently from what it says.
_CONTROL_CLASS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
_UNSAFE_PATTERN = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[P^_X]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
    r"|" + _CONTROL_CLASS
)


@cache
def _unsafe() -> re.Pattern[str]:
    # Compiled on first use: compiling at import would cost every command, even --version.
    import re

    return re.compile(_UNSAFE_PATTERN)


@cache
def _control() -> re.Pattern[str]:
    # Every sequence above starts with one of these: text without any (nearly all text) is
    # returned as it is, three times faster than running the full pattern over it.
    import re

    return re.compile(_CONTROL_CLASS)


# What json.dumps(ensure_ascii=False) leaves raw but a terminal would act on: DEL, C1
# controls, bidi controls, and the Unicode line separators. Only found inside strings.
_JSON_UNSAFE_PATTERN = r"[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"


def json_text(payload: Any) -> str:
    """`payload` as indented JSON, readable UTF-8 but with every control character escaped
    (\\u001b, \\u202e...): the data is kept exactly, and nothing in it can drive a terminal."""
    import json
    import re

    text = json.dumps(payload, indent=2, ensure_ascii=False)
    return re.sub(_JSON_UNSAFE_PATTERN, lambda m: f"\\u{ord(m.group()):04x}", text)


def clean(text: str) -> str:
    """Remove escape sequences and control characters so no text can drive the terminal."""
    if _control().search(text) is None:
        return text
    return _unsafe().sub("", text)


def show_input(text: str, limit: int = 80) -> str:
    """What the user typed, safe to echo back: cleaned, on one line, and shortened."""
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def choose_style(*, json_output: bool, color: bool | None, stream: TextIO) -> Style:
    if json_output:
        return "json"
    if color is not None:
        return "rich" if color else "plain"
    env = os.environ
    if env.get("NO_COLOR"):
        return "plain"
    if env.get("FORCE_COLOR"):
        return "rich"
    if env.get("TERM") == "dumb":
        return "plain"
    try:
        return "rich" if stream.isatty() else "plain"
    except (AttributeError, ValueError):
        return "plain"


def terminal_width() -> int:
    columns = os.environ.get("COLUMNS", "").strip()
    # isdecimal, not isdigit: "²" is a digit that int() refuses. 0 means "not known".
    if columns.isdecimal() and int(columns) > 0:
        width = int(columns)
    else:
        # os rather than shutil.get_terminal_size: same answer, without importing shutil (~2 ms).
        try:
            width = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 80
        except (OSError, ValueError):
            width = 80
        width = width or 80
    return max(MIN_WIDTH, min(width, MAX_WIDTH))


def can_encode(text: str, stream: TextIO) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


class Output:
    """Where one command's answer goes, and in which style."""

    def __init__(self, style: Style, stream: TextIO, width: int) -> None:
        self.style, self.stream, self.width = style, stream, width
        # The terminal behind a held-back answer (see AppState.output), else None.
        self.terminal: TextIO | None = None
        # Added to every JSON object answer (the region in use, the review date), unless it has the key.
        self.json_meta: dict[str, Any] = {}

    @classmethod
    def create(cls, *, json_output: bool = False, color: bool | None = None, stream: TextIO | None = None) -> Output:
        stream = stream or sys.stdout
        return cls(choose_style(json_output=json_output, color=color, stream=stream), stream, terminal_width())

    @property
    def bullet(self) -> str:
        return "•" if can_encode("•", self.stream) else "-"

    def json(self, payload: Any) -> None:
        if isinstance(payload, dict) and self.json_meta:
            payload = {**payload, **{k: v for k, v in self.json_meta.items() if k not in payload}}
        self.stream.write(json_text(payload) + "\n")

    def text(self, text: str = "") -> None:
        self.stream.write(text + "\n")

    def console(self) -> Any:
        """The terminal console for this output (render/ansi.py): it draws the shared blocks
        itself and hands anything else to Rich, with markup off (text from files is never markup)."""
        from baclofen_cli.render.ansi import Console

        return Console(self.stream, self.width)
