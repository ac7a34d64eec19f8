"""Issue 14, names (session 6, after the v7 held-out list): the classes its failures showed, each
checked through the real console script (`interactions NAME --json`) with names of our own, not
the list's, plus the dev list tests/interaction_names_classes_v7.yaml.

1. Safety: an unknown name never resolves to a DIFFERENT drug. A word typed before a brand makes
   another name (a street name of another drug, another product); two vowels wrong in a short name
   are a slip only when the last vowel is a blurred one (a, e, i).
2. A combination product names every interacting part; "co-" before a brand with no entry of its
   own is another product, never that brand alone.
3. Drinks: the guide's markets' drink words are alcohol; a word that says a drink has no alcohol
   (alcohol-free, non-alcoholic, virgin, 0.0, sin alcohol) beside it makes it "not in this guide".
5. "Did you mean" stays in the name's class: a brand's own products only, never a longer product
   whose first word is an ingredient or a salt.
6. Brands of the guide's drugs in the markets the lists cover, each with an official source.
"""

from __future__ import annotations

from names_cli import assert_found, assert_unknown, interactions_answer

from conftest import DATA_FILE, read_yaml

SPANISH_FILE = DATA_FILE.with_name("baclofen.es.yaml")


# ---------------------------------------------------------------- 1. never a different drug
def test_a_word_before_a_brand_makes_another_name() -> None:
    suggestions = assert_unknown(["puppy valium", "co-Kenzen", "jungle Xanax"])
    assert suggestions == {"puppy valium": [], "co-Kenzen": [], "jungle Xanax": []}, suggestions
    # Words that only describe how it is taken, filler, a strength, or a listed street name still read.
    assert_found({"generic xanax": {"alprazolam"}, "Valium 5mg tablets": {"diazepam"},
                  "mexican valium": {"flunitrazepam"}, "two blue xanax": {"alprazolam"}})
    # Words that describe the product before it (who it is for, its form, a store) are not another name.
    assert_found({"Kids Motrin": {"ibuprofen"}, "Infants' Advil": {"ibuprofen"}, "Liquid Nurofen": {"ibuprofen"},
                  "Chewable Zyrtec": {"cetirizine"}, "Original Xanax": {"alprazolam"}})
    # A word AFTER a brand is its line (a form, a strength, an added part): still that brand.
    assert_found({"Xanax XR 1 mg": {"alprazolam"}, "Tramal gotas": {"tramadol"}})


def test_two_vowels_wrong_in_a_short_name_need_a_blurred_last_vowel() -> None:
    # Apronax (naproxen, Latin America) is two vowels from Aprinox (a thiazide), the last one "o":
    # another brand, never the diuretic, and the suggestion stays with naproxen (Apranax).
    assert assert_unknown(["Apronax"]) == {"Apronax": ["Apranax"]}
    # Blurred last vowels are still slips; long names keep two vowels wrong.
    assert_found({"vecoden": {"hydrocodone"}, "duloxatene": {"duloxetine"}})


# ---------------------------------------------------------------- 2. combinations, every part
def test_combination_brands_name_every_interacting_part() -> None:
    assert_found({"Nisisco": {"valsartan", "hydrochlorothiazide"}, "Alteisduo 20/25": {"olmesartan", "hydrochlorothiazide"},
                  "Coolmetec": {"olmesartan", "hydrochlorothiazide"}, "Tenoretic 50": {"atenolol", "chlorthalidone"},
                  "Sevikar 20/5": {"olmesartan", "amlodipine"}, "Xylon": {"hydrocodone", "ibuprofen"},
                  "Limbitrol": {"amitriptyline", "chlordiazepoxide"}})
    assert_found({"Olmetec Plus": {"olmesartán", "hidroclorotiazida"}, "Blokium Diu": {"atenolol", "clortalidona"}},
                 lang="es")


def test_an_ingredient_outside_the_guide_is_named_as_also_in_it() -> None:
    answer = interactions_answer(["Triavil"])
    [match] = answer["results"][0]["matches"]
    assert match["drug"] == "amitriptyline" and answer["results"][0]["found"]


# ---------------------------------------------------------------- 3. drinks
def test_drink_words_of_the_guides_markets_are_alcohol() -> None:
    assert_found({n: {"alcohol"} for n in ["a twelve pack", "vin blanc", "a radler", "two weissbiers", "fernet branca",
                                            "vino blanco", "una caña de cerveza", "low alcohol lager"]})


def test_a_drink_that_says_it_has_no_alcohol_is_not_alcohol() -> None:
    assert_unknown(["alcohol free cider", "a non-alcoholic IPA", "virgin bloody mary", "Peroni 0.0", "de-alcoholised beer"])
    assert_unknown(["una cerveza sin alcohol", "mojito virgen", "vino 0,0"], lang="es")
    # Only the drink the word is beside: the gin and tonic beside a virgin mojito is still alcohol.
    assert_found({"a virgin mojito and a gin and tonic": {"alcohol"}, "xanax and alcohol-free beer": {"alprazolam"}})


# ---------------------------------------------------------------- 5. did you mean, same class
def test_did_you_mean_offers_only_a_brands_own_products() -> None:
    suggestions = assert_unknown(["calcium acetate", "sodium chloride", "benserazide", "carbidopa 25 mg"])
    assert all(s == [] for s in suggestions.values()), suggestions
    # A brand's own products are still offered ("tylenol" is not in the guide, Tylenol with Codeine is).
    assert "Tylenol with Codeine" in assert_unknown(["tylenol"])["tylenol"]


# ---------------------------------------------------------------- 6. brands of the markets, sourced
def test_brands_of_the_guides_drugs_in_its_markets_resolve_in_both_languages() -> None:
    wanted = {"Adumbran": {"oxazepam"}, "Nautamine": {"diphenhydramine"}, "Dinisor 120 mg": {"diltiazem"},
              "Kardegic 75": {"aspirin"}, "Bikalm 10 mg": {"zolpidem"}, "Dolantin": {"meperidine"},
              "Lonazep 0.5": {"clonazepam"}, "Ecosprin 75": {"aspirin"}, "Hypnodorm": {"flunitrazepam"},
              "Parafon Forte DSC": {"chlorzoxazone"}}
    assert_found(wanted)
    assert_found({"Cinfamar": {"dimenhidrinato"}, "Dalsy 40 mg/ml": {"ibuprofeno"}, "Frenadol Complex": {"clorfenamina"}},
                 lang="es")
    # A line of the same maker with another ingredient is not the sleep product.
    assert_unknown(["Vivinox Day"])


def test_every_names7_source_is_official_cited_and_in_both_files() -> None:
    ids = {}
    for path in (DATA_FILE, SPANISH_FILE):
        kb = read_yaml(path)
        mine = {s["id"]: s for s in kb["sources"] if s["id"].startswith("names7-")}
        assert len(mine) > 70
        assert all(s["tier"] == "official" for s in mine.values())
        assert not [s for s in mine.values() if "dailymed.nlm.nih.gov/dailymed/search.cfm" in s["url"]]  # BCL027
        assert len({s["url"] for s in mine.values()}) == len(mine)  # BCL028: one document, one id
        cited = set()
        for group in kb["interactions"]["groups"]:
            for drug in group["drugs"]:
                cited |= set(drug.get("sources") or [])
        for combo in kb["interactions"]["combinations"]:
            cited |= set(combo.get("sources") or [])
        assert set(mine) <= cited, sorted(set(mine) - cited)
        ids[path.name] = set(mine)
    assert ids["baclofen.yaml"] == ids["baclofen.es.yaml"]


# ---------------------------------------------------------------- the dev list, measured
def test_the_v7_dev_list_is_new_and_meets_the_issue_14_bar() -> None:
    from test_holdout_v4 import TESTS, measure_names

    mine = read_yaml(TESTS / "interaction_names_classes_v7.yaml")
    names = {str(n).casefold() for n in [*mine["found"], *mine["not_found"]]}
    earlier = set()
    # The end-of-session list v8 was written at the same time as this one, by a helper who could
    # not see it: the two share 5 brand names (Daxid, Etilaam, Kardegic, Triavil, Zolfresh), so
    # v8 was measured with those 5 already in the data (the session note reports v8 without them).
    later = {"interaction_names_classes_v7.yaml", "interaction_names_holdout_v8.yaml"}
    for path in TESTS.glob("interaction_names*.yaml"):
        if path.name not in later:
            data = read_yaml(path)
            earlier |= {str(n).casefold() for n in [*(data.get("found") or {}), *(data.get("not_found") or [])]}
    assert names & earlier == set()
    f = measure_names("interaction_names_classes_v7.yaml")
    print(f"\ninteraction_names_classes_v7: resolved {f['resolved']}/{f['found_n']} = {f['resolved_share']:.1%}; "
          f"false found {len(f['false_found'])}/{f['not_found_n']}; class errors {f['class_errors']}")
    assert f["false_found"] == [] and f["no_pharmacist_line"] == [] and f["class_errors"] == []
    assert f["resolved_share"] >= 0.95, f["unresolved"]
