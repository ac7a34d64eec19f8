"""Issue 14 "Names" (session 9, names11 pass): brands of the guide's generics from Australia and New
Zealand, each confirmed in an official record (`names11-` sources: Medsafe, Pharmac, the New Zealand
Gazette, and the NPS MedicineWise medicine finder carrying the TGA-approved consumer leaflet), and
their guard: a brand one edit from an everyday word is left out (Tensig, atenolol: "tensing"), and an
everyday word the fuzzy matcher had read as a drug is listed in `not_drugs` ("entrap" had been read
as Entrip, amitriptyline). Checked through the real console script, with names in the forms a
patient writes them (a strength, a form), in both languages.
"""

from __future__ import annotations

import pytest
from names_cli import assert_found, assert_unknown

BRANDS = {
    "Hypam 0.25 mg": "triazolam",              # New Zealand (Pharmac)
    "Deptran 25": "doxepin",                   # Australia
    "Felodur ER 10 mg": "felodipine",          # Australia
    "Felodil XR": "felodipine",                # Australia
    "Alphapress 25": "hydralazine",            # Australia
    "Adesan 16 mg": "candesartan",             # Australia
    "Candesan": "candesartan",                 # Australia
    "Mogine 100": "lamotrigine",               # New Zealand (Medsafe)
    "Syquet 200": "quetiapine",                # Australia
    "Tatig 50 mg": "sertraline",               # New Zealand (Gazette)
    "Gapentin 300": "gabapentin",              # Australia
}

SPANISH = {"triazolam": "triazolam", "doxepin": "doxepina", "felodipine": "felodipino",
           "hydralazine": "hidralazina", "candesartan": "candesartán", "lamotrigine": "lamotrigina",
           "quetiapine": "quetiapina", "sertraline": "sertralina", "gabapentin": "gabapentina"}


def test_brands_of_the_guides_generics_from_australia_and_new_zealand() -> None:
    assert_found({name: {drug} for name, drug in BRANDS.items()})


def test_the_spanish_file_carries_the_same_brands() -> None:
    assert_found({name: {SPANISH[drug]} for name, drug in BRANDS.items()}, lang="es")


def test_a_combination_product_names_its_interacting_part() -> None:
    # Codalgin Forte: paracetamol + codeine (Australia); only codeine interacts.
    assert_found({"Codalgin Forte": {"codeine"}})
    assert_found({"Codalgin Forte": {"codeína"}}, lang="es")


# Everyday words near the new brands, the brand left out ("tensing" for Tensig) and the word put in
# `not_drugs` ("entrap", one edit from Entrip): none may be "found".
EVERYDAY = ["tensing", "entrap", "entraps", "entrapped", "hyphen", "deport", "feeler", "alpha",
            "express", "sequel", "mogul", "imagine", "candies", "decant", "gentian", "tatting"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_everyday_words_near_a_brand_are_not_found(lang: str) -> None:
    assert_unknown(EVERYDAY, lang)


def test_the_guard_word_leaves_its_brand_alone() -> None:
    assert_found({"Entrip 25": {"amitriptyline"}})
