"""`baclofen ask`, second pass (issue 14; issue 11 items 1 and 10; issue 17 items 2 and 8):
every class of missed emergency, false alarm, out-of-scope answer, wrong topic and one-word
question, through the real CLI; the held-out set written before the work; the tuning set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from baclofen_cli.features.ask import answer as engine
from baclofen_cli.features.ask import question as ask_question
from baclofen_cli.features.ask import tokens as ask_tokens
from conftest import DATA_FILE, ask_engine, invoke, read_yaml, run_cli

TESTS = Path(__file__).resolve().parent
# The heading of the file's section for an animal that ate the medicine.
PET_HEADING = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["ask"]["pet_heading"]


def ask_json(runner, question: str, *extra: str) -> dict:  # noqa: ANN001
    result = invoke(runner, [*extra, "ask", "--json", question])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def ask_text(runner, question: str, *extra: str) -> str:  # noqa: ANN001
    result = invoke(runner, [*extra, "ask", question])
    assert result.exit_code == 0, result.output
    return result.stdout


def first_topic(data: dict) -> str | None:
    return data["results"][0]["topic"] if data["results"] else None


# ---------------------------------------------------------------------------- emergencies never missed
@pytest.mark.parametrize(
    "question",
    [
        # Taking verbs other than "took".
        "my nephew swallowed 6 of my baclofen",
        "the baby ate one of my tablets",
        "i had 10 baclofen by accident",
        "he downed all his tablets",
        "she necked the lot of her baclofen",
        "popped 8 baclofen last night",
        # An amount at or above the day's maximum the file gives.
        "took 200 mg baclofen at once",
        "i have taken 150mg of baclofen",
        # A second dose described in words.
        "took it again because he forgot",
        "i gave him his dose twice",
        # A liquid mix-up with a child now floppy or very sleepy.
        "gave my son the strong liquid by mistake and now he is floppy",
        "new bottle, gave the same ml, now my daughter is very sleepy",
        # Overdose signs the guide lists, after a dose.
        "after her dose she cant focus her eyes",
        # More ways of saying it, found while probing.
        "my dad overdid his baclofen",
        "swallowed way too many",
        "my 2 year old drank some of the baclofen liquid",
        "she swallowed the rest of the bottle",
        "teenager downed a packet of baclofen",
        "husband has swallowed about 20 of his muscle relaxers",
    ],
)
def test_overdose_described_in_other_words_raises_the_emergency(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True, data
    assert first_topic(data) == "overdose"
    assert data["results"][0]["kind"] == "emergency"


def test_the_day_maximum_comes_from_the_knowledge_file(tmp_path: Path, runner) -> None:  # noqa: ANN001
    """"took 150mg" is an overdose because the file's largest daily amount is 100 mg; a
    clinic's file that names 400 mg a day moves the threshold with it."""
    assert ask_json(runner, "i took 150mg of baclofen")["emergency"] is True
    assert ask_json(runner, "i took 20mg of baclofen")["emergency"] is False
    data = read_yaml(DATA_FILE)
    dosing = next(t for t in data["topics"] if t["id"] == "dosing")
    dosing["sections"][0]["points"].append({"text": "Some clinics allow 400 mg a day.", "sources": ["s4"]})
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert ask_json(runner, "i took 150mg of baclofen", "--data", str(path))["emergency"] is False
    assert ask_json(runner, "i took 450mg of baclofen", "--data", str(path))["emergency"] is True


def test_a_dose_that_is_only_mentioned_is_not_an_overdose(runner) -> None:  # noqa: ANN001
    for question in ("my dose is 100 mg a day, is that a lot", "had a lot of pain yesterday", "i take 20mg 3 times a day"):
        assert ask_json(runner, question)["emergency"] is False, question


# ---------------------------------------------------------------------------- self-harm
@pytest.mark.parametrize(
    "question",
    [
        "i want to kill myself",
        "i feel suicidal",
        "how many would it take to kill someone",
        "how many baclofen would kill me",
        "what is the lethal dose of baclofen",
        "i want to die",
        "thinking of taking all of them to end it",
        "i keep thinking about hurting myself",
    ],
)
def test_self_harm_raises_the_emergency_with_crisis_help_first_and_no_dose_numbers(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True
    assert data["notices"] and data["notices"][0]["kind"] == "emergency"
    assert "ending your life" in data["notices"][0]["text"]
    assert all(r["kind"] == "emergency" for r in data["results"])
    assert "dosing" not in {r["topic"] for r in data["results"]}
    text = ask_text(runner, question)
    assert text.startswith("!! EMERGENCY: If you are thinking about ending your life")
    assert text.index("ending your life") < text.index("GET HELP NOW")
    for number in ("80 mg", "100 mg", "5 mg", "mg a day"):
        assert number not in text, number


def test_not_suicidal_is_not_a_crisis(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, "im not suicidal, does baclofen cause depression")
    assert data["emergency"] is False
    assert not data["notices"]


# ---------------------------------------------------------------------------- animals
@pytest.mark.parametrize("question", ["my dog ate a baclofen tablet off the floor", "the cat chewed some of my pills",
                                      "my puppy swallowed 2 baclofen", "my cat licked a crushed tablet"])
def test_a_pet_that_ate_baclofen_is_an_emergency_for_a_vet_not_911(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is True
    # Only the file's section for an animal (what to do for a pet), none of the human ones.
    assert [(r["section"], r["kind"]) for r in data["results"]] == [(PET_HEADING, "emergency")]
    assert "vet" in data["notices"][0]["text"]
    text = ask_text(runner, question)
    assert text.startswith("!! EMERGENCY: If a pet ate baclofen, call a vet")
    for human in ("911", "999", "1-800-222-1222", "GET HELP NOW"):
        assert human not in text


@pytest.mark.parametrize("question", ["can i give my dog baclofen for his back legs", "is baclofen safe for cats",
                                      "what dose of baclofen for a horse"])
def test_a_pet_question_never_gets_the_human_uses_or_doses(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is False
    assert data["results"] == []
    assert "Never give a pet a human medicine" in data["notices"][0]["text"]


# ---------------------------------------------------------------------------- false alarms avoided
@pytest.mark.parametrize(
    "question",
    [
        "mg or mcg, confused",
        "i am confused about the dose",
        "he has autism and seizures, is baclofen ok",
        "my son has cerebral palsy and seizures, can he take baclofen",
        "years ago i had a seizure when stopping, now i want to stop again slowly",
        "last year he took too many by accident but he was fine",
        "how can i tell if the pump has stopped",
        "how will i know if my pump has run out",
        "seizures",
        "i overdid it at the gym, can i take an extra dose",
        "i ate too much at dinner, can i take baclofen",
        "had the whole bottle of wine last night, can i take baclofen today",
        "i drank my liquid dose with juice",
        "took 5 days off work because of the spasms",
        "my doctor said take my dose twice daily",
        "i had my dose again at 2pm as usual",
        "the liquid made him a bit floppy at first but hes fine now",
        "took 4 paracetamol for my headache",
        "she ate breakfast then had her tablets",
        "emergency contraception and baclofen",
        "i could kill for a good nights sleep",
        "this stiffness is killing me",
        "i had a lot of pain yesterday, should i take more",
    ],
)
def test_no_false_alarm(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is False


@pytest.mark.parametrize("question", ["how can i tell if the pump has stopped", "can baclofen cause seizures",
                                      "what happens if i have a seizure"])
def test_when_in_doubt_the_signs_lead_without_the_alarm(runner, question: str) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is False and data["caution"] is True
    text = ask_text(runner, question)
    assert text.startswith("If this is happening now: ")
    assert "GET HELP NOW" not in text
    if "Best match" in text:
        assert text.index("If this is happening now") < text.index("Best match")


# ---------------------------------------------------------------------------- typography, numbers, length
@pytest.mark.parametrize(
    "question",
    [
        "ｍｙ ｓｏｎ ｉｓ ｎｏｔ ｂｒｅａｔｈｉｎｇ",  # fullwidth letters
        "she is having a \ufb01t right now",  # the "fi" ligature of a PDF
        "he is not \x1b[31mbreathing\x1b[0m",  # escape codes
        "he is not brea\u200bthing",  # a zero-width space
        "HE TOOK TOO MANY",
    ],
)
def test_typography_never_hides_an_emergency(runner, question: str) -> None:  # noqa: ANN001
    assert ask_json(runner, question)["emergency"] is True


@pytest.mark.parametrize("question", ["emergency", "911", "what number do i call", "999"])
def test_asking_for_the_emergency_numbers_shows_them(runner, question: str) -> None:  # noqa: ANN001
    text = ask_text(runner, question)
    assert text.startswith("!! GET HELP NOW")
    assert "911" in text and "999" in text and "112" in text


def test_an_emergency_at_the_end_of_a_long_message_is_found(runner) -> None:  # noqa: ANN001
    background = "my husband has had ms for many years and the neuro put him on baclofen last spring. " * 30
    question = background + "tonight he took the whole bottle and now he is not breathing properly"
    assert len(question) > 2000
    data = ask_json(runner, question)
    assert data["emergency"] is True and data["unread"] == 0


def test_what_was_not_read_is_said_plainly(runner) -> None:  # noqa: ANN001
    question = ("i forgot my pill this morning. " * 500).strip()
    data = ask_json(runner, question)
    assert data["unread"] == len(question) - ask_question.MAX_QUERY_CHARS > 0
    text = " ".join(ask_text(runner, question).split())
    assert f"Only the first {ask_question.MAX_QUERY_CHARS:,} characters were read" in text
    assert "Ask about the rest separately" in text


def test_the_tokenizer_reads_every_script_after_nfkc() -> None:
    assert ask_tokens.words_of("¿Puedo tomar náuseas?") == ["puedo", "tomar", "nauseas", "?"]
    assert ask_tokens.words_of("ＦＩＴ \ufb01t ǅ") == ["fit", "fit", "dz"]
    assert ask_tokens.words_of("Кошка ела таблетки") == ["кошка", "ела", "таблетки"]
    assert ask_tokens.words_of("\x1b]0;title\x07he\x1b[1m fits") == ["he", "fits"]


# ---------------------------------------------------------------------------- out of scope
@pytest.mark.parametrize(
    ("question", "listed"),
    [
        ("oxycodone max dose per day", "oxycodone"),
        ("how much oxycodone can i take a day", "oxycodone"),
        ("ibuprofen max dose", "ibuprofen"),
        ("how much melatonin should i take", None),
        ("how many paracetamol can i take in a day", None),
        ("whats the dose of melatonin for adults", None),
    ],
)
def test_another_medicines_dose_is_never_answered_with_baclofen(runner, question: str, listed: str | None) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["results"] == [] and data["emergency"] is False
    assert data["notices"][0]["text"].startswith("This guide is about baclofen")
    text = ask_text(runner, question)
    assert "Doses - what the labels say" not in text and "80 mg" not in text
    assert "Sorry, this guide has no answer" not in text
    if listed:
        assert f"To check {listed} with this medicine: baclofen interactions {listed}" in text


def test_a_dose_question_about_baclofen_is_still_answered(runner) -> None:  # noqa: ANN001
    assert first_topic(ask_json(runner, "whats the max dose of baclofen")) == "dosing"
    assert first_topic(ask_json(runner, "can i take ibuprofen")) == "interactions"


# ---------------------------------------------------------------------------- topics
@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("withdrawal seizures", "stopping"),
        ("my legs feel fine, can i stop", "stopping"),
        ("my wife has had ms for 12 years and walks with a stick. she was started on baclofen by the neuro. "
         "we go on holiday next week. my question is how should we store it in the heat", "storage"),
    ],
)
def test_the_question_outweighs_summaries_and_background(runner, question: str, topic: str) -> None:  # noqa: ANN001
    assert first_topic(ask_json(runner, question)) == topic


def test_withdrawal_seizures_questions_reach_the_stopping_topic(runner) -> None:  # noqa: ANN001
    """Since main's side-effects topic also speaks of withdrawal, it ranks first for this one;
    the stopping topic must still be in the answer."""
    data = ask_json(runner, "does withdrawal cause seizures")
    assert "stopping" in {r["topic"] for r in data["results"]}


@pytest.mark.parametrize(
    "word",
    ["fever", "dizzy", "drowsy", "sleepy", "kidney", "withdrawal", "hallucinations", "constipation", "driving",
     "refill", "tired", "itching", "fatigue", "nauseous", "dry mouth", "pump refill", "wine"],
)
def test_one_and_two_word_questions_are_answered(runner, word: str) -> None:  # noqa: ANN001
    data = ask_json(runner, word)
    assert data["results"], word


def test_one_word_that_is_not_the_guides_is_still_turned_down(runner) -> None:  # noqa: ANN001
    for word in ("football", "xkcdq", "bread"):
        assert ask_json(runner, word)["results"] == [], word


# ---------------------------------------------------------------------------- labels
def test_warnings_keep_their_label_in_text_and_json(runner) -> None:  # noqa: ANN001
    data = ask_json(runner, "i missed several doses")
    warnings = [r["section"] for r in data["results"] if r["kind"] == "warning"]
    assert warnings, data
    assert f"WARNING: {warnings[0]}" in ask_text(runner, "i missed several doses")
    colour = run_cli(["--color", "ask", "i missed several doses"])
    assert f"WARNING: {warnings[0]}" in colour.stdout


# ---------------------------------------------------------------------------- the sets
def _measure(name: str) -> dict:
    kb, index = ask_engine(DATA_FILE)
    data = read_yaml(TESTS / f"{name}.yaml")
    items = data["phrasings"]
    answers = [engine.answer(kb, index, i["q"]) for i in items]
    out = [engine.answer(kb, index, q) for q in data["out_of_scope"]]

    def wanted(item: dict) -> list[str]:
        return item["topic"] if isinstance(item["topic"], list) else [item["topic"]]

    return {
        "n": len(items),
        "wrong": [(i["q"], a.results[0]["topic"] if a.results else a.reason or None)
                  for i, a in zip(items, answers) if not a.results or a.results[0]["topic"] not in wanted(i)],
        "pets_routed": [i["q"] for i, a in zip(items, answers) if a.reason == "pet"],
        "missed": [i["q"] for i, a in zip(items, answers) if i["emergency"] and not a.emergency],
        "alarms": [i["q"] for i, a in zip(items, answers) if a.emergency and not i["emergency"]]
        + [q for q, a in zip(data["out_of_scope"], out) if a.emergency],
        "answered": [q for q, a in zip(data["out_of_scope"], out) if a.results],
    }


def test_the_tuning_set_has_no_missed_emergency_false_alarm_or_out_of_scope_answer() -> None:
    figures = _measure("ask_second_pass")
    print(f"\nask_second_pass: {figures}")
    assert figures["missed"] == [] and figures["alarms"] == [] and figures["answered"] == []
    assert 1 - len(figures["wrong"]) / figures["n"] >= 0.80


@pytest.mark.parametrize("name", ["ask_holdout_v2", "ask_holdout_v3"])
def test_later_holdout_sets_have_no_missed_emergency_or_false_alarm(name: str) -> None:
    """v2 was written before the second pass and v3 after v2 was measured; each was measured
    once (figures in the README), then the classes of emergency they showed missed were fixed,
    so both now guard those fixes. Top-1 is printed, not tuned on."""
    figures = _measure(name)
    n = figures["n"]
    print(f"\n{name}: top-1 {n - len(figures['wrong'])}/{n}; {figures}")
    assert figures["missed"] == []
    assert figures["alarms"] == []
