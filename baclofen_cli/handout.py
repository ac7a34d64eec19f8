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


def reading_order(kb: KnowledgeBase) -> list[Topic]:
    """The standard leaflet order (what it is, how to take it, ... storage), then any other topics in file order."""
    from baclofen_cli.cli_spec import TOPIC_COMMANDS

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
    """Numbers the official sources in the order the handout first cites them.

    The handout lists references once, at the end, and only official ones (tier "official"):
    a statement keeps all its source ids, but only its official sources get a number.
    """

    def __init__(self, kb: KnowledgeBase, per_statement: int | None = None) -> None:
        self.by_id = kb.source_map()
        self.numbers: dict[str, int] = {}
        # The 2-page leaflet numbers only the first official source of each statement, so its list
        # stays short; the booklet lists them all.
        self.per_statement = per_statement

    def statement(self, statement: Statement) -> dict[str, Any]:
        return {"text": statement.text, "sources": list(statement.sources), "refs": self.ids(statement.sources)}

    def ids(self, source_ids: list[str]) -> list[int]:
        """The reference numbers of the official sources among `source_ids`."""
        refs: list[int] = []
        for source_id in source_ids:
            source = self.by_id.get(source_id)
            if source is not None and source.get("tier") == "official":
                if self.per_statement is not None and len(refs) >= self.per_statement:
                    break
                refs.append(self.numbers.setdefault(source_id, len(self.numbers) + 1))
        return sorted(set(refs))

    def listing(self) -> list[dict[str, Any]]:
        from baclofen_cli.citations import plain_label

        return [
            {"number": n, "id": s.id, "title": s.title, "publisher": s.publisher, "year": s.get("year"),
             "url": s.url, "label": plain_label(s)}
            for source_id, n in self.numbers.items()
            for s in [self.by_id[source_id]]
        ]


def _command_text(command: str) -> Any:
    """Text that tells the reader to type a command: useless on paper, so the handout leaves it out."""
    import re

    return re.compile(r"(?i)\b(type|run|read one with)\b[:\s]+['\"\u2018\u201c`]?" + re.escape(command) + r"\b")


def handout_view(kb: KnowledgeBase, topics: list[Topic] | None = None, *, layout: str = "short",
                 command: str = "baclofen") -> dict[str, Any]:
    """The handout's structured content (the --json contract). Parts appear in this order on the page.

    layout "short": the 2-page leaflet (purpose, emergency box, key facts, the featured steps, the
    fill-in plan); "full": the booklet of `topics` with pictures and tools; "booklet": the booklet of
    `topics` without the tools (`--topics`); "card": the wallet-size pump card. A file without a
    `handout:` block has only the booklet.
    """
    refs = _References(kb, per_statement=1 if layout in ("short", "card") else None)
    drug = kb.drug
    spec = getattr(kb, "handout", None)
    if spec is None and layout in ("short", "card"):
        if layout == "card":
            raise ValueError("this knowledge file has no pump card (a `handout: card:` block)")
        layout = "full"
    if spec is not None and layout == "card" and not spec.get("card"):
        raise ValueError("this knowledge file has no pump card (a `handout: card:` block)")
    labels = _as_dict(kb.labels)
    emergency = kb.emergency
    emergency_view = {
        "heading": emergency.heading,
        "instruction": refs.statement(emergency.instruction),
        "contacts": [{"label": c.label, "number": c.number, "region": c.region, "kind": c.get("kind", "emergency")}
                     for c in emergency.contacts],
        "signs": [refs.statement(s) for s in emergency.signs],
    }
    name = drug.name[:1].upper() + drug.name[1:]
    view: dict[str, Any] = {
        "layout": layout,
        "title": (spec.title if layout == "short" else spec.full_title) if spec else name,
        "purpose": refs.statement(spec.purpose) if spec else None,
        "drug": drug.name,
        "drug_class": drug.drug_class,
        "reviewed": drug.reviewed,
        "language": drug.language,
        "labels": labels,
        "emergency": emergency_view,
    }
    if layout == "card":
        card = spec.card
        view["title"] = card.heading
        view["card"] = {
            "heading": card.heading,
            "points": [refs.statement(p) for p in card.points],
            "fields": [_as_dict(f) for f in card.fields],
            "fold_note": card.get("fold_note", ""),
        }
        view["references"] = refs.listing()
        view["sources_heading"] = spec.get("sources_heading", "")
        return view
    if spec:
        view["key_facts"] = {"heading": spec.key_facts_heading, "points": [refs.statement(p) for p in spec.key_facts]}
    if layout == "short":
        view["rules"] = {"heading": spec.rules_heading, "steps": [_featured(kb, rule, refs) for rule in spec.rules]}
        view["plan"] = _plan_view(spec, refs)
        view["pictures"] = [_picture_view(p, refs) for p in spec.get("pictures", []) if p.get("leaflet")]
    else:
        hide = _command_text(command)
        view["topics"] = [_topic_view(kb, topic, refs, hide, spec) for topic in (topics or reading_order(kb))]
        if spec and layout == "full":
            view["tools"] = [_tool_view(tool, refs) for tool in spec.get("tools", [])]
            view["plan"] = _plan_view(spec, refs)
    view["disclaimer"] = refs.statement(kb.disclaimer)
    view["references"] = refs.listing()
    view["sources_heading"] = spec.get("sources_heading", "") if spec else ""
    return view


def _as_dict(value: Any) -> dict[str, Any]:
    from baclofen_cli.views import _as_dict as convert

    return convert(value)


def _featured(kb: KnowledgeBase, rule: Any, refs: _References) -> dict[str, Any]:
    """A featured step: the topic's action number `rule.action`, or its summary if it has no such step."""
    topic = kb.topic(rule.topic)
    actions = topic.get("actions", []) if topic else []
    index = rule.get("action", 1) - 1
    chosen = actions[index] if 0 <= index < len(actions) else topic.summary
    return {**refs.statement(chosen), "topic": rule.topic, "topic_title": topic.title}


def _plan_view(spec: Any, refs: _References) -> dict[str, Any]:
    intro = spec.get("plan_intro")
    return {
        "heading": spec.plan_heading,
        "intro": refs.statement(intro) if intro else None,
        "fields": [_as_dict(f) for f in spec.get("plan", [])],
    }


def _tool_view(tool: Any, refs: _References) -> dict[str, Any]:
    intro = tool.get("intro")
    return {
        "heading": tool.heading,
        "intro": refs.statement(intro) if intro else None,
        "points": [refs.statement(p) for p in tool.get("points", [])],
        "columns": list(tool.get("columns", [])),
        "rows": tool.get("rows", 0),
    }


def _topic_view(kb: KnowledgeBase, topic: Topic, refs: _References, hide: Any, spec: Any) -> dict[str, Any]:
    def shown(statements: list[Statement]) -> list[dict[str, Any]]:
        return [refs.statement(s) for s in statements if not hide.search(s.text)]

    view: dict[str, Any] = {
        "id": topic.id,
        "title": topic.title,
        "emergency_first": topic.get("emergency_first", False),
        "summary": refs.statement(topic.summary),
        "actions": shown(topic.get("actions", [])),
        "pictures": [_picture_view(p, refs) for p in (spec.get("pictures", []) if spec else []) if p.topic == topic.id],
        "sections": [
            {"heading": section.heading, "kind": section.get("kind", "info"), "tier": section.get("tier"),
             "points": points}
            for section in topic.sections
            if (points := shown(section.points))
        ],
        "groups": [],
        "talk_to_doctor": None,
    }
    if topic.id == _INTERACTIONS_TOPIC:
        # The print view keeps each group's "What to do" line, as the screen does.
        from baclofen_cli.interaction_views import by_severity

        view["groups"] = [
            {"name": g.name, "severity": g.severity, "effect": g.effect, "advice": g.advice,
             "sources": list(g.sources), "refs": refs.ids(g.sources)}
            for g in by_severity(kb.interactions.groups)
        ]
    talk = topic.get("talk_to_doctor")
    if talk and not hide.search(talk.text):
        view["talk_to_doctor"] = refs.statement(talk)
    return view


_INTERACTIONS_TOPIC = "interactions"


def _picture_view(picture: Any, refs: _References) -> dict[str, Any]:
    return {"kind": picture.kind, "caption": picture.caption, "alt": picture.alt,
            "words": _as_dict(picture.get("words", {})), "sources": list(picture.sources),
            "refs": refs.ids(picture.sources)}


# ----------------------------------------------------------------------------- one page layout, three formats
#
# The view is laid out once as a list of blocks (headings, paragraphs, lists, boxes, fill-in
# fields, tables, pictures); Markdown, plain text and HTML each draw the same blocks, so the
# three formats cannot drift apart. Block text is the file's text, escaped by each renderer.


def _text(text: str) -> str:
    """File text made safe for any format: no control characters, whitespace on one line."""
    return " ".join(clean(text).split())


def _safe_url(url: str) -> str:
    """Percent-encode anything in a URL that could end a Markdown link or an HTML attribute."""
    from urllib.parse import quote

    return quote(_text(url), safe=":/?#[]@!$&'()*+,;=%~-._")


def _sentence(text: str) -> str:
    text = _text(text)
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _item(statement: dict[str, Any]) -> dict[str, Any]:
    return {"text": statement["text"], "refs": statement.get("refs", [])}


def _contact_text(contact: dict[str, str]) -> tuple[str, str]:
    return f"{contact['label']} ({contact['region']})", contact["number"]


def emergency_line(emergency: dict[str, Any]) -> str:
    """The instruction, then every number it does not already give."""
    instruction = emergency["instruction"]["text"]
    extra = [f"{label}: {number}." for label, number in map(_contact_text, emergency["contacts"])
             if number not in instruction]
    return " ".join([instruction, *extra])


def layout(view: dict[str, Any]) -> list[dict[str, Any]]:
    """The page, top to bottom, as blocks."""
    labels = view["labels"]
    if view["layout"] == "card":
        return _card_blocks(view)
    blocks: list[dict[str, Any]] = [{"t": "h1", "text": view["title"]}]
    if view.get("purpose"):
        blocks.append({"t": "p", **_item(view["purpose"]), "class": "purpose"})
    meta = f"{_sentence(view['drug_class'])} {labels['reviewed']}: {view['reviewed']}."
    if view["layout"] != "short":
        blocks.append({"t": "p", "text": meta, "refs": [], "class": "meta"})
    emergency = view["emergency"]
    blocks.append({"t": "box", "kind": "emergency", "id": "emergency",
                   "heading": f"{labels['emergency']}: {emergency['heading']}", "children": [
                       {"t": "p", **_item(emergency["instruction"]), "strong": True},
                       {"t": "contacts", "label": labels["numbers_to_call"], "contacts": emergency["contacts"]},
                       {"t": "p", "text": f"{labels['signs']}:", "refs": [], "strong": True},
                       {"t": "ul", "items": [_item(s) for s in emergency["signs"]]},
                   ]})
    if view.get("key_facts"):
        facts = view["key_facts"]
        blocks.append({"t": "box", "kind": "facts", "id": "key-facts", "heading": facts["heading"],
                       "children": [{"t": "ul", "items": [_item(p) for p in facts["points"]]}]})
    if view.get("rules"):
        rules = view["rules"]
        blocks.append({"t": "box", "kind": "rules", "id": "rules", "heading": rules["heading"],
                       "children": [{"t": "ol", "items": [_item(step) for step in rules["steps"]]}]})
    topics = view.get("topics", [])
    if len(topics) > 1:
        blocks.append({"t": "toc", "heading": labels["contents"], "topics": [(t["id"], t["title"]) for t in topics]})
    for topic in topics:
        blocks += _topic_blocks(topic, emergency, labels)
    for n, tool in enumerate(view.get("tools", []), 1):
        children: list[dict[str, Any]] = []
        if tool["intro"]:
            children.append({"t": "p", **_item(tool["intro"])})
        if tool["points"]:
            children.append({"t": "ul", "items": [_item(p) for p in tool["points"]]})
        if tool["columns"]:
            children.append({"t": "table", "columns": tool["columns"], "rows": tool["rows"]})
        blocks.append({"t": "tool", "id": f"tool-{n}", "heading": tool["heading"], "children": children})
    if view.get("plan"):
        plan = view["plan"]
        children = [{"t": "p", **_item(plan["intro"])}] if plan["intro"] else []
        children.append({"t": "fields", "fields": plan["fields"]})
        children += [{"t": "picture", "picture": p, "labels": labels} for p in view.get("pictures", [])]
        blocks.append({"t": "box", "kind": "plan", "id": "plan", "heading": plan["heading"], "children": children})
    short = view["layout"] == "short"
    if short:
        blocks.append({"t": "p", "text": f"{_text(view['disclaimer']['text'])} {meta}", "refs": view["disclaimer"]["refs"],
                       "label": f"{labels['about']}:", "class": "about"})
    else:
        blocks.append({"t": "about", "id": "about", "heading": labels["about"],
                       "children": [{"t": "p", **_item(view["disclaimer"])}]})
    if view["references"]:
        blocks.append({"t": "refs", "id": "sources", "heading": view.get("sources_heading") or labels["sources"],
                       "items": view["references"], "compact": short})
    return blocks


def _topic_blocks(topic: dict[str, Any], emergency: dict[str, Any], labels: dict[str, str]) -> list[dict[str, Any]]:
    children: list[dict[str, Any]] = []
    if topic["emergency_first"]:
        # The full box is on page 1; an emergency chapter repeats only its one line with the numbers.
        children.append({"t": "p", "text": emergency_line(emergency), "refs": emergency["instruction"]["refs"],
                         "class": "reminder", "label": f"{labels['emergency']}:"})
    children.append({"t": "p", **_item(topic["summary"]), "class": "in-short", "label": f"{labels['in_short']}:"})
    if topic["actions"]:
        children.append({"t": "steps", "heading": labels["what_to_do"], "items": [_item(a) for a in topic["actions"]]})
    for picture in topic["pictures"]:
        children.append({"t": "picture", "picture": picture, "labels": labels})
    for section in topic["sections"]:
        label = labels.get(section["kind"]) if section["kind"] in ("warning", "emergency") else None
        children.append({"t": "section", "kind": section["kind"], "heading": section["heading"], "label": label,
                         "children": [{"t": "ul", "items": [_item(p) for p in section["points"]]}]})
    for group in topic["groups"]:
        children.append({"t": "section", "kind": "group", "heading": group["name"], "label": None, "children": [
            {"t": "p", "text": group["effect"], "refs": group["refs"]},
            {"t": "p", "text": group["advice"], "refs": [], "label": f"{labels['what_to_do']}:"},
        ]})
    if topic["talk_to_doctor"]:
        children.append({"t": "p", **_item(topic["talk_to_doctor"]), "class": "talk",
                         "label": f"{labels['talk_to_doctor']}:"})
    return [{"t": "topic", "id": f"topic-{topic['id']}", "heading": topic["title"], "children": children}]


def _card_blocks(view: dict[str, Any]) -> list[dict[str, Any]]:
    card = view["card"]
    contacts = [c for c in view["emergency"]["contacts"] if c.get("kind", "emergency") == "emergency"]
    front = [{"t": "h1", "text": card["heading"]}, {"t": "ul", "items": [_item(p) for p in card["points"]]}]
    back = [{"t": "contacts", "label": view["labels"]["numbers_to_call"], "contacts": contacts},
            {"t": "fields", "fields": card["fields"]}]
    blocks: list[dict[str, Any]] = [{"t": "card", "front": front, "back": back}]
    if card["fold_note"]:
        blocks.append({"t": "p", "text": card["fold_note"], "refs": [], "class": "fold-note"})
    if view["references"]:
        blocks.append({"t": "refs", "id": "sources", "heading": view.get("sources_heading") or view["labels"]["sources"],
                       "items": view["references"]})
    return blocks


def _chart_lines(words: dict[str, str], labels: dict[str, str]) -> list[str]:
    """A decision chart as a short text flow, for Markdown and plain text."""
    lines = [words["question"]] if words.get("question") else []
    for answer, action in (("yes", "yes_action"), ("no", "no_action")):
        if words.get(action):
            lines.append(f"{words.get(answer) or labels.get(answer, answer)} -> {words[action]}")
    if words.get("always"):
        lines.append(words["always"])
    return lines


# ----------------------------------------------------------------------------- Markdown

_MD_SPECIAL = set("\\`*_[]<>&#|~!")


def _md(text: str) -> str:
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in _text(text))


def render_markdown(view: dict[str, Any], *, cite: bool = False) -> str:
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
            add(*[f"- {_md(label)}: **{_md(number)}**" for label, number in map(_contact_text, block["contacts"])], "")
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
                add(*[f"> {_md(line)}" for line in _chart_lines(picture["words"], block["labels"])], "")
            else:
                add(f"> {_md(picture['alt'])}", "")
        elif t == "refs":
            add(f"## {_md(block['heading'])}", "")
            add(*[f"{ref['number']}. {_md(ref['label'])} <{_safe_url(ref['url'])}>" for ref in block["items"]], "")
        elif t == "card":
            for child in block["front"]:
                draw(child)
            add("---", "")
            for child in block["back"]:
                draw(child)

    for block in layout(view):
        draw(block)
    return "\n".join(out).rstrip("\n") + "\n"


# ----------------------------------------------------------------------------- plain text


def render_text(view: dict[str, Any], width: int = TEXT_WIDTH, *, cite: bool = False) -> str:
    import textwrap

    out: list[str] = []

    def refs(numbers: list[int]) -> str:
        return f" [{', '.join(map(str, numbers))}]" if cite and numbers else ""

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

    heavy, light = "=" * width, "-" * width

    def draw(block: dict[str, Any], indent: str = "") -> None:
        t = block["t"]
        if t == "h1":
            para(block["text"].upper(), indent)
            out.append("")
        elif t == "p":
            text = _text(block["text"]) + refs(block["refs"])
            if block.get("label"):
                text = f"{block['label']} {text}"
            para(text, indent)
            out.append("")
        elif t in ("ul", "ol"):
            for n, entry in enumerate(block["items"], 1):
                mark = f"{n}. " if t == "ol" else "- "
                para(_text(entry["text"]) + refs(entry["refs"]), f"{indent}  {mark}", f"{indent}  " + " " * len(mark))
            out.append("")
        elif t == "steps":
            para(f"{block['heading']}:", indent)
            draw({"t": "ol", "items": block["items"]}, indent)
        elif t == "contacts":
            para(f"{block['label']}:", indent)
            for label, number in map(_contact_text, block["contacts"]):
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
            out.append(indent + "|".join(textwrap.shorten(_text(c), cell).ljust(cell) for c in block["columns"]))
            out.extend([indent + "|".join("_" * cell for _ in block["columns"])] * block["rows"])
            out.append("")
        elif t == "picture":
            picture = block["picture"]
            para(_text(picture["caption"]) + refs(picture["refs"]), indent)
            if picture["kind"] == "decision-chart":
                for line in _chart_lines(picture["words"], block["labels"]):
                    para(line, f"{indent}  ", f"{indent}    ")
            else:
                para(picture["alt"], f"{indent}  ")
            out.append("")
        elif t == "refs":
            para(block["heading"].upper(), indent)
            for ref in block["items"]:
                label = f"[{ref['number']}] "
                para(ref["label"], label, " " * len(label))
                out.append(" " * len(label) + _safe_url(ref["url"]))
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


# ----------------------------------------------------------------------------- HTML

# Black on white, 12pt and up in print, warnings and emergencies marked with words and
# borders (never colour alone). No size is forced in @page, so A4 and US Letter both fit,
# and no page break is forced: the short handout fits 2 pages, the booklet flows on.
_CSS = """
:root { color-scheme: light; }
html { background: #fff; color: #000; }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem; font-size: 1.125rem; line-height: 1.45;
       font-family: Verdana, "DejaVu Sans", Arial, Helvetica, sans-serif; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 1.5rem 0 .5rem; padding-bottom: .2rem;
     border-bottom: 2px solid #000; }
h3 { font-size: 1.2rem; margin: 1rem 0 .3rem; }
p { margin: .4rem 0; }
ul, ol { padding-left: 1.8rem; margin: .3rem 0; }
li { margin: .15rem 0; }
a { color: #002b80; }
.meta { margin: 0 0 .75rem; }
.purpose { font-size: 1.1em; }
.cite { white-space: nowrap; }
.label { font-weight: bold; }
.box { border: 3px solid #000; padding: .1rem .9rem .5rem; margin: .75rem 0; }
.box h2 { border-bottom: 0; margin: .4rem 0 .2rem; }
.emergency { border: 5px solid #a00000; }
.emergency h2, .emergency .label { color: #a00000; }
.emergency ul.signs { columns: 2; column-gap: 1.5rem; }
.emergency ul.signs li { break-inside: avoid; }
.contacts { list-style: none; padding-left: 0; }
.contacts li { display: inline-block; margin-right: 1.2rem; }
.numbers { font-weight: bold; white-space: nowrap; }
.in-short { border-left: 6px solid #000; padding: .2rem .75rem; }
.steps { border: 2px solid #000; padding: .2rem .75rem .4rem; margin: .6rem 0; }
.steps h3 { margin: .3rem 0; }
section.kind-warning { border-left: 6px solid #6b4400; padding-left: .9rem; }
section.kind-emergency { border-left: 8px solid #a00000; padding-left: .9rem; }
.kind-emergency .label { color: #a00000; }
.reminder { border: 2px solid #a00000; padding: .4rem .75rem; }
.reminder .label { color: #a00000; }
.talk { border: 2px solid #000; padding: .4rem .75rem; }
.fields { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.5rem; row-gap: .5rem; margin: .4rem 0; }
.field.wide { grid-column: 1 / -1; }
.field .line { display: block; height: 1.7em; border-bottom: 1px solid #000; }
table.fill { width: 100%; border-collapse: collapse; margin: .5rem 0; }
table.fill th, table.fill td { border: 1px solid #000; padding: .2rem .4rem; text-align: left; }
table.fill td { height: 1.9em; }
figure { margin: .75rem 0; break-inside: avoid; }
figure svg { display: block; width: 100%; max-width: 36rem; height: auto; }
.plan figure { display: flex; align-items: center; gap: 1rem; margin: .4rem 0 0; }
.plan figure svg { width: 62%; }
figcaption { font-weight: bold; margin-top: .3rem; }
.references li { overflow-wrap: anywhere; }
.references .url { display: block; }
.references.compact { font-size: 10pt; }
.references.compact ol { padding: 0; margin: 0; }
.references.compact li { display: inline; margin: 0 .4rem 0 0; }
.references.compact li::before { content: attr(value) ". "; }
.references.compact h2 { font-size: 1.2rem; border-bottom: 0; margin-bottom: .2rem; }
@page { margin: 10mm 11mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 12pt; line-height: 1.2; }
  h1 { font-size: 18pt; margin-bottom: .1rem; }
  h2 { font-size: 14pt; margin-top: .6rem; }
  .box h2 { margin: .25rem 0 .1rem; }
  p { margin: .25rem 0; }
  .fields { row-gap: .2rem; }
  .field .line { height: 1.45em; }
  h3 { font-size: 13pt; }
  .box { margin: .5rem 0; padding: 0 .7rem .3rem; }
  .references.compact h2 { font-size: 12pt; }
  a { color: #000; text-decoration: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  li, .emergency, .plan, .in-short, .talk, figure, tr { break-inside: avoid; page-break-inside: avoid; }
  .contents ol { columns: 2; column-gap: 2rem; margin: 0; }
  .contents li { break-inside: avoid; }
  .tool { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

# A folded wallet card: two card-size halves (85.6 x 54 mm each) side by side, cut out and folded.
_CARD_CSS = """
.card { display: flex; width: 171.2mm; border: 1px dashed #000; margin: 0 0 4mm; }
.card > div { box-sizing: border-box; width: 85.6mm; min-height: 54mm; padding: 2.5mm 3mm; font-size: 9.5pt;
              line-height: 1.25; }
.card > div + div { border-left: 1px dashed #000; }
.card h1 { font-size: 12pt; margin: 0 0 1mm; color: #a00000; }
.card ul { padding-left: 4mm; margin: 0; }
.card .contacts { margin: 0 0 1.5mm; }
.card .fields th { width: 45%; padding: 1.2mm 1mm 0 0; }
.card p { margin: 0 0 1mm; }
"""


def render_html(view: dict[str, Any], generator: str = "", *, cite: bool = False) -> str:
    import html

    def e(text: str) -> str:
        return html.escape(_text(text), quote=True)

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
                              for label, number in map(_contact_text, block["contacts"]))
            return f'<p><span class="label">{e(block["label"])}:</span></p><ul class="contacts">{numbers}</ul>'
        if t == "box":
            inner = []
            for child in block["children"]:
                if block["kind"] == "emergency" and child["t"] == "ul":
                    inner.append(draw(child).replace("<ul>", '<ul class="signs">', 1))
                else:
                    inner.append(draw(child, level + 1))
            heading = e(block["heading"])
            if block["kind"] == "emergency":
                word, _, rest = block["heading"].partition(":")
                heading = f'<span class="label">{e(word)}:</span> {e(rest)}' if rest else heading
            return (f'<section class="box {block["kind"]}" aria-labelledby="{block["id"]}">'
                    f'<h2 id="{block["id"]}">{heading}</h2>{"".join(inner)}</section>')
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
            svg = _svg(picture, f"picture-{n}", block["labels"])
            return f'<figure>{svg}<figcaption>{e(picture["caption"])}{refs(picture["refs"])}</figcaption></figure>'
        if t == "refs":
            entries = []
            for r in block["items"]:
                href = html.escape(_safe_url(r["url"]), quote=True)
                # The short leaflet names each source in plain words (a link on screen); the booklet
                # also prints the address.
                shown = (f'<a href="{href}">{e(r["label"])}</a>' if block.get("compact")
                         else f'{e(r["label"])} <a class="url" href="{href}">{e(r["url"])}</a>')
                entries.append(f'<li id="ref-{r["number"]}" value="{r["number"]}">{shown}</li>')
            css = "references compact" if block.get("compact") else "references"
            return (f'<section class="{css}" aria-labelledby="{block["id"]}">'
                    f'<h2 id="{block["id"]}">{e(block["heading"])}</h2><ol>{"".join(entries)}</ol></section>')
        if t == "card":
            front = "".join(draw(child) for child in block["front"])
            back = "".join(draw(child) for child in block["back"])
            return f'<div class="card"><div>{front}</div><div>{back}</div></div>'
        raise ValueError(f"unknown block {t!r}")

    css = _CSS + (_CARD_CSS if view["layout"] == "card" else "")
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


# ----------------------------------------------------------------------------- pictures (inline SVG)
#
# Drawn from shapes only; every word comes from the picture's `words` in the knowledge file, and the
# caption and alt text become the SVG's <title> and <desc> (read out by screen readers).


def _svg(picture: dict[str, Any], ident: str, labels: dict[str, str]) -> str:
    import html

    words = {k: _text(v) for k, v in picture["words"].items()}
    draw = _DRAWINGS[picture["kind"]]
    width, height, body = draw(words, labels)
    title, desc = html.escape(_text(picture["caption"])), html.escape(_text(picture["alt"]))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" font-family="Verdana, DejaVu Sans, Arial, sans-serif">'
            f'<title id="{ident}-title">{title}</title><desc id="{ident}-desc">{desc}</desc>{body}</svg>')


def _svg_text(x: float, y: float, text: str, *, size: int = 16, width: int = 0, anchor: str = "start",
              weight: str = "normal", fill: str = "#000") -> str:
    """Text at (x, y), wrapped into lines of about `width` characters (0: one line)."""
    import html
    import textwrap

    lines = textwrap.wrap(text, width) if width else [text]
    spans = "".join(
        f'<tspan x="{x}" dy="{0 if i == 0 else round(size * 1.25)}">{html.escape(line)}</tspan>'
        for i, line in enumerate(lines or [""])
    )
    return (f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" '
            f'fill="{fill}">{spans}</text>')


def _draw_syringe(words: dict[str, str], labels: dict[str, str]) -> tuple[int, int, str]:
    unit = words.get("unit", "")
    left, right = 90, 490  # the barrel; 0 at the tip end, 5 at the far end
    parts = [
        # the tip, the barrel and the liquid drawn in up to the 2.5 mark
        '<rect x="50" y="74" width="40" height="22" fill="#fff" stroke="#000" stroke-width="3"/>',
        f'<rect x="{left}" y="50" width="{right - left}" height="70" rx="6" fill="#fff" stroke="#000" stroke-width="4"/>',
        f'<rect x="{left + 2}" y="53" width="{(right - left) // 2 - 2}" height="64" fill="#cfe3f7"/>',
        # the plunger: its rubber edge at the 2.5 mark, its rod and thumb rest out to the right
        f'<rect x="{left + (right - left) // 2}" y="53" width="16" height="64" fill="#333"/>',
        f'<rect x="{left + (right - left) // 2 + 16}" y="78" width="{right - left}" height="14" fill="#777"/>',
        f'<rect x="{right + (right - left) // 2 + 10}" y="40" width="14" height="90" fill="#555"/>',
    ]
    for tenth in range(0, 51, 5):
        x = left + (right - left) * tenth / 50
        tall = tenth % 10 == 0
        parts.append(f'<line x1="{x}" y1="50" x2="{x}" y2="{78 if tall else 66}" stroke="#000" stroke-width="{3 if tall else 2}"/>')
        if tall:
            label = f"{tenth // 10}" + (f" {unit}" if tenth == 50 and unit else "")
            parts.append(_svg_text(x, 38, label, size=26, anchor="middle", weight="bold"))
    # an arrow to the edge that is read: the line the label gives
    mark = left + (right - left) // 2
    parts.append(f'<path d="M{mark} 175 L{mark} 126" stroke="#a00000" stroke-width="4" fill="none"/>')
    parts.append(f'<path d="M{mark - 9} 138 L{mark} 124 L{mark + 9} 138 Z" fill="#a00000"/>')
    if words.get("tip"):
        parts.append(_svg_text(10, 160, words["tip"], size=24, width=18))
    if words.get("plunger"):
        parts.append(_svg_text(mark + 24, 160, words["plunger"], size=24, width=24))
    return 760, 225, "".join(parts)


def _draw_decision_chart(words: dict[str, str], labels: dict[str, str]) -> tuple[int, int, str]:
    def box(x: int, y: int, w: int, h: int, text: str, *, bold: bool = False, stroke: int = 3) -> str:
        return (f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10" fill="#fff" stroke="#000" stroke-width="{stroke}"/>'
                + _svg_text(x + w / 2, y + 30, text, size=18, width=w // 11, anchor="middle",
                            weight="bold" if bold else "normal"))

    yes, no = words.get("yes") or labels.get("yes", ""), words.get("no") or labels.get("no", "")
    parts = [
        box(130, 10, 440, 80, words.get("question", ""), bold=True),
        '<path d="M250 90 L160 150" stroke="#000" stroke-width="3"/><path d="M450 90 L540 150" stroke="#000" stroke-width="3"/>',
        '<path d="M150 150 L170 140 L160 160 Z" fill="#000"/><path d="M550 150 L530 140 L540 160 Z" fill="#000"/>',
        _svg_text(175, 130, yes, size=18, weight="bold", anchor="end"),
        _svg_text(525, 130, no, size=18, weight="bold"),
        box(10, 160, 320, 100, words.get("yes_action", "")),
        box(370, 160, 320, 100, words.get("no_action", "")),
    ]
    if words.get("always"):
        parts.append(box(110, 285, 480, 56, words["always"], bold=True, stroke=6))
    return 700, 350, "".join(parts)


def _draw_traffic_light(words: dict[str, str], labels: dict[str, str]) -> tuple[int, int, str]:
    rows = [("red", "#a00000", "#fff"), ("amber", "#f2b705", "#000"), ("green", "#2e7d32", "#fff")]
    parts = []
    for i, (key, colour, ink) in enumerate(rows):
        y = 10 + i * 110
        parts.append(f'<rect x="10" y="{y}" width="680" height="100" rx="10" fill="#fff" stroke="#000" stroke-width="3"/>')
        parts.append(f'<rect x="10" y="{y}" width="110" height="100" rx="10" fill="{colour}" stroke="#000" stroke-width="3"/>')
        parts.append(f'<circle cx="65" cy="{y + 50}" r="30" fill="{ink}" opacity="0.9"/>')
        parts.append(f'<circle cx="65" cy="{y + 50}" r="22" fill="{colour}"/>')
        parts.append(_svg_text(140, y + 32, words.get(key, ""), size=19, weight="bold", width=50))
        parts.append(_svg_text(140, y + 60, words.get(f"{key}_text", ""), size=17, width=58))
    return 700, 340, "".join(parts)


def _draw_pump(words: dict[str, str], labels: dict[str, str]) -> tuple[int, int, str]:
    parts = [
        # the body seen from the side: belly on the left, back on the right
        '<path d="M120 20 C60 120 60 260 120 360 L520 360 L520 20 Z" fill="#fbe9dc" stroke="#000" stroke-width="3"/>',
        # the spine: bones, the fluid around the cord, and the cord
        '<rect x="440" y="20" width="60" height="340" fill="#dbe9f7" stroke="#000" stroke-width="2"/>',
    ]
    for y in range(30, 350, 40):
        parts.append(f'<rect x="505" y="{y}" width="40" height="30" rx="6" fill="#eee" stroke="#000" stroke-width="2"/>')
    parts += [
        '<rect x="462" y="20" width="16" height="340" rx="8" fill="#f5d46b" stroke="#000" stroke-width="2"/>',
        # the pump under the skin of the belly, and its thin tube round to the spine
        '<circle cx="120" cy="230" r="42" fill="#9aa5b1" stroke="#000" stroke-width="4"/>',
        '<circle cx="120" cy="230" r="12" fill="#fff" stroke="#000" stroke-width="2"/>',
        '<path d="M160 240 C260 300 380 300 452 230 L452 150" fill="none" stroke="#a00000" stroke-width="5"/>',
        '<circle cx="452" cy="150" r="6" fill="#a00000"/>',
    ]
    labelled = [
        ("pump", 20, 310, 100, 268), ("skin", 0, 30, 108, 62), ("catheter", 200, 190, 300, 262),
        ("fluid", 560, 110, 500, 130), ("cord", 560, 220, 478, 230),
    ]
    for key, x, y, px, py in labelled:
        if words.get(key):
            # The leader leaves the label on the side that faces what it names.
            import textwrap

            longest = max(map(len, textwrap.wrap(words[key], 16) or [""]))
            start = x - 4 if px < x else x + longest * 10
            y_start = y - 6 if py < y + 10 else y + 14
            parts.append(f'<line x1="{start}" y1="{y_start}" x2="{px}" y2="{py}" stroke="#000" stroke-width="1.5"/>')
            parts.append(_svg_text(x, y, words[key], size=17, weight="bold", width=16))
    return 720, 390, "".join(parts)


_DRAWINGS = {
    "oral-syringe": _draw_syringe,
    "decision-chart": _draw_decision_chart,
    "traffic-light": _draw_traffic_light,
    "pump": _draw_pump,
}

FORMATS = {"md": render_markdown, "txt": render_text, "html": render_html}
RENDERERS = FORMATS
# A file name's ending -> the format it asks for (`-o handout.html` writes HTML).
EXTENSIONS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt"}
