"""Reading taking words: "swallowed", "had", "downed" followed closely by a medicine word read
as "took" ("downed a load of his baclofen"; not "had a lot of pain"), and a count or an
amount above the file's limits after it as "too many" / "too much"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.amounts import dropped_not_taken
from baclofen_cli.features.ask.token import SYNONYM_WEIGHT, Token, typed_stem

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex

# A taking word ("swallowed", "had") means "took" when a medicine word follows this close
# (in words that are not filler: "scoffed a handful of my muscle relaxants" is 3 away).
TAKING_REACH = 5


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


def read_taking(tokens: list[Token], index: AskIndex, taking: set[str]) -> None:
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
        # Not a word an idiom or figure took its own stem from ("a half-used bottle": opened).
        literal = stem(token.corrected or token.word) in token.stems
        if ((token.corrected or token.word) in taking or eaten) and literal and _medicine_follows(tokens, n, index) \
                and not dropped_not_taken(tokens, n, lang):
            token.stems.setdefault(take, SYNONYM_WEIGHT)
            token.past = True
        if (take in token.stems or give in token.stems) and token.past:
            clause_took = True
        if not token.word.isdigit() or n + 1 >= len(tokens):
            continue
        # "6 of my baclofen", "8 of the tablets": the word counted may come after "of my".
        k = next((k for k in range(n + 1, min(n + 4, len(tokens))) if tokens[k].word not in lang.filler), n + 1)
        after = tokens[k]
        amount = int(token.word) if len(token.word) < 7 else 10**6
        # "on zoloft 100mg already": another medicine's dose; also with filler between, its
        # strength ("tomo sertralina de 50 desde hace un año").
        before = next((k for k in range(n - 1, -1, -1) if tokens[k].word not in lang.filler), -1)
        if before >= 0 and other_substance(tokens[before], index):
            continue
        if _strength_of_unknown(tokens, n, before, index):
            continue  # "tomo omeprazol de 20 desde hace meses": a medicine the file does not know
        if after.word in lang.not_counted and _other_follows(tokens, k, index):
            # "had 1g of paracetamol", "tomo 2 mg de clonazepam": another medicine's dose, so its
            # unit is not read as doses of this one either.
            typed = typed_stem(after.stems)
            after.stems = {typed: after.stems[typed]} if typed else after.stems
            continue
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
            (clause_took or said_taken) and index.day_maximum
            and (after.word == index.day_maximum[0] or index.day_maximum[0] in after.stems)  # "miligramos"
            and amount >= index.day_maximum[1] and not _per_day(tokens, n + 2, index)
        ):
            token.stems.update({too: SYNONYM_WEIGHT, much: SYNONYM_WEIGHT})
            if not clause_took:
                # Taken, by another sentence's word ("already done it"): the amount itself says so.
                token.stems.setdefault(take, 0.0)
                token.past = True


# An unknown word this long before "of" and a number is taken for another medicine's name.
UNKNOWN_NAME_CHARS = 5


def _strength_of_unknown(tokens: list[Token], n: int, before: int, index: AskIndex) -> bool:
    """The number at tokens[n] is the strength of a medicine the file does not know: just after
    "of", after a word the file never uses (not a typo of one), with nothing counted after it
    ("tomo omeprazol de 20 desde hace meses"; not "se engulló 20 pastillas")."""
    lang = index.words
    if before < 0 or tokens[n - 1].word != lang.role("of"):
        return False
    name = tokens[before]
    if not name.unknown or name.corrected or len(name.word) < UNKNOWN_NAME_CHARS:
        return False
    after = next((t for t in tokens[n + 1 : n + 4] if t.word not in lang.filler), None)
    return after is None or not (after.word in lang.counted or any(s in index.name_stems for s in after.stems))


def _other_follows(tokens: list[Token], k: int, index: AskIndex) -> bool:
    """Another medicine or drink named right after the unit at tokens[k] ("mg of ibuprofen")."""
    named = next((t for t in tokens[k + 1 : k + 4] if t.word not in index.words.filler), None)
    return named is not None and other_substance(named, index)


def _per_day(tokens: list[Token], k: int, index: AskIndex) -> bool:
    """The words at tokens[k] say "a day", "per day" (of an amount: a dose someone is on)."""
    words = [t.word for t in tokens[k : k + 3]]
    return any(words[: len(tail)] == tail for tail in index.day_words)
