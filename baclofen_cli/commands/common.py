"""What every Typer command shares: the common options, and the per-run state from the context."""

from __future__ import annotations

from typing import Annotated

import typer

from baclofen_cli.state import AppState, renderer

__all__ = ["AppState", "JsonOption", "SourcesOption", "renderer", "state"]

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of text.")]
SourcesOption = Annotated[bool, typer.Option("--sources", help="Show citation markers and the list of sources.")]


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj
