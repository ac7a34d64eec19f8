"""`ask`'s words come from a language file (baclofen_cli/lang/<language>_ask.yaml) chosen by the
knowledge file's `drug.language`; the package is one module per step, none too big, no cycle."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from baclofen_cli.features.ask import answer as engine
from baclofen_cli.features.ask.index import AskIndex, build_index
from baclofen_cli.features.ask.tokens import ask_words, words_of
from conftest import DATA_FILE, validated_kb

PACKAGE = Path(__file__).resolve().parents[1] / "baclofen_cli"
ASK = PACKAGE / "features" / "ask"


@pytest.fixture(scope="module")
def kb():  # noqa: ANN201
    return validated_kb(DATA_FILE)


def test_a_language_without_a_file_reads_english_and_a_regional_code_reads_its_language() -> None:
    assert ask_words("en").language == "en" and ask_words("en").stemmer == "light"
    assert ask_words("fr").language == "en"
    spanish = ask_words("es-MX")
    assert spanish.language == "es" and spanish.stemmer.startswith("snowball:")
    # Accents are folded as questions are read: the file's "qué" is the typed "que".
    assert "que" in spanish.question_words and "no" in spanish.negations


def test_an_accented_word_stays_one_word_and_matches_its_unaccented_spelling() -> None:
    assert words_of("¿Tiene náuseas?") == ["tiene", "nauseas", "?"]
    for language in ("en", "es"):
        words = ask_words(language)
        [accented], [plain] = words.tokenize("náusea"), words.tokenize("nausea")
        assert words.stem(accented) == words.stem(plain)
    spanish = ask_words("es")
    assert spanish.stem(spanish.tokenize("convulsiones")[0]) == spanish.stem(spanish.tokenize("convulsión")[0])
    assert ask_words("es").is_past("tomaron") and not ask_words("es").is_past("tomar")


def test_the_index_carries_the_words_of_the_files_language_through_the_cache(kb) -> None:  # noqa: ANN001
    spanish_kb = msgspec.structs.replace(kb, drug=msgspec.structs.replace(kb.drug, language="es"))
    index = build_index(spanish_kb)
    assert index.words.language == "es"
    cached = AskIndex.from_data(json.loads(msgspec.json.encode(index.to_data())))
    assert cached.words == index.words
    english = build_index(kb)
    assert english.words.language == "en"
    # The same question reads differently by language: the Spanish file's stop word "con".
    assert "con" in index.words.stop_words and "con" not in english.words.stop_words
    assert engine.answer(kb, english, "can i drink alcohol with it").results[0]["topic"] == "interactions"


def test_an_english_answer_reads_no_yaml_and_no_snowball_stemmer(tmp_path: Path) -> None:
    code = (
        "import sys; from baclofen_cli.cli.entry import main\n"
        "sys.argv = ['baclofen', 'ask', 'can i drink alcohol with it']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', 'snowballstemmer' in sys.modules, 'yaml' in sys.modules, 'dataclasses' in sys.modules,"
        " file=sys.stderr)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=False)  # fills the cache
    warm = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert "LOADED False False False" in warm.stderr, warm.stderr


def test_the_cache_key_covers_every_module_of_the_ask_package_and_its_language_files() -> None:
    from baclofen_cli.core.loader import _code_files

    files = {Path(f).resolve() for f in _code_files()}
    assert {p.resolve() for p in ASK.glob("*.py")} <= files
    assert {p.resolve() for p in (PACKAGE / "lang").glob("*_ask.yaml")} <= files


def _imports(path: Path) -> set[str]:
    """The package's modules this one imports when it is imported (not under TYPE_CHECKING)."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("baclofen_cli.features.ask"):
            if node.module == "baclofen_cli.features.ask":
                names |= {f"baclofen_cli.features.ask.{a.name}" for a in node.names}
            else:
                names.add(node.module)
    return names


def test_the_ask_package_has_small_modules_and_no_import_cycle() -> None:
    graph = {f"baclofen_cli.features.ask.{p.stem}": _imports(p) for p in ASK.glob("*.py") if p.stem != "__init__"}
    for path in ASK.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name

    def visit(node: str, trail: tuple[str, ...]) -> None:
        assert node not in trail, " -> ".join((*trail, node))
        for nxt in graph.get(node, ()):
            visit(nxt, (*trail, node))

    for module in graph:
        visit(module, ())
