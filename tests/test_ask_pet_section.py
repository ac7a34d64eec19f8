"""An animal that ate the medicine (issue 14): the vet line first, then the file's own section on
what to do for a pet (`ask.pet_topic`, `ask.pet_heading`), and never a human section, summary,
emergency box or number. A file whose `pet_heading` names no section fails `validate`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import DATA_FILE, run_cli

ES_FILE = DATA_FILE.with_name("baclofen.es.yaml")
HUMAN_NUMBERS = ("911", "999", "112", "1-800-222-1222", "13 11 26")


def _ask(question: str, *lang: str) -> dict:
    result = run_cli([*lang, "ask", "--json", question])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _pet_section(path: Path) -> tuple[str, list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    topic = next(t for t in data["topics"] if t["id"] == data["ask"]["pet_topic"])
    section = next(s for s in topic["sections"] if s["heading"] == data["ask"]["pet_heading"])
    return section["heading"], [p["text"] for p in section["points"]]


@pytest.mark.parametrize("question", [
    "our beagle chewed open the baclofen tub, some are gone",
    "the kitten swallowed a tablet i dropped",
    "found the dog eating my muscle relaxer pills",
])
def test_a_pet_that_ate_it_gets_the_vet_line_then_the_pet_section_only(question: str) -> None:
    heading, points = _pet_section(DATA_FILE)
    data = _ask(question)
    assert data["emergency"] is True
    assert data["notices"][0]["kind"] == "emergency" and "vet" in data["notices"][0]["text"]
    assert [(r["section"], r["kind"], r["text"]) for r in data["results"]] == [(heading, "emergency", points)]
    text = run_cli(["ask", question]).stdout
    assert text.startswith("!! EMERGENCY: If a pet ate baclofen")
    assert heading in text and points[0] in text
    # No human summary ("call the emergency number") and no human numbers or emergency box.
    assert "GET HELP NOW" not in text and not any(n in text for n in HUMAN_NUMBERS)


def test_the_spanish_pet_answer_is_the_spanish_section() -> None:
    heading, points = _pet_section(ES_FILE)
    data = _ask("la gata se tragó una pastilla de baclofeno que se me cayó", "--lang", "es")
    assert data["emergency"] is True
    assert [(r["section"], r["text"]) for r in data["results"]] == [(heading, points)]
    text = run_cli(["--lang", "es", "ask", "el perro mordió la caja y se comió unas pastillas"]).stdout
    assert heading in text and not any(n in text for n in HUMAN_NUMBERS)


def test_a_pet_question_with_nothing_eaten_gets_no_section() -> None:
    data = _ask("can my dog have baclofen for his sore hips")
    assert data["emergency"] is False and data["results"] == []


def test_the_pet_section_is_in_the_topic_for_everyone_to_read() -> None:
    heading, points = _pet_section(DATA_FILE)
    result = run_cli(["overdose"])
    assert result.returncode == 0 and heading in result.stdout and points[0] in result.stdout


def test_a_pet_heading_that_names_no_section_fails_validate(tmp_path: Path) -> None:
    text = DATA_FILE.read_text(encoding="utf-8")
    heading, _ = _pet_section(DATA_FILE)
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace(f'pet_heading: "{heading}"', 'pet_heading: "If the hamster ate it"'), encoding="utf-8")
    result = run_cli(["validate", str(bad)])
    assert result.returncode == 1
    line = next(n for n, row in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if "pet_heading:" in row)
    assert f"{bad}:{line}: BCL004 ask.pet_heading" in result.stdout
    assert "Traceback" not in result.stderr
