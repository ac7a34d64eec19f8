"""The Spanish knowledge file (data/baclofen.es.yaml, issue 18): it must not drift from the English one,
it must keep every clinical number and every citation, it must be valid, and it must be plain Spanish.

Structure parity walks both files side by side: the same keys, the same list lengths, the same ids,
kinds, tiers, regions and phone numbers; words may differ, numbers may not; every statement keeps all
its English sources (the Spanish file may add Spanish ones beside them, never drop one).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA_FILE, read_yaml, run_cli
from readability import topic_sentences

SPANISH_FILE = DATA_FILE.with_name("baclofen.es.yaml")

# Blocks translated in full: everything in them must line up with the English file.
PARALLEL_BLOCKS = ("safety_topics", "disclaimer", "emergency", "regions", "topics", "handout")
# Keys whose values are not words: they must be the same in both languages.
SAME_VALUE_KEYS = {"id", "topic", "kind", "tier", "number", "region", "code", "regions", "territories",
                   "severity", "emergency_first", "rows", "lines", "leaflet", "correct", "schema_version",
                   "reviewed", "unit"}
# Sources the Spanish edition adds beside the English ones.
SPANISH_SOURCE_PREFIX = "es-"

# The INFLESZ bars (issue 18): "bastante fácil" (65) or easier for every topic, 75 on average.
MIN_TOPIC_SZIGRISZT = 65
MIN_MEAN_SZIGRISZT = 75
SZIGRISZT_BASE = 206.835  # Szigriszt-Pazos (1992); textstat 0.7.4 uses 206.84 for "es"


def _load(path: Path) -> dict[str, Any]:
    return read_yaml(path)


@pytest.fixture(scope="module")
def english() -> dict[str, Any]:
    return _load(DATA_FILE)


@pytest.fixture(scope="module")
def spanish() -> dict[str, Any]:
    return _load(SPANISH_FILE)


@pytest.fixture()
def spanish_textstat() -> Iterator[Any]:
    """textstat with Spanish syllables; set back to English after, so other tests' grades are unchanged."""
    import textstat

    textstat.set_lang("es")
    try:
        yield textstat
    finally:
        textstat.set_lang("en_US")


def szigriszt_pazos(textstat: Any, sentences: list[str]) -> float:
    """The Szigriszt-Pazos index with each point counted as one sentence, as the English grade counts
    them (baclofen_cli.core.readability.fk_grade): textstat's own word and syllable counts."""
    words = sum(textstat.lexicon_count(s, removepunct=True) for s in sentences)
    syllables = sum(textstat.syllable_count(s) for s in sentences)
    return SZIGRISZT_BASE - 62.3 * (syllables / words) - words / len(sentences)


def _digits(text: str) -> Counter[str]:
    # "1-800-222-1222", "13 11 26", "20 to 25 °C": every run of digits, in any order.
    return Counter(re.findall(r"\d+", text))


def parity_problems(en: Any, es: Any, path: str) -> Iterator[str]:
    """Every place the Spanish tree differs from the English one in more than its words."""
    if isinstance(en, dict):
        if not isinstance(es, dict):
            yield f"{path}: a mapping in English, {type(es).__name__} in Spanish"
            return
        # A Spanish topic may add `aliases` (its Spanish command names); nothing else may differ.
        extra_allowed = {"aliases"} if path.startswith("topics[") and path.count("]") == 1 and "." not in path else set()
        if set(en) ^ set(es) - extra_allowed:
            yield f"{path}: keys {sorted(set(en) ^ set(es))} are in only one file"
        for key in set(en) & set(es):
            if key == "sources":
                lost = [s for s in en[key] if s not in es[key]]
                added = [s for s in es[key] if s not in en[key] and not s.startswith(SPANISH_SOURCE_PREFIX)]
                if lost:
                    yield f"{path}.sources: the Spanish statement lost {lost}"
                if added:
                    yield f"{path}.sources: the Spanish statement adds non-Spanish sources {added}"
            elif key in SAME_VALUE_KEYS:
                if en[key] != es[key]:
                    yield f"{path}.{key}: {en[key]!r} in English, {es[key]!r} in Spanish"
            else:
                yield from parity_problems(en[key], es[key], f"{path}.{key}")
    elif isinstance(en, list):
        if not isinstance(es, list) or len(en) != len(es):
            yield f"{path}: {len(en)} items in English, {len(es) if isinstance(es, list) else es!r} in Spanish"
            return
        for i, (a, b) in enumerate(zip(en, es)):
            yield from parity_problems(a, b, f"{path}[{i}]")
    elif isinstance(en, str):
        if not isinstance(es, str) or not es.strip():
            yield f"{path}: text in English, {es!r} in Spanish"
        elif _digits(en) != _digits(es):
            yield f"{path}: numbers {sorted(_digits(en).elements())} became {sorted(_digits(es).elements())}: {es!r}"
    elif en != es:
        yield f"{path}: {en!r} in English, {es!r} in Spanish"


def test_translated_blocks_have_the_english_structure_numbers_and_sources(english: dict, spanish: dict) -> None:
    problems = [p for block in PARALLEL_BLOCKS for p in parity_problems(english[block], spanish[block], block)]
    assert not problems, "\n".join(problems[:40])
    # The labels are words only (their keys, such as "sources", name the label, not a citation).
    assert set(spanish["labels"]) == set(english["labels"])
    assert all(isinstance(v, str) and v.strip() for v in spanish["labels"].values())


def test_same_topics_sections_actions_and_situations(english: dict, spanish: dict) -> None:
    # Said outright (the walk above implies it) so a failure names what drifted.
    def shape(data: dict) -> list[tuple]:
        return [(t["id"], len(t.get("actions", [])), [len(s["points"]) for s in t["sections"]],
                 [(s.get("kind"), s.get("tier")) for s in t["sections"]]) for t in data["topics"]]

    assert shape(spanish) == shape(english)
    rules = lambda data: [(r["id"], r["action"], r.get("never", [])) for r in data["situations"]["rules"]]  # noqa: E731
    assert rules(spanish) == rules(english)
    assert set(spanish["situations"]["tiers"]) == set(english["situations"]["tiers"])
    assert spanish["situations"]["implied"] == english["situations"]["implied"]


def test_same_interaction_groups_quiz_items_and_ask_topics(english: dict, spanish: dict) -> None:
    groups = lambda data: [(g["id"], g["severity"]) for g in data["interactions"]["groups"]]  # noqa: E731
    assert groups(spanish) == groups(english)
    for key in ("depressant_groups", "major_groups"):
        assert spanish["interactions"].get(key) == english["interactions"].get(key)
    for en_group, es_group in zip(english["interactions"]["groups"], spanish["interactions"]["groups"]):
        assert set(en_group["sources"]) <= set(es_group["sources"]), en_group["id"]
    quiz = lambda data: [(q["id"], q["topic"], [c.get("correct", False) for c in q["choices"]])  # noqa: E731
                         for q in data["quiz"]]
    assert quiz(spanish) == quiz(english)
    for en_item, es_item in zip(english["quiz"], spanish["quiz"]):
        assert set(en_item["sources"]) <= set(es_item["sources"]), en_item["id"]
    assert set(spanish["ask"]["topic_phrasings"]) == set(english["ask"]["topic_phrasings"])


# English sources the Spanish file leaves out with the brand they name, because the brand is an
# everyday Spanish word the matcher would read as the medicine ("la enfermedad avanza").
LEFT_OUT_IN_SPANISH = {"names6-au-tga-avanza"}


def test_same_sources_and_the_official_spanish_ones(english: dict, spanish: dict) -> None:
    en_sources = {s["id"]: s for s in english["sources"] if s["id"] not in LEFT_OUT_IN_SPANISH}
    es_sources = {s["id"]: s for s in spanish["sources"]}
    assert set(en_sources) <= set(es_sources), f"lost: {sorted(set(en_sources) - set(es_sources))}"
    for source_id, source in en_sources.items():
        assert es_sources[source_id]["url"] == source["url"], source_id
        assert es_sources[source_id].get("tier") == source.get("tier"), source_id
    added = {i: s for i, s in es_sources.items() if i not in en_sources}
    assert all(i.startswith(SPANISH_SOURCE_PREFIX) for i in added), sorted(added)
    urls = {s["url"] for s in added.values()}
    assert "https://medlineplus.gov/spanish/druginfo/meds/a682530-es.html" in urls
    assert any(u.startswith("https://cima.aemps.es/cima/dochtml/p/") for u in urls)
    assert all(s["tier"] == "official" for s in added.values())


def test_the_spanish_file_says_it_is_spanish_and_is_translated(english: dict, spanish: dict) -> None:
    assert spanish["drug"]["language"] == "es"
    # The drug's own names stay recognised: "baclofen" and every brand.
    assert "baclofen" in [spanish["drug"]["name"], *spanish["drug"]["also_called"]]
    assert [b["name"] for b in spanish["drug"]["brands"]] == [b["name"] for b in english["drug"]["brands"]]
    untranslated = [
        (t["id"], en["text"]) for t, en_topic in zip(spanish["topics"], english["topics"])
        for en, es in zip(topic_sentences_with_statements(en_topic), topic_sentences_with_statements(t))
        if en["text"] == es["text"]
    ]
    assert not untranslated, untranslated[:10]


def topic_sentences_with_statements(topic: dict) -> list[dict]:
    statements = [topic["summary"], *topic.get("actions", [])]
    statements += [p for s in topic["sections"] for p in s["points"]]
    return statements + ([topic["talk_to_doctor"]] if topic.get("talk_to_doctor") else [])


def test_the_emergency_instruction_stays_first_in_spanish(spanish: dict) -> None:
    # Llame al 911 / 999 / 112 / 000, in that order, and the crisis lines: the same numbers as English.
    instruction = spanish["emergency"]["instruction"]["text"]
    assert instruction.startswith("Llame ya al número de emergencias")
    positions = [instruction.index(n) for n in ("911", "999", "112", "000", "988", "116 123", "13 11 14")]
    assert positions == sorted(positions)
    assert spanish["emergency"]["by_region"]["US"]["instruction"]["text"].startswith("Llame al 911 ahora.")
    for topic in spanish["topics"]:
        if topic["id"] in spanish["emergency"]["topics"]:
            assert topic.get("emergency_first") is True, topic["id"]


def test_spanish_reading_level_per_topic_and_mean(spanish: dict, spanish_textstat: Any) -> None:
    scores = {t["id"]: szigriszt_pazos(spanish_textstat, topic_sentences(t)) for t in spanish["topics"]}
    too_hard = {k: round(v, 1) for k, v in scores.items() if v < MIN_TOPIC_SZIGRISZT}
    assert not too_hard, f"topics below Szigriszt-Pazos {MIN_TOPIC_SZIGRISZT}: {too_hard}"
    mean = sum(scores.values()) / len(scores)
    assert mean >= MIN_MEAN_SZIGRISZT, f"mean Szigriszt-Pazos {mean:.1f} is below {MIN_MEAN_SZIGRISZT}"


def test_spanish_measure_is_textstats_szigriszt_pazos(spanish_textstat: Any) -> None:
    sentence = "Tome la dosis olvidada en cuanto se acuerde."
    # One sentence: the same as textstat's own index (up to its 206.84 base and 2-decimal rounding).
    assert szigriszt_pazos(spanish_textstat, [sentence]) == pytest.approx(
        spanish_textstat.szigriszt_pazos(sentence), abs=0.02)
    # Each point counts as one sentence, even when textstat would split it in two.
    two = sentence + " Luego espere."
    words = spanish_textstat.lexicon_count(two, removepunct=True)
    syllables = spanish_textstat.syllable_count(two)
    assert szigriszt_pazos(spanish_textstat, [two]) == pytest.approx(
        SZIGRISZT_BASE - 62.3 * syllables / words - words)
    assert szigriszt_pazos(spanish_textstat, ["Tómelo ahora."]) > szigriszt_pazos(
        spanish_textstat, ["Las consideraciones farmacológicas necesitan una titulación individualizada."])


def test_the_spanish_file_is_valid() -> None:
    result = run_cli(["validate", str(SPANISH_FILE)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "is valid" in result.stdout


def test_spanish_topics_answer_through_the_cli() -> None:
    result = run_cli(["--data", str(SPANISH_FILE), "missed-dose"], env={"NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert "Nunca tome una dosis doble" in result.stdout
    overdose = run_cli(["--data", str(SPANISH_FILE), "overdose"], env={"NO_COLOR": "1"})
    assert overdose.returncode == 0, overdose.stderr
    # Emergencies first: the Spanish instruction comes before the topic's own text.
    assert overdose.stdout.index("Llame ya al número de emergencias") < overdose.stdout.index(
        "Tomar demasiado baclofeno es una emergencia")
