"""Emergencies said in words the session-6 end-of-session held-out sets showed we missed
(breathing in other words, grey or blue lips, hives with trouble swallowing, despair with the
tablets gathered, a pump refill then eyes closing, slurred speech after a bottle), in new
wordings of our own; and the everyday questions with the same words that stay calm."""

from __future__ import annotations

import pytest
from ask_cli import ask_en, ask_es, first_topic


@pytest.mark.parametrize(("question", "topics"), [
    ("my husband is gasping and cant get any air in since he took his baclofen", {"side-effects", "overdose"}),
    ("struggling to get enough air after my evening baclofen", {"side-effects", "overdose"}),
    ("her lips are going blue after her baclofen", {"side-effects", "overdose"}),
    ("his breathing is very weak since he had baclofen with a sleeping pill", {"overdose", "interactions", "side-effects"}),
    ("covered in hives and its getting harder to swallow since the new baclofen", {"side-effects"}),
    ("since the pump was topped up this morning he can hardly keep his eyes open", {"pump", "overdose"}),
    ("he drank a lot of his baclofen liquid and now his speech is slurred", {"overdose"}),
    ("i cant go on anymore, ive laid out all my tablets", {"overdose", "stopping", "side-effects", "precautions"}),
    ("no point any more, my whole supply is right here", {"overdose", "stopping", "side-effects", "precautions"}),
])
def test_an_emergency_in_other_words_raises_the_alarm(question: str, topics: set[str]) -> None:
    data = ask_en(question)
    assert data["emergency"] is True, question
    assert first_topic(data) in topics, (question, first_topic(data))


@pytest.mark.parametrize(("question", "topic"), [
    ("hard to swallow big tablets, can i crush baclofen", "administration"),
    pytest.param("can i go on taking all my tablets on holiday", "administration",
                 marks=pytest.mark.xfail(strict=True, reason="topic model (session 9): the learnt prior outweighs the rules here; known regression, see README \"The topic model\"")),
    ("what is the point of baclofen if i still have spasms", "uses"),
    ("my lips are dry on baclofen", "side-effects"),
])
def test_the_same_words_in_an_everyday_question_stay_calm(question: str, topic: str) -> None:
    data = ask_en(question)
    assert data["emergency"] is False, question
    assert first_topic(data) == topic, (question, first_topic(data))


@pytest.mark.parametrize("question", [
    "ya no le encuentro sentido, tengo todas las pastillas juntas en la cama",
    "mi padre se tomó el frasco y ahora arrastra las palabras",
])
def test_spanish_despair_with_the_tablets_and_slurred_speech_are_emergencies(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, question
    assert first_topic(data) == "overdose", (question, first_topic(data))


def test_spanish_no_puedo_mas_with_spasms_stays_calm() -> None:
    data = ask_es("no puedo más con los espasmos, qué otra cosa hay")
    assert data["emergency"] is False
