"""The handout as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from baclofen_cli.features.handout.layout import chart_lines, contact_text, layout, one_line, safe_url

if TYPE_CHECKING:
    from baclofen_cli.features.handout.contract import HandoutJSON

TEXT_WIDTH = 72



def render_text(view: HandoutJSON, width: int = TEXT_WIDTH, *, cite: bool = False) -> str:
    import textwrap

    out: list[str] = []

    def refs(numbers: list[int]) -> str:
        return f" [{', '.join(map(str, numbers))}]" if cite and numbers else ""

    def para(text: str, indent: str = "", hanging: str | None = None) -> None:
        out.extend(
            textwrap.wrap(
                one_line(text),
                width=width,
                initial_indent=indent,
                subsequent_indent=indent if hanging is None else hanging,
                break_on_hyphens=False,
                break_long_words=True,
            )
            or [""]
        )

    heavy, light = "=" * width, "-" * width

    def draw(block: dict[str, Any], indent: str = "") -> None:
        t = block["t"]
        if t == "h1":
            para(block["text"].upper(), indent)
            out.append("")
        elif t == "p":
            text = one_line(block["text"]) + refs(block["refs"])
            if block.get("label"):
                text = f"{block['label']} {text}"
            para(text, indent)
            out.append("")
        elif t in ("ul", "ol"):
            for n, entry in enumerate(block["items"], 1):
                mark = f"{n}. " if t == "ol" else "- "
                hanging = f"{indent}  " + " " * len(mark)
                para(one_line(entry["text"]) + refs(entry["refs"]), f"{indent}  {mark}", hanging)
            out.append("")
        elif t == "steps":
            para(f"{block['heading']}:", indent)
            draw({"t": "ol", "items": block["items"]}, indent)
        elif t == "contacts":
            para(f"{block['label']}:", indent)
            for label, number in map(contact_text, block["contacts"]):
                para(f"{label}: {number}", f"{indent}  - ", f"{indent}    ")
            out.append("")
        elif t == "box":
            rule = heavy if block["kind"] == "emergency" else light
            out.append(rule)
            para(block["heading"].upper(), indent)
            out.extend([rule])
            for child in block["children"]:
                draw(child, indent)
            out.extend([rule, ""])
        elif t in ("topic", "tool", "about"):
            out.extend(["", light])
            para(block["heading"].upper(), indent)
            out.extend([light, ""])
            for child in block["children"]:
                draw(child, indent)
        elif t == "section":
            para(f"{block['label'].upper()}: {block['heading']}" if block["label"] else block["heading"], indent)
            for child in block["children"]:
                draw(child, indent)
        elif t == "toc":
            para(block["heading"].upper(), indent)
            for n, (_, title) in enumerate(block["topics"], 1):
                para(title, f"{indent}  {n}. ", f"{indent}      ")
            out.append("")
        elif t == "fields":
            for field in block["fields"]:
                hint = f" ({field['hint']})" if field.get("hint") else ""
                para(f"{field['label']}{hint}:", indent)
                out.extend([f"{indent}  " + "_" * (width - 2 - len(indent))] * max(field.get("lines", 1), 1))
            out.append("")
        elif t == "table":
            cell = max(8, (width - len(indent)) // max(len(block["columns"]), 1) - 1)
            out.append(indent + "|".join(textwrap.shorten(one_line(c), cell).ljust(cell) for c in block["columns"]))
            out.extend([indent + "|".join("_" * cell for _ in block["columns"])] * block["rows"])
            out.append("")
        elif t == "picture":
            picture = block["picture"]
            para(one_line(picture["caption"]) + refs(picture["refs"]), indent)
            if picture["kind"] == "decision-chart":
                for line in chart_lines(picture["words"], block["labels"]):
                    para(line, f"{indent}  ", f"{indent}    ")
            else:
                para(picture["alt"], f"{indent}  ")
            out.append("")
        elif t == "refs":
            para(block["heading"].upper(), indent)
            for ref in block["items"]:
                label = f"[{ref['number']}] "
                para(ref["label"], label, " " * len(label))
                out.append(" " * len(label) + safe_url(ref["url"]))
        elif t == "card":
            out.append("+" + "-" * (width - 2) + "+")
            for child in block["front"]:
                draw(child, "  ")
            out.append("+" + "- " * ((width - 2) // 2) + "+")
            for child in block["back"]:
                draw(child, "  ")
            out.append("+" + "-" * (width - 2) + "+")
            out.append("")

    for block in layout(view):
        draw(block)
    return "\n".join(line.rstrip() for line in out).rstrip("\n") + "\n"
