"""The Typer-free fast path answers exactly as the Typer command tree does, and only simple forms."""

from __future__ import annotations

import json

import pytest

from baclofen_cli.cli.fast import match
from baclofen_cli.cli.spec import TOPIC_COMMANDS
from conftest import invoke, run_cli

FLAG_SETS = [[], ["--json"], ["--sources"], ["--sources", "--json"]]
TOPICS = [t for t in TOPIC_COMMANDS if t != "interactions"]


@pytest.mark.parametrize("topic_id", TOPICS)
@pytest.mark.parametrize("flags", FLAG_SETS, ids=lambda f: " ".join(f) or "plain")
def test_topic_fast_path_matches_typer(runner, topic_id: str, flags: list[str]) -> None:
    assert match([topic_id, *flags]) is not None
    fast = run_cli([topic_id, *flags])
    typer_path = invoke(runner, [topic_id, *flags])
    assert (fast.returncode, fast.stdout, fast.stderr) == (typer_path.exit_code, typer_path.stdout, typer_path.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ["interactions"],
        ["interactions", "--json"],
        ["interactions", "percoset", "beer"],
        ["interactions", "--json", "my Xanax", "florbitrex"],
        ["interactions", "Percocet", "--sources"],
        ["ask", "i forgot my pill"],
        ["ask", "can", "I", "drink", "beer", "--json"],
        ["ask", "what is the capital of france"],
        ["ask", "my husband took too many and cant breathe"],
    ],
)
def test_other_fast_commands_match_typer(runner, args: list[str]) -> None:
    assert match(args) is not None
    fast = run_cli(args)
    typer_path = invoke(runner, args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (typer_path.exit_code, typer_path.stdout, typer_path.stderr)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["missed-dose", "--help"],
        ["missed-dose", "extra"],
        ["missed-dose", "--json", "--json"],
        ["--data", "x.yaml", "overview"],
        ["--no-color", "overview"],
        ["overview", "--color"],
        ["ask"],
        ["ask", "  "],
        ["ask", "--sources", "hi"],
        ["interactions", ""],
        ["interactions", "\x1b[31m"],
        ["interactions", "--", "-x"],
        ["topics"],
        ["validate"],
        ["sideeffects"],
    ],
)
def test_anything_else_goes_to_typer(args: list[str]) -> None:
    assert match(args) is None


def test_errors_are_the_same_on_both_paths(runner, tmp_path) -> None:
    missing = str(tmp_path / "missing.yaml")
    fast = run_cli(["overview"], env={"BACLOFEN_DATA": missing})
    typer_path = invoke(runner, ["overview"], env={"BACLOFEN_DATA": missing})
    assert fast.returncode == typer_path.exit_code == 2
    assert fast.stderr == typer_path.stderr
    assert fast.stderr.startswith("baclofen: error: ")


def test_fast_path_never_imports_typer_or_msgspec() -> None:
    run_cli(["side-effects"])  # fills the cache
    probe = run_cli(["side-effects", "--json"], env={"PYTHONPROFILEIMPORTTIME": "1"})
    imported = {line.split("|")[-1].strip() for line in probe.stderr.splitlines() if "|" in line}
    assert json.loads(probe.stdout)["id"] == "side-effects"
    assert not {"typer", "rich", "yaml", "msgspec"} & imported, sorted(imported)


def answered_on_the_fast_path_as_typer_answers(runner, args: list[str]):  # noqa: ANN201
    """The run, after checking it imported no Typer and printed exactly what the Typer app prints."""
    fast = run_cli(args, env={"PYTHONPROFILEIMPORTTIME": "1"})
    imported = {line.split("|")[-1].strip() for line in fast.stderr.splitlines() if "|" in line}
    assert "typer" not in imported
    fast = run_cli(args)
    typer_path = invoke(runner, args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (typer_path.exit_code, typer_path.stdout, typer_path.stderr)
    return fast


@pytest.mark.parametrize(
    "args",
    [["side", "effects"], ["xanax"], ["withdrawal"], ["missed-dose", "--no-pager"], ["--no-pager", "pump", "--json"]],
)
def test_forgiving_forms_stay_on_the_fast_path_and_match_typer(runner, args: list[str]) -> None:
    answered_on_the_fast_path_as_typer_answers(runner, args)


@pytest.mark.parametrize(
    "args",
    [
        ["--region", "uk", "overdose"],
        ["overdose", "--region", "uk"],
        ["overdose", "--region=au", "--json"],
        ["--region", "us", "--region", "eu", "stopping"],
        ["--data", "{data}", "overdose"],
        ["missed-dose", "--data={data}", "--no-pager"],
        ["--region", "uk", "interactions", "percocet"],
        ["ask", "--region", "uk", "I took too many"],
        ["--data", "{data}", "side", "effects", "--region", "uk"],
        ["--region", "xx", "overdose"],
        ["--data", "{missing}", "overdose"],
    ],
)
def test_global_options_stay_on_the_fast_path_and_match_typer(runner, tmp_path, args: list[str]) -> None:
    from conftest import DATA_FILE

    args = [a.format(data=DATA_FILE, missing=tmp_path / "missing.yaml") for a in args]
    fast = answered_on_the_fast_path_as_typer_answers(runner, args)
    assert fast.stdout or fast.stderr.startswith("baclofen: error: ")


@pytest.mark.parametrize(
    "args",
    [["--region"], ["overdose", "--region"], ["--data", "", "overdose"], ["--data", " ", "overdose"],
     ["--region", "--json", "overdose"], ["--color", "--region", "uk", "overdose"]],
)
def test_global_options_the_fast_path_leaves_to_typer_answer_the_same(runner, args: list[str]) -> None:
    fast = run_cli(args)
    typer_path = invoke(runner, args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (typer_path.exit_code, typer_path.stdout, typer_path.stderr)
