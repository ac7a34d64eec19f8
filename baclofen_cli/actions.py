"""What the hot commands do, free of Typer: shared by the Typer commands and the fast path.

Each function takes the run's `AppState` and plain arguments that are already checked,
prints the answer, and raises `BaclofenError` for problems the user can fix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.state import renderer

if TYPE_CHECKING:
    from baclofen_cli.state import AppState

# The standard leaflet topics every knowledge file is expected to have, in reading order.
# Help strings describe the command, not the medicine, so another drug's file works too.
TOPIC_COMMANDS: dict[str, str] = {
    "overview": "What the medicine is, its names and its forms.",
    "uses": "What it is used for, and what it is not for.",
    "how-it-works": "How it works in the body, in plain words.",
    "administration": "How to take it: tablets, liquids, granules and the pump.",
    "dosing": "Usual doses from the label. Your prescriber sets yours.",
    "missed-dose": "What to do if you miss a dose.",
    "side-effects": "Side effects: common, less common, and when to get help.",
    "interactions": "Medicines, alcohol and other things that mix badly with it.",
    "precautions": "Who needs extra care, and what to tell your doctor first.",
    "pregnancy": "Pregnancy and breastfeeding.",
    "stopping": "Why you must not stop suddenly, and signs of withdrawal.",
    "overdose": "Signs of taking too much, and what to do right now.",
    "pump": "The spinal (intrathecal) pump: refills, alarms and warning signs.",
    "storage": "Storing it safely and getting rid of unused medicine.",
    "common-questions": "Short answers to common questions: crushing tablets, drug tests, travel, cost...",
}


def show_topic(app_state: AppState, topic_id: str, json_output: bool = False, show_sources: bool = False,
               notices: bool = True) -> None:
    """Print one topic. `notices=False`: without the one-line reminder and the disclaimer (the guide shows them once)."""
    from baclofen_cli.errors import UnknownTopicError
    from baclofen_cli.views import topic_view

    kb = app_state.kb
    topic = kb.topic(topic_id)
    if topic is None:
        from difflib import get_close_matches

        from baclofen_cli.output import show_input

        known = [t.id for t in kb.topics]
        hint = get_close_matches(topic_id, known, n=1)
        suggestion = f" Did you mean {hint[0]!r}?" if hint else ""
        raise UnknownTopicError(
            f"the knowledge file has no topic {show_input(topic_id)!r}.{suggestion} "
            f"See '{app_state.command_name} topics'."
        )
    view = topic_view(kb, topic)
    out = app_state.output(json_output)
    if out.style == "json":
        if show_sources:
            ignored_with_json("--sources", "the JSON always lists the sources")
        out.json(view)
        return
    renderer(out).render_topic(out, view, show_sources=show_sources, disclaimer=kb.disclaimer.text, notices=notices)


# More names than anyone lists at once (the name-list tests send ~300): 10,000 took 28 s, 500
# take under a second. Past it nothing is checked, and the answer says so: a partial answer
# could hide the one name that matters.
MAX_INTERACTION_NAMES = 500


def check_interactions(app_state: AppState, names: list[str], json_output: bool = False, sources: bool = False) -> None:
    """Every interaction group (no names), or what each named medicine does with this one."""
    if len(names) > MAX_INTERACTION_NAMES:
        from baclofen_cli.errors import BaclofenError

        raise BaclofenError(
            f"too many names ({len(names):,}): nothing was checked. Give at most {MAX_INTERACTION_NAMES} "
            "at a time, and ask about the rest in another command"
        )
    kb = app_state.kb
    out = app_state.output(json_output)
    if out.style == "json" and sources:
        ignored_with_json("--sources", "the JSON always carries the source ids")
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
    from baclofen_cli.features.interactions.names import DrugIndex

    # A brand that means different drugs in different countries shows the chosen region's meaning.
    view = views.answer_view(kb, app_state.compiled.index("drugs", DrugIndex), names, app_state.region)
    if out.style == "json":
        out.json(views.answer_json(view))
        return
    draw.render_answer(out, view, show_sources=sources, disclaimer=kb.disclaimer.text)


def ignored_with_json(option: str, why: str) -> None:
    """Say on stderr that an option has no effect on JSON, rather than dropping it without a word."""
    import sys

    from baclofen_cli.cli_text import IGNORED_WITH_JSON

    print(IGNORED_WITH_JSON.format(program="baclofen", option=option, why=why), file=sys.stderr)


def is_blank_name(name: str) -> bool:
    """A name that is empty once escape codes and control characters are removed."""
    from baclofen_cli.output import clean

    return not clean(name).strip()


def answer_question(app_state: AppState, text: str, json_output: bool = False) -> None:
    """Rank, detect emergencies and print: shared by `ask` and the interactive guide."""
    from baclofen_cli.features.ask import answer as engine
    from baclofen_cli.features.ask.index import AskIndex

    kb = app_state.kb
    index = app_state.compiled.index("ask", AskIndex)
    result = engine.answer(kb, index, text)
    out = app_state.output(json_output)
    if out.style == "json":
        out.json(engine.json_view(result))
        return
    from baclofen_cli.features.ask.render import render_answer

    render_answer(out, engine.display_view(kb, result, app_state.command_name, topic_commands=TOPIC_COMMANDS))
