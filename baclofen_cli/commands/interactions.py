"""`baclofen interactions [NAME...]`: the interaction groups, or what each named medicine does with this one.

Exit 0 whenever the tool answered, found or not (scripts read --json); 2 for usage errors.
"""

from __future__ import annotations

from typing import Annotated

import typer

from baclofen_cli import actions
from baclofen_cli.commands.common import JsonOption, SourcesOption, state

HELP_DETAILS = """

Give names to check them: generic names, US or UK brands, products like co-codamol, or
everyday words like beer. Spelling mistakes are allowed. A name that is not in the guide is
NOT known to be safe: ask your pharmacist.

\b
Examples:
  baclofen interactions
  baclofen interactions Percocet
  baclofen interactions "my Xanax" beer co-codamol
  baclofen interactions oxycodone --json
"""

NamesArgument = Annotated[
    list[str] | None,
    typer.Argument(metavar="[NAME]...", show_default=False, help="Medicine names to check (none: list every group)."),
]


def interactions(
    ctx: typer.Context,
    names: NamesArgument = None,
    json_output: JsonOption = False,
    sources: SourcesOption = False,
) -> None:
    names = names or []
    if any(actions.is_blank_name(name) for name in names):
        raise typer.BadParameter("a medicine name is empty", param_hint="NAME")
    actions.check_interactions(state(ctx), names, json_output, sources)


def register(app: typer.Typer, help_text: str) -> None:
    app.command("interactions", help=help_text + HELP_DETAILS, short_help=help_text, rich_help_panel="Topics")(
        interactions
    )
