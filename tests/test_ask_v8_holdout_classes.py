"""`baclofen ask`, the classes the English held-out set v8 (tests/ask_holdout_v8.yaml, issue 14)
found failing, through the real CLI, in wordings of our own (never the set's questions): missed
emergencies first, then false alarms, then other medicines' questions answered, then topics."""

from __future__ import annotations

import pytest
from ask_cli import ask_json, first_topic


# ------------------------------------------------------------------- 1. missed emergencies
@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # self-harm intent without a word of death: crisis help first
        ("i am going to swallow every one of them tonight", {"overdose"}),
        ("i plan to take the lot at once", {"overdose"}),
        ("im planning to take all of them tonight and be done", {"overdose"}),
        # breathing trouble after anything, with "hardly" / "barely"
        ("since my second dose i can barely breathe", {"overdose", "side-effects"}),
        ("feel so heavy after my tablets and i can hardly breathe", {"overdose", "side-effects"}),
        ("after the top up of his pump he is hardly breathing", {"pump", "overdose"}),
        # a pump whose battery is flat or dead, or that ran dry
        ("the battery in my sons pump is flat and he is itchy and spasming", {"pump"}),
        ("mums pump ran dry overnight and she is confused and stiff", {"pump", "stopping"}),
        # a week's or month's worth, a whole supply
        ("my husband downed a weeks worth of his baclofen", {"overdose"}),
        ("she took her entire supply in one evening", {"overdose"}),
        # a child tipping granules or sachets into the mouth (a granule form is baclofen too)
        ("my toddler poured a sachet of the granules into his mouth", {"overdose"}),
        ("the baby got hold of two granule sachets and emptied them in her mouth", {"overdose"}),
        # a stronger liquid at the old amount, a child barely responding
        ("gave him the new stronger syrup at his usual amount and now he barely responds", {"overdose"}),
    ],
)
def test_these_emergencies_raise_the_alarm_with_the_right_topic(runner, question: str, topics: set) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True, question
    assert first_topic(data) in topics, (question, first_topic(data))


def test_a_plan_to_take_them_all_is_crisis_help_first_never_dose_numbers(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, "i am going to take every one of my tablets tonight")
    assert data["emergency"] is True
    assert data["notices"] and data["notices"][0]["kind"] == "emergency"
    assert "crisis line" in data["notices"][0]["text"]


@pytest.mark.parametrize(
    "question",
    [
        # the same words as a routine question are no alarm
        "i want to take all of them in the morning, is that ok",
        "what happens if the pump battery runs out",
        "how much is a months worth of tablets",
    ],
)
def test_routine_words_near_those_emergencies_raise_no_alarm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is False, question


# ------------------------------------------------------------------------ 2. false alarms
@pytest.mark.parametrize(
    "question",
    [
        # a past overdose, well now: history
        "i took an overdose of baclofen three years ago but i am ok now, can i restart it",
        "i overdosed on my tablets a few years back and am better now, is it safe to go back on them",
        # a supposed event: "if ... ever"
        "if my grandson ever swallowed some of my pills what should i do",
        "if she ever took too many what would happen",
    ],
)
def test_a_past_or_supposed_overdose_is_no_alarm_but_still_answered(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is False, question
    assert first_topic(data) == "overdose", (question, first_topic(data))


@pytest.mark.parametrize(
    "question",
    [
        "took too many last night, fine now",  # last night is now
        "he took 10 tablets an hour ago and seems fine now",  # too many, signs or not
    ],
)
def test_a_recent_overdose_said_to_be_fine_still_raises_the_alarm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is True, question


# ------------------------------------------------------------ 3. another medicine's questions
@pytest.mark.parametrize(
    "question",
    [
        "what does gabapentin do",
        "what does tizanidine do",
        "side effects of a course of amoxicillin",
        "what are the usual side effects of a naproxen prescription",
        "does the contraceptive pill make you gain weight",
    ],
)
def test_another_medicines_use_or_side_effects_is_out_of_scope(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["results"] == [], (question, first_topic(data))
    assert data["emergency"] is False
    assert any("This guide is about baclofen" in n["text"] for n in data["notices"]), data["notices"]


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        ("what does baclofen do", {"overview", "how-it-works"}),
        ("does baclofen stop the contraceptive pill working", {"pregnancy", "interactions"}),
        ("does baclofen make you put on weight", {"common-questions", "side-effects"}),
    ],
)
def test_the_same_questions_of_baclofen_are_answered(runner, question: str, topics: set) -> None:  # noqa: ANN001
    assert first_topic(ask_json(runner, question)) in topics, question


# ------------------------------------------------------------------------ 4. topics
@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # found unconscious by an empty pack: the overdose topic, with the alarm
        ("found my dad passed out beside an empty box of his tablets", {"overdose"}),
        ("my brother is unconscious and there is an empty baclofen bottle by him", {"overdose"}),
        # autonomic dysreflexia: a spinal cord injury, a bad headache, a high reading
        ("T4 spinal cord injury, on baclofen, thumping headache and blood pressure 190 over 100",
         {"precautions", "side-effects"}),
        ("paraplegic on baclofen, splitting headache and bp reading of 210 over 120", {"precautions", "side-effects"}),
    ],
)
def test_emergencies_are_answered_from_the_right_topic(runner, question: str, topics: set) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True, question
    assert first_topic(data) in topics, (question, first_topic(data))


@pytest.mark.parametrize(
    "question",
    [
        "how do i keep my baclofen out of reach of the cat",
        "where should i store the liquid so my puppy cant get to it",
        "the dog is fine, where do i keep baclofen so pets cannot get it",
    ],
)
def test_keeping_it_from_pets_is_a_storage_question_with_the_vet_line(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is False
    assert first_topic(data) == "storage", (question, first_topic(data))
    assert any("vet" in n["text"] for n in data["notices"])


@pytest.mark.parametrize(
    "question",
    ["can i give my dog baclofen", "can my dog take baclofen", "how much baclofen for a dog"],
)
def test_giving_it_to_a_pet_gets_only_the_vet_line(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["results"] == [], (question, first_topic(data))
    assert any("vet" in n["text"] for n in data["notices"])


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # short questions in everyday words and shorthand
        ("kidney issues", {"precautions", "dosing"}),
        ("liver probs", {"precautions", "dosing"}),
        ("behind the wheel", {"precautions", "side-effects"}),
        ("getting fatter", {"common-questions", "side-effects"}),
        ("bevvy", {"interactions"}),
        ("overdose chance", {"overdose"}),
        # long use, generics, coffee drinks
        ("is it ok to take baclofen long term", {"common-questions"}),
        ("are unbranded tablets as good", {"common-questions"}),
        ("can i have a latte with baclofen", {"common-questions", "interactions"}),
        ("is an espresso in the morning fine on baclofen", {"common-questions", "interactions"}),
    ],
)
def test_everyday_words_find_the_topic(runner, question: str, topics: set) -> None:  # noqa: ANN001
    assert first_topic(ask_json(runner, question)) in topics, question


@pytest.mark.parametrize(
    "question",
    [
        # a seizure negated or in the past: a precaution, no alarm
        "no seizures at all, just asking does baclofen make them more likely",
        "i dont get fits, but can baclofen bring them on",
        "never had a fit, could baclofen cause one",
        "had a couple of fits when i was young, none for years, does it matter on baclofen",
    ],
)
def test_a_negated_or_past_seizure_is_a_precautions_question(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is False, question
    assert first_topic(data) == "precautions", (question, first_topic(data))


@pytest.mark.parametrize(
    "question",
    ["he is not breathing", "im so weak i can hardly breathe", "i feel weak and can barely breathe"],
)
def test_breathing_trouble_always_alarms_whatever_else_is_said(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is True, question


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        ("is baclofen the same kind of thing as diazepam", {"overview", "how-it-works"}),
        ("a bit unsure if baclofen is the same sort of drug as valium", {"overview", "how-it-works"}),
        ("can i stay on baclofen for years", {"common-questions"}),
        ("would it be safe to stay on baclofen for decades", {"common-questions"}),
        ("missed one dose yesterday, no fever or shakes, feel ok, what do i do", {"missed-dose"}),
    ],
)
def test_what_kind_of_medicine_and_long_use_find_their_topic(runner, question: str, topics: set) -> None:  # noqa: ANN001
    assert first_topic(ask_json(runner, question)) in topics, question
