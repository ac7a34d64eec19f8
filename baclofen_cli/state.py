"""Per-run state shared by every command: global options, and the knowledge file loaded once.

Free of Typer on purpose, so the fast path in `main.py` can use it without importing Typer.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from baclofen_cli.loader import Compiled
    from baclofen_cli.model import KnowledgeBase
    from baclofen_cli.output import Output


class AppState:
    """Global options, and the knowledge file loaded at most once per run."""

    def __init__(
        self, data: str | None = None, color: bool | None = None, no_input: bool = False, command_name: str = "baclofen"
    ) -> None:
        self.data, self.color, self.no_input, self.command_name = data, color, no_input, command_name

    @property
    def data_path(self) -> Path:
        from baclofen_cli.loader import resolve_path

        return resolve_path(self.data)

    @cached_property
    def compiled(self) -> Compiled:
        from baclofen_cli.loader import load

        return load(self.data_path)

    @property
    def kb(self) -> KnowledgeBase:
        return self.compiled.kb

    def output(self, json_output: bool = False) -> Output:
        from baclofen_cli.output import Output

        return Output.create(json_output=json_output, color=self.color)


def renderer(out: Output) -> Any:
    """The module that draws views for this output style (Rich is imported only for terminals)."""
    if out.style == "rich":
        from baclofen_cli.render import terminal

        return terminal
    from baclofen_cli.render import plain

    return plain
