"""Part of step 4 of `ask`, emergencies: an event only supposed, not told of.

Two ways a question supposes what it describes: a clear marker of its own (the language's
`hypothetical` phrases: "if i ever", "say someone", "que pasaría si"), or the grammar of an
unreal condition: a conditional that opens the question, then a word of that grammar ("if i took
a double dose, would i need hospital": `counterfactual_words`), or a taking word in the mood of
one ("y si se las tragara", "si me tomara diez": `counterfactual_endings`). Where the language
says so (`counterfactual_subjects`: English "i", "we"), only of the one asking, who knows whether
it happened: "if my son took ten, would he be ok" may be a parent's real fear and keeps the alarm.
A `now` phrase ("... i took 10 today") says it is not only supposed. The signs still lead the
answer, without the alarm (answer.py's `caution`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.token import has_phrase

if TYPE_CHECKING:
    from baclofen_cli.features.ask.token import Token
    from baclofen_cli.features.ask.tokens import AskWords

# How far into the question (after the language's lead-ins, "y", "se") the conditional may open it
# ("if i took", "y si me tomara", "que pasaria si alguien"); later, it may suppose only a part.
OPENING_WORDS = 3


def supposed_event(tokens: list[Token], lang: AskWords) -> bool:
    """Whether the question only supposes the event it describes (see the module)."""
    words = [t.word for t in tokens]
    if has_phrase(words, lang.now):
        return False
    return has_phrase(words, lang.hypothetical) or unreal_condition(tokens, lang)


def unreal_condition(tokens: list[Token], lang: AskWords) -> bool:
    """A conditional opening the question, with a word of an unreal condition after it."""
    if not (lang.counterfactual_words or lang.counterfactual_endings):
        return False
    first = 0
    while first < len(tokens) - 1 and tokens[first].word in lang.opener_lead_ins:
        first += 1
    opening = [k for k in range(first, min(len(tokens), first + OPENING_WORDS)) if tokens[k].word in lang.conditionals]
    if not opening:
        return False
    k = opening[0]
    subject = tokens[k + 1].word if k + 1 < len(tokens) else ""
    if lang.counterfactual_subjects and subject not in lang.counterfactual_subjects:
        return False
    return any(t.word in lang.counterfactual_words
               or (t.word.endswith(lang.counterfactual_endings) and bool(lang.eating_stems & t.stems.keys()))
               for t in tokens[k + 1 :])
