"""`validate` refuses files that switch off the safety behaviour (issue 17, item 6; review F8).

Each case is one of the review's dangerous files, made from tests/fixtures/small.yaml (the shipped
file's own text, cut down: the rules are code, and the small file validates in a fraction of the
time): before these rules every one of them passed as "OK ... is valid". The shipped file itself
is checked against every safety rule once (test_the_shipped_file_passes_every_safety_rule).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import DATA_FILE, SMALL_FILE, read_yaml, run_cli

Data = dict[str, Any]


@pytest.fixture(scope="module")
def shipped() -> Data:
    return read_yaml(DATA_FILE)


@pytest.fixture(scope="module")
def small() -> Data:
    return read_yaml(SMALL_FILE)


def topic(data: Data, topic_id: str) -> Data:
    return next(t for t in data["topics"] if t["id"] == topic_id)


def group(data: Data, group_id: str) -> Data:
    return next(g for g in data["interactions"]["groups"] if g["id"] == group_id)


def drop_topic(data: Data, topic_id: str) -> None:
    data["topics"] = [t for t in data["topics"] if t["id"] != topic_id]
    data["quiz"] = [q for q in data.get("quiz", []) if q["topic"] != topic_id]
    phrasings = data.get("ask", {}).get("topic_phrasings", {})
    phrasings.pop(topic_id, None)


def set_all(data: Data, key: str, value: Any) -> None:
    for t in data["topics"]:
        t[key] = value


def every_emergency_section_becomes_info(data: Data) -> None:
    for t in data["topics"]:
        for section in t["sections"]:
            if section.get("kind") == "emergency":
                section["kind"] = "info"


def every_group_minor(data: Data) -> None:
    for g in data["interactions"]["groups"]:
        g["severity"] = "minor"


MUTATIONS: dict[str, tuple[Callable[[Data], None], str, str]] = {
    "no emergency phrasings": (lambda d: d["ask"].pop("emergency_phrasings"), "BCL040", "ask.emergency_phrasings"),
    "no ask block": (lambda d: d.pop("ask"), "BCL040", "no emergency phrasings"),
    "no emergency note": (lambda d: d["interactions"].pop("emergency_note"), "BCL040", "emergency_note"),
    "no combined warning": (lambda d: d["interactions"].pop("combined_warning"), "BCL040", "combined_warning"),
    "disclaimer '.'": (lambda d: d["disclaimer"].update(text="."), "BCL040", "disclaimer.text"),
    "emergency_first false everywhere": (lambda d: set_all(d, "emergency_first", False), "BCL041", "emergency box"),
    "every emergency section info": (every_emergency_section_becomes_info, "BCL041", "no emergency section"),
    "overdose topic removed": (lambda d: drop_topic(d, "overdose"), "BCL041", "'overdose' is missing"),
    "opioids minor": (lambda d: group(d, "opioids").update(severity="minor"), "BCL042", "'opioids' must be graded major"),
    "alcohol moderate": (lambda d: group(d, "alcohol").update(severity="moderate"), "BCL042", "'alcohol'"),
    "every group minor": (every_group_minor, "BCL042", "'benzodiazepines'"),
    "unknown drug says safe": (
        lambda d: d["interactions"]["unknown_drug"].update(text="No interaction found. It is safe to take with baclofen."),
        "BCL043", "interactions.unknown_drug.text",
    ),
    "same drug says no interaction": (
        lambda d: d["interactions"]["same_drug"].update(text="This is baclofen itself: there is no interaction."),
        "BCL043", "'no interaction'",
    ),
    "group effect says safe": (
        lambda d: group(d, "opioids").update(effect="No known problem. Opioid painkillers are safe to take with it."),
        "BCL043", ".effect",
    ),
    "negation in another clause": (
        lambda d: d["interactions"]["unknown_drug"].update(text="If it is not named here, it is safe with baclofen."),
        "BCL043", "'safe'",
    ),
    "contact number x": (
        lambda d: d["emergency"].update(contacts=[{"label": "x", "number": "x", "region": "x"}]), "BCL044", "'x'",
    ),
    "contact number one digit": (lambda d: d["emergency"]["contacts"][0].update(number="9"), "BCL044", "'9'"),
    "review date 2026-99-99": (lambda d: d["drug"].update(reviewed="2026-99-99"), "BCL045", "not a real date"),
    "review date 2026-02-30": (lambda d: d["drug"].update(reviewed="2026-02-30"), "BCL045", "not a real date"),
    "review date in the future": (lambda d: d["drug"].update(reviewed="2999-01-01"), "BCL045", "in the future"),
    "major_groups names an unknown group": (
        lambda d: d["interactions"]["major_groups"].append("opiods"), "BCL004", "unknown interaction group 'opiods'",
    ),
    "no emergency topics declared": (lambda d: d["emergency"].pop("topics"), "BCL041", "emergency.topics"),
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_a_dangerous_file_fails_validate_with_its_code(tmp_path: Path, small: Data, name: str) -> None:
    mutate, code, words = MUTATIONS[name]
    data = copy.deepcopy(small)
    mutate(data)
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    report = run_cli(["validate", str(path)])
    assert report.returncode == 1, report.stdout
    lines = [line for line in report.stdout.splitlines() if f" {code} " in line]
    assert any(words in line for line in lines), report.stdout
    # The file is refused by every other command too, in one line, exit 2.
    refused = run_cli(["--data", str(path), "interactions", "oxycodone"])
    assert refused.returncode == 2 and refused.stderr.startswith("baclofen: error: "), refused.stderr


SAFETY_CODES = ("BCL040", "BCL041", "BCL042", "BCL043", "BCL044", "BCL045")


def test_the_shipped_file_passes_every_safety_rule(shipped: Data) -> None:
    report = run_cli(["validate", str(DATA_FILE)])
    assert not [line for line in report.stdout.splitlines() if any(f" {c} " in line for c in SAFETY_CODES)]
    # The six groups the reliability review named are declared, and so held to major.
    assert {"opioids", "alcohol", "benzodiazepines", "gabapentinoids", "barbiturates",
            "oxybates"} <= set(shipped["interactions"]["major_groups"])


def test_careful_negations_and_other_drugs_files_pass(tmp_path: Path, small: Data) -> None:
    """The rules are about what a file says, not about baclofen: a clinic's own small file with
    minor groups only, no major_groups and careful wording passes."""
    data = copy.deepcopy(small)
    data["interactions"] = {
        "unknown_drug": {"text": "Not in our list. That does not mean it is safe: ask the pharmacist.",
                         "sources": ["s28"]},
        "groups": [{
            "id": "grapefruit", "name": "Grapefruit", "member_label": "a fruit juice", "severity": "minor",
            "effect": "It is not known to be safe in large amounts.", "advice": "Ask the clinic pharmacist.",
            "sources": ["s28"], "drugs": [{"name": "grapefruit juice"}],
        }],
    }
    data["emergency"]["contacts"] = [{"label": "SAMU", "number": "15", "region": "FR"},
                                     {"label": "Clinic", "number": "+44 (0)20 7946 0000", "region": "UK"}]
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    report = run_cli(["validate", str(path)])
    assert not any(f" {code} " in report.stdout for code in SAFETY_CODES), report.stdout
