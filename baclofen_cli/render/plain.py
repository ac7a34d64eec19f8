"""Plain text for pipes, NO_COLOR and dumb terminals: no escape codes, wrapped to the width."""

from __future__ import annotations

import textwrap
from typing import Any

from baclofen_cli.core.output import Output, clean
from baclofen_cli.lang import phrase

# The section kinds labelled in words (from the language pack), never by colour or position alone.
LABELLED_KINDS = ("warning", "emergency")


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

    def _handle_long_word(self, reversed_chunks: list[str], cur_line: list[str], cur_len: int,
                          width: int) -> None:
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


def render_emergency(out: Output, emergency: dict[str, Any], numbers: dict[str, int] | None = None, *,
                     instruction: bool = True, labels: dict[str, str] | None = None) -> None:
    """The emergency box; `instruction=False` when its first line was already printed above the topic."""
    w = PlainWriter(out)
    labels = labels or {}
    if instruction:
        render_emergency_line(w, emergency, numbers)
        for contact in emergency["contacts"]:
            w.para(f"{contact['label']} ({contact['region']}): {contact['number']}", "  ", "    ")
    else:
        w.heading(f"!! {emergency['heading']}")
    w.para(f"{labels.get('signs') or phrase('signs')}:")
    for sign in emergency["signs"]:
        w.bullet(sign["text"] + markers(sign["sources"], numbers))
    if instruction:
        w.blank()


def render_emergency_line(w: PlainWriter, emergency: dict[str, Any], numbers: dict[str, int] | None) -> None:
    """"!! GET HELP NOW: call ... now." - the instruction and every number, first on an emergency topic."""
    w.para(emergency_line_text(emergency, numbers))


def emergency_line_text(emergency: dict[str, Any], numbers: dict[str, int] | None) -> str:
    """The heading, the instruction, then each number the instruction does not already give."""
    instruction = emergency["instruction"]
    extra = [f"{c['label']} ({c['region']}): {c['number']}." for c in emergency["contacts"]
             if c["number"] not in instruction["text"]]
    return " ".join([f"!! {emergency['heading'].upper()}: " + instruction["text"]
                     + markers(instruction["sources"], numbers), *extra])


def render_topic(out: Output, view: dict[str, Any], *, show_sources: bool, disclaimer: str = "",
                 notices: bool = True) -> None:
    """Bottom line first: title, summary, the numbered steps, then the emergency box and the sections.

    An emergency topic opens with the emergency instruction and its numbers (one line); other topics
    with the one-line reminder. `notices=False` leaves out the reminder and the disclaimer, for a
    screen that already shows them once (the guide).
    """
    numbers = source_numbers(view, show_sources)
    labels = view.get("labels") or {}
    w = PlainWriter(out)
    if view["emergency"]:
        render_emergency_line(w, view["emergency"], numbers)
        w.blank()
    elif notices and view.get("emergency_reminder"):
        reminder = view["emergency_reminder"]
        w.para("!! " + reminder["text"] + markers(reminder["sources"], numbers))
        w.blank()
    w.heading(view["title"])
    in_short = labels.get("in_short") or phrase("in_short")
    w.para(f"{in_short}: {view['summary']}" + markers(view["summary_sources"], numbers))
    render_actions(w, view.get("actions", []), numbers, labels.get("what_to_do") or phrase("what_to_do"))
    if view.get("decision_chart"):
        render_decision_chart(w, view["decision_chart"], numbers)
    if view.get("triage_chart"):
        render_triage_chart(w, view["triage_chart"], numbers)
    if view["emergency"] and not _has_emergency_section(view):
        w.blank()
        render_emergency(out, view["emergency"], numbers, instruction=False, labels=labels)
    render_sections(w, view, numbers)
    if show_sources:
        w.blank()
        render_source_list(out, view["sources"])
    if disclaimer and notices:
        w.blank()
        w.para(disclaimer)


def _has_emergency_section(view: dict[str, Any]) -> bool:
    """A topic with its own emergency section lists the signs that matter to it: no second, generic box."""
    return any(section["kind"] == "emergency" for section in view["sections"])


def render_actions(w: PlainWriter, actions: list[dict[str, Any]], numbers: dict[str, int] | None,
                   heading: str | None = None) -> None:
    """The numbered "What to do" steps, right after the summary."""
    if not actions:
        return
    w.blank()
    w.para(f"{heading or phrase('what_to_do')}:")
    for n, action in enumerate(actions, 1):
        mark = f"  {n}. "
        w.para(action["text"] + markers(action["sources"], numbers), mark, " " * len(mark))


def render_decision_chart(w: PlainWriter, chart: dict[str, Any], numbers: dict[str, int] | None) -> None:
    """The handout's decision chart as a short text flow: question, yes -> ..., no -> ..., always."""
    words = chart["words"]
    w.blank()
    w.para(chart["caption"] + markers(chart["sources"], numbers))
    if words.get("question"):
        w.para(words["question"], "  ")
    for answer, action in (("yes", "yes_action"), ("no", "no_action")):
        if words.get(action):
            mark = f"    {words.get(answer) or phrase(answer)} -> "
            w.para(words[action], mark, " " * len(mark))
    if words.get("always"):
        w.para(words["always"], "  ")


TRIAGE_LEVELS = ("red", "amber", "green")


def render_triage_chart(w: PlainWriter, chart: dict[str, Any], numbers: dict[str, int] | None) -> None:
    """The red/amber/green chart as three lines, each led by its own words (never colour alone)."""
    words = chart["words"]
    w.blank()
    w.para(chart["caption"] + markers(chart["sources"], numbers))
    for level in TRIAGE_LEVELS:
        if words.get(level):
            w.para(f"{words[level]}: {words.get(f'{level}_text', '')}", "  ", "    ")


def render_sections(w: PlainWriter, view: dict[str, Any], numbers: dict[str, int] | None) -> None:
    """A topic's sections (warnings and emergencies labelled in words) and its talk-to-your-doctor line."""
    labels = view.get("labels") or {}
    for section in view["sections"]:
        w.blank()
        label = None
        if section["kind"] in LABELLED_KINDS:
            label = (labels.get(section["kind"]) or phrase(section["kind"])).upper()
        w.para(f"{label}: {section['heading']}" if label else section["heading"])
        for point in section["points"]:
            w.bullet(point["text"] + markers(point["sources"], numbers))
    if view["talk_to_doctor"]:
        w.blank()
        talk = view["talk_to_doctor"]
        heading = labels.get("talk_to_doctor") or phrase("talk_to_doctor")
        w.para(f"{heading}: " + talk["text"] + markers(talk["sources"], numbers))


def render_source_list(out: Output, sources: list[dict[str, str]], numbered: bool = True,
                       heading: str | None = None) -> None:
    """Each source in plain words (title, publisher, year), its address on the next line."""
    from baclofen_cli.core.citations import plain_label

    w = PlainWriter(out)
    out.text(heading or phrase("sources"))
    for n, source in enumerate(sources, 1):
        label = f"[{n}]" if numbered else f"{source['id']}:"
        # A hanging indent, never more than a third of the width (long ids on a narrow terminal).
        indent = " " * min(len(label) + 3, max(out.width // 3, 4))
        w.para(f"{label} {plain_label(source)}", "  ", indent)
        # An address is never wrapped: a broken URL cannot be clicked or copied.
        out.text(indent + clean(source["url"]))


def render_topics_list(out: Output, topics: list[dict[str, str]], command: str) -> None:
    w = PlainWriter(out)
    width = max(len(t["id"]) for t in topics)
    for topic in topics:
        # On a narrow terminal a long id would leave no room: wrap titles under a short indent.
        w.para(f"{topic['id']:<{width}}  {topic['title']}", "", " " * min(width + 2, max(4, out.width // 2)))
    w.blank()
    w.para(phrase("read_one_with", usage=f"{command} TOPIC", example=f"{command} {topics[0]['id']}"))
