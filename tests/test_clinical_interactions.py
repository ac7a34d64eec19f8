"""Clinical safety of `baclofen interactions` (issue 11 item 7, issue 13 item 2, issue 14 "Names",
issue 17 items 2 and 7): every fix of the clinical review's interaction findings, through the
real CLI on the shipped knowledge file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import DATA_FILE, invoke, read_yaml, run_cli

# Content lints of the shipped knowledge file: `pytest -m content` runs only these.
pytestmark = pytest.mark.content

TESTS = Path(__file__).resolve().parent

SEVERITY_ORDER = {"major": 0, "moderate": 1, "minor": 2}
MAJOR_GROUPS = {"opioids", "alcohol", "benzodiazepines", "gabapentinoids", "barbiturates", "oxybates", "carisoprodol"}


@pytest.fixture(scope="module")
def data() -> dict:
    return read_yaml(DATA_FILE)


@pytest.fixture(scope="module")
def inter(data: dict) -> dict:
    return data["interactions"]


def ask(runner, *args: str) -> dict:
    result = invoke(runner, ["interactions", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def groups_of(result: dict) -> set[str]:
    return {m["group"] for m in result["matches"]}


def plain(runner, *args: str) -> str:
    result = invoke(runner, [*args])
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


def every_text(inter: dict) -> list[str]:
    texts = [g[k] for g in inter["groups"] for k in ("effect", "advice")]
    texts += [s["text"] for s in inter["verdicts"].values()]
    texts += [s["text"] for steps in inter["steps"].values() for s in steps]
    texts += [s["text"] for steps in inter["group_steps"].values() for s in steps]
    texts += [inter[k]["text"] for k in ("combined_warning", "emergency_note", "same_drug")]
    return texts


# ------------------------------------------------------------------ grades (M5, M6, M7)


def test_the_major_groups_stay_major(inter: dict) -> None:
    grades = {g["id"]: g["severity"] for g in inter["groups"]}
    assert {g: grades[g] for g in MAJOR_GROUPS} == dict.fromkeys(MAJOR_GROUPS, "major")


@pytest.mark.parametrize("name", ["Xyrem", "Xywav", "Lumryz", "sodium oxybate", "GHB", "GBL", "liquid ecstasy"])
def test_oxybates_and_ghb_are_major_in_their_own_group(runner, name: str) -> None:
    answer = ask(runner, name)
    (result,) = answer["results"]
    assert groups_of(result) == {"oxybates"}, result
    assert answer["verdict"]["severity"] == "major"
    assert any("call the emergency number" in w or "911" in w for w in answer["warnings"])


@pytest.mark.parametrize(("name", "group"), [("phenibut", "phenibut"), ("kratom", "opioids"),
                                             ("xylazine", "xylazine"), ("tranq", "xylazine")])
def test_phenibut_kratom_and_xylazine_are_major(runner, name: str, group: str) -> None:
    (result,) = ask(runner, name)["results"]
    assert groups_of(result) == {group}
    assert {m["severity"] for m in result["matches"]} == {"major"}


def test_z_drugs_are_major_and_warn_about_breathing(runner, inter: dict) -> None:
    group = next(g for g in inter["groups"] if g["id"] == "sleep-medicines")
    assert group["severity"] == "major"
    assert "breathing" in group["effect"]
    for name in ("Ambien", "zopiclone", "Lunesta", "Sonata"):
        (result,) = ask(runner, name)["results"]
        assert {(m["group"], m["severity"]) for m in result["matches"]} == {("sleep-medicines", "major")}, name


# ------------------------------------------------------------------ street names and drinks (item 7)


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("oxy", "opioids"), ("percs", "opioids"), ("roxies", "opioids"), ("fent", "opioids"), ("smack", "opioids"),
        ("subs", "opioids"), ("lean", "opioids"), ("purple drank", "opioids"), ("xans", "benzodiazepines"),
        ("bars", "benzodiazepines"), ("xanax bars", "benzodiazepines"), ("benzos", "benzodiazepines"),
        ("roofies", "benzodiazepines"), ("gabbies", "gabapentinoids"), ("ket", "ketamine"),
    ],
)
def test_street_names_reach_their_group(runner, name: str, group: str) -> None:
    (result,) = ask(runner, name)["results"]
    assert group in groups_of(result), result


@pytest.mark.parametrize(
    "phrase",
    ["a few shots", "glass of red", "glass of white", "G&T", "gin and tonic", "hard seltzer", "IPA", "a pint",
     "White Claw", "couple of drinks", "prosecco", "nightcap"],
)
def test_everyday_drink_words_are_alcohol(runner, phrase: str) -> None:
    (result,) = ask(runner, phrase)["results"]
    assert groups_of(result) == {"alcohol"}, result


@pytest.mark.parametrize("phrase", ["protein shake", "ginger ale", "root beer", "ginger beer", "flu shot",
                                    "energy drink", "granola bar", "Solpadeine Headache"])
def test_false_friends_are_not_found(runner, phrase: str, inter: dict) -> None:
    answer = ask(runner, phrase)
    (result,) = answer["results"]
    assert not result["found"] and result["matches"] == [], result
    assert answer["warnings"] == [f"{phrase}: {inter['unknown_drug']['text']}"]


def test_aspirin_is_an_nsaid_and_never_suggests_spirits(runner) -> None:
    (result,) = ask(runner, "aspirin")["results"]
    assert groups_of(result) == {"nsaids"}
    for typed in ("asprin", "aspirn"):
        (result,) = ask(runner, typed)["results"]
        assert groups_of(result) == {"nsaids"}, typed
        assert "spirits" not in result["suggestions"]


# ------------------------------------------------------------------ "did you mean" (issue 14, issue 17 item 7)


@pytest.mark.parametrize("name", ["Ampyra", "Adderall", "Spiriva", "DayQuil", "amphetamine", "thioridazine",
                                  "larger", "spider"])
def test_a_real_name_not_in_the_guide_is_never_read_as_another_drug(runner, name: str, inter: dict) -> None:
    answer = ask(runner, name)
    (result,) = answer["results"]
    assert not result["found"], result
    # No suggestion from another class (Ampyra -> Apidra is an insulin; Adderall -> Inderal is a
    # beta blocker; aspirin -> spirits is alcohol).
    assert result["suggestions"] == [], result["suggestions"]
    assert "pharmacist" in answer["verdict"]["text"] and answer["verdict"] == {"severity": None,
                                                                              **inter["unknown_drug"]}


@pytest.mark.parametrize(("typed", "expected"), [("flurazepam", "flurazepam"), ("sufentanil", "sufentanil"),
                                                 ("esketamine", "esketamine"),
                                                 ("dexchlorpheniramine", "dexchlorpheniramine")])
def test_relatives_of_a_guide_name_are_their_own_drug(runner, typed: str, expected: str) -> None:
    # These were once read as lorazepam, fentanyl, ketamine and chlorphenamine with "found": true.
    (result,) = ask(runner, typed)["results"]
    assert {m["drug"] for m in result["matches"]} == {expected}


def test_a_near_miss_that_is_not_a_slip_stays_a_question(runner) -> None:
    (result,) = ask(runner, "hydrocodeine")["results"]  # hydrocodone or dihydrocodeine? ask, don't guess
    assert not result["found"] and "hydrocodone" in result["suggestions"]


# ------------------------------------------------------------------ the opioid and alcohol advice (M4, C5, R6, R10)


def test_no_dosing_instruction_and_naloxone_in_the_opioid_advice(inter: dict) -> None:
    texts = every_text(inter)
    # The old "If you need both, use the lowest doses" told the patient to set doses.
    assert not any(re.search(r"(?<!will )use the lowest doses", t) for t in texts)
    opioids = next(g for g in inter["groups"] if g["id"] == "opioids")
    assert "If your doctor prescribes both, they will use the lowest doses that work. Never take extra." in opioids["advice"]
    assert "naloxone" in opioids["advice"] and "hospital" in opioids["advice"]


def test_an_opioid_answer_has_the_naloxone_step(runner) -> None:
    steps = [s["text"] for s in ask(runner, "Percocet")["steps"]]
    naloxone = [s for s in steps if "naloxone" in s]
    assert naloxone and "emergency number" in naloxone[0] and "hospital" in naloxone[0]
    assert not any("naloxone" in s["text"] for s in ask(runner, "ibuprofen")["steps"])


R6 = ("It is best not to drink alcohol with baclofen, at least until you know how it affects you. Never drink to "
      "get through the day. Never drink alcohol with opioids, sleeping pills, benzodiazepines or other medicines "
      "that make you sleepy.")


def test_the_alcohol_advice_is_rule_r6(runner, inter: dict) -> None:
    alcohol = next(g for g in inter["groups"] if g["id"] == "alcohol")
    assert alcohol["advice"].startswith(R6)
    assert not any(re.search(r"drink (very )?little|keep (it )?to a minimum", t) for t in every_text(inter))
    answer = ask(runner, "beer")
    assert R6 in [s["text"] for s in answer["steps"]]


def test_never_the_word_safe_about_a_combination(inter: dict) -> None:
    for text in every_text(inter):
        assert not re.search(r"\bsafe(ly|r|st)?\b", text, re.IGNORECASE), text
    # The one place "safe" may appear says the opposite of reassurance.
    assert "does not mean it is safe" in inter["unknown_drug"]["text"]


# ------------------------------------------------------------------ the combination first (issue 13 item 2)


@pytest.mark.parametrize("names", [("xanax", "beer"), ("Percocet", "Advil"), ("beer", "Zyrtec"),
                                   ("Lyrica", "melatonin", "florbitrex"), ("Advil", "Claritin")])
def test_the_verdict_is_the_highest_severity_of_everything_asked(runner, names: tuple[str, ...],
                                                                 inter: dict) -> None:
    answer = ask(runner, *names)
    grades = [m["severity"] for r in answer["results"] for m in r["matches"]]
    assert answer["verdict"]["severity"] == min(grades, key=SEVERITY_ORDER.__getitem__)
    # Never weaker for the combination than for a part: every part's own steps are in the answer,
    # except the general steps of a lower grade (the higher grade's say more).
    worst = SEVERITY_ORDER[answer["verdict"]["severity"]]
    for name in names:
        alone = ask(runner, name)
        if alone["verdict"]["severity"] is not None:
            assert SEVERITY_ORDER[alone["verdict"]["severity"]] >= worst
        same_grade = alone["verdict"]["severity"] is not None and SEVERITY_ORDER[alone["verdict"]["severity"]] == worst
        for step in alone["steps"]:
            general = any(step in [{"text": s["text"], "sources": s["sources"]} for s in steps]
                          for steps in inter["steps"].values())
            if same_grade or not general:
                assert step in answer["steps"], (name, step["text"])


def test_plain_answer_leads_with_verdict_and_numbered_steps(runner, inter: dict) -> None:
    out = plain(runner, "interactions", "xanax", "beer")
    verdict = inter["verdicts"]["major"]["text"]
    assert out.index("CHECKING XANAX AND BEER WITH BACLOFEN") < out.index("MAJOR: " + verdict)
    assert out.index(verdict) < out.index("What to do 1. ") < out.index("XANAX Xanax: alprazolam")
    assert "2. " in out and "Ask your doctor or pharmacist before you take them together" not in out


def test_an_unknown_medicine_with_a_known_one_still_gets_the_pharmacist_line(runner, inter: dict) -> None:
    answer = ask(runner, "Percocet", "florbitrex")
    unknown = inter["unknown_drug"]["text"]
    assert f"florbitrex: {unknown}" in [s["text"] for s in answer["steps"]]


def test_each_group_shows_at_most_three_sources_official_first(runner, data: dict) -> None:
    tiers = {s["id"]: s.get("tier", "other") for s in data["sources"]}
    answer = ask(runner, "Percocet", "Xanax", "beer", "Advil", "Xyrem")
    order = {"official": 0, "reference": 1, "other": 2}
    for result in answer["results"]:
        for match in result["matches"]:
            assert 1 <= len(match["sources"]) <= 3
            ranks = [order[tiers[i] or "other"] for i in match["sources"]]
            assert ranks == sorted(ranks), match["sources"]


# ------------------------------------------------------------------ brands by region (m16, m17)


@pytest.mark.parametrize(
    ("region", "name", "expected"),
    [
        ("uk", "Benadryl", {"acrivastine", "cetirizine"}),
        ("us", "Benadryl", {"diphenhydramine"}),
        ("uk", "Sominex", {"promethazine"}),
        ("us", "Sominex", {"diphenhydramine"}),
        ("all", "Benadryl", {"diphenhydramine", "acrivastine", "cetirizine"}),
    ],
)
def test_a_brand_means_what_it_means_in_the_chosen_region(region: str, name: str, expected: set[str]) -> None:
    result = run_cli(["--region", region, "interactions", name, "--json"])
    assert result.returncode == 0, result.stderr
    (answer,) = json.loads(result.stdout)["results"]
    assert {m["drug"] for m in answer["matches"]} == expected


def test_with_no_region_both_meanings_are_named(runner, inter: dict) -> None:
    out = plain(runner, "interactions", "Benadryl")
    # Two meanings of one brand are not two medicines taken together.
    assert inter["combined_warning"]["text"] not in out
    assert "Benadryl (United States): diphenhydramine, a sedating antihistamine" in out
    assert "Benadryl (United Kingdom): cetirizine or acrivastine, a non-drowsy antihistamine" in out


@pytest.mark.parametrize(("name", "drug"), [("Buvidal", "buprenorphine"), ("Espranor", "buprenorphine"),
                                            ("PecFent", "fentanyl"), ("Migraleve", "codeine"),
                                            ("Codipar", "codeine"), ("DF118", "dihydrocodeine"),
                                            ("Solpadeine Max", "codeine"), ("Normison", "temazepam")])
def test_uk_and_australian_brands(runner, name: str, drug: str) -> None:
    (result,) = ask(runner, name)["results"]
    assert drug in {m["drug"] for m in result["matches"]}


def test_solpadeine_max_has_no_caffeine_and_migraleve_pink_has_buclizine(runner) -> None:
    out = plain(runner, "interactions", "Solpadeine Max", "Migraleve")
    assert "Solpadeine Max: contains codeine, an opioid (and paracetamol)" in out
    assert "Migraleve: contains codeine, an opioid, and buclizine, a sedating antihistamine (and paracetamol)" in out


# ------------------------------------------------------------------ nothing read silently dropped (issue 17 item 2)


def test_a_long_list_still_finds_the_opioid_at_the_end(runner) -> None:
    long_list = ("ibuprofen, vitamin d, fish oil, iron, calcium, zinc, folic acid, vitamin c, b12, magnesium, "
                 "a probiotic, glucosamine, turmeric, cod liver oil, and at night a bit of oxycodone")
    answer = ask(runner, long_list)
    assert {"oxycodone", "ibuprofen"} <= {m["drug"] for m in answer["results"][0]["matches"]}
    assert answer["verdict"]["severity"] == "major"
    assert answer["results"][0]["not_read"] == 0


def test_a_name_longer_than_the_limit_says_what_was_not_read(runner, inter: dict) -> None:
    name = "vitamin d " * 150 + "oxycodone"
    answer = ask(runner, name)
    (result,) = answer["results"]
    assert result["not_read"] > 0
    note = inter["not_read"].replace("{limit}", "1000")
    assert any(note in w for w in answer["warnings"])
    assert note in plain(runner, "interactions", name)


# ------------------------------------------------------------------ the name lists, measured (issue 14 "Names")


def _list(name: str) -> tuple[dict[str, list[str]], list[str], dict[str, str]]:
    raw = read_yaml(TESTS / name)
    found = {str(k): v if isinstance(v, list) else [v] for k, v in (raw.get("found") or {}).items()}
    return found, [str(n) for n in raw.get("not_found") or []], dict(raw.get("same_class") or {})


@pytest.mark.parametrize("list_name", ["interaction_names_holdout_v2.yaml", "interaction_names_real_unlisted.yaml"])
def test_names_resolve_with_no_false_found_and_no_cross_class_suggestion(runner, list_name: str) -> None:
    found, not_found, same_class = _list(list_name)
    names = [*found, *not_found]
    answer = ask(runner, *names)
    results = dict(zip(names, answer["results"]))
    resolved = sum(sorted({m["drug"] for m in results[n]["matches"]}) == sorted(found[n]) for n in found)
    assert not found or resolved / len(found) >= 0.95, f"{resolved}/{len(found)}"
    false_found = [n for n in not_found if results[n]["found"]]
    assert not false_found, false_found
    for name in not_found:
        # The bar: an unknown real medicine always gets the pharmacist line.
        assert any(w.startswith(f"{results[name]['query']}: ") and "pharmacist" in w for w in answer["warnings"]), name
    # "Did you mean" stays within the typed name's class (or its own brand family).
    suggested = {s for r in answer["results"] for s in r["suggestions"]}
    if suggested:
        by_suggestion = dict(zip(sorted(suggested), ask(runner, *sorted(suggested))["results"]))
        expected_groups = {n: {g for d in found[n] for g in _groups_of_drug(answer, d)} for n in found}
        for name in names:
            allowed = expected_groups.get(name) or ({same_class[name]} if name in same_class else set())
            for suggestion in results[name]["suggestions"]:
                family = suggestion.split()[0].casefold() == name.split()[0].casefold()
                assert family or groups_of(by_suggestion[suggestion]) & allowed, (name, suggestion)


def _groups_of_drug(answer: dict, drug: str) -> set[str]:
    return {m["group"] for r in answer["results"] for m in r["matches"] if m["drug"] == drug}
