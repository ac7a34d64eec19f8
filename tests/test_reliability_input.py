"""Odd environments and arguments: junk COLUMNS, a question that starts with "-", and more names than
`interactions` checks at once (issue 17, items 2 and 9)."""

from __future__ import annotations

import json

import pytest

from baclofen_cli.features.interactions.command import MAX_INTERACTION_NAMES
from conftest import DATA_FILE, run_cli

COMMANDS = [
    ["overview"], ["topics"], ["interactions", "xanax"], ["interactions"], ["ask", "i forgot my pill"],
    ["handout", "--format", "txt"], ["quiz"], ["validate", str(DATA_FILE)],
]


@pytest.mark.parametrize("columns", ["²", "¹²", "٣٠", "0", "1e3", "９０"])
@pytest.mark.parametrize("color", [False, True], ids=["plain", "FORCE_COLOR"])
def test_junk_columns_never_crash(columns: str, color: bool) -> None:
    """F13: COLUMNS=² (str.isdigit() is true for it, int() is not) crashed 6 of 8 commands."""
    env = {"COLUMNS": columns, "LINES": columns, **({"FORCE_COLOR": "1"} if color else {})}
    for args in COMMANDS:
        result = run_cli(args, env=env, input="")
        # validate may list the file's source advisories (exit 1); what matters is no crash.
        assert result.returncode in ((0, 1) if args[0] == "validate" else (0,)), (args, result.stderr)
        assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_columns_zero_means_unknown_not_narrow() -> None:
    wide = run_cli(["missed-dose"], env={"COLUMNS": "100"}).stdout
    assert run_cli(["missed-dose"], env={"COLUMNS": "0"}).stdout == run_cli(["missed-dose"], env={"COLUMNS": ""}).stdout
    assert max(map(len, run_cli(["missed-dose"], env={"COLUMNS": "0"}).stdout.splitlines())) > 20
    assert wide


QUESTION = "-5 degrees in the car, is it ok"


def test_a_question_starting_with_a_dash_says_how_to_ask_it() -> None:
    """F18: `ask "-5 degrees..."` said only "No such option: -5"."""
    result = run_cli(["ask", QUESTION])
    assert result.returncode == 2
    assert "-5" in result.stderr
    assert "baclofen ask -- " in result.stderr  # the way to ask it


def test_double_dash_asks_a_question_starting_with_a_dash() -> None:
    for args in (["ask", "--", QUESTION], ["ask", "--json", "--", QUESTION], ["ask", "--", "-x"]):
        result = run_cli(args)
        assert result.returncode == 0, (args, result.stderr)
    assert json.loads(run_cli(["ask", "--json", "--", QUESTION]).stdout)["query"] == QUESTION


def test_a_name_starting_with_a_dash_says_how_to_check_it() -> None:
    result = run_cli(["interactions", "-codamol"])
    assert result.returncode == 2 and "baclofen interactions -- " in result.stderr
    assert run_cli(["interactions", "--", "-codamol"]).returncode == 0


def test_too_many_names_is_one_clear_line_and_quick() -> None:
    """F15: 10,000 names took 28 s. Past the cap nothing is checked, and the answer says why."""
    names = [f"name{n}" for n in range(MAX_INTERACTION_NAMES + 1)]
    for extra in ([], ["--json"]):
        result = run_cli(["interactions", *names, *extra], timeout=60)
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1
        assert f"at most {MAX_INTERACTION_NAMES}" in result.stderr and result.stdout == ""
    # Reading the command line was quadratic in its words (17 s for these before the cap).
    many = run_cli(["interactions", *["xanax"] * 10_000], timeout=60)
    assert many.returncode == 2 and "too many names (10,000)" in many.stderr


def test_the_cap_is_generous() -> None:
    assert MAX_INTERACTION_NAMES >= 50
    names = ["oxycodone", *[f"vitamin{n}" for n in range(MAX_INTERACTION_NAMES - 1)]]
    result = run_cli(["interactions", "--json", *names], timeout=60)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["results"]) == MAX_INTERACTION_NAMES
