"""Part of step 1 of `ask`, the question: the tense of a word where its spelling alone does not
tell. Some languages mark the past with a helper word before a participle ("me he tomado",
"acabo de tragarme"), and some spellings are both present and past once accents are dropped
("tomo" I take, "tomó" took). The words come from the language file (tokens.AskWords); for a
language without them (English) nothing changes.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from baclofen_cli.features.ask.token import SYNONYM_WEIGHT, has_phrase

if TYPE_CHECKING:
    from baclofen_cli.features.ask.tokens import AskWords


class Token(Protocol):
    """What these rules read and set of a question's word (token.Token), named here so that
    this module need not import the question step that calls it."""

    word: str
    past: bool
    stems: dict[str, float]


def read_tense(tokens: Sequence[Token], lang: AskWords) -> None:
    """A participle or infinitive after one of the language's `past_after` words is past ("me he
    tomado", "se ha tragado", "acabo de tragarme"); nothing for a language without them. The
    helper word then means nothing of its own: "me acaba de recetar" says nothing ran out."""
    for token in tokens:
        # A taking word in the past of an unreal condition ("si me tomara diez", "y si se las
        # tragara") reads as the past the phrasings are written in; supposed.py makes it supposed.
        if token.word.endswith(lang.counterfactual_endings or ("\0",)) and lang.eating_stems & token.stems.keys():
            token.past = True
            token.stems.setdefault(lang.stem(lang.role("take")), SYNONYM_WEIGHT)
    for n, token in enumerate(tokens):
        if token.word in lang.past_after:
            verb = next((t for t in tokens[n + 1 : n + 4] if t.word not in lang.filler), None)
            # Only the role "of" may come between ("acabo de tragarme"): after an article the word
            # is a noun ("se acabó el blíster entero" is no "acabo de" + verb).
            between = tokens[n + 1 : tokens.index(verb)] if verb is not None else []
            if any(t.word != lang.role("of") for t in between):
                continue
            if verb is not None and verb.word != "." and verb.word.endswith(lang.past_after_endings):
                verb.past = True
                if verb.word not in lang.weak_words:  # "se me acabó ayer": "ayer" is no verb
                    token.stems = {}


def read_either_tense(tokens: Sequence[Token], lang: AskWords, question: str = "") -> None:
    """A spelling of either tense after a `present_after` word is present ("lo tomo antes de
    comer", "si me tomo dos"), unless a `past_clitics` word leads ("se lo tomo todo")."""
    for n, token in enumerate(tokens):
        if token.word in lang.either_tense and token.past:
            k = n - 1
            while k >= 0 and (tokens[k].word in lang.present_after or tokens[k].word in lang.past_clitics):
                k -= 1
            lead = tokens[k + 1].word if k + 1 < n else ""
            if (lead and lead not in lang.past_clitics) or (not lead and _supposed_by_me(tokens, n, lang)) \
                    or _short_opening(tokens, n, lang, question):
                token.past = False


# "¿tomo doble?", "tomo otra": a question of this many words opened by a spelling of either
# tense, nobody named, asks "do I take"; a "took" needs someone who took it ("mi hijo tomo doble").
SHORT_OPENING_WORDS = 2


def _short_opening(tokens: Sequence[Token], n: int, lang: AskWords, question: str) -> bool:
    """Typed as the spelling of either tense ("tomo", not "tomó": the accent says the past)."""
    said = [t for t in tokens if t.word != "."]
    return (len(said) <= SHORT_OPENING_WORDS and tokens[n].word in re.findall(r"\w+", question.lower())
            and opens_clause_in_either_tense(tokens, n, lang) and not any(t.word in lang.subjects for t in said))


def _supposed_by_me(tokens: Sequence[Token], n: int, lang: AskWords) -> bool:
    """After a conditional in its clause, said of oneself: "q pasa si tomo", "si me salto una
    tomo doble" (not "si mi hijo tomo diez": there the spelling is the past). Also after a
    clause the conditional opens, the comma between: "si me salto una, tomo el doble?"."""
    crossed = False
    for k in range(n - 1, -1, -1):
        word = tokens[k].word
        if word == "." and not crossed:
            crossed = True
            continue
        if word == "." or word in lang.past_clitics:
            return False
        if word in lang.conditionals:
            if crossed and any(t.word not in lang.opener_lead_ins for t in tokens[:k]) and tokens[k - 1].word != ".":
                return False  # "no sé si me la tomé, tomo otra": the conditional does not open its clause
            between = [t.word for t in tokens[k + 1 : n]
                       if t.word != "." and (t.word not in lang.filler or t.word in lang.present_after)]
            return not between or any(w in lang.present_after for w in between)
    return False


def opens_clause_in_either_tense(tokens: Sequence[Token], n: int, lang: AskWords) -> bool:
    """A spelling of either tense that opens its clause ("buenas, tomo tramadol por la cadera"):
    more often "I take" than a "took" with no one named, so it alone does not say two medicines
    were taken together."""
    if tokens[n].word not in lang.either_tense:
        return False
    k = n - 1
    while k >= 0 and tokens[k].word in lang.opener_lead_ins:
        k -= 1
    return k < 0 or tokens[k].word == "."


def ordinary_taking(tokens: Sequence[Token], n: int, lang: AskWords) -> bool:
    """The taking word at tokens[n] tells of no single dose too many: a past that went on ("ella
    ya tomaba tramadol": `habitual_past_endings`), or one its clause calls the usual dose ("had my
    usual gabapentin", "se tomó su diazepam como le mandaron": `usual_dose`), or a question of how
    it is taken ("can baclofen be taken too": `passive_before`)."""
    if tokens[n].word.endswith(lang.habitual_past_endings):
        return True
    if n > 0 and tokens[n - 1].word in lang.passive_before:
        return True
    if not lang.usual_dose:
        return False
    start = next((k + 1 for k in range(n - 1, -1, -1) if tokens[k].word == "."), 0)
    end = next((k for k in range(n + 1, len(tokens)) if tokens[k].word == "."), len(tokens))
    return has_phrase([t.word for t in tokens[start:end]], lang.usual_dose)
