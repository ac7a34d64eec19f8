"""`baclofen ask`, the classes of issue 14 (session 3), through the real CLI: the dev set
tests/ask_classes_v6.yaml (written before this round's tuning; its figure before tuning is in its
header) and one test per class, in words other than the sets'."""

from __future__ import annotations

import re

import pytest
import yaml
from ask_cli import ask_json, first_topic
from test_ask_second_pass import _measure

from conftest import DATA_FILE, run_cli

# The heading of the file's section for an animal that ate the medicine.
PET_HEADING = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["ask"]["pet_heading"]


def test_the_v6_class_set_meets_the_bar() -> None:
    figures = _measure("ask_classes_v6")
    n = figures["n"]
    print(f"\nask_classes_v6: top-1 {n - len(figures['wrong'])}/{n}; {figures}")
    assert figures["missed"] == [] and figures["alarms"] == [] and figures["answered"] == []
    # Pet questions get the file's vet message and no ranked topic, by design.
    wrong = [q for q, got in figures["wrong"] if got != "pet"]
    assert 1 - len(wrong) / n >= 0.95, wrong


# ---------------------------------------------------------------------------- emergencies
@pytest.mark.parametrize(
    "question",
    [
        # ingestion verbs other than "took", and their typos
        "my grandson gobbled some of my baclofen",
        "she wolfed down a strip of her tablets",
        "toddler chewd a few of nannas pills",
        "he swallowd 9 of his baclofen",
        "my sister gulped the rest of the bottle of baclofen",
        "mum emptied her pill box in one go",
        "dad has opened a new packet and had the lot",
        # an amount well over the file's day maximum, in one go or said to be taken
        "i took 450 mg of baclofen",
        "is 220mg in one go too much? already done it",
        "gave him 120mg instead of 12mg",
        # a second dose by mistake, in words
        "the nurse gave it him as well, he had already had it",
        "my wife took her night tablets a second time by mistake",
        "i think i doubled my baclofen tonight",
        "i took my baclofen 2 times, i cant remember taking it the first time",
        "she has been taking double doses all week by mistake",
        "he took 5 times his usual dose",
        "she has swallowed a lot more than prescribed",
        # a measuring mix-up, or signs the guide lists after a dose
        "used a kitchen spoon for her liquid and now she is limp",
        "after his baclofen he is very drowsy and being sick",
        "he wont respond after his tablets",
    ],
)
def test_an_overdose_in_other_words_is_an_emergency_answered_from_the_overdose_topic(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True, data
    assert first_topic(data) == "overdose", data
    assert data["results"][0]["kind"] == "emergency"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("missed 4 days of tablets and now she is hallucinating", {"stopping"}),
        ("no pills since friday and he is very confused", {"stopping"}),
        ("pump alarm and now she is itchy and has a fever", {"pump", "stopping"}),
        ("t6 para, missed my baclofen, sudden headache above my injury", {"stopping", "pump", "precautions"}),
    ],
)
def test_withdrawal_and_dysreflexia_signs_are_emergencies_from_the_right_topic(runner, question: str,  # noqa: ANN001
                                                                               topic: set[str]) -> None:
    data = ask_json(runner, question)
    assert data["emergency"] is True, data
    assert first_topic(data) in topic, data


@pytest.mark.parametrize(
    "question",
    ["whats a deadly dose of baclofen", "i want to overdose", "im going to take all my tablets tonight",
     "how many would kill a person"],
)
def test_self_harm_is_always_an_emergency_with_crisis_help_first(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True
    assert data["notices"][0]["kind"] == "emergency" and "crisis line" in data["notices"][0]["text"]
    # Never the dose numbers: only the "what to do now" section.
    assert all(r["kind"] == "emergency" for r in data["results"])


def test_an_animal_that_ate_tablets_gets_the_vet_line_as_an_emergency(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, "our spaniel chewed up my baclofen")
    assert data["emergency"] is True
    assert [r["section"] for r in data["results"]] == [PET_HEADING]  # the animal's section only
    assert "vet" in data["notices"][0]["text"]


def test_the_day_maximum_comes_from_the_knowledge_file() -> None:
    """The amount that is too much at once is the largest "N mg a day" the topics give."""
    from baclofen_cli.core.loader import parse_and_validate
    from baclofen_cli.features.ask.index import build_index

    text = DATA_FILE.read_text(encoding="utf-8")
    phrases = yaml.safe_load(text)["ask"]["daily_amount_phrases"]
    amounts = [int(m.group(1)) for p in phrases for m in re.finditer(rf"(\d+) {re.escape(p)}", text)]
    index = build_index(parse_and_validate(DATA_FILE.read_bytes(), str(DATA_FILE)))
    assert index.day_maximum == ["mg", max(amounts)]


# ---------------------------------------------------------------------------- no false alarm
@pytest.mark.parametrize(
    "question",
    [
        # puzzled, not confused
        "bit confused about when to take the second dose",
        # a long-standing condition listed with others
        "she has ms, asthma and seizures, is baclofen ok",
        # a past event that is over
        "last week his dose was given twice by the carers but he was fine, who do we tell",
        "a few years ago i overdosed on it, how do i make sure it never happens again",
        # routine and the prescriber's own change
        "i had my tablets again at teatime as usual",
        "my neurologist doubled my dose last month",
        # not negated by "not had"
        "he has not had a seizure since starting it",
    ],
)
def test_no_false_alarm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is False


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how would i know if his pump has stopped working", "pump"),
        ("what does baclofen poisoning look like", "overdose"),
        ("how do i tell if someone has taken too much", "overdose"),
    ],
)
def test_a_question_about_an_emergency_leads_with_its_signs_without_the_alarm(runner, question: str,  # noqa: ANN001
                                                                              topic: str) -> None:
    data = ask_json(runner, question)
    assert data["emergency"] is False and data["caution"] is True, data
    assert first_topic(data) == topic
    assert data["results"][0]["kind"] == "emergency"


def test_the_caution_answer_shows_the_signs_and_numbers_but_no_alarm_label() -> None:
    result = run_cli(["ask", "what does an overdose look like"], env={"NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("If this is happening now:")
    assert "!! EMERGENCY" not in result.stdout and "!! GET HELP NOW" not in result.stdout


# ---------------------------------------------------------------------------- out of scope
@pytest.mark.parametrize(
    ("question", "listed"),
    [
        ("hydrocodone max dose per day", "hydrocodone"),
        ("what is duloxetine used for", "duloxetine"),
        ("what is lorazepam", "lorazepam"),
        ("can i take 3 tramadol tonight", "tramadol"),
        ("how much turmeric should i take", None),
        ("zorvalex dosage", None),
    ],
)
def test_another_medicines_dose_or_use_gets_no_baclofen_content(runner, question: str,  # noqa: ANN001
                                                                listed: str | None) -> None:
    data = ask_json(runner, question)
    assert data["results"] == [] and data["emergency"] is False, data
    assert data["notices"] and "This guide is about baclofen" in data["notices"][0]["text"]
    text = run_cli(["ask", question], env={"NO_COLOR": "1"}).stdout
    if listed:
        assert f"baclofen interactions {listed}" in text
    else:
        assert "baclofen interactions" not in text


def test_a_pets_own_medicine_question_gets_no_human_answer(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, "how much gabapentin can my cat have")
    assert data["results"] == [] and data["emergency"] is False
    assert "vet" in data["notices"][0]["text"]


# ---------------------------------------------------------------------------- the right topic
@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("can stopping baclofen cause a seizure", "stopping"),
        ("withdrawal give you hallucinations?", "stopping"),
        ("had fits as a teenager, is baclofen ok for me", "precautions"),
        ("been on it two months for my ms and the stiffness is better, sleep is better too, work is fine. "
         "had a couple of glasses of wine at a wedding and felt odd. is it safe to drink on it??", "interactions"),
        ("who invented baclofen", "overview"),
        ("can i stay on baclofen for years", "common-questions"),
    ],
)
def test_the_question_outweighs_a_phrase_or_the_background(runner, question: str, topic: str) -> None:  # noqa: ANN001
    assert first_topic(ask_json(runner, question)) == topic


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        ("fever", {"stopping", "pump", "side-effects"}), ("dizzy", {"side-effects"}), ("drowsy", {"side-effects"}),
        ("sleepy", {"side-effects"}), ("kidney", {"precautions", "dosing"}), ("withdrawal", {"stopping"}),
        ("hallucinations", {"side-effects", "stopping"}), ("constipation", {"side-effects"}),
        ("driving", {"precautions", "side-effects"}), ("refill", {"pump"}), ("tired", {"side-effects"}),
        ("itching", {"pump", "side-effects"}), ("pregnant", {"pregnancy"}), ("alcohol", {"interactions"}),
        ("grapefruit", {"common-questions"}), ("nauseus", {"side-effects"}), ("putting on weight",
                                                                             {"common-questions", "side-effects"}),
        ("grapefruit juice ok", {"common-questions"}), ("can i drive", {"precautions", "side-effects"}),
        ("weakness", {"side-effects"}), ("price", {"common-questions"}),
    ],
)
def test_one_and_two_word_questions_get_their_topic(runner, question: str, topics: set[str]) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert first_topic(data) in topics, data
    assert data["emergency"] is False


def test_json_results_keep_their_kind(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, "fever")
    assert {"topic", "section", "kind", "score", "text"} <= set(data["results"][0])
    assert {r["kind"] for r in data["results"]} <= {"info", "warning", "emergency"}
