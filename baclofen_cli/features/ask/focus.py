"""Step 1b of `ask`, a long message's question: background in a forum post must not outweigh
the sentence that asks ("... anyway my question is: can he have a glass of wine?")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.question import MAX_QUERY_CHARS
from baclofen_cli.features.ask.tokens import words_of

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex
    from baclofen_cli.features.ask.rank import Ranked
    from baclofen_cli.features.ask.token import Token

# A message this long (in words) is answered from the sentence that asks the question, when
# one does: background in a long post must not outweigh the question itself. 20, not 25: a post of
# two short sentences ("soy enfermera en una residencia ... ¿cómo se guarda el frasco abierto?").
LONG_MESSAGE_WORDS = 20
# A question sentence with fewer words than this besides stop and question words ("is that a
# good idea?", "is this safe?") points back to the sentence before it.
VAGUE_QUESTION_WORDS = 3
# A question sentence this short with one of the language's `advice_words` ("Any tips from carers?",
# "Thoughts?") is a call for advice: the question before it is the one asked.
ADVICE_CALL_WORDS = 5


def question_focus(question: str, tokens: list[Token], index: AskIndex) -> str | None:
    """In a long message, the last sentence that asks something ("... anyway my question is
    can he have a glass of wine"), from a "question:" marker on; None for a short one."""
    words = sum(1 for t in tokens if t.word != ".")
    import re

    lang = index.words
    requests = [r"\b" + re.escape(m).replace(r"\ ", r"\s+") + r"\b" for m in lang.request_markers]
    if words < LONG_MESSAGE_WORDS:
        # A short message is read whole, unless a request says where its question starts
        # ("doctor gave it for my father's legs, kindly tell how to store").
        found = [m for m in (re.search(p + r"\s*[:,-]?\s*", question, flags=re.IGNORECASE) for p in requests) if m]
        rest = question[max(m.end() for m in found):] if found else ""
        return rest if len(words_of(rest)) >= 2 else None
    # A piece with no word ("??" after a question) is no sentence of its own.
    pieces = re.split(r"(?<=[.!?\n])", question[:MAX_QUERY_CHARS])
    sentences = [p.strip() for p in pieces if any(w.isalnum() for w in words_of(p))]
    if len(sentences) < 2:
        return None
    markers = [re.escape(m).replace(r"\ ", r"\s+") for m in lang.question_markers]
    asking = [
        p for p in sentences
        if p.endswith("?") or any(m.split()[0] in p.casefold() for m in lang.question_markers)
        or any(re.search(r, p, flags=re.IGNORECASE) for r in requests)
        or (words_of(p)[:1] and words_of(p)[0] in lang.question_openers)
    ]
    if not asking:
        return None
    plain = lang.stop_words | lang.question_words | lang.weak_words

    def is_vague(sentence: str) -> bool:
        return sum(w.isalnum() and w not in plain for w in words_of(sentence)) < VAGUE_QUESTION_WORDS

    def calls_for_advice(sentence: str) -> bool:
        said = [w for w in words_of(sentence) if w.isalnum()]
        return len(said) <= ADVICE_CALL_WORDS and bool(lang.advice_words & set(said))

    focus = asking[-1]
    if calls_for_advice(focus) and not lang.pointing_back & set(words_of(focus)):
        # "How far apart should the doses be? ... Any tips from carers?": a closing call for advice;
        # an earlier question that names what it asks is the one asked.
        focus = next((p for p in reversed(asking[:-1]) if not calls_for_advice(p)), focus)
    at = sentences.index(focus)
    said = words_of(focus)
    vague = is_vague(focus)
    if at and vague and lang.pointing_back & set(said):
        # "... He says I can have some of his tablets. Is that a good idea?": a question that
        # points back is asked about the sentence before it.
        focus = f"{sentences[at - 1]} {focus}"
    cuts = markers + requests
    marker = re.search(r"(?:" + "|".join(cuts) + r")\s*[:,-]?\s*", focus, flags=re.IGNORECASE) if cuts else None
    if marker and marker.end() < len(focus):
        focus = focus[marker.end():]
    return focus if len(words_of(focus)) >= 2 else None


def add_background(ranked: list[Ranked], whole: list[Ranked], share: float) -> None:
    """A long message's question sentence, ranked with a share of the whole message: "who do i
    call and how quickly?" is about the pump the post describes. Scaled to the sentence's own
    best, so the whole message never outweighs a sentence that names its subject."""
    top, top_whole = ranked[0].score, max((r.score for r in whole), default=0.0)
    if not top_whole or not share:
        return
    by_topic = {r.topic: r.score / top_whole for r in whole}
    scale = max(r.bm25 for r in ranked)
    for item in ranked:
        part = share * by_topic.get(item.topic, 0.0)
        item.score += part * top
        item.bm25 += part * scale
    ranked.sort(key=lambda r: -r.bm25)
