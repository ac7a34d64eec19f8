"""Emergencies and calm questions of the classes session 7's end-of-session held-out sets (English
v12, Spanish v8) showed we got wrong, in new wordings of our own (issues 14 and 18), through the
real CLI:

- missed: the lot or a full pack eaten or swallowed ("gobbled the lot", "a full blister"); a plan,
  told of anyone, to swallow a whole stash or supply; "bajarse" too many tablets (a number in words);
  a Spanish superlative of a sign ("respira lentísimo").
- false alarms: an event that is over, an adviser having said it would be fine and it was; a season
  as the past ("en verano"); a figure of speech ("gasping for a brew"); a container partly used
  ("a half-used bottle": opened, no "took half a bottle"); a two-word question opened
  by a spelling of either tense ("¿tomo otra?"), which asks, while "tomó otra" still says it happened.
"""

from __future__ import annotations

import pytest
from ask_cli import ask_en, ask_es


@pytest.mark.parametrize("question", [
    "my husband gobbled the lot, a whole strip gone, about ten minutes ago",
    "she swallowed a full blister of her baclofen just now",
    "he is saying he is going to swallow his entire stash of tablets tonight",
])
def test_english_new_emergency_wordings_raise_the_alarm(question: str) -> None:
    assert ask_en(question)["emergency"] is True, question


@pytest.mark.parametrize("question", [
    "mi hermano se ha bajado quince pastillas de baclofeno de golpe",
    "mi madre respira despacísimo desde la pastilla de la tarde",
])
def test_spanish_new_emergency_wordings_raise_the_alarm(question: str) -> None:
    assert ask_es(question)["emergency"] is True, question


@pytest.mark.parametrize("question", [
    "back in the autumn my grandson ate one of my tablets, the nurse said he would be fine and he was, "
    "where should i keep them now?",
    "gasping for a brew, does coffee mix badly with baclofen",
    "we found a part-used box of baclofen in dad's drawer after his dose was stopped, can we bin it?",
    "there is a half used bottle of the liquid on the ward, how long does it keep once opened",
])
def test_english_calm_questions_raise_no_alarm(question: str) -> None:
    assert ask_en(question)["emergency"] is False, question


@pytest.mark.parametrize("question", [
    "en verano mi nieta se tomo una de mis pastillas, el pediatra dijo que no pasaba nada y asi fue, donde las pongo?",
    "¿tomo otra?",
])
def test_spanish_calm_questions_raise_no_alarm(question: str) -> None:
    assert ask_es(question)["emergency"] is False, question


def test_spanish_accented_past_in_two_words_still_raises_the_alarm() -> None:
    # The accent says the past: "tomó doble" is a dose taken twice, not a question.
    assert ask_es("tomó doble")["emergency"] is True
