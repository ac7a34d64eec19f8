"""A Spanish `ask` loads only Snowball's Spanish stemmer, not the 36 that `import snowballstemmer`
brings (about 66 ms of start-up, issue 18): the stems are the package's own, nothing named
snowballstemmer is left in sys.modules, and a real import afterwards still works."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from baclofen_cli.features.ask.stemming import one_snowball_algorithm
from baclofen_cli.features.ask.tokens import normalise
from conftest import ROOT

SPANISH_FILES = [ROOT / "data" / "baclofen.es.yaml", ROOT / "baclofen_cli" / "lang" / "es_ask.yaml"]


def _vocabulary() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in SPANISH_FILES)
    return sorted(set(re.findall(r"[^\W\d_]+", normalise(text))))


def test_the_spanish_stemmer_loaded_alone_stems_every_word_of_the_spanish_files_as_the_package_does() -> None:
    import snowballstemmer  # type: ignore[import-untyped]

    alone = one_snowball_algorithm("spanish")
    assert alone is not None and type(alone).__name__ == "SpanishStemmer"
    package = snowballstemmer.stemmer("spanish")
    words = _vocabulary()
    assert len(words) > 5000
    assert [w for w in words if alone.stemWord(w) != package.stemWord(w)] == []
    assert not [name for name in sys.modules if name.startswith("_baclofen_snowball")]


def test_a_spanish_answer_leaves_no_snowball_module_behind_and_a_real_import_still_works(tmp_path: Path) -> None:
    code = (
        "import io, sys, contextlib\n"
        "from baclofen_cli.cli.entry import main\n"
        "sys.argv = ['baclofen', '--lang', 'es', 'ask', 'se me olvidó la pastilla de la mañana']\n"
        "out = io.StringIO()\n"
        "try:\n    with contextlib.redirect_stdout(out):\n        main()\nexcept SystemExit:\n    pass\n"
        "left = sorted(n for n in sys.modules if 'snowball' in n)\n"
        "import snowballstemmer\n"
        "from baclofen_cli.features.ask.tokens import ask_words\n"
        "words = ask_words('es')\n"
        "same = all(words.stem(w) == snowballstemmer.stemmer('spanish').stemWord(w)\n"
        "           for w in ['pastillas', 'convulsiones', 'olvidaba', 'respirando'])\n"
        "print('LEFT', left, 'SAME', same, 'ANSWERED', 'olvid' in out.getvalue().lower())\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):  # the first run fills the cache; the second reads it, as most runs do
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert "LEFT [] SAME True ANSWERED True" in result.stdout, (result.stdout, result.stderr)
