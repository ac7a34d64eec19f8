"""`baclofen --help` from the cache (cli/help_memo.py): the same bytes as the Typer app writes,
without importing Typer, and never stale: a change of width, language, program name or file
gives that run's own help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli, script_path

SECOND_DRUG = FIXTURES / "second_drug.yaml"


def _help(cache: Path, *args: str, env: dict[str, str] | None = None, program: str | None = None) -> str:
    result = run_cli([*args], env={"XDG_CACHE_HOME": str(cache), **(env or {})}, process=True, program=program)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def _kept(cache: Path) -> list[Path]:
    return sorted(cache.glob("baclofen-cli/*/help.json"))


def test_the_second_help_prints_the_first_ones_bytes_without_importing_typer(tmp_path: Path) -> None:
    first = _help(tmp_path, "--help")
    assert first.startswith("Usage: baclofen [OPTIONS] COMMAND [ARGS]...")
    assert len(_kept(tmp_path)) == 1
    assert _help(tmp_path, "--help") == first
    assert _help(tmp_path, "-h") == first
    imports = subprocess.run([sys.executable, "-X", "importtime", "-c",
                              "import sys; sys.argv = ['baclofen', '--help']; "
                              "from baclofen_cli.cli.entry import main; main()"],
                             capture_output=True, text=True, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)},
                             timeout=60)
    assert imports.stdout == first
    assert "typer" not in imports.stderr


def _imports_typer(cache: Path, env: dict[str, str]) -> bool:
    imports = subprocess.run([sys.executable, "-X", "importtime", "-c",
                              "import sys; sys.argv = ['baclofen', '--help']; "
                              "from baclofen_cli.cli.entry import main; main()"],
                             capture_output=True, text=True, timeout=60,
                             env={**os.environ, "XDG_CACHE_HOME": str(cache), **env})
    return "typer" in imports.stderr


def test_help_for_two_sets_of_inputs_in_turn_is_kept_for_both(tmp_path: Path) -> None:
    """A pipe and a terminal, or two widths, used in turn: neither pushes the other out."""
    wide, narrow = _help(tmp_path, "--help"), _help(tmp_path, "--help", env={"COLUMNS": "50"})
    assert not _imports_typer(tmp_path, {})
    assert not _imports_typer(tmp_path, {"COLUMNS": "50"})
    assert (_help(tmp_path, "--help"), _help(tmp_path, "--help", env={"COLUMNS": "50"})) == (wide, narrow)


def test_another_width_gets_help_drawn_for_it(tmp_path: Path) -> None:
    wide = _help(tmp_path, "--help")
    narrow = _help(tmp_path, "--help", env={"COLUMNS": "50"})
    assert narrow != wide
    assert max(map(len, narrow.splitlines())) <= 50
    assert _help(tmp_path / "fresh", "--help", env={"COLUMNS": "50"}) == narrow
    assert _help(tmp_path, "--help") == wide


def test_each_language_keeps_its_own_help(tmp_path: Path) -> None:
    english = _help(tmp_path, "--help")
    spanish = _help(tmp_path, "--help", env={"BACLOFEN_LANG": "es"})
    assert spanish != english
    assert _help(tmp_path, "--help", env={"BACLOFEN_LANG": "es"}) == spanish
    assert _help(tmp_path, "--lang", "es", "--help") == spanish
    assert _help(tmp_path, "--help") == english


def test_another_knowledge_file_or_program_name_is_not_served_the_kept_help(tmp_path: Path) -> None:
    shipped = _help(tmp_path, "--help")
    other = _help(tmp_path, "--help", env={"BACLOFEN_DATA": str(SECOND_DRUG)})
    assert len(_kept(tmp_path)) == 2  # kept with that file's own cache entry
    assert other == _help(tmp_path / "fresh", "--help", env={"BACLOFEN_DATA": str(SECOND_DRUG)})
    link = tmp_path / "zentrafol"
    os.symlink(script_path(), link)
    renamed = _help(tmp_path, "--help", program=str(link))
    assert renamed.startswith("Usage: zentrafol ")
    assert _help(tmp_path, "--help") == shipped


@pytest.mark.parametrize("damage", ["edited", "other shape", "another key"])
def test_a_damaged_or_foreign_memo_is_written_again(tmp_path: Path, damage: str) -> None:
    first = _help(tmp_path, "--help")
    (kept,) = _kept(tmp_path)
    header, _, payload = kept.read_bytes().partition(b"\n")
    if damage == "edited":
        kept.write_bytes(header + b"\n" + payload.replace(b"Usage:", b"Abuse:"))
    else:
        from baclofen_cli.core.cache_store import seal

        body = json.loads(payload)
        if damage == "other shape":
            body = ["not", "a", "memo"]
        else:
            body["texts"] = {"0" * 32: "Abuse: a stale help"}
        kept.write_bytes(seal(kept.parent.name, kept.name, json.dumps(body).encode()))
    assert _help(tmp_path, "--help") == first
    assert _help(tmp_path, "--help") == first


def test_a_reader_that_leaves_early_is_not_a_bug(tmp_path: Path) -> None:
    _help(tmp_path, "--help")
    script = f"{script_path()} --help | head -n 1"
    result = subprocess.run(["sh", "-c", script], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "XDG_CACHE_HOME": str(tmp_path)})
    assert result.stdout.startswith("Usage: baclofen")
    assert "Traceback" not in result.stderr


def test_other_command_lines_do_not_import_the_memo() -> None:
    """Start-up: only a bare --help or -h pays for reading the memo."""
    imports = subprocess.run([sys.executable, "-X", "importtime", "-c",
                              "import sys; sys.argv = ['baclofen', 'missed-dose']; "
                              "from baclofen_cli.cli.entry import main; main()"],
                             capture_output=True, text=True, timeout=60)
    assert imports.returncode == 0, imports.stderr[-500:]
    assert "help_memo" not in imports.stderr
