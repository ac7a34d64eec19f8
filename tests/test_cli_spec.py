"""The command line is defined once (baclofen_cli/cli_spec.py), and every run ends by one policy
(baclofen_cli/cli_report.py): the README's exit-code table, the same code for a closed pipe
whatever the command."""

from __future__ import annotations

import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from baclofen_cli.cli import fast as cli_fast
from baclofen_cli.cli import spec as cli_spec
from baclofen_cli.cli.report import ExitCode
from conftest import ROOT, invoke, script_path


def test_the_typer_tree_is_the_table() -> None:
    import typer.main

    from baclofen_cli.cli.app import app

    group = typer.main.get_command(app)
    assert group.list_commands(None) == [c.name for c in cli_spec.COMMANDS]  # type: ignore[attr-defined, arg-type]
    for spec in cli_spec.COMMANDS:
        command = group.get_command(None, spec.name)  # type: ignore[attr-defined, arg-type]
        assert callable(cli_spec.handler(spec)), spec.handler
        options = {opt for param in command.params for opt in getattr(param, "opts", []) if opt.startswith("--")}
        # Every flag the table gives a row is an option of its Typer command, and the fast path
        # accepts exactly those flags.
        assert {flag.option for flag in spec.flags} <= options, spec.name
        if spec.fast:
            assert {flag.option for flag in spec.flags} == options, spec.name


def test_adding_a_flag_is_one_edit(monkeypatch: pytest.MonkeyPatch, runner) -> None:
    """A flag added to a row reaches the fast matcher, the Typer command and its --help, and the
    handler gets it, with no other change."""
    calls = []

    def handler(app_state, topic_id: str, json_output: bool = False, sources: bool = False,  # noqa: ANN001
                large: bool = False) -> None:
        calls.append((json_output, sources, large))

    monkeypatch.setattr(cli_spec, "_probe_handler", handler, raising=False)
    spec = cli_spec.BY_NAME["pump"]
    extra = cli_spec.Flag("--large", "large", "Print it in large type.")
    changed = spec._replace(flags=(*spec.flags, extra), handler="baclofen_cli.cli.spec:_probe_handler")
    monkeypatch.setitem(cli_spec.BY_NAME, "pump", changed)

    found = cli_fast.match(["pump", "--large"])
    assert found is not None and found[1] == {"topic_id": "pump", "json_output": False, "sources": False,
                                             "large": True}
    from baclofen_cli.cli.app import build_command

    command = build_command(changed)
    assert "--large" in {opt for param in command.params for opt in getattr(param, "opts", [])}
    result = invoke(runner, ["pump", "--large", "--json"])
    assert result.exit_code == 0 and calls == [(True, False, True)]
    assert "--large" in invoke(runner, ["pump", "--help"]).stdout


def test_exit_codes_are_the_readme_table() -> None:
    from baclofen_cli.core.errors import BaclofenError

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit codes", 1)[1].split("\n## ", 1)[0]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)}
    assert documented == {int(code) for code in ExitCode}
    assert BaclofenError.exit_code == ExitCode.USAGE
    assert "BROKEN_PIPE" in ExitCode.__members__ and "output stopped early" in table.split("| 1 |")[1].split("\n")[0]


# Every command, on the fast path and through Typer; the reader has gone before anything is written.
EVERY_COMMAND = [
    *([name] for name in cli_spec.TOPIC_COMMANDS),
    ["--no-color", "missed-dose"], ["missed-dose", "--json"], ["interactions", "xanax"], ["interactions", "--json"],
    ["ask", "i forgot my pill"], ["ask", "--json", "can i drink beer"], ["xanax"], ["side", "effects"],
    ["topics"], ["topics", "--json"], ["show", "pump"], ["sources"], ["sources", "--json"],
    ["guide"], ["handout"], ["handout", "--format", "html"], ["handout", "--json"],
    ["quiz", "--answers", "a,b", "--count", "2", "--seed", "1"], ["quiz", "--json", "--seed", "1"],
    ["validate"], ["validate", "--json"], ["schema"], ["help"], ["help", "environment"], ["--help"],
    ["pump", "--help"], ["completion", "bash"], ["man"], ["--version"], ["--version", "--json"], [],
]


def _closed_early(args: list[str]) -> tuple[int, str]:
    env = {**os.environ, "BACLOFEN_PAGER": "cat"}
    proc = subprocess.Popen([script_path(), *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    proc.stdout.close()  # type: ignore[union-attr] - before the child has started: every write fails
    _, stderr = proc.communicate(timeout=60)
    return proc.returncode, stderr.decode("utf-8", "replace")


def test_a_pipe_closed_early_ends_every_command_the_same_way() -> None:
    from conftest import run_cli

    run_cli(["overview"])  # fills the cache, so the runs below only answer
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(_closed_early, EVERY_COMMAND))
    for args, (code, stderr) in zip(EVERY_COMMAND, results, strict=True):
        assert code == ExitCode.BROKEN_PIPE, (args, code, stderr)
        assert "Traceback" not in stderr and "Exception ignored" not in stderr, (args, stderr)
