"""The session-3 held-out sets (issues 14 and 18): written on 2026-12-01 by a helper who did not
change the tool, before that session's tuning, kept outside the repository until the work was done,
and measured once on the final code (figures in the session note and the README). Marked `holdout`
like tests/test_holdout_v4.py, whose measuring functions they share:

    .venv/bin/python -m pytest -m holdout -s -n 0 tests/test_holdout_v6.py
"""

from __future__ import annotations

import json

import pytest
import yaml
from test_holdout_v4 import _load, _only_when_asked_for, measure_ask, measure_names  # noqa: F401 (autouse fixture)

from conftest import DATA_FILE


def _topics() -> set[str]:
    return {t["id"] for t in yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["topics"]}


@pytest.mark.parametrize("name", ["ask_holdout_v6.yaml", "ask_es_holdout_v2.yaml"])
def test_a_session_3_question_set_is_well_formed(name: str) -> None:
    data = _load(name)
    items = data["phrasings"]
    assert len(items) >= 120 and len(data["out_of_scope"]) >= 30
    assert sum(i["emergency"] for i in items) >= 28
    wanted = {t for i in items for t in (i["topic"] if isinstance(i["topic"], list) else [i["topic"]])}
    assert wanted == _topics()


def _report(label: str, f: dict) -> None:
    print(f"\n{label}: top-1 {f['n'] - len(f['wrong'])}/{f['n']} = {f['top1']:.1%}; "
          f"emergencies missed {len(f['missed'])}/{f['emergencies']}; "
          f"false alarms {len(f['alarms'])}/{f['non_emergencies']}; "
          f"out of scope answered {len(f['answered'])}/{f['out_of_scope']}\n"
          f"{json.dumps(f, indent=1, ensure_ascii=False)}")


@pytest.mark.holdout
def test_english_ask_holdout_v6_meets_the_issue_14_bar() -> None:
    f = measure_ask("ask_holdout_v6.yaml")
    _report("ask_holdout_v6", f)
    assert f["missed"] == []
    assert len(f["alarms"]) <= 1, f["alarms"]
    assert f["answered"] == []
    assert f["top1"] >= 0.95, f["wrong"]


@pytest.mark.holdout
def test_names_holdout_v4_meets_the_issue_14_bar() -> None:
    f = measure_names("interaction_names_holdout_v4.yaml")
    print(f"\ninteraction_names_holdout_v4: resolved {f['resolved']}/{f['found_n']} = {f['resolved_share']:.1%}; "
          f"false found {len(f['false_found'])}/{f['not_found_n']}; "
          f"no pharmacist line {len(f['no_pharmacist_line'])}; class errors {len(f['class_errors'])}"
          f"\n{json.dumps(f, indent=1)}")
    assert f["false_found"] == []
    assert f["no_pharmacist_line"] == []
    assert f["class_errors"] == []
    assert f["resolved_share"] >= 0.95, f["unresolved"]


@pytest.mark.holdout
def test_spanish_ask_holdout_v2_meets_the_issue_18_bar() -> None:
    f = measure_ask("ask_es_holdout_v2.yaml", lang="es")
    _report("ask_es_holdout_v2", f)
    assert f["missed"] == []
    assert len(f["alarms"]) <= 1, f["alarms"]
    assert f["answered"] == []
    assert f["top1"] >= 0.92, f["wrong"]
