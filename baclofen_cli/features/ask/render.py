"""Draw an `ask` answer: plain text for pipes, Rich on a colour terminal (imported only then).

The view comes from `baclofen_cli.features.ask.view.display_view`. In order: the file's notices (crisis
help, the vet line, "this guide is about baclofen"), the emergency box when the question
describes an emergency (or the signs, without the alarm, when it only asks about one), then
the answer. Warning and emergency sections keep their label in words, as in the topics.
"""

from __future__ import annotations

from typing import Any

from baclofen_cli.core.output import Output, clean, show_input
from baclofen_cli.lang import phrase

# The section kinds labelled in words (the language pack's, upper-cased), as in the topics.
LABELLED_KINDS = ("warning", "emergency")


def _kind_label(kind: str) -> str | None:
    return phrase(kind).upper() if kind in LABELLED_KINDS else None


def render_answer(out: Output, view: dict[str, Any]) -> None:
    if out.style == "rich":
        _render_rich(out, view)
    else:
        _render_plain(out, view)


def _corrections_line(view: dict[str, Any]) -> str:
    pairs = [phrase("ask_read_as", typed=show_input(typed, 30), known=known)
             for typed, known in view["corrections"].items()]
    return phrase("ask_corrections", pairs=", ".join(pairs)) if pairs else ""


def _unread_line(view: dict[str, Any]) -> str:
    if not view.get("unread"):
        return ""
    return phrase("ask_unread", read=f"{view['read_chars']:,}", unread=f"{view['unread']:,}")


def _not_found_lines(view: dict[str, Any]) -> tuple[str, str]:
    query = show_input(view["query"])
    how = (phrase("ask_type_topic") if view.get("in_guide")
           else phrase("ask_read_one_with", usage=f"{view['command']} TOPIC"))
    return phrase("ask_no_answer", query=query), phrase("ask_covers_topics", how=how)


def _read_more(view: dict[str, Any], result: dict[str, Any]) -> tuple[str, str]:
    label = phrase("ask_read_topic_type") if view.get("in_guide") else phrase("ask_read_topic")
    return label + " ", result["command"]


def _check_line(view: dict[str, Any], drug: dict[str, str]) -> tuple[str, str]:
    key = "ask_check_medicine_type" if view.get("in_guide") else "ask_check_medicine"
    return phrase(key, drug=drug["name"]) + " ", drug["command"]


def _section_title(result: dict[str, Any]) -> str:
    label = _kind_label(result.get("kind", ""))
    return f"{label}: {result['section']}" if label else result["section"]


def _render_plain(out: Output, view: dict[str, Any]) -> None:
    from baclofen_cli.render.plain import PlainWriter, render_emergency

    w = PlainWriter(out)
    for notice in view["notices"]:
        label = _kind_label(notice["kind"])
        w.para(f"!! {label}: {notice['text']}" if label else notice["text"])
        if view["emergency"] or view["caution"] or view["results"] or view["topics"]:
            w.blank()
    if view["emergency"]:
        render_emergency(out, view["emergency"])
    elif view["caution"]:
        caution = view["caution"]
        w.para(f"{phrase('ask_if_happening_now')}: {caution['instruction']['text']}")
        for sign in caution["signs"]:
            w.bullet(sign["text"])
        w.blank()
    results = view["results"]
    for n, result in enumerate(results):
        if n:
            w.blank()
        if n == 0 or result["topic"] != results[n - 1]["topic"]:
            w.para(f"{phrase('ask_best_match') if n == 0 else phrase('ask_also')}: {result['title']}")
            if result["summary"]:
                w.para(f"{phrase('in_short')}: {result['summary']}")
                w.blank()
        w.para(_section_title(result))
        for point in result["text"]:
            w.bullet(point)
        if n + 1 == len(results) or results[n + 1]["topic"] != result["topic"]:
            w.para("".join(_read_more(view, result)))
    if view["topics"]:
        sorry, covers = _not_found_lines(view)
        w.para(sorry)
        w.para(covers)
        width = max(len(t["id"]) for t in view["topics"])
        for topic in view["topics"]:
            # On a narrow terminal a long id would leave no room: wrap titles under a short indent.
            w.para(f"  {topic['id']:<{width}}  {topic['title']}", "", " " * min(width + 4, max(4, out.width // 2)))
    for drug in view["drugs"]:
        w.blank()
        w.para("".join(_check_line(view, drug)))
    for line in (_unread_line(view), _corrections_line(view)):
        if line:
            w.blank()
            w.para(line)
    w.blank()
    w.para(view["disclaimer"])


def _render_rich(out: Output, view: dict[str, Any]) -> None:
    from baclofen_cli.render.ansi import Panel, Text
    from baclofen_cli.render.rich import PANEL_INSET, SECTION_STYLES, bullet_block, emergency_panel, wrapped

    console = out.console()
    for notice in view["notices"]:
        label = _kind_label(notice["kind"])
        colour = SECTION_STYLES.get(notice["kind"], ("cyan", ""))[0]
        body = wrapped(notice["text"], out.width - PANEL_INSET)
        console.print(Panel(body, title=Text(label or "", style=f"bold {colour}"), title_align="left",
                            border_style=colour) if label else body)
    if view["emergency"]:
        console.print(emergency_panel(out, view["emergency"]))
    elif view["caution"]:
        caution = view["caution"]
        grid = bullet_block(out, [(s["text"], []) for s in caution["signs"]], None, out.width - PANEL_INSET)
        console.print(wrapped(f"{phrase('ask_if_happening_now')}: {caution['instruction']['text']}", out.width,
                              style="bold red"))
        console.print(grid)
    results = view["results"]
    for n, result in enumerate(results):
        grid = bullet_block(out, [(point, []) for point in result["text"]], None, out.width - PANEL_INSET)
        if n == 0 or result["topic"] != results[n - 1]["topic"]:
            best = phrase("ask_best_match") if n == 0 else phrase("ask_also")
            console.print(wrapped(f"{best}: {result['title']}", out.width, style="bold"))
            if result["summary"]:
                console.print(wrapped(f"{phrase('in_short')}: {result['summary']}", out.width))
        style = SECTION_STYLES.get(result.get("kind", ""))
        colour = style[0] if style else ("cyan" if n == 0 else "blue")
        title = Text(clean(_section_title(result)), style=f"bold {style[0]}" if style else "bold")
        label, command = _read_more(view, result)
        hint = Text(label, style="dim")
        hint.append(clean(command), style="bold")
        console.print(Panel(grid, title=title, title_align="left", border_style=colour))
        if n + 1 == len(results) or results[n + 1]["topic"] != result["topic"]:
            console.print(hint)
    if view["topics"]:
        sorry, covers = _not_found_lines(view)
        console.print(Text(sorry, style="bold"))
        console.print(Text(covers))
        id_width = max((len(clean(t["id"])) for t in view["topics"]), default=0) + 2
        for topic in view["topics"]:
            # On a narrow terminal a long id would leave no room: wrap titles under a short indent.
            hanging = " " * min(id_width, max(4, out.width // 2))
            line = wrapped(clean(topic["id"]).ljust(id_width) + topic["title"], out.width, "", hanging)
            line.stylize("bold cyan", 0, len(clean(topic["id"])))
            console.print(line)
    for drug in view["drugs"]:
        label, command = _check_line(view, drug)
        line = Text(clean(label))
        line.append(clean(command), style="bold")
        console.print(line)
    for extra in (_unread_line(view), _corrections_line(view)):
        if extra:
            console.print(Text(extra, style="dim"))
    console.print(Text(clean(view["disclaimer"]), style="dim italic"))
