"""Classes found in session 11: overdoses told in Nigerian Pidgin or Jamaican Patois ("don swallow",
"tek nuff", "cyaan wake") are emergencies, while everyday questions in the same words stay calm."""

from __future__ import annotations

import pytest
from ask_cli import ask_en, first_topic


@pytest.mark.parametrize("question", [
    "e don swallow ten baclofen tablet",
    "tek nuff a mi baclofen pill dem an him cyaan wake up",
    "my pikin don chop plenty of my baclofen tablet",
    "she teck whole heap a mi pill dem",
])
def test_an_overdose_told_in_pidgin_or_patois_is_an_emergency(question: str) -> None:
    data = ask_en(question)
    assert data["emergency"] is True
    assert first_topic(data) == "overdose"


@pytest.mark.parametrize("question", [
    "abeg how i go take baclofen",
    "mi tek mi baclofen pill dem every marnin",
    "i don take my baclofen tablet today",
])
def test_everyday_questions_in_pidgin_or_patois_stay_calm(question: str) -> None:
    assert ask_en(question)["emergency"] is False
