"""Emergencies and calm questions of the classes session 7's start-of-session held-out sets (English
v11, Spanish v7) and the end-of-session-6 sets (v10, es v6) showed we got wrong, in new wordings of
our own (issues 14 and 18), through the real CLI:

- missed: breathing trouble in other words; oral withdrawal after days with no supply (a
  prescription not filled, none at the pharmacy) with fever, shaking or hallucinations; weakness
  or a head too heavy to lift after a pump refill; a child eating tablets with a regional verb
  ("se zampó", "engulló"); self-harm told by someone else; a plan to swallow a whole supply.
- false alarms: another medicine's ordinary dose ("500mg of paracetamol", "1 mg de lorazepam");
  long posts with a plan or a worry and no emergency now; events that are over; hypotheticals;
  choking on big pills (swallowing, not breathing); doubling "to make up" asked about; a phrase
  read into a common word ("my wife takes" is no "take my life", "cutting down myself" no "cut
  myself", "me hace daño" no "hacerse daño").
- review findings: "fine now" does not settle signs said after it, nor is it read in "not ... at
  all right now"; an animal's eating is negated by the rule every sign is read with.
"""

from __future__ import annotations

import pytest
from ask_cli import ask_en, ask_es, first_topic

from conftest import DATA_FILE, ROOT, read_yaml

ASK_HINTS = {"en": read_yaml(DATA_FILE)["ask"], "es": read_yaml(ROOT / "data" / "baclofen.es.yaml")["ask"]}


def _notice(data: dict, lang: str, message: str) -> bool:
    """Whether the answer shows the file's own `ask.<message>` (the crisis help, the vet line)."""
    return any(n["text"] == ASK_HINTS[lang][message]["text"] for n in data["notices"])


def crisis(data: dict, lang: str = "en") -> bool:
    return _notice(data, lang, "crisis_message")


def vet_line(data: dict, lang: str = "en") -> bool:
    return _notice(data, lang, "pet_message")


@pytest.mark.parametrize(("question", "topics"), [
    # breathing in other words
    ("took my first baclofen an hour ago and now i am fighting for breath", {"side-effects", "overdose"}),
    ("my dad is gasping for air since his evening baclofen", {"side-effects", "overdose"}),
    ("i can not get my breath at all right now after my baclofen", {"side-effects", "overdose"}),
    # oral withdrawal with no supply
    ("my prescription was not filled on time, now on day three without baclofen and he is hallucinating with a fever",
     {"stopping"}),
    ("the chemist could not get my baclofen in, 4 days without it and i am shaking and hearing voices",
     {"stopping", "side-effects"}),
    # too much from the pump after a refill
    ("since the pump refill this afternoon she is too weak to hold her head up", {"pump", "overdose"}),
    # "fine now" said, then a serious sign
    ("she says she's fine now but her breathing is very slow and her lips look blue",
     {"overdose", "side-effects", "stopping"}),
])
def test_english_emergencies_in_new_words_raise_the_alarm(question: str, topics: set[str]) -> None:
    data = ask_en(question)
    assert data["emergency"] is True, question
    assert first_topic(data) in topics, (question, first_topic(data))


@pytest.mark.parametrize("question", [
    "my brother says he swallowed his baclofen to harm himself",
    "he has just told me he wants to kill himself with his tablets",
    "no point going on, i keep thinking of swallowing my entire supply tonight",
])
def test_english_self_harm_told_by_someone_else_or_planned_gets_the_crisis_answer(question: str) -> None:
    data = ask_en(question)
    assert data["emergency"] is True, question
    assert crisis(data), question


@pytest.mark.parametrize("question", [
    # another medicine's ordinary dose
    "took 500mg of paracetamol at breakfast, ok to have baclofen later?",
    "had 800 mg ibuprofen today, any problem with my baclofen tonight",
    # negated, over, a routine over a span
    "i have not taken any extra today, just asking what the maximum a day is",
    "two years ago i had suicidal thoughts but i'm fine now, is baclofen ok for me",
    "i took baclofen throughout my pregnancy, could it affect my newborn",
    # long posts with a plan or a worry
    "My wife takes her baclofen four times a day and we fly to Canada next week. The time difference is eight "
    "hours. She has never flown with it. How should we move her dose times and does she need a letter for the "
    "airport?",
    "I have been taking baclofen 20mg three times a day for two years after a stroke. My spasms are much better now "
    "and my physio thinks I could manage with less. My consultant appointment is not until spring. Could I cut down "
    "myself by taking one tablet less each week, or should I wait?",
    "Mum is 88 and was started on baclofen last month. She seems slightly more sleepy and a bit confused in the "
    "evenings, though it is mild and she is still chatting and eating well. Her GP is away. Should I worry about "
    "her age and the dose?",
])
def test_english_questions_with_emergency_words_stay_calm(question: str) -> None:
    data = ask_en(question)
    assert data["emergency"] is False, question
    assert not crisis(data), question


@pytest.mark.parametrize("question", [
    "years ago my cat ate one of my tablets and was fine after, where should i store them now",
    "my dog did not eat any of my tablets, he only sniffed the box, where do i keep them",
])
def test_an_animal_that_did_not_eat_it_or_did_long_ago_gets_the_vet_line_without_the_alarm(question: str) -> None:
    data = ask_en(question)
    assert data["emergency"] is False, question
    assert vet_line(data), question


def test_an_animal_eating_it_now_is_still_an_emergency() -> None:
    data = ask_en("the puppy has just chewed up two of my baclofen")
    assert data["emergency"] is True
    assert vet_line(data)


@pytest.mark.parametrize(("question", "topics"), [
    ("mi sobrino de 4 años engulló unas pastillas de baclofeno que encontró en la mesa", {"overdose"}),
    ("el nene se zampó varias pastillas de su abuelo", {"overdose"}),
    ("en la farmacia no lo tenían y llevo dos dias sin baclofeno, tengo fiebre y tiemblo mucho",
     {"stopping", "side-effects"}),
    ("no me surtieron la receta, voy para cuatro días sin el baclofeno y ahora veo cosas y tengo escalofríos",
     {"stopping"}),
    ("después de que le rellenaron la bomba no puede sostener la cabeza", {"pump", "overdose"}),
    ("dice que ya esta bien pero respira muy despacio y arrastra las palabras",
     {"overdose", "side-effects", "stopping"}),
])
def test_spanish_emergencies_in_new_words_raise_the_alarm(question: str, topics: set[str]) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, question
    assert first_topic(data) in topics, (question, first_topic(data))


@pytest.mark.parametrize("question", [
    "mi pareja me confesó que se tragó el baclofeno para hacerse daño",
    "mi hermano me escribió que se tomó todas sus pastillas para lastimarse",
])
def test_spanish_self_harm_told_by_someone_else_gets_the_crisis_answer(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, question
    assert crisis(data, "es"), question


@pytest.mark.parametrize("question", [
    # another medicine's ordinary dose, or taken "mientras" (while) this one
    "tomo 1 mg de lorazepam por la noche, puedo tomar baclofeno?",
    "tomo 600 mg de ibuprofeno para la rodilla, lo puedo juntar con el baclofeno?",
    "es seguro el tramadol mientras tomo baclofeno",
    # over, supposed
    "hace mucho tiempo pensé en suicidarme, ahora estoy bien, hay problema con el baclofeno?",
    "que pasaria si mi hijo se comiera el blister entero",
    "que pasaria si mi madre se tomara todas las pastillas de golpe",
    # choking on pills is swallowing; doubling to make up is asked; "siempre uso" is a habit
    "me atraganto con las pastillas de baclofeno, las puedo disolver en agua?",
    "ayer se me olvido una dosis, hoy tomo el doble para compensar?",
    "siempre uso el vasito medidor que viene en la caja, esta bien?",
    # "me hace daño" (it upsets me) is no "hacerse daño"
    "tengo el estómago delicado, me hace daño el baclofeno en ayunas?",
])
def test_spanish_questions_with_emergency_words_stay_calm(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is False, question
    assert not crisis(data, "es"), question


def test_spanish_an_animal_that_did_not_eat_it_gets_no_alarm() -> None:
    data = ask_es("el perro no se ha comido ninguna pastilla, solo olió la caja, dónde las guardo")
    assert data["emergency"] is False
    assert vet_line(data, "es")
