"""Draw an `ask` answer: plain text for pipes, Rich on a colour terminal (imported only then).

The view comes from `baclofen_cli.features.ask.answer.display_view`. In order: the file's notices (crisis
help, the vet line, "this guide is about baclofen"), the emergency box when the question
describes an emergency (or the signs, without the alarm, when it only asks about one), then
the answer. Warning and emergency sections keep their label in words, as in the topics.
"""

from __future__ import annotations

from typing import Any

from baclofen_cli.output import Output, clean, show_input

KIND_LABELS = {"warning": "WARNING", "emergency": "EMERGENCY"}
CAUTION_HEADING = "If this is happening now"


def render_answer(out: Output, view: dict[str, Any]) -> None:
    if out.style == "rich":
        _render_rich(out, view)
    else:
        _render_plain(out, view)


def _corrections_line(view: dict[str, Any]) -> str:
    pairs = [f'"{show_input(typed, 30)}" as "{known}"' for typed, known in view["corrections"].items()]
    return "(I read " + ", ".join(pairs) + ".)" if pairs else ""


def _unread_line(view: dict[str, Any]) -> str:
    if not view.get("unread"):
        return ""
    return (f"(Only the first {view['read_chars']:,} characters were read; {view['unread']:,} more were not. "
            "Ask about the rest separately.)")


def _not_found_lines(view: dict[str, Any]) -> tuple[str, str]:
    query = show_input(view["query"])
    how = ("Type a topic name or number" if view.get("in_guide") else f"Read one with: {view['command']} TOPIC")
    return (
        f'Sorry, this guide has no answer for "{query}".',
        f"It covers these topics. {how}. For anything else, ask your doctor or pharmacist.",
    )


def _read_more(view: dict[str, Any], result: dict[str, Any]) -> tuple[str, str]:
    return ("Read the whole topic, type: " if view.get("in_guide") else "Read the whole topic: ", result["command"])


def _check_line(view: dict[str, Any], drug: dict[str, str]) -> tuple[str, str]:
    if view.get("in_guide"):
        return (f"To check {drug['name']} with this medicine, type: ", drug["command"])
    return (f"To check {drug['name']} with this medicine: ", drug["command"])


def _section_title(result: dict[str, Any]) -> str:
    label = KIND_LABELS.get(result.get("kind", ""))
    return f"{label}: {result['section']}" if label else result["section"]


def _render_plain(out: Output, view: dict[str, Any]) -> None:
    from baclofen_cli.render.plain import PlainWriter, render_emergency

    w = PlainWriter(out)
    for notice in view["notices"]:
        label = KIND_LABELS.get(notice["kind"])
        w.para(f"!! {label}: {notice['text']}" if label else notice["text"])
        if view["emergency"] or view["caution"] or view["results"] or view["topics"]:
            w.blank()
    if view["emergency"]:
        render_emergency(out, view["emergency"])
    elif view["caution"]:
        caution = view["caution"]
        w.para(f"{CAUTION_HEADING}: {caution['instruction']['text']}")
        for sign in caution["signs"]:
            w.bullet(sign["text"])
        w.blank()
    results = view["results"]
    for n, result in enumerate(results):
        if n:
            w.blank()
        if n == 0 or result["topic"] != results[n - 1]["topic"]:
            w.para(f"{'Best match' if n == 0 else 'Also'}: {result['title']}")
            if result["summary"]:
                w.para(f"In short: {result['summary']}")
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
    from rich.panel import Panel
    from rich.text import Text

    from baclofen_cli.render.terminal import PANEL_INSET, SECTION_STYLES, bullet_block, emergency_panel, wrapped

    console = out.console()
    for notice in view["notices"]:
        label = KIND_LABELS.get(notice["kind"])
        colour = SECTION_STYLES.get(notice["kind"], ("cyan", ""))[0]
        body = wrapped(notice["text"], out.width - PANEL_INSET)
        console.print(Panel(body, title=Text(label or "", style=f"bold {colour}"), title_align="left",
                            border_style=colour) if label else body)
    if view["emergency"]:
        console.print(emergency_panel(out, view["emergency"]))
    elif view["caution"]:
        caution = view["caution"]
        grid = bullet_block(out, [(s["text"], []) for s in caution["signs"]], None, out.width - PANEL_INSET)
        console.print(wrapped(f"{CAUTION_HEADING}: {caution['instruction']['text']}", out.width, style="bold red"))
        console.print(grid)
    results = view["results"]
    for n, result in enumerate(results):
        grid = bullet_block(out, [(point, []) for point in result["text"]], None, out.width - PANEL_INSET)
        if n == 0 or result["topic"] != results[n - 1]["topic"]:
            console.print(wrapped(f"{'Best match' if n == 0 else 'Also'}: {result['title']}", out.width, style="bold"))
            if result["summary"]:
                console.print(wrapped(f"In short: {result['summary']}", out.width))
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
