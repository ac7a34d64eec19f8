"""Classes the Spanish held-out set v10 (tests/ask_es_holdout_v10.yaml) showed, once it was known
(session 10), each checked here through the real CLI with written forms of its own, in both
directions: the false alarm now calm, and the real emergency beside it still raised.

- A medicine already taken, asked about ("tomo X de 50 desde hace un año, ¿puedo tomar
  baclofeno?"): another or an unknown medicine's strength is no count of tablets taken, "todos los
  días" is how often (no "tomó todo"), and "ya tomo" opens the clause like "tomo".
- How someone would notice ("¿cómo me daría cuenta de que se pasó de dosis?"): a how-to question,
  answered with the signs first, no alarm.
- A pump's single beep ("la bomba dio un pitido"): no dose given ("volvió a dar").
- Everyday life with the pump ("¿puedo bañarme en el mar con la bomba?"): "mar" is no "mareado".
- Babies and children at large ("¿cuántas horas duerme un bebé?") and self-care without medicines
  ("¿cómo bajar la fiebre sin pastillas?"): out of scope.
The English side of the same classes is checked at the end."""

from __future__ import annotations

import pytest
from ask_cli import ask_en, ask_es, ask_json, first_topic


# ---------------------------------------------------------------- a medicine already taken
@pytest.mark.parametrize("question", [
    "tomo paroxetina de 20 desde el año pasado, puedo tomar baclofeno tambien?",
    "tomo levotiroxina de 100 todos los dias, me afecta el baclofeno?",
    "ya tomo gabapentina de 300, me pueden recetar baclofeno?",
    "tomo citalopram todas las mañanas, es compatible con el baclofeno",
])
def test_a_medicine_already_taken_asked_about_is_no_alarm(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is False
    assert data["results"], "answered"


@pytest.mark.parametrize("question", [
    "mi marido se tomo 15 pastillas de baclofeno y no contesta",
    "se tomo todo el blister de baclofeno con la paroxetina y respira muy lento",
])
def test_tablets_taken_beside_another_medicine_are_still_an_emergency(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True
    assert first_topic(data) == "overdose"


@pytest.mark.parametrize("question", [
    "anoche tome un diazepam, me puedo tomar el baclofeno esta mañana?",
    "me tome un lorazepam para dormir, puedo tomar ya el baclofeno?",
])
def test_a_sedative_taken_before_asking_whether_to_take_it_is_no_alarm(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is False
    # The verdict on taking them together still comes first, as a warning.
    assert data["notices"] and data["notices"][0]["kind"] == "warning"


@pytest.mark.parametrize("question", [
    "me tome el baclofeno y un diazepam y ahora me cuesta respirar",
    "anoche tome un diazepam y esta mañana el baclofeno, estoy muy dormida",
])
def test_a_sedative_taken_with_it_is_still_an_emergency(question: str) -> None:
    assert ask_es(question)["emergency"] is True


# ---------------------------------------------------------------- how someone would notice
@pytest.mark.parametrize("question", [
    "como me daria cuenta de que mi tia se paso de dosis",
    "en que se nota que mi hijo se ha pasado de dosis",
    "como podria saber si mi marido se paso de dosis",
])
def test_how_one_would_notice_an_overdose_leads_with_the_signs_without_alarm(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is False
    assert data["caution"] is True
    assert first_topic(data) == "overdose"


def test_if_i_go_over_the_dose_is_a_question_not_an_alarm() -> None:
    data = ask_es("que me pasaria si un dia me paso de dosis sin darme cuenta")
    assert data["emergency"] is False
    assert first_topic(data) == "overdose"


@pytest.mark.parametrize("question", [
    "mi tia se paso de dosis y no hay forma de despertarla",
    "como la despierto? mi hija se paso de dosis y respira muy lento",
])
def test_an_overdose_said_to_have_happened_is_still_an_emergency(question: str) -> None:
    assert ask_es(question)["emergency"] is True


# ---------------------------------------------------------------- a pump's single beep
@pytest.mark.parametrize("question", [
    "la bomba me dio un pitido al levantarme y no volvio a pitar, estoy bien",
    "ayer la bomba dio un pitido suave y ya, que significa",
])
def test_a_single_pump_beep_is_no_alarm(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is False
    assert first_topic(data) == "pump"


@pytest.mark.parametrize("question", [
    "la bomba dio un pitido y me pica todo el cuerpo con mucha rigidez",
    "la bomba suena sin parar y vuelven los espasmos fuertisimos",
])
def test_a_pump_alarm_with_signs_is_still_an_emergency(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True
    assert first_topic(data) == "pump"


# ---------------------------------------------------------------- everyday life with the pump
@pytest.mark.parametrize("question", [
    "con la bomba me puedo bañar en el mar?",
    "puedo ir a nadar al mar si tengo la bomba de baclofeno",
])
def test_the_sea_with_the_pump_is_no_alarm(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is False
    assert first_topic(data) == "pump"


def test_dizzy_with_the_pump_is_still_an_emergency() -> None:
    data = ask_es("llevo la bomba de baclofeno y estoy muy mareada, me voy a desmayar")
    assert data["emergency"] is True
    assert first_topic(data) == "pump"


# ---------------------------------------------------------------- babies, children, self-care at large
@pytest.mark.parametrize("question", [
    "cuantas horas duerme un bebe de cuatro meses",
    "a que edad gatea un bebe",
    "como se quita la fiebre sin medicinas",
    "remedios caseros para la tos sin pastillas",
    "que hago para el resfriado de un adulto sin medicamentos",
])
def test_general_baby_care_and_self_care_are_out_of_scope(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is False
    assert data["results"] == []


@pytest.mark.parametrize(("question", "topic"), [
    ("le afecta al bebe si tomo baclofeno dando el pecho", "pregnancy"),
    ("a los niños se les da la misma cantidad que a un adulto?", "dosing"),
])
def test_a_baby_or_a_child_with_the_medicine_is_answered(question: str, topic: str) -> None:
    assert first_topic(ask_es(question)) == topic


def test_a_baby_who_swallowed_a_tablet_is_still_an_emergency() -> None:
    data = ask_es("un bebe de un año se trago una pastilla de baclofeno de su abuela")
    assert data["emergency"] is True


# ---------------------------------------------------------------- the English side
@pytest.mark.parametrize("question", [
    "how would i spot it if my gran took too many of her tablets",
    "how could i tell if my husband had too much baclofen",
    "how would my daughter know if i had taken too much of my baclofen",
])
def test_english_how_one_would_notice_is_no_alarm(question: str) -> None:
    data = ask_en(question)
    assert data["emergency"] is False
    assert first_topic(data) == "overdose"


def test_english_an_overdose_that_happened_is_still_an_emergency() -> None:
    assert ask_en("my gran took too many of her baclofen and we can't wake her")["emergency"] is True


@pytest.mark.parametrize("question", [
    "how long should a four month old baby sleep at night",
    "when do toddlers usually start talking",
    "how to bring down a high temperature without medicine",
])
def test_english_baby_care_and_self_care_are_out_of_scope(question: str) -> None:
    assert ask_en(question)["results"] == []


def test_english_a_sedative_taken_before_asking_whether_to_take_it_is_no_alarm(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, "had one lorazepam at bedtime, can i take my baclofen this morning")
    assert data["emergency"] is False
    assert data["notices"] and data["notices"][0]["kind"] == "warning"


def test_english_a_sedative_taken_with_it_is_still_an_emergency(runner) -> None:  # noqa: ANN001
    assert ask_json(runner, "took my baclofen and a lorazepam, now so sleepy i cant keep my eyes open")["emergency"]


@pytest.mark.parametrize("question", [
    "my baclofen pump is in and i feel lightheaded like i am going to pass out",
    "i've got an intrathecal pump and i'm suddenly really dizzy",
])
def test_english_dizzy_or_faint_with_the_pump_is_an_emergency(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True


@pytest.mark.parametrize("question", [
    "can i go swimming in the sea with my pump",
    "can i do sport with a baclofen pump",
])
def test_english_everyday_life_with_the_pump_is_answered(question: str) -> None:
    data = ask_en(question)
    assert data["emergency"] is False
    assert first_topic(data) == "pump"
