"""Part of step 1 of `ask`, the question: an age said as a bare number ("over 80", "aged 75"),
read as what the language file says it stands for (`ages.means`, English: "older"). Not a
number with another before the word ("140 over 90" is a blood pressure), one outside the
file's range, or one with a unit after it ("over 100 mg")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.token import SYNONYM_WEIGHT

if TYPE_CHECKING:
    from baclofen_cli.features.ask.token import Token
    from baclofen_cli.features.ask.tokens import AskWords


def read_ages(tokens: list[Token], lang: AskWords) -> None:
    ages = lang.ages
    if not ages or not ages["means"]:
        return
    before = set(ages["before"])
    means = [lang.stem(w) for w in ages["means"]]
    for n, token in enumerate(tokens):
        if not (token.word.isdigit() and n and tokens[n - 1].word in before):
            continue
        if not ages["from"] <= int(token.word) <= ages["to"]:
            continue
        if n >= 2 and tokens[n - 2].word.isdigit():
            continue  # "140 over 90"
        if n + 1 < len(tokens) and tokens[n + 1].word in lang.not_counted:
            continue  # "over 80 mg"
        for stem in means:
            token.stems.setdefault(stem, SYNONYM_WEIGHT)
