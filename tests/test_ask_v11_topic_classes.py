"""`baclofen ask`, the classes the English held-out sets v10 and v11 (tests/ask_holdout_v10.yaml,
tests/ask_holdout_v11.yaml, issue 14) found answered with the wrong topic, not at all, or answered
when out of scope, through the real CLI, in wordings of our own (never the sets' questions):
another medicine named first and then called "it"; self-care for a complaint at large; a recipe's
weights; one- to three-word questions (a word of time, "can not", a bare substance, "what is it",
the name and a word of defining); crushing or splitting tablets; liver disease; dreams."""

from __future__ import annotations

import pytest
from ask_cli import ask_json, first_topic
from conftest import DATA_FILE, invoke, read_yaml

# Another medicine named first, then "it", asked what or how: that medicine's own use, never ours.
THEIR_MEDICINE = [
    "diazepam, what is it usually prescribed for",
    "gabapentin, how long before it starts to work",
    "amitriptyline for sleep, how does it work",
]


@pytest.mark.parametrize("question", THEIR_MEDICINE)
def test_another_medicine_called_it_is_sent_to_the_pharmacist(runner, question: str) -> None:  # noqa: ANN001
    """Issue 14 item 2: no baclofen content; the file's "this guide is about baclofen" message."""
    message = read_yaml(DATA_FILE)["ask"]["other_medicine_message"]["text"]
    data = ask_json(runner, question)
    assert data["emergency"] is False
    assert data["results"] == [], question
    assert [n["text"] for n in data["notices"]] == [message]


def test_another_medicine_called_it_offers_its_interactions_check(runner) -> None:  # noqa: ANN001
    result = invoke(runner, ["ask", "diazepam, what is it usually prescribed for"])
    assert "interactions diazepam" in result.stdout


# Self-care for a complaint at large, and a recipe's weights: declined, no alarm.
AT_LARGE = [
    "how do i get rid of cramp in my feet at night",
    "home remedies for a stiff back",
    "how can i prevent cramps when i swim",
    "500 grams of sugar in cups",
    "how many cups is 200 grams of butter",
]


@pytest.mark.parametrize("question", AT_LARGE)
def test_a_general_health_or_kitchen_question_is_declined(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is False
    assert data["results"] == [], (question, first_topic(data))


CASES = [
    # still ours: taking another medicine called "it", stopping safely, tablets kept from children
    ("xanax, can i take it", ["interactions"]),
    ("how do i stop safely", ["stopping"]),
    ("how can i stop my kids getting at my tablets", ["storage", "overdose"]),
    # one to three words: "can not", a word of time, a count
    ("cant wee", ["side-effects"]),
    ("can't poo", ["side-effects"]),
    ("queasy all day", ["side-effects"]),
    ("dizzy all day", ["side-effects"]),
    ("missed the morning one", ["missed-dose"]),
    # a bare substance: whether it goes with this medicine
    ("opioids too?", ["interactions"]),
    ("and wine?", ["interactions"]),
    # what it is
    ("what is this", ["overview"]),
    ("baclofen definition", ["overview"]),
    # liver disease, the first dose, crushing and splitting, dreams
    ("liver cirrhosis", ["precautions"]),
    ("starting dose?", ["dosing"]),
    ("crushing the pills ok?", ["administration"]),
    ("cut tablet in half?", ["administration", "common-questions"]),
    ("split pill", ["administration"]),
    ("strange dreams", ["side-effects"]),
]


@pytest.mark.parametrize(("question", "topics"), CASES)
def test_short_and_everyday_wordings_get_the_right_topic_and_no_alarm(runner, question: str, topics: list[str]) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is False, question
    assert first_topic(data) in topics, (question, first_topic(data))
