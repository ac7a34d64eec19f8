"""Find, read, validate and cache a knowledge file.

Parsing YAML and validating it costs tens of milliseconds, more than the rest of
a command. So the validated knowledge base, and each search index derived from it,
is cached as JSON in the user cache directory, keyed by the file's bytes and this
code's version. A cache that cannot be read or written is skipped, never fatal.

On a cache hit nothing heavy is imported: the knowledge base is decoded with the
standard `json` module into `Record`s (dicts read by attribute, shaped exactly like
the msgspec model in `model.py`, defaults filled in). msgspec and PyYAML are only
imported to validate a file that is not cached yet, and msgspec to decode an index.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
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
_PACKAGE_DIR = Path(__file__).resolve().parent

# Derived indexes cached beside the knowledge base: name -> "module:function".
# Each function takes a KnowledgeBase and returns an index: either an object with `to_data()`
# (plain JSON data) and a `from_data()` classmethod, or a msgspec Struct.
INDEX_BUILDERS: dict[str, str] = {
    "drugs": "baclofen_cli.drugs:build_index",
    "ask": "baclofen_cli.ask:build_index",
}


class Compiled:
    """A loaded knowledge file: the knowledge base, and its indexes on demand."""

    def __init__(self, kb: KnowledgeRecord, cache_dir: Path, typed: KnowledgeBase | None = None) -> None:
        self.kb = kb
        self.cache_dir = cache_dir
        self._typed = typed

    def index(self, name: str, kind: type[T]) -> T:
        """Decode one cached index (each command reads only the index it uses); rebuild it if missing.

        A `kind` with a `from_data` classmethod is built from plain JSON, so its command never
        imports msgspec; any other kind is a msgspec Struct, decoded and checked by msgspec.
        """
        path = self.cache_dir / f"{name}.json"
        plain = hasattr(kind, "from_data")
        try:
            raw = path.read_bytes()
            if plain:
                return kind.from_data(json.loads(raw))  # type: ignore[attr-defined, no-any-return]
            import msgspec

            return msgspec.json.decode(raw, type=kind)
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            # msgspec's DecodeError and ValidationError are ValueErrors too; RecursionError: JSON nested too deep.
            pass
        import msgspec

        encoded = msgspec.json.encode(_build_index(name, self.typed()))
        write_atomically(path, encoded, quiet=True)
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
    cache_dir = _cache_root() / _cache_key(keyed)
    try:
        return Compiled(decode_kb((cache_dir / KB_FILE).read_bytes()), cache_dir)
    except (OSError, ValueError, RecursionError):  # RecursionError: JSON nested too deep
        pass
    return compile_kb(parse_and_validate(raw, str(path)), cache_dir)


def decode_kb(data: bytes) -> KnowledgeRecord:
    kb = json.loads(data, object_hook=Record)
    if not isinstance(kb, dict) or kb.get("schema_version") != 1:
        raise ValueError("not a cached knowledge base")
    return KnowledgeRecord(kb)


def compile_kb(kb: KnowledgeBase, cache_dir: Path) -> Compiled:
    """Write the cache for a validated knowledge base: every index first, the knowledge base last.

    A reader takes the presence of kb.json to mean the entry is complete; an index that is
    missing anyway (a crash, a full disk) is rebuilt when first asked for.
    """
    import msgspec

    for name in INDEX_BUILDERS:
        write_atomically(cache_dir / f"{name}.json", msgspec.json.encode(_build_index(name, kb)), quiet=True)
    encoded = msgspec.json.encode(kb)
    write_atomically(cache_dir / KB_FILE, encoded, quiet=True)
    _prune(cache_dir.parent, keep=cache_dir)
    return Compiled(decode_kb(encoded), cache_dir, typed=kb)


CACHE_ENTRIES_KEPT = 8


def _prune(root: Path, keep: Path) -> None:
    """Remove all but the newest cache entries (old versions of a file, old releases)."""
    import shutil

    try:
        entries = sorted((p for p in root.iterdir() if p != keep and _is_entry(p)), key=lambda p: p.stat().st_mtime,
                         reverse=True)
    except OSError:
        return
    for old in entries[CACHE_ENTRIES_KEPT - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def _is_entry(path: Path) -> bool:
    """A folder named like a cache key (see _cache_key). Pruning touches nothing else:
    BACLOFEN_CACHE_DIR may name a folder that also holds the user's own files."""
    parts = path.name.split("-")
    return (
        len(parts) == 4
        and all(part and part.isascii() and all(c in "0123456789abcdef" for c in part) for part in parts)
        and path.is_dir()
        and not path.is_symlink()
    )


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
    override = os.environ.get(CACHE_ENV_VAR)
    if override:
        return Path(override)
    try:
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        elif sys.platform == "darwin":
            base = str(Path.home() / "Library" / "Caches")
        else:
            base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except (RuntimeError, KeyError):
        # No home directory (HOME unset and a user id without a passwd entry, as in some
        # containers): run without a cache. Nothing can be read or created below os.devnull.
        return Path(os.devnull) / "baclofen-cli"
    return Path(base) / "baclofen-cli"


def _cache_key(raw: bytes) -> str:
    """Length plus two independent 32-bit checksums of the file, and a fingerprint of the code.

    Not a cryptographic hash on purpose: hashlib costs ~4 ms to import on every run, and the
    cache only has to notice edits, not resist an attacker who can already write the cache.
    The code that shapes the cached form is part of the key, so an upgrade (or an edit in a
    checkout) never reads a stale cache.
    """
    code = [__version__, sys.version]
    for module in ("model", "loader", *(b.split(":")[0].rsplit(".", 1)[1] for b in INDEX_BUILDERS.values())):
        try:
            stat = (_PACKAGE_DIR / f"{module}.py").stat()
            code.append(f"{module}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            code.append(module)
    code_sum = zlib.crc32("|".join(code).encode())
    return f"{len(raw):x}-{zlib.crc32(raw):08x}-{zlib.adler32(raw):08x}-{code_sum:08x}"


def write_atomically(
    path: Path, data: bytes, *, quiet: bool = False, overwrite: bool = True, mode: int | None = None
) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file.

    The temporary file is private (0600); `mode` (e.g. 0o666) gives the finished file the
    usual permissions, less the umask. With `overwrite=False` an existing file is never
    replaced: FileExistsError is raised, even if the file appeared while writing.
    """
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if mode is not None:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp_name, mode & ~umask)
            if overwrite:
                os.replace(tmp_name, path)
            else:
                _rename_no_replace(tmp_name, path)
        except BaseException:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
            raise
    except OSError:
        if not quiet:
            raise


def _rename_no_replace(tmp_name: str, path: Path) -> None:
    """Move the finished file into place unless `path` exists (FileExistsError then)."""
    try:
        # link() fails if the target exists, so a file that appeared meanwhile is kept.
        os.link(tmp_name, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (some network, FAT or container file systems): claim the name
        # with O_EXCL, then rename over the empty placeholder. Still never half a file.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        try:
            os.replace(tmp_name, path)
        except BaseException:
            try:
                os.unlink(path)
            except OSError:
                pass
            raise
        return
    os.unlink(tmp_name)
