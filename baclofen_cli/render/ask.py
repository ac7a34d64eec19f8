"""Draw an `ask` answer: plain text for pipes, Rich on a colour terminal (imported only then).

The view comes from `baclofen_cli.ask.display_view`. The emergency box, when the question
describes an emergency, is drawn first, above any answer.
"""

from __future__ import annotations

from typing import Any

from baclofen_cli.output import Output, clean, show_input


def render_answer(out: Output, view: dict[str, Any]) -> None:
    if out.style == "rich":
        _render_rich(out, view)
    else:
        _render_plain(out, view)


def _corrections_line(view: dict[str, Any]) -> str:
    pairs = [f'"{show_input(typed, 30)}" as "{known}"' for typed, known in view["corrections"].items()]
    return "(I read " + ", ".join(pairs) + ".)" if pairs else ""


def _not_found_lines(view: dict[str, Any]) -> tuple[str, str]:
    query = show_input(view["query"])
    return (
        f'Sorry, this guide has no answer for "{query}".',
        f"It covers these topics. Read one with: {view['command']} TOPIC. "
        "For anything else, ask your doctor or pharmacist.",
    )


def _render_plain(out: Output, view: dict[str, Any]) -> None:
    from baclofen_cli.render.plain import PlainWriter, render_emergency

    w = PlainWriter(out)
    if view["emergency"]:
        render_emergency(out, view["emergency"])
    results = view["results"]
    for n, result in enumerate(results):
        if n:
            w.blank()
        if n == 0 or result["topic"] != results[n - 1]["topic"]:
            w.para(f"{'Best match' if n == 0 else 'Also'}: {result['title']}")
            if result["summary"]:
                w.para(f"In short: {result['summary']}")
                w.blank()
        w.para(result["section"])
        for point in result["text"]:
            w.bullet(point)
        if n + 1 == len(results) or results[n + 1]["topic"] != result["topic"]:
            w.para(f"Read the whole topic: {result['command']}")
    if not view["results"]:
        sorry, covers = _not_found_lines(view)
        w.para(sorry)
        w.para(covers)
        width = max(len(t["id"]) for t in view["topics"])
        for topic in view["topics"]:
            # On a narrow terminal a long id would leave no room: wrap titles under a short indent.
            w.para(f"  {topic['id']:<{width}}  {topic['title']}", "", " " * min(width + 4, max(4, out.width // 2)))
    for drug in view["drugs"]:
        w.blank()
        w.para(f"To check {drug['name']} with this medicine: {drug['command']}")
    line = _corrections_line(view)
    if line:
        w.blank()
        w.para(line)
    w.blank()
    w.para(view["disclaimer"])


def _render_rich(out: Output, view: dict[str, Any]) -> None:
    from rich.panel import Panel
    from rich.text import Text

    from baclofen_cli.render.terminal import PANEL_INSET, bullet_block, emergency_panel, wrapped

    console = out.console()
    if view["emergency"]:
        console.print(emergency_panel(out, view["emergency"]))
    results = view["results"]
    for n, result in enumerate(results):
        grid = bullet_block(out, [(point, []) for point in result["text"]], None, out.width - PANEL_INSET)
        if n == 0 or result["topic"] != results[n - 1]["topic"]:
            console.print(wrapped(f"{'Best match' if n == 0 else 'Also'}: {result['title']}", out.width, style="bold"))
            if result["summary"]:
                console.print(wrapped(f"In short: {result['summary']}", out.width))
        title = Text(clean(result["section"]), style="bold")
        hint = Text("Read the whole topic: ", style="dim")
        hint.append(clean(result["command"]), style="bold")
        console.print(Panel(grid, title=title, title_align="left", border_style="cyan" if n == 0 else "blue"))
        if n + 1 == len(results) or results[n + 1]["topic"] != result["topic"]:
            console.print(hint)
    if not view["results"]:
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
        line = Text(clean(f"To check {drug['name']} with this medicine: "))
        line.append(clean(drug["command"]), style="bold")
        console.print(line)
    corrections = _corrections_line(view)
    if corrections:
        console.print(Text(corrections, style="dim"))
    console.print(Text(clean(view["disclaimer"]), style="dim italic"))
