"""`baclofen interactions [NAME...]`: the interaction groups, or what each named medicine does
with this one (built from its row in `cli_spec`; shared by the fast path and the guide).

Exit 0 whenever the tool answered, found or not (scripts read --json); 2 for usage errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from baclofen_cli.core.output import Output
    from baclofen_cli.core.state import AppState


class Renderer(Protocol):
    """What the plain and the Rich renderer modules both provide (each module is one of these)."""

    def render_listing(self, out: Output, view: dict[str, Any], sources: list[dict[str, str]], *,
                       show_sources: bool, disclaimer: str, command: str) -> None: ...

    def render_answer(self, out: Output, view: dict[str, Any], *, show_sources: bool,
                      disclaimer: str = "") -> None: ...

# More names than anyone lists at once (the name-list tests send ~300): 10,000 took 28 s, 500
# take under a second. Past it nothing is checked, and the answer says so: a partial answer
# could hide the one name that matters.
MAX_INTERACTION_NAMES = 500


def check_interactions(app_state: AppState, names: list[str], json_output: bool = False, sources: bool = False) -> None:
    """Every interaction group (no names), or what each named medicine does with this one."""
    from baclofen_cli.cli.report import ignored_with_json

    if len(names) > MAX_INTERACTION_NAMES:
        from baclofen_cli.core.errors import BaclofenError

        raise BaclofenError(
            f"too many names ({len(names):,}): nothing was checked. Give at most {MAX_INTERACTION_NAMES} "
            "at a time, and ask about the rest in another command"
        )
    kb = app_state.kb
    out = app_state.output(json_output)
    if out.style == "json" and sources:
        ignored_with_json("--sources", "the JSON always carries the source ids")
    draw: Renderer
    if out.style == "rich":
        from baclofen_cli.features.interactions import rich

        draw = rich
    else:
        from baclofen_cli.features.interactions import plain

        draw = plain
    from baclofen_cli.features.interactions import view as views

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
    from baclofen_cli.features.interactions.names import DrugIndex

    # A brand that means different drugs in different countries shows the chosen region's meaning.
    view = views.answer_view(kb, app_state.compiled.index("drugs", DrugIndex), names, app_state.region)
    if out.style == "json":
        out.json(views.answer_json(view))
        return
    draw.render_answer(out, view, show_sources=sources, disclaimer=kb.disclaimer.text)
