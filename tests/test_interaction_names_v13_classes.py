"""Names v13 classes (issue 14 "Names", names12c): what patients type besides brands, through the real
CLI (`baclofen interactions --json`), with examples of our own for each class of the last held-out
list's misses (street names, drink phrases and drink names, misspellings, foreign spellings).

1. Street names of the guide's groups, from official slang lists (DEA 2018 "Slang Terms and Code
   Words", FRANK, India's NDPS Act for "charas"): each resolves to its drug.
2. Drink names and drink words of the UK, Ireland, the Caribbean, India, Africa, Australia and Latin
   America, and drink measures said for the drink ("a fifth", "a forty"): alcohol. Measures are
   `everyday_names`: read by `interactions`, never inside an `ask` question ("a forty year old").
   Alcohol-free drinks and everyday phrases with those words stay "not in this guide".
3. Misspellings: a last consonant one key off on a short brand ("xanaz"), a letter missing at the
   end ("fentany"), one vowel wrong in a long name beside another drug it is no slip of
   ("hydrocodine"); everyday words one key or letter from a brand are never found ("rested", "lyrics").
4. German, French, Italian, Spanish and Portuguese spellings of the generics, acids and salts
   ("Valproinsäure", "Natriumvalproat", "acide acétylsalicylique").
"""

from __future__ import annotations

import json

import pytest
from names_cli import assert_found, assert_unknown

from conftest import run_cli


def test_street_names_of_each_group_resolve() -> None:
    assert_found({
        # cannabis (DEA, FRANK, NDPS Act)
        "a zoot": {"cannabis"}, "some kief": {"cannabis"}, "space cake": {"cannabis"}, "pakalolo": {"cannabis"},
        "charas": {"cannabis"}, "dro": {"cannabis"},
        # benzodiazepines (DEA: alprazolam)
        "green hulks": {"alprazolam"}, "two school buses": {"alprazolam"}, "blue footballs": {"alprazolam"},
        "totem poles": {"alprazolam"}, "roofinol": {"flunitrazepam"},
        # a prescribed pill as against a pressed one: a describing word, not another name
        "pharma xans": {"alprazolam"}, "script xanax": {"alprazolam"}, "legit bars": {"alprazolam"},
        # GHB, GBL and 1,4-butanediol
        "gamma-oh": {"GHB"}, "somatomax": {"GHB"}, "cherry meth": {"GHB"}, "blue nitro": {"GBL"},
        "Gina": {"GBL"}, "one comma four": {"1,4-butanediol"}, "1,4-BD": {"1,4-butanediol"},
        # opioids
        "mister blue": {"morphine"}, "amidone": {"methadone"}, "black pearl": {"diamorphine"},
        "king ivory": {"fentanyl"}, "great bear": {"fentanyl"}, "stop signs": {"buprenorphine"},
        "oxycotton": {"oxycodone"}, "ithang": {"kratom"},
        # ketamine, barbiturates
        "jet k": {"ketamine"}, "special la coke": {"ketamine"}, "reds and blues": {"barbiturates"},
        "block busters": {"barbiturates"},
    })


def test_drink_names_and_words_of_many_regions_are_alcohol() -> None:
    assert_found({name: {"alcohol"} for name in [
        # UK and Ireland
        "a pint of Harp lager", "Beamish", "poitín", "a naggin of vodka", "champers", "Buckie",
        # the Caribbean
        "Kalik", "a Carib", "Banks beer", "Stag beer",
        # India
        "cashew feni", "desi daru", "Haywards 5000", "toddy",
        # Africa
        "chang'aa", "waragi", "Zambezi lager", "akpeteshie",
        # Australia and New Zealand
        "a goon bag", "Bundy and coke", "Tui beer", "a tinnie",
        # Latin America
        "chicha de jora", "Flor de Caña", "a caipiroska", "Medalla Light",
    ]})


def test_drink_measures_are_alcohol() -> None:
    assert_found({name: {"alcohol"} for name in [
        "a fifth", "a handle of rum", "a forty", "a forty of malt liquor", "a quart", "a middy", "a shoey",
        "a mickey of rye", "a long neck", "a two four",
    ]})


def test_alcohol_free_drinks_and_everyday_phrases_with_drink_words_stay_not_found() -> None:
    assert_unknown(["Carib Malta", "chicha morada", "Bundaberg ginger beer", "a growler of root beer",
                    "a forty year old", "door handle", "forty winks", "a quart of milk", "rye bread",
                    "midday", "shoes", "tell"])


def test_a_measure_beside_a_drink_is_the_drink_only() -> None:
    # "pot" is cannabis, but "a pot of beer" is a glass of beer: one answer, alcohol.
    assert_found({"a pot of beer": {"alcohol"}, "a pot of weed": {"cannabis"}})
    assert_unknown(["pot of tea"])


@pytest.mark.parametrize("question", ["I am a forty year old man, can I take baclofen",
                                      "my son takes the school bus, can he take baclofen",
                                      # ask corrects one slip in a name: "boots" is one from "zoots"
                                      "can baclofen be bought off the shelf at boots or is it prescription",
                                      "can my son with a baclofen pump go on a plane"])
def test_everyday_names_are_not_read_inside_an_ask_question(question: str) -> None:
    result = run_cli(["ask", "--json", question])
    answer = json.loads(result.stdout)
    # No interaction warning: "a forty", "school bus", "zoot" are not alcohol, alprazolam or cannabis
    # in a sentence (they are `everyday_names`, read by `interactions` only).
    assert not [n for n in answer["notices"] if n.get("kind") == "warning"], answer["notices"]


def test_a_street_name_in_an_ask_question_still_counts() -> None:
    answer = json.loads(run_cli(["ask", "--json", "I had a naggin last night, can I take baclofen"]).stdout)
    assert any(n.get("kind") == "warning" for n in answer["notices"])


def test_common_misspellings_of_listed_names_resolve() -> None:
    assert_found({
        # a last consonant one key off, or the letter before it again, on a short brand
        "xanaz": {"alprazolam"}, "ativab": {"lorazepam"}, "zoloff": {"sertraline"},
        # a letter missing at the end, doubled letters, ph/f, y/i, c/k, -ine/-ene
        "fentany": {"fentanyl"}, "xannax": {"alprazolam"}, "tramadoll": {"tramadol"}, "morfine": {"morphine"},
        "xilazine": {"xylazine"}, "hydroxizine": {"hydroxyzine"}, "klonazepam": {"clonazepam"},
        "kodeine": {"codeine"}, "ketamene": {"ketamine"}, "oxycodene": {"oxycodone"},
        # one vowel wrong in a long name, beside another drug it is no slip of (dihydrocodeine)
        "hydrocodine": {"hydrocodone"}, "oxycodine": {"oxycodone"},
        # a name cut short on an "s" of its own is a slip, not a plural ("Methadose", "Gralise")
        "methados": {"methadone"}, "gralis": {"gabapentin"},
    })


def test_everyday_words_one_slip_from_a_brand_are_not_found() -> None:
    # "rested" is one key from Restex (levodopa), "lyrics" one letter from Lyrica (pregabalin).
    assert_unknown(["rested", "lyrics", "midday", "tells", "altas", "treats"])
    assert_unknown(["recetas", "altas"], lang="es")


def test_foreign_spellings_of_the_generics_resolve() -> None:
    assert_found({
        "Valproinsäure": {"valproate"}, "Valproinsaeure": {"valproate"}, "Natriumvalproat": {"valproate"},
        "acide valproïque": {"valproate"}, "valproato de sodio": {"valproate"},
        "Acetylsalicylsäure": {"aspirin"}, "acide acétylsalicylique": {"aspirin"},
        "Gammahydroxybuttersäure": {"GHB"}, "Natriumoxybat": {"sodium oxybate"},
        "Morphin": {"morphine"}, "Kodein": {"codeine"}, "Tramadolo": {"tramadol"}, "Zolpidème": {"zolpidem"},
        "gabapentina": {"gabapentin"}, "Prégabaline": {"pregabalin"},
    })


def test_the_new_names_work_in_the_spanish_edition_and_spanish_words_stay_words() -> None:
    assert_found({"dro": {"cannabis"}, "charas": {"cannabis"}, "cherry meth": {"GHB"}, "a naggin": {"alcohol"},
                  "Valproinsäure": {"valproato"}}, lang="es")
    # "indica" (it indicates) and "ganga" (a bargain) are everyday Spanish words, not cannabis.
    assert_unknown(["indica", "ganga"], lang="es")
