"""`baclofen interactions` as plain text (pipes, NO_COLOR, dumb terminals): no Rich, no escape codes.

Severity is always a word (MAJOR, MODERATE, MINOR), never colour alone. Sources are always
cited with numbers and listed at the end; `--sources` adds each one's address.
"""

from __future__ import annotations

from typing import Any

from baclofen_cli.core.output import Output
from baclofen_cli.lang import join_names, phrase
from baclofen_cli.render.plain import PlainWriter, render_emergency, render_sections
from baclofen_cli.render.plain import markers as cite


def numbering(sources: list[dict[str, str]]) -> dict[str, int]:
    return {s["id"]: n for n, s in enumerate(sources, 1)}


def source_line(n: int, source: dict[str, str], full: bool) -> str:
    text = f"[{n}] {source['title']}. {source['publisher']}."
    return f"{text} {source['url']}" if full else text


def render_sources(out: Output, sources: list[dict[str, str]], full: bool) -> None:
    w = PlainWriter(out)
    w.para(phrase("sources") if full else phrase("sources_add_addresses"))
    for n, source in enumerate(sources, 1):
        w.para(source_line(n, source, full), "  ", "      ")


SEVERITIES = ("major", "moderate", "minor")


def severity_word(severity: str) -> str:
    """"major" -> the pack's word for it ("Major"); the renderers upper-case it."""
    return phrase(f"severity_{severity}") if severity in SEVERITIES else severity


def title_line(view: dict[str, Any]) -> str:
    return phrase("checking_with", names=join_names(view["title_names"]), drug=view["drug"])


def verdict_label(verdict: dict[str, Any]) -> str:
    severity = verdict["severity"] or ""
    return (severity_word(severity) if severity in SEVERITIES else phrase("not_in_guide")).upper()


def notice_label(result: dict[str, Any], drug: str) -> str:
    """"Not in this guide" (a name it does not know), or "This is baclofen itself" (the file's own drug)."""
    return phrase("not_in_guide") if result["notice_kind"] == "unknown" else phrase("this_is_the_drug", drug=drug)


def render_answer(out: Output, view: dict[str, Any], *, show_sources: bool, disclaimer: str = "") -> None:
    """Emergency first (a major match), then the verdict for everything asked together, the
    numbered steps, and only then the detail for each name."""
    w = PlainWriter(out)
    numbers = numbering(view["sources"])
    emergency = view["emergency"]
    if emergency:
        w.heading(f"!! {emergency['heading']}")
        for statement in (emergency["note"], emergency["instruction"]):
            if statement:
                w.para(statement["text"] + cite(statement["sources"], numbers))
        w.blank()
    elif view["reminder"]:
        w.para("!! " + view["reminder"]["text"] + cite(view["reminder"]["sources"], numbers))
        w.blank()
    w.heading(title_line(view))
    verdict = view["verdict"]
    if verdict:
        w.para(f"{verdict_label(verdict)}: {verdict['text']}" + cite(verdict["sources"], numbers))
    combined = view["combined"]
    if combined:
        w.para(f"{phrase('warning').upper()}: {phrase('taken_together', drugs=', '.join(combined['drugs']))}: "
               f"{combined['text']}"
               + cite(combined["sources"], numbers))
    if view["steps"]:
        w.blank()
        w.para(phrase("what_to_do"))
        for n, step in enumerate(view["steps"], 1):
            w.para(f"{n}. {step['text']}" + cite(step["sources"], numbers), "  ", "     ")
    w.blank()
    for result in view["results"]:
        w.para(result["query"].upper())
        if result["not_read_note"]:
            w.para(result["not_read_note"], "  ", "  ")
        if result["notice"]:
            w.para(f"{notice_label(result, view['drug'])}: {result['query']}")
            notice = result["notice"]
            w.para(notice["text"] + cite(notice["sources"], numbers), "  ", "  ")
            if result["suggestions"]:
                w.para(phrase("did_you_mean", names=", ".join(result["suggestions"])), "  ", "  ")
        for item in result["items"]:
            w.para(heading_line(item))
            for group in item["groups"]:
                w.para(f"{severity_word(group['severity']).upper()}: {group['name']}", "  ", "    ")
                w.para(f"{phrase('what_happens')}: " + group["effect"], "    ", "      ")
                w.para(f"{phrase('what_to_do')}: " + group["advice"] + cite(group["sources"], numbers), "    ",
                       "      ")
        w.blank()
    render_sources(out, view["sources"], show_sources)
    if disclaimer:
        w.blank()
        w.para(disclaimer)


def heading_line(item: dict[str, Any]) -> str:
    name = item["matched"]
    if item.get("region"):
        name = f"{name} ({item['region']})"
    if item["closest_to"]:
        name = f"{name} ({phrase('closest_match', name=item['closest_to'])})"
    return f"{name}: {item['description']}"


def render_listing(out: Output, view: dict[str, Any], sources: list[dict[str, str]], *, show_sources: bool,
                   disclaimer: str, command: str) -> None:
    w = PlainWriter(out)
    numbers = numbering(sources)
    topic = view["topic"]
    if topic:
        if topic["emergency"]:
            render_emergency(out, topic["emergency"], numbers)
        elif topic.get("emergency_reminder"):
            reminder = topic["emergency_reminder"]
            w.para("!! " + reminder["text"] + cite(reminder["sources"], numbers))
        w.heading(topic["title"])
        w.para(f"{phrase('in_short')}: {topic['summary']}" + cite(topic["summary_sources"], numbers))
        w.blank()
    w.para(phrase("groups_most_serious_first"))
    for group in view["groups"]:
        w.blank()
        w.para(f"{severity_word(group['severity']).upper()}: {group['name']}", "", "  ")
        w.para(f"{phrase('examples')}: " + "; ".join(group["examples"]), "  ", "    ")
        w.para(f"{phrase('what_happens')}: " + group["effect"], "  ", "    ")
        w.para(f"{phrase('what_to_do')}: " + group["advice"] + cite(group["sources"], numbers), "  ", "    ")
    if topic:
        render_sections(w, topic, numbers)
    w.blank()
    w.para(phrase("check_by_name", usage=f"{command} interactions NAME [NAME...]"))
    w.blank()
    render_sources(out, sources, show_sources)
    if disclaimer:
        w.blank()
        w.para(disclaimer)
