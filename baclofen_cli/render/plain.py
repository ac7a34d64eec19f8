"""Plain text for pipes, NO_COLOR and dumb terminals: no escape codes, wrapped to the width."""

from __future__ import annotations

import textwrap
from typing import Any

from baclofen_cli.output import Output, clean

KIND_LABELS = {"warning": "WARNING", "emergency": "EMERGENCY"}


def markers(ids: list[str], numbers: dict[str, int] | None) -> str:
    """ " [1-4,7]": the reference numbers of the cited sources, in order, runs shortened."""
    found = sorted({numbers[i] for i in ids if i in numbers}) if numbers else []
    if not found:
        return ""
    runs: list[str] = []
    start = prev = found[0]
    for n in [*found[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(f"{start}-{prev}" if prev - start > 1 else (f"{start},{prev}" if prev != start else str(start)))
        if n is not None:
            start = prev = n
    return " [" + ",".join(runs) + "]"


def source_numbers(view: dict[str, Any], show_sources: bool) -> dict[str, int] | None:
    return {s["id"]: n for n, s in enumerate(view["sources"], 1)} if show_sources else None


class _LinkKeepingWrapper(textwrap.TextWrapper):
    """Breaks over-long words as usual, except a link: a URL stays whole so it can be copied."""

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):  # noqa: ANN001, ANN202
        if "://" in reversed_chunks[-1]:
            if not cur_line:
                cur_line.append(reversed_chunks.pop())
            return None
        return super()._handle_long_word(reversed_chunks, cur_line, cur_len, width)


def wrap_keeping_links(text: str, **options: object) -> list[str]:
    return _LinkKeepingWrapper(**options).wrap(text)  # type: ignore[arg-type]


class PlainWriter:
    def __init__(self, out: Output) -> None:
        self.out = out

    def para(self, text: str, indent: str = "", hanging: str | None = None) -> None:
        lines = wrap_keeping_links(
            clean(text),
            width=self.out.width,
            initial_indent=indent,
            subsequent_indent=indent if hanging is None else hanging,
            break_on_hyphens=False,
        )
        for line in lines or [indent.rstrip()]:
            self.out.text(line)

    def bullet(self, text: str, indent: str = "  ") -> None:
        mark = f"{indent}{self.out.bullet} "
        self.para(text, mark, " " * len(mark))

    def heading(self, text: str) -> None:
        self.para(text.upper())

    def blank(self) -> None:
        self.out.text()


def render_emergency(out: Output, emergency: dict[str, Any], numbers: dict[str, int] | None = None) -> None:
    w = PlainWriter(out)
    w.heading(f"!! {emergency['heading']}")
    instruction = emergency["instruction"]
    w.para(instruction["text"] + markers(instruction["sources"], numbers))
    for contact in emergency["contacts"]:
        w.para(f"{contact['label']} ({contact['region']}): {contact['number']}", "  ", "    ")
    w.para("Signs:")
    for sign in emergency["signs"]:
        w.bullet(sign["text"] + markers(sign["sources"], numbers))
    w.blank()


def render_topic(out: Output, view: dict[str, Any], *, show_sources: bool, disclaimer: str = "") -> None:
    numbers = source_numbers(view, show_sources)
    w = PlainWriter(out)
    if view["emergency"]:
        render_emergency(out, view["emergency"], numbers)
    elif view.get("emergency_reminder"):
        reminder = view["emergency_reminder"]
        w.para("!! " + reminder["text"] + markers(reminder["sources"], numbers))
        w.blank()
    w.heading(view["title"])
    w.para(f"In short: {view['summary']}" + markers(view["summary_sources"], numbers))
    render_actions(w, view.get("actions", []), numbers)
    render_sections(w, view, numbers)
    if show_sources:
        w.blank()
        render_source_list(out, view["sources"])
    if disclaimer:
        w.blank()
        w.para(disclaimer)


def render_actions(w: PlainWriter, actions: list[dict[str, Any]], numbers: dict[str, int] | None) -> None:
    """The numbered "What to do" steps, right after the summary."""
    if not actions:
        return
    w.blank()
    w.para("What to do:")
    for n, action in enumerate(actions, 1):
        mark = f"  {n}. "
        w.para(action["text"] + markers(action["sources"], numbers), mark, " " * len(mark))


def render_sections(w: PlainWriter, view: dict[str, Any], numbers: dict[str, int] | None) -> None:
    """A topic's sections (warnings and emergencies labelled in words) and its talk-to-your-doctor line."""
    for section in view["sections"]:
        w.blank()
        label = KIND_LABELS.get(section["kind"])
        w.para(f"{label}: {section['heading']}" if label else section["heading"])
        for point in section["points"]:
            w.bullet(point["text"] + markers(point["sources"], numbers))
    if view["talk_to_doctor"]:
        w.blank()
        talk = view["talk_to_doctor"]
        w.para("Talk to your doctor or pharmacist: " + talk["text"] + markers(talk["sources"], numbers))


def render_source_list(out: Output, sources: list[dict[str, str]], numbered: bool = True) -> None:
    w = PlainWriter(out)
    out.text("Sources")
    for n, source in enumerate(sources, 1):
        label = f"[{n}]" if numbered else f"{source['id']}:"
        w.para(f"{label} {source['title']}. {source['publisher']}. {source['url']}", "  ", "      ")


def render_topics_list(out: Output, topics: list[dict[str, str]], command: str) -> None:
    w = PlainWriter(out)
    width = max(len(t["id"]) for t in topics)
    for topic in topics:
        # On a narrow terminal a long id would leave no room: wrap titles under a short indent.
        w.para(f"{topic['id']:<{width}}  {topic['title']}", "", " " * min(width + 2, max(4, out.width // 2)))
    w.blank()
    w.para(f"Read one with: {command} TOPIC (for example: {command} {topics[0]['id']})")
