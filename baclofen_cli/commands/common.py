"""What every command shares: the per-run state, the common options, and output dispatch."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from baclofen_cli.loader import Compiled
    from baclofen_cli.model import KnowledgeBase
    from baclofen_cli.output import Output

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of text.")]
SourcesOption = Annotated[bool, typer.Option("--sources", help="Show citation markers and the list of sources.")]


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


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj


def renderer(out: Output) -> Any:
    """The module that draws views for this output style (Rich is imported only for terminals)."""
    if out.style == "rich":
        from baclofen_cli.render import terminal

        return terminal
    from baclofen_cli.render import plain

    return plain
