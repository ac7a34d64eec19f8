"""`baclofen --lang es ask`, the emergency side of the classes the Spanish held-out set v5
(tests/ask_es_holdout_v5.yaml, issue 18) found failing, fixed as classes and tested here through the
real CLI (`run_cli`) in wordings of our own (never a question of a set in tests/).

    .venv/bin/python -m pytest -q tests/test_ask_es_v5_emergency_classes.py
"""

from __future__ import annotations

import pytest
from ask_cli import ask_es, first_topic

CALL_NOW = "¿Cuándo llamo al número de emergencias?"
OVERDOSE_SIGNS = "¿Cuáles son las señales de una sobredosis?"


def first(data: dict) -> tuple[str | None, str | None]:
    return (data["results"][0]["topic"], data["results"][0]["section"]) if data["results"] else (None, None)


# ---------------------------------------------------------- 1. disreflexia autonómica en palabras de todos los días
@pytest.mark.parametrize(
    "question",
    [
        "soy parapléjico desde el accidente, me está matando la cabeza, tengo la cara colorada y la presión en 190",
        "tengo una lesión medular c6, dolor de cabeza de repente, nariz tapada y sudor en la cara",
        "mi hermano es tetrapléjico y ahora tiene la piel de gallina, le late la cabeza y la tensión por las nubes",
    ],
)
def test_autonomic_dysreflexia_is_an_emergency_led_by_what_to_do_for_it(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, question
    # Qué hacer ahora primero; luego el tema que dice qué es y qué hacer mientras llega la ayuda.
    assert first(data) == ("side-effects", CALL_NOW), first(data)
    second = data["results"][1]
    assert (second["topic"], second["section"]) == ("precautions", "¿Y si tengo una lesión de la médula espinal?")


def test_asking_about_autonomic_dysreflexia_is_no_alarm() -> None:
    assert ask_es("qué señales tiene la disreflexia autonómica si soy parapléjico")["emergency"] is False


# ---------------------------------------------------------- 2. autolesión con otras palabras, y negada
@pytest.mark.parametrize(
    "question",
    [
        "llevo semanas guardando pastillas de baclofeno para no despertar, lo digo en serio",
        "cuántas de estas harían falta para dormirme para siempre",
    ],
)
def test_indirect_self_harm_gets_crisis_help_first(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, question
    assert data["notices"] and data["notices"][0]["kind"] == "emergency"
    assert "crisis" in data["notices"][0]["text"]
    assert [r["kind"] for r in data["results"]] == ["emergency"]


def test_negated_self_harm_raises_no_alarm_and_is_answered_about_side_effects() -> None:
    data = ask_es("no estoy pensando en hacerme daño, pero el baclofeno puede bajar el ánimo?")
    assert data["emergency"] is False
    assert first_topic(data) == "side-effects"


def test_unable_to_stay_awake_is_an_overdose_not_self_harm() -> None:
    # "no me puedo mantener despierto" shares "no ... despierto" with "para no despertar".
    data = ask_es("me bebí seis cervezas y luego tomé cinco baclofenos, no me puedo mantener despierto")
    assert data["emergency"] is True
    assert first(data) == ("overdose", OVERDOSE_SIGNS)
    assert not any("crisis" in n["text"] for n in data["notices"])


# ---------------------------------------------------------- 3. una crisis en marcha
@pytest.mark.parametrize(
    "question",
    [
        "mi hija está en el piso con sacudidas y no reacciona",
        "mi marido está convulsionando ahora mismo",
        "a mi madre le dan sacudidas por todo el cuerpo y tiene los ojos en blanco",
    ],
)
def test_a_seizure_going_on_is_an_emergency(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, question
    # Someone who does not respond may have taken too much (a seizure is one of its signs):
    # both sections begin with calling the emergency number.
    assert first(data) in {("side-effects", CALL_NOW), ("overdose", OVERDOSE_SIGNS)}, first(data)


# ---------------------------------------------------------- 4 y 5. sobredosis con otras palabras, y mezclas
@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # una cantidad en palabras, muy por encima del máximo de un día
        ("se tomó doscientos cincuenta miligramos de baclofeno de una vez", {"overdose"}),
        # dos cuidadores, una dosis cada uno
        ("mi cuñado y yo le dimos la pastilla a la abuela sin saberlo, le tocó dos veces", {"overdose"}),
        # tras recargar la bomba
        ("tras rellenar la bomba ayer mi hijo está muy flojito y respira muy poco", {"pump", "overdose"}),
        # con otro sedante, y le cuesta respirar: manda la sobredosis, no los efectos secundarios
        ("me tomé el baclofeno con mi alprazolam y me cuesta respirar", {"overdose"}),
    ],
)
def test_these_overdoses_raise_the_alarm(question: str, topics: set) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, question
    assert first_topic(data) in topics, first(data)


# ---------------------------------------------------------- 6. falsas alarmas
@pytest.mark.parametrize(
    "question",
    [
        "el gato no ha tocado nada, pero dónde guardo el baclofeno para que no llegue",
        "y si algún día el gato se come una pastilla, qué hago",
        "he leído que la gente puede tener convulsiones si deja el baclofeno de golpe, es cierto?",
        "mi hijo tiene epilepsia desde niño bien controlada, puede tomar baclofeno?",
        "el año pasado mi nieta se tragó una pastilla y no pasó nada, cómo las guardo ahora",
        "no me falta el aire ni nada, solo tengo sueño con el baclofeno",
        "Hola a todos. Tengo esclerosis múltiple desde hace diez años y tomo baclofeno. Hace dos años me quedé "
        "sin pastillas en vacaciones y tuve alucinaciones, pero ya pasó y ahora estoy bien. El médico me subió "
        "la dosis el mes pasado. Quería saber si puedo tomarlo con el café de la mañana.",
    ],
)
def test_these_raise_no_alarm(question: str) -> None:
    assert ask_es(question)["emergency"] is False, question


def test_a_daily_schedule_in_a_long_post_is_no_double_dose() -> None:
    data = ask_es("Buenas tardes. Mi madre tiene 70 años y le recetaron baclofeno. Tiene comprimidos de 10 mg y "
                  "se toma uno tres veces al día. Quiere saber si puede partirlos por la mitad.")
    assert data["emergency"] is False


# ---------------------------------------------------------- 7. otro medicamento
@pytest.mark.parametrize(
    "question",
    [
        "el ibuprofeno se toma antes o después del desayuno",
        "qué cantidad de paracetamol le toca a una niña de 20 kilos",
        "la tizanidina para qué enfermedad es",
    ],
)
def test_another_medicines_dose_use_or_timing_gets_the_pharmacist_line(question: str) -> None:
    data = ask_es(question)
    assert data["results"] == [], data["results"]
    assert data["notices"] and "Esta guía trata del baclofeno" in data["notices"][0]["text"]
