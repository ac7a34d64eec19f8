"""What every Typer command shares: the common options, and the per-run state from the context."""

from __future__ import annotations

from typing import Annotated

import typer
from typer.core import TyperCommand

from baclofen_cli.state import AppState, renderer

__all__ = ["AppState", "JsonOption", "PlainUsageCommand", "SourcesOption", "renderer", "state"]


class PlainUsageCommand(TyperCommand):
    """A command whose usage line names a required argument plainly (`show TOPIC`); Typer
    writes `{TOPIC}`, which reads like a placeholder to type with its braces."""

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of text.")]
SourcesOption = Annotated[bool, typer.Option("--sources", help="Show citation markers and the list of sources.")]


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj
