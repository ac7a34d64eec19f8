"""Clinic overlays (`extends: builtin`), `baclofen schema`, `validate --readability`, and one-run validation."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import DATA_FILE, run_cli

OVERLAY = """\
# A clinic's additions: one phone number, one local topic, one section in a built-in topic.
extends: builtin
emergency:
  contacts:
    - {label: "Riverside pump team (24 hours)", number: "0161 555 0100", region: UK, kind: urgent-advice, sources: [s30]}
topics:
  - id: our-clinic
    title: How do I reach our clinic?
    summary: {text: "Call the clinic if you have questions about your medicine.", sources: [s30]}
    sections:
      - heading: When are we open?
        points:
          - {text: "We are open Monday to Friday, 9am to 5pm.", sources: [s30]}
  - id: missed-dose
    sections:
      - heading: What does our clinic say?
        points:
          - {text: "Ring the clinic if you miss more than one dose.", sources: [s30]}
"""


def write(tmp_path: Path, text: str, name: str = "clinic.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_overlay_adds_a_number_a_topic_and_a_section(tmp_path: Path) -> None:
    clinic = write(tmp_path, OVERLAY)
    report = run_cli(["validate", str(clinic)])
    assert report.returncode == 0, report.stdout
    assert report.stdout.startswith(f"OK: {clinic} is valid")
    builtin_topics = json.loads(run_cli(["topics", "--json"]).stdout)
    topics = json.loads(run_cli(["--data", str(clinic), "topics", "--json"]).stdout)
    # Built-in topics keep their order; the clinic's topic comes after them, in the overlay's order.
    assert [t["id"] for t in topics] == [t["id"] for t in builtin_topics] + ["our-clinic"]
    overdose = json.loads(run_cli(["--data", str(clinic), "--region", "uk", "overdose", "--json"]).stdout)
    assert ("UK", "0161 555 0100") in [(c["region"], c["number"]) for c in overdose["emergency"]["contacts"]]
    missed = json.loads(run_cli(["--data", str(clinic), "missed-dose", "--json"]).stdout)
    builtin_missed = json.loads(run_cli(["missed-dose", "--json"]).stdout)
    headings = [s["heading"] for s in missed["sections"]]
    assert headings == [s["heading"] for s in builtin_missed["sections"]] + ["What does our clinic say?"]
    assert missed["title"] == builtin_missed["title"]  # the patch changed only what it gave


def test_an_overlay_extends_a_section_by_heading_and_replaces_a_source_by_id(tmp_path: Path) -> None:
    builtin = json.loads(run_cli(["missed-dose", "--json", "--sources"]).stdout)
    first = builtin["sections"][0]
    cited = first["points"][0]["sources"][0]
    clinic = write(tmp_path, f"""\
extends: builtin
sources:
  - {{id: {cited}, title: "Our clinic's copy of the leaflet", url: "https://clinic.example.org/leaflet"}}
topics:
  - id: missed-dose
    sections:
      - heading: "{first['heading']}"
        points:
          - {{text: "Our own extra point.", sources: [s30]}}
""")
    missed = json.loads(run_cli(["--data", str(clinic), "missed-dose", "--json"]).stdout)
    # A section is found by its heading and gains the points; nothing built in is dropped.
    assert missed["sections"][0]["heading"] == first["heading"]
    assert [p["text"] for p in missed["sections"][0]["points"]] == [p["text"] for p in first["points"]] + [
        "Our own extra point."]
    assert len(missed["sections"]) == len(builtin["sections"])
    # A source is found by its id: the fields given replace those fields, the rest stay.
    source = next(s for s in missed["sources"] if s["id"] == cited)
    assert source["title"] == "Our clinic's copy of the leaflet" and source["url"] == "https://clinic.example.org/leaflet"
    assert source["publisher"] == next(s for s in builtin["sources"] if s["id"] == cited)["publisher"]


def test_the_cache_sees_a_change_to_the_built_in_file(tmp_path: Path, monkeypatch) -> None:
    """An overlay's answer depends on both files: the cache must not serve a stale merge."""
    from baclofen_cli.core import loader

    clinic = write(tmp_path, OVERLAY)
    monkeypatch.setenv("BACLOFEN_CACHE_DIR", str(tmp_path / "cache"))
    first = loader.load(clinic).kb
    loader.load.cache_clear()
    text = DATA_FILE.read_text(encoding="utf-8")
    name = first["drug"]["name"]
    changed = tmp_path / "builtin.yaml"
    changed.write_text(text.replace(f"  name: {name}\n", "  name: renamed-drug\n", 1), encoding="utf-8")
    monkeypatch.setattr(loader, "default_path", lambda: changed)
    second = loader.load(clinic).kb
    assert (first["drug"]["name"], second["drug"]["name"]) == (name, "renamed-drug")


def test_validate_lists_schema_and_reference_problems_together_in_line_order(tmp_path: Path) -> None:
    clinic = write(tmp_path, """\
extends: builtin
topics:
  - id: our-clinic
    titel: How do I reach our clinic?
    summary: {text: "Call the clinic.", sources: [s30]}
    sections:
      - heading: When are we open?
        points:
          - {text: "We are open Monday to Friday.", sources: [nope]}
""")
    report = run_cli(["validate", str(clinic)])
    assert report.returncode == 1
    lines = report.stdout.splitlines()
    assert lines[0].startswith(f"{clinic}:3: BCL001 ") and "missing required field 'title'" in lines[0]
    assert lines[1] == f"{clinic}:4: BCL001 topics[14].titel: unknown field 'titel'; did you mean 'title'?" or \
        (lines[1].startswith(f"{clinic}:4: BCL001 ") and "did you mean 'title'?" in lines[1])
    assert lines[2].startswith(f"{clinic}:9: BCL002 ") and "unknown source id 'nope'" in lines[2]
    assert lines[3] == f"3 problems found in {clinic}"
    # The loader refuses it in one line, naming the first problem.
    loaded = run_cli(["--data", str(clinic), "overview"])
    assert loaded.returncode == 2 and len(loaded.stderr.splitlines()) == 1 and "BCL" not in loaded.stderr


def test_only_the_built_in_file_can_be_extended(tmp_path: Path) -> None:
    clinic = write(tmp_path, "extends: https://example.org/other.yaml\n")
    report = run_cli(["validate", str(clinic)])
    assert report.returncode == 1
    assert report.stdout.splitlines()[0] == (
        f"{clinic}:1: BCL000 extends: only 'builtin' can be extended, not 'https://example.org/other.yaml'")


def test_an_overlay_cannot_remove_an_emergency_sign(tmp_path: Path) -> None:
    builtin = json.loads(run_cli(["overdose", "--json"]).stdout)
    clinic = write(tmp_path, "extends: builtin\nemergency:\n  signs:\n    - {text: \"A new sign.\", sources: [s30]}\n")
    merged = json.loads(run_cli(["--data", str(clinic), "overdose", "--json"]).stdout)
    assert [s["text"] for s in merged["emergency"]["signs"]] == [s["text"] for s in builtin["emergency"]["signs"]] + [
        "A new sign."]


def test_schema_command_prints_the_published_schema_with_hover_help() -> None:
    result = run_cli(["schema"])
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema == json.loads((DATA_FILE.parent / "schema.json").read_text(encoding="utf-8"))
    missing = [(name, prop) for name, definition in schema["$defs"].items()
               for prop, body in definition.get("properties", {}).items() if not body.get("description")]
    assert not missing, f"properties without a description: {missing}"


def test_validate_readability_reports_grades_and_fails_above_the_bars(tmp_path: Path) -> None:
    report = run_cli(["validate", "--readability", "--json"])
    # Only the reading bars here: whether the shipped file passes every rule is test_validate's.
    assert [p for p in json.loads(report.stdout)["problems"] if p["code"] == "BCL020"] == [], report.stdout
    readability = json.loads(report.stdout)["readability"]
    assert readability["mean"] <= readability["max_mean"] == 5.0
    assert set(readability["topics"]) == {t["id"] for t in json.loads(run_cli(["topics", "--json"]).stdout)}
    hard = write(tmp_path, """\
extends: builtin
topics:
  - id: jargon
    title: Pharmacological considerations
    summary: {text: "Pharmacokinetic variability necessitates individualised therapeutic titration.", sources: [s30]}
    sections:
      - heading: Considerations
        points:
          - {text: "Concomitant administration of central nervous system depressants potentiates sedation.", sources: [s30]}
""")
    failed = run_cli(["validate", "--readability", str(hard)])
    assert failed.returncode == 1
    assert any(" BCL020 topics[" in line and "is above 6.5" in line for line in failed.stdout.splitlines())
    assert "Reading grade" in failed.stdout
