"""Find, read, validate and cache a knowledge file.

Parsing YAML and validating it costs tens of milliseconds, more than the rest of
a command. So the validated knowledge base, and each search index derived from it,
is cached as JSON in the user cache directory, keyed by a BLAKE2b digest of the file's
bytes and this code's version. A cache that cannot be read or written is skipped, never fatal.

The cache trusts nothing it did not write: an entry is used only if its folder and files are
this user's, writable by no one else, regular files within a size bound, read without
following links, and each file's seal (a digest of the entry key, the file name and the
content) matches. Anything else is ignored (BACLOFEN_DEBUG=1 says why) and rebuilt.

On a cache hit nothing heavy is imported: the knowledge base is decoded with the
standard `json` module into `Record`s (dicts read by attribute, shaped exactly like
the msgspec model in `model.py`, defaults filled in). msgspec and PyYAML are only
imported to validate a file that is not cached yet, and msgspec to decode an index.
"""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from baclofen_cli import __version__, overlay
from baclofen_cli.errors import KnowledgeFileError
from baclofen_cli.record import KnowledgeRecord, Record

if TYPE_CHECKING:
    from baclofen_cli.model import KnowledgeBase

T = TypeVar("T")

DATA_FILE_NAME = "baclofen.yaml"
DATA_ENV_VAR = "BACLOFEN_DATA"
CACHE_ENV_VAR = "BACLOFEN_CACHE_DIR"
MAX_FILE_BYTES = 2 * 1024 * 1024
KB_FILE = "kb.json"
CACHE_FOLDER = "baclofen-cli"
_PACKAGE_DIR = Path(__file__).resolve().parent

# Derived indexes cached beside the knowledge base: name -> "module:function".
# Each function takes a KnowledgeBase and returns an index: either an object with `to_data()`
# (plain JSON data) and a `from_data()` classmethod, or a msgspec Struct.
INDEX_BUILDERS: dict[str, str] = {
    "drugs": "baclofen_cli.drugs:build_index",
    "ask": "baclofen_cli.features.ask.index:build_index",
}


class Compiled:
    """A loaded knowledge file: the knowledge base, and its indexes on demand."""

    def __init__(self, kb: KnowledgeRecord, cache_dir: Path | None, typed: KnowledgeBase | None = None) -> None:
        self.kb = kb
        self.cache_dir = cache_dir  # None: the cache is not trusted, nothing is read or written
        self._typed = typed

    def index(self, name: str, kind: type[T]) -> T:
        """Decode one cached index (each command reads only the index it uses); rebuild it if missing.

        A `kind` with a `from_data` classmethod is built from plain JSON, so its command never
        imports msgspec; any other kind is a msgspec Struct, decoded and checked by msgspec.
        """
        file_name = f"{name}.json"
        plain = hasattr(kind, "from_data")
        raw = read_cache_file(self.cache_dir / file_name, self.cache_dir.name) if self.cache_dir else None
        if raw is not None:
            try:
                if plain:
                    return kind.from_data(json.loads(raw))  # type: ignore[attr-defined, no-any-return]
                import msgspec

                return msgspec.json.decode(raw, type=kind)
            except (ValueError, LookupError, TypeError, AttributeError, RecursionError) as exc:
                # A sealed file of the wrong shape (a bug, an edit by hand): rebuilt, never fatal.
                # msgspec's DecodeError and ValidationError are ValueErrors; RecursionError: nested too deep.
                _debug(f"rebuilding {self.cache_dir / file_name}: {type(exc).__name__}")
        import msgspec

        encoded = msgspec.json.encode(_build_index(name, self.typed()))
        if self.cache_dir:
            write_cache_file(self.cache_dir, file_name, encoded)
        if plain:
            return kind.from_data(json.loads(encoded))  # type: ignore[attr-defined, no-any-return]
        return msgspec.json.decode(encoded, type=kind)

    def typed(self) -> KnowledgeBase:
        """The knowledge base as model structs (for index builders), converted once."""
        if self._typed is None:
            import msgspec

            from baclofen_cli.model import KnowledgeBase

            self._typed = msgspec.convert(self.kb, KnowledgeBase)
        return self._typed


def default_path() -> Path:
    """The shipped file: inside the installed package, or data/ beside a source checkout."""
    packaged = _PACKAGE_DIR / "data" / DATA_FILE_NAME
    return packaged if packaged.is_file() else _PACKAGE_DIR.parent / "data" / DATA_FILE_NAME


def resolve_path(option: str | None) -> Path:
    chosen = option or os.environ.get(DATA_ENV_VAR) or None
    return Path(chosen) if chosen else default_path()


@cache
def load(path: Path) -> Compiled:
    raw = read_bytes(path)
    # An overlay's answers depend on the built-in file too: both are part of the cache key.
    keyed = raw + b"\0" + read_bytes(default_path()) if overlay.mentions_extends(raw) else raw
    cache_dir = _trusted_entry(_cache_root(), _cache_key(keyed))
    if cache_dir is not None:
        cached = read_cache_file(cache_dir / KB_FILE, cache_dir.name)
        if cached is not None:
            try:
                return Compiled(decode_kb(cached), cache_dir)
            except (ValueError, LookupError, TypeError, AttributeError, RecursionError) as exc:
                _debug(f"rebuilding {cache_dir / KB_FILE}: {type(exc).__name__}")  # RecursionError: nested too deep
    return compile_kb(parse_and_validate(raw, str(path)), cache_dir)


# The top-level fields every cached knowledge base has, and their JSON types: a sealed entry of
# another shape (written by a bug, say) is rebuilt rather than failing on every command.
_KB_SHAPE = {"drug": dict, "disclaimer": dict, "sources": list, "emergency": dict, "topics": list,
             "interactions": dict, "quiz": list, "ask": dict}


def decode_kb(data: bytes) -> KnowledgeRecord:
    kb = json.loads(data, object_hook=Record)
    if not isinstance(kb, dict) or type(kb.get("schema_version")) is not int or kb["schema_version"] != 1:
        raise ValueError("not a cached knowledge base")
    if any(not isinstance(kb.get(field), kind) for field, kind in _KB_SHAPE.items()):
        raise ValueError("a cached knowledge base of the wrong shape")
    if not kb["topics"] or any(not isinstance(t, dict) or "sections" not in t for t in kb["topics"]):
        raise ValueError("a cached knowledge base of the wrong shape")
    return KnowledgeRecord(kb)


def compile_kb(kb: KnowledgeBase, cache_dir: Path | None) -> Compiled:
    """Write the cache for a validated knowledge base: the marker, every index, the knowledge base last.

    A reader takes the presence of kb.json to mean the entry is complete; an index that is
    missing anyway (a crash, a full disk) is rebuilt when first asked for.
    """
    import msgspec

    encoded = msgspec.json.encode(kb)
    if cache_dir is not None and _make_entry(cache_dir):
        for name in INDEX_BUILDERS:
            write_cache_file(cache_dir, f"{name}.json", msgspec.json.encode(_build_index(name, kb)))
        write_cache_file(cache_dir, KB_FILE, encoded)
        _prune(cache_dir.parent, keep=cache_dir)
    else:
        cache_dir = None
    return Compiled(decode_kb(encoded), cache_dir, typed=kb)


CACHE_ENTRIES_KEPT = 8
# Each entry holds this file, naming its own key: pruning removes only folders that have it.
ENTRY_MARKER = "baclofen-cache-entry"
MAX_CACHE_FILE_BYTES = 32 * 1024 * 1024  # a 2 MB knowledge file compiles to well under 10 MB
_SEAL_PREFIX = b"baclofen-cache-1 "


def seal(key: str, name: str, payload: bytes) -> bytes:
    """A cache file: a first line with a checksum of the entry key, the file name and the payload, then
    the payload. A file copied from another entry, cut short or edited by hand does not match.

    A CRC is enough here (4x cheaper than BLAKE2b on every run): the seal guards against accidents
    in files already proven ours and private; who may write them is what keeps attackers out.
    """
    return _seal_line(key, name, payload) + b"\n" + payload


def _seal_line(key: str, name: str, payload: bytes) -> bytes:
    import zlib

    checksum = zlib.crc32(payload, zlib.crc32(f"{key}\0{name}\0".encode()))
    return _SEAL_PREFIX + f"{checksum:08x} {len(payload)}".encode()


def read_cache_file(path: Path, key: str) -> bytes | None:
    """The payload of a trusted, sealed cache file, or None (missing, untrusted or broken)."""
    from baclofen_cli.files import UntrustedFile, read_private_file

    try:
        data = read_private_file(path, MAX_CACHE_FILE_BYTES)
    except FileNotFoundError:
        return None
    except (OSError, UntrustedFile) as exc:
        _debug(f"not using the cache file: {exc}")
        return None
    header, _, payload = data.partition(b"\n")
    if header != _seal_line(key, path.name, payload):
        _debug(f"not using the cache file {path}: its seal does not match (cut short, or edited)")
        return None
    return payload


def write_cache_file(entry: Path, name: str, payload: bytes) -> None:
    from baclofen_cli.files import write_atomically

    write_atomically(entry / name, seal(entry.name, name, payload), quiet=True)


def _make_entry(entry: Path) -> bool:
    """Create (or check) an entry folder of ours, with its marker. False: do not write the cache."""
    from baclofen_cli.files import UntrustedFile, make_private_dir, write_atomically

    try:
        make_private_dir(entry.parent, tighten=_is_default_root(entry.parent))
        make_private_dir(entry)
        if read_cache_file(entry / ENTRY_MARKER, entry.name) != entry.name.encode():
            write_atomically(entry / ENTRY_MARKER, seal(entry.name, ENTRY_MARKER, entry.name.encode()))
    except (OSError, UntrustedFile) as exc:
        _debug(f"not writing the cache: {exc}")
        return False
    return True


def _trusted_entry(root: Path | None, key: str) -> Path | None:
    """The entry folder for `key`, or None if the cache (root or entry) is not ours alone.

    A missing folder is fine: it will be created private. An existing one must be a plain
    folder of this user that no one else can write, or another user could change answers.
    """
    if root is None:
        return None
    from baclofen_cli.files import UntrustedFile, check_private_dir

    for folder in (root, root / key):
        try:
            check_private_dir(folder, tighten=folder == root and _is_default_root(root))
        except FileNotFoundError:
            break
        except (OSError, UntrustedFile) as exc:
            _debug(f"not using the cache: {exc}")
            return None
    return root / key


def _prune(root: Path, keep: Path) -> None:
    """Remove all but the newest cache entries (old versions of a file, old releases)."""
    try:
        entries = sorted((p for p in root.iterdir() if p != keep and _is_entry(p)), key=lambda p: p.stat().st_mtime,
                         reverse=True)
    except OSError:
        return
    for old in entries[CACHE_ENTRIES_KEPT - 1 :]:
        _remove_entry(old)


def _is_entry(path: Path) -> bool:
    """A folder this cache wrote: ours, and holding a sealed marker that names it. Pruning touches
    nothing else: BACLOFEN_CACHE_DIR may name a folder that also holds the user's own files,
    named like anything (2024-05-01-1530)."""
    from baclofen_cli.files import UntrustedFile, check_private_dir

    try:
        check_private_dir(path)
    except (OSError, UntrustedFile):
        return False
    return read_cache_file(path / ENTRY_MARKER, path.name) == path.name.encode()


def _remove_entry(entry: Path) -> None:
    """Remove our own files, file by file, then the folder if that left it empty: never a tree."""
    from baclofen_cli.files import TEMP_SUFFIX

    ours = {KB_FILE, ENTRY_MARKER, *(f"{name}.json" for name in INDEX_BUILDERS)}
    try:
        names = os.listdir(entry)
    except OSError:
        return
    for name in sorted(names, key=lambda n: n == ENTRY_MARKER):  # the marker last
        temporary = name.endswith(TEMP_SUFFIX) and any(name.startswith(f".{own}.") for own in ours)
        if name in ours or temporary:
            try:
                os.unlink(entry / name)
            except OSError:
                pass
    try:
        os.rmdir(entry)
    except OSError:
        pass


def _is_default_root(root: Path) -> bool:
    """The cache's own folder (not one named by BACLOFEN_CACHE_DIR): older versions made it with
    the umask's mode (0775 under umask 002), so it may be made private again rather than distrusted."""
    return root.name == CACHE_FOLDER and not os.environ.get(CACHE_ENV_VAR, "").strip()


def _debug(message: str) -> None:
    if os.environ.get("BACLOFEN_DEBUG"):
        from baclofen_cli.output import clean

        print(clean(f"baclofen: debug: {message}"), file=sys.stderr)


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
        raise KnowledgeFileError(name, "this is a binary file, not YAML text", raw[: raw.index(b"\x00")].count(b"\n") + 1)
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

    from baclofen_cli import yamlsafe
    from baclofen_cli.checks import find_problems, schema_problems
    from baclofen_cli.model import KnowledgeBase

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
    from baclofen_cli import yamlsafe

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
    from baclofen_cli.checks import find_problems

    try:
        return find_problems(data, lines, inherited=inherited)
    except (KeyError, TypeError, AttributeError, IndexError, ValueError):
        return []


def _build_index(name: str, kb: KnowledgeBase) -> Any:
    """The index as data msgspec can encode."""
    from importlib import import_module

    module_name, _, function = INDEX_BUILDERS[name].partition(":")
    index = getattr(import_module(module_name), function)(kb)
    return index.to_data() if hasattr(index, "to_data") else index


def _cache_root() -> Path:
    # Written out rather than importing platformdirs: this runs on every command and the
    # import alone would cost more than the whole cache lookup.
    override = os.environ.get(CACHE_ENV_VAR, "")
    if override.strip():
        return Path(override)
    try:
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        elif sys.platform == "darwin":
            base = str(Path.home() / "Library" / "Caches")
        else:
            xdg = os.environ.get("XDG_CACHE_HOME", "")
            # The XDG spec: a relative path here is invalid and must be ignored (it would put
            # the cache in whatever folder the command was run from).
            base = xdg if os.path.isabs(xdg) else str(Path.home() / ".cache")
    except (RuntimeError, KeyError):
        # No home directory (HOME unset and a user id without a passwd entry, as in some
        # containers): run without a cache. Nothing can be read or created below os.devnull.
        return Path(os.devnull) / CACHE_FOLDER
    return Path(base) / CACHE_FOLDER


def _cache_key(raw: bytes) -> str:
    """A BLAKE2b digest of the file's bytes and of a fingerprint of the code, as 32 hex digits.

    Cryptographic on purpose: the key once was length + CRC32 + Adler-32, and a file built to
    match those (easy: both are linear) took the shipped guide's place in the cache after one
    `--data` run. The built-in `_blake2` module imports in ~0.2 ms (hashlib costs ~3 ms) and
    digests the 170 KB shipped file in ~0.2 ms. The code that shapes the cached form is part of
    the key, so an upgrade (or an edit in a checkout) never reads a stale cache.
    """
    code = [__version__, sys.version]
    for name in _code_files():
        try:
            stat = os.stat(name)
            code.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            code.append(name)
    return _digest("|".join(code).encode(), b"\0", raw)


def _code_files() -> list[str]:
    """The files whose code or words shape the cached form: the model, this loader, each index
    builder's module (every module of its package, for a feature package such as
    features/ask/), and the language files the ask index is built with (lang/*_ask.yaml)."""
    root = os.path.dirname(os.path.abspath(sys.modules[__name__.partition(".")[0]].__file__ or "."))
    modules = [f"{__name__.partition('.')[0]}.model", __name__, *(b.split(":")[0] for b in INDEX_BUILDERS.values())]
    files: list[str] = []
    for module in modules:
        folder = os.path.join(root, *module.split(".")[1:-1])
        if folder == root:
            files.append(os.path.join(folder, module.rsplit(".", 1)[1] + ".py"))
            continue
        try:
            files += [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(".py")]
        except OSError:
            files.append(folder)
    lang = os.path.join(root, "lang")
    try:
        files += [os.path.join(lang, f) for f in sorted(os.listdir(lang)) if f.endswith("_ask.yaml")]
    except OSError:
        pass
    return files


def _digest(*parts: bytes) -> str:
    try:
        from _blake2 import blake2b  # what hashlib.blake2b is, without hashlib's import cost
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    digest = blake2b(digest_size=16)
    for part in parts:
        digest.update(part)
    return digest.hexdigest()


def write_atomically(path: Path, data: bytes, **options: Any) -> None:
    """Kept for callers of the old name: the atomic writer lives in `files`."""
    from baclofen_cli.files import write_atomically as write

    write(path, data, **options)
