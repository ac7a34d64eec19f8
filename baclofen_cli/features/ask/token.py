"""One word of a question as `ask` reads it (`Token`), and the weights its readings carry."""

from __future__ import annotations

# "confused" meaning puzzled ("confused about the dose") weighs this share in the ranking.
PUZZLED_WEIGHT = 0.2
# ... and so does a sign said not to be there ("no trouble breathing but ...").
NEGATED_WEIGHT = 0.2
# Weights of query words that were not typed as such.
SYNONYM_WEIGHT = 0.8
# The other words of a phrase that has a synonym ("brain" in "brain fog").
PHRASE_PART_WEIGHT = 0.5
FUZZY_WEIGHT = 0.9
NUMBER_WEIGHT = 0.0
# Question words help ranking ("how long" vs "how much") but weigh less than content words.
QUESTION_WEIGHT = 0.5
NAME_WEIGHT = 0.2


def has_phrase(words: list[str], phrases: tuple[str, ...] | list[str]) -> bool:
    """Whether any of the phrases is said, as whole words, in the words."""
    text = " " + " ".join(words) + " "
    return any(f" {p} " in text for p in phrases)


# How many words may stand for the subject of a how-to phrase ("how would my carer know").
HOW_TO_SUBJECT_WORDS = 3


def asks_how_to(words: list[str], phrases: tuple[str, ...] | list[str], subjects: frozenset[str]) -> bool:
    """A how-to phrase is said ("how do i know if"), also with other words for its subject, the
    third word when it is one of `subjects` ("how would my carer know", "how does the nurse tell")."""
    if has_phrase(words, phrases):
        return True
    for phrase in phrases:
        parts = phrase.split()
        if len(parts) < 4 or parts[2] not in subjects:
            continue
        head, rest = parts[:2], parts[3:]
        for k in range(len(words) - len(head)):
            if words[k : k + 2] != head:
                continue
            for gap in range(1, HOW_TO_SUBJECT_WORDS + 1):
                start = k + 2 + gap
                if words[start : start + len(rest)] == rest:
                    return True
    return False


class Token:
    """One word of the question: what was typed, and the stems it may stand for."""

    __slots__ = ("word", "stems", "past", "corrected", "distance", "phrases", "unknown", "absorbed")

    def __init__(
        self,
        word: str,
        stems: dict[str, float],  # stem -> weight
        past: bool = False,
        corrected: str = "",
        distance: int = 0,
        unknown: bool = False,
    ) -> None:
        self.word, self.stems, self.past = word, stems, past
        self.corrected, self.distance = corrected, distance
        # Synonym meanings of more than one word ("trouble sleeping"): their pairs count too.
        self.phrases: list[list[str]] = []
        # Neither known to the file nor read as a known word.
        self.unknown = unknown
        # A negation that is part of a phrase with a meaning of its own ("can not remember" ->
        # forgot, "no tablets" -> run out): the phrase's last word, which it does not negate
        # ("not had a seizure" still negates the seizure).
        self.absorbed: Token | None = None


def typed_stem(stems: dict[str, float]) -> str:
    """The stem that weighs most: the word as typed, not a synonym."""
    return max(stems, key=stems.__getitem__) if stems else ""
