"""The Spanish edition through the real script (issue 18): chosen by --lang, BACLOFEN_LANG or the
locale; every command answers in Spanish; Spanish topic names work; region stays separate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

SPANISH_FILE = ROOT / "data" / "baclofen.es.yaml"
pytestmark = pytest.mark.skipif(not SPANISH_FILE.exists(), reason="no Spanish knowledge file")

MISSED_DOSE_ES = "¿Y SI OLVIDO UNA DOSIS?"


@pytest.mark.parametrize(("args", "env"), [
    (["--lang", "es", "missed-dose"], {}),
    (["missed-dose", "--lang", "es"], {}),
    (["missed-dose"], {"BACLOFEN_LANG": "es"}),
    (["missed-dose"], {"LANG": "es_MX.UTF-8"}),
    (["missed-dose"], {"LC_ALL": "es_ES.UTF-8"}),
], ids=["--lang first", "--lang after", "BACLOFEN_LANG", "LANG es_MX", "LC_ALL es_ES"])
def test_the_language_is_chosen_by_option_variable_or_locale(args: list[str], env: dict[str, str]) -> None:
    result = run_cli(args, env=env)
    assert result.returncode == 0, result.stderr
    assert MISSED_DOSE_ES in result.stdout
    assert "Nunca tome 2 dosis juntas" in result.stdout


def test_english_stays_the_default_and_an_explicit_english_wins_over_the_locale() -> None:
    assert "WHAT IF I MISS A DOSE?" in run_cli(["missed-dose"]).stdout
    assert "WHAT IF I MISS A DOSE?" in run_cli(["--lang", "en", "missed-dose"], env={"LANG": "es_MX.UTF-8"}).stdout


@pytest.mark.parametrize(("words", "topic_title"), [
    (["efectos-secundarios"], "¿Qué efectos secundarios puede causar el baclofeno?"),
    (["efectos", "secundarios"], "¿Qué efectos secundarios puede causar el baclofeno?"),
    (["dosis-olvidada"], "¿Y si olvido una dosis?"),
    (["sobredosis"], None),
    (["side-effects"], "¿Qué efectos secundarios puede causar el baclofeno?"),
])
def test_spanish_topic_names_run_the_topic(words: list[str], topic_title: str | None) -> None:
    result = run_cli(["--lang", "es", *words, "--json"])
    assert result.returncode == 0, result.stderr
    view = json.loads(result.stdout)
    assert view["language"] == "es"
    assert "id" in view and "query" not in view, "read as a question, not as the topic"
    if topic_title:
        assert view["title"] == topic_title


def test_json_carries_the_language_and_region_stays_separate() -> None:
    view = json.loads(run_cli(["--lang", "es", "--region", "US", "overdose", "--json"]).stdout)
    assert view["language"] == "es"
    # A Spanish speaker in the US gets the US numbers only (the sources list may still name others).
    top = run_cli(["--lang", "es", "--region", "US", "overdose"]).stdout.split("\n\n")[0]
    assert "911" in top and "999" not in top and "112" not in top


def test_a_spanish_brand_is_found_and_an_unknown_name_gets_the_pharmacist_line() -> None:
    found = json.loads(run_cli(["--lang", "es", "interactions", "orfidal", "--json"]).stdout)
    assert found["language"] == "es"
    assert found["verdict"]["severity"] == "major"
    unknown = run_cli(["--lang", "es", "interactions", "zzqxmedicina"])
    assert unknown.returncode == 0
    said = " ".join(unknown.stdout.lower().split())
    assert "no está en esta guía" in said and "farmacéutico" in said  # not in this guide: ask the pharmacist
    assert "seguro" not in said.replace("no quiere decir que sea seguro", "")  # never "it is safe"


@pytest.mark.parametrize("question", ["no puede respirar", "se tomo todo el frasco", "mi hijo no despierta",
                                      "quiero morirme"])
def test_spanish_emergencies_are_raised(question: str) -> None:
    view = json.loads(run_cli(["--lang", "es", "ask", "--json", question]).stdout)
    assert view["emergency"] is True, view


def test_a_spanish_question_gets_a_spanish_answer() -> None:
    result = run_cli(["--lang", "es", "ask", "se me olvido una pastilla"])
    assert result.returncode == 0
    assert "¿Y si olvido una dosis?" in result.stdout


def test_the_handout_and_quiz_are_in_spanish(tmp_path: Path) -> None:
    out = tmp_path / "hoja.html"
    assert run_cli(["--lang", "es", "handout", "--format", "html", "-o", str(out)]).returncode == 0
    html = out.read_text(encoding="utf-8")
    assert '<html lang="es">' in html and "baclofeno" in html
    quiz = json.loads(run_cli(["--lang", "es", "quiz", "--json", "--seed", "1", "--count", "3"]).stdout)
    assert all(item["question"].startswith("¿") or item["question"][0].isupper() for item in quiz["items"])
    assert any("baclofeno" in item["question"] for item in quiz["items"]) or quiz["items"]


def test_an_unsupported_language_says_so_once_and_answers_in_english() -> None:
    result = run_cli(["--lang", "fr", "missed-dose"])
    assert result.returncode == 0
    assert "WHAT IF I MISS A DOSE?" in result.stdout
    assert result.stderr.count("\n") == 1 and "'fr'" in result.stderr
