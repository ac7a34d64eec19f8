"""Issue 14 "Names" (session 10, names12b pass): brands of the guide's blood-pressure, NSAID,
diabetes, surgery, sleep-supplement, Parkinson's, bladder, kidney-harming, diarrhoea and seizure
generics, mostly from the UK and Ireland, each confirmed in the search corpus (`names12b-` sources:
emc itself, or a copy of the UK leaflet or SmPC whose product record on MHRA Products is cited; the
Irish register and medicines.ie; the EU register and EMA; the NPS MedicineWise CMI; an NHS
medicines group; the Saudi register).

Their guard: a brand whose name an everyday English or Spanish word (or another real medicine) was
read as is left out (Tensaid: "tensed"; Cystrin: "cistern"; Glucient: "glycinate"; Hypurin:
"heparin"; Motifene: "Motofen"; Raponer: Spanish "reponer"; Felotens: "flatten"; Doxadura: Spanish
"doradura"; Lamzarin: Spanish "lamparín"; Vera-Til: Spanish "versátil"; Rawel, Arthrosin, a bare
Carace and a bare Buplex: one letter from "ravel", "arthrosis", "carafe" and "duplex"), and
"glance", read as the US brand Glynase before this pass, is in `not_drugs`. Checked through the
real console script, with names in the forms a patient writes them, in both languages.
"""

from __future__ import annotations

import pytest
from names_cli import assert_found, assert_unknown

BRANDS = {
    # diabetes
    "Sukkarto SR 500mg": "metformin", "Bolamyn SR": "metformin", "Diagemet XL": "metformin",
    "Yaltormin SR 1000 mg": "metformin",
    "Nazdol MR 30 mg": "gliclazide", "Dacadis MR": "gliclazide", "Laaglyda MR 60mg": "gliclazide",
    "Ziclaseg": "gliclazide", "Edicil MR": "gliclazide", "Diaclide MR": "gliclazide",
    "Abasaglar": "insulin", "Insulatard": "insulin", "Kirsty": "insulin", "Kixelle": "insulin",
    # blood pressure
    "Adipine MR 20": "nifedipine", "Adipine XL": "nifedipine", "Tensipine MR": "nifedipine",
    "Valni XL 30mg": "nifedipine", "Fortipine LA 40": "nifedipine", "Nifopress Retard 20mg": "nifedipine",
    "Delofine XL 5 mg": "felodipine", "Folpik XL": "felodipine", "Cardioplen XL": "felodipine",
    "Vascalpha 10mg": "felodipine", "Neofel XL": "felodipine", "Pinefeld XL": "felodipine",
    "Viazem XL 180": "diltiazem", "Zemtard 240 XL": "diltiazem", "Angiozem": "diltiazem",
    "Dilcardia SR": "diltiazem", "Angitil SR 90": "diltiazem", "Angitil XL": "diltiazem",
    "Congescor 1.25mg": "bisoprolol", "Hypovase": "prazosin", "Apresoline 25 mg": "hydralazine",
    "Raporsin XL 4mg": "doxazosin", "Larbex XL": "doxazosin",
    "Alkapamid XL": "indapamide", "Indapres XL 1.5 mg": "indapamide", "Indipam XL": "indapamide",
    # NSAIDs
    "Fenbid gel": "ibuprofen", "Fenbid Forte": "ibuprofen", "Cuprofen": "ibuprofen",
    "Cuprofen Maximum Strength": "ibuprofen", "Buplex Rx 400": "ibuprofen",
    "Fenactol 75mg SR": "diclofenac", "Dicloflex Retard": "diclofenac", "Rhumalgan CR 75": "diclofenac",
    "Volsaid Retard 100": "diclofenac", "Econac SR 75mg": "diclofenac",
    "Stirlescent": "naproxen", "Nycopren 500": "naproxen", "Relifex 500mg": "nabumetone",
    "Eccoxolac 300": "etodolac",
    # surgery, sleep, Parkinson's, bladder
    "Norcuron": "vecuronium", "Propoven 2%": "propofol",
    "Syncrodin 3 mg": "melatonin", "Adaflex": "melatonin",
    "Ipinnia XL 2mg": "ropinirole", "Ropiqual XL": "ropinirole", "Glepark": "pramipexole",
    "Blerone XL 4mg": "tolterodine", "Preblacon XL": "tolterodine",
    # kidney-harming, diarrhoea, seizures
    "Deximune 100 mg": "ciclosporin", "Capsorin": "ciclosporin", "Capimune": "ciclosporin",
    "Vanquoral": "ciclosporin", "Dailiport": "tacrolimus", "Adoport 1mg": "tacrolimus",
    "Perixis 5 mg": "tacrolimus", "Tacforius": "tacrolimus",
    "Niopam 300": "contrast dye", "Iomeron": "contrast dye", "Dioraleze": "loperamide",
    "Dyzantil 500mg": "valproate", "Valprotek CR": "valproate", "Matever 500 mg": "levetiracetam",
}

SPANISH = {"metformin": "metformina", "gliclazide": "gliclazida", "insulin": "insulina",
           "nifedipine": "nifedipino", "felodipine": "felodipino", "diltiazem": "diltiazem",
           "bisoprolol": "bisoprolol", "prazosin": "prazosina", "doxazosin": "doxazosina",
           "indapamide": "indapamida", "hydralazine": "hidralazina", "ibuprofen": "ibuprofeno", "diclofenac": "diclofenaco",
           "naproxen": "naproxeno", "nabumetone": "nabumetona", "etodolac": "etodolaco",
           "vecuronium": "vecuronio", "propofol": "propofol", "melatonin": "melatonina",
           "ropinirole": "ropinirol", "pramipexole": "pramipexol", "tolterodine": "tolterodina",
           "ciclosporin": "ciclosporina", "tacrolimus": "tacrolimus", "loperamide": "loperamida",
           "valproate": "valproato", "levetiracetam": "levetiracetam",
           "contrast dye": "medio de contraste"}


def test_brands_of_the_guides_generics_from_the_uk_ireland_and_eu() -> None:
    assert_found({name: {drug} for name, drug in BRANDS.items()})


def test_the_spanish_file_carries_the_same_brands() -> None:
    assert_found({name: {SPANISH[drug]} for name, drug in BRANDS.items()}, lang="es")


def test_a_combination_product_names_both_its_parts() -> None:
    # Carace Plus: lisinopril + hydrochlorothiazide (UK), both blood-pressure medicines.
    assert_found({"Carace Plus": {"lisinopril", "hydrochlorothiazide"},
                  "Carace 20 Plus": {"lisinopril", "hydrochlorothiazide"}})
    assert_found({"Carace Plus": {"lisinopril", "hidroclorotiazida"}}, lang="es")
    # Sastravi: levodopa + carbidopa + entacapone (UK), like Stalevo; only levodopa is in the guide.
    assert_found({"Sastravi 100mg/25mg/200mg": {"levodopa"}})
    assert_found({"Sastravi": {"levodopa"}}, lang="es")


# Everyday words (and real medicines not in the guide) that a brand of this pass would have taken:
# the brand is left out, or the word is in `not_drugs` ("glance"). None may be "found".
EVERYDAY = ["tensed", "tensing", "cistern", "cystine", "glycinate", "magnesium glycinate", "heparin",
            "Motofen", "flatten", "flattens", "foreseen", "ravel", "rawer", "arthrosis", "carafe", "duplex",
            "glance", "glances", "repine", "decades", "adopt", "proven", "whatever", "relief", "toblerone",
            "alpine", "vanilla", "tension", "stank", "thirsty"]
SPANISH_EVERYDAY = ["reponer", "doradura", "domadura", "lamparín", "versátil", "décadas", "probado",
                    "cisterna", "artrosis", "materia"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_everyday_words_near_a_brand_are_not_found(lang: str) -> None:
    assert_unknown(EVERYDAY + SPANISH_EVERYDAY, lang)


def test_the_guard_word_leaves_its_brand_alone() -> None:
    assert_found({"Glynase": {"glibenclamide"}})
    assert_found({"Glynase": {"glibenclamida"}}, lang="es")
