"""Typos and joined words in a question: the known word closest to an unknown one ("swallowd"
-> "swallowed"), and a compound split into two known words ("breastmilk")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex


def correct(word: str, index: AskIndex) -> tuple[str, int] | None:
    """The known word closest to an unknown one, and the edit distance; None if none is close."""
    if len(word) < 4 or not word.isalpha():
        return None
    # Short words have too many neighbours ("wife" is one letter from "wine"), so a
    # four-letter word is only matched to the words of the emergency phrasings ("mnay"), or
    # to a known word with one letter more ("empy" -> "empty").
    vocabulary: Any
    if len(word) == 4:
        vocabulary = [*index.emergency_words, *(w for w in index.surface if len(w) == 5 and _one_letter_more(word, w))]
    else:
        vocabulary = index.surface.keys()
    limit = 1 if len(word) <= 7 else 2 if len(word) <= 11 else 3
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    candidates = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=8)
    if not candidates:
        return None
    # Fewest edits first; then a word with the same first letter, then the same last letter
    # ("swallowd" is "swallowed", not "swallow"); then the most used word.
    best = min(
        candidates,
        key=lambda c: (c[1], c[0][0] != word[0], c[0][-1] != word[-1],
                       -len(index.postings.get(index.surface.get(c[0], ""), []))),
    )
    return str(best[0]), int(best[1])


def _one_letter_more(short: str, long: str) -> bool:
    """Whether `long` is `short` with one letter added ("empy" -> "empty")."""
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def split_compound(word: str, index: AskIndex) -> list[str] | None:
    """"breastmilk" -> ["breast", "milk"], when both halves are known words."""
    stop = index.words.stop_words
    for cut in range(3, len(word) - 2):
        left, right = word[:cut], word[cut:]
        if left in index.surface and right in index.surface and left not in stop and right not in stop:
            return [left, right]
    return None


def read_superlatives(words: list[str], index: AskIndex) -> list[str]:
    """A superlative the file does not know, as role "very" and the plain word it does know
    ("respira rarísimo" -> "respira muy raro", "rigidísimo" -> "muy rígido"), so the signs said
    with "muy" or the plain word read it; a word the file knows is left as it is."""
    lang = index.words
    if not lang.superlatives:
        return words
    stem = lang.stem
    very = lang.role("very")

    def known(word: str) -> bool:
        return stem(word) in index.idf or stem(word) in index.synonyms or word in index.surface

    out: list[str] = []
    for word in words:
        ending = next((e for e in lang.superlatives if word.endswith(e) and len(word) > len(e) + 2), None)
        if ending is None or known(word):
            out.append(word)
            continue
        plain = word[: -len(ending)] + lang.superlatives[ending]
        out += [very, plain] if known(plain) else [word]
    return out
