"""Rich output for colour terminals: panels for emergencies and warnings, wrapped bullets.

Every piece of text from a knowledge file goes in as a `Text` object (never as markup),
after `clean()`, so a file cannot inject markup or escape codes. Warnings and
emergencies carry a word label as well as a colour, so colour is never the only signal.

Bullets and hanging indents are wrapped here with `textwrap` (the width is known) and
handed over as finished lines: laying them out with Rich tables measured every cell and
made a topic take ~20 ms to draw. The `Text`, `Panel` and `Group` here are render/ansi.py's:
Rich's API and output, drawn without importing Rich (~40 ms of a terminal run).
"""

from __future__ import annotations

from typing import Any

from baclofen_cli.core.output import Output, clean
from baclofen_cli.lang import phrase
from baclofen_cli.render.ansi import Group, Panel, Text
from baclofen_cli.render.plain import _has_emergency_section, emergency_line_text, markers, source_numbers

# Each labelled section kind: its colour, and its words (the English default; drawn with the pack's words).
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


def emergency_panel(out: Output, emergency: dict[str, Any], numbers: dict[str, int] | None = None, *,
                    instruction: bool = True, labels: dict[str, str] | None = None) -> Panel:
    """The emergency box; `instruction=False` when its instruction line was already printed above the topic."""
    labels = labels or {}
    inner = out.width - PANEL_INSET
    labels_ = [f"{c['label']} ({c['region']}): " for c in emergency["contacts"]]
    label_width = max(map(len, labels_))
    if label_width + max(len(c["number"]) for c in emergency["contacts"]) > inner:
        label_width = 0  # too narrow to line the numbers up: each follows its label
    contacts = _join(
        wrapped(label.ljust(label_width) + contact["number"], inner, "", " " * 2)
        for label, contact in zip(labels_, emergency["contacts"], strict=True)
    )
    signs = bullet_block(out, [(s["text"], s["sources"]) for s in emergency["signs"]], numbers, inner)
    parts: list[Any] = []
    if instruction:
        text = emergency["instruction"]
        parts += [wrapped(text["text"] + markers(text["sources"], numbers), inner, style="bold"), Text(""),
                  contacts, Text("")]
    parts += [Text(f"{clean(labels.get('signs') or phrase('signs'))}:", style="bold"), signs]
    emergency_word = (labels.get("emergency") or phrase("emergency")).upper()
    return Panel(
        Group(*parts),
        title=_text(f"{emergency_word}: {emergency['heading']}", "bold white on red"),
        title_align="left",
        border_style="red",
    )


def emergency_line(out: Output, emergency: dict[str, Any], numbers: dict[str, int] | None) -> Text:
    """The instruction and its numbers on one line, first on an emergency topic (word-labelled, not only red)."""
    return wrapped(emergency_line_text(emergency, numbers), out.width, style="bold red")


def render_topic(out: Output, view: dict[str, Any], *, show_sources: bool, disclaimer: str = "",
                 notices: bool = True) -> None:
    """Bottom line first (title, summary, numbered steps), then the emergency box and the sections.

    As in plain.render_topic: `notices=False` leaves out the one-line reminder and the disclaimer.
    """
    console = out.console()
    numbers = source_numbers(view, show_sources)
    labels = view.get("labels") or {}
    if view["emergency"]:
        console.print(emergency_line(out, view["emergency"], numbers))
        console.print()
    elif notices and view.get("emergency_reminder"):
        reminder = view["emergency_reminder"]
        console.print(wrapped("!! " + reminder["text"] + markers(reminder["sources"], numbers), out.width,
                              style="bold red"))
        console.print()
    inner = out.width - PANEL_INSET
    console.print(wrapped(view["title"], out.width, style="bold underline"))
    summary = wrapped(view["summary"] + markers(view["summary_sources"], numbers), inner)
    console.print(Panel(summary, title=_text(labels.get("in_short") or phrase("in_short")), title_align="left",
                        border_style="cyan"))
    if view.get("actions"):
        steps = _join(
            wrapped(f"{n}. " + a["text"] + markers(a["sources"], numbers), inner, "", " " * (len(str(n)) + 2))
            for n, a in enumerate(view["actions"], 1)
        )
        title = _text(labels.get("what_to_do") or phrase("what_to_do"), "bold")
        console.print(Panel(steps, title=title, title_align="left", border_style="cyan"))
    chart = view.get("decision_chart")
    if chart:
        console.print(decision_flow(out, chart, numbers))
        console.print()
    triage = view.get("triage_chart")
    if triage:
        console.print(triage_lines(out, triage, numbers))
        console.print()
    if view["emergency"] and not _has_emergency_section(view):
        console.print(emergency_panel(out, view["emergency"], numbers, instruction=False, labels=labels))
    for section in view["sections"]:
        points = [(p["text"], p["sources"]) for p in section["points"]]
        style = SECTION_STYLES.get(section["kind"])
        if style:
            colour = style[0]
            label = labels.get(section["kind"]) or phrase(section["kind"])
            label = label.upper() if section["kind"] == "emergency" else label
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
        heading = _text(labels.get("talk_to_doctor") or phrase("talk_to_doctor"))
        console.print(Panel(body, title=heading, title_align="left", border_style="green"))
    if show_sources:
        render_source_list(out, view["sources"], console=console)
    if disclaimer and notices:
        console.print(wrapped(disclaimer, out.width, style="dim italic"))


_TRIAGE_STYLES = {"red": "bold white on red", "amber": "bold black on yellow", "green": "bold white on green"}


def triage_lines(out: Output, chart: dict[str, Any], numbers: dict[str, int] | None) -> Text:
    """The red/amber/green chart: each line led by its own words, coloured as well (never colour alone)."""
    words = chart["words"]
    lines = [wrapped(chart["caption"] + markers(chart["sources"], numbers), out.width, style="bold")]
    for level, style in _TRIAGE_STYLES.items():
        if words.get(level):
            label = clean(words[level])
            line = wrapped(f"{label}: {words.get(f'{level}_text', '')}", out.width, "  ", "    ")
            line.stylize(style, 2, 2 + len(label))
            lines.append(line)
    return _join(lines)


def decision_flow(out: Output, chart: dict[str, Any], numbers: dict[str, int] | None) -> Text:
    """The decision chart as a short text flow (the handout draws it as a picture)."""
    words = chart["words"]
    lines = [wrapped(chart["caption"] + markers(chart["sources"], numbers), out.width, style="bold")]
    if words.get("question"):
        lines.append(wrapped(words["question"], out.width, "  "))
    for answer, action in (("yes", "yes_action"), ("no", "no_action")):
        if words.get(action):
            mark = f"    {clean(words.get(answer) or phrase(answer))} -> "
            lines.append(wrapped(words[action], out.width, mark, " " * len(mark)))
    if words.get("always"):
        lines.append(wrapped(words["always"], out.width, "  ", style="bold"))
    return _join(lines)


def render_source_list(out: Output, sources: list[dict[str, str]], numbered: bool = True, console: Any = None,
                       heading: str | None = None) -> None:
    """Each source in plain words (title, publisher, year), its address unbroken on the next line."""
    from baclofen_cli.core.citations import plain_label

    console = console or out.console()
    console.print(_text(heading or phrase("sources"), "bold"))
    labels = [f"[{n}] " if numbered else f"{clean(s['id'])}: " for n, s in enumerate(sources, 1)]
    # A hanging indent, never more than a third of the width (long ids on a narrow terminal).
    indent = " " * min(max(map(len, labels), default=0), max(out.width // 3, 4))
    for label, source in zip(labels, sources, strict=True):
        console.print(wrapped(plain_label(source), out.width, label.ljust(len(indent)), indent))
        console.print(Text(indent + clean(source["url"]), style="underline blue", no_wrap=True, overflow="ignore"))


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
    # The pack's sentence around the usage, which stays bold: "Read one with: {usage} (for example: ...)".
    example = f"{command} {clean(topics[0]['id'])}"
    before, _, after = phrase("read_one_with", usage="\0", example=example).partition("\0")
    hint = Text(before)
    hint.append(f"{command} TOPIC", style="bold")
    hint.append(after)
    console.print(hint)
