"""Part of step 1 of `ask`, the question: figures of speech ("me muero de ganas de una cerveza",
"me mata el calor", "estoy muerto de cansancio"). Their words would read as signs ("ganas de
morir", "muerto") though nobody is in danger; the language file lists them (`figures`: the
phrase, and the words that may follow it), and their words then carry no stems: neither a sign
nor a word to rank by. The word after the phrase keeps its meaning ("sueño" in "me muero de
sueño"). English lists a few too ("gasping for a cuppa").
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
            # One article or possessive may come between ("me quiero morir de la vergüenza").
            rest = words[n + size : n + size + 2]
            after = rest[0] if rest else "."
            article_between = after in lang.filler and rest[1:] and rest[1] in followers
            if followers and after not in followers and not article_between:
                continue
            for token in tokens[n : n + size]:
                token.stems = {}


def read_idioms(tokens: Sequence[Token], lang: AskWords) -> None:
    """An idiom keeps the meaning the file gives it (its synonyms: "se me pasó" -> forgot) but
    not its words' literal stems, which would read as a sign ("me pasé de dosis")."""
    if not lang.idioms:
        return
    words = [t.word for t in tokens]
    for phrase in lang.idioms:
        parts = phrase.split()
        size = len(parts)
        for n in range(len(words) - size + 1):
            if words[n : n + size] != parts:
                continue
            *leading, last = tokens[n : n + size]
            for token in leading:
                # The file's synonym for the phrase is read into its last word; the others mean
                # nothing of their own ("me di cuenta", I realised: "di" is no "gave").
                token.stems = {}
            literal = lang.stem(last.word)
            if len(last.stems) > 1:
                last.stems.pop(literal, None)
                # Nor what the literal word stands for, weighed below the idiom's own meaning
                # ("se me pasaron dos dosis": forgot, not "me pasé", too much).
                strongest = max(last.stems.values())
                last.stems = {s: w for s, w in last.stems.items() if w >= strongest}
