"""Step 2 of `ask`, the index: everything `ask` searches, derived from one knowledge file.

`build_index` makes it; the loader caches it as `AskIndex.to_cache` writes it (a JSON header and
the large tables in buckets, decoded as a question looks words up: features/ask/index_tables.py)
and reads it back with `AskIndex.from_cache`. `to_data` / `from_data` are the same index as plain
JSON data. These are NamedTuples and plain classes rather than
msgspec Structs or dataclasses: importing msgspec (or `dataclasses`, which imports `inspect`)
would cost more than ranking the question.

No `from __future__ import annotations` here: typing.NamedTuple turns each string annotation into
a ForwardRef, compiling it, and the ~50 fields' compiles cost more than a question's ranking on
every `ask`. The few annotations naming a type not defined yet are quoted instead.
"""
import math
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from baclofen_cli.features.ask import index_tables
from baclofen_cli.features.ask.postings import Idf, Postings
from baclofen_cli.features.ask.tokens import AskWords, ask_words, is_definition

if TYPE_CHECKING:
    from baclofen_cli.core.model import KnowledgeBase

_Row = TypeVar("_Row", bound=tuple[Any, ...])  # a NamedTuple


class Doc(NamedTuple):
    topic: str
    # Index into the topic's sections, or -1 for a document about the whole topic.
    section: int
    length: int
    kind: str  # "drug" | "section" | "summary" | "group" | one of PHRASINGS


# Kinds of phrasing document: a plain one, one that asks what something is ("what is the half
# life"), and one about the medicine ("is it for multiple sclerosis", "what are my tablets for").
PHRASINGS = frozenset(("phrasing", "definition", "about"))


class Phrase(NamedTuple):
    stems: list[str]
    # Written in the past tense: only a past tense matches it.
    past: list[bool]


class Rule(NamedTuple):
    """An emergency phrasing: its first part is the sign; any further parts ("hallucinations +
    stopped") are the circumstances, which may be anywhere in the question."""

    sign: Phrase
    context: list[Phrase] | tuple[Phrase, ...] = ()


class Choices(NamedTuple):
    """An emergency phrasing as the file writes it, each part with its alternatives ("floppy |
    limp + syringe | spoon"): it matches as the Rule of the alternatives found, and costs one
    match per alternative, not one per combination."""

    signs: list[Phrase]
    contexts: list[list[Phrase]]

    @classmethod
    def from_row(cls, row: list[Any]) -> "Choices":
        return cls([Phrase(*p) for p in row[0]], [[Phrase(*p) for p in part] for part in row[1]])


def rows_of(kind: type[_Row], rows: list[list[Any]]) -> list[_Row]:
    """Cached rows as NamedTuples, made by tuple.__new__ in C: a call of each one's Python
    __new__ (`Doc(*row)`) for each of ~2,000 documents cost every `ask` about twice as much.
    A row of another width is a ValueError, as the loader wants (it rebuilds the file)."""
    width = len(kind._fields)  # type: ignore[attr-defined]
    if any(len(row) != width for row in rows):
        raise ValueError(f"a cached {kind.__name__} of the wrong width")
    return list(map(partial(tuple.__new__, kind), rows))


class AskIndex(NamedTuple):
    """What `ask` searches, derived from the knowledge file by `build_index`."""

    docs: list[Doc]
    # stem -> [doc number, count, doc number, count, ...] (flat: decodes faster from the cache)
    postings: dict[str, list[int]]
    idf: Idf
    avgdl: float
    # Every word the file uses (as written) -> its stem; typo correction looks here.
    surface: dict[str, str]
    # Stems of a synonym key, joined by spaces -> stems it stands for (one list per meaning).
    synonyms: dict[str, list[list[str]]]
    emergency: list[Choices]
    cues: list[Phrase]
    # Drug names, brands and aliases from the interactions block: words joined by spaces -> name.
    drugs: dict[str, str]
    # Topic ids in file order, and the interactions topic if the file has one.
    topics: list[str]
    interactions_topic: str
    # Stems of the medicine's own names: a question that names it is in scope.
    anchors: list[str]
    # Stems of its generic name: in nearly every question, so it says little about the topic.
    name_stems: list[str]
    # The words of the emergency phrasings, for typo correction of short words.
    emergency_words: list[str]
    # Sum of the idf of each document's distinct words.
    doc_mass: list[float]
    # Stems of everyday words for a medicine and of the medicine's forms ("tablets").
    references: list[str]
    # Stems of the last word of each part of the medicine's class ("muscle relaxant
    # (antispastic)" -> relaxant, antispastic): "a handful of my muscle relaxants" is of it.
    class_stems: list[str]
    # Stem of a one-word name from the interactions block -> the drug's name ("alcohol").
    drug_stems: dict[str, str]
    # Topics with a section of kind "emergency" (what to do now).
    emergency_topics: list[str]
    # The most words in a drug name and in a synonym key.
    drug_words: int
    synonym_words: int
    # Self-harm phrasings (always an emergency) and requests for the emergency numbers.
    self_harm: list[Phrase]
    number_requests: list[Phrase]
    # How-to openers and other-medicine cues, as words joined by spaces (matched as phrases).
    how_to: list[str]
    other_cues: list[str]
    # Past-tense words that mean "took"; words for what holds tablets; how many at once is too many.
    taking: list[str]
    containers: list[str]
    too_many: int
    # [unit, amount]: the largest daily amount the topics name ("100 mg a day"), or [].
    day_maximum: list[Any]
    # The words after the unit in `ask.daily_amount_phrases` ("a day", "per day"): "120 mg a
    # day" is a dose someone is on, not an amount taken at once.
    day_words: list[list[str]]
    # Words for animals.
    pets: list[str]
    # Topic id -> stems of its title and section headings ("withdrawal" in "Signs of withdrawal").
    headings: dict[str, list[str]]
    # [stem, topic] pairs: a matched emergency phrasing with the stem is answered from the topic.
    rule_topics: list[list[str]]
    # The topic whose emergency sections go with crisis help.
    crisis_topic: str
    # Everyday words (not known to the file) that typo correction leaves alone.
    plain_words: list[str]
    # Names (as index.drugs gives them) in a group of major severity, or a product containing one.
    major_drugs: list[str]
    # Names in the groups that are an emergency when taken together with this medicine.
    taken_together: list[str]
    # The language's words for reading questions (lang/<language>_ask.yaml).
    words: AskWords

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "AskIndex":
        return cls(
            **{
                **data,
                "docs": rows_of(Doc, data["docs"]),
                "emergency": [Choices.from_row(row) for row in data["emergency"]],
                "cues": rows_of(Phrase, data["cues"]),
                "self_harm": rows_of(Phrase, data["self_harm"]),
                "number_requests": rows_of(Phrase, data["number_requests"]),
                "postings": (postings := Postings(data["postings"])),
                "idf": Idf(postings, *data["idf"]),
                "words": AskWords.from_data(data["words"]),
            }
        )

    @classmethod
    def from_cache(cls, payload: bytes) -> "AskIndex":
        return cls.from_data(index_tables.decode(payload))

    def to_cache(self) -> bytes:
        return index_tables.encode(self.to_data())

    def to_data(self) -> dict[str, Any]:
        data = self._asdict()
        for name, value in data.items():
            if isinstance(value, index_tables.LazyTable):  # read from the cache: every bucket
                data[name] = list(value) if name in index_tables.WORD_SETS else value.whole()
        data["postings"] = {stem: " ".join(map(str, self.postings[stem])) for stem in self.postings}
        data["idf"] = [self.idf.total, self.idf.highest]
        data["words"] = self.words.to_data()
        return data


def bigrams(stems: list[str]) -> list[str]:
    """Pairs of neighbouring words ("too much", "pass out"): they rank phrases above loose words."""
    return [f"{a}_{b}" for a, b in zip(stems, stems[1:])]


def _phrase(text: str, words: AskWords) -> Phrase:
    kept = [w for w in words.tokenize(text) if w.isalnum() and w not in words.filler]
    return Phrase(stems=[words.stem(w) for w in kept], past=[words.is_past(w) for w in kept])


def _choices(text: str, words: AskWords) -> Choices:
    """"floppy | limp + syringe | spoon" -> the signs floppy, limp in the context syringe or spoon."""
    parts = [[q for q in (_phrase(a, words) for a in part.split("|")) if q.stems] for part in text.split("+")]
    parts = [part for part in parts if part]
    if not parts:
        return Choices(signs=[], contexts=[])
    return Choices(signs=parts[0], contexts=parts[1:])


def build_index(kb: "KnowledgeBase") -> AskIndex:
    """Everything `ask` needs, derived from one knowledge file (cached by the loader)."""
    lang = ask_words(kb.drug.language)
    stem, tokenize = lang.stem, lang.tokenize

    def content_stems(text: str) -> list[str]:
        return [stem(w) for w in tokenize(text) if w.isalnum() and w not in lang.stop_words]

    docs: list[Doc] = []
    bags: list[list[str]] = []
    surface_words: set[str] = set()
    own_name = {stem(w) for w in tokenize(kb.drug.name) if w.isalpha()}
    synonyms: dict[str, list[list[str]]] = {}
    for key, values in kb.ask.synonyms.items():
        key_stems = " ".join(stem(w) for w in tokenize(key) if w.isalnum())
        for value in values:
            value_stems = content_stems(value)
            if key_stems and value_stems:
                synonyms.setdefault(key_stems, []).append(value_stems)

    def add(topic: str, section: int, kind: str, *texts: str) -> None:
        words: list[str] = []
        pairs: list[str] = []
        for text in texts:
            stems = content_stems(text)
            if kind != "drug":
                # The medicine's name is in nearly every question: it should find the
                # document about the medicine itself, not every phrasing that names it.
                stems = [w for w in stems if w not in own_name]
            words += stems
            pairs += bigrams(stems)
            surface_words.update(w for w in tokenize(text) if w.isalpha() and w not in lang.stop_words)
        if words:
            docs.append(Doc(topic=topic, section=section, length=len(words), kind=kind))
            bags.append(words + pairs)

    # The medicine's own names, forms and class answer "what is baclofen" / "is ozobax baclofen".
    first = kb.topic("overview") or kb.topics[0]
    medicine = kb.drug
    anchor_names = [medicine.name, *medicine.also_called, *(b.name for b in medicine.brands)]
    anchor_words = {w for name in anchor_names for w in tokenize(name) if len(w) >= 4}
    add(first.id, -1, "drug", medicine.drug_class, *anchor_names, *medicine.forms)
    for topic in kb.topics:
        add(topic.id, -1, "summary", topic.title, topic.summary.text)
        for i, section in enumerate(topic.sections):
            # The section for an animal is reached through the pet words only: ranked, its words
            # ("ate", "baclofen") would answer a child who ate tablets.
            if not (topic.id == kb.ask.pet_topic and section.heading == kb.ask.pet_heading):
                add(topic.id, i, "section", topic.title, section.heading, *(p.text for p in section.points))
    interactions_topic = "interactions" if kb.topic("interactions") else ""
    drugs: dict[str, str] = {}
    for group in kb.interactions.groups:
        names: list[str] = []
        for drug in group.drugs:
            for name in [drug.name, *drug.brands, *drug.aliases, *drug.street_names]:
                names.append(name)
                key = " ".join(w for w in tokenize(name) if w.isalnum())
                # A name that reads as a common word of the language ("K", read "que" in Spanish
                # texting) cannot mark a medicine in a question.
                if key not in lang.stop_words:
                    drugs.setdefault(key, drug.name)
        if interactions_topic:
            add(interactions_topic, -1, "group", group.name, group.effect, group.advice, *names)
    for combination in kb.interactions.combinations:
        for name in [combination.name, *combination.aliases, *combination.street_names]:
            drugs.setdefault(" ".join(w for w in tokenize(name) if w.isalnum()), combination.name)
    drugs.pop("", None)
    major = {d.name for g in kb.interactions.groups if g.severity == "major" for d in g.drugs}
    major |= {c.name for c in kb.interactions.combinations if major & set(c.contains)}
    chosen = set(kb.ask.emergency_if_taken_with)
    together = {d.name for g in kb.interactions.groups if g.id in chosen for d in g.drugs}
    together |= {c.name for c in kb.interactions.combinations if together & set(c.contains)}
    for topic_id, phrasings in kb.ask.topic_phrasings.items():
        for phrasing in phrasings:
            words = tokenize(phrasing)
            if is_definition(words, lang):
                kind = "definition"
            elif any(w in lang.references or stem(w) in own_name or w in anchor_words for w in words):
                kind = "about"
            else:
                kind = "phrasing"
            add(topic_id, -1, kind, phrasing)

    postings: dict[str, list[int]] = {}
    for number, bag in enumerate(bags):
        counts: dict[str, int] = {}
        for word in bag:
            counts[word] = counts.get(word, 0) + 1
        for word, count in counts.items():
            postings.setdefault(word, []).extend((number, count))
    brands = {b.casefold() for g in kb.interactions.groups for d in g.drugs for b in d.brands}
    for name, generic in drugs.items():
        # A brand reads as its generic too ("lyrica" -> pregabalin) where the file's text names it.
        generic_stems = [stem(w) for w in tokenize(generic) if w.isalnum()]
        if name in brands and " " not in name and stem(name) not in synonyms and len(generic_stems) == 1 \
                and generic_stems[0] != stem(name) and generic_stems[0] in postings:
            synonyms[stem(name)] = [generic_stems]
    total = len(docs) or 1
    # Four decimals are plenty for ranking and halve the cached index, which every `ask` reads.
    idf = {w: round(math.log(1 + (total - len(p) / 2 + 0.5) / (len(p) / 2 + 0.5)), 4) for w, p in postings.items()}

    for key in kb.ask.synonyms:
        surface_words.update(w for w in tokenize(key) if w.isalpha())

    hints = kb.ask
    emergency = [c for c in (_choices(t, lang) for t in hints.emergency_phrasings) if c.signs]
    cues = [p for p in (_phrase(t, lang) for t in hints.non_emergency_phrasings) if p.stems]
    for text in [*hints.emergency_phrasings, *hints.non_emergency_phrasings, *drugs]:
        surface_words.update(w for w in tokenize(text) if w.isalpha())
    doc_mass = [round(sum(idf[w] for w in set(bag) if "_" not in w), 4) for bag in bags]
    anchors = sorted({stem(w) for name in anchor_names for w in tokenize(name) if w.isalpha() and len(w) >= 4})
    emergency_words = sorted(
        {w for text in hints.emergency_phrasings for w in tokenize(text) if w.isalpha() and len(w) == 4}
    )
    references = sorted({stem(w) for w in lang.references}
                        | {stem(w) for f in medicine.forms for w in tokenize(f) if len(w) > 3})
    for text in [*hints.self_harm_phrasings, *hints.emergency_number_phrasings, *hints.taking_words, *hints.pet_words,
                 *hints.container_words]:
        surface_words.update(w for w in tokenize(text) if w.isalpha())
    drug_stems = {stem(k): v for k, v in sorted(drugs.items()) if " " not in k and k.isalpha() and len(k) > 3}
    return AskIndex(
        drug_words=max((k.count(" ") + 1 for k in drugs), default=0),
        synonym_words=max((k.count(" ") + 1 for k in synonyms), default=0),
        emergency_topics=[t.id for t in kb.topics if any(sec.kind == "emergency" for sec in t.sections)],
        drug_stems=drug_stems,
        references=references,
        class_stems=_class_stems(medicine.drug_class, lang),
        emergency_words=emergency_words,
        anchors=anchors,
        name_stems=sorted({stem(w) for w in tokenize(medicine.name) if w.isalpha()}),
        doc_mass=doc_mass,
        docs=docs,
        postings=postings,
        idf=Idf(postings, total, max(idf.values(), default=1.0)),
        avgdl=sum(d.length for d in docs) / total,
        surface={w: stem(w) for w in sorted(surface_words) if len(w) >= 3},
        synonyms=synonyms,
        emergency=emergency,
        cues=cues,
        drugs=drugs,
        topics=[t.id for t in kb.topics],
        interactions_topic=interactions_topic,
        self_harm=[p for p in (_phrase(t, lang) for t in hints.self_harm_phrasings) if p.stems],
        number_requests=[p for p in (_phrase(t, lang) for t in hints.emergency_number_phrasings) if p.stems],
        how_to=[" ".join(tokenize(t)) for t in hints.how_to_phrasings],
        other_cues=[" ".join(tokenize(t)) for t in hints.other_medicine_cues],
        taking=sorted({w for t in hints.taking_words for w in tokenize(t)}),
        containers=sorted({w for t in hints.container_words for w in tokenize(t)}),
        too_many=hints.too_many_at_once,
        day_maximum=_day_maximum(kb, lang),
        day_words=[lang.tokenize(p)[1:] for p in kb.ask.daily_amount_phrases if len(lang.tokenize(p)) > 1],
        pets=sorted({w for t in hints.pet_words for w in tokenize(t) if w.isalpha()}),
        crisis_topic=hints.crisis_topic or "",
        major_drugs=sorted(major & set(drugs.values())),
        taken_together=sorted(together & set(drugs.values())),
        plain_words=sorted({w for t in hints.plain_words for w in tokenize(t) if w.isalpha()} - set(surface_words)),
        headings={t.id: sorted({*content_stems(t.title),
                                *(s for sec in t.sections for s in content_stems(sec.heading))})
                  for t in kb.topics},
        rule_topics=[[stem(w), topic] for topic, texts in hints.emergency_phrasing_topics.items()
                     for text in texts for w in tokenize(text)],
        words=lang,
    )


def _class_stems(drug_class: str, lang: AskWords) -> list[str]:
    import re

    parts = [lang.tokenize(part) for part in re.split(r"[(),;/]", drug_class)]
    return sorted({lang.stem(words[-1]) for words in parts if words and words[-1].isalpha() and len(words[-1]) > 3})


def _day_maximum(kb: "KnowledgeBase", lang: AskWords) -> list[Any]:
    """[unit, amount]: the largest amount the topics give before one of `ask.daily_amount_phrases`
    ("The most the US label allows is 80 mg a day" -> ["mg", 80]); [] if none."""
    best: list[Any] = []
    phrases = [lang.tokenize(p) for p in kb.ask.daily_amount_phrases]
    for topic in kb.topics:
        for section in topic.sections:
            for point in section.points:
                words = lang.tokenize(point.text)
                for n, word in enumerate(words):
                    if not word.isdigit():
                        continue
                    for phrase in phrases:
                        follows = bool(phrase) and words[n + 1 : n + 1 + len(phrase)] == phrase
                        if follows and (not best or int(word) > best[1]):
                            best = [phrase[0], int(word)]
    return best
