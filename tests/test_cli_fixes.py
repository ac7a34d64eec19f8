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
