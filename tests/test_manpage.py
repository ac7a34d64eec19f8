"""`baclofen man`: a manual page generated from the command tree, listing every command."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from baclofen_cli.cli.forgiving import COMMANDS
from conftest import run_cli


def test_man_page_lists_every_command_with_its_options_and_examples() -> None:
    result = run_cli(["man"])
    assert result.returncode == 0
    page = result.stdout
    assert page.startswith(".TH BACLOFEN 1 ")
    for name in COMMANDS:
        roff_name = name.replace("-", "\\-")
        assert f'.SS "baclofen {roff_name} ' in page, name
        assert f"baclofen {roff_name}" in page.split(f'.SS "baclofen {roff_name} ', 1)[1], name
    for section in (".SH OPTIONS", ".SH ENVIRONMENT", ".SH EXIT STATUS", "\\fB\\-\\-no\\-pager\\fR"):
        assert section in page


def test_shipped_man_page_is_the_generated_one() -> None:
    import typer

    from conftest import ROOT

    if tuple(int(p) for p in typer.__version__.split(".")[:2]) != (0, 28):
        # The shipped page is generated with the newest Typer the pin allows (0.28); other releases
        # name metavars and choices differently (0.26: "INTEGER RANGE", "[a|b]"; 0.29: "[[NAME]...]..."
        # for "[NAME]...", and "TOPIC <str>"). CI's newest-dependencies job checks it.
        pytest.skip(f"the shipped page is generated with Typer 0.28; this is Typer {typer.__version__}")

    shipped = (ROOT / "data" / "baclofen.1").read_text(encoding="utf-8")
    assert shipped == run_cli(["man"]).stdout, "regenerate it: baclofen man > data/baclofen.1"


@pytest.mark.skipif(shutil.which("man") is None, reason="man is not installed")
def test_man_renders_the_page(tmp_path) -> None:
    page = tmp_path / "baclofen.1"
    page.write_text(run_cli(["man"]).stdout, encoding="utf-8")
    shown = subprocess.run(["man", "-l", str(page)], capture_output=True, text=True, timeout=60,
                           env={"MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "100", "PATH": "/usr/bin:/bin"})
    assert shown.returncode == 0, shown.stderr
    assert "missed-dose" in shown.stdout and "BACLOFEN_PAGER" in shown.stdout
    assert "warning" not in shown.stderr.lower()
