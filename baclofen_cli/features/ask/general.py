"""Part of step 5 of `ask`, in scope or not: a question about people at large or self-care
("how many hours sleep does an adult need", "home remedies for cramps", "¿cómo bajar la fiebre sin
pastillas?"): the language's `general_subjects` and `remedy_asks`, what is said to be done without
("sin pastillas"), and whether a word of the question heads a topic. Used by `scope.min_score`
and by the answer's use of the topic model."""
from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.question import content_tokens
from baclofen_cli.features.ask.rank import is_weak
from baclofen_cli.features.ask.token import typed_stem

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex
    from baclofen_cli.features.ask.token import Token
    from baclofen_cli.features.ask.tokens import AskWords

# How many words (not filler) before a reference a negation may stand and make it "without"
# ("without medicine", "sin tomar pastillas").
WITHOUT_REACH = 2


def after_negation(words: list[str], n: int, lang: AskWords) -> bool:
    """A negation among the WITHOUT_REACH words (not filler) before words[n], in its sentence."""
    counted = 0
    for word in reversed(words[:n]):
        if word == ".":
            return False
        if word in lang.filler:
            continue
        if word in lang.negations:
            return True
        counted += 1
        if counted >= WITHOUT_REACH:
            return False
    return False


def about_people_at_large(tokens: list[Token], index: AskIndex) -> bool:
    """"how many hours sleep does an adult need", "home remedies for cramps": one of the
    language's `general_subjects`, or a remedy asked for (the words `general_words` finds)."""
    return bool(general_words([t.word for t in tokens], index.words))


def general_words(words: list[str], lang: AskWords) -> set[str]:
    """The words of the `general_subjects` and `remedy_asks` phrases the question says; none
    when it says none."""
    text = " " + " ".join(words) + " "
    said = {w for p in lang.general_subjects if f" {p} " in text for w in p.split()}
    if asks_remedy(words, lang):
        said |= {w for p in lang.remedy_asks if f" {p} " in text for w in p.split()}
    return said


def asks_remedy(words: list[str], lang: AskWords) -> bool:
    """"how can i stop leg cramps at night", "home remedies for ...": one of the language's
    `remedy_asks` with something after it to stop or treat (not a bare "how do i stop")."""
    text = " ".join(words) + " "
    return any(f" {p} " in f" {text}" and text.split(f"{p} ", 1)[-1].strip(" .") for p in lang.remedy_asks)


def in_headings(tokens: list[Token], index: AskIndex, topic: str) -> bool:
    """A meaningful word of the question is in the topic's title or section headings."""
    own = set(index.headings.get(topic, []))
    return any(typed_stem(w) in own for w in content_tokens(tokens, index)
               if not is_weak(w, index) and typed_stem(w) not in index.name_stems)
