"""The handout as Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from baclofen_cli.features.handout.layout import chart_lines, contact_text, layout, one_line, safe_url

if TYPE_CHECKING:
    from baclofen_cli.features.handout.contract import HandoutJSON

_MD_SPECIAL = set("\\`*_[]<>&#|~!")


def _md(text: str) -> str:
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in one_line(text))


def render_markdown(view: HandoutJSON, *, cite: bool = False) -> str:
    def refs(numbers: list[int]) -> str:
        # Plain brackets: with no link definitions in the document, "[1, 2]" stays text.
        return f" [{', '.join(map(str, numbers))}]" if cite and numbers else ""

    def item(entry: dict[str, Any]) -> str:
        return _md(entry["text"]) + refs(entry["refs"])

    out: list[str] = []

    def draw(block: dict[str, Any], quote: str = "", level: int = 2) -> None:
        def add(*lines: str) -> None:
            out.extend(f"{quote}{line}".rstrip() if quote else line for line in lines)

        t = block["t"]
        if t == "h1":
            add(f"# {_md(block['text'])}", "")
        elif t == "p":
            text = item(block)
            if block.get("strong"):
                text = f"**{text}**"
            if block.get("label"):
                text = f"**{_md(block['label'])}** {text}"
            add(text, "")
        elif t in ("ul", "ol"):
            add(*[f"{f'{n}.' if t == 'ol' else '-'} {item(entry)}" for n, entry in enumerate(block["items"], 1)], "")
        elif t == "steps":
            add(f"**{_md(block['heading'])}:**", "")
            add(*[f"{n}. {item(entry)}" for n, entry in enumerate(block["items"], 1)], "")
        elif t == "contacts":
            add(f"{_md(block['label'])}:", "")
            add(*[f"- {_md(label)}: **{_md(number)}**" for label, number in map(contact_text, block["contacts"])], "")
        elif t == "box":
            if block["kind"] == "emergency":
                add(f"> **{_md(block['heading'])}**", ">")
                for child in block["children"]:
                    draw(child, quote + "> ")
                while out and out[-1] in (">", ""):
                    out.pop()
                add("")
            else:
                add(f"{'#' * level} {_md(block['heading'])}", "")
                for child in block["children"]:
                    draw(child, quote)
        elif t in ("topic", "tool", "about"):
            add(f"{'#' * level} {_md(block['heading'])}", "")
            for child in block["children"]:
                draw(child, quote, level + 1)
        elif t == "section":
            heading = f"{block['label']}: {block['heading']}" if block["label"] else block["heading"]
            add(f"{'#' * level} {_md(heading)}", "")
            for child in block["children"]:
                draw(child, quote)
        elif t == "toc":
            add(f"## {_md(block['heading'])}", "")
            add(*[f"{n}. {_md(title)}" for n, (_, title) in enumerate(block["topics"], 1)], "")
        elif t == "fields":
            for field in block["fields"]:
                hint = f" ({_md(field['hint'])})" if field.get("hint") else ""
                add(f"- **{_md(field['label'])}**{hint}: " + r"\_" * 30)
                add(*["  " + r"\_" * 40 for _ in range(max(field.get("lines", 1), 1) - 1)])
            add("")
        elif t == "table":
            add("| " + " | ".join(_md(c) for c in block["columns"]) + " |")
            add("|" + "---|" * len(block["columns"]))
            add(*["|" + "   |" * len(block["columns"]) for _ in range(block["rows"])], "")
        elif t == "picture":
            picture = block["picture"]
            add(f"*{_md(picture['caption'])}*{refs(picture['refs'])}", "")
            if picture["kind"] == "decision-chart":
                add(*[f"> {_md(line)}" for line in chart_lines(picture["words"], block["labels"])], "")
            else:
                add(f"> {_md(picture['alt'])}", "")
        elif t == "refs":
            add(f"## {_md(block['heading'])}", "")
            add(*[f"{ref['number']}. {_md(ref['label'])} <{safe_url(ref['url'])}>" for ref in block["items"]], "")
        elif t == "card":
            for child in block["front"]:
                draw(child)
            add("---", "")
            for child in block["back"]:
                draw(child)

    for block in layout(view):
        draw(block)
    return "\n".join(out).rstrip("\n") + "\n"
