"""`baclofen ask`, the classes of issue 14 still failing in session 4, through the real CLI: one
test per class, in words other than the sets' (the dev set tests/ask_classes_v7.yaml was written
before this round's tuning; its figure then is in its header, and it is checked for copying by
tests/test_holdout_v4.py). And the name matcher's words: the language pack's, not Python's."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
import yaml
from ask_cli import ask_json, first_topic

from conftest import ROOT, run_cli

PACKAGE = ROOT / "baclofen_cli"


# ---------------------------------------------------------------------------- out of scope
@pytest.mark.parametrize(
    "question",
    [
        # general health, no medicine: a topic shares a word or two, but never speaks of the subject
        "what is a normal blood sugar level",
        "is 140 over 90 high blood pressure",
        "when do babies get their jabs",
        "how accurate are home pregnancy tests",
        "what is the keto diet",
        "is a temperature of 38 dangerous for a child",
        "what are the types of diabetes",
    ],
)
def test_a_general_health_question_is_out_of_scope(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["results"] == [] and data["emergency"] is False


@pytest.mark.parametrize(
    "question",
    ["i forgot to take my gabapentin", "can i take my blood pressure tablets in the morning"],
)
def test_another_medicine_s_own_use_is_sent_to_the_pharmacist(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["results"] == [] and data["emergency"] is False
    assert data["notices"] and "pharmacist" in data["notices"][0]["text"]


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # ... while a word of the guide's own still gets its answer
        # Fever is a sign of pump trouble and of stopping too fast: both topics answer it.
        ("fever", {"pump", "stopping"}),
        ("what does a fever mean with the pump", {"pump"}),
        ("i have asthma, anything i should watch for", {"precautions"}),
    ],
)
def test_a_question_in_the_guide_s_words_is_still_answered(runner, question: str, topic: set[str]) -> None:  # noqa: ANN001
    assert first_topic(ask_json(runner, question)) in topic


# ---------------------------------------------------------------------------- emergencies and false alarms
@pytest.mark.parametrize(
    "question",
    [
        "i want to cut myself",
        "would 30 tablets kill me",  # a number between the phrasing's words does not count
        "i want to take enough baclofen to not wake up",
    ],
)
def test_self_harm_is_still_the_crisis_answer(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True
    assert data["notices"] and data["notices"][0]["kind"] == "emergency"


def test_cutting_down_a_dose_is_not_self_harm(runner) -> None:  # noqa: ANN001
    """"cut down the dose myself" has the words of "cut myself", three words apart."""
    data = ask_json(runner, "can i cut down the dose myself")
    assert data["emergency"] is False and first_topic(data) == "dosing"


@pytest.mark.parametrize(
    "question",
    [
        "she had her tablets twice by mistake",
        "he got confused and took his evening baclofen three times",
        "she had too much of her baclofen",
        "my toddler has drunk the baclofen syrup",
        # an early withdrawal sign with a pump
        "my pump is due a refill and my spasms are coming back",
    ],
)
def test_a_dose_taken_again_or_too_much_or_a_pump_sign_is_an_emergency(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True and first_topic(data) in ("overdose", "pump")


@pytest.mark.parametrize(
    "question",
    [
        # "and was ..." starts a clause of its own: "twice" is not read with "had"
        "i had a cold and was sick twice after my tablet",
        # "i once ...": a past event, over
        "i once took two by mistake and was fine",
        # a long-standing condition, not a sign now
        "she has had fits since birth, is baclofen ok",
        # idioms and near misses of a dose rule
        "i had too much to drink at the wedding",
        "i took my evening dose, now what time is the next",
        # "back spasms" are not spasms coming back
        "i have a pump and get back spasms at night",
    ],
)
def test_a_past_or_other_event_is_no_alarm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is False


# ---------------------------------------------------------------------------- wrong topic
@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how long does an opened bottle of the liquid last", "storage"),
        ("flying with baclofen next week", "common-questions"),
        ("does baclofen work like lyrica", "how-it-works"),  # a brand reads as its generic
        # a long post's vague last question, read with the post around it
        ("my wife has been on baclofen for a year. she is doing well. we now want to try for a baby and she "
         "has been reading a lot online about it. she has not spoken to her doctor yet. what should she do?",
         "pregnancy"),
    ],
)
def test_the_question_s_own_subject_leads(runner, question: str, topic: str) -> None:  # noqa: ANN001
    assert first_topic(ask_json(runner, question)) == topic


# ---------------------------------------------------------------------------- the name matcher's words
def _word_lists_in(path: Path) -> list[str]:
    """Module-level names bound to a frozenset of several words written in the code."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            call = node.value
            if getattr(call.func, "id", "") == "frozenset" and call.args and not isinstance(call.args[0], ast.Name):
                text = ast.unparse(call.args[0])
                if sum(ch.isalpha() for ch in text) > 20:
                    found.append(ast.unparse(node.targets[0]))
    return found


def test_the_name_matcher_has_no_word_lists_in_python() -> None:
    folder = PACKAGE / "features" / "interactions"
    assert [(p.name, w) for p in folder.glob("*.py") for w in _word_lists_in(p)] == []
    names = yaml.safe_load((PACKAGE / "lang" / "en_ask.yaml").read_text(encoding="utf-8"))["names"]
    assert {"connectors", "filler", "units", "amounts", "product_words", "taken_as", "uses", "forms", "mixers",
            "times", "roles"} <= names.keys()


@pytest.mark.parametrize(("name", "drug"), [("mis pastillas de xanax", "alprazolam"), ("un porro", "cannabis")])
def test_the_spanish_pack_s_filler_words_are_read(name: str, drug: str) -> None:
    result = run_cli(["--lang", "es", "interactions", "--json", name])
    assert result.returncode in (0, 1), result.stderr
    found = json.loads(result.stdout)["results"][0]
    assert found["found"] is True and drug in {m["drug"] for m in found["matches"]}


# ---------------------------------------------------------------------------- the dev set
# Three of the set's plain questions are, word for word, phrasings the knowledge file has had since
# session 1 (commit 7c7930b and before): written independently, not copied, and not added since.
ALREADY_IN_THE_FILE = {"what is baclofen prescribed for", "how high can the dose go", "what are the common side effects"}


def test_the_v7_dev_set_is_well_formed_and_not_copied_into_the_knowledge_file() -> None:
    from conftest import DATA_FILE, read_yaml

    data = read_yaml(ROOT / "tests" / "ask_classes_v7.yaml")
    items = data["phrasings"]
    assert len(items) >= 120 and len(data["out_of_scope"]) >= 30 and sum(i["emergency"] for i in items) >= 25
    topics = {t["id"] for t in read_yaml(DATA_FILE)["topics"]}
    assert {t for i in items for t in (i["topic"] if isinstance(i["topic"], list) else [i["topic"]])} == topics
    hints = read_yaml(DATA_FILE)["ask"]["topic_phrasings"]
    in_file = {" ".join(p.casefold().split()) for values in hints.values() for p in values}
    copied = {" ".join(i["q"].casefold().split()) for i in items} & in_file
    assert copied == ALREADY_IN_THE_FILE
