"""Clinical safety (issue 11): each CRITICAL/MAJOR fix of the emergency content, through the real CLI.

Register IDs from ../shared/review/clinical-review.md are named in each test. The agreed rules
(R1-R13) are in ../wt/CONTRACTS.md and, as checkable data, in the knowledge file's `situations:`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import DATA_FILE, invoke, run_cli

# Content lints of the shipped knowledge file: `pytest -m content` runs only these.
pytestmark = pytest.mark.content

# The topics this module covers (the emergency block's owner's topics).
CLINICAL_TOPICS = ("administration", "dosing", "missed-dose", "stopping", "overdose", "pump")
EMERGENCY_TOPICS = ("stopping", "overdose", "pump")
REGION_NUMBERS = {
    "US": {"911", "1-800-222-1222", "988"},
    "UK": {"999", "111", "116 123"},
    "EU": {"112"},
    "AU": {"000", "13 11 26", "13 11 14"},
}
CRISIS = {"US": "988", "UK": "116 123", "AU": "13 11 14"}
EARLY_PUMP_SIGNS = ("itching without a rash", "pins and needles", "old stiffness coming back")


def topic_json(topic: str, *args: str) -> dict:
    result = run_cli([*args, topic, "--json"])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def plain(topic: str, *args: str) -> str:
    result = run_cli([*args, topic], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    return " ".join(result.stdout.split())


def statements(view: dict) -> list[str]:
    """Every sentence group a reader of this topic sees, emergency box included."""
    texts = [view["summary"], *(a["text"] for a in view["actions"])]
    texts += [p["text"] for s in view["sections"] for p in s["points"]]
    if view.get("emergency"):
        texts += [view["emergency"]["instruction"]["text"], *(s["text"] for s in view["emergency"]["signs"])]
    if view.get("talk_to_doctor"):
        texts.append(view["talk_to_doctor"]["text"])
    return texts


def source_tiers() -> dict[str, str]:
    result = run_cli(["sources", "--json"])
    assert result.returncode == 0, result.stderr
    return {s["id"]: s["tier"] for s in json.loads(result.stdout)}


# ---------------------------------------------------------------- C1: suicide and self-harm

@pytest.mark.parametrize("topic", EMERGENCY_TOPICS)
def test_c1_crisis_lines_are_in_the_emergency_box_of_every_emergency_topic(topic: str) -> None:
    text = plain(topic)
    for number in CRISIS.values():
        assert number in text, (topic, number)
    view = topic_json(topic)
    signs = " ".join(s["text"] for s in view["emergency"]["signs"])
    assert "Thoughts of ending your life or harming yourself: call the emergency number or a crisis line now." in signs
    crisis = {c["region"]: c["number"] for c in view["emergency"]["contacts"] if c["kind"] == "crisis"}
    assert crisis == CRISIS


@pytest.mark.parametrize(("region", "shown", "hidden"), [
    ("uk", ["999", "Samaritans", "116 123"], ["988", "911", "13 11 14"]),
    ("us", ["911", "988"], ["116 123", "999", "13 11 14"]),
    ("au", ["000", "Lifeline", "13 11 14"], ["988", "116 123"]),
])
def test_c1_a_region_shows_its_own_crisis_line_only(region: str, shown: list[str], hidden: list[str]) -> None:
    text = plain("overdose", "--region", region)
    for number in shown:
        assert number in text, (region, number)
    for number in hidden:
        assert number not in text, (region, number)


def test_c1_the_crisis_line_is_in_the_reminder_of_other_topics_too() -> None:
    assert "116 123" in topic_json("overview", "--region", "uk")["emergency_reminder"]["text"]
    assert "988" in topic_json("overview", "--region", "us")["emergency_reminder"]["text"]
    everyone = topic_json("overview")["emergency_reminder"]["text"]
    assert all(number in everyone for number in CRISIS.values())


# ---------------------------------------------------------------- M3, M19: contacts and their sources

@pytest.mark.parametrize("region", sorted(REGION_NUMBERS))
def test_m3_each_region_gets_exactly_its_numbers_each_with_an_official_source(region: str) -> None:
    view = topic_json("overdose", "--region", region)
    contacts = view["emergency"]["contacts"]
    assert {c["number"] for c in contacts} == REGION_NUMBERS[region]
    assert {c["region"] for c in contacts} == {region}
    tiers = source_tiers()
    for contact in contacts:
        assert contact["kind"] in {"emergency", "poison", "crisis", "urgent-advice"}
        assert any(tiers[s] == "official" for s in contact["sources"]), contact


def test_m19_every_emergency_sign_cites_an_official_document() -> None:
    """The shop site once behind two signs (s47) now names NHS 'When to call 999' (the sources work)."""
    view = topic_json("overdose")
    tiers = source_tiers()
    sources = {s["id"]: s for s in json.loads(run_cli(["sources", "--json"]).stdout)}
    for sign in view["emergency"]["signs"]:
        assert any(tiers[s] == "official" for s in sign["sources"]), sign
        assert not any("buybaclofen" in sources[s]["url"] for s in sign["sources"]), sign
    assert view["emergency"]["instruction"]["sources"] and all(
        tiers[s] == "official" for s in view["emergency"]["instruction"]["sources"])


def test_m1_chest_pain_and_fainting_are_emergency_signs() -> None:
    signs = [s["text"] for s in topic_json("pump")["emergency"]["signs"]]
    assert "Chest pain, or fainting (passing out)." in signs


# ---------------------------------------------------------------- C2, M2, M15, M16: pump withdrawal

@pytest.mark.parametrize("topic", ("pump", "stopping"))
def test_c2_m2_the_emergency_section_comes_first_and_names_the_early_pump_signs(topic: str) -> None:
    view = topic_json(topic)
    assert view["emergency"], "emergency box first"
    first = view["sections"][0]
    assert first["kind"] == "emergency"
    early = [s for s in view["sections"] if s["kind"] == "emergency"
             and any("itching without a rash" in p["text"] for p in s["points"])]
    assert early and view["sections"].index(early[0]) <= 1, "early pump signs in the first two sections"


def test_c2_early_pump_signs_get_one_action_everywhere() -> None:
    """R1: wherever the early signs are listed (a section, the box, the steps), the action is: pump team now."""
    seen = 0
    for topic in ("pump", "stopping", "overdose", "missed-dose", "side-effects"):
        view = topic_json(topic)
        blocks = [[p["text"] for p in s["points"]] for s in view["sections"]]
        blocks.append([a["text"] for a in view["actions"]])
        if view.get("emergency"):
            blocks.append([s["text"] for s in view["emergency"]["signs"]])
        for block in blocks:
            text = " ".join(block).casefold()
            if any(sign in text for sign in EARLY_PUMP_SIGNS):
                seen += 1
                assert "call your pump team now on their 24-hour number" in text, (topic, block)
                assert "pump doctor" not in text and "go to hospital" not in text, (topic, block)
    assert seen >= 4
    # In this module's own topics the action is in the very statement that lists the signs.
    for topic in ("pump", "stopping"):
        for text in statements(topic_json(topic)):
            if "itching without a rash" in text:
                assert "Call your pump team now on their 24-hour number." in text, text


def test_c2_the_escalation_step_is_the_same_wherever_it_is_given() -> None:
    escalation = ("If you cannot reach them at once, or there is also fever, confusion, much worse stiffness, "
                  "or you feel very unwell: call the emergency number and show your pump card.")
    for topic in ("pump", "stopping"):
        points = [p["text"] for s in topic_json(topic)["sections"] for p in s["points"]]
        assert escalation in points, topic
    assert any(escalation in s["text"] for s in topic_json("pump")["emergency"]["signs"])


def test_m15_higher_risk_groups_carers_and_the_plan_are_in_the_pump_topic() -> None:
    text = plain("pump")
    for phrase in ("T6 or above", "cannot easily say how they feel", "had withdrawal before",
                   "Carers must learn the early signs", "24-hour number and your pump card on you",
                   "Write down your next refill date"):
        assert phrase in text, phrase


def test_m16_autonomic_dysreflexia_is_an_emergency_sign() -> None:
    signs = " ".join(s["text"] for s in topic_json("stopping")["emergency"]["signs"])
    assert "pounding headache" in signs and "autonomic dysreflexia" in signs
    for topic in ("stopping", "pump"):
        points = [p["text"] for s in topic_json(topic)["sections"] for p in s["points"]]
        assert any("autonomic dysreflexia" in p and "call the emergency number" in p for p in points), topic


def test_m12_m23_the_pump_is_only_turned_down_slowly_and_withdrawal_mimics_are_named() -> None:
    pump = plain("pump")
    assert "Only your pump team can turn the pump down or take it out, slowly. Never suddenly." in pump
    assert "The pump can be turned off or taken out." not in pump
    stopping = plain("stopping")
    assert "always tell staff you have a pump" in stopping
    assert "painful erection that will not go away" in stopping
    assert "within hours to a couple of days" in stopping


# ---------------------------------------------------------------- M13, M14, m20: pump safety

def test_m13_mri_and_diathermy() -> None:
    text = plain("pump")
    assert "An MRI scan stops the pump for a while." in text
    assert "The pump must be checked after any MRI" in text
    assert "Before a scan, an operation, or heat or ultrasound treatment (diathermy), tell the staff you have a pump." in text
    view = topic_json("pump")
    mri = [p for s in view["sections"] for p in s["points"] if "MRI" in p["text"]]
    tiers = source_tiers()
    assert all(any(tiers[s] == "official" for s in p["sources"]) for p in mri)


def test_m14_infection_and_meningitis_signs_have_actions() -> None:
    text = plain("pump")
    assert "at the pump or the scar, or a fever: call your pump team the same day" in text
    assert "A very bad headache, a stiff neck or confusion: call the emergency number." in text


def test_m20_travel_and_airport() -> None:
    text = plain("pump")
    assert "airport security" in text and "metal detectors" in text and "scuba diving" in text


# ---------------------------------------------------------------- C3, M8, M17: running out, vomiting, hospital

def test_c3_running_out_means_pharmacy_or_prescriber_today() -> None:
    view = topic_json("missed-dose")
    assert any("run out" in a["text"] and "today" in a["text"] for a in view["actions"])
    section = next(s for s in view["sections"] if s["heading"] == "What if I have run out?")
    assert section["points"][0]["text"] == "Do not wait. Contact your pharmacy or doctor today to get more."
    stopping = topic_json("stopping")
    assert any("run out" in a["text"] and "today" in a["text"] for a in stopping["actions"])


def test_c3_the_uk_emergency_supply_and_nhs_111_are_shown_to_uk_readers_only() -> None:
    supply = "In the UK, a pharmacist can often give an emergency supply, or call NHS 111."
    assert supply in plain("missed-dose", "--region", "uk")
    assert supply in plain("missed-dose")  # no region chosen: every region's advice
    assert supply not in plain("missed-dose", "--region", "us")
    assert "NHS 111" not in plain("missed-dose", "--region", "au")


def test_m8_adult_vomiting_rule_and_the_child_rule_is_labelled_for_children() -> None:
    view = topic_json("administration", "--region", "us")
    texts = statements(view)
    assert "If you are sick (vomit) after a dose, do not take another one. Ask your pharmacist." in texts
    assert not any("give the same dose again" in t for t in texts), "the UK child rule is not shown in the US"
    uk = statements(topic_json("administration", "--region", "uk"))
    child = [t for t in uk if "give the same dose again" in t]
    assert child and all(t.startswith("For children") for t in child)


def test_m17_hospital_and_nil_by_mouth() -> None:
    text = plain("missed-dose")
    assert "If you go into hospital, tell the staff at once that you take baclofen." in text
    assert "If you are told not to eat or drink before an operation, ask how to take baclofen." in text
    assert "If you cannot keep doses down for a day, get advice the same day." in text


def test_m9_the_misquoted_childrens_four_hour_rule_is_gone() -> None:
    """M9: the leaflet's 4 hours is a minimum gap, not a skip threshold; the guide no longer quotes a
    child rule as a second adult rule, and sends parents to their child's own plan."""
    text = plain("missed-dose")
    assert "uses 4 hours instead" not in text and "4 hours" not in text
    assert "For a child, follow what your child's team or leaflet says about a late dose." in text


# ---------------------------------------------------------------- C4: liquid strength traps

def test_c4_liquid_strength_traps_and_a_worked_example() -> None:
    text = plain("administration")
    for phrase in ("The strongest one may say 25 mg in 5 mL, or 5 mg per mL. These are the same strength.",
                   "It is 5 times stronger than the 5 mg in 5 mL liquid",
                   "Ozobax DS is twice as strong as Ozobax.",
                   "Here is an example, not your dose: 10 mg of the 5 mg in 5 mL liquid is 10 mL.",
                   "But 10 mg of the 25 mg in 5 mL liquid is only 2 mL.",
                   "If the name, bottle or strength changes, ask your pharmacist before your next dose.",
                   "use the oral syringe from the pharmacy, not a cup"):
        assert phrase in text, phrase
    assert "syringe or cup" not in text


# ---------------------------------------------------------------- C5: naloxone

@pytest.mark.parametrize("topic", EMERGENCY_TOPICS)
def test_c5_naloxone_is_in_the_emergency_box(topic: str) -> None:
    signs = " ".join(s["text"] for s in topic_json(topic)["emergency"]["signs"])
    assert "naloxone (Narcan, Nyxoid), give it and call the emergency number" in signs
    assert "hospital care is still needed" in signs


def test_c5_overdose_topic_says_when_naloxone_helps_and_never_no_antidote() -> None:
    view = topic_json("overdose")
    text = " ".join(statements(view))
    assert "There is no antidote" not in text
    assert any("naloxone" in a["text"] for a in view["actions"])
    assert "Naloxone (Narcan) is an antidote to opioids: it undoes them. It does not undo baclofen." in text
    assert "The person must still go to hospital, even if they wake up." in text


# ---------------------------------------------------------------- M10, M11, m10: no personal numbers

def test_m10_m11_m10_no_dose_number_for_a_person_and_no_unsupported_reassurance() -> None:
    dosing = " ".join(statements(topic_json("dosing")))
    assert not re.search(r"dialysis[^.]*\d+ ?mg", dosing), "no dialysis dose number"
    assert "Never cut your dose yourself." in dosing
    assert not re.search(r"Days \d+ to \d+", dosing), "no titration schedule to follow"
    assert "Your doctor usually raises the dose every few days." in dosing
    assert "about 3 days" not in " ".join(statements(topic_json("overdose")))


# ---------------------------------------------------------------- issue 13 item 1: actions first

@pytest.mark.parametrize("topic", CLINICAL_TOPICS)
def test_every_clinical_topic_has_question_title_bottom_line_and_2_to_6_steps(topic: str) -> None:
    view = topic_json(topic)
    assert view["title"].endswith("?")
    assert 1 <= len(re.findall(r"[.!?](?:\s|$)", view["summary"])) <= 2
    assert 2 <= len(view["actions"]) <= 6
    assert all(a["sources"] for a in view["actions"])


# ---------------------------------------------------------------- one situation, one action (validate)

def _situation_problems(result) -> list[dict]:
    return [p for p in json.loads(result.stdout)["problems"] if p["code"] == "BCL030"]


def test_shipped_emergency_content_gives_every_sign_its_agreed_action() -> None:
    result = run_cli(["validate", str(DATA_FILE), "--json"])
    data = json.loads(result.stdout)
    ours = [p for p in _situation_problems(result)
            if p["field"].startswith("emergency") or any(
                p["field"].startswith(f"topics[{i}]") for i in _topic_indexes(CLINICAL_TOPICS))]
    assert ours == [], ours
    assert all(p["code"] != "BCL004" for p in data["problems"])


def _topic_indexes(ids: tuple[str, ...]) -> list[int]:
    from baclofen_cli.core.yamlsafe import parse

    data, _ = parse(DATA_FILE.read_text(encoding="utf-8"), str(DATA_FILE))
    return [i for i, t in enumerate(data["topics"]) if t["id"] in ids]


def _crafted(tmp_path: Path, old: str, new: str) -> Path:
    text = DATA_FILE.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "crafted.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


PUMP_EARLY = ('{text: "Early signs are old stiffness or spasms coming back, itching without a rash, pins and needles, '
              'feeling faint or dizzy, or low blood pressure. Call your pump team now on their 24-hour number.", '
              'sources: [s17, s20, s18]}')


def test_a_sign_under_a_different_action_fails_validate(runner, tmp_path: Path) -> None:
    path = _crafted(tmp_path, PUMP_EARLY, PUMP_EARLY.replace(
        "Call your pump team now on their 24-hour number.", "If this happens, call your pump doctor."))
    result = invoke(runner, ["validate", str(path), "--json"])
    assert result.exit_code == 1
    problems = _situation_problems(result)
    assert problems and all(p["line"] for p in problems)
    assert any("(pump-early-withdrawal) is given the action doctor" in p["message"] for p in problems)
    # Advisory: the guide still loads, so the emergency numbers are never taken away.
    shown = invoke(runner, ["--data", str(path), "pump"])
    assert shown.exit_code == 0 and "911" in shown.stdout


def test_a_sign_in_one_bullet_and_another_action_in_the_next_fails_validate(runner, tmp_path: Path) -> None:
    """The old stopping-topic pattern (C2): the signs in one bullet, "call 911 and go to hospital" in the next."""
    old = '          - {text: "Never miss a refill, because an empty pump is dangerous.", sources: [s17, s23]}\n'
    crafted = ('          - {text: "Itching with no rash, or pins and needles.", sources: [s17]}\n'
               '          - {text: "Call 911 and go to hospital.", sources: [s17]}\n')
    path = _crafted(tmp_path, old, old + crafted)
    result = invoke(runner, ["validate", str(path), "--json"])
    assert result.exit_code == 1
    problems = _situation_problems(result)
    assert [p["message"] for p in problems if "'itching with no rash'" in p["message"]] == [
        "'itching with no rash' (pump-early-withdrawal) sits with the action emergency, not the agreed pump-team-now"]
    # In an emergency-kind section the signs alone already carry the emergency action.
    path = _crafted(tmp_path, PUMP_EARLY, crafted.strip().removeprefix("- "))
    assert any("'itching with no rash' (pump-early-withdrawal) is given the action emergency" in p["message"]
               for p in _situation_problems(invoke(runner, ["validate", str(path), "--json"])))


def test_self_harm_under_a_call_your_doctor_heading_fails_validate(runner, tmp_path: Path) -> None:
    old = "      - heading: Who needs extra care?\n"
    new = ("      - heading: Call your doctor right away if you have\n        points:\n"
           '          - {text: "Thoughts of killing yourself.", sources: [s33]}\n' + old)
    path = _crafted(tmp_path, old, new)
    result = invoke(runner, ["validate", str(path)])
    assert result.exit_code == 1
    assert "BCL030" in result.stdout and "'killing yourself' (self-harm) is given the action doctor" in result.stdout


def test_a_quiz_answer_is_held_to_the_same_rule(runner, tmp_path: Path) -> None:
    old = 'question: "You took too much baclofen by mistake, but you feel fine. What should you do?"'
    path = tmp_path / "quiz.yaml"
    text = DATA_FILE.read_text(encoding="utf-8")
    assert old in text
    start = text.index(old)
    end = text.index("sources:", start)
    block = text[start:end]
    correct = re.search(r'\{text: "([^"]+)", correct: true\}', block)
    assert correct
    path.write_text(text[:start] + block.replace(correct.group(1), "Tell your doctor at your next visit.")
                    + text[end:], encoding="utf-8")
    result = invoke(runner, ["validate", str(path), "--json"])
    assert any(p["field"].startswith("quiz") and "(took-too-much)" in p["message"]
               for p in _situation_problems(result))


def test_a_rule_naming_an_unknown_tier_is_reported(runner, tmp_path: Path) -> None:
    path = _crafted(tmp_path, "      action: [pump-team-now]\n      never: [doctor, pump-team-soon, wait]",
                    "      action: [pump-team-soon-ish]\n      never: [doctor, pump-team-soon, wait]")
    result = invoke(runner, ["validate", str(path), "--json"])
    assert ("BCL004", "situation 'pump-early-withdrawal' names unknown action tier 'pump-team-soon-ish'") in {
        (p["code"], p["message"]) for p in json.loads(result.stdout)["problems"]}


def test_a_sign_said_to_be_absent_is_not_a_conflict(runner, tmp_path: Path) -> None:
    """R7 keeps "a pounding heartbeat alone: call your doctor" apart from chest pain or fainting."""
    old = "      - heading: Who needs extra care?\n"
    new = ("      - heading: Call your doctor the same day if you have\n        points:\n"
           '          - {text: "A pounding heartbeat, with no chest pain and no fainting.", sources: [s33]}\n'
           '          - {text: "Chest pain.", sources: [s33]}\n' + old)
    result = invoke(runner, ["validate", str(_crafted(tmp_path, old, new)), "--json"])
    messages = [p["message"] for p in _situation_problems(result)]
    assert messages == ["'chest pain' (chest-pain-or-fainting) is given the action doctor, same-day; "
                        "the agreed action is emergency"]


def test_a_clinic_overlay_is_held_to_the_built_in_rules(runner, tmp_path: Path) -> None:
    overlay = tmp_path / "clinic.yaml"
    overlay.write_text(
        "extends: builtin\n"
        "topics:\n"
        "  - id: pump\n"
        "    sections:\n"
        "      - heading: What does our clinic say?\n"
        "        points:\n"
        '          - {text: "Itching without a rash with your pump: call your pump doctor tomorrow.", sources: [s30]}\n',
        encoding="utf-8")
    result = invoke(runner, ["validate", str(overlay), "--json"])
    assert result.exit_code == 1
    problems = _situation_problems(result)
    assert [p["line"] for p in problems] == [7]
    assert "'itching without a rash' (pump-early-withdrawal) is given the action doctor" in problems[0]["message"]
