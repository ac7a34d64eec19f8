"""`baclofen validate` lists every problem with file, line and code; exit 0 when clean, 1 otherwise."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import DATA_FILE, SMALL_FILE, invoke, read_yaml, shipped_validation


def test_shipped_file_is_valid(runner) -> None:
    result = invoke(runner, ["validate"])
    assert result.exit_code == 0, result.stdout
    # Warnings (a DailyMed search link, say) are listed first; the verdict is the last line.
    assert result.stdout.splitlines()[-1].startswith(f"OK: {DATA_FILE} is valid")


def test_shipped_file_is_valid_through_the_script() -> None:
    code, report = shipped_validation()  # run_cli, once per session
    assert code == 0
    # Warnings (a DailyMed search link, say) are listed apart and do not make the file invalid.
    assert {k: v for k, v in report.items() if k != "warnings"} == {"file": str(DATA_FILE), "valid": True, "problems": []}
    assert all(not w["error"] for w in report.get("warnings", []))


def _broken(tmp_path: Path) -> Path:
    # A code test: the small fixture (the shipped file's text, cut down) validates in a fraction of the time.
    text = SMALL_FILE.read_text(encoding="utf-8")
    # Three schema problems in different places, all reported at once.
    text = text.replace("schema_version: 1\n", "schema_version: 1\nsumary: x\n", 1)
    text = text.replace("severity: major", "severity: huge", 1)
    first_heading = text.index("      - heading: ", text.index("\ntopics:"))
    text = text[:first_heading] + "      - heading: ''" + text[text.index("\n", first_heading):]
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_schema_problem_is_listed(runner, tmp_path: Path) -> None:
    path = _broken(tmp_path)
    result = invoke(runner, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    text = path.read_text(encoding="utf-8").splitlines()

    def line_of(fragment: str) -> int:
        return next(number for number, line in enumerate(text, 1) if fragment in line)

    # The tool's own words for an unknown field; for a bad value, its code, field and line (the
    # rest of that message is the schema library's).
    assert f"{path}:3: BCL001 sumary: unknown field 'sumary'" in lines
    severity = line_of("severity: huge")
    assert any(line.startswith(f"{path}:{severity}: BCL001 interactions.groups[0].severity: ") for line in lines)
    heading = line_of("- heading: ''")
    assert any(line.startswith(f"{path}:{heading}: BCL001 topics[0].sections[0].heading: ") for line in lines)
    assert all(line.startswith(f"{path}:") for line in lines[:-1])
    # The three schema problems; content rules that still run (source tiers, say) may add their own.
    assert sum(": BCL001 " in line for line in lines) == 3
    warnings = sum(": BCL0" in line and " warning " in line for line in lines)
    noted = f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
    assert lines[-1] == f"{len(lines) - 1 - warnings} problems{noted} found in {path}"


def _rule_problems(tmp_path: Path) -> Path:
    text = SMALL_FILE.read_text(encoding="utf-8")
    topics_at = text.index("\ntopics:")
    first_sources = text.index("sources: [", topics_at)
    text = text[:first_sources] + "sources: [missing-one]" + text[text.index("\n", first_sources):]
    # A duplicate topic id and an uncited source.
    second_id = text.index("  - id: ", text.index("  - id: ", topics_at) + 1)
    text = text[:second_id] + "  - id: overview" + text[text.index("\n", second_id):]
    text = text.replace("sources:\n  - id: s1\n", "sources:\n  - id: never-cited\n    title: T\n    publisher: P\n"
                        "    url: https://example.org/\n  - id: s1\n", 1)
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_rule_problems_are_listed_with_codes(runner, tmp_path: Path) -> None:
    path = _rule_problems(tmp_path)
    result = invoke(runner, ["validate", str(path), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    codes = {(p["code"], p["message"]) for p in report["problems"]}
    assert ("BCL002", "unknown source id 'missing-one'") in codes
    assert ("BCL003", "source 'never-cited' is never cited") in codes
    assert ("BCL005", "duplicate id 'overview'") in codes
    assert all(p["line"] for p in report["problems"])


def test_uncited_source_is_advisory_for_other_commands(runner, tmp_path: Path) -> None:
    text = SMALL_FILE.read_text(encoding="utf-8").replace(
        "sources:\n  - id: s1\n", "sources:\n  - id: spare\n    title: T\n    publisher: P\n"
        "    url: https://example.org/\n  - id: s1\n", 1)
    path = tmp_path / "spare.yaml"
    path.write_text(text, encoding="utf-8")
    assert invoke(runner, ["--data", str(path), "overview"]).exit_code == 0
    result = invoke(runner, ["validate", str(path)])
    assert result.exit_code == 1 and "BCL003 sources[0].id: source 'spare' is never cited" in result.stdout


def test_unreadable_file_is_a_problem_not_a_crash(runner, tmp_path: Path) -> None:
    result = invoke(runner, ["validate", str(tmp_path / "none.yaml")])
    assert result.exit_code == 1
    assert "file not found" in result.stdout


def _comparable(schema: object) -> object:
    """The schema without what differs between msgspec releases for the same model: the order of
    `anyOf` alternatives, `propertyNames` (msgspec 0.22+ also constrains a dict's keys), and the
    white space of descriptions (older releases keep a docstring's indentation)."""
    if isinstance(schema, str):
        return " ".join(schema.split())
    if isinstance(schema, dict):
        return {
            k: sorted(map(_comparable, v), key=lambda x: json.dumps(x, sort_keys=True)) if k == "anyOf" else _comparable(v)
            for k, v in schema.items()
            if k != "propertyNames"
        }
    if isinstance(schema, list):
        return [_comparable(v) for v in schema]
    return schema


def test_published_schema_matches_the_model() -> None:
    from baclofen_cli.core.model import json_schema

    published = json.loads((DATA_FILE.parent / "schema.json").read_text(encoding="utf-8"))
    generated = json.loads(json.dumps(json_schema()))
    assert _comparable(published) == _comparable(generated), "run: python -m baclofen_cli.core.model > data/schema.json"


def test_shipped_file_matches_the_published_json_schema() -> None:
    """Editors validate YAML against data/schema.json; make sure it accepts the real file."""
    import jsonschema

    schema = json.loads((DATA_FILE.parent / "schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(read_yaml(DATA_FILE), schema)
