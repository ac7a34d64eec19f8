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
        self,
        data: str | None = None,
        color: bool | None = None,
        no_input: bool = False,
        command_name: str = "baclofen",
        region: str | None = None,
    ) -> None:
        self.data, self.color, self.no_input, self.command_name = data, color, no_input, command_name
        # As given (--region); `region` below is the one chosen after the environment and locale.
        self.region_option = region

    @property
    def data_path(self) -> Path:
        from baclofen_cli.loader import resolve_path

        return resolve_path(self.data)

    @cached_property
    def compiled(self) -> Compiled:
        from baclofen_cli.loader import load

        return load(self.data_path)

    @cached_property
    def region(self) -> str | None:
        """The region whose numbers are shown (None: every region's)."""
        from baclofen_cli import region

        return region.choose(self.compiled.kb, self.region_option)

    @cached_property
    def kb(self) -> KnowledgeBase:
        kb = self.compiled.kb
        if self.region is None:
            return kb
        from baclofen_cli import region

        return region.select(kb, self.region)  # type: ignore[no-any-return]

    def output(self, json_output: bool = False) -> Output:
        from baclofen_cli.output import Output

        out = Output.create(json_output=json_output, color=self.color)
        if "kb" in self.__dict__:
            # An answer drawn from the knowledge base says which region's numbers it holds
            # (not `validate`, which checks files rather than answering from one).
            out.json_meta["region"] = self.region
        return out


def renderer(out: Output) -> Any:
    """The module that draws views for this output style (Rich is imported only for terminals)."""
    if out.style == "rich":
        from baclofen_cli.render import terminal

        return terminal
    from baclofen_cli.render import plain

    return plain
