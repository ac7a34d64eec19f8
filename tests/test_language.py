"""Language selection (issue 18 item 2) and the language packs (issue 15 item 4).

The language is --lang, else BACLOFEN_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English; it
picks the shipped knowledge file `data/baclofen.<lang>.yaml` when no file is named. The selection tests run
a copy of the package in a temporary folder whose data/ holds the second drug in English and in Spanish
(tests/fixtures), as real processes (`python -m baclofen_cli`), so they do not wait for the Spanish guide.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
PACKAGE = ROOT / "baclofen_cli"


@pytest.fixture(scope="module")
def install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package folder laid out as installed, with the second drug as its English and Spanish guides."""
    root = tmp_path_factory.mktemp("installed")
    shutil.copytree(PACKAGE, root / "baclofen_cli", ignore=shutil.ignore_patterns("__pycache__"))
    data = root / "baclofen_cli" / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "second_drug.yaml", data / "baclofen.yaml")
    shutil.copy(FIXTURES / "second_drug.es.yaml", data / "baclofen.es.yaml")
    shutil.copy(ROOT / "data" / "schema.json", data / "schema.json")
    return root


def run(install: Path, args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(install), **env}
    return subprocess.run([sys.executable, "-m", "baclofen_cli", *args], capture_output=True, text=True,
                          encoding="utf-8", env=full, timeout=60, cwd=install)


SPANISH_TITLE = "¿QUÉ HAGO SI OLVIDO UNA DOSIS DE ZENTRAFOL?"
ENGLISH_TITLE = "WHAT IF I MISS A DOSE OF ZENTRAFOL?"


@pytest.mark.parametrize("env", [{"LANG": "es_MX.UTF-8"}, {"LC_ALL": "es_ES.UTF-8", "LANG": "en_US.UTF-8"},
                                 {"LC_MESSAGES": "es"}, {"BACLOFEN_LANG": "es"}, {"BACLOFEN_LANG": "es-MX"}])
def test_the_locale_or_the_environment_picks_spanish(install: Path, env: dict[str, str]) -> None:
    result = run(install, ["missed-dose"], **env)
    assert result.returncode == 0, result.stderr
    assert SPANISH_TITLE in result.stdout
    assert "En pocas palabras: Tómela cuando se acuerde." in result.stdout  # the Spanish pack's label
    assert "Qué hacer:" in result.stdout and "What to do" not in result.stdout
    assert result.stderr == ""


def test_lang_option_on_the_fast_path_and_through_typer(install: Path) -> None:
    fast = run(install, ["--lang", "es", "missed-dose"])
    assert SPANISH_TITLE in fast.stdout, fast.stderr
    after = run(install, ["missed-dose", "--lang=es"])  # a global option after the command
    assert SPANISH_TITLE in after.stdout, after.stderr
    typer_path = run(install, ["--lang", "es", "topics"])  # `topics` is not a fast-path command
    assert "¿Qué es zentrafol?" in typer_path.stdout and "Lea uno con: baclofen TOPIC" in typer_path.stdout
    listing = run(install, ["--lang", "es", "interactions", "xyzzyfen"])
    assert "No está en esta guía: xyzzyfen" in listing.stdout


def test_explicit_language_wins_over_the_locale(install: Path) -> None:
    english = run(install, ["--lang", "en", "missed-dose"], LANG="es_MX.UTF-8", BACLOFEN_LANG="es")
    assert ENGLISH_TITLE in english.stdout and "In short:" in english.stdout
    option_over_env = run(install, ["--lang", "es", "missed-dose"], BACLOFEN_LANG="en")
    assert SPANISH_TITLE in option_over_env.stdout


def test_an_unknown_language_is_english(install: Path) -> None:
    by_locale = run(install, ["missed-dose"], LANG="fr_FR.UTF-8")
    assert ENGLISH_TITLE in by_locale.stdout and by_locale.stderr == ""  # the locale: silently English
    for locale in ("C", "POSIX", "C.UTF-8"):
        assert ENGLISH_TITLE in run(install, ["missed-dose"], LANG=locale).stdout
    asked = run(install, ["--lang", "fr", "missed-dose"])
    assert asked.returncode == 0 and ENGLISH_TITLE in asked.stdout
    notes = asked.stderr.splitlines()
    assert len(notes) == 1 and re.fullmatch(r"baclofen: note: .*'fr'.*English \(available: en, es\)", notes[0])
    typer_path = run(install, ["--lang", "fr", "topics"])
    assert len(typer_path.stderr.splitlines()) == 1 and "'fr'" in typer_path.stderr


def test_a_named_file_decides_the_language(install: Path) -> None:
    english_file = str(FIXTURES / "second_drug.yaml")
    result = run(install, ["--lang", "es", "--data", english_file, "missed-dose"], LANG="es_MX.UTF-8")
    assert ENGLISH_TITLE in result.stdout and result.stderr == ""
    spanish = run(install, ["missed-dose"], BACLOFEN_DATA=str(FIXTURES / "second_drug.es.yaml"))
    assert SPANISH_TITLE in spanish.stdout  # LANG=C.UTF-8: the file's own language still picks the pack


def test_json_carries_the_language(install: Path) -> None:
    spanish = json.loads(run(install, ["missed-dose", "--json"], LANG="es_MX.UTF-8").stdout)
    assert spanish["language"] == "es" and spanish["labels"]["in_short"] == "En pocas palabras"
    english = json.loads(run(install, ["interactions", "beer", "--json"]).stdout)
    assert english["language"] == "en"
    asked = json.loads(run(install, ["ask", "--json", "I forgot my dose"], BACLOFEN_LANG="es").stdout)
    assert asked["language"] == "es"


def test_the_knowledge_files_labels_win_over_the_pack(install: Path, tmp_path: Path) -> None:
    text = (FIXTURES / "second_drug.es.yaml").read_text(encoding="utf-8")
    own = tmp_path / "own-words.yaml"
    own.write_text(text.replace("\ndisclaimer:", "\nlabels:\n  in_short: Lo principal\n\ndisclaimer:", 1),
                   encoding="utf-8")
    result = run(install, ["--data", str(own), "missed-dose"])
    assert "Lo principal: Tómela" in result.stdout  # the file's own word
    assert "Qué hacer:" in result.stdout  # the rest from the Spanish pack


def test_every_label_the_code_uses_is_in_every_pack() -> None:
    from baclofen_cli import lang

    used = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(re.findall(r"phrase\(\s*['\"]([a-z_]+)['\"]", path.read_text(encoding="utf-8")))
    used |= {"yes", "no", "warning", "emergency", "severity_major", "severity_moderate", "severity_minor",
             "quiz_true", "quiz_false"}  # looked up by a computed key
    english = lang.read_pack("en")
    assert english is not None and used <= set(english), used - set(english)
    for language in lang.available():
        pack = lang.read_pack(language)
        assert pack is not None and set(pack) == set(english), (language, set(english) ^ set(pack))
        for key, words in pack.items():  # the same {fields} as English, or the code could not fill them
            assert set(re.findall(r"{(\w+)}", words)) == set(re.findall(r"{(\w+)}", english[key])), (language, key)


def test_a_missing_key_or_pack_falls_back_to_english() -> None:
    from baclofen_cli import lang

    assert lang.load("fr").language == "en" and lang.load("fr").label("in_short") == "In short"
    assert lang.load("es-MX").label("in_short") == "En pocas palabras"
    partial = lang.LanguagePack("xx", {"in_short": "Kurz"})
    assert partial.label("in_short") == "Kurz" and partial.label("what_to_do") == "What to do"
    broken = lang.LanguagePack("xx", {"checking_with": "Prüfe {nothing}"})  # a field the code does not give
    assert broken.label("checking_with", names="a", drug="b") == "Checking a with b"


SHIPPED_SPANISH = ROOT / "data" / "baclofen.es.yaml"


@pytest.mark.skipif(not SHIPPED_SPANISH.is_file(), reason="data/baclofen.es.yaml has not landed yet")
def test_the_shipped_guide_answers_in_spanish_by_locale() -> None:
    result = run_cli(["missed-dose"], env={"LANG": "es_MX.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert "En pocas palabras:" in result.stdout and "In short" not in result.stdout


def test_validate_faults_an_unknown_label_or_field(tmp_path: Path) -> None:
    text = (FIXTURES / "second_drug.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "labels.yaml"
    own = '\nlabels:\n  in_shrt: Kurz\n  checking_with: "Prüfe {names} {bogus}"\n'
    bad.write_text(text.replace("\ndisclaimer:", own + "\ndisclaimer:", 1), encoding="utf-8")
    result = run_cli(["validate", str(bad)])
    assert result.returncode != 0
    assert re.search(r"labels\.yaml:\d+: BCL009 labels\.in_shrt", result.stdout)
    assert re.search(r"BCL009 labels\.checking_with: .*\{bogus\}", result.stdout)
