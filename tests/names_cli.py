"""Checks of `baclofen interactions --json NAME...` through the real CLI, shared by the name-class
tests: which listed drugs each name resolves to, and that an unknown name is never "found" and
gets the pharmacist line in the answer's language."""

from __future__ import annotations

import json

from conftest import run_cli

# The word the "not in this guide" line must carry, in each language the guide ships.
PHARMACIST = {"en": "pharmacist", "es": "farmacéutico"}


def interactions_answer(names: list[str], lang: str = "en") -> dict:
    result = run_cli(["interactions", "--json", *names], env={"BACLOFEN_LANG": lang})
    assert result.returncode in (0, 1), result.stderr  # 1 when a name is not in the guide
    answer = json.loads(result.stdout)
    assert [r["query"] for r in answer["results"]] == names  # one result per name, in order
    return answer


def assert_found(names: dict[str, set[str]], lang: str = "en") -> None:
    """Each name resolves to exactly these listed drugs."""
    answer = interactions_answer(list(names), lang)
    got = {r["query"]: {m["drug"] for m in r["matches"]} for r in answer["results"]}
    wrong = {n: (want, got[n]) for n, want in names.items() if got[n] != want}
    assert not wrong, wrong


def assert_unknown(names: list[str], lang: str = "en") -> dict[str, list[str]]:
    """No name is "found", and each gets the pharmacist line (not "no interaction"); returns each
    name's "did you mean" suggestions."""
    answer = interactions_answer(names, lang)
    found = {r["query"]: [m["drug"] for m in r["matches"]] for r in answer["results"] if r["matches"]}
    assert not found, found
    for name in names:
        assert any(w.startswith(f"{name}: ") and PHARMACIST[lang] in w for w in answer["warnings"]), name
    return {r["query"]: r["suggestions"] for r in answer["results"]}
