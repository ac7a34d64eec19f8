"""`baclofen ask`, topic ranking and scope classes found by the session-4 English held-out set
(tests/ask_holdout_v7.yaml), through the real CLI: one test per class, in wordings of our own (never
the set's questions). The fixes are everyday words in the knowledge file's synonyms, the language
pack's words of time and shorthand, a few topic phrasings, and one generic rule: a lone question
word before one of the file's words ("how costly") is read like a yes-or-no question of one word."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli


def first_topic(question: str) -> str | None:
    result = run_cli(["ask", "--json", question], env={"BACLOFEN_LANG": "en"})
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return data["results"][0]["topic"] if data["results"] else None


def check(question: str, accepted: set[str]) -> None:
    assert first_topic(question) in accepted, question


# One or two words, in British or everyday spelling, or after a lone question word.
@pytest.mark.parametrize(
    ("question", "accepted"),
    [
        ("hiccough", {"uses"}),
        ("pediatric", {"uses", "dosing"}),
        ("how costly", {"common-questions"}),
        ("caffeinated", {"common-questions", "interactions"}),
        ("drug screen", {"common-questions"}),
        ("tox screen", {"common-questions"}),
        ("upper limit", {"dosing"}),
        ("foggy", {"common-questions", "side-effects"}),
    ],
)
def test_a_short_question_in_everyday_words_finds_its_topic(question: str, accepted: set[str]) -> None:
    check(question, accepted)


# Ordinary questions, in words the leaflet does not use.
@pytest.mark.parametrize(
    ("question", "accepted"),
    [
        # what it costs
        ("how much will baclofen set me back", {"common-questions"}),
        ("what is the price of baclofen without insurance", {"common-questions"}),
        ("how expensive is baclofen", {"common-questions"}),
        # taking it for years
        ("ive taken baclofen for 12 years, is that too long", {"common-questions"}),
        ("is it bad to be on baclofen for so long", {"common-questions"}),
        ("any harm taking baclofen for decades", {"common-questions"}),
        # only when needed
        ("can i take baclofen as needed", {"common-questions", "administration"}),
        ("is it ok to only use baclofen when needed", {"common-questions", "administration"}),
        # once a day
        ("is there any reason i cannot take it once daily", {"how-it-works", "administration"}),
        # how long before it works (days of the week and "b4" are words of time)
        ("i started it on weds, when will i feel a difference", {"how-it-works"}),
        ("began baclofen on monday and no change yet, how long until it kicks in", {"how-it-works"}),
        ("it has been four days and it is not doing anything, when will it start", {"how-it-works"}),
        # the illness itself
        ("does baclofen cure ms", {"uses"}),
        ("will baclofen slow down my ms", {"uses"}),
        # problem drinking
        ("could baclofen help me cut back on booze", {"uses"}),
        ("is baclofen used for heavy drinking", {"uses"}),
        # will it help
        ("will baclofen sort out my cramps", {"uses"}),
        # older age
        ("is baclofen safe for someone over 90", {"precautions", "dosing"}),
        ("my dad is 88, is baclofen safe for him", {"precautions", "dosing"}),
        # spinal cord injury
        ("my injury is at c5, is there anything special i should know about baclofen", {"precautions"}),
        # coming off it, the proper way (and taking it, the proper way)
        ("what is the correct way to stop baclofen", {"stopping"}),
        ("whats the best way to come off it when the time comes", {"stopping"}),
        ("what is the proper way to take baclofen", {"administration"}),
        # a past withdrawal, and starting again
        ("i went through baclofen withdrawal once, my doctor wants me back on it", {"stopping", "precautions"}),
        ("is it safe to restart baclofen after a bad withdrawal", {"stopping", "precautions"}),
        # the pump: refill intervals, infection, not delivering
        ("how many days between pump refills", {"pump"}),
        ("how often does my pump get topped up", {"pump"}),
        ("how can i tell if my pump site has got infected", {"pump"}),
        ("signs the pump has stopped delivering baclofen", {"pump", "stopping"}),
        # tiredness that wears off
        ("will i always feel this tired on it", {"side-effects"}),
        # the short version, the first day
        ("in a nutshell how do i take baclofen", {"administration"}),
        ("tldr how do i take these", {"administration"}),
        ("first day on baclofen tomorrow, any tips for me", {"administration", "side-effects"}),
        # asthma
        ("my asthma is well controlled, is baclofen ok for me", {"precautions"}),
    ],
)
def test_an_ordinary_question_finds_its_topic(question: str, accepted: set[str]) -> None:
    check(question, accepted)


@pytest.mark.parametrize(
    ("question", "accepted"),
    [
        # the words that now lead elsewhere still find their own topic
        ("baclofen is making me constipated any tips", {"side-effects"}),
        ("whats the right way to measure out the oral solution", {"administration"}),
        ("how many hours between doses", {"administration"}),
        ("when does baclofen wear off", {"how-it-works"}),
    ],
)
def test_the_new_words_do_not_pull_other_questions_away(question: str, accepted: set[str]) -> None:
    check(question, accepted)


@pytest.mark.parametrize(
    "question", ["what time is it", "how tall", "who won", "how heavy", "is 120 over 80 a good blood pressure"])
def test_a_lone_question_word_with_a_word_of_time_stays_out_of_scope(question: str) -> None:
    assert first_topic(question) is None
