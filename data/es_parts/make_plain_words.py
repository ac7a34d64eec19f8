"""Make the Spanish `ask.plain_words` list (data/es_parts/ask.yaml), as the English one was made.

    python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1 rapidfuzz pyyaml
    /tmp/wf/bin/python data/es_parts/make_plain_words.py > /tmp/plain_words.txt

Not shipped and not run by the tool: a one-off build step, kept so the list can be made again
when the Spanish topics change. The typo fixer turns a word the file never uses into the nearest
word it does use; a plain word is a real Spanish word that must be left alone ("techo" is not
"pecho"). Taken from the 25,000 most frequent Spanish words (wordfreq 3.1):
- every word at most 2 letters from a word the Spanish ask block uses (the English method), and
- the 2,000 most frequent words of all, since the Spanish topic text (written by others at the
  same time) will bring words this block does not have,
- but never a word 1 letter (2 for words of 7 letters or more) from a word of an emergency or
  self-harm phrasing: a typo there must still be corrected ("suicido" -> "suicidio", "respiro"
  stays a real word only if it is one of the file's own words). Safety first: a real word read
  as an emergency word raises a false alarm at worst; a typo left alone misses an emergency.
"""
from __future__ import annotations

import pathlib
import re
import sys
import unicodedata

import yaml
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extractOne
from wordfreq import top_n_list

HERE = pathlib.Path(__file__).parent
TOP = 25_000
GENERAL = 2_000


def plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def words(value: object) -> set[str]:
    if isinstance(value, str):
        return set(re.findall(r"[^\W\d_]+", plain(value)))
    if isinstance(value, dict):
        return set().union(*(words(k) | words(v) for k, v in value.items())) if value else set()
    if isinstance(value, list):
        return set().union(*(words(v) for v in value)) if value else set()
    return set()


def main() -> None:
    ask = yaml.safe_load((HERE / "ask.yaml").read_text(encoding="utf-8"))["ask"]
    ask.pop("plain_words", None)
    lang = yaml.safe_load((HERE / "lang_es_words.yaml").read_text(encoding="utf-8"))
    vocabulary = words(ask) | words(lang)
    urgent = sorted(w for w in words(ask["emergency_phrasings"]) | words(ask["self_harm_phrasings"]) if len(w) >= 4)
    targets = sorted(w for w in vocabulary if len(w) >= 4)
    candidates: list[str] = []
    seen: set[str] = set()
    for rank, word in enumerate(top_n_list("es", TOP)):
        word = plain(word)
        if not word.isalpha() or len(word) < 3 or word in vocabulary or word in seen:
            continue
        seen.add(word)
        candidates.append(word)
        if rank < GENERAL:
            candidates[-1] = "*" + word  # general: kept whatever its neighbours
    names = [c.lstrip("*") for c in candidates]
    kept = []
    for i, name in enumerate(names):
        general = candidates[i].startswith("*")
        if not general and extractOne(name, targets, scorer=Levenshtein.distance, score_cutoff=2) is None:
            continue
        limit = 2 if len(name) >= 7 else 1
        if extractOne(name, urgent, scorer=Levenshtein.distance, score_cutoff=limit) is not None:
            continue
        kept.append(name)
    print(f"{len(kept)} plain words from {len(names)} candidates", file=sys.stderr)
    print("\n".join(sorted(kept)))


if __name__ == "__main__":
    main()
