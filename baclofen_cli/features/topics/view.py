"""Answers as plain data: the `--json` contract, and what every renderer draws from.

Building one view and rendering it three ways (JSON, plain, Rich) keeps the
outputs from drifting apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    # At run time these are the cache's Records, shaped like the model (see loader.py).
    from baclofen_cli.core.model import KnowledgeBase, Topic
    from baclofen_cli.core.model_sources import Source, Statement


# The `--json` contract of a topic, `emergency`, `sources`, `topics` and `about`: these shapes are
# what scripts rely on (tests/test_output_modes.py checks the output), so a change here is a change
# of the contract.
class StatementView(TypedDict):
    text: str
    sources: list[str]


class SourceView(TypedDict):
    id: str
    title: str
    publisher: str
    url: str
    tier: str
    year: int | None


class ContactView(TypedDict):
    label: str
    number: str
    region: str
    kind: str
    sources: list[str]


class EmergencyView(TypedDict):
    heading: str
    instruction: StatementView
    contacts: list[ContactView]
    signs: list[StatementView]


class SectionView(TypedDict):
    heading: str
    kind: str
    tier: str | None
    points: list[StatementView]


class ChartView(TypedDict):
    words: dict[str, Any]
    caption: str
    sources: list[str]


class TopicView(TypedDict):
    id: str
    title: str
    summary: str
    summary_sources: list[str]
    actions: list[StatementView]
    emergency: EmergencyView | None
    emergency_reminder: StatementView | None
    sections: list[SectionView]
    talk_to_doctor: StatementView | None
    sources: list[SourceView]
    decision_chart: ChartView | None
    triage_chart: ChartView | None
    labels: dict[str, str]


class TopicListItem(TypedDict):
    id: str
    title: str
    summary: str


class AboutView(TypedDict):
    drug: str
    drug_class: str
    reviewed: str
    language: str
    disclaimer: StatementView


def statement_view(statement: Statement) -> StatementView:
    return {"text": statement.text, "sources": list(statement.sources)}


def source_view(source: Source) -> SourceView:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "tier": source.tier,
        "year": source.year,
    }


def sources_view(kb: KnowledgeBase, ids: list[str]) -> list[SourceView]:
    """The listed sources, each once, in the order first cited."""
    by_id = kb.source_map()
    return [source_view(by_id[i]) for i in dict.fromkeys(ids) if i in by_id]


def emergency_view(kb: KnowledgeBase) -> EmergencyView:
    emergency = kb.emergency
    return {
        "heading": emergency.heading,
        "instruction": statement_view(emergency.instruction),
        "contacts": [
            {"label": c.label, "number": c.number, "region": c.region, "kind": c.kind, "sources": list(c.sources)}
            for c in emergency.contacts
        ],
        "signs": [statement_view(s) for s in emergency.signs],
    }


def topic_view(kb: KnowledgeBase, topic: Topic) -> TopicView:
    cited: list[str] = []
    emergency: EmergencyView | None = None
    reminder: StatementView | None = None
    if topic.emergency_first:
        emergency = emergency_view(kb)
        cited += kb.emergency.instruction.sources
        for sign in kb.emergency.signs:
            cited += sign.sources
    elif kb.emergency.reminder:
        reminder = statement_view(kb.emergency.reminder)
        cited += kb.emergency.reminder.sources
    cited += topic.summary.sources
    for action in topic.actions:
        cited += action.sources
    sections: list[SectionView] = []
    for section in topic.sections:
        for point in section.points:
            cited += point.sources
        sections.append(
            {
                "heading": section.heading,
                "kind": section.kind,
                "tier": section.tier,
                "points": [statement_view(p) for p in section.points],
            }
        )
    if topic.talk_to_doctor:
        cited += topic.talk_to_doctor.sources
    chart = decision_chart(kb, topic.id)
    triage = decision_chart(kb, topic.id, kind="traffic-light")
    for drawn in (chart, triage):
        if drawn:
            cited += drawn["sources"]
    return {
        "id": topic.id,
        "title": topic.title,
        "summary": topic.summary.text,
        "summary_sources": list(topic.summary.sources),
        "actions": [statement_view(a) for a in topic.actions],
        "emergency": emergency,
        "emergency_reminder": reminder,
        "sections": sections,
        "talk_to_doctor": statement_view(topic.talk_to_doctor) if topic.talk_to_doctor else None,
        "sources": sources_view(kb, cited),
        # The decision chart of this topic (the handout draws it; a terminal shows it as a short text flow).
        "decision_chart": chart,
        # The red/amber/green chart of this topic (a picture in the handout, three labelled lines on screen).
        "triage_chart": triage,
        # The file's words for "In short", "What to do"...: renderers use them, so another language's file works.
        "labels": labels_view(kb),
    }


# The labels a topic's and the handout's JSON carry (the others are the renderers' own business).
VIEW_LABELS = ("in_short", "what_to_do", "talk_to_doctor", "warning", "emergency", "signs", "numbers_to_call",
               "sources", "contents", "reviewed", "about", "yes", "no")


def labels_view(kb: KnowledgeBase) -> dict[str, str]:
    """The words around the content: the file's own `labels:` over the run's language pack."""
    from baclofen_cli.lang import phrase

    own = _as_dict(kb.labels) if kb.labels else {}
    return {key: own.get(key) or phrase(key) for key in VIEW_LABELS}


def decision_chart(kb: KnowledgeBase, topic_id: str, kind: str = "decision-chart") -> ChartView | None:
    """The topic's picture of this kind, as words a terminal can show (None if it has none)."""
    handout = getattr(kb, "handout", None)
    for picture in handout.pictures if handout else []:
        if picture.kind == kind and picture.topic == topic_id:
            return {"words": _as_dict(picture.words), "caption": picture.caption, "sources": list(picture.sources)}
    return None


def _as_dict(value: Any) -> dict[str, Any]:
    """A cached Record is a dict already; a model struct (tests, index builders) is converted."""
    if isinstance(value, dict):
        return dict(value)
    import msgspec

    return msgspec.structs.asdict(value)


def topics_list_view(kb: KnowledgeBase) -> list[TopicListItem]:
    return [{"id": t.id, "title": t.title, "summary": t.summary.text} for t in kb.topics]


def about_view(kb: KnowledgeBase) -> AboutView:
    drug = kb.drug
    return {
        "drug": drug.name,
        "drug_class": drug.drug_class,
        "reviewed": drug.reviewed,
        "language": drug.language,
        "disclaimer": statement_view(kb.disclaimer),
    }
