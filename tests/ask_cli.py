"""`baclofen ask --json` through the real CLI, shared by the Spanish class tests."""

from __future__ import annotations

import json

from conftest import run_cli


def ask_es(question: str) -> dict:
    """The Spanish guide's answer (`--lang es`, and the language setting too)."""
    result = run_cli(["--lang", "es", "ask", "--json", question], env={"BACLOFEN_LANG": "es"})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def first_topic(data: dict) -> str | None:
    return data["results"][0]["topic"] if data["results"] else None
