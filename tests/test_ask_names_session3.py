"""Classes found by the session-3 held-out sets (measured once, then fixed as classes; the sets
stay in tests/ as known sets): counts in words, a whole pack or supply taken, a child who finished
the bottle, "now and then", a year in the past, clear hypotheticals, a drug name that reads as a
common word of the language, plural measures of a drink, a household product named after a drug."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli


def _ask(question: str, *lang: str) -> dict:
    result = run_cli([*lang, "ask", "--json", question])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _top(answer: dict) -> str | None:
    return answer["results"][0]["topic"] if answer["results"] else None


@pytest.mark.parametrize(("question", "lang"), [
    ("she necked about fifteen of her baclofen an hour ago", ()),
    ("i took eight tablets by mistake", ()),
    ("my dad took the whole packet of baclofen", ()),
    ("my partner drank the whole bottle of baclofen liquid", ()),
    ("my sister went through a whole supply of baclofen in one night", ()),
    ("the baby finished the bottle of syrup while i was on the phone", ()),
    # a prescriber spoken to, not the one who changed the dose
    ("doctor i took 20 pills", ()),
    ("doctor he took 20 of his tablets", ()),
    # the same classes in Spanish, and self-harm in a reflexive infinitive
    ("mi hijo se tomó doce pastillas de baclofeno", ("--lang", "es")),
    ("le di el jarabe con una cucharada y ahora la niña esta como un trapo", ("--lang", "es")),
    ("cuantas pastillas de baclofeno hacen falta para matarse", ("--lang", "es")),
])
def test_a_whole_pack_a_count_in_words_or_a_call_to_the_doctor_is_an_emergency(
        question: str, lang: tuple[str, ...]) -> None:
    answer = _ask(question, *lang)
    assert answer["emergency"] is True
    assert _top(answer) == "overdose"


@pytest.mark.parametrize("question", [
    "i took my dose as usual and now i cant breathe",
    "he took his dose as usual and now he is having a seizure",
])
def test_a_routine_dose_then_a_sign_now_is_an_emergency(question: str) -> None:
    assert _ask(question)["emergency"] is True


@pytest.mark.parametrize("question", [
    "my daughter has epilepsy and gets seizures now and then, can she take baclofen",
    "in 2019 i had a seizure after my pump ran dry, how do i stop it happening again",
    "if i ever took too much baclofen what would happen",
    "had the whole bottle of wine last night, can i take baclofen today",
    "i have a whole box left, can i take it on holiday",
    "i had my evening dose again at 9pm as usual",
    "my doctor doubled my dose last week",
])
def test_how_often_the_past_and_a_supposed_event_are_no_alarm(question: str) -> None:
    assert _ask(question)["emergency"] is False


def test_a_supposed_overdose_still_leads_with_the_emergency_signs() -> None:
    answer = _ask("if i ever took too much baclofen what would happen")
    assert answer["caution"] is True
    assert _top(answer) == "overdose"


def test_a_drug_name_that_reads_as_a_common_word_marks_no_medicine_in_spanish() -> None:
    """"K" (ketamine) reads "que" once Spanish texting is expanded: a question with "que" is not
    about another medicine, so it still gets its topic."""
    answer = _ask("que hago si suena la alarma de la bomba", "--lang", "es")
    assert _top(answer) == "pump"


def _name(name: str) -> dict:
    result = run_cli(["interactions", "--json", name])
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["results"][0]


@pytest.mark.parametrize("name", ["couple of glasses of red", "three glasses of white"])
def test_plural_measures_of_a_drink_are_alcohol(name: str) -> None:
    result = _name(name)
    assert result["found"] is True and {m["drug"] for m in result["matches"]} == {"alcohol"}


@pytest.mark.parametrize("name", ["lithium battery", "lithium-ion"])
def test_a_household_product_named_after_a_drug_is_not_found(name: str) -> None:
    result = _name(name)
    assert result["found"] is False and result["matches"] == []



@pytest.mark.parametrize("question", [
    "mi hija tiene epilepsia y convulsiones de vez en cuando, puede tomar baclofeno",
    "puedo usar una cuchara para el jarabe",
])
def test_spanish_how_often_and_a_how_to_question_are_no_alarm(question: str) -> None:
    assert _ask(question, "--lang", "es")["emergency"] is False
