"""The `baclofen interactions NAME... --json` contract (stable; documented in the README).

Built by `interaction_views.answer_json`; tests/test_output_modes.py and tests/test_interactions.py
check the output. A change here is a change of the contract.
"""

from __future__ import annotations

from typing import Any, TypedDict

from baclofen_cli.features.topics.view import StatementView


class VerdictJSON(TypedDict):
    severity: str | None  # "major", "moderate", "minor", or null
    text: str
    sources: list[str]


class ResultJSON(TypedDict):
    query: str
    found: bool
    not_read: int  # characters of the name that were not read (a name longer than the limit)
    # Each: drug, matched, group, severity, effect, advice, sources, regions (and the group's other fields).
    matches: list[dict[str, Any]]
    suggestions: list[str]


class InteractionsJSON(TypedDict):
    verdict: VerdictJSON | None
    steps: list[StatementView]
    results: list[ResultJSON]
    warnings: list[str]
