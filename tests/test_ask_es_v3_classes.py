"""`baclofen --lang es ask`: the classes of problem the Spanish held-out set v3
(tests/ask_es_holdout_v3.yaml) showed, each in new words of our own (never the set's question),
through the real CLI (`run_cli`): issue 18 item 6."""

from __future__ import annotations

import pytest
from ask_cli import ask_es, first_topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # A whole (or nearly whole) container taken or finished, with other taking verbs.
        ("mi hijo se zampó el frasco de baclofeno casi entero", "overdose"),
        ("el crío se bebió el jarabe entero de su hermana", "overdose"),
        ("mi sobrino se terminó la caja entera de baclofeno", "overdose"),
        ("mi nieta se acabó el blíster enterito de una vez", "overdose"),
        # "mascar": a typo fixer no longer reads it as "asco".
        ("mi colega mascó un puñado de pastillas de baclofeno", "overdose"),
        ("el chaval mascó varias pastillas de baclofeno de su madre", "overdose"),
        # A child floppy after a syringe mix-up: the overdose topic answers, not side effects.
        ("use la jeringa que no era con el jarabe del peque y esta blandito y dormido", "overdose"),
    ],
)
def test_an_overdose_in_other_taking_words_is_raised(question: str, topic: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, data
    assert first_topic(data) == topic, data["results"]


@pytest.mark.parametrize(
    "question",
    [
        "corté el baclofeno por mi cuenta el domingo y ahora oigo voces",
        "le cortaron el baclofeno de golpe en el hospital y tiene fiebre y está temblando",
        "corté las pastillas yo solo y estoy alucinando",
    ],
)
def test_withdrawal_after_cutting_it_off_is_raised_and_answered_from_stopping(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, data
    assert first_topic(data) == "stopping", data["results"]


@pytest.mark.parametrize(
    "question",
    [
        "la alarma de la bomba no para de sonar y vuelvo a tener espasmos otra vez",
        "mi hermano lleva bomba, pita raro y tiene la rigidez otra vez",
        "la bomba hace un pitido y han vuelto los espasmos de antes",
    ],
)
def test_a_pump_alarm_with_spasms_back_again_is_raised_and_answered_from_the_pump(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, data
    assert first_topic(data) == "pump", data["results"]


@pytest.mark.parametrize(
    "question",
    [
        # A past mistake, over now.
        "la vez pasada me tomé dos dosis por error y no me pasó nada, fue peligroso?",
        "en navidad mi padre se tomó doble, ahora está bien, hay que contárselo al médico?",
        "una vez se le paró la bomba a mi hija y la ingresaron, cómo evito que se repita",
        # The imperfect is a habit: "I was already on it", not two medicines just taken together.
        "ya tomaba baclofeno cuando el traumatólogo me mandó oxicodona, las puedo tomar juntas",
        # No week's pills taken in "la semana pasada ... tomaba".
        "la semana pasada empecé con gabapentina y ya tomaba baclofeno, es compatible",
    ],
)
def test_a_past_mistake_or_a_medicine_already_taken_is_no_alarm(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is False, data


@pytest.mark.parametrize("question", ["cuánta valeriana me tomo por la noche", "cuánta vitamina d tomo al día"])
def test_another_medicines_dose_is_out_of_scope(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is False
    assert data["results"] == [], data["results"]
    assert data["notices"] and data["notices"][0]["kind"] == "info"


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        ("estítico", {"side-effects"}),
        ("vomitera", {"side-effects", "administration"}),
        ("el carné", {"side-effects", "precautions"}),
        ("embarazadita", {"pregnancy"}),
        ("unas cervecitas", {"interactions", "precautions"}),
        ("insuficiencia hepatica", {"precautions", "dosing", "how-it-works"}),
        ("pediatría", {"uses", "dosing"}),
    ],
)
def test_a_one_or_two_word_question_in_familiar_words_is_answered(question: str, topics: set[str]) -> None:
    data = ask_es(question)
    assert first_topic(data) in topics, data["results"]
