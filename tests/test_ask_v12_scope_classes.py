"""`baclofen ask`, the out-of-scope classes the held-out sets English v12 and Spanish v8
(tests/ask_holdout_v12.yaml, tests/ask_es_holdout_v8.yaml; issues 14 and 18, item 2) found
answered, through the real CLI, in wordings of our own (never the sets' questions):
1. how fresh another medicine is ("expired", "out of date"; "caducado", "vencido"), and what
   another medicine named before was for ("para qué era"): that medicine's own question, sent
   to the pharmacist with the file's "this guide is about baclofen" message;
2. the course of an illness ("gets worse over time"; "empeora con los años") and the clock change
   ("cambio de hora"): declined.
The same words with this medicine named, or "it", stay answered. Known limit: an illness a topic
heading names ("cerebral palsy" in uses) is still answered from that topic."""

from __future__ import annotations

import pytest
from ask_cli import ask_en, ask_es, first_topic

from conftest import DATA_FILE, ROOT, read_yaml

ES_FILE = ROOT / "data" / "baclofen.es.yaml"

THEIR_FRESHNESS_EN = [
    "can i still use out of date naproxen",
    "is expired paracetamol dangerous",
    "my codeine expired last month, is it still ok",
]


@pytest.mark.parametrize("question", THEIR_FRESHNESS_EN)
def test_how_fresh_another_medicine_is_goes_to_the_pharmacist(question: str) -> None:
    message = read_yaml(DATA_FILE)["ask"]["other_medicine_message"]["text"]
    data = ask_en(question)
    assert data["emergency"] is False
    assert data["results"] == [], (question, first_topic(data))
    assert [n["text"] for n in data["notices"]] == [message]


THEIR_MEDICINE_ES = [
    "puedo tomar naproxeno caducado",
    "el paracetamol vencido hace daño?",
    "en el hospital me pusieron tramadol, para que era",
]


@pytest.mark.parametrize("question", THEIR_MEDICINE_ES)
def test_spanish_another_medicines_own_question_goes_to_the_pharmacist(question: str) -> None:
    message = read_yaml(ES_FILE)["ask"]["other_medicine_message"]["text"]
    data = ask_es(question)
    assert data["emergency"] is False
    assert data["results"] == [], (question, first_topic(data))
    assert [n["text"] for n in data["notices"]] == [message]


@pytest.mark.parametrize(("question", "ask"), [
    ("does parkinsons always get worse over the years", ask_en),
    ("does spasticity get worse with age", ask_en),
    ("¿la paralisis cerebral empeora con el tiempo?", ask_es),
    ("¿a que hora cambian la hora en octubre?", ask_es),
    ("el domingo es el cambio de hora?", ask_es),
])
def test_an_illness_course_or_the_clock_change_is_declined(question: str, ask) -> None:  # noqa: ANN001
    data = ask(question)
    assert data["emergency"] is False
    assert data["results"] == [], (question, first_topic(data))


@pytest.mark.parametrize(("question", "ask", "wanted"), [
    ("my baclofen is out of date, can i still take it", ask_en, {"storage"}),
    ("can i take ibuprofen with baclofen", ask_en, {"interactions"}),
    ("will my spasms get worse over time if i stop baclofen", ask_en, {"stopping", "dosing"}),
    ("baclofeno caducado, lo puedo tomar", ask_es, {"storage"}),
    ("el baclofeno para que es", ask_es, {"uses", "overview"}),
    ("cuando me cambian la bomba?", ask_es, {"pump"}),
    pytest.param("con el cambio de hora, cuando tomo el baclofeno?", ask_es, {"administration", "dosing"},
                 marks=pytest.mark.xfail(strict=True, reason="topic model (session 9): the learnt prior outweighs the rules here; known regression, see README \"The topic model\"")),
])
def test_the_same_words_about_this_medicine_stay_answered(question: str, ask, wanted: set[str]) -> None:  # noqa: ANN001
    data = ask(question)
    assert first_topic(data) in wanted, (question, first_topic(data))
