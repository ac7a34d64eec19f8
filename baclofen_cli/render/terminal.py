"""Rich output for colour terminals: panels for emergencies and warnings, wrapped bullets.

Every piece of text from a knowledge file goes in as a `Text` object (never as markup),
after `clean()`, so a file cannot inject markup or escape codes. Warnings and
emergencies carry a word label as well as a colour, so colour is never the only signal.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from baclofen_cli.output import Output, clean
from baclofen_cli.render.plain import markers, source_numbers

SECTION_STYLES = {
    "warning": ("yellow", "Warning"),
    "emergency": ("bold red", "EMERGENCY"),
}


def _text(text: str, style: str = "") -> Text:
    return Text(clean(text), style=style)


def _bullets(out: Output, items: list[tuple[str, list[str]]], numbers: dict[str, int] | None) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for text, sources in items:
        line = _text(text)
        if numbers:
            line.append(markers(sources, numbers), style="dim")
        grid.add_row(out.bullet, line)
    return grid


def emergency_panel(out: Output, emergency: dict[str, Any], numbers: dict[str, int] | None = None) -> Panel:
    instruction = emergency["instruction"]
    body = _text(instruction["text"], "bold")
    if numbers:
        body.append(markers(instruction["sources"], numbers), style="dim")
    contacts = Table.grid(padding=(0, 1))
    contacts.add_column(overflow="fold")
    contacts.add_column(no_wrap=True, style="bold")
    for contact in emergency["contacts"]:
        contacts.add_row(_text(f"{contact['label']} ({contact['region']})"), _text(contact["number"]))
    signs = _bullets(out, [(s["text"], s["sources"]) for s in emergency["signs"]], numbers)
    return Panel(
        Group(body, Text(""), contacts, Text(""), Text("Signs:", style="bold"), signs),
        title=_text(f"EMERGENCY: {emergency['heading']}", "bold white on red"),
        title_align="left",
        border_style="red",
    )


def render_topic(out: Output, view: dict[str, Any], *, show_sources: bool, disclaimer: str = "") -> None:
    console = out.console()
    numbers = source_numbers(view, show_sources)
    if view["emergency"]:
        console.print(emergency_panel(out, view["emergency"], numbers))
    elif view.get("emergency_reminder"):
        reminder = view["emergency_reminder"]
        line = _text(reminder["text"], "bold red")
        if numbers:
            line.append(markers(reminder["sources"], numbers), style="dim")
        console.print(line)
        console.print()
    console.print(_text(view["title"], "bold underline"))
    summary = _text(view["summary"])
    if numbers:
        summary.append(markers(view["summary_sources"], numbers), style="dim")
    console.print(Panel(summary, title="In short", title_align="left", border_style="cyan"))
    for section in view["sections"]:
        bullets = _bullets(out, [(p["text"], p["sources"]) for p in section["points"]], numbers)
        style = SECTION_STYLES.get(section["kind"])
        if style:
            colour, label = style
            title = _text(f"{label}: {section['heading']}", f"bold {colour}")
            console.print(Panel(bullets, title=title, title_align="left", border_style=colour))
        else:
            console.print(_text(section["heading"], "bold"))
            console.print(bullets)
            console.print()
    if view["talk_to_doctor"]:
        talk = view["talk_to_doctor"]
        body = _text(talk["text"])
        if numbers:
            body.append(markers(talk["sources"], numbers), style="dim")
        console.print(Panel(body, title="Talk to your doctor or pharmacist", title_align="left", border_style="green"))
    if show_sources:
        render_source_list(out, view["sources"], console=console)
    if disclaimer:
        console.print(_text(disclaimer, "dim italic"))


def render_source_list(out: Output, sources: list[dict[str, str]], numbered: bool = True, console: Any = None) -> None:
    console = console or out.console()
    console.print(_text("Sources", "bold"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for n, source in enumerate(sources, 1):
        line = Text()
        line.append(clean(source["title"]), style="bold")
        line.append(clean(f". {source['publisher']}. "))
        line.append(clean(source["url"]), style="underline blue")
        grid.add_row(f"[{n}]" if numbered else clean(source["id"]), line)
    console.print(grid)


def render_topics_list(out: Output, topics: list[dict[str, str]], command: str) -> None:
    console = out.console()
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold cyan")
    grid.add_column(overflow="fold")
    for topic in topics:
        grid.add_row(_text(topic["id"]), _text(topic["title"]))
    console.print(grid)
    console.print()
    hint = Text("Read one with: ")
    hint.append(f"{command} TOPIC", style="bold")
    hint.append(f" (for example: {command} {clean(topics[0]['id'])})")
    console.print(hint)
