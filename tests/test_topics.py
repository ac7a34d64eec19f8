"""Every topic command, through CliRunner and the real installed script; the JSON contract."""

from __future__ import annotations

import json
import re
import sys

import pytest

from baclofen_cli.cli.spec import TOPIC_COMMANDS
from conftest import DATA_FILE, invoke, read_yaml, run_cli

TOPIC_IDS = list(TOPIC_COMMANDS)
EMERGENCY_TOPICS = ["overdose", "stopping", "pump", "side-effects"]
ESC = "\x1b"


@pytest.fixture(scope="module")
def data() -> dict:
    return read_yaml(DATA_FILE)


def test_the_file_has_all_fourteen_topics(data: dict) -> None:
    assert [t["id"] for t in data["topics"]] == TOPIC_IDS


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_topic_plain_output(runner, data: dict, topic_id: str) -> None:
    result = invoke(runner, [topic_id])
    assert result.exit_code == 0, result.output
    topic = next(t for t in data["topics"] if t["id"] == topic_id)
    out = " ".join(result.stdout.split())
    assert topic["title"].upper() in out
    assert "In short: " + " ".join(topic["summary"]["text"].split()) in out
    for section in topic["sections"]:
        assert section["heading"] in result.stdout
        if section.get("kind") in ("warning", "emergency"):
            assert f"{section['kind'].upper()}: {section['heading']}" in result.stdout
    # Every point is printed (wrapping only changes whitespace).
    for section in topic["sections"]:
        for point in section["points"]:
            assert " ".join(point["text"].split()) in out
    assert ESC not in result.stdout


@pytest.mark.parametrize("topic_id", EMERGENCY_TOPICS)
def test_emergency_topics_lead_with_the_emergency_box(runner, topic_id: str) -> None:
    result = invoke(runner, [topic_id])
    first_lines = result.stdout.splitlines()[:4]
    assert first_lines[0].startswith("!! "), first_lines
    block = " ".join(first_lines)
    for number in ("911", "999", "112"):
        assert number in block
    assert "1-800-222-1222" in result.stdout.split("In short:")[0]


def test_other_topics_start_with_a_one_line_emergency_reminder(runner) -> None:
    lines = invoke(runner, ["storage"]).stdout.splitlines()
    assert lines[0].startswith("!! In an emergency") and "911" in lines[0]
    assert "Signs:" not in lines[:6]


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_topic_json_contract(runner, data: dict, topic_id: str) -> None:
    result = invoke(runner, [topic_id, "--json"]) if topic_id != "interactions" else None
    if result is None:
        result = invoke(runner, ["show", topic_id, "--json"])
    assert result.exit_code == 0
    view = json.loads(result.stdout)
    assert {"id", "title", "summary", "sections", "sources"} <= set(view)
    assert view["id"] == topic_id
    assert isinstance(view["summary"], str) and view["summary"]
    known = {s["id"]: s for s in data["sources"]}
    cited = set(view["summary_sources"])
    for action in view["actions"]:
        assert set(action) == {"text", "sources"} and action["sources"]
        cited |= set(action["sources"])
    for section in view["sections"]:
        assert set(section) >= {"heading", "points"}
        for point in section["points"]:
            assert set(point) == {"text", "sources"}
            assert point["sources"], point
            assert all(s in known for s in point["sources"])
            cited |= set(point["sources"])
    if view["talk_to_doctor"]:
        cited |= set(view["talk_to_doctor"]["sources"])
    if view["emergency_reminder"]:
        cited |= set(view["emergency_reminder"]["sources"])
    if view["decision_chart"]:
        cited |= set(view["decision_chart"]["sources"])
    if view["emergency"]:
        cited |= set(view["emergency"]["instruction"]["sources"])
        for sign in view["emergency"]["signs"]:
            cited |= set(sign["sources"])
    # `sources` is exactly the set cited in this topic, each with its full reference.
    assert {s["id"] for s in view["sources"]} == cited
    for source in view["sources"]:
        keys = ("id", "title", "publisher", "url")
        assert {k: source[k] for k in keys} == {k: known[source["id"]][k] for k in keys}
        assert source["tier"] == known[source["id"]].get("tier", "other")


def test_sources_flag_adds_markers_and_reference_list(runner) -> None:
    plain = invoke(runner, ["missed-dose"]).stdout
    cited = invoke(runner, ["missed-dose", "--sources"]).stdout
    assert not re.search(r"\[\d+([,-]\d+)*\]", plain)
    assert re.search(r"\[\d+([,-]\d+)*\]", cited)
    view = json.loads(invoke(runner, ["missed-dose", "--json"]).stdout)
    references = cited.split("\nSources\n", 1)[1]
    for n, source in enumerate(view["sources"], 1):
        assert f"[{n}] {source['title']}" in " ".join(references.split())


def test_topics_lists_every_topic_one_line_each(runner, data: dict) -> None:
    result = invoke(runner, ["topics"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for topic in data["topics"]:
        assert any(line.startswith(topic["id"] + " ") and topic["title"] in line for line in lines)
    listed = json.loads(invoke(runner, ["topics", "--json"]).stdout)
    assert [t["id"] for t in listed] == TOPIC_IDS


def test_sources_command_lists_every_source(runner, data: dict) -> None:
    result = invoke(runner, ["sources"])
    assert result.exit_code == 0
    for source in data["sources"]:
        assert f"{source['id']}:" in result.stdout
    as_json = json.loads(invoke(runner, ["sources", "--json"]).stdout)
    assert [s["id"] for s in as_json] == [s["id"] for s in data["sources"]]


def test_show_finds_any_topic_and_rejects_unknown(runner) -> None:
    assert invoke(runner, ["show", "pump"]).exit_code == 0
    result = invoke(runner, ["show", "pumpp"])
    assert result.exit_code == 2
    assert "no topic 'pumpp'" in result.stderr and "Did you mean 'pump'" in result.stderr


def test_version(runner) -> None:
    from baclofen_cli import __version__

    for flag in ("--version", "-V"):
        result = invoke(runner, [flag])
        assert result.exit_code == 0
        assert result.stdout.splitlines() == [
            f"baclofen {__version__}", "knowledge file: built-in", "content reviewed: 2026-11-21"
        ]


def test_no_arguments_without_a_terminal_prints_help(runner) -> None:
    result = invoke(runner, [])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout and "missed-dose" in result.stdout


def test_unknown_command_suggests(runner) -> None:
    result = runner.invoke(__import__("baclofen_cli.cli.app", fromlist=["app"]).app, ["storge"])
    assert result.exit_code == 2
    assert result.stderr == "baclofen: error: 'storge' is not a command. Did you mean 'storage'? See 'baclofen help'.\n"


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_installed_script_answers_every_topic(topic_id: str) -> None:
    result = run_cli([topic_id, "--json"] if topic_id != "interactions" else [topic_id])
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    if topic_id != "interactions":
        assert json.loads(result.stdout)["id"] == topic_id


def test_python_dash_m_matches_the_script() -> None:
    import subprocess

    module = subprocess.run([sys.executable, "-m", "baclofen_cli", "missed-dose"], capture_output=True, text=True)
    assert module.returncode == 0
    assert module.stdout == run_cli(["missed-dose"]).stdout
