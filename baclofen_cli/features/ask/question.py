"""Step 1 of `ask`, the question: its words with stems, typo corrections and synonyms.

The file's synonyms add what everyday words stand for ("forgot" -> missed, "brain fog" ->
confused, "pints" -> alcohol); a taking word followed by a medicine word reads as "took"
("downed a load of his baclofen"), and a count or amount above the file's limits after it
as "too many" / "too much".
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from baclofen_cli.features.ask.amounts import dropped_not_taken, read_amounts
from baclofen_cli.features.ask.figures import read_figures
from baclofen_cli.features.ask.tense import read_either_tense, read_tense
from baclofen_cli.features.ask.tokens import CLAUSE_BREAKS, MAX_WORD_CHARS

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex

# Questions are read up to this many characters (a long forum post is about 2,000); what is
# beyond is not read, and the answer says so. It bounds the work per question.
MAX_QUERY_CHARS = 10_000
# "confused" meaning puzzled ("confused about the dose") weighs this share in the ranking.
PUZZLED_WEIGHT = 0.2
# Weights of query words that were not typed as such.
SYNONYM_WEIGHT = 0.8
# The other words of a phrase that has a synonym ("brain" in "brain fog").
PHRASE_PART_WEIGHT = 0.5
FUZZY_WEIGHT = 0.9
NUMBER_WEIGHT = 0.0
# Question words help ranking ("how long" vs "how much") but weigh less than content words.
QUESTION_WEIGHT = 0.5
NAME_WEIGHT = 0.2
# A taking word ("swallowed", "had") means "took" when a medicine word follows this close
# (in words that are not filler: "scoffed a handful of my muscle relaxants" is 3 away).
TAKING_REACH = 5


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


def analyse(question: str, index: AskIndex) -> list[Token]:
    """The question's words with stems, corrections and synonyms (clause breaks kept as ".")."""
    lang = index.words
    stem, is_past = lang.stem, lang.is_past
    words = read_amounts(lang.tokenize(question[:MAX_QUERY_CHARS]), lang)
    tokens: list[Token] = []
    taking = set(index.taking)
    fixes: dict[str, tuple[str, int] | None] = {}
    plain = set(index.plain_words)
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
    _join_split_words(tokens, index)
    _add_synonyms(tokens, index)
    _read_taking(tokens, index, taking)
    read_either_tense(tokens, lang)
    for n, token in enumerate(tokens):
        # "confused about the dose", "mg and mcg, confused.": puzzled, not a sign to rank by.
        after = tokens[n + 1].word if n + 1 < len(tokens) else "."
        alone = (n == 0 or tokens[n - 1].word == ".") and after == "."
        if token.word in lang.puzzled and (after in lang.puzzled_by or alone):
            token.stems = {s: w * PUZZLED_WEIGHT for s, w in token.stems.items()}
    return tokens


def medicine_word(token: Token, index: AskIndex) -> bool:
    """"tablets", "pills", "it", "them", "dose", "10", or the medicine's own name."""
    return (
        token.word.isdigit()
        or token.word in index.words.references
        or token.word in index.containers
        or any(s in index.references or s in index.anchors or s in index.name_stems or s in index.class_stems
               for s in token.stems)
    )


def _medicine_follows(tokens: list[Token], n: int, index: AskIndex) -> bool:
    """A medicine word within TAKING_REACH after tokens[n], in the same clause; a container
    counts unless it holds something else ("the rest of the bottle", not "a bottle of wine").
    After a word as common as "had", only an amount counts ("had 12 baclofen", "had the whole
    lot"; not "had my dose at 2pm" or "had a lot of pain")."""
    lang = index.words
    then, too, many = lang.role("then"), lang.role("too"), lang.role("many")
    common = tokens[n].word in lang.stop_words
    for k in _reach(tokens, n, lang.filler):
        token = tokens[k]
        if token.word in (".", then):
            return False
        if common:
            if token.word in lang.quantity and _ends_clause(tokens, k, index) and _medicine_before(tokens, n, index):
                return True  # "emptied the blister pack and had the lot": the lot of what came before
            if token.word.isdigit() or token.word in lang.quantity or token.word in index.containers:
                for j in range(k, min(len(tokens), k + 1 + TAKING_REACH)):
                    if tokens[j].word in (".", then):
                        break
                    if tokens[j].word in index.containers:
                        return _holds_medicine(tokens, j, index)
                    if j > k and medicine_word(tokens[j], index) and not tokens[j].word.isdigit():
                        return True
                return False
            continue
        if token.word == many and tokens[k - 1].word == too and tokens[n].word not in lang.stop_words:
            return True  # "swallowed way too many" (not "had too many", which may be drinks)
        if token.word in index.containers:
            if _holds_medicine(tokens, k, index):
                return True
            continue
        if medicine_word(token, index):
            return True
    return False


def _ends_clause(tokens: list[Token], k: int, index: AskIndex) -> bool:
    """Nothing but filler and words of time after tokens[k] in its clause ("had the lot", "had
    the lot this morning"; not "had a lot of pain")."""
    lang = index.words
    for token in tokens[k + 1 :]:
        if token.word == "." or token.word in lang.clause_words:
            return True
        if token.word not in lang.filler and token.word not in lang.weak_words and token.word not in lang.stop_words:
            return False
    return True


def _medicine_before(tokens: list[Token], n: int, index: AskIndex) -> bool:
    """A medicine word or a container earlier in the clause of tokens[n]."""
    for token in reversed(tokens[:n]):
        if token.word == ".":
            return False
        if token.word in index.containers or (medicine_word(token, index) and not token.word.isdigit()):
            return True
    return False


def _reach(tokens: list[Token], n: int, filler: frozenset[str]) -> list[int]:
    """The positions after tokens[n] up to TAKING_REACH words that are not filler ("a", "my")."""
    out: list[int] = []
    counted = 0
    for k in range(n + 1, len(tokens)):
        out.append(k)
        if tokens[k].word not in filler:
            counted += 1
            if counted >= TAKING_REACH:
                break
    return out


def other_substance(token: Token, index: AskIndex) -> bool:
    """"paracetamol", "beers": another medicine or drink, by name or through the synonyms."""
    if " ".join(index.words.tokenize(token.word)) in index.drugs:
        return True
    typed = typed_stem(token.stems)
    synonyms = {s for s in token.stems if s != typed}
    return bool(synonyms & index.drug_stems.keys()) or all(part in synonyms for part in index.words.other_medicine)


def _holds_medicine(tokens: list[Token], k: int, index: AskIndex) -> bool:
    """A container at tokens[k] holds medicine unless "of" something else follows ("a bottle of
    wine"; but "the bottle", "a packet of baclofen", "a strip of my tablets")."""
    if k + 1 >= len(tokens) or tokens[k + 1].word != index.words.role("of"):
        return True
    held = next((t for t in tokens[k + 2 : k + 5] if t.word not in index.words.filler), None)
    return held is None or medicine_word(held, index)


def _read_taking(tokens: list[Token], index: AskIndex, taking: set[str]) -> None:
    """A taking word followed closely by a medicine word is read as "took" ("downed a load of
    his baclofen", "had like 12 tablets"; not "had a lot of pain"). After a taking word, a
    count of tablets at or above `too_many` ("took 8 tablets") and an amount at or above the
    day's maximum ("took 300mg") also read as "too many" / "too much"."""
    lang = index.words
    stem = lang.stem
    take, give = stem(lang.role("take")), stem(lang.role("give"))
    too, many, much = stem(lang.role("too")), stem(lang.role("many")), stem(lang.role("much"))
    clause_took = False
    # "is 180 mg in one go dangerous? already done it": an amount the message says was taken,
    # in any sentence.
    said_taken = any(t.word in lang.already for t in tokens)
    for n, token in enumerate(tokens):
        if token.word == ".":
            clause_took = False
            continue
        # A typo of a taking word counts as the word ("swallowd 14 of my 10mg ones"). Also a
        # participle or infinitive of an eating word read as past ("me he tragado", "acabo de
        # tomarme"): only a language with `past_after_endings` has them.
        eaten = token.past and token.word.endswith(lang.past_after_endings) and lang.eating_stems & token.stems.keys()
        if ((token.corrected or token.word) in taking or eaten) and _medicine_follows(tokens, n, index) \
                and not dropped_not_taken(tokens, n, lang):
            token.stems.setdefault(take, SYNONYM_WEIGHT)
            token.past = True
        if (take in token.stems or give in token.stems) and token.past:
            clause_took = True
        if not token.word.isdigit() or n + 1 >= len(tokens):
            continue
        # "6 of my baclofen", "8 of the tablets": the word counted may come after "of my".
        after = next((t for t in tokens[n + 1 : n + 4] if t.word not in lang.filler), tokens[n + 1])
        amount = int(token.word) if len(token.word) < 7 else 10**6
        if n > 0 and other_substance(tokens[n - 1], index):
            continue  # "on zoloft 100mg already": another medicine's dose
        counted = after.word in lang.counted or any(s in index.name_stems for s in after.stems)
        # After "took" or "swallowed", a count is of the medicine unless it is of time or an
        # amount ("took about 20 of his muscle relaxers"; not "took 5 days", "took 10 mg").
        taken = (clause_took and after.word not in lang.not_counted and after.word not in lang.weak_words
                 and not other_substance(after, index))
        # "la de las 8": a time of day, unless tablets are counted ("se tomó las 8 pastillas").
        clock = n > 0 and tokens[n - 1].word in lang.clock_before and not counted
        # "tomo 4 pastillas al día": a day's dose, not too many at once.
        daily = counted and (_per_day(tokens, n + 2, index) or _per_day(tokens, n + 3, index))
        if amount >= index.too_many and (counted or taken) and not clock and not daily:
            token.stems.update({too: SYNONYM_WEIGHT, many: SYNONYM_WEIGHT})
        # An amount is only too much when it was taken or given ("my dose is 100 mg" is not).
        if (
            (clause_took or said_taken) and index.day_maximum and after.word == index.day_maximum[0]
            and amount >= index.day_maximum[1] and not _per_day(tokens, n + 2, index)
        ):
            token.stems.update({too: SYNONYM_WEIGHT, much: SYNONYM_WEIGHT})
            if not clause_took:
                # Taken, by another sentence's word ("already done it"): the amount itself says so.
                token.stems.setdefault(take, 0.0)
                token.past = True


def _per_day(tokens: list[Token], k: int, index: AskIndex) -> bool:
    """The words at tokens[k] say "a day", "per day" (of an amount: a dose someone is on)."""
    words = [t.word for t in tokens[k : k + 3]]
    return any(words[: len(tail)] == tail for tail in index.day_words)


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


# ---------------------------------------------------------------------------- typos
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
