"""The handout as one self-contained HTML page (print it, or open it in a browser)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from baclofen_cli.features.handout.layout import contact_text, layout, one_line, safe_url
from baclofen_cli.features.handout.pictures import picture_svg

if TYPE_CHECKING:
    from baclofen_cli.features.handout.contract import HandoutJSON

# handout.css: black on white, 12pt and up in print, warnings and emergencies marked with words and
# borders (never colour alone). No size is forced in @page, so A4 and US Letter both fit, and no
# page break is forced: the short handout fits 2 pages, the booklet flows on.
# card.css: a folded wallet card, two card-size halves (85.6 x 54 mm each) side by side, cut out and folded.


def _stylesheet(name: str) -> str:
    return (Path(__file__).parent / name).read_text(encoding="utf-8")


def render_html(view: HandoutJSON, generator: str = "", *, cite: bool = False) -> str:
    import html

    def e(text: str) -> str:
        return html.escape(one_line(text), quote=True)

    def refs(numbers: list[int]) -> str:
        if not cite or not numbers:
            return ""
        links = ", ".join(f'<a href="#ref-{n}">{n}</a>' for n in numbers)
        return f' <span class="cite">[{links}]</span>'

    def item(entry: dict[str, Any]) -> str:
        return e(entry["text"]) + refs(entry["refs"])

    figures = iter(range(1, 1000))

    def draw(block: dict[str, Any], level: int = 2) -> str:
        t = block["t"]
        h = f"h{min(level, 6)}"
        if t == "h1":
            return f"<h1>{e(block['text'])}</h1>"
        if t == "p":
            text = item(block)
            if block.get("strong"):
                text = f"<strong>{text}</strong>"
            if block.get("label"):
                text = f'<strong class="label">{e(block["label"])}</strong> {text}'
            css = f' class="{block["class"]}"' if block.get("class") else ""
            return f"<p{css}>{text}</p>"
        if t in ("ul", "ol"):
            return f"<{t}>" + "".join(f"<li>{item(entry)}</li>" for entry in block["items"]) + f"</{t}>"
        if t == "steps":
            steps = "".join(f"<li>{item(entry)}</li>" for entry in block["items"])
            return f'<div class="steps"><{h}>{e(block["heading"])}</{h}><ol>{steps}</ol></div>'
        if t == "contacts":
            numbers = "".join(f'<li>{e(label)}: <span class="numbers">{e(number)}</span></li>'
                              for label, number in map(contact_text, block["contacts"]))
            return f'<p><span class="label">{e(block["label"])}:</span></p><ul class="contacts">{numbers}</ul>'
        if t == "box":
            drawn: list[str] = []
            for child in block["children"]:
                if block["kind"] == "emergency" and child["t"] == "ul":
                    drawn.append(draw(child).replace("<ul>", '<ul class="signs">', 1))
                else:
                    drawn.append(draw(child, level + 1))
            heading = e(block["heading"])
            if block["kind"] == "emergency":
                word, _, rest = block["heading"].partition(":")
                heading = f'<span class="label">{e(word)}:</span> {e(rest)}' if rest else heading
            return (f'<section class="box {block["kind"]}" aria-labelledby="{block["id"]}">'
                    f'<h2 id="{block["id"]}">{heading}</h2>{"".join(drawn)}</section>')
        if t in ("topic", "tool", "about"):
            tag = "article" if t == "topic" else "section"
            inner = "".join(draw(child, level + 1) for child in block["children"])
            return (f'<{tag} class="{t}" id="{e(block["id"])}" aria-labelledby="{e(block["id"])}-h">'
                    f'<h2 id="{e(block["id"])}-h">{e(block["heading"])}</h2>{inner}</{tag}>')
        if t == "section":
            heading = e(block["heading"])
            if block["label"]:
                heading = f'<span class="label">{e(block["label"])}:</span> {heading}'
            inner = "".join(draw(child, level + 1) for child in block["children"])
            return f'<section class="kind-{block["kind"]}"><{h}>{heading}</{h}>{inner}</section>'
        if t == "toc":
            entries = "".join(f'<li><a href="#topic-{e(topic_id)}">{e(title)}</a></li>'
                              for topic_id, title in block["topics"])
            return (f'<nav class="contents" aria-labelledby="contents"><h2 id="contents">{e(block["heading"])}</h2>'
                    f"<ol>{entries}</ol></nav>")
        if t == "fields":
            cells = []
            for field in block["fields"]:
                hint = f' <span class="hint">({e(field["hint"])})</span>' if field.get("hint") else ""
                lines = '<span class="line"></span>' * max(field.get("lines", 1), 1)
                wide = " wide" if field.get("lines", 1) > 1 else ""
                cells.append(f'<div class="field{wide}"><strong>{e(field["label"])}</strong>{hint}{lines}</div>')
            return f'<div class="fields">{"".join(cells)}</div>'
        if t == "table":
            head = "".join(f'<th scope="col">{e(c)}</th>' for c in block["columns"])
            empty = "<tr>" + "<td></td>" * len(block["columns"]) + "</tr>"
            return f'<table class="fill"><thead><tr>{head}</tr></thead><tbody>{empty * block["rows"]}</tbody></table>'
        if t == "picture":
            picture = block["picture"]
            n = next(figures)
            svg = picture_svg(picture, f"picture-{n}", block["labels"])
            return f'<figure>{svg}<figcaption>{e(picture["caption"])}{refs(picture["refs"])}</figcaption></figure>'
        if t == "refs":
            listed: list[str] = []
            for r in block["items"]:
                href = html.escape(safe_url(r["url"]), quote=True)
                # The short leaflet names each source in plain words (a link on screen); the booklet
                # also prints the address.
                shown = (f'<a href="{href}">{e(r["label"])}</a>' if block.get("compact")
                         else f'{e(r["label"])} <a class="url" href="{href}">{e(r["url"])}</a>')
                listed.append(f'<li id="ref-{r["number"]}" value="{r["number"]}">{shown}</li>')
            css = "references compact" if block.get("compact") else "references"
            return (f'<section class="{css}" aria-labelledby="{block["id"]}">'
                    f'<h2 id="{block["id"]}">{e(block["heading"])}</h2><ol>{"".join(listed)}</ol></section>')
        if t == "card":
            front = "".join(draw(child) for child in block["front"])
            back = "".join(draw(child) for child in block["back"])
            return f'<div class="card"><div>{front}</div><div>{back}</div></div>'
        raise ValueError(f"unknown block {t!r}")

    css = _stylesheet("handout.css") + (_stylesheet("card.css") if view["layout"] == "card" else "")
    parts: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{e(view["language"])}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may load or run, even if a file's text slipped past escaping.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
    ]
    if generator:
        parts.append(f'<meta name="generator" content="{e(generator)}">')
    parts += [f"<title>{e(view['title'])}</title>", f"<style>{css}</style>", "</head>", "<body>", "<main>"]
    parts += [draw(block) for block in layout(view)]
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
