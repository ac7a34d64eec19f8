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
    """The run, after checking it never reached the Typer app and printed exactly what the Typer app prints.

    In this process Typer is already imported, so the Typer app's module is made unimportable for
    the run: had the run left the fast path, it would fail. That no Typer is imported at all on
    these forms is checked in one real process for all of them (test_fast_forms_import_no_typer)."""
    import sys

    saved = sys.modules.pop("baclofen_cli.cli.app", None)
    sys.modules["baclofen_cli.cli.app"] = None  # type: ignore[assignment]
    try:
        fast = run_cli(args)
    finally:
        del sys.modules["baclofen_cli.cli.app"]
        if saved is not None:
            sys.modules["baclofen_cli.cli.app"] = saved
    assert "Traceback" not in fast.stderr and "ImportError" not in fast.stderr, fast.stderr
    typer_path = invoke(runner, args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (typer_path.exit_code, typer_path.stdout, typer_path.stderr)
    return fast


FORGIVING_FAST_FORMS = [["side", "effects"], ["xanax"], ["withdrawal"], ["missed-dose", "--no-pager"],
                        ["--no-pager", "pump", "--json"]]
GLOBAL_OPTION_FAST_FORMS = [
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
]

# One real process runs the entry point on every fast form, then reports what it imported.
_IMPORTS_OF_FAST_FORMS = """
import contextlib, io, json, sys
from baclofen_cli.cli.entry import main
for args in json.loads(sys.argv[1]):
    sys.argv = ["baclofen", *args]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            main()
        except SystemExit:
            pass
    print(json.dumps(sorted(name for name in ("typer", "click", "baclofen_cli.cli.app") if name in sys.modules)))
"""


def test_fast_forms_import_no_typer(tmp_path) -> None:
    import subprocess
    import sys

    from conftest import DATA_FILE

    forms = [[a.format(data=DATA_FILE, missing=tmp_path / "missing.yaml") for a in args]
             for args in [*FORGIVING_FAST_FORMS, *GLOBAL_OPTION_FAST_FORMS]]
    result = subprocess.run([sys.executable, "-c", _IMPORTS_OF_FAST_FORMS, json.dumps(forms)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(reports) == len(forms)
    # Each line lists what was imported after that form (and the ones before it): none of Typer.
    assert all(report == [] for report in reports), list(zip(forms, reports))
    # The check can fail: a form the fast path leaves to Typer imports it.
    probe = subprocess.run([sys.executable, "-c", _IMPORTS_OF_FAST_FORMS, json.dumps([["topics"]])],
                           capture_output=True, text=True, timeout=120)
    assert "typer" in json.loads(probe.stdout.splitlines()[0])


@pytest.mark.parametrize("args", FORGIVING_FAST_FORMS)
def test_forgiving_forms_stay_on_the_fast_path_and_match_typer(runner, args: list[str]) -> None:
    answered_on_the_fast_path_as_typer_answers(runner, args)


@pytest.mark.parametrize("args", GLOBAL_OPTION_FAST_FORMS)
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
