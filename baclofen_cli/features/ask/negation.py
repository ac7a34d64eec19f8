"""A sign the question says is not there ("no trouble breathing but is it ok with asthma", "not
drowsy at all, is it working"): not what the question is about, so its words weigh little in
the ranking. Read with the emergency phrasings' own matching and negation (`emergency`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.emergency import NEGATION_REACH, clauses_of, matches
from baclofen_cli.features.ask.token import NEGATED_WEIGHT

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex
    from baclofen_cli.features.ask.token import Token
    from baclofen_cli.features.ask.tokens import AskWords


def weaken_negated_signs(tokens: list[Token], index: AskIndex) -> list[Token]:
    """The tokens, with the words of each emergency sign negated just before it weighed down. A
    negation after a modal ("can not keep them down", "why can not you quit") says unable, not
    absent; a phrasing with a negation of its own ("not breathing") is the sign itself."""
    lang = index.words
    negations = lang.negations
    if not any(t.word in negations for t in tokens):
        return tokens
    modals = lang.question_words - lang.ongoing
    done: set[int] = set()
    for clause in clauses_of(tokens, lang):
        if not any(t.word in negations for t in clause):
            continue
        for choice in index.emergency:
            for sign in choice.signs:
                if negations.intersection(sign.stems):
                    continue
                for start, end in matches(sign, clause, lang):
                    if _negated_here(clause, start, lang, modals):
                        for token in clause[start : end + 1]:
                            if id(token) not in done and token.word not in lang.stop_words:
                                done.add(id(token))
                                token.stems = {s: w * NEGATED_WEIGHT for s, w in token.stems.items()}
    return tokens


def _negated_here(clause: list[Token], start: int, lang: AskWords, modals: frozenset[str]) -> bool:
    for k in range(max(0, start - NEGATION_REACH), start):
        word = clause[k].word
        if word in lang.negations and clause[k].absorbed is None and not (k and clause[k - 1].word in modals):
            return True
    return False
