"""What a cache entry's key is made of: the knowledge file's bytes and a fingerprint of the code
that shapes its cached form, so an upgrade (or an edit in a checkout) never reads a stale cache."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

import baclofen_cli
from baclofen_cli import __version__
from baclofen_cli.core.cache_store import digest

_PACKAGE_DIR = Path(baclofen_cli.__file__).resolve().parent

# The modules that decide what a cached entry holds (besides the index builders): the schema, the
# reader, and the checks that decide whether a file is valid at all.
CACHED_FORM_CODE = (
    "baclofen_cli.core.model", "baclofen_cli.core.model_sources", "baclofen_cli.core.record",
    "baclofen_cli.core.loader", "baclofen_cli.core.cache_key", "baclofen_cli.core.yamlsafe",
    "baclofen_cli.core.overlay", "baclofen_cli.core.checks", "baclofen_cli.core.checks.sources",
    "baclofen_cli.core.checks.safety", "baclofen_cli.core.checks.situations",
)


def cache_key(raw: bytes, index_builders: Mapping[str, str]) -> str:
    """A BLAKE2b digest of the file's bytes and of a fingerprint of the code, as 32 hex digits.

    Cryptographic on purpose: the key once was length + CRC32 + Adler-32, and a file built to
    match those (easy: both are linear) took the shipped guide's place in the cache after one
    `--data` run. The built-in `_blake2` module imports in ~0.2 ms (hashlib costs ~3 ms) and
    digests the shipped file (650 KB) in about a millisecond.
    """
    code = f"{__version__}|{sys.version}|{fingerprint(code_files(index_builders))}"
    return digest(code.encode(), b"\0", raw)


def fingerprint(files: list[str]) -> str:
    """Each file's size and time: a changed or upgraded file changes it."""
    parts = []
    for name in files:
        try:
            stat = os.stat(name)
            parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(name)
    return "|".join(parts)


def code_files(index_builders: Mapping[str, str]) -> list[str]:
    """The files whose code or words shape the cached form: CACHED_FORM_CODE, each index
    builder's module (every module of its package when that is a feature package, such as
    features/ask/, whose steps are one module each), and the language packs (lang/: their
    code and every pack, which the labels and ask indexes are built from)."""
    files: list[str] = []
    for module in CACHED_FORM_CODE:
        folder = _PACKAGE_DIR.joinpath(*module.split(".")[1:])
        files.append(str(folder.with_suffix(".py") if folder.with_suffix(".py").is_file() else folder / "__init__.py"))
    for module in (b.split(":")[0] for b in index_builders.values()):
        package = str(_PACKAGE_DIR.joinpath(*module.split(".")[1:-1]))
        if package == str(_PACKAGE_DIR):
            files.append(os.path.join(package, module.rsplit(".", 1)[1] + ".py"))
            continue
        try:
            files += [os.path.join(package, f) for f in sorted(os.listdir(package)) if f.endswith(".py")]
        except OSError:
            files.append(package)
    lang = str(_PACKAGE_DIR / "lang")
    try:
        files += [os.path.join(lang, f) for f in sorted(os.listdir(lang)) if f.endswith((".yaml", ".py"))]
    except OSError:
        pass
    return files
