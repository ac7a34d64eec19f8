"""The handout laid out once as blocks, which every format draws the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from baclofen_cli.core.output import clean

if TYPE_CHECKING:
    from baclofen_cli.features.handout.contract import (
        ContactJSON,
        EmergencyJSON,
        HandoutJSON,
        HandoutStatement,
        HandoutTopicJSON,
    )

# The view is laid out once as a list of blocks (headings, paragraphs, lists, boxes, fill-in
# fields, tables, pictures); Markdown, plain text and HTML each draw the same blocks, so the
# three formats cannot drift apart. Block text is the file's text, escaped by each renderer.


def one_line(text: str) -> str:
    """File text made safe for any format: no control characters, whitespace on one line."""
    return " ".join(clean(text).split())


def safe_url(url: str) -> str:
    """Percent-encode anything in a URL that could end a Markdown link or an HTML attribute."""
    from urllib.parse import quote

    return quote(one_line(url), safe=":/?#[]@!$&'()*+,;=%~-._")


def sentence(text: str) -> str:
    text = one_line(text)
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def item_of(statement: HandoutStatement) -> dict[str, Any]:
    return {"text": statement["text"], "refs": statement.get("refs", [])}


def contact_text(contact: ContactJSON) -> tuple[str, str]:
    return f"{contact['label']} ({contact['region']})", contact["number"]


def emergency_line(emergency: EmergencyJSON) -> str:
    """The instruction, then every number it does not already give."""
    instruction = emergency["instruction"]["text"]
    extra = [f"{label}: {number}." for label, number in map(contact_text, emergency["contacts"])
             if number not in instruction]
    return " ".join([instruction, *extra])


def layout(view: HandoutJSON) -> list[dict[str, Any]]:
    """The page, top to bottom, as blocks."""
    labels = view["labels"]
    if view["layout"] == "card":
        return _card_blocks(view)
    blocks: list[dict[str, Any]] = [{"t": "h1", "text": view["title"]}]
    purpose = view["purpose"]
    if purpose:
        blocks.append({"t": "p", **item_of(purpose), "class": "purpose"})
    meta = f"{sentence(view['drug_class'])} {labels['reviewed']}: {view['reviewed']}."
    if view["layout"] != "short":
        blocks.append({"t": "p", "text": meta, "refs": [], "class": "meta"})
    emergency = view["emergency"]
    blocks.append({"t": "box", "kind": "emergency", "id": "emergency",
                   "heading": f"{labels['emergency']}: {emergency['heading']}", "children": [
                       {"t": "p", **item_of(emergency["instruction"]), "strong": True},
                       {"t": "contacts", "label": labels["numbers_to_call"], "contacts": emergency["contacts"]},
                       {"t": "p", "text": f"{labels['signs']}:", "refs": [], "strong": True},
                       {"t": "ul", "items": [item_of(s) for s in emergency["signs"]]},
                   ]})
    if view.get("key_facts"):
        facts = view["key_facts"]
        blocks.append({"t": "box", "kind": "facts", "id": "key-facts", "heading": facts["heading"],
                       "children": [{"t": "ul", "items": [item_of(p) for p in facts["points"]]}]})
    if view.get("rules"):
        rules = view["rules"]
        blocks.append({"t": "box", "kind": "rules", "id": "rules", "heading": rules["heading"],
                       "children": [{"t": "ol", "items": [item_of(step) for step in rules["steps"]]}]})
    topics = view.get("topics", [])
    if len(topics) > 1:
        blocks.append({"t": "toc", "heading": labels["contents"], "topics": [(t["id"], t["title"]) for t in topics]})
    for topic in topics:
        blocks += _topic_blocks(topic, emergency, labels)
    for n, tool in enumerate(view.get("tools", []), 1):
        children: list[dict[str, Any]] = []
        if tool["intro"]:
            children.append({"t": "p", **item_of(tool["intro"])})
        if tool["points"]:
            children.append({"t": "ul", "items": [item_of(p) for p in tool["points"]]})
        if tool["columns"]:
            children.append({"t": "table", "columns": tool["columns"], "rows": tool["rows"]})
        blocks.append({"t": "tool", "id": f"tool-{n}", "heading": tool["heading"], "children": children})
    if view.get("plan"):
        plan = view["plan"]
        children = [{"t": "p", **item_of(plan["intro"])}] if plan["intro"] else []
        children.append({"t": "fields", "fields": plan["fields"]})
        children += [{"t": "picture", "picture": p, "labels": labels} for p in view.get("pictures", [])]
        blocks.append({"t": "box", "kind": "plan", "id": "plan", "heading": plan["heading"], "children": children})
    short = view["layout"] == "short"
    if short:
        disclaimer = f"{one_line(view['disclaimer']['text'])} {meta}"
        blocks.append({"t": "p", "text": disclaimer, "refs": view["disclaimer"]["refs"],
                       "label": f"{labels['about']}:", "class": "about"})
    else:
        blocks.append({"t": "about", "id": "about", "heading": labels["about"],
                       "children": [{"t": "p", **item_of(view["disclaimer"])}]})
    if view["references"]:
        blocks.append({"t": "refs", "id": "sources", "heading": view.get("sources_heading") or labels["sources"],
                       "items": view["references"], "compact": short})
    return blocks


def _topic_blocks(topic: HandoutTopicJSON, emergency: EmergencyJSON, labels: dict[str, str]) -> list[dict[str, Any]]:
    children: list[dict[str, Any]] = []
    if topic["emergency_first"]:
        # The full box is on page 1; an emergency chapter repeats only its one line with the numbers.
        children.append({"t": "p", "text": emergency_line(emergency), "refs": emergency["instruction"]["refs"],
                         "class": "reminder", "label": f"{labels['emergency']}:"})
    children.append({"t": "p", **item_of(topic["summary"]), "class": "in-short", "label": f"{labels['in_short']}:"})
    if topic["actions"]:
        steps = [item_of(a) for a in topic["actions"]]
        children.append({"t": "steps", "heading": labels["what_to_do"], "items": steps})
    for picture in topic["pictures"]:
        children.append({"t": "picture", "picture": picture, "labels": labels})
    for section in topic["sections"]:
        label = labels.get(section["kind"]) if section["kind"] in ("warning", "emergency") else None
        children.append({"t": "section", "kind": section["kind"], "heading": section["heading"], "label": label,
                         "children": [{"t": "ul", "items": [item_of(p) for p in section["points"]]}]})
    for group in topic["groups"]:
        children.append({"t": "section", "kind": "group", "heading": group["name"], "label": None, "children": [
            {"t": "p", "text": group["effect"], "refs": group["refs"]},
            {"t": "p", "text": group["advice"], "refs": [], "label": f"{labels['what_to_do']}:"},
        ]})
    if topic["talk_to_doctor"]:
        children.append({"t": "p", **item_of(topic["talk_to_doctor"]), "class": "talk",
                         "label": f"{labels['talk_to_doctor']}:"})
    return [{"t": "topic", "id": f"topic-{topic['id']}", "heading": topic["title"], "children": children}]


def _card_blocks(view: HandoutJSON) -> list[dict[str, Any]]:
    card = view["card"]
    contacts = [c for c in view["emergency"]["contacts"] if c.get("kind", "emergency") == "emergency"]
    front = [{"t": "h1", "text": card["heading"]}, {"t": "ul", "items": [item_of(p) for p in card["points"]]}]
    back = [{"t": "contacts", "label": view["labels"]["numbers_to_call"], "contacts": contacts},
            {"t": "fields", "fields": card["fields"]}]
    blocks: list[dict[str, Any]] = [{"t": "card", "front": front, "back": back}]
    if card["fold_note"]:
        blocks.append({"t": "p", "text": card["fold_note"], "refs": [], "class": "fold-note"})
    if view["references"]:
        heading = view.get("sources_heading") or view["labels"]["sources"]
        blocks.append({"t": "refs", "id": "sources", "heading": heading,
                       "items": view["references"]})
    return blocks


def chart_lines(words: dict[str, str], labels: dict[str, str]) -> list[str]:
    """A decision chart as a short text flow, for Markdown and plain text."""
    lines = [words["question"]] if words.get("question") else []
    for answer, action in (("yes", "yes_action"), ("no", "no_action")):
        if words.get(action):
            lines.append(f"{words.get(answer) or labels.get(answer, answer)} -> {words[action]}")
    if words.get("always"):
        lines.append(words["always"])
    return lines
