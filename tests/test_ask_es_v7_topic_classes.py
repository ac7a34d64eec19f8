"""`baclofen --lang es ask`: the classes behind the wrong topics and out-of-scope answers of the
Spanish held-out sets v6 and v7 (issue 18), each tested with new wordings of our own, through the
real console script. None of these questions is in a held-out set.

    .venv/bin/python -m pytest -q tests/test_ask_es_v7_topic_classes.py
"""

from __future__ import annotations

import pytest
from ask_cli import ask_es, first_topic

# General health questions that do not speak of baclofen, another remedy ("remedios naturales"),
# and another medicine's own property with "lo" pointing back at it: never answered.
OUT_OF_SCOPE = [
    "como aliviar el dolor de muelas",
    "como se quita el dolor de cabeza",
    "remedios naturales para dormir",
    "que hierbas caseras quitan el insomnio",
    "el diazepam engancha si lo tomo cada dia",
    "el clonazepam engancha si lo tomo a diario",
]

# (question, the topics that may lead): one class per block.
TOPICS = [
    # A short question that drops its subject, as Spanish does: about the medicine.
    ("que es?", {"overview"}),
    ("para que sirve?", {"uses"}),
    ("como se toma esto", {"administration"}),
    ("cada cuanto se toma?", {"administration", "dosing"}),
    ("como se conserva", {"storage"}),
    ("se puede partir?", {"administration"}),
    # Another medicine or a drink "con el baclofeno" (an article between): mixing them.
    ("puedo tomar tramadol con el baclofeno", {"interactions"}),
    ("es malo mezclar vino con el baclofeno", {"interactions"}),
    ("el baclofeno se lleva bien con el ibuprofeno?", {"interactions"}),
    ("fumar un porrito con baclofeno es malo?", {"interactions"}),
    # Pregnant, said by the weeks.
    ("estoy de 10 semanas y tomo baclofeno", {"pregnancy"}),
    ("me acabo de enterar de que estoy de 5 semanas, tomo baclofeno", {"pregnancy"}),
    # Worn out, an idiom; what is usual at the start.
    ("llevo una semana hecho polvo con el baclofeno", {"side-effects"}),
    ("ando reventada desde que tomo baclofeno, es normal?", {"side-effects"}),
    ("que molestias da el baclofeno al empezar", {"side-effects"}),
    # Kidneys, and a condition to watch: precautions.
    ("tengo los riñones fatal, puedo tomar baclofeno?", {"precautions", "dosing"}),
    ("mi madre tiene insuficiencia renal, le pueden dar baclofeno", {"precautions", "dosing"}),
    ("con trastorno bipolar hay riesgo con el baclofeno?", {"precautions"}),
    # Going too far with it, and what hospitals do for it: overdose.
    ("que le hacen en urgencias a quien se le fue la mano con el baclofeno", {"overdose"}),
    # Stopping at once; how long the opened syrup keeps.
    ("si lo dejo de golpe que riesgo hay", {"stopping"}),
    # administration holds "¿Cuánto dura un frasco después de abrirlo?" too.
    ("cuanto aguanta el jarabe de baclofeno despues de abrirlo", {"storage", "administration"}),
]


@pytest.mark.parametrize("question", OUT_OF_SCOPE)
def test_a_general_health_question_is_declined(question: str) -> None:
    answer = ask_es(question)
    assert answer["results"] == [] and not answer["emergency"], (question, first_topic(answer))


@pytest.mark.parametrize(("question", "topics"), TOPICS)
def test_the_question_leads_with_its_topic_and_no_alarm(question: str, topics: set[str]) -> None:
    answer = ask_es(question)
    assert first_topic(answer) in topics, (question, first_topic(answer))
    assert not answer["emergency"], question
