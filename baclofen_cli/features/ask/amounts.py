"""Part of step 1 of `ask`, the question: amounts in a larger unit, and taking words that may mean
letting something fall.

"half a gram", "1.5g", "2 grams" are written as the unit the file's limits use ("500 mg", "1500
mg", "2000 mg"), so the rule for an amount over the day's maximum reads them. A `loose_taking`
word ("dropped") is not "took" when a `place_words` word follows it in its clause ("dropped 5 on
the floor"; but "dropped 12 to get high"). The words come from the language file (tokens.AskWords).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from baclofen_cli.features.ask.tokens import AskWords


class Token(Protocol):
    """What this module reads of a question's word (token.Token)."""

    word: str


def read_numbers(words: list[str], lang: AskWords) -> list[str]:
    """A number said in words in several parts, as one number: "ciento veinte" (100, 20) -> "120",
    "two hundred and fifty" (2, hundred, and, 50) -> "250", "doscientos" -> "200". Only around a
    `number_words` word: "took 20 5 mg tablets" stays two numbers."""
    values = lang.number_words
    if not values or not any(w in values for w in words):
        return words
    out: list[str] = []
    n = 0
    while n < len(words):
        value = values.get(words[n])
        if value is None:
            out.append(words[n])
            n += 1
            continue
        if out and out[-1].isdigit() and 0 < int(out[-1]) < 10:
            value *= int(out.pop())  # "two hundred"
        n += 1
        k = n + 1 if n < len(words) and words[n] in lang.number_joiners else n
        if k < len(words) and words[k].isdigit() and int(words[k]) < 100 and value % 100 == 0:
            value += int(words[k])  # "ciento veinte", "a hundred and twenty"
            n = k + 1
        out.append(str(value))
    return out


def read_amounts(words: list[str], lang: AskWords) -> list[str]:
    """The words with each amount in a larger unit written in the limits' unit: "1 . 5 g" (a
    decimal, read as three words) -> "1500 mg"; "half a gram" -> "500 mg"; "a gram" -> "1000 mg"."""
    words = read_numbers(words, lang)
    units = lang.amount_units
    if not units:
        return words
    out: list[str] = []
    n = 0
    while n < len(words):
        size, unit = units.get(words[n], (0.0, ""))
        if not unit:
            out.append(words[n])
            n += 1
            continue
        value, start = _amount_before(out, lang)
        if value is None:
            out.append(words[n])
        else:
            del out[start:]
            out += [str(round(value * size)), unit]
        n += 1
    return out


def _amount_before(out: list[str], lang: AskWords) -> tuple[float | None, int]:
    """The amount the words just before a unit give, and where it starts: "1 . 5", "2", "half a",
    "a" (one); (None, 0) when they give none."""
    units = lang.amount_units
    if len(out) >= 3 and out[-1].isdigit() and out[-2] == "." and out[-3].isdigit():
        return float(f"{out[-3]}.{out[-1]}"), len(out) - 3
    if out and out[-1].isdigit():
        return float(out[-1]), len(out) - 1
    k = len(out)
    while k > 0 and out[k - 1] in lang.filler:
        k -= 1
    if k > 0 and not units.get(out[k - 1], (0.0, "x"))[1]:
        return units[out[k - 1]][0], k - 1  # "half a gram", "a quarter of a gram"
    if k < len(out):
        return 1.0, len(out)  # "a gram": one; the "a" is kept
    return None, 0


def dropped_not_taken(tokens: Sequence[Token], n: int, lang: AskWords) -> bool:
    """tokens[n] is a `loose_taking` word with a `place_words` word after it in its clause."""
    if tokens[n].word not in lang.loose_taking:
        return False
    for token in tokens[n + 1 :]:
        if token.word == "." or token.word in lang.clause_words:
            return False
        if token.word in lang.place_words:
            return True
    return False
