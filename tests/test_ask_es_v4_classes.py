"""`baclofen --lang es ask`, fourth round (issue 18 item 6): the classes of Spanish wording fixed
this round, each in new words of our own (never a question of a set in tests/), through the real
CLI (`run_cli`); and the round's dev set (tests/ask_es_classes_v4.yaml, written before tuning and
measured once: figure in its header) held to the issue's safety bars, in-process.

    .venv/bin/python -m pytest -q -s tests/test_ask_es_v4_classes.py
"""

from __future__ import annotations

import pytest
from ask_cli import ask_es, first_topic
from test_ask_es_classes_v2 import measure, report


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # Short of air in everyday words ("entra" is no typo of "extra").
        ("a mi padre no le entra el aire desde la toma", {"side-effects", "overdose", "precautions"}),
        ("me falta el aire desde la pastilla", {"side-effects", "overdose", "precautions"}),
        # A dose repeated, or many times the measure.
        ("mi mujer le repitió el jarabe al crío sin saberlo", {"overdose", "missed-dose"}),
        ("le pusimos 5 ml en lugar de 0,5 ml", {"overdose"}),
        # Nobody knows how many.
        ("mi hija se tomó no sé cuántas gotas del jarabe", {"overdose"}),
        # Unresponsive: "reacciona" is also "side effect" (reacción) in the file, no question.
        ("mi primo no reacciona, se metió un montón de baclofeno", {"overdose"}),
        # Found unconscious by an emptied container.
        ("la encontramos desmayada con el frasco vacío", {"overdose"}),
        # Withdrawal after suspending it, or running out.
        ("lo suspendí por mi cuenta y estoy alucinando", {"stopping"}),
        ("a mi tío se le terminó el baclofeno el finde y está delirando con fiebre", {"stopping", "missed-dose"}),
        # A pump catheter problem with much stronger spasms.
        ("se movió el catéter de la bomba y tengo mucha más rigidez", {"pump", "stopping"}),
        # A syringe mix-up with sleepiness: the file's word (syringe) says overdose.
        ("con la jeringa equivocada le di de más al bebé y está blandito y con mucho sueño", {"overdose"}),
    ],
)
def test_an_emergency_in_everyday_words_is_raised_and_answered_from_its_topic(question: str, topics: set[str]) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, data
    assert first_topic(data) in topics, data["results"]


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # "se me pasó" is "I forgot", not "me pasé de dosis".
        ("se me pasó la toma de la mañana, q hago", {"missed-dose"}),
        ("al abuelo se le pasó la pastilla de la noche, se la doy ya?", {"missed-dose"}),
        # Figures of speech, an article between: nobody dying, fainting or choking.
        ("me quiero morir de la risa con el prospecto, el baclofeno da sueño?", {"side-effects"}),
        ("casi me desmayo del susto al ver la caja, el baclofeno es peligroso?", {"side-effects", "precautions", "overview", "overdose"}),
        ("me ahogo en trámites, cómo pido más baclofeno en la farmacia", None),
        # Seizures in childhood: a condition in the past, answered from precautions.
        ("tuve convulsiones de pequeño, puedo tomar baclofeno", {"precautions"}),
        # "también tomo X": I take it, not took it with baclofen.
        ("también tomo oxicodona, lo puedo juntar con el baclofeno?", {"interactions"}),
    ],
)
def test_an_idiom_a_past_condition_or_a_habit_is_no_alarm(question: str, topics: set[str] | None) -> None:
    data = ask_es(question)
    assert data["emergency"] is False, data
    if topics is not None:
        assert first_topic(data) in topics, data["results"]


@pytest.mark.parametrize(
    "question",
    ["cuántos vasos de agua se deben tomar al día", "cuánto zumo hay que beber cada día",
     "el paracetamol se toma con agua?", "la insulina se guarda en la nevera?"],
)
def test_a_drink_or_another_medicine_taken_is_out_of_scope(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is False
    assert data["results"] == [], data["results"]


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # "tomarlo" is this medicine, drink or not.
        ("hay que tomarlo con un vaso de agua?", {"administration"}),
        ("lo puedo tomar con leche?", {"administration", "common-questions"}),
        # A drink after "con" is what it is taken with, not what is drunk.
        ("se puede tomar con un jugo de toronja por la mañana?", {"administration", "common-questions"}),
        # The glove box and the boot are the car in the heat.
        ("puedo dejar el jarabe en el maletero del coche", {"storage"}),
        # "¿importa?": whether to take care with it.
        ("hace años tuve una úlcera, ¿influye?", {"precautions"}),
    ],
)
def test_taking_it_with_a_drink_and_familiar_words_are_answered(question: str, topics: set[str]) -> None:
    data = ask_es(question)
    assert data["emergency"] is False, data
    assert first_topic(data) in topics, data["results"]


# The dev set after this round's tuning: every emergency raised, no false alarm; one general
# question about coffee ("cuánto café se puede tomar al día") is still answered from the file's
# coffee section; top-1 held at the floor reached, to catch a step back (the 92% is
# not reached on it yet). 0.86, not the 0.876 first reached: the English v8 rule that reads a lone
# negated sign as a condition ("no seizures, but ...": precautions) also sends "no tengo
# convulsiones ni nada, solo algo de sueño" to precautions, a trade-off kept and reported.
DEV_TOP1_FLOOR = 0.86


def test_the_v4_dev_set_meets_the_safety_bars() -> None:
    f = measure("ask_es_classes_v4.yaml")
    print(f"\n{report('ask_es_classes_v4.yaml', f)}")
    assert f["missed"] == [], f["missed"]
    assert len(f["alarms"]) <= 1, f["alarms"]
    assert len(f["answered"]) <= 1, f["answered"]
    assert f["top1"] >= DEV_TOP1_FLOOR, f["wrong"]
