"""`baclofen ask`, the classes of issue 14 again, on tests/ask_classes_v5.yaml: written before
this round's tuning and measured once then (top-1 52/61 = 85.2%, 3 of 25 emergencies missed,
2 false alarms, 0 of 8 out of scope answered); each class fixed since is checked here through
the real CLI."""

from __future__ import annotations

import pytest
from ask_cli import ask_json
from test_ask_second_pass import _measure


def test_the_v5_class_set_has_no_missed_emergency_false_alarm_or_out_of_scope_answer() -> None:
    figures = _measure("ask_classes_v5")
    n = figures["n"]
    print(f"\nask_classes_v5: top-1 {n - len(figures['wrong'])}/{n}; {figures}")
    assert figures["missed"] == [] and figures["alarms"] == [] and figures["answered"] == []
    # Pet and self-harm questions have no ranked topic by design (the file's own message).
    wrong = [q for q, got in figures["wrong"] if got not in ("pet", "self-harm")]
    assert 1 - len(wrong) / n >= 0.90, wrong


@pytest.mark.parametrize(
    "question",
    [
        "my teenager scoffed a handful of my muscle relaxants",  # the medicine's class, far from the verb
        "he knocked back 15 of them with vodka",  # another taking verb
        "an hour after her baclofen she cant keep her eyes open and is really floppy",  # signs after a dose
        "after his dose he is floppy",
    ],
)
def test_an_overdose_in_other_words_is_an_emergency(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True, data
    assert data["results"][0]["topic"] == "overdose"


@pytest.mark.parametrize(
    "question",
    [
        # A circumstance only supposed ("when he has a temperature") is not happening now.
        "can he have it with ibuprofen when he has a temperature and gets tight in the mornings",
        # A past event in a season.
        "last winter i took too many by accident but i am fine now, how do i avoid doing it again",
    ],
)
def test_a_supposed_or_past_sign_raises_no_alarm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is False


def test_a_circumstance_in_the_past_after_if_still_counts(runner) -> None:  # noqa: ANN001
    assert ask_json(runner, "what do i do if my child swallowed my baclofen")["emergency"] is True


def test_taking_another_medicine_with_it_is_answered_from_the_interactions_topic(runner) -> None:  # noqa: ANN001
    for question in ("can he have it with ibuprofen when he has a temperature?",
                     "Anyway, what I wanted to ask: can he have it with ibuprofen when he has a temperature?"):
        data = ask_json(runner, question)
        assert data["results"][0]["topic"] == "interactions", data
    # Without "it" taken with the other one, the question's own topic answers.
    assert ask_json(runner, "can baclofen help with alcohol cravings")["results"][0]["topic"] == "uses"
