"""`baclofen sources`: every source the guide rests on, grouped by how far it can be trusted."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from baclofen_cli.cli.common import JsonOption, state

if TYPE_CHECKING:
    from baclofen_cli.core.output import Output


class TierChoice(str, Enum):
    official = "official"
    reference = "reference"
    other = "other"


# What each tier means, in the words the schema uses (data/schema.json, Source.tier).
TIER_HEADINGS = {
    "official": "Official sources: regulators' labels and leaflets, national health services, formularies, "
    "poison centres and peer-reviewed evidence",
    "reference": "Reference sources: drug references, professional bodies, manufacturers and hospitals",
    "other": "Other sources: copies, forums or shops, to be replaced by the official document",
}


def sources(
    ctx: typer.Context,
    tier: Annotated[
        TierChoice | None,
        typer.Option("--tier", case_sensitive=False, help="Only sources of this tier: official, reference or other."),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """List every source this guide is based on, official ones first, with its tier."""
    app_state = state(ctx)
    view = sources_view(app_state.kb.sources, tier.value if tier else None)
    out = app_state.output(json_output)
    if out.style == "json":
        out.json(view)
    elif out.style == "rich":
        _render_rich(out, view)
    else:
        _render_plain(out, view)


def sources_view(all_sources: list[Any], only_tier: str | None = None) -> list[dict[str, Any]]:
    """One entry per source, in file order (never `via` or `note`: those are for editors)."""
    from baclofen_cli.core import citations

    return [
        {
            "id": s.id,
            "tier": citations.tier(s),
            "kind": s.get("kind") or None,
            "region": s.get("region"),
            "year": s.get("year"),
            "title": s.title,
            "publisher": s.publisher,
            "url": s.url,
            "label": citations.plain_label(s),
        }
        for s in all_sources
        if only_tier is None or citations.tier(s) == only_tier
    ]


def _groups(view: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    return [(t, [s for s in view if s["tier"] == t]) for t in TIER_HEADINGS if any(s["tier"] == t for s in view)]


def _render_plain(out: Output, view: list[dict[str, Any]]) -> None:
    from baclofen_cli.render.plain import PlainWriter

    w = PlainWriter(out)
    for n, (tier_name, items) in enumerate(_groups(view)):
        if n:
            w.blank()
        w.para(f"{TIER_HEADINGS[tier_name]} ({len(items)})")
        for s in items:
            w.para(f"{s['id']}: {s['label']}", "  ", "    ")
            w.para(s["url"], "    ")
    if not view:
        w.para("No sources of this tier.")


def _render_rich(out: Output, view: list[dict[str, Any]]) -> None:
    from baclofen_cli.core.output import clean
    from baclofen_cli.render.rich import wrapped

    console = out.console()
    for n, (tier_name, items) in enumerate(_groups(view)):
        if n:
            console.print()
        console.print(wrapped(f"{TIER_HEADINGS[tier_name]} ({len(items)})", out.width, style="bold"))
        for s in items:
            line = wrapped(f"{s['id']}: {s['label']}", out.width, "  ", "    ")
            line.stylize("bold cyan", 2, 2 + len(clean(s["id"])))
            console.print(line)
            console.print(wrapped(s["url"], out.width, "    ", style="underline blue"))
    if not view:
        console.print(wrapped("No sources of this tier.", out.width))

