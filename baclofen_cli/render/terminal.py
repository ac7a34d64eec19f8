"""Rich output for colour terminals: panels for emergencies and warnings, wrapped bullets.

Every piece of text from a knowledge file goes in as a `Text` object (never as markup),
after `clean()`, so a file cannot inject markup or escape codes. Warnings and
emergencies carry a word label as well as a colour, so colour is never the only signal.

Bullets and hanging indents are wrapped here with `textwrap` (the width is known) and
handed to Rich as finished lines: laying them out with Rich tables measured every cell
and made a topic take ~20 ms to draw, more than importing Rich.
"""

from __future__ import annotations

import textwrap
from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from baclofen_cli.output import Output, clean
from baclofen_cli.render.plain import markers, source_numbers

SECTION_STYLES = {
    "warning": ("yellow", "Warning"),
    "emergency": ("bold red", "EMERGENCY"),
}
# A panel's border and padding take two columns on each side.
PANEL_INSET = 4
_MARKER = r"\[\d[\d,\-]*\]"


def _text(text: str, style: str = "") -> Text:
    return Text(clean(text), style=style)


def wrap_keeping_links(text: str, **options: object) -> list[str]:
    from baclofen_cli.render.plain import wrap_keeping_links as wrap

    return wrap(text, **options)


def wrapped(text: str, width: int, first: str = "", rest: str | None = None, style: str = "") -> Text:
    """`text` wrapped to `width` with a hanging indent, as one Text; citation markers dimmed."""
    lines = wrap_keeping_links(
        clean(text),
        width=max(width, len(first) + 8),
        initial_indent=first,
        subsequent_indent=first and " " * len(first) if rest is None else rest,
        break_on_hyphens=False,
    )
    # Already wrapped: Rich must not measure and wrap it again ("fold" only guards wide characters).
    result = Text("\n".join(lines) or first.rstrip(), style=style, no_wrap=True, overflow="fold")
    result.highlight_regex(_MARKER, "dim")
    return result


def bullet_block(out: Output, items: list[tuple[str, list[str]]], numbers: dict[str, int] | None, width: int) -> Text:
    lines = [wrapped(text + markers(sources, numbers), width, f"{out.bullet} ") for text, sources in items]
    return _join(lines)


def _join(lines: Any) -> Text:
    return Text("\n", no_wrap=True, overflow="fold").join(lines)


def emergency_panel(out: Output, emergency: dict[str, Any], numbers: dict[str, int] | None = None) -> Panel:
    inner = out.width - PANEL_INSET
    instruction = emergency["instruction"]
    body = wrapped(instruction["text"] + markers(instruction["sources"], numbers), inner, style="bold")
    labels = [f"{c['label']} ({c['region']}): " for c in emergency["contacts"]]
    label_width = max(map(len, labels))
    if label_width + max(len(c["number"]) for c in emergency["contacts"]) > inner:
        label_width = 0  # too narrow to line the numbers up: each follows its label
    contacts = _join(
        wrapped(label.ljust(label_width) + contact["number"], inner, "", " " * 2)
        for label, contact in zip(labels, emergency["contacts"], strict=True)
    )
    signs = bullet_block(out, [(s["text"], s["sources"]) for s in emergency["signs"]], numbers, inner)
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
        console.print(wrapped(reminder["text"] + markers(reminder["sources"], numbers), out.width, style="bold red"))
        console.print()
    inner = out.width - PANEL_INSET
    console.print(wrapped(view["title"], out.width, style="bold underline"))
    summary = wrapped(view["summary"] + markers(view["summary_sources"], numbers), inner)
    console.print(Panel(summary, title="In short", title_align="left", border_style="cyan"))
    if view.get("actions"):
        steps = _join(
            wrapped(f"{n}. " + a["text"] + markers(a["sources"], numbers), inner, "", " " * (len(str(n)) + 2))
            for n, a in enumerate(view["actions"], 1)
        )
        console.print(Panel(steps, title=_text("What to do", "bold"), title_align="left", border_style="cyan"))
    for section in view["sections"]:
        points = [(p["text"], p["sources"]) for p in section["points"]]
        style = SECTION_STYLES.get(section["kind"])
        if style:
            colour, label = style
            title = _text(f"{label}: {section['heading']}", f"bold {colour}")
            bullets = bullet_block(out, points, numbers, inner)
            console.print(Panel(bullets, title=title, title_align="left", border_style=colour))
        else:
            console.print(wrapped(section["heading"], out.width, style="bold"))
            console.print(bullet_block(out, points, numbers, out.width))
            console.print()
    if view["talk_to_doctor"]:
        talk = view["talk_to_doctor"]
        body = wrapped(talk["text"] + markers(talk["sources"], numbers), inner)
        console.print(Panel(body, title="Talk to your doctor or pharmacist", title_align="left", border_style="green"))
    if show_sources:
        render_source_list(out, view["sources"], console=console)
    if disclaimer:
        console.print(wrapped(disclaimer, out.width, style="dim italic"))


def render_source_list(out: Output, sources: list[dict[str, str]], numbered: bool = True, console: Any = None) -> None:
    console = console or out.console()
    console.print(_text("Sources", "bold"))
    labels = [f"[{n}] " if numbered else f"{clean(s['id'])}: " for n, s in enumerate(sources, 1)]
    indent = " " * max(map(len, labels), default=0)
    for label, source in zip(labels, sources, strict=True):
        title, rest = clean(source["title"]), clean(f". {source['publisher']}. {source['url']}")
        line = wrapped(title + rest, out.width, label.ljust(len(indent)), indent)
        line.highlight_regex(r"https?://\S+", "underline blue")
        console.print(line, soft_wrap=True)  # already wrapped; Rich would cut a long URL in two


def render_topics_list(out: Output, topics: list[dict[str, str]], command: str) -> None:
    console = out.console()
    id_width = max(len(t["id"]) for t in topics) + 2
    for topic in topics:
        # On a narrow terminal a long id would leave no room: wrap titles under a short indent.
        hanging = " " * min(id_width, max(4, out.width // 2))
        line = wrapped(clean(topic["id"]).ljust(id_width) + topic["title"], out.width, "", hanging)
        line.stylize("bold cyan", 0, len(clean(topic["id"])))
        console.print(line)
    console.print()
    hint = Text("Read one with: ")
    hint.append(f"{command} TOPIC", style="bold")
    hint.append(f" (for example: {command} {clean(topics[0]['id'])})")
    console.print(hint)
