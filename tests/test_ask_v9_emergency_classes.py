"""`baclofen ask`, the emergency side of the classes the English held-out set v9
(tests/ask_holdout_v9.yaml, issue 14) found failing, fixed as classes and tested here through the
real CLI in wordings of our own (never a question of a set in tests/): emergencies missed, false
alarms, and other medicines' or general health questions answered with baclofen content.

    .venv/bin/python -m pytest -q tests/test_ask_v9_emergency_classes.py
"""

from __future__ import annotations

import pytest
from ask_cli import ask_json

CALL_NOW = "When should I call my emergency number?"
OVERDOSE_SIGNS = "What are the signs of an overdose?"


def first(data: dict) -> tuple[str | None, str | None]:
    return (data["results"][0]["topic"], data["results"][0]["section"]) if data["results"] else (None, None)


# ---------------------------------------------------------- 1. autonomic dysreflexia in everyday words
@pytest.mark.parametrize(
    "question",
    [
        "im a c6 quad, my head is pounding, my face has gone bright red and im sweaty above the injury",
        "paraplegic since a crash, sudden thumping headache and goosebumps, my bp reads 190/110",
        "spinal cord injury at t5, awful headache and my nose is blocked, face flushed",
    ],
)
def test_autonomic_dysreflexia_in_everyday_words_is_an_emergency_led_by_what_to_do_for_it(
        runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True, question
    # What to do now first; then the topic that holds it: what it is and what to do while waiting.
    assert first(data) == ("side-effects", CALL_NOW), first(data)
    second = data["results"][1]
    assert (second["topic"], second["section"]) == ("precautions", "What if I have a spinal cord injury?")
    text = " ".join(second["text"])
    assert "call your emergency number now" in text and "sit up" in text


def test_asking_what_autonomic_dysreflexia_looks_like_is_no_alarm(runner) -> None:  # noqa: ANN001
    assert ask_json(runner, "i'm a para, what are the signs of autonomic dysreflexia")["emergency"] is False


# ---------------------------------------------------------- 2. self-harm in indirect words, and negated
@pytest.mark.parametrize(
    "question",
    [
        "ive been stockpiling my tablets to end things this weekend",
        "how many of these would it take so i never wake up",
        "what amount would make me sleep and not wake up, i am serious",
    ],
)
def test_indirect_self_harm_gets_crisis_help_first_and_the_alarm(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True, question
    assert data["notices"] and data["notices"][0]["kind"] == "emergency"
    assert "crisis line" in data["notices"][0]["text"]
    # Never the dose numbers: only the "what to do now" section.
    assert [r["kind"] for r in data["results"]] == ["emergency"]


@pytest.mark.parametrize(
    "question",
    [
        "i'm not planning to harm myself, but does baclofen make people feel down",
        "i would never hurt myself, i just feel flat since starting baclofen, is that a side effect",
    ],
)
def test_negated_self_harm_raises_no_alarm_and_is_answered_about_side_effects(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is False, question
    assert {r["topic"] for r in data["results"]} & {"side-effects", "common-questions"}, data["results"]


def test_ending_things_with_someone_is_no_self_harm(runner) -> None:  # noqa: ANN001
    assert ask_json(runner, "can i end things with my gp and move to another surgery")["emergency"] is False


def test_a_negation_that_does_not_reach_the_phrase_still_counts(runner) -> None:  # noqa: ANN001
    # "don't see the point": the negation is of "see", not of the thought.
    assert ask_json(runner, "i don't see any point in living any more")["emergency"] is True


# ---------------------------------------------------------- 3. a fit going on, in other words
@pytest.mark.parametrize(
    "question",
    [
        "my son is on the ground twitching and shaking and won't respond",
        "dad is thrashing and jerking on the kitchen floor",
    ],
)
def test_a_fit_going_on_is_an_emergency_led_by_the_call_now_section(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True, question
    assert first(data) == ("side-effects", CALL_NOW), first(data)


def test_jerking_legs_at_night_is_spasticity_not_a_fit(runner) -> None:  # noqa: ANN001
    assert ask_json(runner, "my legs keep jerking at night, does baclofen help with that")["emergency"] is False


# ---------------------------------------------------------- 4 and 5. overdoses in other words, and mixing
@pytest.mark.parametrize(
    "question",
    [
        # after drink
        "drank a bottle of wine and then took 5 of my baclofen, i can barely stay awake",
        # an amount in words, well over a day's maximum
        "my brother swallowed three hundred mg of baclofen",
        # two carers, one dose each
        "my husband and i both gave mum her evening baclofen, she ended up with two doses",
        # after a pump refill
        "after the pump refill this afternoon she's floppy and breathing very slowly",
        # breathing trouble after other sedatives: the overdose signs lead, not side effects
        "i took my baclofen with my oxycodone and now i can hardly breathe",
        "had baclofen and a couple of my lorazepam, now struggling for breath",
    ],
)
def test_these_overdoses_raise_the_alarm_led_by_the_overdose_signs(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True, question
    assert first(data) == ("overdose", OVERDOSE_SIGNS), first(data)


def test_a_number_in_words_under_the_days_maximum_is_no_overdose(runner) -> None:  # noqa: ANN001
    assert ask_json(runner, "my dose is twenty five mg three times a day, is that a lot")["emergency"] is False


# ---------------------------------------------------------- 6. false alarms
@pytest.mark.parametrize(
    "question",
    [
        # a supposed pet
        "what would i do if the cat ever got into my tablets",
        # hearsay, people in general
        "someone told me people can get seizures if they stop baclofen all at once, is that true",
        # a condition held, under control
        "my daughter has had well controlled epilepsy for years, is baclofen ok for her",
        # a past event that ended well
        "last summer my son swallowed one of my pills but it turned out fine, where should i keep them now",
        # a negated sign that a looser phrasing shares a word with ("not ... breath")
        "i'm not short of breath or anything, just a bit dizzy on baclofen",
        # a long post: history, then a question
        "I've had MS for twelve years and my wife helps me with everything. Two years ago I had a bad chest "
        "infection and was in hospital for a week, and last year I collapsed once when my blood sugar dropped. "
        "My GP has now started me on baclofen 5mg three times a day for the spasms in my legs. I'm doing well "
        "on it. Can I take it at the same time as my morning vitamins?",
        "My daughter is 14 and has had a baclofen pump since she was 8. Her last refill was in March and went "
        "fine. A few months back her spasms got worse for a day but it settled by itself. She wants to go on a "
        "school trip abroad next month. What do we need to take with us for the pump?",
    ],
)
def test_these_raise_no_alarm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is False, question


def test_a_long_post_about_what_happens_now_still_raises_the_alarm(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, (
        "My dad has had MS for years and takes baclofen 10mg three times a day. He has been fine on it and "
        "we see the neurologist every six months. Tonight he took his evening dose twice by mistake. He is now "
        "very drowsy and his breathing is slow. What should we do?"))
    assert data["emergency"] is True
    assert first(data)[0] == "overdose"


def test_signs_that_are_over_lead_the_answer_without_the_alarm(runner) -> None:  # noqa: ANN001
    # The rule when in doubt: the emergency signs lead, no alarm.
    data = ask_json(runner, (
        "My son is 7 and takes baclofen syrup. Yesterday he had a tummy bug and was sick after his dose. He "
        "was sleepy for a while but he is alert and fine now. Do we give him the dose again?"))
    assert data["emergency"] is False


# ---------------------------------------------------------- 7. another medicine, general health
@pytest.mark.parametrize(
    "question",
    ["tizanidine, what condition is it for", "should metformin be taken before breakfast"],
)
def test_another_medicines_use_or_timing_gets_the_pharmacist_line_not_baclofen_content(
        runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["results"] == [], data["results"]
    assert data["notices"] and "This guide is about baclofen" in data["notices"][0]["text"]


def test_a_general_health_question_gets_no_baclofen_content(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, "how much water should a healthy adult drink a day")
    assert data["results"] == [] and data["emergency"] is False
