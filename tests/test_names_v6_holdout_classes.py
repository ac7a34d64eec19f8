"""Issue 14, names (session 5, after the v6 held-out list): the classes its failures showed, each
checked through the real console script (`interactions NAME --json`) with names of our own, not
the list's.

1. Safety: a name never resolves to a DIFFERENT drug. Another first sound is a slip only as typed
   (one key), not as sounded; a word beside an unknown word is part of that name unless it is a
   slip of a long name; slang with one vowel changed inside is another word; everyday words and
   real medicines one letter from a listed name are listed as not in this guide. A "did you mean"
   with a consonant AND a vowel wrong is another word (most often another class): not offered.
"""

from __future__ import annotations

import json

from names_cli import assert_found, assert_unknown, interactions_answer

from conftest import DATA_FILE, read_yaml, run_cli

SPANISH_FILE = DATA_FILE.with_name("baclofen.es.yaml")


# ---------------------------------------------------------------- 1. safety
def test_another_first_sound_is_not_a_slip_of_a_sound_alike_brand() -> None:
    # "kenitek" sounds one letter from Renitec (enalapril) but starts with another sound.
    assert_unknown(["Kenitek", "Genitek"])
    # One key wrong at the start, as typed, still is a slip.
    assert_found({"Deroquel": {"quetiapine"}})


def test_a_word_beside_an_unknown_brand_is_part_of_that_brand() -> None:
    # "Ultra" is one letter short of Ultram (tramadol): beside an unknown word it names that product.
    assert_unknown(["Dormex Ultra", "Lactifen Ultra"])
    # Slips of long names in a phrase still count, and amounts beside a slip are not unknown words.
    assert_found({"percoset and xanex": {"oxycodone", "alprazolam"}, "two oxycontn": {"oxycodone"}})


def test_slang_with_a_vowel_changed_inside_is_another_word() -> None:
    suggestions = assert_unknown(["dallies", "a few dallies"])
    assert all(not s for s in suggestions.values()), suggestions  # not even "did you mean dillies"


def test_an_everyday_supplement_one_letter_from_a_medicine_is_not_that_medicine() -> None:
    assert_unknown(["inulin powder", "inulin fiber"])
    assert_unknown(["inulina"], lang="es")
    assert_found({"insuline": {"insulin"}})  # a slip of insulin itself still is insulin


def test_a_real_medicine_one_letter_from_a_supplement_is_not_that_supplement() -> None:
    assert_unknown(["Vallergan Forte", "alimemazine", "trimeprazine"])
    assert_found({"valerian root": {"valerian"}})


def test_did_you_mean_with_a_consonant_and_a_vowel_wrong_is_not_offered() -> None:
    suggestions = assert_unknown(["Amytel", "Tequim"])
    assert suggestions == {"Amytel": [], "Tequim": []}, suggestions


# ---------------------------------------------------------------- 2. combinations that name a part
def test_a_word_after_a_brand_that_names_its_added_part_adds_that_part() -> None:
    # HCT/HCTZ after any listed brand: the brand's own drug plus hydrochlorothiazide.
    assert_found({"Diovan HCT": {"valsartan", "hydrochlorothiazide"}, "Cozaar HCTZ": {"losartan", "hydrochlorothiazide"},
            "Coversyl HCT 5 mg": {"perindopril", "hydrochlorothiazide"}})
    assert_found({"Blopress HCT": {"candesartán", "hidroclorotiazida"}}, lang="es")
    answer = interactions_answer(["HCT"])
    assert [m["drug"] for r in answer["results"] for m in r["matches"]] in ([], ["hydrochlorothiazide"])


def test_combination_brands_name_every_listed_part() -> None:
    assert_found({"Coversyl Plus Arginine": {"perindopril", "indapamide"}, "Kombiglyze": {"metformin"},
            "Goody's": {"aspirin"}, "Ziac 5/6.25": {"bisoprolol", "hydrochlorothiazide"}})
    assert_found({"Coversyl Plus": {"perindopril", "indapamida"}, "Xultophy pen": {"insulina", "liraglutida"}}, lang="es")


# ---------------------------------------------------------------- 3. brands, street and drink words
def test_new_brands_resolve_with_a_strength_or_form_in_both_languages() -> None:
    assert_found({"Skenan LP 30 mg": {"morphine"}, "Temesta 1mg": {"lorazepam"}, "Seroplex 10 mg": {"escitalopram"},
            "Zypadhera injection": {"olanzapine"}, "Pennsaid solution": {"diclofenac"}, "Semglee pen": {"insulin"}})
    assert_found({"Yantil retard": {"tapentadol"}, "Seguril 40 mg": {"furosemida"}}, lang="es")


def test_street_and_drink_words_in_a_phrase() -> None:
    assert_found({"two dollies": {"methadone"}, "a bit of bhang": {"cannabis"},
            "a few glasses of spiced rum": {"alcohol"}, "a bottle of baijiu": {"alcohol"}, "unos vinitos": {"alcohol"},
            "christmas brandy": {"alcohol"}})


def test_every_new_name_source_is_official_and_cited() -> None:
    for path in (DATA_FILE, SPANISH_FILE):
        kb = read_yaml(path)
        mine = {s["id"]: s for s in kb["sources"] if s["id"].startswith("namesfix-")}
        assert len(mine) > 120
        assert all(s["tier"] == "official" for s in mine.values())
        assert not [s for s in mine.values() if "dailymed.nlm.nih.gov/dailymed/search.cfm" in s["url"]]  # BCL027
        cited = set(kb["interactions"]["unlisted_medicines"]["sources"])
        for group in kb["interactions"]["groups"]:
            for drug in group["drugs"]:
                cited |= set(drug.get("sources") or [])
        for combo in kb["interactions"]["combinations"]:
            cited |= set(combo.get("sources") or [])
        assert set(mine) <= cited, sorted(set(mine) - cited)


def test_everyday_words_are_not_added_as_names() -> None:
    # Slang or brands that are everyday words would make `ask` read a plain sentence as a drug.
    for path, words in ((DATA_FILE, ["dolls", "dreamer", "fizz", "fosters", "snakebite"]),
                        (SPANISH_FILE, ["dolls", "dreamer", "compro", "cambia", "celebra"]),
                        (DATA_FILE, ["compro", "cambia", "celebra"])):
        answer = interactions_answer(words, "es" if path == SPANISH_FILE else "en")
        assert not [r["query"] for r in answer["results"] if r["matches"]], path
    result = run_cli(["ask", "--json", "compro el baclofeno en la farmacia"], env={"BACLOFEN_LANG": "es"})
    assert not json.loads(result.stdout)["notices"]
