"""Part of step 1 of `ask`, the question: an age said as a bare number ("over 80", "aged 75"),
read as what the language file says it stands for (`ages.means`, English: "older"; Spanish "85
años", the unit after it, `ages.after`). Not a
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
    before, after = set(ages["before"]), set(ages.get("after", ()))
    means = [lang.stem(w) for w in ages["means"]]
    for n, token in enumerate(tokens):
        following = tokens[n + 1].word if n + 1 < len(tokens) else ""
        # "over 80", or "85 años" where the language says its age after the number.
        if not (token.word.isdigit() and ((n and tokens[n - 1].word in before) or following in after)):
            continue
        if not ages["from"] <= int(token.word) <= ages["to"]:
            continue
        if n >= 2 and tokens[n - 2].word.isdigit():
            continue  # "140 over 90"
        if following in lang.not_counted and following not in after:
            continue  # "over 80 mg"
        for stem in means:
            token.stems.setdefault(stem, SYNONYM_WEIGHT)
