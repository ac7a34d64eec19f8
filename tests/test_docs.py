"""The README stays true: every command documented, the CI command is the README's test command."""

from __future__ import annotations

import re

from baclofen_cli.cli.app import app
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return group.list_commands(None)  # type: ignore[attr-defined, arg-type]


def test_every_command_is_in_the_readme() -> None:
    for name in command_names():
        assert f"`{name}" in README or f" {name}`" in README, name


def test_every_command_has_help() -> None:
    import typer.main

    group = typer.main.get_command(app)
    names = command_names()
    assert len(names) >= 20
    for name in names:
        command = group.get_command(None, name)  # type: ignore[attr-defined, arg-type]
        assert (command.help or "").strip(), name


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in ci.splitlines() if "pytest" in line).strip()
    assert test_command in README
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.DOTALL)
    assert test_command in blocks
    assert any("pip install ." in b and "baclofen " in b for b in blocks)


def test_help_lists_every_command_as_typer_would(runner) -> None:
    """--help reads the registrations directly; it must match the converted commands."""
    import typer.main

    from conftest import invoke

    group = typer.main.get_command(app)
    listed = invoke(runner, ["--help"]).stdout.split("Commands:\n", 1)[1]
    names = command_names()
    width = 78 - 6 - max(map(len, names))  # help is 78 columns wide at COLUMNS=80, under CliRunner too
    for name in names:
        short = group.get_command(None, name).get_short_help_str(width)  # type: ignore[attr-defined, arg-type]
        assert " ".join(f"{name} {short}".split()) in " ".join(listed.split()), name
