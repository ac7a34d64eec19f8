"""The root help's paragraph is the language pack's words (`root_help`), in the run's language."""

from __future__ import annotations

from baclofen_cli import lang
from conftest import run_cli


def _paragraph(help_text: str) -> str:
    """The paragraph under the usage line, unwrapped."""
    return " ".join(help_text.split("\n\n")[1].split())


def test_english_help_shows_the_english_pack_words() -> None:
    result = run_cli(["--help"], env={"BACLOFEN_LANG": "en"})
    assert result.returncode == 0
    assert _paragraph(result.stdout) == lang.load("en").label("root_help")


def test_lang_es_help_is_spanish() -> None:
    spanish = lang.load("es").label("root_help")
    assert spanish != lang.load("en").label("root_help")
    for argv in (["--lang", "es", "--help"], ["--lang=es", "-h"], ["--lang", "es", "help"]):
        result = run_cli(argv)
        assert result.returncode == 0, result.stderr
        assert _paragraph(result.stdout) == spanish, argv


def test_help_still_works_when_the_knowledge_file_is_broken(tmp_path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("drug: [unclosed\n", encoding="utf-8")
    result = run_cli(["--data", str(broken), "--help"])
    assert result.returncode == 0, result.stderr
    assert _paragraph(result.stdout) == lang.load("en").label("root_help")
