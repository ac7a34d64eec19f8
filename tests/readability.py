"""Reading level as the issue defines it: Flesch-Kincaid grade of a topic's
summary plus its points, each point (and the summary) counted as one sentence.

Pinned to textstat 0.7.4: later releases download an NLTK corpus at run time.
"""

from __future__ import annotations

import textstat


def fk_grade(sentences: list[str]) -> float:
    words = sum(textstat.lexicon_count(s, removepunct=True) for s in sentences)
    syllables = sum(textstat.syllable_count(s) for s in sentences)
    return 0.39 * (words / len(sentences)) + 11.8 * (syllables / words) - 15.59


def topic_sentences(topic: dict) -> list[str]:
    """`topic` is the JSON form (`baclofen TOPIC --json`) or the YAML mapping."""
    summary = topic["summary"]
    texts = [summary["text"] if isinstance(summary, dict) else summary]
    for section in topic["sections"]:
        texts.extend(point["text"] for point in section["points"])
    return texts


if __name__ == "__main__":
    import sys

    import yaml

    data = yaml.safe_load(open(sys.argv[1] if len(sys.argv) > 1 else "data/baclofen.yaml"))
    grades = {t["id"]: fk_grade(topic_sentences(t)) for t in data["topics"]}
    for topic_id, grade in grades.items():
        print(f"{topic_id:16} {grade:5.2f}")
    print(f"{'mean':16} {sum(grades.values()) / len(grades):5.2f}")
