"""`baclofen --lang es ask`: the Spanish words of the reading rules `already`, `present`,
`perfect`, `yes_no_openers`, `prescribers` and `mistakes` (lang/es_ask.yaml), and the one left
to English on purpose (`routine`), through the real command line (tests/conftest.py run_cli).
The questions are worded afresh: none is in a Spanish question set."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli


def ask_es(question: str) -> dict:
    result = run_cli(["--lang", "es", "ask", "--json", question])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "question",
    [
        "es peligroso tomar 200 mg de golpe? ya lo hice",  # already: "ya", in another sentence
        "llevo 260 mg desde la manana",  # already: "llevo" (so far I have had) an amount over the day's most
    ],
)
def test_an_amount_the_message_says_was_taken_raises_the_overdose_alarm(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True, data
    assert data["results"][0]["topic"] == "overdose", data["results"]


def test_a_dose_someone_has_been_on_for_months_is_no_alarm() -> None:
    assert ask_es("llevo 3 meses con 40 mg")["emergency"] is False


@pytest.mark.parametrize(
    "question",
    [
        "se le acabo el baclofeno hace meses y esta con alucinaciones",  # present: "está" after "hace meses"
        "de pequeno tuvo convulsiones y sigue con convulsiones",  # present: "sigue"
    ],
)
def test_a_sign_said_in_the_present_after_a_phrase_of_the_past_is_now(question: str) -> None:
    assert ask_es(question)["emergency"] is True


def test_a_perfect_after_a_phrase_of_the_past_stays_in_the_past() -> None:
    # perfect: "ha tenido" is not "ha" (present) + a sign happening now.
    assert ask_es("el ano pasado ha tenido convulsiones, puede tomar baclofeno")["emergency"] is False


@pytest.mark.parametrize(("question", "topic"), [("se puede congelar?", "storage"),
                                                  ("hay generico?", "common-questions")])
def test_a_yes_or_no_question_with_one_word_of_the_file_is_answered(question: str, topic: str) -> None:
    data = ask_es(question)
    assert data["results"] and data["results"][0]["topic"] == topic, data["results"]


@pytest.mark.parametrize("question", ["es contagioso?", "que hora es?"])
def test_a_yes_or_no_question_about_something_else_gets_no_answer(question: str) -> None:
    data = ask_es(question)
    assert data["results"] == [] and data["emergency"] is False


@pytest.mark.parametrize(
    "question",
    [
        "doctor no respira",  # a doctor spoken to, not a doctor changing a dose
        "doctora me tome 20 pastillas",
        "llame al medico y no respira",  # a doctor called
        "el medico le dio el doble por error",  # mistakes
    ],
)
def test_a_doctor_named_next_to_an_emergency_never_hides_it(question: str) -> None:
    # prescribers is empty in Spanish: the rule looks only at the two words before a sign, and
    # "doctor" there is as often someone spoken to or called as someone who changed the dose.
    assert ask_es(question)["emergency"] is True


def test_a_routine_phrase_in_the_sentence_never_hides_an_emergency() -> None:
    # routine is left to English ("as usual"): a Spanish "como siempre" would make the whole
    # clause a routine dose, breathing trouble included.
    assert ask_es("tome mi dosis como siempre y ahora no puedo respirar")["emergency"] is True
