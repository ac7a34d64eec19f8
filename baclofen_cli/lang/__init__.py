"""Language packs: the words the program puts around a knowledge file's content.

A pack is `lang/<language>.yaml` beside this module; its `labels:` maps a key ("in_short") to
the words ("In short"), with `{fields}` the code fills in ("Checking {names} with {drug}").
Medicine-specific words never live here: those come from the knowledge file.

Which words win, first to last:
  1. the knowledge file's own `labels:` block (a clinic rewords one label without a new pack);
  2. the pack of the file's `drug.language` (`es-MX` uses `es.yaml`);
  3. the English pack, for any key the other two do not have, and for a language with no pack.

Start-up: a run never parses a pack. The labels of a knowledge file (its pack with its own
block on top) are compiled into the file's cache entry as the `labels` index (see
`loader.INDEX_BUILDERS`), read as JSON the first time a label is needed. YAML is parsed only
when that entry is built, or when a pack is loaded directly (`load`, tests, `validate`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

ENGLISH = "en"
LANG_ENV_VAR = "BACLOFEN_LANG"
# Where the locale names a language, in POSIX order of precedence (LC_ALL overrides the others).
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")
PACK_DIR = Path(__file__).resolve().parent
LABELS_KEY = "labels"


class LanguagePack:
    """One language's labels, with English under them for any key the language lacks."""

    __slots__ = ("language", "labels", "_english")

    def __init__(self, language: str, labels: dict[str, str], english: dict[str, str] | None = None) -> None:
        self.language = language
        self.labels = labels
        self._english = english

    def label(self, key: str, /, **fields: Any) -> str:
        """The words for `key` with `fields` filled in; English if this pack's words cannot be filled."""
        text = self.labels.get(key)
        if text is not None:
            try:
                return text.format_map(fields) if fields else text
            except (KeyError, IndexError, ValueError, AttributeError):
                pass  # a clinic's label naming a field the code does not give: the English words instead
        english = (self._english if self._english is not None else _english_labels()).get(key, key)
        return english.format_map(fields) if fields else english

    # The cache stores a pack as plain JSON (loader.Compiled.index), so a run never imports msgspec for it.
    def to_data(self) -> dict[str, Any]:
        return {"language": self.language, "labels": self.labels}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> LanguagePack:
        labels = data["labels"]
        if not isinstance(data["language"], str) or not isinstance(labels, dict):
            raise TypeError("not a cached language pack")
        return cls(data["language"], labels)


def base_language(tag: str) -> str:
    """`es-MX`, `es_MX.UTF-8`, `ES` -> `es`: the pack a BCP 47 tag or a locale name uses."""
    return tag.replace("_", "-").split(".", 1)[0].split("@", 1)[0].split("-", 1)[0].strip().lower()


def requested(option: str | None = None) -> tuple[str, bool]:
    """The language asked for, and whether it was asked for explicitly (--lang, BACLOFEN_LANG) rather
    than taken from the locale (`es_MX.UTF-8` -> `es`; C, POSIX or nothing -> English)."""
    import os

    explicit = (option or "").strip() or os.environ.get(LANG_ENV_VAR, "").strip()
    if explicit:
        return base_language(explicit), True
    for name in LOCALE_VARS:
        value = os.environ.get(name, "").strip()
        if value:
            base = base_language(value)
            return (base if base.isalpha() and base not in ("c", "posix") else ENGLISH), False
    return ENGLISH, False


def available() -> list[str]:
    """The languages with a pack, English first."""
    found = sorted(p.stem for p in PACK_DIR.glob("*.yaml") if p.stem.isalpha())
    return [ENGLISH, *(language for language in found if language != ENGLISH)]


@cache
def load(language: str) -> LanguagePack:
    """The pack for a language tag, English under it; English itself for a language with no pack."""
    english = _english_labels()
    base = base_language(language)
    if base == ENGLISH:
        return LanguagePack(ENGLISH, english, english)
    own = read_pack(base)
    if own is None:
        return LanguagePack(ENGLISH, english, english)
    return LanguagePack(base, {**english, **own}, english)


def for_file(language: str, file_labels: dict[str, str] | None) -> LanguagePack:
    """The labels a knowledge file shows: its language's pack, with the file's own `labels:` on top."""
    pack = load(language)
    own = {key: text for key, text in (file_labels or {}).items() if isinstance(text, str) and text.strip()}
    return LanguagePack(pack.language, {**pack.labels, **own}, _english_labels())


def build_index(kb: Any) -> LanguagePack:
    """The cached `labels` index of a knowledge file (see loader.INDEX_BUILDERS)."""
    labels = kb.labels if isinstance(kb.labels, dict) else dict(kb.labels or {})
    return for_file(kb.drug.language, labels)


@cache
def _english_labels() -> dict[str, str]:
    labels = read_pack(ENGLISH)
    if labels is None:  # pragma: no cover - the wheel always ships it (tests/test_packaging.py)
        raise FileNotFoundError(PACK_DIR / f"{ENGLISH}.yaml")
    return labels


def read_pack(language: str) -> dict[str, str] | None:
    """The `labels:` of `lang/<language>.yaml`; None if there is no such pack."""
    path = PACK_DIR / f"{language}.yaml"
    if not language.isalpha() or not path.is_file():
        return None
    from baclofen_cli.core import yamlsafe

    data, _ = yamlsafe.parse(path.read_text(encoding="utf-8"), str(path))
    labels = data.get(LABELS_KEY) if isinstance(data, dict) else None
    if not isinstance(labels, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items()):
        raise ValueError(f"{path}: '{LABELS_KEY}' must map each key to its words")
    return labels


@cache
def read_ask_file(language: str) -> dict[str, Any] | None:
    """The whole of `lang/<language>_ask.yaml` (its `ask:` and `names:` blocks), parsed once per
    run and shared by the two indexes built from it (features/ask/tokens.py, features/interactions/
    names.py); None if there is no such file. Callers copy before they change anything."""
    path = PACK_DIR / f"{language}_ask.yaml"
    if not language.isalpha() or not path.is_file():
        return None
    import yaml

    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


# ------------------------------------------------------------------ the pack of this run
# Like gettext's installed `_`: one knowledge file per run, so the renderers ask for a label by
# key instead of each view carrying eighty words. Until a file is loaded (a renderer called
# directly, in a test), English.
_current: LanguagePack | None = None
_pending: Callable[[], LanguagePack] | None = None


def use(source: LanguagePack | Callable[[], LanguagePack]) -> None:
    """Make a pack this run's, or a function that gives it (called on the first label shown)."""
    global _current, _pending
    if isinstance(source, LanguagePack):
        _current, _pending = source, None
    else:
        _current, _pending = None, source


def current() -> LanguagePack:
    global _current, _pending
    if _current is None:
        if _pending is not None:
            _current, _pending = _pending(), None
        else:
            _current = load(ENGLISH)
    return _current


def phrase(key: str, /, **fields: Any) -> str:
    """The run's words for `key` (see the module docstring for which words win)."""
    return current().label(key, **fields)


def join_names(names: list[str], serial: bool = False) -> str:
    """"a", "a and b", "a, b and c" in the run's language (`serial`: "a, b, and c" where the language has it)."""
    if len(names) <= 1:
        return "".join(names)
    rest = phrase("list_separator").join(names[:-1])
    return phrase("list_last_serial" if serial else "list_last", rest=rest, last=names[-1])
