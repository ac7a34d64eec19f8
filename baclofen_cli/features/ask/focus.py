"""Step 1b of `ask`, a long message's question: background in a forum post must not outweigh
the sentence that asks ("... anyway my question is: can he have a glass of wine?")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.question import MAX_QUERY_CHARS
from baclofen_cli.features.ask.tokens import words_of

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex
    from baclofen_cli.features.ask.question import Token

# A message this long (in words) is answered from the sentence that asks the question, when
# one does: background in a long post must not outweigh the question itself. 20, not 25: a post of
# two short sentences ("soy enfermera en una residencia ... ¿cómo se guarda el frasco abierto?").
LONG_MESSAGE_WORDS = 20


def question_focus(question: str, tokens: list[Token], index: AskIndex) -> str | None:
    """In a long message, the last sentence that asks something ("... anyway my question is
    can he have a glass of wine"), from a "question:" marker on; None for a short one."""
    words = sum(1 for t in tokens if t.word != ".")
    if words < LONG_MESSAGE_WORDS:
        return None
    import re

    lang = index.words
    # A piece with no word ("??" after a question) is no sentence of its own.
    pieces = re.split(r"(?<=[.!?\n])", question[:MAX_QUERY_CHARS])
    sentences = [p.strip() for p in pieces if any(w.isalnum() for w in words_of(p))]
    if len(sentences) < 2:
        return None
    markers = [re.escape(m).replace(r"\ ", r"\s+") for m in lang.question_markers]
    asking = [
        p for p in sentences
        if p.endswith("?") or any(m.split()[0] in p.casefold() for m in lang.question_markers)
        or (words_of(p)[:1] and words_of(p)[0] in lang.question_openers)
    ]
    if not asking:
        return None
    focus = asking[-1]
    marker = re.search(r"(?:" + "|".join(markers) + r")\s*[:,-]?\s*", focus, flags=re.IGNORECASE) if markers else None
    if marker and marker.end() < len(focus):
        focus = focus[marker.end():]
    return focus if len(words_of(focus)) >= 2 else None
