"""Street and drink words in the Spanish edition: the English ones (which a Spanish speaker in the
US may use) are `street_names` there too, read by the same neighbour rule as in English
(features/interactions/street.py), and the Spanish file keeps the English everyday phrases in its
`not_drugs`. So an everyday phrase with a street word is "not in this guide", never "found"."""

from __future__ import annotations

import json

import pytest

from conftest import SPANISH_FILE, read_yaml, run_cli


def _first(name: str) -> dict:
    result = run_cli(["--lang", "es", "interactions", "--json", name])
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["results"][0]


@pytest.mark.parametrize("phrase", ["pot noodle", "hash browns", "weed killer", "pot roast", "bar of soap"])
def test_an_everyday_phrase_with_a_street_word_is_not_found_in_spanish(phrase: str) -> None:
    result = _first(phrase)
    assert result["found"] is False and result["matches"] == []


@pytest.mark.parametrize(("name", "drug"), [
    ("un porro", "cannabis"), ("weed", "cannabis"), ("unas cervezas", "alcohol"), ("a few pints", "alcohol"),
    ("oxy", "oxicodona"), ("xanax bars", "alprazolam"),
])
def test_street_and_drink_words_still_resolve_in_spanish(name: str, drug: str) -> None:
    result = _first(name)
    assert result["found"] is True
    assert drug in {m["drug"] for m in result["matches"]}


def test_every_english_street_name_is_a_street_name_in_the_spanish_file_too() -> None:
    """Same group, same place (or the same name's start): the English list is carried over whole,
    and none of its words is left as a plain alias, which the neighbour rule would not read."""
    english = read_yaml(SPANISH_FILE.parent / "baclofen.yaml")["interactions"]["groups"]
    spanish = read_yaml(SPANISH_FILE)["interactions"]["groups"]
    street_es = {str(w).casefold() for g in spanish for d in g["drugs"] for w in d.get("street_names") or []}
    aliases_es = {str(w).casefold() for g in spanish for d in g["drugs"] for w in d.get("aliases") or []}
    street_en = {str(w).casefold() for g in english for d in g["drugs"] for w in d.get("street_names") or []}
    assert street_en <= street_es
    assert street_en & aliases_es == set()
