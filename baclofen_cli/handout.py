"""A printable handout: one structured view of the chosen topics, drawn as Markdown, plain text or HTML.

The handout is built from the knowledge model, never from terminal output, so the
terminal's width, colours or encoding never change it. Every piece of text from the
knowledge file is cleaned of control characters, and escaped for the format it goes
into (HTML entities, Markdown backslashes), so a clinic's file cannot inject markup.
"""

from __future__ import annotations

from typing import Any

from baclofen_cli.model import KnowledgeBase, Statement, Topic
from baclofen_cli.output import clean

TEXT_WIDTH = 72
KIND_LABELS = {"warning": "WARNING", "emergency": "EMERGENCY"}


def reading_order(kb: KnowledgeBase) -> list[Topic]:
    """The standard leaflet order (what it is, how to take it, ... storage), then any other topics in file order."""
    from baclofen_cli.actions import TOPIC_COMMANDS

    standard = [topic for topic_id in TOPIC_COMMANDS if (topic := kb.topic(topic_id)) is not None]
    return standard + [t for t in kb.topics if t.id not in TOPIC_COMMANDS]


def parse_topic_list(kb: KnowledgeBase, value: str | None) -> list[Topic]:
    """`--topics a,b,c`: those topics in the order given; none given means every topic in reading order.

    Raises ValueError with a message for the user when a name is not a topic of this file.
    """
    if value is None:
        return reading_order(kb)
    wanted = list(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    if not wanted:
        raise ValueError("no topic given: list topic ids separated by commas, e.g. --topics missed-dose,stopping")
    unknown = [topic_id for topic_id in wanted if kb.topic(topic_id) is None]
    if unknown:
        from difflib import get_close_matches

        from baclofen_cli.output import show_input

        known = [t.id for t in reading_order(kb)]
        parts = []
        for name in unknown:
            hint = get_close_matches(name, known, n=1)
            parts.append(repr(show_input(name, 40)) + (f" (did you mean {hint[0]!r}?)" if hint else ""))
        noun = "topic" if len(unknown) == 1 else "topics"
        raise ValueError(f"unknown {noun} {', '.join(parts)}. Topics in this file: {', '.join(known)}")
    return [t for topic_id in wanted if (t := kb.topic(topic_id)) is not None]


class _References:
    """Numbers sources in the order the handout first cites them."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.by_id = kb.source_map()
        self.numbers: dict[str, int] = {}

    def statement(self, statement: Statement) -> dict[str, Any]:
        refs = []
        for source_id in statement.sources:
            if source_id in self.by_id:
                refs.append(self.numbers.setdefault(source_id, len(self.numbers) + 1))
        return {"text": statement.text, "sources": list(statement.sources), "refs": sorted(set(refs))}

    def listing(self) -> list[dict[str, Any]]:
        return [
            {"number": n, "id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url}
            for source_id, n in self.numbers.items()
            for s in [self.by_id[source_id]]
        ]


def handout_view(kb: KnowledgeBase, topics: list[Topic]) -> dict[str, Any]:
    """The handout's structured content (the --json contract). Sections appear in this order on the page."""
    refs = _References(kb)
    drug = kb.drug
    emergency = kb.emergency
    emergency_view = {
        "heading": emergency.heading,
        "instruction": refs.statement(emergency.instruction),
        "contacts": [{"label": c.label, "number": c.number, "region": c.region} for c in emergency.contacts],
        "signs": [refs.statement(s) for s in emergency.signs],
    }
    # The line at the top of every topic's page: the file's own reminder, or the instruction
    # followed by the numbers. It is numbered where it is first read, on the first topic's page.
    topic_views = []
    for topic in topics:
        reminder = emergency.reminder
        topic_views.append(
            {
                "id": topic.id,
                "title": topic.title,
                "emergency_first": topic.emergency_first,
                "emergency_line": {
                    **refs.statement(reminder or emergency.instruction),
                    "contacts": reminder is None,
                },
                "summary": refs.statement(topic.summary),
                "sections": [
                    {
                        "heading": section.heading,
                        "kind": section.kind,
                        "tier": section.tier,
                        "points": [refs.statement(p) for p in section.points],
                    }
                    for section in topic.sections
                ],
                "talk_to_doctor": refs.statement(topic.talk_to_doctor) if topic.talk_to_doctor else None,
            }
        )
    disclaimer = refs.statement(kb.disclaimer)
    name = drug.name[:1].upper() + drug.name[1:]
    return {
        "title": f"{name}: a guide for patients and carers",
        "drug": drug.name,
        "drug_class": drug.drug_class,
        "reviewed": drug.reviewed,
        "language": drug.language,
        "emergency": emergency_view,
        "topics": topic_views,
        "disclaimer": disclaimer,
        "references": refs.listing(),
    }


# ----------------------------------------------------------------------------- shared helpers


def _text(text: str) -> str:
    """File text made safe for any format: no control characters, whitespace on one line."""
    return " ".join(clean(text).split())


def _contact(contact: dict[str, str]) -> tuple[str, str]:
    return f"{contact['label']}, {contact['region']}", contact["number"]


def _safe_url(url: str) -> str:
    """Percent-encode anything in a URL that could end a Markdown link or an HTML attribute."""
    from urllib.parse import quote

    return quote(_text(url), safe=":/?#[]@!$&'()*+,;=%~-._")


def _section_heading(section: dict[str, Any]) -> str:
    label = KIND_LABELS.get(section["kind"])
    return f"{label}: {section['heading']}" if label else section["heading"]


# ----------------------------------------------------------------------------- Markdown

_MD_SPECIAL = set("\\`*_[]<>&#|~!")


def _md(text: str) -> str:
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in _text(text))


def _md_refs(refs: list[int]) -> str:
    # Plain brackets: with no link definitions in the document, "[1, 2]" stays text.
    return f" [{', '.join(map(str, refs))}]" if refs else ""


def _md_statement(statement: dict[str, Any]) -> str:
    return _md(statement["text"]) + _md_refs(statement["refs"])


def render_markdown(view: dict[str, Any]) -> str:
    lines: list[str] = [f"# {_md(view['title'])}", ""]
    lines += [f"{_md(_sentence(view['drug_class']))} Reviewed: {_md(view['reviewed'])}.", ""]
    emergency = view["emergency"]
    lines += [f"> **EMERGENCY: {_md(emergency['heading'])}**", ">", f"> {_md_statement(emergency['instruction'])}", ">"]
    lines += ["> Numbers to call:", ">"]
    lines += [f"> - {_md(label)}: **{_md(number)}**" for label, number in map(_contact, emergency["contacts"])]
    lines += [">", "> When to call:", ">"]
    lines += [f"> - {_md_statement(sign)}" for sign in emergency["signs"]]
    lines.append("")
    for topic in view["topics"]:
        lines += ["", f"## {_md(topic['title'])}", ""]
        label = "EMERGENCY: " if topic["emergency_line"]["contacts"] else ""
        line = _md(_emergency_line(topic, emergency))
        lines += [f"> **{label}{line}**{_md_refs(topic['emergency_line']['refs'])}", ""]
        lines += [f"**In short:** {_md_statement(topic['summary'])}", ""]
        for section in topic["sections"]:
            lines += [f"### {_md(_section_heading(section))}", ""]
            lines += [f"- {_md_statement(point)}" for point in section["points"]]
            lines.append("")
        if topic["talk_to_doctor"]:
            lines += [f"**Talk to your doctor or pharmacist:** {_md_statement(topic['talk_to_doctor'])}", ""]
    lines += ["", "## About this handout", "", _md_statement(view["disclaimer"]), ""]
    lines += ["## Sources", ""]
    for ref in view["references"]:
        lines.append(f"{ref['number']}. {_md(ref['title'])}. {_md(ref['publisher'])}. <{_safe_url(ref['url'])}>")
    return "\n".join(lines).rstrip("\n") + "\n"


def _sentence(text: str) -> str:
    text = _text(text)
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _contacts_line(emergency: dict[str, Any]) -> str:
    return "; ".join(f"{label}: {number}" for label, number in map(_contact, emergency["contacts"])) + "."


def _emergency_line(topic: dict[str, Any], emergency: dict[str, Any]) -> str:
    line = topic["emergency_line"]
    return f"{_text(line['text'])} {_contacts_line(emergency)}" if line["contacts"] else _text(line["text"])


# ----------------------------------------------------------------------------- plain text


def _refs(refs: list[int]) -> str:
    return f" [{', '.join(map(str, refs))}]" if refs else ""


def render_text(view: dict[str, Any], width: int = TEXT_WIDTH) -> str:
    import textwrap

    out: list[str] = []

    def para(text: str, indent: str = "", hanging: str | None = None) -> None:
        out.extend(
            textwrap.wrap(
                _text(text),
                width=width,
                initial_indent=indent,
                subsequent_indent=indent if hanging is None else hanging,
                break_on_hyphens=False,
                break_long_words=True,
            )
            or [""]
        )

    def bullet(text: str, indent: str = "  ") -> None:
        para(text, f"{indent}- ", " " * (len(indent) + 2))

    def statement(item: dict[str, Any]) -> str:
        return _text(item["text"]) + _refs(item["refs"])

    heavy, light = "=" * width, "-" * width
    para(view["title"].upper())
    para(f"{_sentence(view['drug_class'])} Reviewed: {view['reviewed']}.")
    out.append("")
    emergency = view["emergency"]
    out += [heavy]
    para(f"EMERGENCY: {emergency['heading']}")
    out += [heavy]
    para(statement(emergency["instruction"]))
    out += ["", "Numbers to call:"]
    for label, number in map(_contact, emergency["contacts"]):
        bullet(f"{label}: {number}")
    out += ["", "When to call:"]
    for sign in emergency["signs"]:
        bullet(statement(sign))
    out += [heavy]
    for topic in view["topics"]:
        out += ["", "", light]
        para(topic["title"].upper())
        out += [light, ""]
        label = "EMERGENCY: " if topic["emergency_line"]["contacts"] else "!! "
        para(f"{label}{_emergency_line(topic, emergency)}{_refs(topic['emergency_line']['refs'])}")
        out.append("")
        para(f"In short: {statement(topic['summary'])}")
        for section in topic["sections"]:
            out.append("")
            para(_section_heading(section))
            for point in section["points"]:
                bullet(statement(point))
        if topic["talk_to_doctor"]:
            out.append("")
            para(f"Talk to your doctor or pharmacist: {statement(topic['talk_to_doctor'])}")
    out += ["", "", light]
    para("ABOUT THIS HANDOUT")
    out += [light]
    para(statement(view["disclaimer"]))
    out += ["", "SOURCES"]
    for ref in view["references"]:
        label = f"[{ref['number']}] "
        para(f"{label}{ref['title']}. {ref['publisher']}. {_safe_url(ref['url'])}", "", " " * len(label))
    return "\n".join(line.rstrip() for line in out).rstrip("\n") + "\n"


# ----------------------------------------------------------------------------- HTML

# Black on white, 12pt and up in print, warnings and emergencies marked with words and
# borders (never colour alone). No size is forced in @page, so A4 and US Letter both fit.
_CSS = """
:root { color-scheme: light; }
html { background: #fff; color: #000; }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem; font-size: 1.125rem; line-height: 1.5;
       font-family: Verdana, "DejaVu Sans", Arial, Helvetica, sans-serif; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 2rem 0 .75rem; padding-bottom: .2rem;
     border-bottom: 2px solid #000; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 .4rem; }
ul, ol { padding-left: 2.2rem; }
li { margin: .25rem 0; }
a { color: #002b80; }
.meta { margin: 0 0 1rem; }
.cite { white-space: nowrap; }
.label { font-weight: bold; text-transform: uppercase; letter-spacing: .02em; }
.box { border: 3px solid #000; padding: .25rem 1rem .75rem; margin: 1rem 0; }
.box h2 { border-bottom: 0; margin-top: .5rem; }
.emergency { border: 5px solid #a00000; }
.emergency h2, .emergency .label { color: #a00000; }
.numbers { font-weight: bold; white-space: nowrap; }
.in-short { border-left: 6px solid #000; padding: .25rem .75rem; font-size: 1.1em; }
section.kind-warning { border-left: 6px solid #6b4400; padding-left: .9rem; }
section.kind-emergency { border-left: 8px solid #a00000; padding-left: .9rem; }
.kind-emergency .label { color: #a00000; }
.reminder { border: 2px solid #a00000; padding: .4rem .75rem; }
.reminder .label { color: #a00000; }
.talk { border: 2px solid #000; padding: .5rem .75rem; }
.references li { overflow-wrap: anywhere; }
@page { margin: 16mm 15mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 12pt; }
  h1 { font-size: 22pt; }
  h2 { font-size: 17pt; }
  h3 { font-size: 14pt; }
  a { color: #000; }
  a[href^="http"]::after { content: " (" attr(href) ")"; overflow-wrap: anywhere; word-break: break-all; }
  .topic, .about { break-before: page; page-break-before: always; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  li, .box, .in-short, .talk { break-inside: avoid; page-break-inside: avoid; }
  h2 { margin-top: 1.25rem; }
  .contents ol { columns: 2; column-gap: 2rem; margin: 0; }
  .contents li, .box li { margin: 0; }
  .box p { margin: .5rem 0; }
  .contents li { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def render_html(view: dict[str, Any], generator: str = "") -> str:
    import html

    def e(text: str) -> str:
        return html.escape(_text(text), quote=True)

    def cite(refs: list[int]) -> str:
        if not refs:
            return ""
        links = ", ".join(f'<a href="#ref-{n}">{n}</a>' for n in refs)
        return f' <span class="cite">[{links}]</span>'

    def statement(item: dict[str, Any]) -> str:
        return e(item["text"]) + cite(item["refs"])

    emergency = view["emergency"]
    numbered = [
        f'{e(label)}: <span class="numbers">{e(number)}</span>' for label, number in map(_contact, emergency["contacts"])
    ]
    contacts = "".join(f"<li>{item}</li>" for item in numbered)
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
    parts += [
        f"<title>{e(view['title'])}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{e(view['title'])}</h1>",
        f'<p class="meta">{e(_sentence(view["drug_class"]))} Reviewed: '
        f'<time datetime="{e(view["reviewed"])}">{e(view["reviewed"])}</time>.</p>',
        "</header>",
        "<main>",
        '<section class="box emergency" aria-labelledby="emergency">',
        f'<h2 id="emergency"><span class="label">Emergency:</span> {e(emergency["heading"])}</h2>',
        f"<p><strong>{statement(emergency['instruction'])}</strong></p>",
        "<p>Numbers to call:</p>",
        f'<ul class="contacts">{contacts}</ul>',
        "<p>When to call:</p>",
        "<ul>" + "".join(f"<li>{statement(sign)}</li>" for sign in emergency["signs"]) + "</ul>",
        "</section>",
    ]
    if len(view["topics"]) > 1:
        parts += [
            '<nav class="contents" aria-labelledby="contents">',
            '<h2 id="contents">Contents</h2>',
            "<ol>"
            + "".join(f'<li><a href="#topic-{e(t["id"])}">{e(t["title"])}</a></li>' for t in view["topics"])
            + "</ol>",
            "</nav>",
        ]
    numbers = "; ".join(numbered)
    for topic in view["topics"]:
        parts.append(f'<article class="topic" id="topic-{e(topic["id"])}">')
        parts.append(f"<h2>{e(topic['title'])}</h2>")
        line = topic["emergency_line"]
        extra = f" {numbers}." if line["contacts"] else ""
        box = "box emergency" if topic["emergency_first"] else "box reminder"
        label = '<span class="label">Emergency:</span> ' if line["contacts"] else ""
        parts.append(f'<p class="{box}"><strong>{label}{e(line["text"])}</strong>{cite(line["refs"])}{extra}</p>')
        parts.append(f'<p class="in-short"><strong>In short:</strong> {statement(topic["summary"])}</p>')
        for section in topic["sections"]:
            kind = section["kind"]
            label = KIND_LABELS.get(kind)
            heading = e(section["heading"])
            if label:
                heading = f'<span class="label">{label.capitalize()}:</span> {heading}'
            parts.append(f'<section class="kind-{kind}">')
            parts.append(f"<h3>{heading}</h3>")
            parts.append("<ul>" + "".join(f"<li>{statement(p)}</li>" for p in section["points"]) + "</ul>")
            parts.append("</section>")
        if topic["talk_to_doctor"]:
            talk = statement(topic["talk_to_doctor"])
            parts.append(f'<p class="talk"><strong>Talk to your doctor or pharmacist:</strong> {talk}</p>')
        parts.append("</article>")
    parts += [
        '<section class="about" aria-labelledby="about">',
        '<h2 id="about">About this handout</h2>',
        f"<p>{statement(view['disclaimer'])}</p>",
        "</section>",
        '<section class="references" aria-labelledby="sources">',
        '<h2 id="sources">Sources</h2>',
        "<ol>",
    ]
    for ref in view["references"]:
        url = html.escape(_safe_url(ref["url"]), quote=True)
        n = ref["number"]
        parts.append(f'<li id="ref-{n}" value="{n}"><a href="{url}">{e(ref["title"])}</a>. {e(ref["publisher"])}.</li>')
    parts += ["</ol>", "</section>", "</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


RENDERERS = {"md": render_markdown, "txt": render_text, "html": render_html}
