"""Issue 14 "Names" (session 10, names12a pass): brands of the guide's generics in the opioid,
benzodiazepine, antidepressant, lithium and antipsychotic groups, mostly UK and Irish (emc, MHRA
Products, HPRA, NHS formularies), with some from South Africa (SAHPRA), Canada and the US, each with
a `names12-` source record. Where the page read was a copy of the approved document or a product
list (drugs.com UK edition, Medscape UK, rxreasoner, myhealthbox), the record cites the official
register or the authority's own search and keeps the page read under `via`.

Their guard: a brand one edit from an everyday English or Spanish word is left out (Olena, fluoxetine:
"llena", "plena"; Vensir XL, venlafaxine: "venir"; Xanor, alprazolam: "manor"; Statex, morphine:
"states"; Prozit, fluoxetine: "profit"; Depas, etizolam: Spanish "demás"; Mabron, tramadol: Spanish "cabrón", "matron"), and so is one the fuzzy
matcher read another word as (Ationdo, tapentadol: Spanish "atuendo"; Aventyl, nortriptyline:
"Aventis"; Allevia, fexofenadine: "alleviate"; Tradolan, tramadol: "Trazolan", a trazodone
brand; Gerax, alprazolam: the Spanish chat word "grax", thanks). Checked through the real console script, with names in
the forms a patient writes them (a strength, a form), in both languages.
"""

from __future__ import annotations

import pytest
from names_cli import assert_found, assert_unknown

BRANDS = {
    # oxycodone (UK prolonged-release and immediate-release brands)
    "Oxeltra 20mg": "oxycodone",
    "Oxpian 10 mg": "oxycodone",
    "Reltebon 40mg tablets": "oxycodone",
    "Oxylan 15 mg": "oxycodone",
    "Lynlor 5mg capsules": "oxycodone",
    "Ixyldone": "oxycodone",
    "Leveraxo 30mg": "oxycodone",
    "Onexila XL 20mg": "oxycodone",
    "Dolocodon PR": "oxycodone",
    "Oxyact 5mg": "oxycodone",
    # fentanyl
    "Opiodur 25 patch": "fentanyl",
    "Victanyl 50": "fentanyl",
    "Yemex 12 patches": "fentanyl",
    "Fenhuma 100 microgram": "fentanyl",
    # tramadol, morphine, buprenorphine, tapentadol, methadone
    "Brimisol 100mg": "tramadol",
    "Tilodol SR 150": "tramadol",
    "Tramquel SR": "tramadol",
    "Tradorec XL 200mg": "tramadol",
    "Actimorph 10mg": "morphine",
    "Bunov 10 patch": "buprenorphine",
    "Bupramyl": "buprenorphine",
    "Panitaz 5": "buprenorphine",
    "Rebrikel 20": "buprenorphine",
    "Carlosafine 35": "buprenorphine",
    "Hapoctasin 52.5": "buprenorphine",
    "Relevtec 70": "buprenorphine",
    "Tapimio 50mg": "tapentadol",
    "Metharose": "methadone",
    "Synastone": "methadone",
    # diazepam (UK proprietary names)
    "Valclair 10mg": "diazepam",
    "Tensium": "diazepam",
    "Rimapam 5mg": "diazepam",
    "Dialar": "diazepam",
    # antidepressants
    "Vencarm XL 75mg": "venlafaxine",
    "Venaxx XL 150": "venlafaxine",
    "Venzip XL": "venlafaxine",
    "Venlalic XL 225mg": "venlafaxine",
    "Venex XL": "venlafaxine",
    "Prozep": "fluoxetine",
    "Prozamel 20mg": "fluoxetine",
    "Irenka 60 mg": "duloxetine",
    "Trepiline 25": "amitriptyline",      # South Africa
    "Amderip": "amitriptyline",           # South Africa
    "Veikirin 10mg": "amitriptyline",     # South Africa
    "Noriline 25 mg": "amitriptyline",    # South Africa
    "Cilift 20mg": "citalopram",          # South Africa
    "Ciloram": "citalopram",              # South Africa
    # lithium, antipsychotics
    "Lithmax 300": "lithium",             # Canada
    "Tenprolide XL 300mg": "quetiapine",
    "Mintreleq XL": "quetiapine",
    "Zaluron XL 50": "quetiapine",
    "Brancico XL 200mg": "quetiapine",
    "Ebesque XL": "quetiapine",
    "FazaClo 25": "clozapine",            # US
    # second pass
    "Osmanil 25 patch": "fentanyl",
    "Osmach 50": "fentanyl",
    "Venlasov XL 75mg": "venlafaxine",
    "Vexarin XL 150": "venlafaxine",
    "Gerozac 20mg": "fluoxetine",         # Ireland
    "Ciprager 20 mg": "citalopram",       # Ireland
    "Zismirt Orotab 30": "mirtazapine",   # Ireland
    "Xepin cream": "doxepin",
    "Melipramin 25mg": "imipramine",      # Hungary
    "Mipralin 25": "imipramine",          # South Africa
    "Hayleve 4mg": "chlorphenamine",
    "Tradonal Retard 100": "tramadol",    # Spain
    "Filnarine SR 30mg": "morphine",
    "Rolyprexa DisTab 10": "olanzapine",  # Ireland
    "Ozalin 2mg/ml": "midazolam",
    "Feprapax": "lofepramine",
}

SPANISH = {"oxycodone": "oxicodona", "fentanyl": "fentanilo", "tramadol": "tramadol", "morphine": "morfina",
           "buprenorphine": "buprenorfina", "tapentadol": "tapentadol", "methadone": "metadona",
           "diazepam": "diazepam", "venlafaxine": "venlafaxina", "fluoxetine": "fluoxetina",
           "duloxetine": "duloxetina", "amitriptyline": "amitriptilina", "citalopram": "citalopram",
           "lithium": "litio", "quetiapine": "quetiapina", "clozapine": "clozapina", "mirtazapine": "mirtazapina",
           "doxepin": "doxepina", "imipramine": "imipramina", "chlorphenamine": "clorfenamina", "olanzapine": "olanzapina",
           "midazolam": "midazolam", "lofepramine": "lofepramina"}


def test_uk_irish_and_other_brands_of_the_guides_generics() -> None:
    assert_found({name: {drug} for name, drug in BRANDS.items()})


def test_the_spanish_file_carries_the_same_brands() -> None:
    assert_found({name: {SPANISH[drug]} for name, drug in BRANDS.items()}, lang="es")


# The brands left out (one edit from an everyday word, or the matcher read an everyday word as
# them), the everyday words themselves, and everyday words near the new brands: none may be "found".
LEFT_OUT = ["Olena", "Vensir", "Xanor", "Statex", "Ationdo", "Aventyl", "Allevia", "Tradolan", "Prozit", "Depas", "Mabron",
            "Gerax"]
EVERYDAY = ["llena", "plena", "venir", "manor", "states", "atuendo", "aventis", "avantal", "aventar",
            "oxygen", "venue", "venues", "vexed", "venom", "tension", "tensing", "dial", "dialog",
            "dilatar", "uplift", "airlift", "unzip", "tranquil", "trammel", "proper", "propel",
            "sirena", "yemas", "tener", "tildon", "brenca", "bunion", "bunny", "cilia", "orphan",
            "alleviate", "aleviar", "trazolan", "profit", "demas", "heyday", "gerund", "melamine", "xenon",
            "cabron", "matron", "macron", "grax"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_everyday_words_near_a_brand_and_the_brands_left_out_are_not_found(lang: str) -> None:
    assert_unknown(EVERYDAY + LEFT_OUT, lang)
