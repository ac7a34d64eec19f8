"""`baclofen interactions [NAME...]`: the interaction groups, or what each named medicine does with this one.

Exit 0 whenever the tool answered, found or not (scripts read --json); 2 for usage errors.
"""

from __future__ import annotations

from typing import Annotated

import typer

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
    app_state = state(ctx)
    names = names or []
    for name in names:
        from baclofen_cli.output import clean

        if not clean(name).strip():
            raise typer.BadParameter("a medicine name is empty", param_hint="NAME")
    kb = app_state.kb
    out = app_state.output(json_output)
    if out.style == "rich":
        from baclofen_cli.render import terminal_interactions as draw
    else:
        from baclofen_cli.render import plain_interactions as draw  # type: ignore[no-redef]
    from baclofen_cli import interaction_views as views

    if not names:
        listing = views.listing_view(kb)
        if out.style == "json":
            out.json(listing)
            return
        draw.render_listing(
            out,
            listing,
            views.listing_sources(kb, listing),
            show_sources=sources,
            disclaimer=kb.disclaimer.text,
            command=app_state.command_name,
        )
        return
    from baclofen_cli.drugs import DrugIndex

    view = views.answer_view(kb, app_state.compiled.index("drugs", DrugIndex), names)
    if out.style == "json":
        out.json(views.answer_json(view))
        return
    draw.render_answer(out, view, show_sources=sources, disclaimer=kb.disclaimer.text)


def register(app: typer.Typer, help_text: str) -> None:
    app.command("interactions", help=help_text + HELP_DETAILS, short_help=help_text, rich_help_panel="Topics")(
        interactions
    )
