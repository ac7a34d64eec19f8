"""The stemmers `ask` reads words with: a light English suffix stripper, and a Snowball
stemmer for a language file that names one ("snowball:spanish"), loaded only then."""

from __future__ import annotations

from typing import Any

_SNOWBALL: dict[str, Any] = {}


def light_stem(word: str, irregular: dict[str, tuple[str, bool]], unstemmed: frozenset[str]) -> str:
    """A light suffix stripper: enough to join "stopped", "stopping" and "stops" (and
    "took", "taken" with "take")."""
    if word in irregular:
        word = irregular[word][0]
    if word in unstemmed:
        return word
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ness") and len(word) > 6:
        word = word[:-4]
    if word.endswith("ations") or word.endswith("ation"):
        word = word[: word.rindex("ation")] + "at"
    elif word.endswith("ing") and len(word) >= 6:
        word = _undouble(word[:-3])
    elif word.endswith("ed") and not word.endswith("eed") and len(word) >= 5:
        word = _undouble(word[:-2])
    elif word.endswith("ly") and len(word) >= 6:
        word = word[:-2]
    if word.endswith("e") and len(word) >= 4:
        word = word[:-1]
    if word.endswith("y") and len(word) >= 4:
        word = word[:-1] + "i"
    return word


def _undouble(word: str) -> str:
    if len(word) >= 3 and word[-1] == word[-2] and word[-1] in "bdgmnprt":
        return word[:-1]
    return word


def snowball(stemmer: str) -> Any:
    """A Snowball stemmer ("snowball:spanish"), loaded only for a file in such a language."""
    if stemmer not in _SNOWBALL:
        algorithm = stemmer.partition(":")[2] or "english"
        _SNOWBALL[stemmer] = one_snowball_algorithm(algorithm) or _all_snowball_algorithms(algorithm)
    return _SNOWBALL[stemmer]


def _all_snowball_algorithms(algorithm: str) -> Any:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer(algorithm)


def one_snowball_algorithm(algorithm: str) -> Any:
    """The one stemmer from the snowballstemmer package, without running the package's
    `__init__`: that imports all 36 of its stemmers (about 66 ms, more than the rest of a
    Spanish answer), and so does `from snowballstemmer.spanish_stemmer import ...`, which runs
    the package's `__init__` first. The three files one algorithm needs (`basestemmer`, `among`
    and `<algorithm>_stemmer`, the layout of every snowballstemmer release from 2.0 on) are
    loaded as submodules of a private package name, and that name is taken out of sys.modules
    again at once: nothing named snowballstemmer is put there, so a later real `import
    snowballstemmer` loads the package as usual. It is the package's own code, so the stems are
    the same (tests/test_ask_es_startup.py). None when the package is not laid out that way:
    then the whole package is imported."""
    import importlib
    import importlib.machinery
    import importlib.util
    import sys

    try:
        found = importlib.util.find_spec("snowballstemmer")  # finds the package; runs nothing
    except (ImportError, ValueError):
        return None
    if found is None or not found.submodule_search_locations:
        return None
    private = f"_baclofen_snowball_{algorithm}"
    package = importlib.util.module_from_spec(importlib.machinery.ModuleSpec(private, None, is_package=True))
    package.__path__ = list(found.submodule_search_locations)
    sys.modules[private] = package
    try:
        module = importlib.import_module(f"{private}.{algorithm}_stemmer")
        return getattr(module, algorithm.title().replace("_", "") + "Stemmer")()
    except (ImportError, AttributeError, SyntaxError, OSError):
        return None
    finally:
        for name in [n for n in sys.modules if n == private or n.startswith(private + ".")]:
            del sys.modules[name]
