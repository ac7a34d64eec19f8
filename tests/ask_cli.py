"""`baclofen ask --json` through the real CLI, shared by the class tests."""

from __future__ import annotations

import json

from conftest import invoke, run_cli


def ask_es(question: str) -> dict:
    """The Spanish guide's answer (`--lang es`, and the language setting too)."""
    result = run_cli(["--lang", "es", "ask", "--json", question], env={"BACLOFEN_LANG": "es"})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def first_topic(data: dict) -> str | None:
    return data["results"][0]["topic"] if data["results"] else None


def ask_en(question: str) -> dict:
    """The English guide's answer, through the console script's entry point."""
    result = run_cli(["ask", "--json", question])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def ask_json(runner, question: str) -> dict:  # noqa: ANN001 - a CliRunner
    """The English guide's answer, through the Typer app in this process."""
    result = invoke(runner, ["ask", "--json", question])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)
