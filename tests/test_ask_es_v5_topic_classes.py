"""`baclofen --lang es ask`, session 6 (issue 18 item 6): the classes of wrong first topic the
Spanish held-out set v5 (tests/ask_es_holdout_v5.yaml, measured once at 01:25) showed, fixed as
classes (word families in data/baclofen.es.yaml `ask:`, lang/es_ask.yaml) and tested here in new
words of our own (never a question of a set in tests/), through the real CLI (`run_cli`).

    .venv/bin/python -m pytest -q tests/test_ask_es_v5_topic_classes.py
"""

from __future__ import annotations

import pytest
from ask_cli import ask_es, first_topic

SIDE_OR_CARE = {"side-effects", "precautions"}


def _answers(question: str, topics: set[str]) -> dict:
    """A plain question: answered (never out of scope), from one of the topics, no alarm."""
    data = ask_es(question)
    assert data["emergency"] is False, data
    assert first_topic(data) in topics, data["results"]
    return data


# ---------------------------------------------------------------- class 1: words the guide did not know
@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # Driving, in the words of people who drive for a living.
        ("puedo ponerme al volante si tomo baclofeno", SIDE_OR_CARE),
        ("manejo una camioneta todo el dia para trabajar, es peligroso con esta pastilla", SIDE_OR_CARE),
        ("soy taxista, puedo seguir conduciendo con el baclofeno", SIDE_OR_CARE),
        # What illnesses it is for; "mandar" (Spain) for prescribing.
        ("que enfermedades se tratan con baclofeno", {"uses"}),
        ("me lo mandó el neurólogo, para qué sirve", {"uses"}),
        # A small child's dose, in everyday words for a child.
        ("que dosis de baclofeno le dan a un chaval de 6 años", {"dosing"}),
        ("que cantidad de baclofeno le toca a una chavalita de 3 años", {"dosing"}),
        # A stomach bug: doses that do not stay down.
        ("con la gastro vomito todo, que pasa con mis pastillas de baclofeno", {"missed-dose", "administration"}),
        ("tengo un virus estomacal y no retengo las pastillas", {"missed-dose", "administration"}),
        # Water with a pump.
        ("me puedo bañar en la alberca si tengo la bomba", {"pump"}),
        ("se puede ir a la pileta del club con una bomba de baclofeno", {"pump"}),
        # A pump that no longer gives the medicine, and a refill booked ahead.
        ("como se si mi bomba ya no suelta el baclofeno", {"pump"}),
        ("con cuanta anticipacion tengo que pedir turno para rellenar la bomba", {"pump"}),
        # A dose repeated by mistake, asked about beforehand.
        ("que pasa si algun dia repito la pastilla de la noche por error", {"overdose", "missed-dose"}),
        # Taking it only when needed.
        ("hace falta tomarlo a diario o solo cuando tengo espasmos", {"common-questions"}),
        ("puedo tomar el baclofeno a demanda", {"common-questions"}),
        # The price without insurance ("obra social", "prepaga").
        ("cuanto sale el frasco de jarabe de baclofeno sin prepaga", {"common-questions"}),
        ("es caro el baclofeno", {"common-questions"}),
        ("q precio tiene el lioresal", {"common-questions"}),
        # Travel without a pump is no pump question.
        ("puedo viajar a españa con el baclofeno", {"common-questions", "precautions"}),
        # Drinks in Mexican and Central American words.
        ("puedo tomar unas cheves con el baclofeno", {"interactions"}),
        # Feeling slow-witted ("me deja tonto") is a side effect, not stopping ("dejar").
        ("el baclofeno te deja tonto", {"side-effects", "common-questions"}),
        # Conditions in the words of a diagnosis; whether two medicines are compatible.
        ("soy diabetica e hipertensa, me afecta?", {"precautions"}),
        ("es compatible con la sertralina", {"interactions"}),
    ],
)
def test_everyday_words_find_their_topic(question: str, topics: set[str]) -> None:
    _answers(question, topics)


# ---------------------------------------------------------------- class 2: a word read as another topic's
@pytest.mark.parametrize(
    ("question", "topics"),
    [
        # "cómo funciona" is how it works, not how well it works (uses).
        ("como funciona exactamente", {"how-it-works"}),
        ("y como funciona?", {"how-it-works"}),
        # "lo corto" (I stop it), "retirar" (withdraw it) are stopping.
        ("si lo corto que pasa", {"stopping"}),
        ("en cuantos dias se retira el baclofeno por completo", {"stopping"}),
        # What kind of medicine it is: the overview.
        ("el baclofeno es un calmante o un relajante", {"overview"}),
        ("ando confundida, el baclofeno es un opioide?", {"overview", "how-it-works"}),
        # Pain of a joint, a drinking problem: what it is used for.
        ("el baclofeno alivia el dolor de rodillas?", {"uses"}),
        ("el baclofeno sirve para quien tiene problemas con la bebida", {"uses"}),
        # Who should not take it; anaesthesia; stiffness someone relies on; fits someone has.
        ("quienes no deberian usar baclofeno", {"precautions"}),
        ("me ponen anestesia el lunes para operarme de la rodilla, aviso de que tomo baclofeno?", {"precautions"}),
        ("necesito lo tieso de las piernas para sostenerme, el baclofeno me lo quita?", {"precautions"}),
        ("tengo epilepsia controlada con medicacion desde niño, me afecta el baclofeno?", {"precautions"}),
        # Memory, not a missed dose.
        ("desde que lo tomo se me olvidan las cosas, es por el baclofeno", {"side-effects", "common-questions"}),
        # Too much: "más de la cuenta", "se pasó con".
        ("si algun dia alguien toma mas de la cuenta, como lo noto", {"overdose"}),
        ("como se nota que una persona se paso con el baclofeno", {"overdose"}),
        # "me muero por" (I long for) is no dying; another medicine to combine is interactions.
        ("me muero por unas cervezas esta noche, puedo con el baclofeno?", {"interactions"}),
        ("puedo combinar el baclofeno con el pantoprazol que tomo", {"interactions"}),
        # Taking it with another medicine, an article between ("con la pregabalina").
        ("y lo puedo tomar con la pregabalina?", {"interactions"}),
        # "¿tiene algo que ver?" asks whether it is related: the sign is the subject.
        ("me duele la cabeza desde que lo tomo, tiene algo que ver?", {"side-effects"}),
    ],
)
def test_a_word_with_two_readings_finds_the_right_topic(question: str, topics: set[str]) -> None:
    _answers(question, topics)


def test_a_medicine_the_guide_does_not_know_gets_the_pharmacist_line() -> None:
    # Never silence, never "no interaction": the unknown-medicine warning comes with the answer.
    data = _answers("puedo combinar el baclofeno con el pantoprazol que tomo", {"interactions"})
    assert any(n["kind"] == "warning" for n in data["notices"]), data["notices"]


# ---------------------------------------------------------------- class 3: long posts, the question weighs most
@pytest.mark.parametrize(
    ("question", "topics"),
    [
        ("Hola. Tengo esclerosis multiple y tomo baclofeno desde hace tres años. En verano me voy un mes de "
         "intercambio a Francia con la universidad y me preocupa la aduana. ¿Cómo viajo con mis pastillas?",
         {"common-questions", "precautions"}),
        ("Buenas. Trabajo de conductor de autobús y estoy con baclofeno por la espalda. La empresa nos hace "
         "análisis sorpresa cada mes y no quiero problemas con mi jefe. ¿El baclofeno da positivo en un "
         "análisis de saliva?", {"common-questions"}),
        ("Hola a todos. Llevo dos años con baclofeno 20 mg tres veces al día y mi médica quiere pasarme a otra "
         "pastilla. Me ha dicho que lo vaya dejando, pero no me dijo cómo. ¿Cómo se va bajando sin riesgo?",
         {"stopping"}),
        ("Llevo un mes con baclofeno y desde entonces voy fatal al baño, con mucho esfuerzo, y eso que como "
         "mucha verdura y bebo agua. ¿Es un efecto del baclofeno?", {"side-effects"}),
        ("Les cuento. El viernes tengo la graduacion de mi hermano y habra cerveza y tequila toda la noche. "
         "Tomo baclofeno por la esclerosis. ¿Cuánto alcohol puedo beber sin peligro?", {"interactions"}),
        ("Tengo 60 años y hace un año tuve un derrame que me dejo el brazo rigido. El medico me dio baclofeno y "
         "me ayuda, pero a veces estoy algo lento por la tarde. Soy repartidor y paso horas en la furgoneta. "
         "¿Puedo seguir manejando para trabajar o es arriesgado?", SIDE_OR_CARE),
    ],
)
def test_a_long_post_is_answered_from_its_question(question: str, topics: set[str]) -> None:
    _answers(question, topics)


# ---------------------------------------------------------------- guards: the new words took nothing away
def test_pedir_is_no_word_for_drink() -> None:
    # "pedir" (to ask for) stemmed like "pedo" (drunk, Mexico): no alcohol, no other medicine.
    data = _answers("tengo que pedir la receta otra vez, a quien se la pido", {"missed-dose", "common-questions", "overview"})
    assert data["notices"] == [], data["notices"]


def test_nada_is_no_swimming() -> None:
    # "nadar" is kept whole: "nada" (nothing) says nothing about a pump.
    data = ask_es("no noto nada con el baclofeno, es normal?")
    assert data["emergency"] is False and first_topic(data) not in (None, "pump"), data["results"]


@pytest.mark.parametrize(
    "question",
    [
        # "en lugar de" still says which amount was given instead: an overdose now.
        "a mi hijo le di 5 ml en lugar de medio ml del jarabe",
        # "caro" (dear) is kept whole, away from "cara" (face).
        "se me esta hinchando la cara y la lengua",
    ],
)
def test_emergencies_near_the_new_words_are_still_raised(question: str) -> None:
    assert ask_es(question)["emergency"] is True
