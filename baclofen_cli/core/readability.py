"""Reading level of a knowledge file's topics, as `validate --readability` reports it.

The measure is the Flesch-Kincaid grade of a topic's patient text (its summary, its "What to do"
steps and its points), each counted as one sentence: a point is read as one unit, even when it
holds two short sentences. textstat counts words and syllables; it is an optional dependency
(`pip install 'baclofen-cli[readability]'`), pinned to 0.7.4 because later releases download
an NLTK corpus at run time, which fails offline.
"""

from __future__ import annotations

from typing import Any

from baclofen_cli.core.errors import BaclofenError

# The bars this project holds its own text to (NHS medicine pages measure 4.7 to 5.8 this way).
MAX_TOPIC_GRADE = 6.5
MAX_MEAN_GRADE = 5.0


class ReadabilityUnavailable(BaclofenError):
    pass


def fk_grade(sentences: list[str]) -> float:
    textstat = _textstat()
    words = sum(textstat.lexicon_count(s, removepunct=True) for s in sentences)
    syllables = sum(textstat.syllable_count(s) for s in sentences)
    return float(0.39 * (words / len(sentences)) + 11.8 * (syllables / words) - 15.59)


def topic_sentences(topic: dict[str, Any]) -> list[str]:
    """`topic` is the JSON form (`baclofen TOPIC --json`) or the file's mapping."""
    summary = topic["summary"]
    texts = [summary["text"] if isinstance(summary, dict) else summary]
    texts.extend(action["text"] for action in topic.get("actions") or [])
    for section in topic["sections"]:
        texts.extend(point["text"] for point in section["points"])
    return texts


def grades(topics: list[dict[str, Any]]) -> dict[str, float]:
    return {t["id"]: round(fk_grade(topic_sentences(t)), 2) for t in topics}


def _textstat() -> Any:
    try:
        import textstat
    except ImportError:  # also pkg_resources missing (setuptools 81+): textstat 0.7.4 imports it
        raise ReadabilityUnavailable(
            "the reading-level report needs textstat: pip install 'baclofen-cli[readability]'"
        ) from None
    return textstat
