"""TTY awareness: colour only where it belongs, width, encodings, and pipes that close early."""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import run_cli, script_path

ESC = "\x1b"


def test_piped_output_is_plain() -> None:
    result = run_cli(["side-effects"])
    assert result.returncode == 0 and ESC not in result.stdout
    assert "╭" not in result.stdout  # no panels in a pipe


def test_force_color_draws_colour_and_panels() -> None:
    result = run_cli(["side-effects"], env={"FORCE_COLOR": "1"})
    assert result.returncode == 0
    assert ESC + "[" in result.stdout and "EMERGENCY" in result.stdout


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {"NO_COLOR": "1", "FORCE_COLOR": "1"}])
def test_plain_when_colour_is_turned_off(env: dict[str, str]) -> None:
    result = run_cli(["overdose"], env=env)
    assert result.returncode == 0 and ESC not in result.stdout


def test_color_flags_override_detection() -> None:
    assert ESC in run_cli(["--color", "storage"]).stdout
    assert ESC not in run_cli(["--no-color", "storage"], env={"FORCE_COLOR": "1"}).stdout


@pytest.mark.parametrize("columns", ["30", "20"])
@pytest.mark.parametrize("color", ["0", "1"])
def test_wraps_to_narrow_terminals(columns: str, color: str) -> None:
    env = {"COLUMNS": columns, **({"FORCE_COLOR": "1"} if color == "1" else {})}
    result = run_cli(["missed-dose", "--sources"], env=env)
    assert result.returncode == 0
    import re

    for line in result.stdout.splitlines():
        visible = re.sub(r"\x1b\[[0-9;]*m", "", line)
        # URLs and long words may not break; everything else fits.
        if "http" not in visible and max((len(w) for w in visible.split()), default=0) < int(columns):
            assert len(visible) <= int(columns), line


@pytest.mark.parametrize("color", [False, True])
def test_a_terminal_that_cannot_encode_never_crashes(color: bool) -> None:
    env = {"PYTHONIOENCODING": "ascii", **({"FORCE_COLOR": "1"} if color else {})}
    result = run_cli(["side-effects", "--sources"], env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_json_is_never_coloured() -> None:
    result = run_cli(["overdose", "--json"], env={"FORCE_COLOR": "1"})
    assert ESC not in result.stdout


def test_closing_the_pipe_early_is_quiet() -> None:
    shell = f"'{script_path()}' side-effects | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True,
                            env=dict(os.environ), timeout=30)
    assert result.stdout.strip() != ""
    assert result.stderr == ""
