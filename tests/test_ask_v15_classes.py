"""Classes found in session 10: a painful erection that will not go away (priapism), which the
stopping and pump sections say is a sign of withdrawal and a reason to call the emergency number,
in both languages; asked about as a side effect it stays calm."""

from __future__ import annotations

import pytest
from ask_cli import ask_en, ask_es, first_topic


@pytest.mark.parametrize(("question", "topic"), [
    ("his pump keeps alarming and he has had a painful erection for about five hours", "pump"),
    ("erection that will not go down since i ran out of baclofen two days ago", "stopping"),
    ("priapism after missing my baclofen", "stopping"),
])
def test_a_painful_erection_that_will_not_go_away_is_an_emergency(question: str, topic: str) -> None:
    data = ask_en(question)
    assert data["emergency"] is True
    assert first_topic(data) == topic


@pytest.mark.parametrize(("question", "topic"), [
    ("la bomba de mi esposo esta pitando y tiene una erección dolorosa hace horas", "pump"),
    ("se le olvidó el baclofeno dos días y ahora una erección que no se baja", "stopping"),
])
def test_la_erección_con_dolor_que_no_se_quita_es_una_emergencia(question: str, topic: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True
    assert first_topic(data) == topic


@pytest.mark.parametrize("question", [
    "can baclofen cause problems with erections",
    "does baclofen affect your sex life, erections and that",
])
def test_erections_asked_about_stay_calm(question: str) -> None:
    data = ask_en(question)
    assert data["emergency"] is False
    assert first_topic(data) == "side-effects"


def test_las_erecciones_preguntadas_no_son_alarma() -> None:
    data = ask_es("el baclofeno puede dar problemas de erección?")
    assert data["emergency"] is False
    assert first_topic(data) == "side-effects"


# Classes the session-10 held-out sets (tests/ask_holdout_v15.yaml, tests/ask_es_holdout_v11.yaml)
# missed when measured once; each checked here in words of its own.
@pytest.mark.parametrize("question", [
    "how many of my baclofen would stop my heart for good",
    "my brother sent a text saying goodbye and his baclofen box is empty",
])
def test_self_harm_said_as_a_goodbye_or_a_stopped_heart_gets_crisis_help(question: str) -> None:
    data = ask_en(question)
    assert data["emergency"] is True
    assert "crisis line" in data["notices"][0]["text"]


def test_asking_whether_it_can_affect_the_heart_is_no_alarm() -> None:
    assert ask_en("can baclofen stop my heart")["emergency"] is False


@pytest.mark.parametrize(("question", "topic"), [
    ("two hours after my first baclofen my lips and eyelids are puffing up", "side-effects"),
    ("her face is swelling up and she can barely swallow since the new tablets", "side-effects"),
    ("left my tablets at my mums a week ago and now i'm sweating and seeing things", "stopping"),
    ("gave him his usual baclofen and now he's limp and his eyes are rolling", "overdose"),
    ("resident got her 10mg from the day staff and again from the night staff by error", "overdose"),
])
def test_emergencies_in_other_words_are_raised(question: str, topic: str) -> None:
    data = ask_en(question)
    assert data["emergency"] is True
    assert first_topic(data) == topic


@pytest.mark.parametrize("question", [
    "can baclofen make your face swell up",
    "i lost my baclofen, how do i get more",
    "is it normal for my legs to feel floppy",
])
def test_the_same_words_in_an_everyday_question_stay_calm(question: str) -> None:
    assert ask_en(question)["emergency"] is False


@pytest.mark.parametrize("question", [
    "llevo semanas juntando pastillas para acabar con todo esto",
    "mi abuelo pensó que no se había tomado la de la noche y se tomó otra, ahora no se tiene en pie",
    pytest.param("me tragué de una vez todas las del día, unas seis, y me siento rarísima", marks=pytest.mark.xfail(
        strict=True, reason="known gap (session 10): 'todas las del día' is read as a habit figure")),
    "cambiaron el frasco, el nuevo dice 10 mg por ml, le di lo mismo a mi hijo y ahora está blandito",
])
def test_las_emergencias_en_otras_palabras_dan_la_alarma(question: str) -> None:
    assert ask_es(question)["emergency"] is True


@pytest.mark.parametrize("question", [
    "estoy juntando pastillas para acabar el mes sin ir a la farmacia",
    "el frasco nuevo dice 5 mg por ml, cuanto le doy",
    "quiero acabar con esto de los espasmos, que dosis",
])
def test_las_mismas_palabras_en_una_pregunta_corriente_no_dan_la_alarma(question: str) -> None:
    assert ask_es(question)["emergency"] is False
