"""The knowledge model: the one schema every knowledge file follows.

These msgspec structs are the single source of truth for the file format. They validate a parsed
file (``msgspec.convert``), decode the cached compiled form fast (``msgspec.json.decode``), and
generate ``data/schema.json`` for editors (``python -m baclofen_cli.core.model > data/schema.json``).
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from baclofen_cli.core.model_sources import (
    ContactKind,
    Identifier,
    IsoDate,
    NonEmptyText,
    RegionCode,
    SectionKind,
    Severity,
    SideEffectTier,
    Source,
    SourceIds,
    Statement,
    StrictStruct,
)


class Brand(StrictStruct, frozen=True):
    name: NonEmptyText
    region: NonEmptyText
    form: str = ""


class Drug(StrictStruct, frozen=True):
    name: NonEmptyText
    drug_class: NonEmptyText
    reviewed: IsoDate
    also_called: list[NonEmptyText] = []
    brands: list[Brand] = []
    forms: list[NonEmptyText] = []
    language: Annotated[str, Meta(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = "en"


class Contact(StrictStruct, frozen=True):
    label: NonEmptyText
    number: NonEmptyText
    region: RegionCode
    kind: ContactKind = "emergency"
    sources: list[Identifier] = []


class Region(StrictStruct, frozen=True):
    """A region readers can choose with `--region`, and the locales that choose it by default."""

    code: RegionCode
    name: NonEmptyText
    # ISO 3166 country codes as they appear in locale names: en_GB -> GB.
    territories: list[Annotated[str, Meta(pattern=r"^[A-Z]{2}$")]] = []


class RegionalEmergency(StrictStruct, frozen=True):
    instruction: Statement
    reminder: Statement | None = None


class Emergency(StrictStruct, frozen=True):
    """Shown before anything else wherever an emergency could be involved."""

    heading: NonEmptyText
    instruction: Statement
    contacts: Annotated[list[Contact], Meta(min_length=1)]
    signs: Annotated[list[Statement], Meta(min_length=1)]
    # One line at the top of every topic that does not lead with the full box.
    reminder: Statement | None = None
    # Region code -> the instruction and reminder with only that region's numbers, used in place
    # of the two above when a reader chooses the region (`--region`).
    by_region: dict[RegionCode, RegionalEmergency] = {}
    # Topics that must lead with this box and hold an emergency section (validate: BCL041).
    topics: list[Identifier] = []


class Section(StrictStruct, frozen=True):
    heading: NonEmptyText
    points: Annotated[list[Statement], Meta(min_length=1)]
    kind: SectionKind = "info"
    tier: SideEffectTier | None = None


class Topic(StrictStruct, frozen=True):
    id: Identifier
    title: NonEmptyText
    summary: Statement
    sections: Annotated[list[Section], Meta(min_length=1)]
    # Numbered "What to do" steps, shown right after the summary in every output.
    actions: list[Statement] = []
    # Lead with the emergency box (overdose, stopping, pump, side effects).
    emergency_first: bool = False
    talk_to_doctor: Statement | None = None
    # Other names a reader may type for this topic, in the file's language ("efectos-secundarios"
    # for side-effects): `baclofen efectos secundarios` runs the topic as its id does.
    aliases: list[Identifier] = []


class InteractingDrug(StrictStruct, frozen=True):
    name: NonEmptyText
    brands: list[NonEmptyText] = []
    # Everyday words and other names that mean this drug ("beer" for alcohol, "paracetamol").
    aliases: list[NonEmptyText] = []
    # Brands that mean this drug only in some regions (UK "Sominex" is promethazine, US "Sominex"
    # is diphenhydramine): region code -> names. With a region chosen only its meaning is shown;
    # with none, every meaning.
    brands_by_region: dict[RegionCode, list[NonEmptyText]] = {}
    # Street and everyday words ("weed", "bars", "a few pints"): alone or with an amount, a use or
    # another name ("a joint", "weed and xanax"), never inside an everyday phrase ("pot noodle").
    street_names: list[NonEmptyText] = []
    # The same, never read inside an `ask` question ("a fifth", "school bus": "my fifth day").
    everyday_names: list[NonEmptyText] = []
    sources: list[Identifier] = []  # where its street names come from (DEA, FRANK): checked ids


class InteractionGroup(StrictStruct, frozen=True):
    id: Identifier
    name: NonEmptyText
    # How one member is described: "Percocet: contains oxycodone, <an opioid>".
    member_label: NonEmptyText
    severity: Severity
    effect: NonEmptyText
    advice: NonEmptyText
    sources: SourceIds
    drugs: Annotated[list[InteractingDrug], Meta(min_length=1)]


class Combination(StrictStruct, frozen=True):
    """A product that contains several drugs (Percocet, co-codamol)."""

    name: NonEmptyText
    contains: Annotated[list[NonEmptyText], Meta(min_length=1)]
    aliases: list[NonEmptyText] = []
    # Where the product is sold under this name; empty means everywhere (see brands_by_region).
    regions: list[RegionCode] = []
    # Street names of the product ("lean"): counted as InteractingDrug.street_names are.
    street_names: list[NonEmptyText] = []
    sources: list[Identifier] = []


class UnlistedMedicines(StrictStruct, frozen=True):
    names: list[NonEmptyText]
    sources: SourceIds


class Interactions(StrictStruct, frozen=True):
    groups: Annotated[list[InteractionGroup], Meta(min_length=1)]
    # Said for any name the file does not know: it must never read as reassurance
    # ("not in this guide; that does not mean it is safe; ask your pharmacist").
    unknown_drug: Statement
    combinations: list[Combination] = []
    # Shown when several names asked together each slow the nervous system.
    combined_warning: Statement | None = None
    # Groups whose members add to sleepiness and slowed breathing.
    depressant_groups: list[Identifier] = []
    # Shown first when a name matches a major group: the signs that mean "get help now".
    emergency_note: Statement | None = None
    # Said when the name asked is the guide's own drug (one of its brands, say).
    same_drug: Statement | None = None
    # The one-line verdict for an answer, by the highest severity of everything asked.
    verdicts: dict[Severity, Statement] = {}
    # The numbered "What to do" steps for an answer, by the highest severity of everything asked.
    steps: dict[Severity, list[Statement]] = {}
    # Steps added when a name matches one of these groups ("opioids": give naloxone if you have it).
    group_steps: dict[Identifier, list[Statement]] = {}
    # Everyday phrases that contain or sound like a name in the guide but are not it ("root beer",
    # "ginger ale", "protein shake"): looked up as names this guide does not know.
    not_drugs: list[NonEmptyText] = []
    # Real medicines the guide has no entry for, from an official list: an exact hit answers "not
    # in this guide, ask your pharmacist" and is never read as a listed drug it is spelt like.
    unlisted_medicines: UnlistedMedicines | None = None
    # Said when a name was longer than the tool reads; {limit} is the number of characters read.
    not_read: NonEmptyText | None = None
    # Groups that must never be graded below major, whatever an edit does (validate: BCL042).
    major_groups: list[Identifier] = []


class QuizChoice(StrictStruct, frozen=True):
    text: NonEmptyText
    correct: bool = False


class QuizItem(StrictStruct, frozen=True):
    id: Identifier
    topic: Identifier
    question: NonEmptyText
    choices: Annotated[list[QuizChoice], Meta(min_length=2)]
    explanation: NonEmptyText
    sources: SourceIds


class AskHints(StrictStruct, frozen=True):
    """What `ask` needs to understand patients' own words."""

    # Topic id -> how patients ask about it ("I forgot my pill", "come off it").
    topic_phrasings: dict[Identifier, list[NonEmptyText]] = {}
    # Word -> words it can stand for in a question ("forgot" -> "missed").
    synonyms: dict[NonEmptyText, list[NonEmptyText]] = {}
    # Phrases that describe an emergency happening now ("took too many", "can't breathe").
    emergency_phrasings: list[NonEmptyText] = []
    # Phrases that only ask about a symptom and must not raise the alarm on their own.
    non_emergency_phrasings: list[NonEmptyText] = []
    # Topic id -> words that, in a matched emergency phrasing, say which topic answers it
    # ("took", "swallowed" -> overdose; "stop", "ran" -> stopping; "pump" -> pump).
    emergency_phrasing_topics: dict[Identifier, list[NonEmptyText]] = {}
    # Phrases that make a question a how-to ("how do i know if"): a sign in it is asked about,
    # even with a person and a past tense ("how do i know if my pump has stopped").
    how_to_phrasings: list[NonEmptyText] = []
    # Past-tense words that mean "took" when said of a medicine ("swallowed", "downed", "necked"),
    # and words for what medicine comes in ("bottle", "strip"): "swallowed the rest of the bottle".
    taking_words: list[NonEmptyText] = []
    container_words: list[NonEmptyText] = []
    # This many tablets (or doses) taken at once is too many.
    too_many_at_once: Annotated[int, Meta(ge=2)] = 4
    # Phrases the file uses after a daily amount ("mg a day"): the largest such amount in the
    # topics is a day's maximum, and taking that much or more at once is an overdose.
    daily_amount_phrases: list[NonEmptyText] = []
    # Thoughts of suicide or self-harm, and "lethal dose" questions: always an emergency, even
    # when asked as a question; answered with crisis help first, never with dose numbers.
    self_harm_phrasings: list[NonEmptyText] = []
    crisis_message: Statement | None = None
    # The topic whose emergency sections go with crisis help (never its other sections).
    crisis_topic: Identifier | None = None
    # The topic for an emergency sign held as a condition or past ("had a fit years ago"): who should take care.
    condition_topic: Identifier | None = None
    # Phrases that ask for the emergency numbers ("911", "what number do i call").
    emergency_number_phrasings: list[NonEmptyText] = []
    # Animals: a pet question gets the message (a vet or animal poison line), never human advice; one that
    # ate it, the pet_topic section headed pet_heading; nothing eaten, only a pet_question_topics answer.
    pet_words: list[NonEmptyText] = []
    pet_message: Statement | None = None
    pet_topic: Identifier | None = None
    pet_heading: NonEmptyText | None = None
    pet_question_topics: list[Identifier] = []
    # Phrases asking a dose or use ("how much", "used for"): of another medicine, not this one, out of scope.
    other_medicine_cues: list[NonEmptyText] = []
    # Everyday English words that are never read as a typo of a word the file uses
    # ("great" is not "treat", "kill" is not "will").
    plain_words: list[NonEmptyText] = []
    # Topic id -> the heading of its section that always comes first when the topic answers
    # (dosing: "who sets my dose", the rule, before the label's numbers).
    lead_sections: dict[Identifier, NonEmptyText] = {}
    # Interaction groups that are an emergency when the question says they were taken together
    # with this medicine ("he took his baclofen and 3 of my oxycodone").
    emergency_if_taken_with: list[Identifier] = []
    other_medicine_message: Statement | None = None


# A key of the language pack's `labels:` (baclofen_cli/lang/en.yaml): in_short, what_to_do, ...
LabelKey = Annotated[str, Meta(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]


class PlanField(StrictStruct, frozen=True):
    """One thing to fill in by hand, with blank lines to write on."""

    label: NonEmptyText
    hint: str = ""
    lines: Annotated[int, Meta(ge=0, le=12)] = 1


class FeaturedAction(StrictStruct, frozen=True):
    """A "What to do" step of a topic, featured in the short handout (the topic's summary if it has none)."""

    topic: Identifier
    action: Annotated[int, Meta(ge=1)] = 1


class HandoutTool(StrictStruct, frozen=True):
    """A page to use, not only read (in `handout --full`): tips to follow, and/or a table to fill in."""

    heading: NonEmptyText
    intro: Statement | None = None
    points: list[Statement] = []
    columns: list[NonEmptyText] = []
    rows: Annotated[int, Meta(ge=0, le=40)] = 0


# What each picture draws; its words come from `words`, keyed as documented per kind:
# oral-syringe: unit, tip, plunger; decision-chart: question, yes, yes_action, no, no_action, always;
# traffic-light: red, red_text, amber, amber_text, green, green_text; pump: pump, catheter, cord, fluid, skin.
PictureKind = Literal["oral-syringe", "decision-chart", "traffic-light", "pump"]


class Picture(StrictStruct, frozen=True):
    """A captioned picture in the HTML handout (inline SVG), drawn in its topic's chapter."""

    kind: PictureKind
    topic: Identifier
    caption: NonEmptyText
    alt: NonEmptyText
    sources: SourceIds
    words: dict[Annotated[str, Meta(pattern=r"^[a-z][a-z_]*$")], NonEmptyText] = {}
    # Also drawn on the 2-page leaflet (in the plan box), not only in the booklet.
    leaflet: bool = False


class Card(StrictStruct, frozen=True):
    """A wallet-size card to cut out and carry (`handout --card`)."""

    heading: NonEmptyText
    points: Annotated[list[Statement], Meta(min_length=1)]
    fields: list[PlanField] = []
    fold_note: str = ""


class Handout(StrictStruct, frozen=True):
    """The printed leaflet: what the short default shows, the fill-in plan, and the tools of `--full`."""

    title: NonEmptyText
    purpose: Statement
    full_title: NonEmptyText
    key_facts_heading: NonEmptyText
    key_facts: Annotated[list[Statement], Meta(min_length=1, max_length=7)]
    rules_heading: NonEmptyText
    rules: Annotated[list[FeaturedAction], Meta(max_length=7)] = []
    plan_heading: NonEmptyText = "My plan"
    plan_intro: Statement | None = None
    plan: list[PlanField] = []
    tools: list[HandoutTool] = []
    pictures: list[Picture] = []
    card: Card | None = None
    # The line above the reference list ("Sources (official documents only)").
    sources_heading: str = ""
class SituationRule(StrictStruct, frozen=True):
    """One agreed rule: the signs that identify a situation and the action tier it calls for."""

    id: Identifier
    signs: Annotated[list[NonEmptyText], Meta(min_length=1)]
    # Tier ids: wherever these signs get an action, it is one of these.
    action: Annotated[list[Identifier], Meta(min_length=1)]
    # Tier ids that must never be given for these signs.
    never: list[Identifier] = []
    # The signs count only where one of these words is near (the topic, heading or text): "pump".
    when: list[NonEmptyText] = []
    # The rule in words, for editors.
    rule: str = ""


class Situations(StrictStruct, frozen=True):
    """One situation, one action: checked by `validate` (BCL030), never shown to readers."""

    # Tier id -> the words that give that action ("emergency" -> "911", "emergency number").
    tiers: dict[Identifier, list[NonEmptyText]]
    rules: list[SituationRule]
    # A section `tier:` or `kind:` value that itself gives an action -> its tier id.
    implied: dict[NonEmptyText, Identifier] = {}


class KnowledgeBase(StrictStruct, frozen=True):
    schema_version: Literal[1]
    drug: Drug
    disclaimer: Statement
    sources: Annotated[list[Source], Meta(min_length=1)]
    emergency: Emergency
    topics: Annotated[list[Topic], Meta(min_length=1)]
    interactions: Interactions
    regions: list[Region] = []
    quiz: list[QuizItem] = []
    ask: AskHints = AskHints()
    # The file's own words for labels of its language pack; they win over the pack's (see baclofen_cli/lang).
    labels: dict[LabelKey, NonEmptyText] = {}
    handout: Handout | None = None
    situations: Situations | None = None
    safety_topics: Annotated[
        list[Identifier],
        Meta(description="Topics whose every statement is safety advice and must cite an official source (as "
                         "must the emergency block, the interactions and any emergency_first topic)."),
    ] = []
    # `extends: builtin` makes this a clinic overlay: only what it adds or changes, merged into the
    # built-in file by id before validation (see the README, "Clinic overlays").
    extends: Literal["builtin"] | None = None

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def source_map(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}


def json_schema() -> dict[str, object]:
    from baclofen_cli.core.schema_docs import describe

    schema = describe(msgspec.json.schema(KnowledgeBase))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "baclofen-cli knowledge file"
    return schema


if __name__ == "__main__":
    import json

    print(json.dumps(json_schema(), indent=2, sort_keys=True))
