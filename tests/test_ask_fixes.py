"""`baclofen ask` after the fresh-eyes user test and the clinical review: each class of question
they found answered wrongly, through the real CLI (CliRunner, and a real subprocess for a few),
asserting on the tool's own words taken from the knowledge file."""

from __future__ import annotations

import json
import re

import pytest

from conftest import DATA_FILE, invoke, read_yaml, run_cli

DATA = read_yaml(DATA_FILE)
CRISIS = DATA["ask"]["crisis_message"]["text"]
MAJOR_VERDICT = DATA["interactions"]["verdicts"]["major"]["text"]
UNKNOWN_DRUG = DATA["interactions"]["unknown_drug"]["text"]
# A dose amount anywhere in an answer ("10 mg", "5mg/5ml", "80 milligrams").
DOSE_AMOUNT = re.compile(r"\d+(\.\d+)?\s*(mg|milligram|mcg|microgram|ml)\b", re.IGNORECASE)


def ask_json(runner, question: str, *extra: str) -> dict:  # noqa: ANN001
    result = invoke(runner, ["ask", "--json", *extra, question])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def ask_text(runner, question: str, *extra: str) -> str:  # noqa: ANN001
    result = invoke(runner, ["ask", *extra, question])
    assert result.exit_code == 0, result.output
    return result.stdout


def heading_of(data: dict, n: int = 0) -> tuple[str, str] | None:
    results = data["results"]
    return (results[n]["topic"], results[n]["section"]) if len(results) > n else None


def section_heading(topic: str, words: str) -> str:
    """The heading of the topic's section that contains `words` (read from the file, not copied)."""
    headings = [s["heading"] for t in DATA["topics"] if t["id"] == topic for s in t["sections"]]
    found = [h for h in headings if words.lower() in h.lower()]
    assert len(found) == 1, (topic, words, headings)
    return found[0]


# ---------------------------------------------------------------------------- 1. self-harm
SELF_HARM = [
    "i want to kill myself",
    "i want to end it all",
    "i dont want to be here anymore",
    "suicide",
    "self harm",
    "overdose on purpose",
    "I want to die",
    "i want to hurt myself",
    "i might take the whole bottle",
    "thinking of taking all my pills at once",
    "how many baclofen would it take to kill me",
    "how many would be fatal",
    "lethal dose of baclofen",
    "how much would be lethal",
]


@pytest.mark.parametrize("question", SELF_HARM)
def test_self_harm_leads_with_crisis_help_and_never_a_dose(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True
    assert data["notices"][0]["kind"] == "emergency" and data["notices"][0]["text"] == CRISIS
    said = " ".join([n["text"] for n in data["notices"]] + [p for r in data["results"] for p in r["text"]])
    assert not DOSE_AMOUNT.search(said), said
    text = ask_text(runner, question, "--region", "uk")
    assert text.index("116 123") < text.index("Best match") if "Best match" in text else "116 123" in text
    assert not DOSE_AMOUNT.search(text), text


@pytest.mark.parametrize("question", ["can i take all my tablets at once in the morning", "my back is killing me"])
def test_everyday_words_near_self_harm_phrases_raise_no_crisis(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert CRISIS not in [n["text"] for n in data["notices"]]
    assert data["emergency"] is False


@pytest.mark.parametrize(
    ("typed", "never"),
    [("kill", "will"), ("great", "treat"), ("could", "cold"), ("world", "would"), ("house", "horse")],
)
def test_the_spelling_fixer_never_turns_a_real_word_into_another(runner, typed: str, never: str) -> None:  # noqa: ANN001
    text = ask_text(runner, f"i feel {typed}")
    assert f'I read "{typed}" as' not in text
    assert typed in DATA["ask"]["plain_words"] or typed in " ".join(DATA["ask"]["self_harm_phrasings"])


def test_a_real_typo_is_still_corrected(runner) -> None:  # noqa: ANN001
    assert 'I read "tabelts" as "tablets"' in ask_text(runner, "can i crush the tabelts")


# ---------------------------------------------------------------------------- 2. happening now
@pytest.mark.parametrize(
    "question",
    [
        "my child drank some of my baclofen liquid",
        "child drank the wrong liquid strength",
        "my kid drank the 10mg/5ml instead of the 5mg/5ml",
        "he swallowed a bunch of pills",
        "i have chest pain",
        "i feel faint",
        "pounding headache and sweating, i have a spinal cord injury",
        "gave him 10ml instead of 1ml",
    ],
)
def test_happening_now_is_an_emergency_first(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True
    assert data["results"] and data["results"][0]["kind"] == "emergency"
    assert ask_text(runner, question).startswith("!!")


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("my husband took his baclofen and 3 of my oxycodone", "oxycodone"),
        ("took baclofen with xanax, feel very sleepy", "xanax"),
    ],
)
def test_taken_with_a_major_group_is_an_emergency_that_points_to_the_check(runner, question, name) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True
    assert MAJOR_VERDICT in [n["text"] for n in data["notices"]]
    text = ask_text(runner, question)
    assert text.startswith("!!") and f"baclofen interactions {name}" in text


def test_alcohol_alone_with_a_dose_is_warned_about_but_no_alarm(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, "i had a beer and took my baclofen")
    assert data["emergency"] is False
    assert MAJOR_VERDICT in [n["text"] for n in data["notices"]]


# ---------------------------------------------------------------------------- 3. dose changes
@pytest.mark.parametrize(
    "question",
    ["should i take 20mg instead of 10", "my spasms are worse can i take more",
     "can i take 2 tonight cos my back is killing me", "how much baclofen for a 10 year old"],
)
def test_dose_change_questions_lead_with_the_rule_not_the_numbers(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    rule = DATA["ask"]["lead_sections"]["dosing"]
    assert heading_of(data) == ("dosing", rule)
    assert data["emergency"] is False
    text = ask_text(runner, question)
    assert "Never change your dose on your own" in text
    first_number = DOSE_AMOUNT.search(text)
    assert first_number is None or text.index(rule) < first_number.start()


# ---------------------------------------------------------------------------- 4. ran out
@pytest.mark.parametrize(
    "question", ["I ran out this morning", "he ran out of pills 2 days ago", "we ran out of tablets", "i ran out of tablets"]
)
def test_ran_out_gets_the_run_out_section_with_the_uk_emergency_supply(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question, "--region", "uk")
    assert heading_of(data) == ("missed-dose", section_heading("missed-dose", "run out"))
    assert any("emergency supply" in p for p in data["results"][0]["text"])


def test_ran_out_with_withdrawal_signs_is_still_the_withdrawal_emergency(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, "he ran out 3 days ago and now he is seeing things")
    assert data["emergency"] is True and data["results"][0]["topic"] == "stopping"


# ---------------------------------------------------------------------------- 5-6. vomiting, naloxone, MRI
@pytest.mark.parametrize(
    ("question", "topic", "words"),
    [
        # "keeps" and "keep" weigh towards storage in the learnt prior.
        pytest.param("he keeps vomiting and cant keep his tablets down", "administration", "vomit",
                     marks=pytest.mark.xfail(strict=True, reason="topic model (session 9): the learnt prior outweighs the rules here; known regression, see README \"The topic model\"")),
        ("i threw up after my dose", "administration", "vomit"),
        ("will narcan work", "overdose", "naloxone"),
        ("should i give naloxone", "overdose", "naloxone"),
        ("does narcan work on baclofen overdose", "overdose", "naloxone"),
        ("can he have an MRI with his pump", "pump", "scan"),
        ("kidney", "precautions", "kidneys"),
    ],
)
def test_the_section_that_answers_comes_first(runner, question: str, topic: str, words: str) -> None:  # noqa: ANN001
    assert heading_of(ask_json(runner, question)) == (topic, section_heading(topic, words))


def test_vomiting_gets_the_adult_rule(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, "i threw up after my dose")
    said = " ".join(data["results"][0]["text"]).lower()
    assert "do not take another dose" in said


# ---------------------------------------------------------------------------- 7. combinations
@pytest.mark.parametrize("question", ["can i take xanax with it", "can i take it with my percocet", "xanax and beer"])
def test_a_major_combination_leads_with_its_verdict(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["notices"] and data["notices"][0]["text"] == MAJOR_VERDICT
    text = ask_text(runner, question)
    assert text.index("Serious") < text.index("baclofen interactions")


def test_two_names_point_to_the_one_check_of_both(runner) -> None:  # noqa: ANN001
    assert "baclofen interactions xanax beer" in ask_text(runner, "xanax and beer")


def test_an_unknown_medicine_gets_the_not_in_this_guide_line(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, "can i take florbitrex with baclofen")
    assert UNKNOWN_DRUG in [n["text"] for n in data["notices"]]
    assert "safe" not in " ".join(p for r in data["results"] for p in r["text"]).lower().replace("not mean it is safe", "")


def test_the_fixes_hold_in_a_real_subprocess() -> None:
    result = run_cli(["ask", "--json", "--region", "uk", "i dont want to be here anymore"])
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["emergency"] is True and data["notices"][0]["text"] == CRISIS
    result = run_cli(["ask", "can i take xanax with it"])
    assert result.returncode == 0 and "Serious" in result.stdout.split("\n")[0]
