"""The handout's view: the chosen topics of the knowledge model as one structured page (see layout.py)."""

from __future__ import annotations

from typing import Any

from baclofen_cli.core.model import KnowledgeBase, Topic
from baclofen_cli.core.model_sources import Statement


def reading_order(kb: KnowledgeBase) -> list[Topic]:
    """The standard leaflet order (what it is, how to take it, ... storage), then any other topics in file order."""
    from baclofen_cli.cli.spec import TOPIC_COMMANDS

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

        from baclofen_cli.core.output import show_input

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
        from baclofen_cli.core.citations import plain_label

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
    from baclofen_cli.features.topics.view import labels_view

    labels = labels_view(kb)  # the file's own words over its language pack's
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
    from baclofen_cli.features.topics.view import _as_dict as convert

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
        from baclofen_cli.features.interactions.view import by_severity

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
