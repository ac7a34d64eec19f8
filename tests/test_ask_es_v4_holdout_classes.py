"""`baclofen --lang es ask`, session 5 (issue 18 item 6): the classes of problem the Spanish
held-out set v4 (tests/ask_es_holdout_v4.yaml, measured once at 23:04) showed, fixed as classes
and tested here in new words of our own (never a question of a set in tests/), through the real
CLI (`run_cli`).

    .venv/bin/python -m pytest -q tests/test_ask_es_v4_holdout_classes.py
"""

from __future__ import annotations

import pytest
from ask_cli import ask_es, first_topic


# ---------------------------------------------------------------- class 1: missed emergencies
@pytest.mark.parametrize(
    "question",
    [
        # An animal bit into the pack and tablets are missing: the vet line, as an emergency.
        "la gata mordisqueó la caja del baclofeno y faltan comprimidos",
        "mi cachorro mordió el frasco y no sabemos cuántas faltan",
    ],
)
def test_a_pet_that_got_at_the_tablets_is_an_emergency(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, data
    assert data["notices"] and data["notices"][0]["kind"] == "emergency", data
    # Never the human doses or numbers for an animal: only the file's section for a pet.
    assert [r["section"] for r in data["results"]] == ["¿Qué hago si una mascota comió baclofeno?"], data["results"]


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # A stronger liquid at the old amount, and a child who cannot be woken.
        ("le di los mismos ml de la solución más concentrada y la niña está muy dormida", {"overdose", "administration"}),
        ("mi nieto tomó su baclofeno y no hay manera de despertarlo", {"overdose"}),
        ("no consigo despertarla desde que le dimos la dosis", {"overdose"}),
        # Overdose signs after a dose, in the first person.
        ("me tomé las pastillas de la noche y ahora no puedo abrir los ojos", {"overdose", "side-effects"}),
        ("se tomó el baclofeno, está vomitando y dice que ve doble", {"overdose", "side-effects"}),
        # Very sleepy, weak or short of breath after a pump refill: too much from the pump.
        ("desde que me recargaron la bomba estoy muy débil y casi no puedo respirar", {"pump", "overdose"}),
        # Autonomic dysreflexia: a spinal cord injury with a bursting headache or sweating.
        ("soy parapléjico, tomo baclofeno y de repente me estalla la cabeza", {"side-effects", "precautions", "stopping"}),
        ("mi hermano tiene una lesión medular y ahora está sudando y dice que le revienta la cabeza",
         {"side-effects", "precautions", "stopping"}),
    ],
)
def test_an_emergency_in_everyday_words_is_raised(question: str, topics: set[str]) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, data
    assert first_topic(data) in topics, data["results"]


# ---------------------------------------------------------------- class 2: false alarms
@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # "me di cuenta" (I realised): "di" is no dose given.
        ("esta tarde me di cuenta de que no me tomé la pastilla del mediodía, qué hago", {"missed-dose"}),
        ("mi mujer se dio cuenta de que faltaban dos dosis en el pastillero", {"missed-dose"}),
        # "lo deje" (stop it) said by a doctor is no "la tomé de nuevo".
        ("la doctora nueva me dijo que lo deje ya. Se puede dejar así?", {"stopping"}),
        # A what-if about doubling after a missed dose.
        ("si me olvido la de la mañana, tomo dos en la de la tarde?", {"missed-dose"}),
        ("cuando se me pasa una pastilla, me tomo dos en la siguiente?", {"missed-dose"}),
    ],
)
def test_background_and_what_ifs_raise_no_alarm(question: str, topics: set[str]) -> None:
    data = ask_es(question)
    assert data["emergency"] is False, data
    assert first_topic(data) in topics, data["results"]


def test_a_condition_from_years_ago_is_background_not_an_alarm() -> None:
    # "hace N años": history, not a sign now ("le dejó la pierna rígida" is no stopping it).
    data = ask_es("Mi padre tuvo un ictus hace 3 años que le dejó la pierna muy rígida. Le sirve el baclofeno?")
    assert data["emergency"] is False, data


def test_what_is_done_for_anyone_who_took_too_much_is_a_caution_not_an_alarm() -> None:
    data = ask_es("cómo tratan en urgencias a una persona que tomó demasiado baclofeno")
    assert data["emergency"] is False, data
    assert data["caution"] is True, data
    assert first_topic(data) == "overdose"


def test_someone_who_took_too_much_now_is_still_an_emergency() -> None:
    data = ask_es("mi tía tomó demasiado baclofeno y está muy dormida, qué le harán en el hospital")
    assert data["emergency"] is True, data


def test_a_doubled_dose_taken_is_still_an_emergency() -> None:
    assert ask_es("mi hijo se tomó el doble de la dosis")["emergency"] is True


# ---------------------------------------------------------------- class 3: another medicine
@pytest.mark.parametrize("question", ["los anticonceptivos engordan?", "cuánto dura el efecto de la pastilla anticonceptiva"])
def test_another_medicines_use_is_out_of_scope(question: str) -> None:
    data = ask_es(question)
    assert data["results"] == [], data
    assert data["emergency"] is False


def test_baclofen_with_the_pill_is_still_answered() -> None:
    data = ask_es("el baclofeno le baja el efecto a la pastilla anticonceptiva?")
    assert data["results"], data
    assert first_topic(data) in {"interactions", "pregnancy"}


# ---------------------------------------------------------------- class 4: everyday and short words
@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # Misspelt or everyday words the topics say otherwise.
        ("alchol?", {"interactions"}),
        ("cual es el mecanismo del baclofeno", {"how-it-works"}),
        ("examen de orina en el trabajo", {"common-questions"}),
        ("me hace orinar mas seguido?", {"side-effects"}),
        ("cuánto vale el baclofeno en la farmacia", {"common-questions"}),
        # "sin seguro" is without insurance, and "porfa" (please) means nothing of its own.
        ("porfa, cuánto vale el baclofeno sin seguro médico", {"common-questions"}),
        ("zumo de pomelo", {"common-questions", "interactions"}),
        ("queremos tener hijos y tomo baclofeno", {"pregnancy"}),
        ("cuánto dura la bajada de dosis hasta dejarlo", {"stopping"}),
        ("trucos para acordarme de las pastillas", {"missed-dose"}),
        ("tope al dia de baclofeno", {"dosing"}),
    ],
)
def test_everyday_and_short_wordings_find_their_topic(question: str, topics: set[str]) -> None:
    data = ask_es(question)
    assert data["emergency"] is False, data
    assert first_topic(data) in topics, data["results"]


@pytest.mark.parametrize("question", ["cuánto cuesta un seguro de coche", "qué es un análisis de orina"])
def test_the_same_words_about_something_else_stay_out_of_scope(question: str) -> None:
    assert ask_es(question)["results"] == []


def test_safe_is_still_read_as_safe() -> None:
    # Only "sin seguro" is the insurance: "es seguro" keeps its meaning (precautions).
    assert first_topic(ask_es("es seguro el baclofeno para mayores?")) == "precautions"
