"""The shipped content itself: reading level, seed-fact coverage, and the safety rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA_FILE, read_yaml
from readability import fk_grade, topic_sentences

# Content lints of the shipped knowledge file: `pytest -m content` runs only these.
pytestmark = pytest.mark.content

SEED_FACTS = Path(__file__).parent / "seed_facts.yaml"
# Claims per seed in ../shared/reference/seed-discrepancies.md, Part B.
SEED_CLAIM_COUNTS = {
    "000_f8b726c652cc47a0.txt": 21,
    "001_e664b621101e1228.txt": 22,
    "002_789e71ec51471fbf.txt": 31,
    "003_37710410761a5da8.txt": 52,
}
MAX_TOPIC_GRADE = 6.5
MAX_MEAN_GRADE = 5.0


@pytest.fixture(scope="module")
def data() -> dict:
    return read_yaml(DATA_FILE)


def topic_text(topic: dict) -> str:
    parts = [topic["title"], topic["summary"]["text"]]
    parts += [s["heading"] for s in topic["sections"]]
    parts += [p["text"] for s in topic["sections"] for p in s["points"]]
    if topic.get("talk_to_doctor"):
        parts.append(topic["talk_to_doctor"]["text"])
    return " ".join(" ".join(parts).split()).casefold()


def all_statements(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["text"]] if isinstance(node.get("text"), str) and "sources" in node else []
        return found + [t for v in node.values() for t in all_statements(v)]
    if isinstance(node, list):
        return [t for v in node for t in all_statements(v)]
    return []


def test_reading_level_per_topic_and_mean(data: dict) -> None:
    grades = {t["id"]: fk_grade(topic_sentences(t)) for t in data["topics"]}
    too_hard = {k: round(v, 2) for k, v in grades.items() if v > MAX_TOPIC_GRADE}
    assert not too_hard, f"topics above grade {MAX_TOPIC_GRADE}: {too_hard}"
    mean = sum(grades.values()) / len(grades)
    assert mean <= MAX_MEAN_GRADE, f"mean grade {mean:.2f} is above {MAX_MEAN_GRADE}"


def test_reading_level_measure_is_the_issue_formula() -> None:
    import textstat

    sentence = "Take the missed dose as soon as you remember."
    words, syllables = textstat.lexicon_count(sentence), textstat.syllable_count(sentence)
    # Each point counts as one sentence, even when textstat would split it in two.
    assert fk_grade([sentence, sentence + " Then wait."]) == pytest.approx(
        0.39 * (2 * words + 2) / 2 + 11.8 * (2 * syllables + 2) / (2 * words + 2) - 15.59
    )
    assert fk_grade(["Take it now."]) < fk_grade(["Pharmacological considerations necessitate individualised titration."])


def test_every_seed_claim_is_mapped_once(data: dict) -> None:
    entries = read_yaml(SEED_FACTS)
    mapped = {(e["seed"], e["n"]) for e in entries}
    expected = {(seed, n) for seed, count in SEED_CLAIM_COUNTS.items() for n in range(1, count + 1)}
    assert mapped == expected, f"missing: {sorted(expected - mapped)}; unexpected: {sorted(mapped - expected)}"
    assert len(entries) == len(mapped), "a claim is mapped twice"


def test_every_seed_claim_is_covered_where_the_map_says(data: dict) -> None:
    topics = {t["id"]: topic_text(t) for t in data["topics"]}
    entries = read_yaml(SEED_FACTS)
    missing = []
    for entry in entries:
        if "excluded" in entry:
            assert entry["excluded"].strip(), entry
            continue
        text = topics.get(entry["topic"], "")
        if " ".join(entry["phrase"].split()).casefold() not in text:
            missing.append(f"{entry['seed']}#{entry['n']} -> {entry['topic']}: {entry['phrase']!r}")
    assert not missing, "\n".join(missing)


UNSUPPORTED_FIGURES = ["75%", "70-80%", "70–80%", "60-70%", "50-60%", "40%", "24 major", "300 moderate"]
REASSURANCE = re.compile(r"\b(no (known )?interactions?\b|(is|are) safe (to take )?with|safe to (combine|mix|take together))",
                         re.IGNORECASE)


def test_no_unsupported_statistic_from_the_seeds(data: dict) -> None:
    for text in all_statements(data):
        for figure in UNSUPPORTED_FIGURES:
            assert figure not in text, text


def test_no_statement_reassures_about_a_combination(data: dict) -> None:
    offenders = [t for t in all_statements(data) if REASSURANCE.search(t)]
    assert not offenders, offenders


def test_corrected_seed_errors_are_not_repeated(data: dict) -> None:
    text = " ".join(all_statements(data)).casefold()
    assert "into the spinal cord" not in text.replace("not into the spinal cord", "")
    assert "marketed to treat epilepsy" not in text
    assert "similar to pregabalin" not in text


def test_emergency_block_names_every_number(data: dict) -> None:
    emergency = data["emergency"]
    numbers = {c["number"] for c in emergency["contacts"]}
    assert {"911", "999", "112", "1-800-222-1222"} <= numbers
    for number in ("911", "999", "112"):
        assert number in emergency["instruction"]["text"]
