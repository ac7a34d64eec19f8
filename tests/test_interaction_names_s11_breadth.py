"""Session 11 (names13 pass): Japanese brands of the guide's benzodiazepines and zopiclone, and the
tramadol-paracetamol combination Tramcet, each from a PMDA package insert with a `names13-` source record (the page read, a copy of the insert or a
Japanese drug reference, is kept under `via`).

Left out by the guard (one edit from an everyday word): Constan (alprazolam, "constant"), Horizon
(diazepam, an English word), Reslin (trazodone, "resin"); Solanax (alprazolam) too, as the
matcher read the Spanish word "solana" as it. Checked through the real console script,
with names as a patient writes them, in both languages.
"""

from __future__ import annotations

import pytest
from names_cli import assert_found, assert_unknown

BRANDS = {
    "Amoban 7.5mg": "zopiclone",
    "Amoban": "zopiclone",
    "Wypax 0.5 mg": "lorazepam",
    "Cercine": "diazepam",
    "Cercine 5mg tablets": "diazepam",
    "Benzalin 5mg": "nitrazepam",
    "Nelbon": "nitrazepam",
    "Eurodin 2mg": "estazolam",
    # a combination (tramadol with paracetamol): its opioid is what the guide lists
    "Tramcet tablets": "tramadol",
}
SPANISH = {"zopiclone": "zopiclona", "lorazepam": "lorazepam",
           "diazepam": "diazepam", "nitrazepam": "nitrazepam", "estazolam": "estazolam",
           "tramadol": "tramadol"}


def test_japanese_brands_of_the_guides_benzodiazepines_and_zopiclone() -> None:
    assert_found({name: {drug} for name, drug in BRANDS.items()})


def test_the_spanish_file_carries_the_same_brands() -> None:
    assert_found({name: {SPANISH[drug]} for name, drug in BRANDS.items()}, lang="es")


LEFT_OUT = ["Constan", "Horizon", "Reslin", "Solanax"]
EVERYDAY = ["constant", "horizon", "resin", "solana", "european", "euro", "cerca",
            "nelson", "benzene", "amoeba", "ambos"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_everyday_words_near_a_brand_and_the_brands_left_out_are_not_found(lang: str) -> None:
    assert_unknown(EVERYDAY + LEFT_OUT, lang)
