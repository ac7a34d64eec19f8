"""Region selection: --region, BACLOFEN_REGION and the locale choose whose numbers are shown."""

from __future__ import annotations

import json

import pytest

from tests.conftest import invoke, run_cli


def numbers(stdout: str) -> list[tuple[str, str]]:
    view = json.loads(stdout)
    return [(c["region"], c["number"]) for c in view["emergency"]["contacts"]]


def test_no_region_shows_every_region(runner) -> None:
    result = invoke(runner, ["overdose", "--json"])
    view = json.loads(result.stdout)
    assert view["region"] is None
    assert {region for region, _ in numbers(result.stdout)} >= {"US", "UK", "EU"}


@pytest.mark.parametrize(("args", "env", "expected"), [
    (["--region", "uk"], {}, "UK"),
    (["--region", "US"], {}, "US"),
    ([], {"BACLOFEN_REGION": "eu"}, "EU"),
    ([], {"LANG": "en_GB.UTF-8"}, "UK"),
    ([], {"LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}, "EU"),
    (["--region", "all"], {"BACLOFEN_REGION": "uk"}, None),
    # A country code chooses its region: GB is the UK, IE and DE are in the EU.
    (["--region", "gb"], {}, "UK"),
    ([], {"BACLOFEN_REGION": "ie"}, "EU"),
    (["--region", "DE"], {}, "EU"),
])
def test_a_region_shows_only_its_own_numbers(args: list[str], env: dict[str, str], expected: str | None) -> None:
    result = run_cli([*args, "overdose", "--json"], env=env)
    assert result.returncode == 0, result.stderr
    view = json.loads(result.stdout)
    assert view["region"] == expected
    regions = {region for region, _ in numbers(result.stdout)}
    assert regions == ({expected} if expected else regions) and regions


def test_an_unknown_locale_territory_means_all_regions() -> None:
    result = run_cli(["overdose", "--json"], env={"LANG": "ja_JP.UTF-8"})
    assert json.loads(result.stdout)["region"] is None


def test_statements_tagged_for_another_region_are_left_out(tmp_path) -> None:
    from tests.conftest import DATA_FILE

    text = DATA_FILE.read_text(encoding="utf-8")
    marker = '      text: "Take it when you remember'
    assert marker in text
    tagged = text.replace(
        "    sections:\n      - heading: What if I miss one dose?\n        points:\n",
        "    sections:\n      - heading: What if I miss one dose?\n        points:\n"
        "          - {text: \"Only for the UK: ring NHS 111.\", sources: [s30], regions: [UK]}\n", 1)
    assert tagged != text
    path = tmp_path / "clinic.yaml"
    path.write_text(tagged, encoding="utf-8")
    uk = run_cli(["--data", str(path), "--region", "uk", "missed-dose"])
    us = run_cli(["--data", str(path), "--region", "us", "missed-dose"])
    everyone = run_cli(["--data", str(path), "missed-dose"])
    assert "Only for the UK" in uk.stdout and "Only for the UK" in everyone.stdout
    assert "Only for the UK" not in us.stdout


def test_an_unknown_region_is_one_clear_line() -> None:
    result = run_cli(["--region", "mars", "overdose"])
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "baclofen: error: unknown region 'mars': choose one of us, uk, eu, au, or 'all'\n"
    env_result = run_cli(["overdose"], env={"BACLOFEN_REGION": "mars"})
    assert env_result.returncode == 2 and "unknown region 'mars'" in env_result.stderr


def test_a_region_gets_its_own_wording_of_the_instruction_and_reminder() -> None:
    from baclofen_cli.core.yamlsafe import parse
    from tests.conftest import DATA_FILE

    data, _ = parse(DATA_FILE.read_text(encoding="utf-8"), str(DATA_FILE))
    for code, regional in data["emergency"]["by_region"].items():
        overdose = json.loads(run_cli(["--region", code, "overdose", "--json"]).stdout)
        assert overdose["emergency"]["instruction"]["text"] == regional["instruction"]["text"]
        if regional.get("reminder"):
            overview = json.loads(run_cli(["--region", code, "overview", "--json"]).stdout)
            assert overview["emergency_reminder"]["text"] == regional["reminder"]["text"]
