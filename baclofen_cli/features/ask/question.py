"""Step 1 of `ask`, the question: its words with stems, typo corrections and synonyms.

The file's synonyms add what everyday words stand for ("forgot" -> missed, "brain fog" ->
confused, "pints" -> alcohol); taking words are read in `taking`, typos in `spelling`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.ages import read_ages
from baclofen_cli.features.ask.amounts import read_amounts
from baclofen_cli.features.ask.figures import read_figures, read_idioms
from baclofen_cli.features.ask.spelling import correct, read_superlatives, split_compound
from baclofen_cli.features.ask.taking import read_taking
from baclofen_cli.features.ask.tense import read_either_tense, read_tense
from baclofen_cli.features.ask.token import (
    FUZZY_WEIGHT,
    NAME_WEIGHT,
    NUMBER_WEIGHT,
    PHRASE_PART_WEIGHT,
    PUZZLED_WEIGHT,
    QUESTION_WEIGHT,
    SYNONYM_WEIGHT,
    Token,
    typed_stem,
)
from baclofen_cli.features.ask.tokens import CLAUSE_BREAKS, MAX_WORD_CHARS

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex

# Questions are read up to this many characters (a long forum post is about 2,000); what is
# beyond is not read, and the answer says so. It bounds the work per question.
MAX_QUERY_CHARS = 10_000


def analyse(question: str, index: AskIndex) -> list[Token]:
    """The question's words with stems, corrections and synonyms (clause breaks kept as ".")."""
    lang = index.words
    stem, is_past = lang.stem, lang.is_past
    words = read_superlatives(read_amounts(lang.tokenize(question[:MAX_QUERY_CHARS]), lang), index)
    tokens: list[Token] = []
    taking = set(index.taking)
    fixes: dict[str, tuple[str, int] | None] = {}
    plain = index.plain_words  # looked up word by word: a set of them would decode every bucket
    for word in words:
        if word in CLAUSE_BREAKS:
            tokens.append(Token(word=".", stems={}))
            continue
        if (
            word.isalpha()
            and word not in lang.stop_words
            and stem(word) not in index.idf
            and word not in index.surface
            and stem(word) not in index.synonyms
            and word not in lang.weak_words
        ):
            if len(word) > MAX_WORD_CHARS:
                tokens.append(Token(word=word, stems={word[:MAX_WORD_CHARS]: 1.0}, unknown=True))
                continue
            parts = split_compound(word, index) if len(word) >= 6 else None
            if parts:
                tokens += [Token(word=p, stems={stem(p): 1.0}, past=is_past(p)) for p in parts]
                continue
            if word in plain:
                # A real word is what the person meant: never turned into another ("great" -> "treat").
                tokens.append(Token(word=word, stems={stem(word): 1.0}, past=is_past(word)))
                continue
            if word not in fixes:
                fixes[word] = correct(word, index)
            fixed = fixes[word]
            if not fixed:
                tokens.append(Token(word=word, stems={stem(word): 1.0}, past=is_past(word), unknown=len(word) > 3))
                continue
            known, distance = fixed
            weight = FUZZY_WEIGHT ** distance
            tokens.append(
                Token(word=word, stems={stem(known): weight}, past=is_past(known), corrected=known, distance=distance)
            )
            continue
        if word.isdigit():
            weight = NUMBER_WEIGHT
        elif word in lang.question_words or word in lang.weak_words:
            weight = QUESTION_WEIGHT
        elif stem(word) in index.name_stems:
            weight = NAME_WEIGHT
        else:
            weight = 1.0
        tokens.append(Token(word=word, stems={stem(word): weight}, past=is_past(word)))
    read_tense(tokens, lang)
    read_figures(tokens, lang)
    read_ages(tokens, lang)
    _join_split_words(tokens, index)
    _add_synonyms(tokens, index)
    read_idioms(tokens, lang)
    read_taking(tokens, index, taking)
    read_either_tense(tokens, lang, question[:MAX_QUERY_CHARS])
    for n, token in enumerate(tokens):
        # "confused about the dose", "mg and mcg, confused.": puzzled, not a sign to rank by.
        after = tokens[n + 1].word if n + 1 < len(tokens) else "."
        k = n - 1
        while k >= 0 and tokens[k].word in lang.puzzled_lead_ins:
            k -= 1  # "a bit confused, ..."
        alone = (k < 0 or tokens[k].word == ".") and after == "."
        if token.word in lang.puzzled and (after in lang.puzzled_by or alone):
            token.stems = {s: w * PUZZLED_WEIGHT for s, w in token.stems.items()}
    return tokens



def _join_split_words(tokens: list[Token], index: AskIndex) -> None:
    """"breast feeding" -> also "breastfeeding", when the file uses the joined word."""
    for left, right in zip(tokens, tokens[1:]):
        joined = (left.corrected or left.word) + (right.corrected or right.word)
        if left.word != "." and right.word != "." and joined in index.surface and joined not in index.words.stop_words:
            right.stems.setdefault(index.surface[joined], 1.0)


def _add_synonyms(tokens: list[Token], index: AskIndex) -> None:
    """Add what a word (or two or three words in a row) can stand for, at lower weight. The
    words of a matched phrase count less on their own: "brain fog" is about confusion, not
    the brain; "nerve pain" is about pain."""
    longest = index.synonym_words
    typed = [typed_stem(t.stems) for t in tokens]
    found: list[tuple[int, int, list[list[str]]]] = []
    for start in range(len(tokens)):
        for size in range(1, longest + 1):
            window = tokens[start : start + size]
            if len(window) < size or any(t.word == "." for t in window):
                break
            meanings = index.synonyms.get(" ".join(typed[start : start + size]), [])
            if meanings:
                found.append((start, size, meanings))
    for start, size, meanings in found:
        target = tokens[start + size - 1]
        weight = SYNONYM_WEIGHT * min(target.stems.values(), default=1.0)
        for meaning in meanings:
            for s in meaning:
                if target.stems.get(s, 0.0) < weight:
                    target.stems[s] = weight
            if len(meaning) > 1:
                target.phrases.append(meaning)
        for part in tokens[start : start + size - 1]:
            for s in part.stems:
                part.stems[s] *= PHRASE_PART_WEIGHT
            if part.word in index.words.negations:
                part.absorbed = target


def content_tokens(tokens: list[Token], index: AskIndex) -> list[dict[str, float]]:
    """The stems (with weights) of each word that carries meaning; stop words only bring
    their synonyms ("come off" -> "stop")."""
    stop = index.words.stop_words
    out = []
    for token in tokens:
        if token.word == ".":
            continue
        if token.word in stop and not token.corrected:
            stems = {s: w for s, w in token.stems.items() if 0.0 < w < 1.0 and s not in stop}
        else:
            # A stem of weight 0 ("take" read into "had") counts for emergencies only.
            stems = {s: w for s, w in token.stems.items() if s not in stop and (w > 0.0 or s == token.word)}
        if stems:
            out.append(stems)
    return out


