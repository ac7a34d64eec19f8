"""The session-2 held-out sets (issues 14 and 18), measured through the real console script
against the issues' bars. They were written before any tuning and are measured once, at the end,
by the integrator: the tests are marked `holdout`, deselected by default (pyproject `addopts`)
and skipped unless that marker is asked for by name, so CI's own `-m "not slow"` never runs them.
The checks of the sets' shape (and that no held-out question was copied into a knowledge file)
are not marked and always run.

    .venv/bin/python -m pytest -m holdout -s tests/test_holdout_v4.py            # all three
    .venv/bin/python -m pytest -m holdout -s tests/test_holdout_v4.py -k english
    .venv/bin/python -m pytest -m holdout -s tests/test_holdout_v4.py -k names
    .venv/bin/python -m pytest -m holdout -s tests/test_holdout_v4.py -k spanish

Each test prints its figures (with -s) before it asserts, so a failing run still reports them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA_FILE, ROOT, read_yaml, run_cli

TESTS = Path(__file__).resolve().parent
SPANISH_DATA = ROOT / "data" / "baclofen.es.yaml"



@pytest.fixture(autouse=True)
def _only_when_asked_for(request: pytest.FixtureRequest) -> None:
    """`-m "not slow"` (CI) replaces the default `-m "not holdout"`; skip unless asked by name."""
    expression = request.config.option.markexpr or ""
    if request.node.get_closest_marker("holdout") and ("holdout" not in expression or "not holdout" in expression):
        pytest.skip("held-out set: measured once at the end with `pytest -m holdout`")


# ---------------------------------------------------------------------------- the sets themselves (always run)
ASK_SETS = [("ask_holdout_v4.yaml", DATA_FILE), ("ask_es_holdout.yaml", SPANISH_DATA),
            # session 3 (tests/test_holdout_v6.py measures them)
            ("ask_holdout_v6.yaml", DATA_FILE), ("ask_es_holdout_v2.yaml", SPANISH_DATA)]


def _phrasings_in(knowledge_file: Path) -> set[str]:
    if not knowledge_file.exists():
        return set()
    hints = (read_yaml(knowledge_file).get("ask") or {}).get("topic_phrasings") or {}
    return {" ".join(p.casefold().split()) for values in hints.values() for p in values}


@pytest.mark.parametrize(("name", "knowledge_file"), ASK_SETS)
def test_a_held_out_question_set_is_well_formed_and_not_copied_into_the_knowledge_file(
        name: str, knowledge_file: Path) -> None:
    """Enough questions of each class, topic ids the guide has, and none of them copied into the
    knowledge file's ask phrasings (that would be tuning on the held-out set)."""
    data = _load(name)
    items = data["phrasings"]
    topics = {t["id"] for t in read_yaml(DATA_FILE)["topics"]}
    assert len(items) + len(data["out_of_scope"]) >= 110
    assert sum(i["emergency"] for i in items) >= 25 and len(data["out_of_scope"]) >= 25
    assert {t for i in items for t in _wanted(i)} == topics
    in_file = _phrasings_in(knowledge_file)
    copied = [i["q"] for i in items if " ".join(i["q"].casefold().split()) in in_file]
    assert copied == []


@pytest.mark.parametrize("name", ["interaction_names_holdout_v3.yaml", "interaction_names_holdout_v4.yaml"])
def test_the_held_out_name_list_is_well_formed(name: str) -> None:
    raw = _load(name)
    groups = read_yaml(DATA_FILE)["interactions"]["groups"]
    generics = {d["name"] for g in groups for d in g["drugs"]}
    expected = {d for v in raw["found"].values() for d in (v if isinstance(v, list) else [v])}
    assert len(raw["found"]) + len(raw["not_found"]) >= 100
    assert expected <= generics
    assert set(raw["same_class"]) <= set(raw["not_found"])
    assert set(raw["same_class"].values()) <= {g["id"] for g in groups}


# ---------------------------------------------------------------------------- measuring
def _load(name: str) -> dict:
    return read_yaml(TESTS / name)


def _ask(question: str, *, lang: str) -> dict:
    """One question through the installed `baclofen` script, as a patient would type it."""
    args = ["--lang", "es", "ask", "--json", question] if lang == "es" else ["ask", "--json", question]
    result = run_cli(args, env={"BACLOFEN_LANG": lang})
    assert result.returncode == 0, (question, result.stderr)
    return json.loads(result.stdout)


def _wanted(item: dict) -> list[str]:
    return item["topic"] if isinstance(item["topic"], list) else [item["topic"]]


def measure_ask(name: str, *, lang: str = "en") -> dict:
    """Top-1, emergencies missed, false alarms and out-of-scope questions answered."""
    data = _load(name)
    items, out_of_scope = data["phrasings"], data["out_of_scope"]
    answers = [_ask(i["q"], lang=lang) for i in items]
    out = [_ask(q, lang=lang) for q in out_of_scope]

    def first(answer: dict) -> str | None:
        return answer["results"][0]["topic"] if answer["results"] else None

    wrong = [(i["q"], _wanted(i), first(a)) for i, a in zip(items, answers) if first(a) not in _wanted(i)]
    return {
        "n": len(items),
        "top1": 1 - len(wrong) / len(items),
        "wrong": wrong,
        "emergencies": sum(i["emergency"] for i in items),
        "missed": [i["q"] for i, a in zip(items, answers) if i["emergency"] and not a["emergency"]],
        "non_emergencies": sum(not i["emergency"] for i in items) + len(out_of_scope),
        "alarms": [i["q"] for i, a in zip(items, answers) if a["emergency"] and not i["emergency"]]
        + [q for q, a in zip(out_of_scope, out) if a["emergency"]],
        "out_of_scope": len(out_of_scope),
        "answered": [(q, first(a)) for q, a in zip(out_of_scope, out) if a["results"]],
    }


# The most names one `interactions` command checks (it refuses more, BCL's "too many names").
NAMES_PER_COMMAND = 500


def _interactions(names: list[str]) -> dict:
    """One `interactions --json` answer for all the names, asked in commands of at most
    NAMES_PER_COMMAND names."""
    merged: dict = {}
    for start in range(0, len(names), NAMES_PER_COMMAND):
        chunk = names[start : start + NAMES_PER_COMMAND]
        result = run_cli(["interactions", "--json", *chunk], env={"BACLOFEN_LANG": "en"})
        assert result.returncode in (0, 1), result.stderr  # 1 when a name is not in the guide
        answer = json.loads(result.stdout)
        if not merged:
            merged = answer
        else:  # the lists (results, warnings) run on; the rest is the same in every answer
            merged.update({k: [*merged[k], *v] for k, v in answer.items() if isinstance(v, list)})
    return merged


def _groups(result: dict) -> set[str]:
    return {m["group"] for m in result["matches"]}


def measure_names(name: str) -> dict:
    """Names resolved to the expected generics, false "found", missing pharmacist lines, and
    "Did you mean" suggestions that point at another class."""
    raw = _load(name)
    found = {str(k): sorted(v if isinstance(v, list) else [v]) for k, v in raw["found"].items()}
    not_found = [str(n) for n in raw["not_found"]]
    same_class = {str(k): v for k, v in (raw.get("same_class") or {}).items()}
    names = [*found, *not_found]
    answer = _interactions(names)
    assert [r["query"] for r in answer["results"]] == names  # one result per name, in order
    results = dict(zip(names, answer["results"]))
    unresolved = [(n, found[n], sorted({m["drug"] for m in results[n]["matches"]}))
                  for n in found if sorted({m["drug"] for m in results[n]["matches"]}) != found[n]]
    no_pharmacist_line = [n for n in not_found
                          if not any(w.startswith(f"{results[n]['query']}: ") and "pharmacist" in w
                                     for w in answer["warnings"])]
    # The class a name may be pointed at: its expected generics' groups (looked up by name), or
    # the same_class given for a real medicine not in the guide. A suggestion from the name's own
    # brand family ("Xanax" for "Xanax XR") is never a class error.
    generics = sorted({d for v in found.values() for d in v})
    expected_group = {d: _groups(r) for d, r in zip(generics, _interactions(generics)["results"])}
    suggested = sorted({s for r in answer["results"] for s in r["suggestions"]})
    by_suggestion = dict(zip(suggested, _interactions(suggested)["results"])) if suggested else {}
    class_errors = []
    for n in names:
        allowed = set().union(*(expected_group[d] for d in found.get(n, []))) or (
            {same_class[n]} if n in same_class else set())
        for s in results[n]["suggestions"]:
            family = s.split()[0].casefold() == n.split()[0].casefold()
            if not family and not _groups(by_suggestion[s]) & allowed:
                class_errors.append((n, s))
    return {
        "found_n": len(found),
        "resolved": len(found) - len(unresolved),
        "resolved_share": 1 - len(unresolved) / len(found),
        "unresolved": unresolved,
        "not_found_n": len(not_found),
        "false_found": [n for n in not_found if results[n]["found"]],
        "no_pharmacist_line": no_pharmacist_line,
        "class_errors": class_errors,
    }


# ---------------------------------------------------------------------------- the bars
def check_ask(name: str, *, lang: str = "en", top1: float) -> None:
    """Measure a question set, print its figures (shown with -s, before any assert) and hold it to
    the bar: emergencies missed 0, at most 1 false alarm, nothing out of scope answered, top-1."""
    f = measure_ask(name, lang=lang)
    print(f"\n{name.removesuffix('.yaml')}: top-1 {f['n'] - len(f['wrong'])}/{f['n']} = {f['top1']:.1%}; "
          f"emergencies missed {len(f['missed'])}/{f['emergencies']}; "
          f"false alarms {len(f['alarms'])}/{f['non_emergencies']}; "
          f"out of scope answered {len(f['answered'])}/{f['out_of_scope']}\n"
          f"{json.dumps(f, indent=1, ensure_ascii=False)}")
    assert f["missed"] == []
    assert len(f["alarms"]) <= 1, f["alarms"]
    assert f["answered"] == []
    assert f["top1"] >= top1, f["wrong"]


def check_names(name: str) -> None:
    """Names resolved at least 95%; false "found" 0; every unknown name gets the pharmacist line;
    no "Did you mean" into another class."""
    f = measure_names(name)
    print(f"\n{name.removesuffix('.yaml')}: resolved {f['resolved']}/{f['found_n']} = {f['resolved_share']:.1%}; "
          f"false found {len(f['false_found'])}/{f['not_found_n']}; "
          f"no pharmacist line {len(f['no_pharmacist_line'])}; class errors {len(f['class_errors'])}"
          f"\n{json.dumps(f, indent=1)}")
    assert f["false_found"] == []
    assert f["no_pharmacist_line"] == []
    assert f["class_errors"] == []
    assert f["resolved_share"] >= 0.95, f["unresolved"]


@pytest.mark.holdout
def test_english_ask_holdout_v4_meets_the_issue_14_bar() -> None:
    """Emergencies missed 0; false alarms at most 1; top-1 at least 95%; out of scope answered 0."""
    check_ask("ask_holdout_v4.yaml", top1=0.95)


@pytest.mark.holdout
def test_names_holdout_v3_meets_the_issue_14_bar() -> None:
    check_names("interaction_names_holdout_v3.yaml")


@pytest.mark.holdout
@pytest.mark.skipif(not SPANISH_DATA.exists(), reason="no Spanish knowledge file (data/baclofen.es.yaml) yet: issue 18")
def test_spanish_ask_holdout_meets_the_issue_18_bar() -> None:
    """Every emergency raised; at most 1 false alarm; top-1 at least 92%; nothing out of scope answered."""
    check_ask("ask_es_holdout.yaml", lang="es", top1=0.92)
