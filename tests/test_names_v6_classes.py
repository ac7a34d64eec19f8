"""Issue 14, names (session 5): the classes an unseen list of names brings, each checked through the
real console script (`interactions NAME --json`) with names that are mostly NOT on the session's dev
list (tests/interaction_names_classes_v6.yaml), plus the checks that no false friend came with them.

Classes: brands of listed generics by country (Australia, New Zealand, Canada, Ireland, the UK,
Spain, Italy, the EU, Brazil) and new US brands; combination products, which name only their listed
parts; INN/BAN and Italian/Portuguese spellings and pharmacy abbreviations; DEA and FRANK street
names; everyday drink phrases and drink brands; real medicines one letter from a new brand.
"""

from __future__ import annotations

import json
from pathlib import Path

from names_cli import assert_found, assert_unknown, interactions_answer

from conftest import DATA_FILE, read_yaml, run_cli

TESTS = Path(__file__).resolve().parent
SPANISH_FILE = DATA_FILE.with_name("baclofen.es.yaml")


# ---------------------------------------------------------------- 1. brands, by country
def test_australian_and_new_zealand_brands_resolve() -> None:
    assert_found({"Temaze": {"temazepam"}, "Esitalo": {"escitalopram"}, "Rispa": {"risperidone"}, "Deralin": {"propranolol"},
            "Adefin": {"nifedipine"}, "Dimirel": {"glimepiride"}, "Apomine": {"apomorphine"}, "RA-Morph": {"morphine"}})


def test_canadian_brands_resolve() -> None:
    assert_found({"Metadol-D": {"methadone"}, "Xanax TS": {"alprazolam"}, "Diabeta": {"glibenclamide"},
            "Manerix": {"moclobemide"}, "Uromax": {"oxybutynin"}, "Oxy-IR": {"oxycodone"}})


def test_uk_irish_and_eu_brands_resolve() -> None:
    assert_found({"Biquelle XL": {"quetiapine"}, "Lecaent": {"pregabalin"}, "Daonil": {"glibenclamide"}, "Aprinox": {"bendroflumethiazide"},
            "Innovace": {"enalapril"}, "Lomont": {"lofepramine"}, "Tesavel": {"sitagliptin"}, "Zalasta": {"olanzapine"}})


def test_spanish_and_italian_brands_resolve() -> None:
    assert_found({"Toseina": {"codeine"}, "Somnovit": {"loprazolam"}, "Blopress": {"candesartan"}, "Sumial": {"propranolol"},
            "Minias": {"lormetazepam"}, "Trittico": {"trazodone"}, "Laroxyl": {"amitriptyline"}, "Depakin": {"valproate"}})


def test_brazilian_brands_resolve() -> None:
    assert_found({"Apraz": {"alprazolam"}, "Dienpax": {"diazepam"}, "Dormonid": {"midazolam"}, "Glifage": {"metformin"},
            "Amytril": {"amitriptyline"}, "Donaren": {"trazodone"}, "Dramin": {"dimenhydrinate"}, "Imosec": {"loperamide"}})


def test_new_us_brands_resolve() -> None:
    assert_found({"Aristada": {"aripiprazole"}, "Saxenda": {"liraglutide"}, "Oxtellar XR": {"oxcarbazepine"},
            "Trokendi XR": {"topiramate"}, "Spritam": {"levetiracetam"}, "Ryanodex": {"dantrolene"},
            "CaroSpir": {"spironolactone"}, "Khedezla": {"desvenlafaxine"}})


def test_a_brand_with_a_strength_or_form_still_resolves() -> None:
    assert_found({"Minias 1 mg": {"lormetazepam"}, "Trittico 50mg": {"trazodone"}, "Saxenda pen": {"liraglutide"}})


# ---------------------------------------------------------------- 2. combination products
def test_combinations_name_every_listed_part_and_only_those() -> None:
    assert_found({"Glyxambi": {"empagliflozin", "linagliptin"}, "Xigduo XR": {"dapagliflozin", "metformin"},
            "Glucovance": {"glibenclamide", "metformin"}, "Zestoretic": {"lisinopril", "hydrochlorothiazide"},
            "Tenoretic": {"atenolol", "chlorthalidone"}, "Entresto": {"valsartan"},
            "Depalgos": {"oxycodone"}, "Co-Efferalgan": {"codeine"}, "Kinson": {"levodopa"}})


def test_a_combination_says_what_else_it_holds() -> None:
    result = run_cli(["interactions", "Entresto"], env={"BACLOFEN_LANG": "en", "NO_COLOR": "1"})
    assert result.returncode in (0, 1), result.stderr
    assert "contains valsartan" in result.stdout and "sacubitril" in result.stdout, result.stdout


# ---------------------------------------------------------------- 3. spellings and abbreviations
def test_inn_ban_italian_and_portuguese_spellings() -> None:
    assert_found({"idrocodone": {"hydrocodone"}, "ossimorfone": {"oxymorphone"}, "tapentadolo": {"tapentadol"},
            "carisoprodolo": {"carisoprodol"}, "clorpromazina": {"chlorpromazine"}, "maconha": {"cannabis"},
            "divalproato": {"valproate"}, "acido acetilsalicilico": {"aspirin"}, "quinalbarbitone": {"secobarbital"}})


def test_pharmacy_abbreviations() -> None:
    assert_found({"MSIR": {"morphine"}, "MSO4": {"morphine"}, "OxyIR": {"oxycodone"}, "hydro/APAP": {"hydrocodone"}})


# ---------------------------------------------------------------- 4. street names and drink phrases
def test_dea_street_names_of_barbiturates_opioids_and_kratom() -> None:
    assert_found({"purple hearts": {"phenobarbital"}, "seccy": {"secobarbital"}, "goofballs": {"barbiturates"},
            "Mrs O": {"oxymorphone"}, "wolfies": {"flunitrazepam"}, "easy lay": {"GHB"}, "kakuam": {"kratom"},
            "a few trammies": {"tramadol"}})


def test_drink_brands_and_everyday_drinking_phrases_are_alcohol() -> None:
    names = ["a cold Corona beer", "on the lash", "a few jars", "pub crawl", "Bombay Sapphire", "Jim Beam",
             "two Tecates", "a bottle of Echo Falls", "Kopparberg", "sundowners"]
    assert_found({n: {"alcohol"} for n in names})


def test_everyday_phrases_near_the_new_words_stay_out() -> None:
    # a drink word beside a word that makes it an everyday thing; a food; a virus
    assert_unknown(["pub quiz", "Corona virus", "brown sugar", "juice"])


# ---------------------------------------------------------------- 5. false friends of the new names
def test_real_medicines_one_letter_from_a_new_brand_are_not_found() -> None:
    # MiraLAX (a laxative) and Murelax (oxazepam); Norflox (an antibiotic) and Norflex; Metadate
    # (methylphenidate) and methadone's Italian name; Avandia and Avanza; Zantac and Zactin.
    assert_unknown(["MiraLAX", "Norflox", "Metadate", "Avandia", "Zantac", "Durex", "Axid"])


def test_a_name_two_countries_use_for_different_drugs_gives_both() -> None:
    # Cartia is aspirin in Australia; Cartia XT is diltiazem in the US: with no region, both show.
    assert_found({"Cartia XT": {"diltiazem"}, "Cartia": {"aspirin", "diltiazem"}})
    result = run_cli(["interactions", "--json", "--region", "au", "Cartia"], env={"BACLOFEN_LANG": "en"})
    assert result.returncode in (0, 1), result.stderr
    assert "aspirin" in {m["drug"] for r in json.loads(result.stdout)["results"] for m in r["matches"]}


def test_paco_a_street_word_for_cocaine_paste_is_no_brand_here() -> None:
    assert_unknown(["Paco"])


def test_everyday_words_one_slip_from_a_brand_do_not_turn_a_question_into_a_medicine_one() -> None:
    # `ask` corrects a one-letter slip to a known name: brands one letter from an everyday word
    # (state, favor, intact, drool, period, hang, model) were left out for that reason.
    for question in ["what state should my legs be in", "is it normal to drool a bit", "do me a favor and explain dosing",
                     "is it normal for my period to come late", "how long do side effects hang around"]:
        result = run_cli(["ask", "--json", question], env={"BACLOFEN_LANG": "en"})
        assert result.returncode in (0, 1), result.stderr
        notices = json.loads(result.stdout)["notices"]
        assert not [n for n in notices if n["kind"] in ("warning", "emergency") and "sleepy" in n["text"]], (question, notices)


# ---------------------------------------------------------------- 6. sources and the Spanish file
def test_every_names6_source_is_official_and_cited() -> None:
    for path in (DATA_FILE, SPANISH_FILE):
        kb = read_yaml(path)
        mine = {s["id"]: s for s in kb["sources"] if s["id"].startswith("names6-")}
        assert len(mine) > 250
        assert all(s["tier"] == "official" for s in mine.values())
        assert not [s for s in mine.values() if "dailymed.nlm.nih.gov/dailymed/search.cfm" in s["url"]]  # BCL027
        cited = set(kb["interactions"]["unlisted_medicines"]["sources"])
        for group in kb["interactions"]["groups"]:
            for drug in group["drugs"]:
                cited |= set(drug.get("sources") or [])
        for combo in kb["interactions"]["combinations"]:
            cited |= set(combo.get("sources") or [])
        assert set(mine) <= cited, sorted(set(mine) - cited)


def test_the_spanish_edition_finds_the_same_new_brands() -> None:
    answer = interactions_answer(["Minias", "Dorflex", "Glyxambi", "Apraz", "Temaze", "trammies"], lang="es")
    assert all(r["found"] for r in answer["results"]), [r["query"] for r in answer["results"] if not r["found"]]


# ---------------------------------------------------------------- 7. the dev list, measured
def test_names_classes_v6_dev_list_has_no_false_found() -> None:
    """The dev list written before the work (its header has the figures measured then and after):
    every "not in the guide" name gets the pharmacist line and nothing is found for it. Its share
    resolved is printed (pytest -s), not held to the 95% bar: its unresolved names are brands with no
    official document found (India, Mexico, Argentina) and ambiguous abbreviations kept out on purpose."""
    from test_holdout_v4 import measure_names

    f = measure_names("interaction_names_classes_v6.yaml")
    print(f"\ninteraction_names_classes_v6: resolved {f['resolved']}/{f['found_n']} = {f['resolved_share']:.1%}; "
          f"false found {len(f['false_found'])}/{f['not_found_n']}; class errors {f['class_errors']}")
    assert f["false_found"] == []
    assert f["no_pharmacist_line"] == []
    assert f["resolved_share"] >= 0.85, f["unresolved"]
