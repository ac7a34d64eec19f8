"""Free-text questions: rank the knowledge file's topics, tolerate typos, spot emergencies.

How a question is answered (all of it derived from the knowledge file by `index.build_index`,
and cached by the loader, so a clinic's own file of the same schema gets its own index), one
module per step:

1. Words (`tokens`, `stemming`, `question`, `taking`, `spelling`). Contractions and texting
   shorthand are written out ("cant" -> "can not", "u" -> "you"), each word is stemmed
   ("stopped", "stopping" -> "stop"; "took", "taken" -> "take"), and the file's synonyms add
   what everyday words stand for ("forgot" -> missed, "brain fog" -> confused, "pints" ->
   alcohol). A word the file never uses is matched to the closest one it does ("pergnant" ->
   "pregnant") with rapidfuzz, imported only then. The words of the language are in
   `baclofen_cli/lang/<language>_ask.yaml`.
2. The index (`index`): one small document per section, per topic summary, per interaction
   group and per patient phrasing in `ask.topic_phrasings`.
3. Ranking (`rank`): BM25 over those documents, mixed with each topic's coverage.
4. Emergencies (`emergency`): the file's emergency phrasings, unless negated, past history, a
   condition someone has, or only asked about. An emergency is answered from a topic with an
   emergency section, led by what the matched phrasings point to.
5. In scope or not (`scope`): what score the best topic needs, or never answered.
6. The answer (here): emergencies first (self-harm, animals, the signs), then out of scope
   (another medicine's dose or use), then the ranked topics (a long post's question sentence:
   `focus`); a question about an emergency leads with its signs, no alarm. `view` shapes it
   for --json and for the renderers.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from baclofen_cli.features.ask.emergency import (
    RULE_TOPIC_BONUS,
    RULE_WEIGHT,
    ate_or_took,
    mentioned_topic,
    pet_words,
    pointed_topic,
    rule_evidence,
    signs_described_and_asked,
)
from baclofen_cli.features.ask.focus import add_background, question_focus
from baclofen_cli.features.ask.mixing import asks_mixing, names_medicine, unknown_medicine
from baclofen_cli.features.ask.negation import weaken_negated_signs
from baclofen_cli.features.ask.question import MAX_QUERY_CHARS, analyse, content_tokens
from baclofen_cli.features.ask.rank import Ranked, is_weak, lift, rank
from baclofen_cli.features.ask.scope import (
    ANCHORED_MIN_SCORE,
    FULL_COVERAGE,
    MIN_SCORE,
    about_people_at_large,
    mentioned_drugs,
    min_score,
    only_substances,
    only_the_name,
    other_medicine_question,
    substances,
    words_not_in,
)
from baclofen_cli.features.ask.sections import pet_section, result, signs_first, topic_results
from baclofen_cli.features.ask.self_harm import said, self_harm_said
from baclofen_cli.features.ask.settled import settle
from baclofen_cli.features.ask.supposed import supposed_event
from baclofen_cli.features.ask.tense import opens_clause_in_either_tense, ordinary_taking
from baclofen_cli.features.ask.token import Token, has_phrase, typed_stem

if TYPE_CHECKING:

    from baclofen_cli.core.model import KnowledgeBase
    from baclofen_cli.features.ask.index import AskIndex, Rule
    from baclofen_cli.features.ask.topic_model import TopicModel

# The runner-up topic is shown too when its score is at least this share of the best.
RUNNER_UP_SHARE = 0.85
MAX_RESULTS = 3


class Answer:
    __slots__ = ("query", "emergency", "results", "drugs", "corrections", "caution", "notices", "reason",
                 "other_medicines", "unread")

    def __init__(
        self,
        query: str,
        emergency: bool,
        # [{"topic", "section", "kind", "score", "text"}], best first (the --json contract).
        results: list[dict[str, Any]],
        # Names from the interactions block that the question mentions (canonical names).
        drugs: list[str] | None = None,
        # Typed words that were read as other words ("pergnant" -> "pregnant").
        corrections: dict[str, str] | None = None,
        # Asks about an emergency sign without describing one: the emergency signs lead the
        # answer, without the alarm ("can baclofen cause fits", "what number do i call").
        caution: bool = False,
        # Messages from the file shown before any answer: [{"kind", "text", "sources"}].
        notices: list[dict[str, Any]] | None = None,
        # Why: "" (ranked), "self-harm", "pet", "other-medicine", "numbers".
        reason: str = "",
        # Other medicines a dose or use question is about, as typed.
        other_medicines: list[str] | None = None,
        # Characters beyond MAX_QUERY_CHARS that were not read.
        unread: int = 0,
    ) -> None:
        self.query, self.emergency, self.results = query, emergency, results
        self.drugs = drugs or []
        self.corrections = corrections or {}
        self.caution, self.reason, self.unread = caution, reason, unread
        self.notices = notices or []
        self.other_medicines = other_medicines or []


def _notice(statement: Any, kind: str) -> dict[str, Any]:
    return {"kind": kind, "text": statement.text, "sources": list(statement.sources)}


def answer(kb: KnowledgeBase, index: AskIndex, question: str, model: TopicModel | None = None) -> Answer:
    """The answer to one question: emergencies first (self-harm, animals, the signs), then
    out of scope (another medicine's dose or use), then the ranked topics (re-weighed by the
    learnt `model` when the file has one)."""
    lang = index.words
    unread = max(0, len(question) - MAX_QUERY_CHARS)
    tokens = weaken_negated_signs(analyse(question, index), index)
    corrections = {t.word: t.corrected for t in tokens if t.corrected}
    hints = kb.ask
    base: dict[str, Any] = {"query": question, "corrections": corrections, "unread": unread}
    notices: list[dict[str, Any]]
    if index.self_harm and self_harm_said(tokens, index):
        # Crisis help first; never the dose numbers: only the "what to do now" sections.
        notices = [_notice(hints.crisis_message, "emergency")] if hints.crisis_message else []
        results: list[dict[str, Any]] = []
        topic = kb.topic(index.crisis_topic) if index.crisis_topic else None
        if topic is not None:
            urgent = [i for i, sec in enumerate(topic.sections) if sec.kind == "emergency"][:1]
            results = [result(topic, i, 1.0) for i in urgent]
        return Answer(emergency=True, results=results, notices=notices, reason="self-harm", **base)
    rules, asked_rules, had_rules = signs_described_and_asked(tokens, index)
    # A long post's background, or signs that are over ("fine now"): the signs lead, no alarm.
    rules, over = settle(question, tokens, index, rules)
    asked_rules = [*asked_rules, *over]
    asked = bool(asked_rules)
    if pet_words(tokens, index):
        # An animal: a vet or an animal poison line, never the human uses, doses or numbers.
        # Not a supposed one ("what if my dog ever got hold of it").
        supposed = supposed_event(tokens, lang)
        eaten = bool(rules) or (ate_or_took(tokens, lang) and not supposed)
        notices = [_notice(hints.pet_message, "emergency" if eaten else "warning")] if hints.pet_message else []
        if eaten or (supposed and ate_or_took(tokens, lang)):
            # "what would happen if my dog ever ate one": the same section, without the alarm.
            return Answer(emergency=eaten, results=pet_section(kb), notices=notices, reason="pet", **base)
        # A long post's question sentence, as below ("... a curious cat ... where's the safest
        # place?"), ranked without the animal, which only says why the vet line leads.
        focus = question_focus(question, tokens, index)
        pets = set(index.pets)
        asked_tokens = [t for t in (weaken_negated_signs(analyse(focus, index), index) if focus else tokens)
                        if t.word not in pets]
        # Not "can i give my dog baclofen": a word of giving or taking keeps it to the vet line.
        giving = {lang.stem(lang.role("give")), lang.stem(lang.role("take"))}
        given = any(giving & t.stems.keys() for t in asked_tokens)
        kept = [] if given or not hints.pet_question_topics else _ranked_results(
            kb, index, asked_tokens, [], False, named_before=focus is not None and names_medicine(tokens, index),
            model=model)
        kept = kept if kept and kept[0]["topic"] in hints.pet_question_topics else []
        return Answer(emergency=eaten, results=kept[:MAX_RESULTS], notices=notices, reason="pet", **base)
    numbers = bool(index.number_requests) and said(index.number_requests, tokens, lang)
    phrase_stems = {s for p in index.number_requests for s in p.stems}
    # "911", "emergency!", "what number do i call": asking for help now. Not "emergency
    # contraception" or "what to do in an emergency with the pump" (the numbers lead, no alarm).
    short = all(typed_stem(w) in phrase_stems or typed_stem(w) in lang.help_stems
                for w in content_tokens(tokens, index) if not is_weak(w, index))
    emergency = bool(rules) or (numbers and short)
    caution = not emergency and (asked or numbers)
    reason = "numbers" if numbers and not rules else ""
    found = substances(tokens, index)
    drugs = mentioned_drugs(tokens, index)
    notices = []
    lead_topic = None
    major = [key for key in drugs if index.drugs[key] in index.major_drugs]
    if major:
        # "took baclofen and 3 of my oxycodone": taken together with a major group is an
        # emergency; asked about ("can i take xanax with it"), its verdict leads the answer.
        took = lang.stem(lang.role("took"))
        taken = any(t.past and took in t.stems and not opens_clause_in_either_tense(tokens, n, lang)
                    and not ordinary_taking(tokens, n, lang) for n, t in enumerate(tokens))
        sedating = any(index.drugs[key] in index.taken_together for key in major)
        if not emergency and taken and sedating:
            emergency, caution = True, False
        if emergency and sedating and (taken or not any(pointed_topic(index, r) for r in rules)):
            # "took it on top of my diazepam, now struggling to breathe", "had it and my lorazepam,
            # now struggling for breath" (a sign no topic is named for): the signs of too much
            # lead, from the topic the file names for taking (`emergency_phrasing_topics`).
            lead_topic = next((t for s, t in index.rule_topics if s == took), None)
        verdict = kb.interactions.verdicts.get("major")
        if verdict is not None:
            notices.append(_notice(verdict, "emergency" if emergency else "warning"))
    if unknown_medicine(tokens, index, found) and kb.interactions.unknown_drug is not None:
        # "can i take florbitrex with baclofen": never silence, never "no interaction".
        notices.append(_notice(kb.interactions.unknown_drug, "warning"))
    if not emergency:
        others = other_medicine_question(tokens, index, found)
        if others:
            notices = [_notice(hints.other_medicine_message, "info")] if hints.other_medicine_message else []
            return Answer(emergency=False, results=[], drugs=drugs, notices=notices, reason="other-medicine",
                          other_medicines=others, caution=caution, **base)
    ranking_tokens = tokens
    focus = question_focus(question, tokens, index)
    if focus is not None:
        ranking_tokens = weaken_negated_signs(analyse(focus, index), index)
        together = {t.word for t in ranking_tokens} & (lang.mixing_words - lang.stop_words)
        if together and drugs and not mentioned_drugs(ranking_tokens, index):
            # "... ella toma también sintrom. ¿Puede tomarlos juntos?": the medicines the message
            # names earlier are the ones its question sentence asks to mix.
            ranking_tokens = weaken_negated_signs(analyse(" ".join([focus, *drugs]), index), index)
    results = _ranked_results(kb, index, ranking_tokens, rules, emergency,
                              named_before=focus is not None and names_medicine(tokens, index),
                              asked_rules=[] if focus is not None else asked_rules,
                              had_rules=[] if focus is not None else had_rules,
                              background=tokens if focus is not None else None, lead_topic=lead_topic,
                              model=model)
    if not results and focus is not None:
        results = _ranked_results(kb, index, tokens, rules, emergency, lead_topic=lead_topic, model=model)
    if not results and not emergency and model is not None:
        results = _sure_of(kb, index, model, ranking_tokens, found)
    if not results and (emergency or numbers) and index.emergency_topics:
        # "911", "what number do i call": the first topic that says what to do in an emergency.
        topic = kb.topic(index.emergency_topics[0])
        if topic is not None:
            results = topic_results(kb, Ranked(topic.id, 1.0, []), limit=1, emergency=True)
    if not results and caution and asked_rules:
        # A supposed event nothing else ranks ("y si se bebiera el frasco entero?"): the topic its
        # phrasings point to, when they agree on one.
        pointed = {t for t in (pointed_topic(index, r) for r in asked_rules) if t}
        topic = kb.topic(next(iter(pointed))) if len(pointed) == 1 else None
        if topic is not None:
            results = topic_results(kb, Ranked(topic.id, 1.0, []), limit=1)
    if not emergency and results and results[0]["topic"] in index.emergency_topics and (
        caution or has_phrase([t.word for t in tokens], index.how_to)
    ):
        # Asked about an emergency ("what does an overdose look like", "how do i know if my
        # pump has stopped"): the signs lead, without the alarm.
        caution = True
        results = signs_first(kb, results)
    return Answer(emergency=emergency, results=results[:MAX_RESULTS], drugs=drugs, caution=caution,
                  reason=reason, notices=notices, **base)


def _ranked_results(
    kb: KnowledgeBase, index: AskIndex, tokens: list[Token], rules: list[Rule], emergency: bool,
    named_before: bool = False, asked_rules: list[Rule] | None = None, had_rules: list[Rule] | None = None,
    background: list[Token] | None = None, lead_topic: str | None = None, model: TopicModel | None = None,
) -> list[dict[str, Any]]:
    """The ranked answer. The rules alone decide whether to answer, and answer emergencies: the
    model only re-weighs the topics of an everyday question they answer, and never turns an
    answer into none."""
    # BM25 once for both readings: each one re-weighs and re-orders its own copy.
    ranked = rank(index, tokens)
    behind = rank(index, background) if background is not None else None

    def once(learnt: TopicModel | None) -> list[dict[str, Any]]:
        mine = _copies(ranked)
        whole = _copies(behind) if behind is not None else None
        if learnt is not None:
            from baclofen_cli.features.ask.topic_model import blend, words_read

            blend(mine, learnt.probabilities(words_read(tokens)), learnt.share, learnt.least)
            if whole is not None and background is not None:
                blend(whole, learnt.probabilities(words_read(background)), learnt.share, learnt.least)
        return _ranked_once(kb, index, tokens, rules, emergency, mine, whole, named_before=named_before,
                            asked_rules=asked_rules, had_rules=had_rules, lead_topic=lead_topic)

    results = once(None)
    if model is None or not results or emergency:
        return results
    learnt = once(model)
    return learnt or results


def _sure_of(kb: KnowledgeBase, index: AskIndex, model: TopicModel, tokens: list[Token],
             found: dict[int, str]) -> list[dict[str, Any]]:
    """A question the rules turned down for want of matching words ("dizzy spells", "works
    how"), answered from the topic the model is sure of, when it is also sure the question is not
    about something else. Never one that names another medicine or substance, or that the
    language's general subjects or remedy questions say is about people at large."""
    if found or about_people_at_large(tokens, index):
        return []
    from baclofen_cli.features.ask.topic_model import words_read

    topic = model.sure_answer(words_read(tokens))
    if topic is None or kb.topic(topic) is None:
        return []
    # The sections the question's own words match best, else the topic's first ones.
    ranked = next((r for r in rank(index, tokens) if r.topic == topic), None)
    return topic_results(kb, ranked or Ranked(topic, MIN_SCORE, []), limit=2)


def _copies(ranked: list[Ranked]) -> list[Ranked]:
    """Fresh Ranked items to re-weigh (their sections are only read)."""
    return [Ranked(r.topic, r.score, r.sections, r.bm25, r.coverage, r.best_kind) for r in ranked]


def _ranked_once(
    kb: KnowledgeBase, index: AskIndex, tokens: list[Token], rules: list[Rule], emergency: bool,
    ranked: list[Ranked], behind: list[Ranked] | None, named_before: bool = False,
    asked_rules: list[Rule] | None = None, had_rules: list[Rule] | None = None, lead_topic: str | None = None,
) -> list[dict[str, Any]]:
    """The answer from one reading of `rank`'s result: `ranked`, and `behind` for a long post's
    whole message (the rules' own scores, or re-weighed by the model)."""
    if behind is not None and ranked:
        add_background(ranked, behind, index.words.background_share)
    mentioned = None if emergency else mentioned_topic(index, asked_rules or [], had_rules or [],
                                                        kb.ask.condition_topic)
    if mentioned:
        lift(ranked, mentioned)
    drugs = mentioned_drugs(tokens, index)
    found = substances(tokens, index)
    unaided = ranked[0] if ranked else None
    if (drugs or found) and index.interactions_topic:
        # A named medicine from the interactions block: the interactions topic is relevant.
        mixing = asks_mixing(tokens, index, found) or only_substances(tokens, index, found)
        for item in ranked:
            if item.topic == index.interactions_topic:
                item.score = max(item.score, MIN_SCORE)
                if mixing:
                    # "can he have it with ibuprofen when he has a temperature": taking another
                    # medicine with this one is the question, whatever else it shares words with.
                    others = [r.score for r in ranked if r is not item]
                    item.score = max(item.score, 1.01 * max(others, default=0.0))
        ranked.sort(key=lambda r: -r.score)
    if emergency and index.emergency_topics:
        # Emergencies first: answer from a topic that says what to do in one, when one fits,
        # led by what the emergency phrasings that matched point to.
        evidence = rule_evidence(index, rules)
        if lead_topic:
            evidence[lead_topic] = evidence.get(lead_topic, 0.0) + RULE_TOPIC_BONUS
        for item in ranked:
            item.bm25 += RULE_WEIGHT * evidence.get(item.topic, 0.0)
            item.score = max(item.score, RULE_WEIGHT * evidence.get(item.topic, 0.0))
        # A topic the phrasings point to that shares no word with the question ("overdid").
        present = {item.topic for item in ranked}
        ranked += [Ranked(topic=t, score=RULE_WEIGHT * v, sections=[], bm25=RULE_WEIGHT * v)
                   for t, v in evidence.items() if t not in present and v > 0]
        ranked.sort(key=lambda r: -r.bm25)
        # When the phrasings point to a topic that holds what to do for them without an emergency
        # section of its own, and it leads on them, its section comes second ("para, pounding
        # headache, bp 200": the spinal cord injury section says what it is and what to do).
        pointed = {pointed_topic(index, r) for r in rules}
        lead = ranked[:1] if ranked and ranked[0].topic in pointed - set(index.emergency_topics) else []
        urgent = [r for r in ranked if r.topic in index.emergency_topics]
        if lead and not pointed & set(index.emergency_topics):
            # ... after the file's first emergency topic's "what to do now" (as for "911"), unless
            # a phrasing points to an emergency topic ("missed it, now a pounding headache": stopping).
            urgent.sort(key=lambda r: r.topic != index.emergency_topics[0])
        if urgent:
            ranked = urgent + [r for r in ranked if r.topic not in index.emergency_topics]
    else:
        lead = []
    floor = min_score(tokens, index, ranked, emergency, unaided, found, named_before=named_before)
    if floor is None and ranked and ranked[0].best_kind == "about" and ranked[0].coverage < FULL_COVERAGE:
        # Turned down only because the best match is a question about the medicine with
        # something else in the place of "it". When that something else is what another topic
        # is headed by, and that topic explains the whole question and scores higher for it,
        # it answers instead ("does withdrawal cause seizures": stopping, "Signs of withdrawal").
        missing = words_not_in(index, ranked[0].topic, tokens)
        whole = [r for r in ranked[1:] if r.coverage >= FULL_COVERAGE and r.score > ranked[0].score
                 and missing and all(w in index.headings.get(r.topic, []) for w in missing)]
        if whole:
            best = max(whole, key=lambda r: r.score)
            ranked = [best] + [r for r in ranked if r is not best]
            floor = min_score(tokens, index, ranked, emergency, unaided, found, named_before=named_before)
    if only_the_name(tokens, index):
        # "what is baclofen", "baclofen?": the document about the medicine itself.
        home = next((d.topic for d in index.docs if d.kind == "drug"), index.topics[0] if index.topics else "")
        ranked = [Ranked(topic=home, score=max(ANCHORED_MIN_SCORE, ranked[0].score if ranked else 0.0), sections=[])]
        floor = ANCHORED_MIN_SCORE  # "what is it": what the guide is about
    results: list[dict[str, Any]] = []
    if ranked and floor is not None and ranked[0].score > 0 and ranked[0].score >= floor:
        best = ranked[0]
        results += topic_results(kb, best, limit=2, emergency=emergency)
        if emergency and lead and lead[0] is not best:
            results = [*results[:1], *topic_results(kb, lead[0], limit=1), *results[1:]]
        elif len(ranked) > 1 and ranked[1].score >= RUNNER_UP_SHARE * best.score:
            results += topic_results(kb, ranked[1], limit=1, emergency=emergency)
    return results
