"""Find, read, validate and cache a knowledge file.

Parsing YAML and validating it costs tens of milliseconds, more than the rest of
a command. So the validated knowledge base, and each search index derived from it,
is cached as JSON in the user cache directory, keyed by a BLAKE2b digest of the file's
bytes and this code's version. A cache that cannot be read or written is skipped, never fatal.

The cache trusts nothing it did not write (core/cache_store.py keeps the files; this module
decides what goes into them, under which key).

On a cache hit nothing heavy is imported: the knowledge base is decoded with the
standard `json` module into `Record`s (dicts read by attribute, shaped exactly like
the msgspec model in `model.py`, defaults filled in). msgspec and PyYAML are only
imported to validate a file that is not cached yet, and msgspec to decode an index.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import baclofen_cli
from baclofen_cli.core import overlay
from baclofen_cli.core.cache_key import cache_key, code_files
from baclofen_cli.core.cache_store import (
    cache_root,
    debug,
    make_entry,
    prune,
    read_cache_file,
    trusted_entry,
    write_cache_file,
)
from baclofen_cli.core.errors import KnowledgeFileError
from baclofen_cli.core.record import KnowledgeRecord, Record

if TYPE_CHECKING:
    from baclofen_cli.core.model import KnowledgeBase

T = TypeVar("T")

DATA_FILE_NAME = "baclofen.yaml"
DATA_ENV_VAR = "BACLOFEN_DATA"
MAX_FILE_BYTES = 2 * 1024 * 1024
KB_FILE = "kb.json"
PARTS_FILE = "parts.json"
# The root help, kept by cli/help_memo.py: removed with the entry it belongs to.
HELP_FILE = "help.json"
# The package's own folder, wherever this module sits inside it.
_PACKAGE_DIR = Path(baclofen_cli.__file__).resolve().parent

# Derived indexes cached beside the knowledge base: name -> "module:function".
# Each function takes a KnowledgeBase and returns an index: an object with `to_cache()` (the
# bytes of its cache file) and a `from_cache()` classmethod (the `ask` index, whose large tables
# are decoded as they are read), or one with `to_data()` (plain JSON data) and a `from_data()`
# classmethod, or a msgspec Struct.
INDEX_BUILDERS: dict[str, str] = {
    "drugs": "baclofen_cli.features.interactions.names:build_index",
    "ask": "baclofen_cli.features.ask.index:build_index",
    # The file's labels (its language pack with its own `labels:` on top): no YAML pack is read on a run.
    "labels": "baclofen_cli.lang:build_index",
    # Where each part of kb.json sits, so a run decodes only the parts it reads (core/kb_parts.py).
    "parts": "baclofen_cli.core.kb_parts:build_index",
}


class Compiled:
    """A loaded knowledge file: the knowledge base, and its indexes on demand."""

    def __init__(self, kb: KnowledgeRecord, cache_dir: Path | None, typed: KnowledgeBase | None = None) -> None:
        self.record = kb  # read part by part as a run reads it (KnowledgeRecord.lazy)
        self.cache_dir = cache_dir  # None: the cache is not trusted, nothing is read or written
        self._typed = typed

    @property
    def kb(self) -> KnowledgeRecord:
        """The knowledge base read whole, for code that reads the dict from C (msgspec.convert)."""
        return self.record.complete()

    def index(self, name: str, kind: type[T]) -> T:
        """Decode one cached index (each command reads only the index it uses); rebuild it if missing.

        A `kind` with a `from_data` classmethod is built from plain JSON, so its command never
        imports msgspec; any other kind is a msgspec Struct, decoded and checked by msgspec.
        """
        file_name = f"{name}.json"
        raw = read_cache_file(self.cache_dir / file_name, self.cache_dir.name) if self.cache_dir else None
        if raw is not None:
            try:
                return _decode_index(kind, raw)
            except (ValueError, LookupError, TypeError, AttributeError, RecursionError) as exc:
                # A sealed file of the wrong shape (a bug, an edit by hand): rebuilt, never fatal.
                # msgspec's DecodeError and ValidationError are ValueErrors; RecursionError: nested too deep.
                debug(f"rebuilding {file_name} in {self.cache_dir}: {type(exc).__name__}")
        encoded = _encode_index(name, self.typed())
        if self.cache_dir:
            write_cache_file(self.cache_dir, file_name, encoded)
        return _decode_index(kind, encoded)

    def typed(self) -> KnowledgeBase:
        """The knowledge base as model structs (for index builders), converted once."""
        if self._typed is None:
            import msgspec

            from baclofen_cli.core.model import KnowledgeBase

            self._typed = msgspec.convert(self.kb, KnowledgeBase)
        return self._typed


def default_path() -> Path:
    """The shipped file: inside the installed package, or data/ beside a source checkout."""
    packaged = _PACKAGE_DIR / "data" / DATA_FILE_NAME
    return packaged if packaged.is_file() else _PACKAGE_DIR.parent / "data" / DATA_FILE_NAME


def resolve_path(option: str | None, language: str | None = None) -> Path:
    """--data, else BACLOFEN_DATA, else the shipped file in `language` (English when there is none)."""
    chosen = option or os.environ.get(DATA_ENV_VAR) or None
    return Path(chosen) if chosen else language_path(language)


def data_chosen(option: str | None) -> bool:
    """Whether a knowledge file was named (--data, BACLOFEN_DATA): then the file decides the language."""
    return bool(option or os.environ.get(DATA_ENV_VAR))


def languages() -> list[str]:
    """The languages the shipped guide comes in, English first (for the note on an unknown --lang)."""
    found = {"en"}
    prefix, suffix = DATA_FILE_NAME.removesuffix(".yaml") + ".", ".yaml"
    for folder in (_PACKAGE_DIR / "data", _PACKAGE_DIR.parent / "data"):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        found |= {n[len(prefix):-len(suffix)] for n in names if n.startswith(prefix) and n.endswith(suffix)
                  and n[len(prefix):-len(suffix)].isalpha()}
    return ["en", *sorted(found - {"en"})]


def language_path(language: str | None) -> Path:
    """The shipped knowledge file in a language (`baclofen.es.yaml`), or the English one if there is none."""
    if language and language != "en" and language.isalpha():
        name = DATA_FILE_NAME.replace(".yaml", f".{language}.yaml")
        for folder in (_PACKAGE_DIR / "data", _PACKAGE_DIR.parent / "data"):
            if (folder / name).is_file():
                return folder / name
    return default_path()


@cache
def load(path: Path) -> Compiled:
    raw = read_bytes(path)
    cache_dir = _entry_for(raw)
    if cache_dir is not None:
        cached = read_cache_file(cache_dir / KB_FILE, cache_dir.name)
        if cached is not None:
            try:
                return Compiled(decode_kb(cached, read_cache_file(cache_dir / PARTS_FILE, cache_dir.name)), cache_dir)
            except (ValueError, LookupError, TypeError, AttributeError, RecursionError) as exc:
                debug(f"rebuilding {cache_dir / KB_FILE}: {type(exc).__name__}")  # RecursionError: nested too deep
    return compile_kb(parse_and_validate(raw, str(path)), cache_dir)


# The top-level fields every cached knowledge base has, and their JSON types: a sealed entry of
# another shape (written by a bug, say) is rebuilt rather than failing on every command.
_KB_SHAPE = {"drug": dict, "disclaimer": dict, "sources": list, "emergency": dict, "topics": list,
             "interactions": dict, "quiz": list, "ask": dict}


def decode_kb(data: bytes, parts: bytes | None = None) -> KnowledgeRecord:
    """The cached knowledge base: decoded part by part as it is read when `parts` (the `parts`
    index) describes exactly these bytes, else decoded whole now; either way checked for shape."""
    if parts is not None:
        from baclofen_cli.core.kb_parts import usable

        ranges = json.loads(parts)
        if usable(ranges, data, _KB_SHAPE):
            lazy = KnowledgeRecord.lazy(data, ranges["fields"], ranges["topics"], eager=("schema_version",))
            if type(lazy["schema_version"]) is not int or lazy["schema_version"] != 1:
                raise ValueError("not a cached knowledge base")
            return lazy
    kb = json.loads(data, object_hook=Record)
    if not isinstance(kb, dict) or type(kb.get("schema_version")) is not int or kb["schema_version"] != 1:
        raise ValueError("not a cached knowledge base")
    if any(not isinstance(kb.get(field), kind) for field, kind in _KB_SHAPE.items()):
        raise ValueError("a cached knowledge base of the wrong shape")
    if not kb["topics"] or any(not isinstance(t, dict) or "sections" not in t for t in kb["topics"]):
        raise ValueError("a cached knowledge base of the wrong shape")
    return KnowledgeRecord(kb)


def cache_entry(path: Path) -> Path | None:
    """The cache entry folder of a knowledge file (it may not exist yet), or None if the cache is not trusted."""
    return _entry_for(read_bytes(path))


def _entry_for(raw: bytes) -> Path | None:
    # An overlay's answers depend on the built-in file too: both are part of the cache key.
    keyed = raw + b"\0" + read_bytes(default_path()) if overlay.mentions_extends(raw) else raw
    return trusted_entry(cache_root(), _cache_key(keyed))


def compile_kb(kb: KnowledgeBase, cache_dir: Path | None) -> Compiled:
    """Write the cache for a validated knowledge base: the marker, every index, the knowledge base last.

    A reader takes the presence of kb.json to mean the entry is complete; an index that is
    missing anyway (a crash, a full disk) is rebuilt when first asked for.
    """
    import msgspec

    encoded = msgspec.json.encode(kb)
    if cache_dir is not None and make_entry(cache_dir):
        for name in INDEX_BUILDERS:
            write_cache_file(cache_dir, f"{name}.json", _encode_index(name, kb))
        write_cache_file(cache_dir, KB_FILE, encoded)
        owned = [KB_FILE, HELP_FILE, *(f"{name}.json" for name in INDEX_BUILDERS)]
        prune(cache_dir.parent, keep=cache_dir, owned=owned)
    else:
        cache_dir = None
    return Compiled(decode_kb(encoded), cache_dir, typed=kb)


def read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        if path.is_dir():
            raise KnowledgeFileError(name, "this is a directory, not a knowledge file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise KnowledgeFileError(name, f"file is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise KnowledgeFileError(name, "file not found") from None
    except PermissionError:
        raise KnowledgeFileError(name, "cannot read the file (permission denied)") from None
    except OSError as exc:
        raise KnowledgeFileError(name, f"cannot read the file ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise KnowledgeFileError(name, f"file is too large (the limit is {MAX_FILE_BYTES:,} bytes)")
    return raw


def decode_text(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # What some editors save as "Unicode": full of zero bytes, but not a binary file.
        raise KnowledgeFileError(name, "the file is saved as UTF-16: save it as UTF-8 instead")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise KnowledgeFileError(name, "this is a binary file, not YAML text", line)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise KnowledgeFileError(name, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read)", line) from None
    if not text.strip():
        raise KnowledgeFileError(name, "the file is empty")
    return text


def parse_and_validate(raw: bytes, name: str) -> KnowledgeBase:
    """Parse, check against the schema and the content rules; raise on the first error."""
    kb, problems = check_file(raw, name)
    errors = [p for p in problems if p.is_error]
    if errors or kb is None:
        first = errors[0]
        raise KnowledgeFileError(name, first.message, first.line, first.field or None)
    return kb


def check_file(raw: bytes, name: str) -> tuple[KnowledgeBase | None, list[Any]]:
    """All problems in a file. Raises KnowledgeFileError only when it cannot be parsed at all."""
    import msgspec

    from baclofen_cli.core import yamlsafe
    from baclofen_cli.core.checks import find_problems, schema_problems
    from baclofen_cli.core.model import KnowledgeBase

    data, lines = yamlsafe.parse(decode_text(raw, name), name)
    if not isinstance(data, dict):
        raise KnowledgeFileError(name, "the top level must be a mapping of keys (schema_version, drug, topics, ...)", 1)
    inherited = None  # for an overlay, the built-in file: its own source problems are not the clinic's
    if overlay.is_overlay(data):
        data, lines, inherited = _extend(data, lines, name)
    try:
        kb = msgspec.convert(data, KnowledgeBase)
    except msgspec.ValidationError:
        # Schema and content problems in one run, in line order, so an editor fixes them all at once.
        problems = schema_problems(data, KnowledgeBase, lines)
        # A field the schema already faults is not faulted twice (an empty heading is both).
        faulted = {p.path for p in problems}
        problems += [p for p in _rule_problems_anyway(data, lines, inherited) if p.path not in faulted]
        return None, sorted(problems, key=lambda p: (p.line is None, p.line or 0))
    return kb, find_problems(data, lines, shipped=is_shipped(name), inherited=inherited)


def is_shipped(name: str) -> bool:
    """The built-in file (the one in the wheel or the checkout) is held to the strictest rules."""
    try:
        return os.path.samefile(name, default_path())
    except (OSError, ValueError):  # a pipe, a missing file, a name with a NUL
        return False


def _extend(
    data: dict[str, Any], lines: dict[Any, int], name: str
) -> tuple[dict[str, Any], dict[Any, int], dict[str, Any]]:
    """A clinic overlay (`extends: builtin`) merged into the built-in file (see overlay.py), and the built-in data."""
    from baclofen_cli.core import yamlsafe

    target = data[overlay.EXTENDS_KEY]
    if target != overlay.BUILTIN:
        line = lines.get((overlay.EXTENDS_KEY,))
        raise KnowledgeFileError(name, f"{overlay.EXTENDS_KEY}: only 'builtin' can be extended, not {target!r}", line)
    builtin = default_path()
    base, _ = yamlsafe.parse(decode_text(read_bytes(builtin), str(builtin)), str(builtin))
    return (*overlay.merge(base, data, lines), base)


def _rule_problems_anyway(data: dict[str, Any], lines: dict[Any, int], inherited: dict[str, Any] | None) -> list[Any]:
    """The content rules on a file that does not match the schema yet: each rule that can run on
    what is there still reports; one that trips over a missing or mistyped part is left out."""
    from baclofen_cli.core.checks import find_problems

    try:
        return find_problems(data, lines, inherited=inherited)
    except (KeyError, TypeError, AttributeError, IndexError, ValueError):
        return []


def _build_index(name: str, kb: KnowledgeBase) -> Any:
    """The index as data msgspec can encode."""
    index = _built_index(name, kb)
    return index.to_data() if hasattr(index, "to_data") else index


def _built_index(name: str, kb: KnowledgeBase) -> Any:
    from importlib import import_module

    module_name, _, function = INDEX_BUILDERS[name].partition(":")
    return getattr(import_module(module_name), function)(kb)


def _encode_index(name: str, kb: KnowledgeBase) -> bytes:
    """The bytes of an index's cache file."""
    import msgspec

    index = _built_index(name, kb)
    if hasattr(index, "to_cache"):
        return index.to_cache()  # type: ignore[no-any-return]
    return msgspec.json.encode(index.to_data() if hasattr(index, "to_data") else index)


def _decode_index(kind: type[T], raw: bytes) -> T:
    """An index from its cache file's bytes: by its own `from_cache`, from plain JSON data, or by msgspec."""
    if hasattr(kind, "from_cache"):
        return kind.from_cache(raw)  # type: ignore[attr-defined, no-any-return]
    if hasattr(kind, "from_data"):
        return kind.from_data(json.loads(raw))  # type: ignore[attr-defined, no-any-return]
    import msgspec

    return msgspec.json.decode(raw, type=kind)


def _cache_key(raw: bytes) -> str:
    return cache_key(raw, INDEX_BUILDERS)


def _code_files() -> list[str]:
    return code_files(INDEX_BUILDERS)
