"""Spanish and Latin-American brand names of the interaction groups (issue 18 item 3), through the
real command line.

Each brand is listed only where an official document ties it to its drug: Spain's brands cite their
AEMPS CIMA entry, the one Mexican brand (Relacum) the COFEPRIS alert page of a state sanitary-risk
authority. They are in both knowledge files, so a brand resolves in English and in Spanish, with or
without a region (a Spanish speaker in the US types the brand on the box from home). Brands with no
official source (Tafil, Alplax) get the "not in this guide: ask your pharmacist" line, and names one
letter from a listed drug that are not it ("Tradol" and Toradol, "dormidita" and Dormidina) are
never read as that drug.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import DATA_FILE, read_yaml, run_cli

SPANISH_FILE = DATA_FILE.with_name("baclofen.es.yaml")

# brand -> (generic in the English file, generic in the Spanish file, the source that names it).
# Written from the sources' titles, not read from the knowledge files.
BRANDS = {
    "Adolonta": ("tramadol", "tramadol", "es-cima-adolonta"),
    "Zaldiar": ("tramadol", "tramadol", "es-cima-zaldiar"),  # with paracetamol
    "Targin": ("oxycodone", "oxicodona", "es-cima-targin"),  # with naloxone
    "Dolantina": ("meperidine", "meperidina", "es-cima-dolantina"),
    "Trankimazin": ("alprazolam", "alprazolam", "es-cima-trankimazin"),
    "Orfidal": ("lorazepam", "lorazepam", "es-cima-orfidal"),
    "Tranxilium": ("clorazepate", "clorazepato", "es-cima-tranxilium"),
    "Noctamid": ("lormetazepam", "lormetazepam", "es-cima-noctamid"),
    "Relacum": ("midazolam", "midazolam", "interactions-mx-relacum"),
    "Stilnox": ("zolpidem", "zolpidem", "es-cima-stilnox"),
    "Dormidina": ("doxylamine", "doxilamina", "es-cima-dormidina"),
    "Biodramina": ("dimenhydrinate", "dimenhidrinato", "es-cima-biodramina"),
    "Sirdalud": ("tizanidine", "tizanidina", "es-cima-sirdalud"),
    "Yurelax": ("cyclobenzaprine", "ciclobenzaprina", "es-cima-yurelax"),
    "Tryptizol": ("amitriptyline", "amitriptilina", "es-cima-tryptizol"),
    "Besitran": ("sertraline", "sertralina", "es-cima-besitran"),
    "Deprax": ("trazodone", "trazodona", "es-cima-deprax"),
    "Plenur": ("lithium", "litio", "es-cima-plenur"),
    "Elontril": ("bupropion", "bupropión", "es-cima-elontril"),
    "Fortasec": ("loperamide", "loperamida", "es-cima-fortasec"),
}
# Spanish-file only: bromazepam is not in the English file, whose held-out name lists
# (interaction_names_holdout_v4, _real_unlisted) were written with bromazepam "not in the guide".
SPANISH_ONLY = {"Lexatin": ("bromazepam", "es-cima-lexatin")}

# Typing slips and accents of the brands above -> the brand they are read as.
MISSPELT = {
    "trankimacin": "Trankimazin", "tranquimazin": "Trankimazin", "trankimazín": "Trankimazin",
    "orfidel": "Orfidal", "orfidál": "Orfidal", "saldiar": "Zaldiar", "adolota": "Adolonta",
    "estilnox": "Stilnox", "triptizol": "Tryptizol", "sirdalut": "Sirdalud", "bessitran": "Besitran",
    "relacun": "Relacum", "relakum": "Relacum",
}
# Names that must never be read as a listed drug: one letter from one (Tradol/Toradol,
# dormidita/Dormidina), or a Latin-American brand with no official source in this guide.
NOT_IN_THE_GUIDE = ["Tradol", "tradol", "Tradol retard", "dormidita", "dormidito", "Tafil", "Alplax"]


def _results(*args: str) -> dict[str, dict[str, Any]]:
    result = run_cli([*args, "--json"])
    assert result.returncode == 0, result.stderr
    return {r["query"]: r for r in json.loads(result.stdout)["results"]}


def _drugs(result: dict[str, Any]) -> set[str]:
    return {m["drug"] for m in result["matches"]} if result["found"] else set()


@pytest.mark.parametrize("options", [[], ["--region", "EU"], ["--region", "US"]], ids=["no-region", "eu", "us"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_brand_resolves_to_its_generic(lang: str, options: list[str]) -> None:
    brands = {**BRANDS, **({b: (g, g, s) for b, (g, s) in SPANISH_ONLY.items()} if lang == "es" else {})}
    results = _results("--lang", lang, *options, "interactions", *brands)
    wrong = {b: _drugs(results[b]) for b, generics in brands.items()
             if _drugs(results[b]) != {generics[0 if lang == "en" else 1]}}
    assert wrong == {}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_misspelt_brands_are_read_as_the_brand(lang: str) -> None:
    results = _results("--lang", lang, "interactions", *MISSPELT)
    read_as = {name: [m["matched"] for m in results[name]["matches"]] for name in MISSPELT}
    assert read_as == {name: [brand] for name, brand in MISSPELT.items()}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_false_friends_and_unsourced_brands_get_the_pharmacist_line(lang: str) -> None:
    results = _results("--lang", lang, "interactions", *NOT_IN_THE_GUIDE)
    assert {n: r["found"] for n, r in results.items()} == dict.fromkeys(NOT_IN_THE_GUIDE, False)
    plain = run_cli(["--lang", lang, "interactions", "Tradol"])
    said = " ".join(plain.stdout.lower().split())
    line = "no está en esta guía" if lang == "es" else "not in this guide"
    assert line in said and ("farmacéutico" if lang == "es" else "pharmacist") in said
    assert "ketorolac" not in said  # never the drug it looks like (Toradol)
    # The drugs they look like are still found by their own names.
    near = _results("--lang", lang, "interactions", "Toradol", "Dormidina")
    assert _drugs(near["Toradol"]) == {"ketorolac" if lang == "en" else "ketorolaco"}


def test_a_spanish_opioid_brand_is_not_read_as_a_seizure_medicine_in_english() -> None:
    # Before the Spain brands were in the English file, "Dolantina" (pethidine) was a slip of
    # Dilantin (phenytoin): a major opioid answered as a moderate one.
    view = json.loads(run_cli(["interactions", "Dolantina", "--json"]).stdout)
    assert view["verdict"]["severity"] == "major"
    assert {m["group"] for m in view["results"][0]["matches"]} == {"opioids"}


def _cited_by(data: dict[str, Any], brand: str) -> list[str]:
    """The sources the drug or combination that lists `brand` cites itself."""
    cited = [s for g in data["interactions"]["groups"] for d in g["drugs"]
             if brand in d.get("brands", []) for s in d.get("sources", [])]
    cited += [s for c in data["interactions"]["combinations"]
              if brand in (c["name"], *c.get("aliases", [])) for s in c.get("sources", [])]
    return cited


@pytest.mark.parametrize("path", [DATA_FILE, SPANISH_FILE], ids=["en", "es"])
def test_each_brand_cites_the_official_document_that_names_it(path) -> None:
    data = read_yaml(path)
    sources = {s["id"]: s for s in data["sources"]}
    brands = {**{b: s for b, (_, _, s) in BRANDS.items()},
              **({b: s for b, (_, s) in SPANISH_ONLY.items()} if path == SPANISH_FILE else {})}
    for brand, source_id in brands.items():
        assert source_id in _cited_by(data, brand) or (
            path == SPANISH_FILE and any(source_id in g["sources"] for g in data["interactions"]["groups"])), brand
        source = sources[source_id]
        assert source["tier"] == "official" and source["kind"] == "regulator", source_id
        assert brand.casefold() in source["title"].casefold(), source_id
    relacum = sources["interactions-mx-relacum"]
    assert relacum["region"] == "MX" and relacum["url"].startswith("https://qroo.gob.mx/")


def test_the_spanish_files_brands_are_in_the_english_file_too() -> None:
    def brands(path) -> dict[str, set[str]]:
        data = read_yaml(path)
        return {g["id"]: {b for d in g["drugs"] for b in (*d.get("brands", []),
                                                          *(x for v in d.get("brands_by_region", {}).values() for x in v))}
                for g in data["interactions"]["groups"]}

    english, spanish = brands(DATA_FILE), brands(SPANISH_FILE)
    missing = {g: sorted(spanish[g] - english[g] - set(SPANISH_ONLY)) for g in spanish}
    assert {g: m for g, m in missing.items() if m} == {}
