"""The `baclofen handout --json` contract (stable; documented in the README).

Built by `handout.view.handout_view`; the Markdown, text and HTML renderers draw the same
object, and tests/test_handout.py checks the output. A change here is a change of the
contract. Which parts appear depends on the layout: "short" (the 2-page leaflet), "full"
(the booklet with its tools), "booklet" (`--topics`, no tools) and "card" (the pump card).
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict


class HandoutStatement(TypedDict):
    text: str
    sources: list[str]  # every source id the statement cites
    refs: list[int]  # the numbers of its official sources in `references`


class ContactJSON(TypedDict):
    label: str
    number: str
    region: str
    kind: str


class EmergencyJSON(TypedDict):
    heading: str
    instruction: HandoutStatement
    contacts: list[ContactJSON]
    signs: list[HandoutStatement]


class ReferenceJSON(TypedDict):
    number: int
    id: str
    title: str
    publisher: str
    year: int | None
    url: str
    label: str


class CardJSON(TypedDict):
    heading: str
    points: list[HandoutStatement]
    fields: list[dict[str, Any]]  # each a PlanField: label, hint, lines
    fold_note: str


class KeyFactsJSON(TypedDict):
    heading: str
    points: list[HandoutStatement]


class FeaturedStepJSON(HandoutStatement):
    topic: str
    topic_title: str


class RulesJSON(TypedDict):
    heading: str
    steps: list[FeaturedStepJSON]


class PlanJSON(TypedDict):
    heading: str
    intro: HandoutStatement | None
    fields: list[dict[str, Any]]  # each a PlanField: label, hint, lines


class PictureJSON(TypedDict):
    kind: str
    caption: str
    alt: str
    words: dict[str, Any]
    sources: list[str]
    refs: list[int]


class ToolJSON(TypedDict):
    heading: str
    intro: HandoutStatement | None
    points: list[HandoutStatement]
    columns: list[str]
    rows: int


class HandoutSectionJSON(TypedDict):
    heading: str
    kind: str
    tier: str | None
    points: list[HandoutStatement]


class GroupJSON(TypedDict):
    name: str
    severity: str
    effect: str
    advice: str
    sources: list[str]
    refs: list[int]


class HandoutTopicJSON(TypedDict):
    id: str
    title: str
    emergency_first: bool
    summary: HandoutStatement
    actions: list[HandoutStatement]
    pictures: list[PictureJSON]
    sections: list[HandoutSectionJSON]
    groups: list[GroupJSON]  # the interaction groups, in the interactions topic only
    talk_to_doctor: HandoutStatement | None


class HandoutJSON(TypedDict):
    layout: str  # "short", "full", "booklet" or "card"
    title: str
    purpose: HandoutStatement | None
    drug: str
    drug_class: str
    reviewed: str  # YYYY-MM-DD
    language: str
    labels: dict[str, str]
    emergency: EmergencyJSON
    card: NotRequired[CardJSON]  # "card"
    key_facts: NotRequired[KeyFactsJSON]  # a file with a `handout:` block
    rules: NotRequired[RulesJSON]  # "short"
    plan: NotRequired[PlanJSON]  # "short" and "full"
    pictures: NotRequired[list[PictureJSON]]  # "short": the leaflet's own pictures
    topics: NotRequired[list[HandoutTopicJSON]]  # "full" and "booklet"
    tools: NotRequired[list[ToolJSON]]  # "full"
    disclaimer: NotRequired[HandoutStatement]  # every layout but "card"
    references: list[ReferenceJSON]
    sources_heading: str
