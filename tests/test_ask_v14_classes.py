"""Classes the session-9 held-out sets (tests/ask_holdout_v14.yaml, tests/ask_es_holdout_v10.yaml)
showed, measured once before these fixes, each checked here with written forms of its own: self-harm
said without the words of death ("done with it all", "nothing to live for"), Spanish colloquial
verbs of drinking something down ("se pimpló el frasco"), and a question of how it is taken beside a
sedative ("can baclofen be taken too": `passive_before`), which is no dose taken."""

from __future__ import annotations

import pytest
from ask_cli import ask_es, ask_json


@pytest.mark.parametrize("question", [
    "i'm done with it all, my baclofen box is right here",
    "honestly nothing to live for now, i have 3 months of baclofen",
    "i am done with life and i have a full pot of my tablets",
    "going to say goodbye to everyone tonight, got my baclofen saved",
])
def test_self_harm_said_without_the_words_of_death_gets_crisis_help(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True
    assert "crisis line" in data["notices"][0]["text"]
    # Crisis help, never the dose numbers.
    assert all(r["kind"] == "emergency" for r in data["results"])


@pytest.mark.parametrize("question", [
    "is there no way out of taking baclofen forever",
    "what should i do with the baclofen once i am done with the course",
])
def test_the_same_words_in_an_everyday_question_stay_calm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is False


@pytest.mark.parametrize("question", [
    "mi hijo se pimpló el jarabe de baclofeno entero y no se despierta",
    "mi padre se atizó la caja de baclofeno y esta muy dormido",
])
def test_a_spanish_word_for_drinking_it_down_is_an_overdose(question: str) -> None:
    data = ask_es(question)
    assert data["emergency"] is True
    assert data["results"][0]["topic"] == "overdose"


def test_a_spanish_nothing_to_live_for_gets_crisis_help() -> None:
    data = ask_es("ya no me queda nada por lo que vivir, tengo todas las pastillas")
    assert data["emergency"] is True
    assert data["notices"] and "quitarse la vida" in data["notices"][0]["text"]


@pytest.mark.parametrize("question", [
    "im on lorazepam at bedtime, should baclofen be taken as well",
    "my mum uses oxycodone for her back, can baclofen be taken alongside it",
])
def test_how_it_is_taken_beside_a_sedative_is_no_alarm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is False


def test_a_sedative_taken_with_it_is_still_an_emergency(runner) -> None:  # noqa: ANN001
    assert ask_json(runner, "he has taken 6 diazepam with his baclofen")["emergency"] is True
