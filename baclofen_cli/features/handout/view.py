"""The handout's view: the chosen topics of the knowledge model as one structured page (see layout.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from baclofen_cli.core.model import KnowledgeBase, Topic
from baclofen_cli.core.model_sources import Statement

if TYPE_CHECKING:
    import re

    from baclofen_cli.core.model import FeaturedAction, Handout, HandoutTool, Picture
    from baclofen_cli.features.handout.contract import (
        CardJSON,
        EmergencyJSON,
        FeaturedStepJSON,
        HandoutJSON,
        HandoutStatement,
        HandoutTopicJSON,
        KeyFactsJSON,
        PictureJSON,
        PlanJSON,
        ReferenceJSON,
        RulesJSON,
        ToolJSON,
    )


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

    def statement(self, statement: Statement) -> HandoutStatement:
        return {"text": statement.text, "sources": list(statement.sources), "refs": self.ids(statement.sources)}

    def ids(self, source_ids: list[str]) -> list[int]:
        """The reference numbers of the official sources among `source_ids`."""
        refs: list[int] = []
        for source_id in source_ids:
            source = self.by_id.get(source_id)
            if source is not None and source.tier == "official":
                if self.per_statement is not None and len(refs) >= self.per_statement:
                    break
                refs.append(self.numbers.setdefault(source_id, len(self.numbers) + 1))
        return sorted(set(refs))

    def listing(self) -> list[ReferenceJSON]:
        from baclofen_cli.core.citations import plain_label

        return [
            {"number": n, "id": s.id, "title": s.title, "publisher": s.publisher, "year": s.year,
             "url": s.url, "label": plain_label(s)}
            for source_id, n in self.numbers.items()
            for s in [self.by_id[source_id]]
        ]


def _command_text(command: str) -> re.Pattern[str]:
    """Text that tells the reader to type a command: useless on paper, so the handout leaves it out."""
    import re

    return re.compile(r"(?i)\b(type|run|read one with)\b[:\s]+['\"\u2018\u201c`]?" + re.escape(command) + r"\b")


class _Head(TypedDict):
    """The parts every layout starts with, in the contract's order."""

    layout: str
    title: str
    purpose: HandoutStatement | None
    drug: str
    drug_class: str
    reviewed: str
    language: str
    labels: dict[str, str]
    emergency: EmergencyJSON


class _Body(TypedDict):
    """The parts a layout has or leaves out, in the contract's order (after the head, before the references)."""

    card: NotRequired[CardJSON]
    key_facts: NotRequired[KeyFactsJSON]
    rules: NotRequired[RulesJSON]
    plan: NotRequired[PlanJSON]
    pictures: NotRequired[list[PictureJSON]]
    topics: NotRequired[list[HandoutTopicJSON]]
    tools: NotRequired[list[ToolJSON]]
    disclaimer: NotRequired[HandoutStatement]


def handout_view(kb: KnowledgeBase, topics: list[Topic] | None = None, *, layout: str = "short",
                 command: str = "baclofen") -> HandoutJSON:
    """The handout's structured content (the --json contract, features/handout/contract.py). Parts
    appear in this order on the page.

    layout "short": the 2-page leaflet (purpose, emergency box, key facts, the featured steps, the
    fill-in plan); "full": the booklet of `topics` with pictures and tools; "booklet": the booklet of
    `topics` without the tools (`--topics`); "card": the wallet-size pump card. A file without a
    `handout:` block has only the booklet.
    """
    refs = _References(kb, per_statement=1 if layout in ("short", "card") else None)
    drug = kb.drug
    spec = kb.handout
    if spec is None and layout in ("short", "card"):
        if layout == "card":
            raise ValueError("this knowledge file has no pump card (a `handout: card:` block)")
        layout = "full"
    card = spec.card if spec is not None else None
    if layout == "card" and card is None:
        raise ValueError("this knowledge file has no pump card (a `handout: card:` block)")
    from baclofen_cli.features.topics.view import labels_view

    labels = labels_view(kb)  # the file's own words over its language pack's
    emergency = kb.emergency
    emergency_view: EmergencyJSON = {
        "heading": emergency.heading,
        "instruction": refs.statement(emergency.instruction),
        "contacts": [{"label": c.label, "number": c.number, "region": c.region, "kind": c.kind}
                     for c in emergency.contacts],
        "signs": [refs.statement(s) for s in emergency.signs],
    }
    name = drug.name[:1].upper() + drug.name[1:]
    if card is not None and layout == "card":
        title = card.heading
    elif spec is not None:
        title = spec.title if layout == "short" else spec.full_title
    else:
        title = name
    head: _Head = {
        "layout": layout,
        "title": title,
        "purpose": refs.statement(spec.purpose) if spec else None,
        "drug": drug.name,
        "drug_class": drug.drug_class,
        "reviewed": drug.reviewed,
        "language": drug.language,
        "labels": labels,
        "emergency": emergency_view,
    }
    body: _Body = {}
    if card is not None and layout == "card":
        body["card"] = {
            "heading": card.heading,
            "points": [refs.statement(p) for p in card.points],
            "fields": [_as_dict(f) for f in card.fields],
            "fold_note": card.fold_note,
        }
    else:
        if spec:
            body["key_facts"] = {"heading": spec.key_facts_heading,
                                 "points": [refs.statement(p) for p in spec.key_facts]}
        if spec and layout == "short":
            body["rules"] = {"heading": spec.rules_heading,
                             "steps": [_featured(kb, rule, refs) for rule in spec.rules]}
            body["plan"] = _plan_view(spec, refs)
            body["pictures"] = [_picture_view(p, refs) for p in spec.pictures if p.leaflet]
        else:
            hide = _command_text(command)
            body["topics"] = [_topic_view(kb, topic, refs, hide, spec) for topic in (topics or reading_order(kb))]
            if spec and layout == "full":
                body["tools"] = [_tool_view(tool, refs) for tool in spec.tools]
                body["plan"] = _plan_view(spec, refs)
        body["disclaimer"] = refs.statement(kb.disclaimer)
    # The references last: numbered as the parts above first cite them.
    return {**head, **body, "references": refs.listing(), "sources_heading": spec.sources_heading if spec else ""}


def _as_dict(value: Any) -> dict[str, Any]:
    from baclofen_cli.features.topics.view import _as_dict as convert

    return convert(value)


def _featured(kb: KnowledgeBase, rule: FeaturedAction, refs: _References) -> FeaturedStepJSON:
    """A featured step: the topic's action number `rule.action`, or its summary if it has no such step."""
    topic = kb.topic(rule.topic)
    if topic is None:  # validate's checks refuse a featured step of a topic the file lacks
        raise ValueError(f"the handout features a topic this file does not have: {rule.topic!r}")
    index = rule.action - 1
    chosen = topic.actions[index] if 0 <= index < len(topic.actions) else topic.summary
    return {**refs.statement(chosen), "topic": rule.topic, "topic_title": topic.title}


def _plan_view(spec: Handout, refs: _References) -> PlanJSON:
    intro = spec.plan_intro
    return {
        "heading": spec.plan_heading,
        "intro": refs.statement(intro) if intro else None,
        "fields": [_as_dict(f) for f in spec.plan],
    }


def _tool_view(tool: HandoutTool, refs: _References) -> ToolJSON:
    intro = tool.intro
    return {
        "heading": tool.heading,
        "intro": refs.statement(intro) if intro else None,
        "points": [refs.statement(p) for p in tool.points],
        "columns": list(tool.columns),
        "rows": tool.rows,
    }


def _topic_view(kb: KnowledgeBase, topic: Topic, refs: _References, hide: re.Pattern[str],
                spec: Handout | None) -> HandoutTopicJSON:
    def shown(statements: list[Statement]) -> list[HandoutStatement]:
        return [refs.statement(s) for s in statements if not hide.search(s.text)]

    view: HandoutTopicJSON = {
        "id": topic.id,
        "title": topic.title,
        "emergency_first": topic.emergency_first,
        "summary": refs.statement(topic.summary),
        "actions": shown(topic.actions),
        "pictures": [_picture_view(p, refs) for p in (spec.pictures if spec else []) if p.topic == topic.id],
        "sections": [
            {"heading": section.heading, "kind": section.kind, "tier": section.tier, "points": points}
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
    talk = topic.talk_to_doctor
    if talk and not hide.search(talk.text):
        view["talk_to_doctor"] = refs.statement(talk)
    return view


_INTERACTIONS_TOPIC = "interactions"


def _picture_view(picture: Picture, refs: _References) -> PictureJSON:
    return {"kind": picture.kind, "caption": picture.caption, "alt": picture.alt,
            "words": _as_dict(picture.words), "sources": list(picture.sources),
            "refs": refs.ids(picture.sources)}
