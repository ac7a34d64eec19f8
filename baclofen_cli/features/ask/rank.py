"""Step 3 of `ask`, ranking: BM25 over the index's small documents, and each topic's coverage.

BM25 is written out here (the PyPI packages pull in numpy, +125-145 ms measured). Each word
of the question counts once per document (its best meaning), pairs of neighbouring words
count too, and a phrasing counts by the share of it the question matches. A topic's score
mixes its best document with what each word earns in the topic's document that suits it
best, times the share of the question the topic explains.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.index import PHRASINGS
from baclofen_cli.features.ask.question import content_tokens
from baclofen_cli.features.ask.token import SYNONYM_WEIGHT, Token, typed_stem

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex

# BM25 constants (the usual defaults).
K1 = 1.2
B = 0.75
BIGRAM_WEIGHT = 0.5
# A topic's score: its best document plus this share of its second best.
SECOND_DOC_SHARE = 0.3
# ... mixed with this share of the sum of each query word's best document in the topic.
TOPIC_SLOT_SHARE = 0.3
# How much a topic's score depends on the share of the question's words it explains.
COVERAGE_POWER = 1.0
# How much a phrasing's score depends on the share of its own words the question matches.
PHRASING_MATCH_POWER = 1.0
# Section documents against phrasing documents (phrasings are what patients type).
SECTION_WEIGHT = 0.6
# A topic's summary: a phrase in it ("even if you feel fine") must not outweigh the question.
SUMMARY_WEIGHT = 0.6


def query_slots(tokens: list[Token], index: AskIndex) -> list[dict[str, float]]:
    """What BM25 looks for: one slot per meaningful word (its stems and synonyms with
    weights; a repeated word counts once) and one per pair of neighbouring words. A document
    earns a slot's best alternative only, so a synonym never adds to the word it stands for."""
    name_stems = index.name_stems
    words = content_tokens(tokens, index)
    slots: list[dict[str, float]] = []
    seen: set[tuple[str, ...]] = set()
    for stems in words:
        key = tuple(sorted(stems))
        if key not in seen:
            seen.add(key)
            slots.append(stems)
    pairs: dict[str, float] = {}
    for token in tokens:
        for meaning in token.phrases:
            weight = BIGRAM_WEIGHT * SYNONYM_WEIGHT
            slot = {f"{a}_{b}": weight for a, b in zip(meaning, meaning[1:])}
            if not slot.keys() <= pairs.keys():
                pairs.update(slot)
                slots.append(slot)
    # The medicine's name does not break a pair: "can baclofen cause" pairs "can cause", as
    # "can it cause" does.
    words = [w for w in words if typed_stem(w) not in name_stems]
    for left, right in zip(words, words[1:]):
        slot = {}
        for a, wa in left.items():
            for b, wb in right.items():
                slot[f"{a}_{b}"] = BIGRAM_WEIGHT * min(wa, wb)
        if not slot.keys() <= pairs.keys():
            pairs.update(slot)
            slots.append(slot)
    return slots


def bm25(index: AskIndex, slots: list[dict[str, float]]) -> dict[int, list[float]]:
    """Score every document that shares a word with the query: document number -> the
    score each slot of the query earns in it (their sum is the document's BM25 score)."""
    parts: dict[int, list[float]] = {}
    matched: dict[int, float] = {}
    norms = [K1 * (1 - B + B * doc.length / index.avgdl) for doc in index.docs]
    shrink = [1.0 if doc.kind in PHRASINGS else SUMMARY_WEIGHT if doc.kind == "summary" else SECTION_WEIGHT
              for doc in index.docs]
    for n, slot in enumerate(slots):
        best: dict[int, float] = {}
        best_idf: dict[int, float] = {}
        for term, weight in slot.items():
            idf = index.idf.get(term)
            if idf is None:
                continue
            posting = index.postings[term]
            for number, count in zip(posting[::2], posting[1::2]):
                part = weight * idf * count * (K1 + 1) / (count + norms[number]) * shrink[number]
                if part > best.get(number, 0.0):
                    best[number] = part
                if "_" not in term:
                    best_idf[number] = max(best_idf.get(number, 0.0), idf * min(1.0, weight))
        for number, part in best.items():
            parts.setdefault(number, [0.0] * len(slots))[n] = part
        for number, value in best_idf.items():
            matched[number] = matched.get(number, 0.0) + value
    if PHRASING_MATCH_POWER:
        # A phrasing is a whole question: matching one word of a long one is weak evidence.
        for number, values in parts.items():
            doc = index.docs[number]
            if doc.kind in PHRASINGS and index.doc_mass[number] > 0:
                share = min(1.0, matched.get(number, 0.0) / index.doc_mass[number]) ** PHRASING_MATCH_POWER
                parts[number] = [v * share for v in values]
    return parts


class Ranked:
    __slots__ = ("topic", "score", "sections", "bm25", "coverage", "best_kind")

    def __init__(
        self,
        topic: str,
        score: float,
        # (section index, score) best first; sections with no shared word are left out.
        sections: list[tuple[int, float]],
        bm25: float = 0.0,
        coverage: float = 0.0,
        best_kind: str = "",  # the kind of the topic's best document
    ) -> None:
        self.topic, self.score, self.sections = topic, score, sections
        self.bm25, self.coverage, self.best_kind = bm25, coverage, best_kind


def is_weak(stems: dict[str, float], index: AskIndex) -> bool:
    """Only question words and words of time ("what", "tonight")."""
    lang = index.words
    return stems.keys() <= lang.question_words | lang.weak_stems


def coverage(index: AskIndex, words: list[dict[str, float]]) -> dict[str, float]:
    """For each topic, the share of the question's meaning (idf mass) its documents contain.
    A word the file never uses counts as much as the rarest word, so a question that is
    mostly about something else ("best phone to buy") covers little of any topic."""
    unknown = index.idf.highest
    total = 0.0
    covered: dict[str, float] = {}
    for stems in words:
        typed = typed_stem(stems)
        if is_weak(stems, index) or typed.isdigit() or typed in index.name_stems:
            # Question words, numbers and the medicine's name say nothing about which topic
            # (or whether the question is about the medicine at all: see ANCHORED_MIN_SCORE).
            continue
        known = [index.idf[s] for s in stems if s in index.idf]
        # A word that is only part of a phrase ("not" in "did not take") weighs what it
        # weighs in the ranking.
        strength = min(1.0, max(stems.values()))
        mass = (max(known) if known else unknown) * strength
        total += mass
        best: dict[str, float] = {}
        for s, weight in stems.items():
            for number in index.postings.get(s, [])[::2]:
                topic = index.docs[number].topic
                best[topic] = max(best.get(topic, 0.0), weight)
        for topic, weight in best.items():
            covered[topic] = covered.get(topic, 0.0) + mass * min(1.0, weight / strength)
    if not total:
        # Nothing but question words, words of time and the medicine's name: "what is
        # baclofen" is about every topic, "how are you today" about none.
        named = any(s in index.name_stems for stems in words for s in stems)
        return {topic: 1.0 if named else 0.0 for topic in index.topics}
    return {topic: value / total for topic, value in covered.items()}


def rank(index: AskIndex, tokens: list[Token]) -> list[Ranked]:
    """Topics best first. A topic's score mixes its best document (plus a little of its second)
    with what each word of the question earns in the topic's document that suits it best,
    so a topic that explains every part of a question ("operation" and "stop") beats one
    with a single close phrasing for one part."""
    words = content_tokens(tokens, index)
    slots = query_slots(tokens, index)
    parts = bm25(index, slots)
    shares = coverage(index, words)
    per_topic: dict[str, list[float]] = {}
    per_slot: dict[str, list[float]] = {}
    best_doc: dict[str, tuple[float, str]] = {}
    per_section: dict[str, dict[int, float]] = {}
    for number, values in parts.items():
        doc = index.docs[number]
        score = sum(values)
        per_topic.setdefault(doc.topic, []).append(score)
        if score > best_doc.get(doc.topic, (0.0, ""))[0]:
            best_doc[doc.topic] = (score, doc.kind)
        best = per_slot.setdefault(doc.topic, [0.0] * len(slots))
        for n, value in enumerate(values):
            if value > best[n]:
                best[n] = value
        if doc.section >= 0:
            per_section.setdefault(doc.topic, {})[doc.section] = score
    ranked = []
    for topic, values in per_topic.items():
        values.sort(reverse=True)
        documents = values[0] + (SECOND_DOC_SHARE * values[1] if len(values) > 1 else 0.0)
        total = (1 - TOPIC_SLOT_SHARE) * documents + TOPIC_SLOT_SHARE * sum(per_slot[topic])
        share = shares.get(topic, 0.0)
        sections = sorted(per_section.get(topic, {}).items(), key=lambda s: -s[1])
        ranked.append(Ranked(topic=topic, score=total * share ** COVERAGE_POWER, sections=sections,
                             bm25=total, coverage=share, best_kind=best_doc.get(topic, (0.0, ""))[1]))
    ranked.sort(key=lambda r: (-r.bm25, index.topics.index(r.topic) if r.topic in index.topics else 0))
    return ranked


def lift(ranked: list[Ranked], topic: str) -> None:
    """Put the topic first (when the question matched it at all), ahead of the one that lists a
    sign among others; best first again."""
    top = max((r.score for r in ranked), default=0.0)
    top_bm25 = max((r.bm25 for r in ranked), default=0.0)
    for item in ranked:
        if item.topic == topic and item.score > 0:
            item.score, item.bm25 = max(item.score, 1.01 * top), max(item.bm25, 1.01 * top_bm25)
    ranked.sort(key=lambda r: -r.score)
