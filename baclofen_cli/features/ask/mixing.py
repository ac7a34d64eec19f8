"""Step 5a of `ask`: whether a question asks to take another medicine with this one, and the
one rule for the words that may stand between a joining word and a medicine's name."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex
    from baclofen_cli.features.ask.token import Token
    from baclofen_cli.features.ask.tokens import AskWords


def names_medicine(tokens: list[Token], index: AskIndex) -> bool:
    """The question names this medicine ("baclofen", "lioresal")."""
    return any(s in index.anchors for t in tokens for s in t.stems)


def not_taken_yet(tokens: list[Token], index: AskIndex) -> bool:
    """Another medicine taken, and this one named only in a question of whether to take it: "took
    lorazepam last night, can i take baclofen today?", "tomé lorazepam anoche, ¿puedo tomar el
    baclofeno hoy?". Every sentence that names this medicine opens as a question and tells of no
    taking; no sentence counts more than one of anything ("took 4 lorazepam, can i take baclofen")."""
    lang = index.words
    take, give = lang.stem(lang.role("take")), lang.stem(lang.role("give"))
    sentences: list[list[Token]] = [[]]
    for token in tokens:
        if token.word == ".":
            sentences.append([])
        else:
            sentences[-1].append(token)
    naming = [s for s in sentences if any(st in index.anchors for t in s for st in t.stems)]
    if not naming or any(t.word.isdigit() and int(t.word[:6]) > 1 for t in tokens):
        return False
    for sentence in naming:
        first = 0
        while first < len(sentence) - 1 and sentence[first].word in lang.opener_lead_ins:
            first += 1
        if sentence[first].word not in lang.yes_no_openers and sentence[first].word not in lang.question_openers:
            return False
        if any(t.past and (take in t.stems or give in t.stems) for t in sentence):
            return False
    return True


def joined_before(words: list[str], n: int, lang: AskWords, joiners: frozenset[str], possessive: bool = True) -> int:
    """Where a word of `joiners` stands before the name at words[n]: just before it ("with
    ibuprofen"), or with one article or possessive between ("with the gabapentin", "ok with her
    baclofen", "con el pantoprazol", "the side effects of a prednisolone course"); -1 when none.
    Without `possessive`, a possessive between does not count ("of my tablets" is this medicine)."""
    if n >= 1 and words[n - 1] in joiners:
        return n - 1
    between = lang.filler if possessive else lang.filler - lang.possessives
    if n >= 2 and words[n - 1] in between and words[n - 2] in joiners:
        return n - 2
    return -1


def asks_mixing(tokens: list[Token], index: AskIndex, found: dict[int, str]) -> bool:
    """"have it with ibuprofen", "take it with the gabapentin": "it", and a mixing word before
    the other medicine (with an article between, a word of taking it before the mixing word: not
    "it's a problem with the drink"); "xanax every day with (her) baclofen": a mixing word before
    this medicine's name; or both named and a word that asks to put them together."""
    lang = index.words
    mixing = lang.mixing_words
    words = [t.word for t in tokens]
    taking = lang.taking_before | lang.references | mixing
    if lang.role("it") in words:
        for n in found:
            k = joined_before(words, n, lang, mixing)
            if k == n - 1 or (k >= 1 and words[k - 1] in taking):
                return True
    if any(t.stems.keys() & index.anchors and joined_before(words, n, lang, mixing) >= 0
           for n, t in enumerate(tokens)):
        return True
    # "on 600mg gabapentin, can baclofen be added": both named, and a word that asks to put them together.
    return bool(found) and names_medicine(tokens, index) and any(t.word in lang.together_words for t in tokens)


def unknown_medicine(tokens: list[Token], index: AskIndex, found: dict[int, str]) -> list[str]:
    """Words that stand where another medicine's name would, in a question about taking it
    with this one, and that the file does not know ("can i take florbitrex with baclofen")."""
    lang = index.words
    mixing = lang.mixing_words
    words = [t.word for t in tokens]
    if not (mixing & set(words)):
        return []
    if not (names_medicine(tokens, index) or lang.role("it") in words):
        return []
    before_name = mixing | lang.taking_before
    out = []
    for n, token in enumerate(tokens):
        if not token.unknown or token.corrected or len(token.word) < 5 or n in found:
            continue
        joined = joined_before(words, n, lang, mixing, possessive=False)
        before = words[joined] if joined >= 0 else words[n - 1] if n else ""
        after = words[n + 1] if n + 1 < len(words) else ""
        if before in before_name and (after in mixing or before in mixing):
            out.append(token.word)
    return out


def other_named_first(tokens: list[Token], index: AskIndex, found: dict[int, str], n: int) -> bool:
    """The "it" at tokens[n] is the other medicine named before it ("tizanidine, what's it
    prescribed for"), in a question that neither names this one nor asks to mix them."""
    lang = index.words
    return bool(found) and min(found) < n and not names_medicine(tokens, index) and not any(
        t.word in lang.mixing_words for t in tokens)
