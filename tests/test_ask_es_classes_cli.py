"""`baclofen --lang es ask`, the classes of issue 18 fixed this round, each in words that neither
Spanish set uses, through the real CLI (in-process with CliRunner)."""

from __future__ import annotations

import json

import pytest

from conftest import invoke


def ask_es(runner, question: str) -> dict:  # noqa: ANN001
    result = invoke(runner, ["--lang", "es", "ask", "--json", question])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("mi abuelo se ha tomado 9 comprimidos", "overdose"),  # a participle after "haber"
        ("acabo de tomarme 6 pastillas de golpe", "overdose"),  # "acabar de" + infinitive
        ("mi primo se trago 11 pastillas", "overdose"),  # a count after another taking verb
        ("a mi sobrina le di el jarabe con la jeringa grande y esta decaida", "overdose"),  # a limp child
        ("la bomba esta pitando y tiene mucha comezon", "pump"),  # pump withdrawal
        ("se me esta hinchando la lengua", "side-effects"),  # "hinchando": no longer read as past only
    ],
)
def test_an_emergency_in_other_words_is_raised_and_answered_from_its_topic(runner, question: str, topic: str) -> None:  # noqa: ANN001
    data = ask_es(runner, question)
    assert data["emergency"] is True, data
    assert data["results"][0]["topic"] == topic, data["results"]


@pytest.mark.parametrize("question", ["quiero morirme ya", "cuantas pastillas hacen falta para matarme"])
def test_thoughts_of_self_harm_always_bring_the_crisis_lines(runner, question: str) -> None:  # noqa: ANN001
    data = ask_es(runner, question)
    assert data["emergency"] is True
    assert data["notices"] and data["notices"][0]["kind"] == "emergency" and "988" in data["notices"][0]["text"]


@pytest.mark.parametrize(
    "question",
    [
        "lo tomo con el desayuno o con la cena?",  # "tomo": I take, not "tomó"
        "si me tomo dos juntas que pasa",  # supposed, in the present
        "me confunde la jeringa del jarabe",  # puzzled, not confused
        "mi tia tiene convulsiones y esclerosis, puede tomar baclofeno",  # conditions she has
    ],
)
def test_a_question_that_only_sounds_urgent_raises_no_alarm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_es(runner, question)["emergency"] is False


@pytest.mark.parametrize("question", ["para que sirve el paracetamol", "cuanta loratadina le doy a mi perro",
                                      "q causa el asma"])
def test_another_medicine_a_pet_or_another_illness_gets_no_baclofen_answer(runner, question: str) -> None:  # noqa: ANN001
    data = ask_es(runner, question)
    assert data["results"] == [] and data["emergency"] is False
