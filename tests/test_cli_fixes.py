"""Command-line fixes found after the merges, each checked through the real CLI."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, run_cli


@pytest.mark.parametrize("words", [["what", "is", "baclofen"], ["is", "baclofen", "safe"], ["my", "xanax"]])
def test_a_bare_line_with_words_besides_a_name_is_a_question(runner, words: list[str]) -> None:
    result = run_cli([*words, "--json"])
    assert result.returncode == 0, result.stderr
    assert "answering it as a question" in result.stderr
    assert json.loads(result.stdout) == json.loads(run_cli(["ask", *words, "--json"]).stdout)
    assert invoke(runner, [*words, "--json"]).stderr == result.stderr


@pytest.mark.parametrize(
    ("words", "how"),
    [(["co", "codamol"], "checking it as a medicine name"), (["solpadeine", "max"], "checking it as a medicine name"),
     (["xanax", "beer"], "checking them as medicine names")],
)
def test_a_bare_line_of_medicine_names_is_checked(words: list[str], how: str) -> None:
    result = run_cli([*words, "--json"])
    assert result.returncode == 0, result.stderr
    assert how in result.stderr
    assert json.loads(result.stdout)["results"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["handout", "--topics"], "--topics needs a value (A,B,C). See 'baclofen help handout'."),
        (["handout", "--format"], "--format needs a value (one of md, html, txt). See 'baclofen help handout'."),
        (["quiz", "--count"], "--count needs a value (a whole number from 1 to 100). See 'baclofen help quiz'."),
        (["quiz", "--seed"], "--seed needs a value (a whole number of 0 or more). See 'baclofen help quiz'."),
        (["handout", "-o"], "-o needs a value (FILE). See 'baclofen help handout'."),
        (["overview", "--region"], "--region needs a value (CODE). See 'baclofen help'."),
    ],
)
def test_an_option_missing_its_value_says_what_kind_of_value(args: list[str], expected: str) -> None:
    result = run_cli(args)
    assert result.returncode == 2
    assert result.stderr == f"baclofen: error: {expected}\n"
    assert "a value (a value)" not in result.stderr


NARROW = 40


@pytest.mark.parametrize(
    "args",
    [["--help"], ["help", "exit-codes"], ["help", "environment"], ["help", "command-lines"], ["interactions", "--help"],
     ["help", "ask"], ["quiz", "--help"], ["help", "shell-completion"]],
)
def test_help_fits_a_narrow_terminal(args: list[str]) -> None:
    result = run_cli(args, env={"COLUMNS": str(NARROW)})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # Only a word that cannot break (a file path in a command) may stick out.
    too_long = [line for line in lines if len(line) > NARROW and " " in line.strip()]
    assert not too_long, too_long
    if args[0] != "help" or args[1] in ("ask",):
        return
    # A help topic loses no word when wrapped (and a command split with " \" rejoins).
    wide = run_cli(args, env={"COLUMNS": "200"}).stdout
    assert " ".join(wide.replace(" \\\n", " ").split()) == " ".join(result.stdout.replace(" \\\n", " ").split())


def test_a_wrapped_example_still_runs_as_one_command() -> None:
    result = run_cli(["interactions", "--help"], env={"COLUMNS": "30"})
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if '"my Xanax"' in line)
    assert lines[start].endswith(" \\") and "co-codamol" in lines[start + 1]
    # The continuation is indented under the command, and no quoted name is split.
    assert lines[start + 1].startswith(" " * 8) and '"my' not in lines[start + 1]


def test_the_root_examples_put_the_description_under_the_command_when_narrow() -> None:
    lines = run_cli(["--help"], env={"COLUMNS": str(NARROW)}).stdout.splitlines()
    command = next(i for i, line in enumerate(lines) if line.strip() == "baclofen side effects")
    assert lines[command + 1].strip() == "words are joined into the"


@pytest.mark.parametrize("args", [["--version", "--json"], ["--json", "-V"]])
def test_version_as_json(args: list[str], tmp_path) -> None:
    result = run_cli(args)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) == {"version", "knowledge_file", "reviewed"}
    assert payload["knowledge_file"] == "built-in"
    assert payload["reviewed"] in run_cli(["-V"]).stdout
    missing = run_cli(["--data", str(tmp_path / "missing.yaml"), *args])
    payload = json.loads(missing.stdout)
    assert payload["reviewed"] is None and "missing.yaml" in payload["error"]


def test_json_before_a_command_says_where_it_goes() -> None:
    result = run_cli(["--json", "overdose"])
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("baclofen: error: --json goes after the command")
    assert "Did you mean" not in result.stderr
