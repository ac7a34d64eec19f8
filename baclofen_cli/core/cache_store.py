"""The on-disk cache store: private entry folders of sealed files, trusted only if this user wrote them.

What goes into an entry, and under which key, is the loader's business (loader.py); this module
only keeps the files safe: an entry is used only if its folder and files are this user's, writable
by no one else, regular files within a size bound, read without following links, and each file's
seal matches. Anything else is ignored (BACLOFEN_DEBUG=1 says why) and rebuilt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection
from pathlib import Path

CACHE_ENV_VAR = "BACLOFEN_CACHE_DIR"
CACHE_FOLDER = "baclofen-cli"
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
    from baclofen_cli.core.files import UntrustedFile, read_private_file

    try:
        data = read_private_file(path, MAX_CACHE_FILE_BYTES)
    except FileNotFoundError:
        return None
    except (OSError, UntrustedFile) as exc:
        debug(f"not using the cache file: {exc}")
        return None
    header, _, payload = data.partition(b"\n")
    if header != _seal_line(key, path.name, payload):
        debug(f"not using the cache file {path}: its seal does not match (cut short, or edited)")
        return None
    return payload


def write_cache_file(entry: Path, name: str, payload: bytes) -> None:
    from baclofen_cli.core.files import write_atomically

    write_atomically(entry / name, seal(entry.name, name, payload), quiet=True)


def make_entry(entry: Path) -> bool:
    """Create (or check) an entry folder of ours, with its marker. False: do not write the cache."""
    from baclofen_cli.core.files import UntrustedFile, make_private_dir, write_atomically

    try:
        make_private_dir(entry.parent, tighten=_is_default_root(entry.parent))
        make_private_dir(entry)
        if read_cache_file(entry / ENTRY_MARKER, entry.name) != entry.name.encode():
            write_atomically(entry / ENTRY_MARKER, seal(entry.name, ENTRY_MARKER, entry.name.encode()))
    except (OSError, UntrustedFile) as exc:
        debug(f"not writing the cache: {exc}")
        return False
    return True


def trusted_entry(root: Path | None, key: str) -> Path | None:
    """The entry folder for `key`, or None if the cache (root or entry) is not ours alone.

    A missing folder is fine: it will be created private. An existing one must be a plain
    folder of this user that no one else can write, or another user could change answers.
    """
    if root is None:
        return None
    from baclofen_cli.core.files import UntrustedFile, check_private_dir

    for folder in (root, root / key):
        try:
            check_private_dir(folder, tighten=folder == root and _is_default_root(root))
        except FileNotFoundError:
            break
        except (OSError, UntrustedFile) as exc:
            debug(f"not using the cache: {exc}")
            return None
    return root / key


def prune(root: Path, keep: Path, owned: Collection[str]) -> None:
    """Remove all but the newest cache entries (old versions of a file, old releases); `owned`:
    the names of the files an entry holds (nothing else in it is removed)."""
    try:
        entries = sorted((p for p in root.iterdir() if p != keep and _is_entry(p)), key=lambda p: p.stat().st_mtime,
                         reverse=True)
    except OSError:
        return
    for old in entries[CACHE_ENTRIES_KEPT - 1 :]:
        _remove_entry(old, owned)


def _is_entry(path: Path) -> bool:
    """A folder this cache wrote: ours, and holding a sealed marker that names it. Pruning touches
    nothing else: BACLOFEN_CACHE_DIR may name a folder that also holds the user's own files,
    named like anything (2024-05-01-1530)."""
    from baclofen_cli.core.files import UntrustedFile, check_private_dir

    try:
        check_private_dir(path)
    except (OSError, UntrustedFile):
        return False
    return read_cache_file(path / ENTRY_MARKER, path.name) == path.name.encode()


def _remove_entry(entry: Path, owned: Collection[str]) -> None:
    """Remove our own files, file by file, then the folder if that left it empty: never a tree."""
    from baclofen_cli.core.files import TEMP_SUFFIX

    ours = {ENTRY_MARKER, *owned}
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


def debug(message: str) -> None:
    if os.environ.get("BACLOFEN_DEBUG"):
        from baclofen_cli.core.output import clean

        print(clean(f"baclofen: debug: {message}"), file=sys.stderr)



def cache_root() -> Path:
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


def digest(*parts: bytes) -> str:
    try:
        from _blake2 import blake2b  # what hashlib.blake2b is, without hashlib's import cost
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    digest = blake2b(digest_size=16)
    for part in parts:
        digest.update(part)
    return digest.hexdigest()


