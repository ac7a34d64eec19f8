"""`baclofen interactions` on a colour terminal: a table of groups, one panel per name asked.

Imported only when the answer is drawn with Rich. Text from the knowledge file and from the
user goes in as `Text` after `clean()`, never as markup. Severity is a word on a coloured
badge, so colour is never the only signal.
"""

from __future__ import annotations

from typing import Any

from baclofen_cli.core.output import Output, clean
from baclofen_cli.features.interactions.plain import (
    heading_line,
    notice_label,
    numbering,
    severity_word,
    source_line,
    title_line,
    verdict_label,
)
from baclofen_cli.lang import phrase
from baclofen_cli.render.ansi import Group, Panel, Text, as_rich
from baclofen_cli.render.plain import markers as cite
from baclofen_cli.render.rich import SECTION_STYLES, _text, emergency_panel, wrapped

SEVERITY_STYLES = {
    "major": ("bold white on red", "red"),
    "moderate": ("bold black on yellow", "yellow"),
    "minor": ("bold black on cyan", "cyan"),
}
SEVERITY_STYLES_ORDER = {"major": 0, "moderate": 1, "minor": 2}


def _cited(text: str, ids: list[str], numbers: dict[str, int], style: str = "") -> Text:
    line = _text(text, style)
    line.append(cite(ids, numbers), style="dim")
    return line


def _badge(severity: str) -> Text:
    return Text(f" {severity_word(severity).upper()} ", style=SEVERITY_STYLES.get(severity, ("bold", ""))[0])


def _labelled(label: str, text: str, ids: list[str] | None = None, numbers: dict[str, int] | None = None) -> Text:
    line = Text(label, style="bold")
    line.append(clean(text))
    if ids and numbers:
        line.append(cite(ids, numbers), style="dim")
    return line


def render_sources(console: Any, sources: list[dict[str, str]], full: bool) -> None:
    console.print(_text(phrase("sources") if full else phrase("sources_add_addresses"), "bold"))
    for n, source in enumerate(sources, 1):
        console.print(wrapped(source_line(n, source, full), console.width, "", "    "), soft_wrap=True)


def render_answer(out: Output, view: dict[str, Any], *, show_sources: bool, disclaimer: str = "") -> None:
    console = out.console()
    numbers = numbering(view["sources"])
    emergency = view["emergency"]
    if emergency:
        parts = (emergency["note"], emergency["instruction"])
        lines = [_cited(s["text"], s["sources"], numbers, "bold") for s in parts if s]
        console.print(
            Panel(
                Group(*lines),
                title=_text(f"{phrase('emergency').upper()}: {emergency['heading']}", "bold white on red"),
                title_align="left",
                border_style="red",
            )
        )
    elif view["reminder"]:
        console.print(_cited(view["reminder"]["text"], view["reminder"]["sources"], numbers, "bold red"))
    # The combination first: one verdict at the highest severity asked, then numbered steps.
    verdict = view["verdict"]
    summary: list[Any] = []
    worst = verdict["severity"] if verdict else None
    if verdict:
        line = Text()
        line.append_text(_badge(worst) if worst else Text(f" {verdict_label(verdict)} ", style="bold black on yellow"))
        line.append(" ")
        line.append_text(_cited(verdict["text"], verdict["sources"], numbers, "bold"))
        summary.append(line)
    combined = view["combined"]
    if combined:
        colour = SECTION_STYLES["warning"][0]
        together = phrase("taken_together", drugs=", ".join(combined["drugs"]))
        line = Text(f"{phrase('warning')}: {together}: ", style=f"bold {colour}")
        line.append_text(_cited(combined["text"], combined["sources"], numbers))
        summary.append(line)
    if view["steps"]:
        summary += [Text(""), Text(phrase("what_to_do"), style="bold")]
        for n, step in enumerate(view["steps"], 1):
            number = Text(f"{n}. ", style="bold")
            number.append_text(_cited(step["text"], step["sources"], numbers))
            summary.append(number)
    if summary:
        border = SEVERITY_STYLES[worst][1] if worst else "yellow"
        console.print(Panel(Group(*summary), title=_text(title_line(view), "bold"), title_align="left",
                            border_style=border))
    for result in view["results"]:
        body: list[Any] = []
        if result["not_read_note"]:
            body.append(_text(result["not_read_note"], "bold yellow"))
        if result["notice"]:
            notice = result["notice"]
            body.append(_cited(notice["text"], notice["sources"], numbers))
            if result["suggestions"]:
                body.append(_text(phrase("did_you_mean", names=", ".join(result["suggestions"]))))
            title = _text(f"{notice_label(result, view['drug'])}: {result['query']}", "bold yellow")
            console.print(Panel(Group(*body), title=title, title_align="left", border_style="yellow"))
            continue
        worst = "minor"
        for item in result["items"]:
            body.append(_text(heading_line(item), "bold"))
            for group in item["groups"]:
                if SEVERITY_STYLES_ORDER[group["severity"]] < SEVERITY_STYLES_ORDER[worst]:
                    worst = group["severity"]
                badge = Text()
                badge.append_text(_badge(group["severity"]))
                badge.append(" ")
                badge.append(clean(group["name"]), style="bold")
                body += [
                    Text(""),
                    badge,
                    _labelled(f"{phrase('what_happens')}: ", group["effect"]),
                    _labelled(f"{phrase('what_to_do')}: ", group["advice"], group["sources"], numbers),
                ]
            body.append(Text(""))
        if body and not body[-1].plain:
            body.pop()
        console.print(
            Panel(
                Group(*body),
                title=_text(result["query"], "bold"),
                title_align="left",
                border_style=SEVERITY_STYLES[worst][1],
            )
        )
    render_sources(console, view["sources"], show_sources)
    if disclaimer:
        console.print(_text(disclaimer, "dim italic"))



def render_listing(out: Output, view: dict[str, Any], sources: list[dict[str, str]], *, show_sources: bool,
                   disclaimer: str, command: str) -> None:
    from rich.table import Table  # only the listing is a real table; answers are wrapped lines

    console = out.console()
    numbers = numbering(sources)
    topic = view["topic"]
    if topic:
        if topic["emergency"]:
            console.print(emergency_panel(out, topic["emergency"], numbers))
        elif topic.get("emergency_reminder"):
            reminder = topic["emergency_reminder"]
            console.print(_cited(reminder["text"], reminder["sources"], numbers, "bold red"))
        console.print(_text(topic["title"], "bold underline"))
        summary = _cited(topic["summary"], topic["summary_sources"], numbers)
        console.print(Panel(summary, title=_text(phrase("in_short")), title_align="left", border_style="cyan"))
    table = Table(
        title=as_rich(_text(phrase("groups_most_serious_first"), "bold")),
        show_lines=True,
        expand=True,
        header_style="bold",
    )
    table.add_column(_text(phrase("group")), ratio=3, overflow="fold")
    table.add_column(_text(phrase("what_happens")), ratio=4, overflow="fold")
    table.add_column(_text(phrase("what_to_do")), ratio=4, overflow="fold")
    for group in view["groups"]:
        name = Text()
        name.append_text(_badge(group["severity"]))
        name.append("\n")
        name.append(clean(group["name"]), style="bold")
        name.append("\n")
        name.append(clean(phrase("for_example", examples="; ".join(group["examples"]))), style="dim")
        table.add_row(name, _text(group["effect"]), _cited(group["advice"], group["sources"], numbers))
    console.print(table)
    if topic:
        for section in topic["sections"]:
            style = SECTION_STYLES.get(section["kind"])
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")
            for point in section["points"]:
                grid.add_row(out.bullet, _cited(point["text"], point["sources"], numbers))
            if style:
                colour, label = style[0], phrase(section["kind"])
                label = label.upper() if section["kind"] == "emergency" else label
                title = _text(f"{label}: {section['heading']}", f"bold {colour}")
                console.print(Panel(grid, title=title, title_align="left", border_style=colour))
            else:
                console.print(_text(section["heading"], "bold"))
                console.print(grid)
                console.print()
        if topic["talk_to_doctor"]:
            talk = topic["talk_to_doctor"]
            console.print(
                Panel(_cited(talk["text"], talk["sources"], numbers), title=_text(phrase("talk_to_doctor")),
                      title_align="left", border_style="green")
            )
    usage = f"{clean(command)} interactions NAME [NAME...]"
    before, _, after = phrase("check_by_name", usage="\0").partition("\0")
    hint = Text(before)
    hint.append(usage, style="bold")
    hint.append(after)
    console.print(hint)
    render_sources(console, sources, show_sources)
    if disclaimer:
        console.print(_text(disclaimer, "dim italic"))
