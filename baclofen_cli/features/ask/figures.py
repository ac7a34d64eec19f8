"""Part of step 1 of `ask`, the question: figures of speech ("me muero de ganas de una cerveza",
"me mata el calor", "estoy muerto de cansancio"). Their words would read as signs ("ganas de
morir", "muerto") though nobody is in danger; the language file lists them (`figures`: the
phrase, and the words that may follow it), and their words then carry no stems: neither a sign
nor a word to rank by. The word after the phrase keeps its meaning ("sueño" in "me muero de
sueño"). A language without figures (English, for now) is read as before.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from baclofen_cli.features.ask.tokens import AskWords


class Token(Protocol):
    """What this rule reads and sets of a question's word (token.Token)."""

    word: str
    stems: dict[str, float]


def read_figures(tokens: Sequence[Token], lang: AskWords) -> None:
    """Empty the stems of the words of each figure of speech the question uses."""
    if not lang.figures:
        return
    words = [t.word for t in tokens]
    for phrase, followers in lang.figures.items():
        parts = phrase.split()
        size = len(parts)
        for n in range(len(words) - size + 1):
            if words[n : n + size] != parts:
                continue
            after = words[n + size] if n + size < len(words) else "."
            if followers and after not in followers:
                continue
            for token in tokens[n : n + size]:
                token.stems = {}
