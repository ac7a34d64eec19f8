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


MORE_CASES = [
    # a drink to swallow it with; who must avoid it; what an overdose does to breathing
    ("can i swallow it with orange juice", ["administration"]),
    ("who is baclofen not suitable for", ["precautions"]),
    ("what does too much baclofen do to your breathing", ["overdose"]),
    # a past event, then how to avoid it again; a long-standing condition that is well controlled
    ("fell over last year on baclofen, how can i avoid feeling dizzy", ["side-effects", "precautions"]),
    ("my asthma is well managed, does it matter on baclofen", ["precautions"]),
]


@pytest.mark.parametrize(("question", "topics"), MORE_CASES)
def test_drinks_cautions_and_past_events_get_the_right_topic(runner, question: str, topics: list[str]) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is False, question
    assert first_topic(data) in topics, (question, first_topic(data))


LONG_POSTS = [
    # a closing call for advice: the question before it is the one asked (spacing of doses)
    ("Dad takes his baclofen at 8, 2 and 8 but I work shifts and can only get to him twice a day. He uses a pill "
     "organiser and mostly remembers. How long should there be between his doses? Any advice?",
     ["administration", "missed-dose"]),
    # planning a pregnancy
    ("I am 31 and have had MS for eight years, managed with baclofen 10mg three times a day. My partner and I are "
     "thinking about a baby in the spring and I see my neurologist only once a year. Is there anything about "
     "baclofen we should plan for before trying?", ["pregnancy"]),
    # a pump clinic that changes: who arranges the refill
    ("We moved house last month and my daughter's pump follow-up is now with a new hospital two hours away. The old "
     "team say they have sent the notes but nobody has rung us and her refill is due in three weeks. Who is meant "
     "to arrange the refill now?", ["pump"]),
]


@pytest.mark.parametrize(("post", "topics"), LONG_POSTS)
def test_a_long_post_is_answered_from_the_question_it_asks(runner, post: str, topics: list[str]) -> None:  # noqa: ANN001
    data = ask_json(runner, post)
    assert data["emergency"] is False
    assert first_topic(data) in topics, first_topic(data)


def test_a_supposed_pet_gets_the_pet_section_without_the_alarm(runner) -> None:  # noqa: ANN001
    """"what if the cat ever ate one": the vet section of the file (`ask.pet_heading`), no alarm."""
    heading = read_yaml(DATA_FILE)["ask"]["pet_heading"]
    data = ask_json(runner, "what if the cat ever ate one of my tablets")
    assert data["emergency"] is False
    assert [r["section"] for r in data["results"]] == [heading]
    assert [n["kind"] for n in data["notices"]] == ["warning"]
