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
