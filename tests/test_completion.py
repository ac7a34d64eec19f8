"""Shell completion: the generated scripts run in real bash, zsh and fish."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli, script_path


def _env() -> dict[str, str]:
    # The scripts call `baclofen` by name, as an installed tool is.
    return {**os.environ, "PATH": f"{Path(script_path()).parent}{os.pathsep}{os.environ['PATH']}"}


def _bash_complete(tmp_path: Path, words: list[str]) -> list[str]:
    completion = tmp_path / "baclofen.bash"
    completion.write_text(run_cli(["completion", "bash"]).stdout)
    quoted = " ".join(f"'{w}'" for w in words)
    program = (
        f"source '{completion}'; complete -p baclofen; COMP_WORDS=(baclofen {quoted}); "
        f"COMP_CWORD={len(words)}; _baclofen; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    )
    result = subprocess.run(["bash", "--norc", "-c", program], capture_output=True, text=True, env=_env(), timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "complete -F _baclofen baclofen"
    return lines[1:]


def test_bash_completes_commands_topics_options_and_medicines(tmp_path: Path) -> None:
    assert _bash_complete(tmp_path, ["side"]) == ["side-effects"]
    assert {"missed-dose", "man"} <= set(_bash_complete(tmp_path, ["m"]))
    assert _bash_complete(tmp_path, ["show", "pu"]) == ["pump"]
    assert _bash_complete(tmp_path, ["quiz", "--c"]) == ["--color", "--count"]
    assert _bash_complete(tmp_path, ["handout", "--format", ""]) == ["html", "md", "txt"]
    assert "Xanax" in _bash_complete(tmp_path, ["interactions", "xan"])
    assert "Tylenol\\ with\\ Codeine" in _bash_complete(tmp_path, ["interactions", "tylenol"])
    assert _bash_complete(tmp_path, ["handout", "--topics", "missed-dose,sto"]) == ["missed-dose,stopping",
                                                                                   "missed-dose,storage"]
    assert _bash_complete(tmp_path, ["help", "env"]) == ["environment"]


def test_bash_completes_file_names_for_data(tmp_path: Path) -> None:
    (tmp_path / "clinic.yaml").write_text("x")
    found = _bash_complete(tmp_path, ["--data", str(tmp_path / "cli")])
    assert found == [str(tmp_path / "clinic.yaml")]


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_medicine_names(tmp_path: Path) -> None:
    completion = tmp_path / "baclofen.fish"
    completion.write_text(run_cli(["completion", "fish"]).stdout)
    def complete(line: str) -> list[str]:
        program = f"source '{completion}'; complete -C '{line}'"
        result = subprocess.run(["fish", "--no-config", "-c", program], capture_output=True, text=True,
                                env=_env(), timeout=60)
        assert result.returncode == 0, result.stderr
        return [row.split("\t")[0] for row in result.stdout.splitlines()]

    assert "Xanax" in complete("baclofen interactions Xan")
    assert complete("baclofen side") == ["side-effects"]
    assert complete("baclofen show pu") == ["pump"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_completes_at_a_real_prompt(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    completion = tmp_path / "_baclofen"
    completion.write_text(run_cli(["completion", "zsh"]).stdout)
    env = {**_env(), "PS1": "READY> ", "HOME": str(tmp_path)}
    shell = pexpect.spawn("zsh", ["-f", "-i"], env=env, encoding="utf-8", timeout=30, dimensions=(24, 200))
    try:
        shell.sendline(f"fpath=('{tmp_path}' $fpath); autoload -U compinit; compinit -u; PS1='READY> '")
        shell.expect("READY> ")
        shell.send("baclofen show pu\t")
        shell.expect("pump")
        shell.sendcontrol("u")
        shell.send("baclofen interactions Percoc\t")
        shell.expect("Percocet")
        shell.sendcontrol("u")
        shell.send("baclofen interactions Xana\t\t")  # several names: the second TAB lists them
        shell.expect(r"Xanax\\ XR")  # listed as the name will be typed, with its space escaped
    finally:
        shell.sendcontrol("c")
        shell.sendline("exit")
        shell.close(force=True)


def test_completion_refuses_an_unknown_shell() -> None:
    result = run_cli(["completion", "tcsh"])
    assert result.returncode == 2 and result.stderr.startswith("baclofen: error: SHELL must be one of bash, zsh, fish")
