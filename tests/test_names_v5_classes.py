"""Issue 14, names (session 4): the classes the names v5 held-out list showed, each checked with
names of its own (none is in tests/interaction_names_holdout_v5.yaml), through the real console
script (`interactions NAME --json`), plus the checks that no false friend came with them.

Classes: brands of listed generics (Australia, the US, Spain, the UK, Canada) and combination
products, each with an official source; Spanish generic names typed in English; sound-alike typing
slips; drink phrases; street spellings; a brand whose variant names another generic.
"""

from __future__ import annotations

from pathlib import Path

from names_cli import assert_found, assert_unknown

from conftest import DATA_FILE, read_yaml

TESTS = Path(__file__).resolve().parent
SPANISH_FILE = DATA_FILE.with_name("baclofen.es.yaml")


# ---------------------------------------------------------------- 1. brands and combination products
def test_more_brands_of_listed_generics_resolve() -> None:
    assert_found({
        "Tramal SR": {"tramadol"}, "MS Mono": {"morphine"}, "Anamorph": {"morphine"},
        "Biodone Forte": {"methadone"}, "Valpam": {"diazepam"}, "Ranzepam": {"diazepam"},
        "Entrip": {"amitriptyline"}, "Lithicarb 250": {"lithium"}, "RoxyBond 5 mg": {"oxycodone"},
        "Sympazan film": {"clobazam"}, "Zepbound pen": {"tirzepatide"},
    })


def test_combination_brands_name_every_listed_ingredient() -> None:
    assert_found({
        "Codapane Forte": {"codeine"}, "Mevadol Forte": {"codeine", "doxylamine"},
        "Panamax Co": {"codeine"}, "Norgesic Forte": {"aspirin", "orphenadrine"},
        "Janumet XR": {"metformin", "sitagliptin"}, "Synjardy XR": {"empagliflozin", "metformin"},
        "Exforge HCT": {"amlodipine", "valsartan", "hydrochlorothiazide"},
    })


def test_every_added_brand_and_combination_cites_an_official_source() -> None:
    kb = read_yaml(DATA_FILE)
    tiers = {s["id"]: s.get("tier") for s in kb["sources"]}
    session = {s["id"] for s in kb["sources"] if s["id"].startswith(("au-tga-", "us-dailymed-", "eu-ema-", "uk-emc-",
                                                                        "ca-dpd-", "es-cima-"))}
    cited = set()
    for group in kb["interactions"]["groups"]:
        for drug in group["drugs"]:
            cited |= set(drug.get("sources") or [])
    for combo in kb["interactions"]["combinations"]:
        cited |= set(combo.get("sources") or [])
    assert session <= cited  # no source without its brand
    assert all(tiers[s] == "official" for s in session)


def test_brands_without_an_official_source_stay_out() -> None:
    # Latin-American brands seen only in commercial compendia (README): "ask your pharmacist".
    assert_unknown(["Flanax", "Supradol", "Altruline", "Clonagin", "Alprax"])


# ---------------------------------------------------------------- 2. Spanish generic names in English
def _spanish_pairs() -> list[tuple[str, str]]:
    from baclofen_cli.features.interactions.names import normalise

    english, spanish = read_yaml(DATA_FILE)["interactions"], read_yaml(SPANISH_FILE)["interactions"]
    pairs = []
    for en_group, es_group in zip(english["groups"], spanish["groups"]):
        assert en_group["id"] == es_group["id"]
        for es_drug in es_group["drugs"]:
            keys = {normalise(n) for n in [es_drug["name"], *es_drug.get("aliases", [])]}
            same = [d["name"] for d in en_group["drugs"]
                    if keys & {normalise(n) for n in [d["name"], *d.get("aliases", [])]}]
            if same and " " not in es_drug["name"] and not es_drug["name"].isupper():
                pairs.append((es_drug["name"], same[0]))
    return pairs


def test_every_spanish_generic_name_resolves_in_the_english_guide() -> None:
    from baclofen_cli.core.loader import load
    from baclofen_cli.features.interactions.names import DrugIndex, normalise

    index = load(DATA_FILE).index("drugs", DrugIndex)
    pairs = _spanish_pairs()
    assert len(pairs) >= 150
    missing = [(es, en) for es, en in pairs if en not in {h.drug for h in index.names.get(normalise(es), [])}]
    assert not missing, missing


def test_spanish_generic_names_through_the_console_script() -> None:
    assert_found({"oxicodona": {"oxycodone"}, "sertralina": {"sertraline"}, "gabapentina": {"gabapentin"},
            "metadona": {"methadone"}, "quetiapina": {"quetiapine"}, "clorfenamina": {"chlorphenamine"},
            "zopiclona 7,5 mg": {"zopiclone"}})


# ---------------------------------------------------------------- 3. sound-alike slips
def test_sound_alike_slips_resolve() -> None:
    # A vowel for a vowel, a nasal for a nasal, and a slip of any of the drug's names.
    assert_found({"furosimide": {"furosemide"}, "ativam": {"lorazepam"}, "zolpidam": {"zolpidem"},
            "lorazapam": {"lorazepam"}, "klonopim": {"clonazepam"}})


def test_no_name_list_gains_a_false_friend() -> None:
    """Every "not in the guide" name of every list in tests/ still finds nothing."""
    from baclofen_cli.core.loader import load
    from baclofen_cli.features.interactions.names import DrugIndex
    from baclofen_cli.features.interactions.resolve import resolve

    index = load(DATA_FILE).index("drugs", DrugIndex)
    false = []
    for path in sorted(TESTS.glob("interaction_names*.yaml")):
        for name in read_yaml(path).get("not_found") or []:
            found = resolve(index, str(name))
            if found.found:
                false.append((path.name, name, [h.drug for f in found.found for h in f.hits]))
    assert not false, false


# ---------------------------------------------------------------- 4. drink phrases
def test_cocktails_and_drink_slang_are_alcohol() -> None:
    names = ["a schooner", "two stubbies", "an espresso martini", "a moscow mule", "a black russian",
             "tinto de verano", "a few chelas", "a longneck", "an irish coffee", "a couple of voddies"]
    assert_found({n: {"alcohol"} for n in names})


def test_everyday_phrases_near_drink_words_are_not_alcohol() -> None:
    assert_unknown(["long island", "old fashioned", "snakebite kit"])


# ---------------------------------------------------------------- 5. street spellings
def test_street_spellings_of_bars_and_moggies() -> None:
    assert_found({"xanax barz": {"alprazolam"}, "z-bars": {"alprazolam"}, "moggy": {"nitrazepam"},
            "a few moggies": {"nitrazepam"}})


# ---------------------------------------------------------------- 6. a variant naming another generic
def test_a_brand_variant_that_names_another_generic() -> None:
    assert_found({"Dramamine All Day Less Drowsy": {"meclizine"}, "Dramamine": {"dimenhydrinate"}})

