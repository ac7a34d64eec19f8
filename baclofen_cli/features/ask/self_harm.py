"""Part of step 4 of `ask`, emergencies: phrasings said anywhere in a question, asked or not
(`ask.self_harm_phrasings`, `ask.emergency_number_phrasings`), unless negated ("i'm not
thinking of hurting myself"). Self-harm phrasings are always an emergency (answer.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.emergency import _years_as_centuries, clauses_of, matches
from baclofen_cli.features.ask.settled import all_well_end
from baclofen_cli.features.ask.supposed import supposed_event
from baclofen_cli.features.ask.token import has_phrase, typed_stem

if TYPE_CHECKING:
    from collections.abc import Mapping

    from baclofen_cli.features.ask.index import AskIndex, Phrase
    from baclofen_cli.features.ask.token import Token
    from baclofen_cli.features.ask.tokens import AskWords

# How many `intent_words` may stand between a negation and the phrasing ("not thinking of").
INTENT_REACH = 4


def said(phrases: list[Phrase], tokens: list[Token], words: AskWords, slack: int | None = None,
         ordered: bool = False, synonyms: Mapping[str, object] | None = None) -> bool:
    """Whether any of the phrases is in the question, asked or not, and not negated before it
    ("i'm not suicidal", "i'm not thinking of hurting myself"; but "i don't see the point in
    living" counts). `slack`: how many other words may come between the phrase's words (see
    `emergency.matches`). A phrasing's own negation does not reach past a modal the phrasing
    does not have ("para no despertar" is not "no me puedo mantener despierto": unable, not unwilling).
    `ordered`: the phrase's words in its order ("take my life", not "my wife takes"); with the
    file's `synonyms`, no word between that ends another phrase of them ("cutting down myself":
    "cut down" is lowering a dose, not "cut myself")."""
    modals = words.question_words - words.ongoing
    clauses = clauses_of(tokens, words)
    return any(
        not _negated_before(clause, start, words) and not _unable(phrase, clause[start : end + 1], words, modals)
        and not (synonyms is not None and _joined_between(phrase, clause[start : end + 1], synonyms))
        for phrase in phrases
        for clause in clauses
        for start, end in matches(phrase, clause, words, slack, ordered=ordered)
    )


def _joined_between(phrase: Phrase, span: list[Token], synonyms: Mapping[str, object]) -> bool:
    """A word inside the match, not the phrase's own, that ends a phrase of the file's synonyms
    begun by the word before it ("cutting down myself": "cut down" is "lower", not "cut myself")."""
    own = set(phrase.stems)
    return any(not own & b.stems.keys() and f"{typed_stem(a.stems)} {typed_stem(b.stems)}" in synonyms
               for a, b in zip(span, span[1:]))


def _negated_before(clause: list[Token], start: int, words: AskWords) -> bool:
    """A negation just before clause[start], or with only `intent_words` between ("i'm not thinking
    of hurting myself"); not "i don't see the point in living" ("see" is no intent word)."""
    for k in range(start - 1, max(-1, start - INTENT_REACH - 2), -1):
        if clause[k].word in words.negations or clause[k].word not in words.intent_words:
            return clause[k].word in words.negations
    return False


def _unable(phrase: Phrase, span: list[Token], words: AskWords, modals: frozenset[str]) -> bool:
    own = set(phrase.stems)
    return bool(own & words.negations) and any(t.word in modals and not own & t.stems.keys() for t in span)


def self_harm_said(tokens: list[Token], index: AskIndex) -> bool:
    """A self-harm phrasing in the question (`said`, with the language's slack), or a synonym of
    a one-word phrasing that the file puts on a small word `said` skips ("enough to end it" ->
    "suicide", on "it")."""
    lang = index.words
    every = [t.word for t in tokens]
    well = all_well_end(tokens, lang)
    if well is not None and has_phrase(_years_as_centuries(every), lang.history):
        # Thoughts in the past, said to be over ("hace años tuve pensamientos suicidas, ahora
        # estoy bien"): only what the message says after that counts.
        tokens = tokens[well:]
    phrases = index.self_harm
    if supposed_event(tokens, lang):
        # Supposed ("what would happen if my daughter took the whole bottle"): a phrasing of taking
        # it all is read as an overdose asked about (its signs lead, no alarm), not as a plan.
        take = lang.stem(lang.role("take"))
        phrases = [p for p in phrases if take not in p.stems]
    if said(phrases, tokens, lang, slack=lang.self_harm_slack if lang.self_harm_slack >= 0 else None, ordered=True,
            synonyms=index.synonyms):
        return True
    single = {p.stems[0] for p in phrases if len(p.stems) == 1}
    return any(t.word in lang.filler and single & t.stems.keys() for t in tokens)
