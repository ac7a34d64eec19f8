"""The Click classes the command layer is typed against, under names the code can import.

Typer ships its own copy of Click as the private `typer._click` and exports only some of it
(`typer.Context`, `typer.BadParameter`, `typer.core.TyperGroup`). The run never imports the
private module: a class it needs at run time is reached from a public object that carries it
(`HelpFormatter` is `typer.Context.formatter_class`, `UsageError` an ancestor of
`typer.BadParameter`). The type checker cannot follow that (a
class read from an attribute is not a type to mypy), so it reads the same classes where Typer
defines them. `ClickCommand` and `ClickContext` are for annotations only: import them under
`if TYPE_CHECKING:`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from typer._click.core import Command as ClickCommand
    from typer._click.core import Context as ClickContext
    from typer._click.exceptions import ClickException, UsageError
    from typer._click.formatting import HelpFormatter
else:
    HelpFormatter = typer.Context.formatter_class

    def _click_exception(name: str) -> type[Exception]:
        """A Click exception class by its documented name, from the public `typer.BadParameter`'s
        ancestry (BadParameter < UsageError < ClickException)."""
        return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)

    UsageError = _click_exception("UsageError")
    ClickException = _click_exception("ClickException")

__all__ = ["ClickCommand", "ClickContext", "ClickException", "HelpFormatter", "UsageError"]
