"""Who a question is about, where a language says it without naming the medicine (used by `scope`):
a short question that drops its subject ("¿para qué sirve?"), and "lo" that stands for another
medicine named just before it ("el lorazepam crea dependencia si lo tomo"). The words are the
language file's (`implied_subject_words`, `names_before_it`); English sets none."""
from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.question import content_tokens
from baclofen_cli.features.ask.token import has_phrase
from baclofen_cli.features.ask.tokens import is_definition

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex
    from baclofen_cli.features.ask.token import Token
    from baclofen_cli.features.ask.tokens import AskWords


def implied_subject(tokens: list[Token], index: AskIndex, found: dict[int, str]) -> bool:
    """A short question that drops its subject, as Spanish does ("¿para qué sirve?", "¿cómo se
    toma?", "¿recambio de bomba?"): at most the language's `implied_subject_words` words, each
    one the file knows, naming no other medicine (`found`: scope.substances) or drink and no one else ("la gente")."""
    lang = index.words
    typed = [t for t in tokens if t.word != "." and t.word not in lang.short_question_ignores]
    if not lang.implied_subject_words or not typed or len(typed) > lang.implied_subject_words:
        return False
    if any(t.unknown or (t.corrected and t.distance > 1) or t.word in lang.other_kind or t.word in lang.drinks
           or t.word in lang.weak_words or t.word in lang.not_counted
           for t in typed):
        return False
    words = [t.word for t in tokens]
    if is_definition(words, lang) and content_tokens(tokens, index):
        return False  # "¿qué causa la migraña?" asks about the illness; "¿qué es?" about the medicine
    return not found and not has_phrase(words, lang.general_subjects)


def named_just_before(words: list[str], n: int, found: dict[int, str], lang: AskWords) -> bool:
    """Another medicine is named before words[n] in its sentence, with no mixing word between."""
    for k in range(n - 1, -1, -1):
        if words[k] == "." or words[k] in lang.mixing_words:
            return False
        if k in found:
            return True
    return False
