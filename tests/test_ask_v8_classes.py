"""`baclofen ask`, the session-5 classes (issue 14) through the real CLI, in words other than any
set's: negated signs weigh little, "not have" is no alarm, general-health questions about people at
large are out of scope (while short and "it" questions stay answered), self-harm wordings and
everyday synonyms. The dev set is tests/ask_classes_v8.yaml (tests/test_ask_classes_v8.py)."""

from __future__ import annotations

import json

import pytest
from ask_cli import ask_json, first_topic

from conftest import run_cli


# ---------------------------------------------------------------------------- negated signs
@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("no rash and no swelling, but is baclofen ok if i have asthma", "precautions"),
        ("not drowsy in the slightest, is baclofen doing anything", "how-it-works"),
    ],
)
def test_a_negated_sign_does_not_lead_the_ranking(runner, question: str, topic: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is False and first_topic(data) == topic


@pytest.mark.parametrize("question", ["my dad does not have breathing problems on baclofen",
                                      "she is not having trouble breathing, just sleepy"])
def test_not_having_a_sign_is_no_alarm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is False


@pytest.mark.parametrize("question", ["he is not breathing after his baclofen", "my wife can not breathe properly"])
def test_a_sign_said_with_its_own_negation_is_still_an_emergency(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is True


def test_not_able_to_is_not_a_negated_sign(runner) -> None:  # noqa: ANN001
    """"can not" says unable: "quit" still ranks (stopping), it is not weighed down."""
    assert first_topic(ask_json(runner, "why can not people quit baclofen in one go")) == "stopping"


# ---------------------------------------------------------------------------- general health
@pytest.mark.parametrize(
    "question",
    [
        "how much fruit should adults eat every day",
        "do teenagers need more sleep than grown ups",
        "is coffee bad for your heart",
        "how many steps a day should people walk",
    ],
)
def test_a_question_about_people_at_large_is_out_of_scope(question: str) -> None:
    result = run_cli(["ask", "--json", question])
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["results"] == [] and data["emergency"] is False


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        ("is it ok for people with weak kidneys", {"precautions", "dosing"}),
        ("what happens to people who come off it suddenly", {"stopping"}),
        ("dizzy", {"side-effects"}),
    ],
)
def test_a_question_about_it_or_the_guide_s_own_subject_is_still_answered(runner, question: str,  # noqa: ANN001
                                                                           topics: set[str]) -> None:
    assert first_topic(ask_json(runner, question)) in topics


# ---------------------------------------------------------------------------- self-harm, synonyms
@pytest.mark.parametrize("question", ["how many of these would be fatal for me",
                                      "i just want to be done with it all tonight"])
def test_a_self_harm_wording_gets_the_crisis_answer(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True and data["notices"][0]["kind"] == "emergency"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("having bad dreams since baclofen", "side-effects"),
        ("will baclofen affect my milk supply", "pregnancy"),
        ("whats the biggest dose of baclofen", "dosing"),
        ("puzzled, should it be with food or not, the sticker says nothing", "administration"),
    ],
)
def test_everyday_words_reach_their_topic(runner, question: str, topic: str) -> None:  # noqa: ANN001
    assert first_topic(ask_json(runner, question)) == topic


# ---------------------------------------------------------------------------- ages, the past
@pytest.mark.parametrize("question", ["past 85", "is it safe if you are aged 78"])
def test_an_age_said_as_a_number_reads_as_older(runner, question: str) -> None:  # noqa: ANN001
    assert first_topic(ask_json(runner, question)) in ("precautions", "dosing")


@pytest.mark.parametrize("question", ["my blood pressure was 150 over 70 at the gp, what does that mean",
                                      "is 135 over 88 ok"])
def test_a_blood_pressure_is_not_an_age(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["results"] == []


@pytest.mark.parametrize("question", ["a while back i took 8 of them by mistake and was fine, do i need a check up",
                                      "ages ago my daughter swallowed two of mine and was okay"])
def test_a_mistake_long_over_is_no_alarm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is False


def test_a_mistake_now_is_still_an_alarm(runner) -> None:  # noqa: ANN001
    assert ask_json(runner, "my daughter just swallowed eight of mine")["emergency"] is True



@pytest.mark.parametrize("question", ["how many weeks till it starts helping", "how many days before it works on my legs"])
def test_time_to_work_said_as_a_wait_is_how_it_works(runner, question: str) -> None:  # noqa: ANN001
    assert first_topic(ask_json(runner, question)) == "how-it-works"


@pytest.mark.parametrize(("question", "topics"), [
    ("really confused, my label says one tablet at night but the gp said mornings", {"dosing", "administration"}),
    ("kinda confused, does the leaflet say to take it with meals", {"administration"}),
])
def test_puzzled_after_a_lead_in_is_no_sign_and_the_leaflet_is_the_medicine(runner, question: str,  # noqa: ANN001
                                                                            topics: set[str]) -> None:
    data = ask_json(runner, question)
    assert data["emergency"] is False and first_topic(data) in topics


def test_confused_said_of_someone_is_still_read_as_a_sign(runner) -> None:  # noqa: ANN001
    assert ask_json(runner, "she is so confused and twitchy since she stopped baclofen")["emergency"] is True


# ---------------------------------------------------------------------------- more emergency wordings
@pytest.mark.parametrize("question", ["my granddaughter bit into one of my baclofen tablets",
                                      "he swallowed a fistful of his baclofen an hour ago",
                                      "there is no point living, i have a cupboard of baclofen",
                                      "i feel i can not go on like this any more"])
def test_new_emergency_wordings_are_read(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is True


@pytest.mark.parametrize("question", ["i bit into my tablet and it tasted bitter, can i still swallow the rest",
                                      "can i end things with my old physio and see a new one"])
def test_their_near_misses_are_no_alarm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is False
