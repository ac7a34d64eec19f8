"""Clinical-review fixes in the non-emergency topics, the Common questions topic and the quiz,
checked through the real CLI (`TOPIC --json`, `--region`, `quiz --json`).

Register IDs are from ../shared/review/clinical-review.md; R1-R13 are the one-action rules in
CONTRACTS.md. Each test fails if the fix it names is undone.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import invoke, run_cli

# Content lints of the shipped knowledge file: `pytest -m content` runs only these.
pytestmark = pytest.mark.content

MY_TOPICS = ["overview", "uses", "how-it-works", "side-effects", "interactions", "precautions", "pregnancy",
             "storage", "common-questions"]


def topic(runner, topic_id: str, *global_args: str) -> dict:
    # `interactions` is also the name checker, so every topic is read through `show`.
    result = invoke(runner, [*global_args, "show", topic_id, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def points(view: dict, tier: str | None = None) -> list[str]:
    return [p["text"] for s in view["sections"] if tier is None or s["tier"] == tier for p in s["points"]]


def all_text(view: dict) -> str:
    parts = [view["title"], view["summary"], *(a["text"] for a in view["actions"])]
    parts += [s["heading"] for s in view["sections"]] + points(view)
    if view.get("talk_to_doctor"):
        parts.append(view["talk_to_doctor"]["text"])
    return " ".join(parts)


SELF_HARM = re.compile(r"harm(ing)? yourself|killing yourself|ending your life|suicid", re.IGNORECASE)


# --------------------------------------------------------------------------- C1 / R9


def test_c1_thoughts_of_self_harm_are_in_the_emergency_tier_with_crisis_help(runner) -> None:
    view = topic(runner, "side-effects")
    emergency = [p for s in view["sections"] if s["tier"] == "emergency" for p in s["points"]]
    assert any(SELF_HARM.search(p["text"]) and "get help now" in p["text"].casefold() for p in emergency)
    # Never in the "call your doctor" tier any more.
    assert not [t for t in points(view, "call-doctor") if SELF_HARM.search(t)]
    # All four regions' crisis lines when no region is chosen.
    text = " ".join(p["text"] for p in emergency)
    for number in ("988", "116 123", "112", "13 11 14"):
        assert number in text, number
    # The first steps say what to do about it, before any list.
    assert any(SELF_HARM.search(a["text"]) and "crisis line" in a["text"] for a in view["actions"])


@pytest.mark.parametrize("region, shown, hidden", [
    ("us", ["988", "911"], ["116 123", "13 11 14"]),
    ("uk", ["116 123", "999"], ["988", "13 11 14"]),
    ("au", ["13 11 14", "000"], ["988", "116 123"]),
    ("eu", ["112"], ["988", "116 123", "13 11 14"]),
])
def test_c1_crisis_numbers_follow_the_region(region: str, shown: list[str], hidden: list[str]) -> None:
    for topic_id in ("side-effects", "precautions"):
        result = run_cli(["--region", region, topic_id], env={"NO_COLOR": "1"})
        assert result.returncode == 0, result.stderr
        section = result.stdout[result.stdout.index("ending your life"):]
        for number in shown:
            assert number in section, (topic_id, number)
        for number in hidden:
            assert number not in section, (topic_id, number)


def test_c1_precautions_gives_the_same_action_for_dark_thoughts(runner) -> None:
    view = topic(runner, "precautions")
    lines = [t for t in points(view) + [a["text"] for a in view["actions"]] if SELF_HARM.search(t)]
    assert lines and all("get help" in t.casefold() or "thoughts of ending" in t.casefold() for t in lines)
    assert not re.search(r"talk to your doctor.{0,40}ending your life", all_text(view), re.IGNORECASE)


# --------------------------------------------------------------------------- M1 / R7, m3 / R8


def test_m1_chest_pain_and_fainting_are_emergencies_a_pounding_heart_alone_is_not(runner) -> None:
    view = topic(runner, "side-effects")
    emergency = " ".join(points(view, "emergency")).casefold()
    assert "chest pain" in emergency and "fainting" in emergency
    doctor = points(view, "call-doctor")
    pounding = [t for t in doctor if "pounding" in t]
    assert pounding and all("no chest pain" in t and "no fainting" in t for t in pounding)
    for text in doctor:
        if "chest pain" in text or "faint" in text:
            assert "no chest pain" in text and "no fainting" in text, text


def test_m3_seizure_tiers_follow_r8(runner) -> None:
    view = topic(runner, "side-effects")
    emergency = " ".join(points(view, "emergency"))
    for phrase in ("first seizure", "more than 5 minutes", "one after another", "does not have epilepsy"):
        assert phrase in emergency, phrase
    doctor = [t for t in points(view, "call-doctor") if "seizure" in t]
    assert doctor == ["More seizures than usual, if you have epilepsy (a condition that causes seizures)."]


# --------------------------------------------------------------------------- R1 in side-effects, pump terms


def test_r1_pump_early_signs_in_side_effects_call_the_pump_team_then_escalate(runner) -> None:
    view = topic(runner, "side-effects")
    pump = next(s for s in view["sections"] if "pump" in s["heading"].casefold())
    text = " ".join(p["text"] for p in pump["points"])
    for sign in ("old stiffness", "itching with no rash", "pins and needles", "faint"):
        assert sign in text, sign
    assert "call your pump team now on their 24-hour number" in text
    assert "cannot reach them at once" in text and "call the emergency number and show your pump card" in text
    assert "much worse stiffness" in text and "feel very unwell" in text and "low blood pressure" in text
    assert "never wait and see" in text.casefold()


def test_one_term_for_the_pump_team_everywhere_in_these_topics(runner) -> None:
    for topic_id in MY_TOPICS:
        text = all_text(topic(runner, topic_id)).casefold()
        assert "pump doctor" not in text and "pump clinic" not in text, topic_id


# --------------------------------------------------------------------------- M16, M18, m21


def test_m16_autonomic_dysreflexia_signs_and_emergency_action(runner) -> None:
    view = topic(runner, "precautions")
    section = next(s for s in view["sections"] if "spinal cord injury" in s["heading"])
    text = " ".join(p["text"] for p in section["points"])
    for sign in ("pounding headache", "sweaty", "blocked nose", "slow pulse"):
        assert sign in text, sign
    assert "AD is an emergency: call your emergency number now." in text
    assert any("autonomic dysreflexia" in a["text"] and "emergency number" in a["text"] for a in view["actions"])


def test_m18_older_adults_and_kidneys_cite_beers_2023(runner) -> None:
    view = topic(runner, "precautions")
    assert any("kidney function has been checked" in a["text"] for a in view["actions"])
    beers = next(s for s in view["sources"] if s["id"] == "topics-ags-beers-2023")
    assert beers["tier"] == "official" and beers["url"] == "https://doi.org/10.1111/jgs.18372" and beers["year"] == 2023
    older = next(s for s in view["sections"] if "older" in s["heading"])
    assert any("avoid baclofen if your kidneys are weak" in p["text"] for p in older["points"])


def test_m21_sleep_apnea_and_stroke_tolerability(runner) -> None:
    text = all_text(topic(runner, "precautions"))
    assert "sleep apnea" in text
    assert "After a stroke, people often cope less well with baclofen" in text


def test_m12_past_stomach_ulcer_is_mentioned(runner) -> None:
    assert "stomach ulcer in the past" in all_text(topic(runner, "precautions"))


# --------------------------------------------------------------------------- m1 / R6 alcohol


def test_m1_alcohol_advice_is_r6_everywhere_in_these_topics(runner) -> None:
    for topic_id in MY_TOPICS:
        text = all_text(topic(runner, topic_id)).casefold()
        assert "drink very little" not in text and "or drink very little" not in text, topic_id
    for topic_id in ("interactions", "precautions"):
        view = topic(runner, topic_id)
        text = all_text(view)
        assert "It is best not to drink alcohol with baclofen" in text
        assert re.search(r"Never (use alcohol to get through the day, and never )?drink(ing)?( alcohol)? if you also take "
                         r"opioids", text), topic_id


# --------------------------------------------------------------------------- m4, m5, m6, m7, m11, m26


def test_m4_ovarian_cysts_have_their_label_context(runner) -> None:
    text = all_text(topic(runner, "side-effects"))
    assert "about 4 in 100 women with MS" in text and "went away while the women kept taking it" in text
    assert "Rat studies" not in text


def test_m5_placebo_sleepiness_is_about_a_third_from_the_same_study(runner) -> None:
    text = all_text(topic(runner, "side-effects"))
    assert "about a third of people on a dummy pill" in text and not re.search(r"\b4 in 10\b", text)


def test_m6_review_line_says_not_to_stop(runner) -> None:
    uses = topic(runner, "uses")
    lines = points(uses)
    i = next(n for n, t in enumerate(lines) if "only a little proof" in t)
    assert lines[i + 1].startswith("Do not stop baclofen because of this")


def test_m7_unsupported_fibromyalgia_claim_is_gone(runner) -> None:
    assert "fibromyalgia" not in all_text(topic(runner, "uses")).casefold()


def test_m11_birth_wording_is_the_doctors_decision(runner) -> None:
    text = all_text(topic(runner, "pregnancy"))
    assert "Your doctor will decide whether to lower the dose before the birth." in text
    assert "say to do this before the baby is born" not in text


def test_m26_alcohol_withdrawal_cites_the_cochrane_withdrawal_review(runner) -> None:
    view = topic(runner, "uses")
    point = next(p for s in view["sections"] for p in s["points"] if "alcohol withdrawal" in p["text"])
    assert point["sources"] == ["topics-cochrane-alcohol-withdrawal"]
    source = next(s for s in view["sources"] if s["id"] == "topics-cochrane-alcohol-withdrawal")
    assert "CD008502" in source["url"] and source["tier"] == "official"


# --------------------------------------------------------------------------- 13.1, 13.7, 13.8


def test_every_topic_has_question_title_and_two_to_six_actions(runner) -> None:
    for topic_id in MY_TOPICS:
        view = topic(runner, topic_id)
        assert 2 <= len(view["actions"]) <= 6, topic_id
        assert all(a["sources"] for a in view["actions"]), topic_id
        if topic_id != "common-questions":
            assert view["title"].endswith("?"), view["title"]
        assert all(s["heading"].endswith("?") for s in view["sections"]), topic_id


def test_self_care_for_each_common_side_effect_and_when_it_stops_being_self_care(runner) -> None:
    view = topic(runner, "side-effects")
    tips = next(s for s in view["sections"] if s["heading"] == "What helps with common side effects?")
    text = " ".join(p["text"] for p in tips["points"])
    for effect in ("Sleepy or tired", "Dizzy", "Dizzy when you stand", "Feeling sick", "Constipation", "Headache"):
        assert f"{effect}:" in text, effect
    limits = next(s for s in view["sections"] if s["heading"] == "When is it more than self-care?")
    limit_text = " ".join(p["text"] for p in limits["points"])
    assert "does not go away" in limit_text and "call your emergency number now" in limit_text
    assert "Never change your dose or stop baclofen" in limit_text


def test_numbers_and_units_are_patient_friendly(runner) -> None:
    for topic_id in MY_TOPICS:
        text = all_text(topic(runner, topic_id))
        assert "%" not in text and "half-life" not in text.casefold(), topic_id
        assert not re.search(r"\d C\b", text), topic_id  # a bare "25 C": degrees need the sign and °F
        if re.search(r"\d+ °C", text):
            assert "°F" in text, topic_id
    how = all_text(topic(runner, "how-it-works"))
    assert "2.5 to 4 hours" not in how and "100 times" not in how


# --------------------------------------------------------------------------- Common questions


COMMON_QUESTIONS = ["cut or crush", "drug test", "coffee", "grapefruit", "cost", "generic", "travel or fly",
                    "memory", "hair", "gain weight", "long time", "only when I need it"]


def test_common_questions_answers_each_question_under_a_question_heading(runner) -> None:
    view = topic(runner, "common-questions")
    headings = [s["heading"] for s in view["sections"]]
    for question in COMMON_QUESTIONS:
        assert any(question in h and h.endswith("?") for h in headings), question
    by_id = {s["id"]: s for s in view["sources"]}
    for section in view["sections"]:
        for point in section["points"]:
            assert point["sources"] and all(i in by_id for i in point["sources"]), point


def test_common_questions_costs_are_region_tagged() -> None:
    us = run_cli(["--region", "us", "common-questions"], env={"NO_COLOR": "1"}).stdout
    uk = run_cli(["--region", "uk", "common-questions"], env={"NO_COLOR": "1"}).stdout
    assert "insurance" in us and "England" not in us and "prepayment" not in us
    assert "England" in uk and "prepayment certificate" in uk and "insurance" not in uk


def test_common_questions_is_a_topic_command_and_listed() -> None:
    listing = run_cli(["topics"], env={"NO_COLOR": "1"})
    assert "common-questions" in listing.stdout
    result = run_cli(["common-questions"], env={"NO_COLOR": "1"})
    assert result.returncode == 0 and "COMMON QUESTIONS ABOUT BACLOFEN" in result.stdout


# --------------------------------------------------------------------------- the quiz follows R1-R13


def quiz_items(runner) -> list[dict]:
    result = invoke(runner, ["quiz", "--json", "--count", "100", "--seed", "1"])
    return json.loads(result.stdout)["items"]


RULES = [
    # (words in the question, words the right answer must contain) — one action per situation.
    ("two-tone alarm", ["pump team now", "24-hour"]),
    ("old stiffness is coming back", ["pump team now", "24-hour", "emergency number"]),
    ("chest pain", ["emergency number now"]),
    ("does not have epilepsy has a seizure", ["emergency number now"]),
    ("thoughts of harming yourself", ["get help now", "crisis line", "emergency number"]),
    ("run out of baclofen", ["today"]),
    ("missed several doses", ["today", "do not restart"]),
    ("threw up", ["do not take another dose", "pharmacist"]),
    ("cannot be woken. You have naloxone", ["give the naloxone", "emergency number", "hospital"]),
    ("took too much", ["emergency number", "poison line", "top of the page"]),
    ("high fever and feel confused", ["emergency number now"]),
    ("dog ate", ["vet", "animal poison line"]),
    ("opioid painkiller, like codeine. Can you have an alcoholic drink", ["never drink alcohol"]),
]


@pytest.mark.parametrize("question, must", RULES, ids=[q for q, _ in RULES])
def test_quiz_answers_follow_the_one_action_rules(runner, question: str, must: list[str]) -> None:
    matches = [i for i in quiz_items(runner) if question.casefold() in i["question"].casefold()]
    assert matches, question
    for item in matches:
        answer = item["answer_text"].casefold()
        for words in must:
            assert words.casefold() in answer, (item["id"], words)


def test_no_quiz_text_uses_old_or_permissive_wording(runner) -> None:
    for item in quiz_items(runner):
        text = " ".join([item["question"], item["explanation"], *(c["text"] for c in item["choices"])])
        assert "drink very little" not in text and "pump doctor" not in text, item["id"]
        assert not re.search(r"\b911 \(US\), 999", text), item["id"]
