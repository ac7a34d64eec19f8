"""Long answers on a terminal go through a pager (less -FRX by default); never in a pipe."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import run_cli, script_path

pexpect = pytest.importorskip("pexpect")


def _spawn(args: list[str], env: dict[str, str], rows: int = 24):  # noqa: ANN202
    full = {k: v for k, v in os.environ.items() if k not in ("PAGER", "BACLOFEN_PAGER", "LESS")}
    full.update({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": str(rows), **env})
    return pexpect.spawn(script_path(), args, env=full, encoding="utf-8", timeout=30, dimensions=(rows, 100))


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
def test_default_pager_shows_the_top_first_and_waits() -> None:
    child = _spawn(["interactions"], {})
    try:
        child.expect("In an emergency, call 911")  # the emergency line opens the page
        # less is waiting for a key: the end of the 300-row listing has not been written.
        with pytest.raises(pexpect.TIMEOUT):
            child.expect("Sources", timeout=2)
        assert child.isalive()
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0


def _recording_pager(tmp_path: Path) -> tuple[str, Path]:
    record = tmp_path / "paged.txt"
    return f"tee '{record}'", record


def test_pager_gets_the_whole_coloured_answer(tmp_path: Path) -> None:
    pager, record = _recording_pager(tmp_path)
    child = _spawn(["side-effects"], {"BACLOFEN_PAGER": pager})
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = record.read_text(encoding="utf-8")
    assert "\x1b[" in text and "EMERGENCY" in text.upper()
    assert text.rstrip().endswith("In an emergency, call your local emergency number.\x1b[0m")  # all of it


@pytest.mark.parametrize(
    ("args", "env"),
    [(["side-effects", "--no-pager"], {}), (["--no-pager", "interactions"], {}), (["side-effects"], {"PAGER": ""}),
     (["missed-dose"], {"LINES": "500"}), (["side-effects", "--json"], {})],
    ids=["--no-pager after", "--no-pager before", "empty PAGER", "fits on screen", "json"],
)
def test_no_pager_when_turned_off_short_or_json(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    pager, record = _recording_pager(tmp_path)
    rows = int(env.pop("LINES", "24"))
    child = _spawn(args, {"BACLOFEN_PAGER": pager, **env} if "PAGER" not in env else {"PAGER": env["PAGER"]},
                   rows=rows)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert not record.exists()


def test_never_when_piped(tmp_path: Path) -> None:
    pager, record = _recording_pager(tmp_path)
    result = run_cli(["interactions"], env={"BACLOFEN_PAGER": pager})
    assert result.returncode == 0 and len(result.stdout.splitlines()) > 100
    assert not record.exists()


def test_a_missing_pager_still_shows_the_answer() -> None:
    child = _spawn(["side-effects"], {"BACLOFEN_PAGER": "no-such-pager-here"})
    child.expect("EMERGENCY|GET HELP")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
