"""`baclofen interactions`: the groups, name resolution (brands, products, everyday words,
misspellings), the safe answer for unknown names, the JSON contract and input hygiene.
Through CliRunner and the real installed script, on the real knowledge file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import DATA_FILE, invoke, read_yaml, run_cli

TESTS = Path(__file__).resolve().parent
ESC = "\x1b"
SEVERITIES = {"major", "moderate", "minor"}
REASSURANCE = re.compile(
    r"\b(no (known )?interactions?\b|(is|are) safe (to take )?with|safe to (combine|mix|take together)|no problem)",
    re.IGNORECASE,
)

# Every row of ../shared/reference/interactions.md -> the group that covers it, and the generic
# names that row lists ("Example generic names"). Row 2a (levomethadyl) resolves to opioids.
REFERENCE_ROWS = {
    "1 alcohol": ("alcohol", ["alcohol", "ethanol"]),
    "2 opioids": ("opioids", ["oxycodone", "hydrocodone", "morphine", "codeine", "tramadol", "hydromorphone",
                              "fentanyl", "methadone", "meperidine", "pethidine", "oxymorphone", "buprenorphine",
                              "tapentadol", "levomethadyl"]),
    "3 benzodiazepines": ("benzodiazepines", ["alprazolam", "chlordiazepoxide", "clobazam", "clonazepam", "diazepam",
                                              "lorazepam", "temazepam", "triazolam", "nitrazepam"]),
    "4 sleep medicines": ("sleep-medicines", ["zolpidem", "eszopiclone", "zaleplon", "zopiclone", "ramelteon"]),
    "5 antihistamines": ("sedating-antihistamines", ["diphenhydramine", "doxylamine", "hydroxyzine", "chlorphenamine",
                                                     "cyproheptadine", "promethazine"]),
    "6 muscle relaxants": ("muscle-relaxants", ["tizanidine", "cyclobenzaprine", "methocarbamol",
                                                "metaxalone", "chlorzoxazone", "orphenadrine", "dantrolene"]),
    # Carisoprodol becomes meprobamate, a sedative: its own major group (second clinical review, n11).
    "6b carisoprodol": ("carisoprodol", ["carisoprodol"]),
    "7 gabapentinoids": ("gabapentinoids", ["gabapentin", "pregabalin"]),
    "8 barbiturates": ("barbiturates", ["phenobarbital", "butalbital", "pentobarbital", "secobarbital"]),
    "9 TCAs": ("tricyclic-antidepressants", ["amitriptyline", "nortriptyline", "imipramine", "desipramine", "doxepin",
                                             "protriptyline", "trimipramine", "amoxapine"]),
    "10 MAOIs": ("maois", ["phenelzine", "tranylcypromine", "isocarboxazid", "selegiline"]),
    "11 other antidepressants": ("other-antidepressants", ["sertraline", "fluoxetine", "citalopram", "escitalopram",
                                                           "paroxetine", "venlafaxine", "duloxetine", "mirtazapine",
                                                           "trazodone"]),
    "12 lithium": ("lithium", ["lithium carbonate", "lithium citrate"]),
    "13 antipsychotics": ("antipsychotics", ["haloperidol", "chlorpromazine", "risperidone", "olanzapine",
                                             "quetiapine", "aripiprazole", "clozapine"]),
    "14 bupropion": ("bupropion", ["bupropion"]),
    "15 levodopa": ("levodopa", ["levodopa", "levodopa carbidopa", "levodopa benserazide"]),
    "16 blood pressure": ("blood-pressure", ["lisinopril", "ramipril", "losartan", "amlodipine", "metoprolol",
                                             "clonidine", "doxazosin", "hydrochlorothiazide", "furosemide"]),
    "17 NSAIDs": ("nsaids", ["ibuprofen", "naproxen", "diclofenac", "celecoxib"]),
    "18 diabetes": ("diabetes", ["insulin", "metformin"]),
    "19 anaesthesia": ("anaesthesia", ["general anaesthetic", "neuromuscular blocking agents"]),
    "20 cannabis": ("cannabis", ["cannabis", "THC", "dronabinol", "nabilone", "nabiximols"]),
    "21 other CNS depressants": ("other-sedatives", ["anticonvulsants"]),
}

# Every brand the reference table names (US and UK, daggered ones included) -> its generic.
REFERENCE_BRANDS = {
    "oxycodone": ["OxyContin", "Roxicodone", "Percocet", "Percodan", "OxyNorm", "Longtec", "Shortec", "Oxypro"],
    "hydrocodone": ["Norco", "Vicodin", "Lortab", "Lorcet", "Vicoprofen", "Zohydro ER"],
    "morphine": ["MS Contin", "Kadian", "Roxanol", "Oramorph", "MST", "Zomorph", "MXL", "Sevredol", "Morphgesic"],
    "codeine": ["Tylenol with Codeine", "co-codamol", "Solpadol", "Zapain"],
    "tramadol": ["Ultram", "Zydol", "Zamadol", "Marol", "Tramulief", "Maxitram", "Invodol", "Tramacet"],
    "hydromorphone": ["Dilaudid", "Exalgo"],
    "fentanyl": ["Duragesic", "Actiq", "Fentora"],
    "methadone": ["Dolophine", "Methadose"],
    "meperidine": ["Demerol"],
    "oxymorphone": ["Opana"],
    "buprenorphine": ["Butrans", "Belbuca", "Buprenex", "Subutex", "Suboxone", "Zubsolv", "Bunavail"],
    "tapentadol": ["Nucynta"],
    "alprazolam": ["Xanax"], "chlordiazepoxide": ["Librium"], "clobazam": ["Onfi"],
    "clonazepam": ["Klonopin", "Rivotril"], "diazepam": ["Valium"], "lorazepam": ["Ativan"],
    "temazepam": ["Restoril", "Normison"], "nitrazepam": ["Mogadon"], "triazolam": ["Halcion"],
    "zolpidem": ["Ambien", "Edluar", "Intermezzo", "Zolpimist", "Stilnoct"], "eszopiclone": ["Lunesta"],
    "zaleplon": ["Sonata"], "zopiclone": ["Zimovane"], "ramelteon": ["Rozerem"],
    "diphenhydramine": ["Benadryl", "Sominex", "Nytol", "ZzzQuil", "Unisom SleepGels"],
    "doxylamine": ["Unisom SleepTabs"], "hydroxyzine": ["Vistaril", "Atarax"], "chlorphenamine": ["Piriton"],
    "cyproheptadine": ["Periactin"], "promethazine": ["Phenergan"],
    "tizanidine": ["Zanaflex"], "cyclobenzaprine": ["Flexeril", "Amrix", "Fexmid"], "carisoprodol": ["Soma"],
    "methocarbamol": ["Robaxin", "Robaxin-750"], "metaxalone": ["Skelaxin"], "chlorzoxazone": ["Parafon Forte DSC"],
    "orphenadrine": ["Norflex"], "dantrolene": ["Dantrium"],
    "gabapentin": ["Neurontin", "Gralise", "Horizant"], "pregabalin": ["Lyrica", "Lyrica CR", "Alzain", "Axalid"],
    "phenobarbital": ["Luminal"], "butalbital": ["Fioricet", "Esgic", "Fiorinal", "Fioricet with Codeine"],
    "pentobarbital": ["Nembutal"], "secobarbital": ["Seconal"],
    "nortriptyline": ["Pamelor"], "imipramine": ["Tofranil"], "desipramine": ["Norpramin"], "doxepin": ["Silenor"],
    "protriptyline": ["Vivactil"], "trimipramine": ["Surmontil"], "amitriptyline": ["Elavil"],
    "phenelzine": ["Nardil"], "tranylcypromine": ["Parnate"], "isocarboxazid": ["Marplan"], "selegiline": ["Emsam"],
    "sertraline": ["Zoloft", "Lustral"], "fluoxetine": ["Prozac"], "citalopram": ["Celexa", "Cipramil"],
    "escitalopram": ["Lexapro", "Cipralex"], "paroxetine": ["Seroxat", "Paxil"], "venlafaxine": ["Effexor", "Efexor"],
    "duloxetine": ["Cymbalta"], "mirtazapine": ["Remeron", "Zispin"], "trazodone": ["Molipaxin", "Desyrel"],
    "fluvoxamine": ["Faverin"],
    "lithium": ["Lithobid", "Eskalith", "Priadel", "Camcolit", "Liskonum", "Li-liquid"],
    "haloperidol": ["Haldol"], "chlorpromazine": ["Thorazine", "Largactil"], "risperidone": ["Risperdal"],
    "olanzapine": ["Zyprexa"], "quetiapine": ["Seroquel"], "aripiprazole": ["Abilify"], "clozapine": ["Clozaril"],
    "bupropion": ["Wellbutrin SR", "Wellbutrin XL", "Forfivo XL", "Aplenzin", "Zyban"],
    "levodopa": ["Sinemet", "Rytary", "Duopa", "Parcopa", "Caramet CR", "Lecado", "Duodopa", "Madopar", "Stalevo"],
    "lisinopril": ["Prinivil", "Zestril"], "ramipril": ["Altace", "Tritace"], "losartan": ["Cozaar"],
    "amlodipine": ["Norvasc", "Istin"], "metoprolol": ["Lopressor", "Toprol-XL"], "clonidine": ["Catapres"],
    "doxazosin": ["Cardura"], "hydrochlorothiazide": ["Microzide"], "furosemide": ["Lasix"],
    "ibuprofen": ["Advil", "Motrin", "Nurofen", "Brufen"], "naproxen": ["Aleve", "Naprosyn", "Synflex"],
    "diclofenac": ["Voltaren", "Voltarol"], "celecoxib": ["Celebrex"],
    "metformin": ["Glucophage"],
    "dronabinol": ["Marinol"], "nabilone": ["Cesamet"], "nabiximols": ["Sativex"],
}


@pytest.fixture(scope="module")
def data() -> dict:
    return read_yaml(DATA_FILE)


def ask(runner, *names: str) -> dict:
    result = invoke(runner, ["interactions", *names, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def drugs_of(result: dict) -> set[str]:
    return {m["drug"] for m in result["matches"]}


def load_list(name: str) -> tuple[dict[str, list[str]], list[str]]:
    raw = read_yaml(TESTS / name)
    found = {str(k): v if isinstance(v, list) else [v] for k, v in raw["found"].items()}
    return found, [str(n) for n in raw["not_found"]]


# ------------------------------------------------------------------ the data


def test_every_reference_row_is_covered(runner, data: dict) -> None:
    groups = {g["id"] for g in data["interactions"]["groups"]}
    for row, (group_id, generics) in REFERENCE_ROWS.items():
        assert group_id in groups, row
        answer = ask(runner, *generics)
        for generic, result in zip(generics, answer["results"]):
            assert result["found"], f"row {row}: {generic!r} is not found"
            assert group_id in {m["group"] for m in result["matches"]}, f"row {row}: {generic!r} -> {result['matches']}"


def test_every_brand_in_the_reference_resolves_to_its_generic(runner) -> None:
    pairs = [(brand, generic) for generic, brands in REFERENCE_BRANDS.items() for brand in brands]
    answer = ask(runner, *(brand for brand, _ in pairs))
    wrong = [(b, g, sorted(drugs_of(r))) for (b, g), r in zip(pairs, answer["results"]) if g not in drugs_of(r)]
    assert not wrong, wrong


@pytest.mark.content
def test_the_file_has_sixty_generics_with_brands_and_honest_grades(data: dict) -> None:
    inter = data["interactions"]
    generics = {d["name"] for g in inter["groups"] for d in g["drugs"]}
    assert len(generics) >= 60
    assert sum(len(d.get("brands", [])) for g in inter["groups"] for d in g["drugs"]) >= 150
    grades = {g["id"]: g["severity"] for g in inter["groups"]}
    assert grades["opioids"] == "major" and grades["alcohol"] == "major"
    assert set(grades.values()) <= SEVERITIES
    assert set(inter["depressant_groups"]) <= set(grades)
    for group in inter["groups"]:
        # Each group cites a clinical source, not only brand-name pages (b1-b36).
        assert any(not re.fullmatch(r"b\d+", s) for s in group["sources"]), group["id"]
        for text in (group["effect"], group["advice"]):
            assert not REASSURANCE.search(text), text
    assert "safe" in inter["unknown_drug"]["text"] and "pharmacist" in inter["unknown_drug"]["text"]


# ------------------------------------------------------------------ name resolution, measured


@pytest.mark.parametrize("list_name", ["interaction_names.yaml", "interaction_names_holdout.yaml"])
def test_name_list_accuracy_and_no_false_found(runner, list_name: str) -> None:
    found, not_found = load_list(list_name)
    assert len(found) >= 60 and len(not_found) >= 20
    names = [*found, *not_found]
    answer = ask(runner, *names)
    assert [r["query"] for r in answer["results"]] == names  # one result per name, in order
    right = sum(sorted(drugs_of(r)) == sorted(found[n]) for n, r in zip(found, answer["results"]))
    false_found = [n for n, r in zip(not_found, answer["results"][len(found):]) if r["found"] or r["matches"]]
    assert not false_found, false_found
    accuracy = (right + len(not_found)) / len(names)
    assert accuracy >= 0.97, f"{accuracy:.1%}"


@pytest.mark.parametrize(
    ("typed", "matched", "drug"),
    [
        ("percoset", "Percocet", "oxycodone"),
        ("xanex", "Xanax", "alprazolam"),
        ("gabapentine", "gabapentin", "gabapentin"),
        ("oxycontin 20mg", "OxyContin", "oxycodone"),
        ("my Xanax", "Xanax", "alprazolam"),
        ("CO-CODAMOL", "co-codamol", "codeine"),
        ("Tylenol #3", "Tylenol #3", "codeine"),
        ("Tylenol with codeine", "Tylenol with Codeine", "codeine"),
        ("beer", "beer", "alcohol"),
        ("Nurofen", "Nurofen", "ibuprofen"),
        ("zopiclone", "zopiclone", "zopiclone"),
        ("pethidine", "pethidine", "meperidine"),
    ],
)
def test_names_patients_type(runner, typed: str, matched: str, drug: str) -> None:
    (result,) = ask(runner, typed)["results"]
    assert result["found"] and result["suggestions"] == []
    assert {(m["drug"], m["matched"]) for m in result["matches"]} == {(drug, matched)}


def test_a_plain_brand_is_not_its_combination_product(runner) -> None:
    # Plain Tylenol has no codeine and no diphenhydramine: it must not be read as Tylenol #3 or Tylenol PM.
    (result,) = ask(runner, "Tylenol")["results"]
    assert not result["found"]
    assert "Tylenol PM" in result["suggestions"] and "Tylenol with Codeine" in result["suggestions"]


def test_a_phrase_with_two_names_answers_both(runner) -> None:
    (result,) = ask(runner, "xanax and beer")["results"]
    assert drugs_of(result) == {"alprazolam", "alcohol"}


def test_a_combination_product_lists_every_interacting_part(runner) -> None:
    (result,) = ask(runner, "Vicoprofen")["results"]
    assert {(m["drug"], m["group"]) for m in result["matches"]} == {("hydrocodone", "opioids"), ("ibuprofen", "nsaids")}
    assert [m["severity"] for m in result["matches"]] == ["major", "moderate"]  # most serious first


# ------------------------------------------------------------------ the JSON contract


def test_json_shape_is_exactly_the_documented_one(runner, data: dict) -> None:
    answer = ask(runner, "Percocet", "qwertyuiop", "beer")
    assert set(answer) == {"verdict", "steps", "results", "warnings", "region", "reviewed", "language"}
    known_sources = {s["id"] for s in data["sources"]}
    assert set(answer["verdict"]) == {"severity", "text", "sources"} and answer["verdict"]["severity"] == "major"
    assert answer["steps"] and all(set(step) == {"text", "sources"} for step in answer["steps"])
    for result in answer["results"]:
        assert set(result) == {"query", "found", "not_read", "matches", "suggestions"}
        assert isinstance(result["found"], bool) and isinstance(result["suggestions"], list)
        assert result["not_read"] == 0
        for match in result["matches"]:
            assert set(match) == {"drug", "matched", "group", "severity", "effect", "advice", "sources", "regions"}
            assert match["severity"] in SEVERITIES
            assert match["sources"] and set(match["sources"]) <= known_sources
            assert len(match["sources"]) <= 3  # the three best, official first
    assert all(isinstance(w, str) and w for w in answer["warnings"])
    percocet = answer["results"][0]["matches"][0]
    assert (percocet["drug"], percocet["matched"], percocet["group"]) == ("oxycodone", "Percocet", "opioids")


def test_json_with_no_names_lists_groups_most_serious_first(runner, data: dict) -> None:
    result = invoke(runner, ["interactions", "--json"])
    assert result.exit_code == 0
    listing = json.loads(result.stdout)
    assert set(listing) == {"results", "warnings", "groups", "topic", "region", "reviewed", "language"}
    assert listing["results"] == [] and listing["warnings"] == []
    assert listing["topic"]["id"] == "interactions"
    order = {"major": 0, "moderate": 1, "minor": 2}
    ranks = [order[g["severity"]] for g in listing["groups"]]
    assert ranks == sorted(ranks)
    assert {g["id"] for g in listing["groups"]} == {g["id"] for g in data["interactions"]["groups"]}
    for group in listing["groups"]:
        assert group["examples"] and group["effect"] and group["advice"] and group["sources"]


# ------------------------------------------------------------------ unknown names: never reassurance


def test_unknown_name_gets_the_safe_answer_and_exit_zero(runner, data: dict) -> None:
    unknown = data["interactions"]["unknown_drug"]["text"]
    result = invoke(runner, ["interactions", "florbitrex"])
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "Not in this guide: florbitrex" in out and unknown in out
    assert not REASSURANCE.search(result.stdout)
    answer = ask(runner, "florbitrex")
    assert answer["results"][0] == {"query": "florbitrex", "found": False, "not_read": 0, "matches": [],
                                    "suggestions": []}
    assert answer["warnings"] == [f"florbitrex: {unknown}"]
    assert answer["verdict"] == {"severity": None, **data["interactions"]["unknown_drug"]}


def test_near_miss_offers_did_you_mean(runner) -> None:
    # "hydrocodeine" is as close to hydrocodone as to dihydrocodeine: ask, don't guess.
    result = invoke(runner, ["interactions", "hydrocodeine"])
    assert result.exit_code == 0
    assert "Did you mean: hydrocodone" in result.stdout
    assert "hydrocodone" in ask(runner, "hydrocodeine")["results"][0]["suggestions"]
    # A vowel left out of a short brand is a typing slip of that very name: found.
    assert {m["drug"] for m in ask(runner, "valum")["results"][0]["matches"]} == {"diazepam"}


def test_a_name_for_baclofen_itself_is_not_called_unknown(runner, data: dict) -> None:
    answer = ask(runner, "Lioresal")
    assert answer["results"][0]["found"] is False
    assert answer["warnings"] == [f"Lioresal: {data['interactions']['same_drug']['text']}"]


# ------------------------------------------------------------------ human output


def test_plain_answer_shows_match_severity_effect_advice_and_sources(runner, data: dict) -> None:
    result = invoke(runner, ["interactions", "Percocet", "co-codamol", "percoset"])
    assert result.exit_code == 0 and ESC not in result.stdout
    out = " ".join(result.stdout.split())
    assert "Percocet: contains oxycodone, an opioid (and acetaminophen)" in out
    assert "co-codamol: contains codeine, an opioid (and paracetamol)" in out
    assert 'Percocet (closest match to "percoset"): contains oxycodone' in out
    opioids = next(g for g in data["interactions"]["groups"] if g["id"] == "opioids")
    assert "MAJOR: " + opioids["name"] in out
    assert "What happens: " + opioids["effect"] in out and "What to do: " + opioids["advice"] in out
    assert re.search(r"\[\d", out) and "Sources" in out
    assert "http" not in out
    assert "http" in invoke(runner, ["interactions", "Percocet", "--sources"]).stdout


def test_major_match_puts_the_emergency_reminder_first(runner, data: dict) -> None:
    lines = invoke(runner, ["interactions", "oxycodone"]).stdout.splitlines()
    assert lines[0].startswith("!! ")
    head = " ".join(" ".join(lines[:6]).split())
    assert data["interactions"]["emergency_note"]["text"] in head
    for number in ("911", "999", "112"):
        assert number in head
    # No major match: only the one-line reminder every topic starts with, not the signs.
    advil = invoke(runner, ["interactions", "Advil"]).stdout
    assert advil.startswith("!! ") and data["emergency"]["reminder"]["text"].split()[0] in advil.splitlines()[0]
    assert data["interactions"]["emergency_note"]["text"] not in " ".join(advil.split())
    assert ask(runner, "Advil")["warnings"] == []


def test_combined_warning_when_two_drugs_slow_the_nervous_system(runner, data: dict) -> None:
    warning = data["interactions"]["combined_warning"]["text"]
    answer = ask(runner, "Percocet", "beer")
    assert any(warning in w and "oxycodone" in w and "alcohol" in w for w in answer["warnings"])
    out = " ".join(invoke(runner, ["interactions", "Percocet", "beer"]).stdout.split())
    assert "WARNING: taken together (oxycodone, alcohol)" in out and warning in out
    # The combination comes first: before the detail for either name.
    assert out.index(warning) < out.index("PERCOCET Percocet:") < out.index("BEER beer:")
    # One drug (two words for alcohol), or one depressant plus an NSAID: no combined warning.
    for names in (["beer", "wine"], ["Percocet"], ["beer", "ibuprofen"]):
        assert not any(warning in w for w in ask(runner, *names)["warnings"]), names


def test_no_names_lists_groups_in_order_with_topic_and_sources(runner, data: dict) -> None:
    result = invoke(runner, ["interactions"])
    assert result.exit_code == 0 and ESC not in result.stdout
    out = " ".join(result.stdout.split())  # long group names wrap
    groups = data["interactions"]["groups"]
    positions = {g["id"]: out.index(f"{g['severity'].upper()}: {g['name']}") for g in groups}
    last_major = max(positions[g["id"]] for g in groups if g["severity"] == "major")
    assert all(positions[g["id"]] > last_major for g in groups if g["severity"] != "major")
    assert "In short:" in out and "Examples: " in out and "\nSources" in result.stdout
    assert "interactions NAME" in out


def test_rich_output_uses_words_for_severity(tmp_path) -> None:
    result = run_cli(["interactions", "Percocet", "Advil", "notadrugname"], env={"FORCE_COLOR": "1", "COLUMNS": "100"})
    assert result.returncode == 0, result.stderr
    visible = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert ESC + "[" in result.stdout and "╭" in result.stdout
    assert " MAJOR " in visible and " MODERATE " in visible and "Not in this guide: notadrugname" in visible
    listing = run_cli(["interactions"], env={"FORCE_COLOR": "1", "COLUMNS": "100"})
    assert listing.returncode == 0 and "most serious first" in listing.stdout


def test_piped_output_is_plain_text() -> None:
    result = run_cli(["interactions", "Xanax"])
    assert result.returncode == 0 and result.stderr == ""
    assert ESC not in result.stdout and "╭" not in result.stdout
    assert "Xanax: alprazolam, a benzodiazepine" in result.stdout


# ------------------------------------------------------------------ usage errors and input hygiene


@pytest.mark.parametrize("name", ["", "   ", "\x1b[31m\x1b[0m", "\x07\x01\t"])
def test_empty_name_is_a_usage_error(name: str) -> None:
    result = run_cli(["interactions", "Xanax", name])
    assert result.returncode == 2
    assert "empty" in result.stderr and "Traceback" not in result.stderr


def test_escape_codes_in_a_name_are_never_echoed() -> None:
    nasty = "\x1b]0;pwned\x07\x1b[2J\x1b[31mXanax\x1b[0m\u202e"
    for args in (["interactions", nasty], ["interactions", "zz" + nasty + "zz"], ["interactions", nasty, "--json"]):
        result = run_cli(args)
        assert result.returncode == 0, result.stderr
        for bad in (ESC, "\x07", "\u202e", "\\u001b", "\\u0007"):
            assert bad not in result.stdout, (args, bad)
    answer = json.loads(run_cli(["interactions", nasty, "--json"]).stdout)
    assert answer["results"][0]["query"] == "Xanax" and answer["results"][0]["found"]


def test_a_100kb_name_answers_quickly() -> None:
    for huge in ("a" * 100_000, "percoset " * 11_000, "x\x1b[31m" * 15_000):
        start = time.perf_counter()
        result = run_cli(["interactions", huge, "--json"], timeout=60)
        elapsed = time.perf_counter() - start
        assert result.returncode == 0, result.stderr[:200]
        assert elapsed < 5, elapsed
        query = json.loads(result.stdout)["results"][0]["query"]
        assert len(query) <= 80


def test_fuzzy_matching_library_loads_only_when_needed() -> None:
    code = (
        "import sys\n"
        "from baclofen_cli.cli.app import app\n"
        "app(sys.argv[1:], standalone_mode=False)\n"
        "print('RAPIDFUZZ' if 'rapidfuzz' in sys.modules else 'NO-RAPIDFUZZ')\n"
        "print('RICH' if 'rich' in sys.modules else 'NO-RICH')\n"
    )
    exact = subprocess.run([sys.executable, "-c", code, "interactions", "Percocet"], capture_output=True, text=True)
    assert exact.returncode == 0, exact.stderr
    assert "NO-RAPIDFUZZ" in exact.stdout and "NO-RICH" in exact.stdout
    fuzzy = subprocess.run([sys.executable, "-c", code, "interactions", "percoset"], capture_output=True, text=True)
    assert "\nRAPIDFUZZ" in fuzzy.stdout


def test_help_keeps_interactions_in_reading_order(runner) -> None:
    help_text = invoke(runner, ["--help"]).stdout
    assert help_text.index("side-effects") < help_text.index("interactions") < help_text.index("precautions")
    detail = invoke(runner, ["interactions", "--help"]).stdout
    assert "NAME" in detail and "--json" in detail and "pharmacist" in detail


# ------------------------------------------------------------------ another file, same code


def test_a_clinic_file_gets_its_own_names(tmp_path, data: dict) -> None:
    clinic = dict(data)
    clinic["interactions"] = {
        "unknown_drug": {"text": "Not in our list. Ask the clinic pharmacist.", "sources": ["s28"]},
        "groups": [
            {
                "id": "grapefruit",
                "name": "Grapefruit",
                "member_label": "a fruit juice",
                "severity": "minor",
                "effect": "Made-up effect for a test file.",
                "advice": "Made-up advice for a test file.",
                "sources": ["s28"],
                "drugs": [{"name": "grapefruit juice", "brands": ["Tropicana Ruby"], "aliases": ["grapefruit"]}],
            }
        ],
        "combinations": [{"name": "Breakfast Mix", "contains": ["grapefruit juice", "oats"]}],
    }
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(clinic, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run_cli(["--data", str(path), "interactions", "tropicanna ruby", "Breakfast Mix", "Percocet", "--json"])
    assert result.returncode == 0, result.stderr
    first, combo, percocet = json.loads(result.stdout)["results"]
    assert [(m["drug"], m["group"], m["severity"]) for m in first["matches"]] == [("grapefruit juice", "grapefruit", "minor")]
    assert combo["matches"][0]["drug"] == "grapefruit juice"
    assert percocet["found"] is False  # this file knows nothing about opioids
    plain = run_cli(["--data", str(path), "interactions", "Breakfast Mix"]).stdout
    assert "Breakfast Mix: contains grapefruit juice, a fruit juice (and oats)" in " ".join(plain.split())
