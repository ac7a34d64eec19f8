"""Reading level as the project measures it: see baclofen_cli/readability.py (one measure for
`validate --readability` and the tests). Run as a script for a quick table."""

from __future__ import annotations

from baclofen_cli.core.readability import fk_grade, grades, topic_sentences

__all__ = ["fk_grade", "grades", "topic_sentences"]

if __name__ == "__main__":
    import sys

    import yaml

    with open(sys.argv[1] if len(sys.argv) > 1 else "data/baclofen.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    found = grades(data["topics"])
    for topic_id, grade in found.items():
        print(f"{topic_id:16} {grade:5.2f}")
    print(f"{'mean':16} {sum(found.values()) / len(found):5.2f}")
