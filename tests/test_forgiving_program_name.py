"""The notes of a forgiving command line name the command as it was run, never the shipped drug.

A clinic installs the same code for another medicine under that medicine's name (a symlink named
`zentrafol`, BACLOFEN_DATA pointing at its file). A bare word the tool answers anyway ("beer", a
question) gets a note with the command that was really run: that command must be the one the user
typed, so it can be run again as shown.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import script_path

SECOND_DRUG = Path(__file__).parent / "fixtures" / "second_drug.yaml"


@pytest.fixture
def zentrafol(tmp_path: Path) -> list[str]:
    link = tmp_path / "zentrafol"
    os.symlink(script_path(), link)
    return [str(link)]


def _stderr(argv: list[str], *args: str) -> str:
    result = subprocess.run([*argv, *args], capture_output=True, text=True, encoding="utf-8", errors="replace",
                            env={**os.environ, "BACLOFEN_DATA": str(SECOND_DRUG)}, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stderr


@pytest.mark.parametrize(("words", "note"), [
    (["beer"], "'beer' is not a command; checking it as a medicine name (zentrafol interactions \"beer\")"),
    (["beer", "ambien"], "'beer ambien' is not a command; checking them as medicine names "
                         "(zentrafol interactions beer ambien)"),
    (["what", "is", "the", "weather", "on", "mars"],
     "'what is the weather on mars' is not a command; answering it as a question "
     "(zentrafol ask \"what is the weather on mars\")"),
])
def test_a_forgiving_note_names_the_command_as_it_was_run(zentrafol: list[str], words: list[str], note: str) -> None:
    stderr = _stderr(zentrafol, *words)
    assert f"zentrafol: {note}" in stderr
    assert "baclofen" not in stderr.casefold()
