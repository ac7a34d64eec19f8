"""`baclofen --help` printed from the cache, without importing Typer.

Why: importing Typer and building the command tree is most of a `--help` run, and the root
help only changes when one of its inputs does. The first `--help` is written by the Typer app
as always (cli/app.py) and kept beside the knowledge file's cache entry (`help.json`, sealed
like every cache file); a later one with the same inputs prints those bytes. The inputs, all
in the memo's key: the knowledge file (its cache entry: its language and words), the package's
code and language packs (every file's size and time), Typer's own files, the program name, the
terminal width, whether stdout is a terminal and the colour settings. Anything else on the
command line (--lang, --data, a command) goes to Typer as before.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

# The command lines answered from the memo: the root help and nothing else.
FORMS = (["--help"], ["-h"])


_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_MAX_KEPT = 8
_COLOUR_SETTINGS = ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "LINES")


def recall(argv: list[str]) -> str | None:
    """The root help kept for these inputs, or None (not kept yet, or kept for other inputs)."""
    if argv not in FORMS:
        return None
    entry = _entry()
    if entry is None:
        return None
    kept = _kept(entry)
    if kept is None or kept["typer"] != _typer_key(kept["typer_files"]):
        return None
    text = kept["texts"].get(_key())
    return text if isinstance(text, str) else None


def remember(argv: tuple[str, ...] | list[str], text: str) -> None:
    """Keep the root help the Typer app has just written, for the next run with the same inputs."""
    if list(argv) not in FORMS:
        return
    from baclofen_cli.core.cache_store import write_cache_file
    from baclofen_cli.core.loader import HELP_FILE

    entry = _entry(loaded=True)
    if entry is None or not entry.is_dir():
        return
    import typer

    typer_files = sorted(str(p) for p in Path(typer.__file__).parent.rglob("*.py"))
    typer_key = _typer_key(typer_files)
    kept = _kept(entry)
    # One text per set of inputs (a pipe and a terminal, two widths...), the newest few kept.
    texts = dict(kept["texts"]) if kept is not None and kept["typer"] == typer_key else {}
    key = _key()
    texts.pop(key, None)
    texts[key] = text
    texts = dict(list(texts.items())[-_MAX_KEPT:])
    payload = {"typer_files": typer_files, "typer": typer_key, "texts": texts}
    write_cache_file(entry, HELP_FILE, json.dumps(payload).encode())


def _kept(entry: Path) -> dict[str, Any] | None:
    """The memo file's contents, or None (missing, damaged, or of another shape: written again by Typer)."""
    from baclofen_cli.core.cache_store import read_cache_file
    from baclofen_cli.core.loader import HELP_FILE

    raw = read_cache_file(entry / HELP_FILE, entry.name)
    if raw is None:
        return None
    try:
        kept = json.loads(raw)
        if isinstance(kept, dict) and isinstance(kept["texts"], dict) and isinstance(kept["typer_files"], list):
            return kept
    except (ValueError, LookupError, TypeError):
        pass
    return None


def _entry(loaded: bool = False) -> Path | None:
    """The cache entry of the knowledge file a bare `--help` reads (cli.help.root_help's choice).
    `loaded`: root_help has just loaded it, so its entry is known without reading the file again."""
    from baclofen_cli import lang
    from baclofen_cli.core import loader
    from baclofen_cli.core.errors import BaclofenError

    try:
        path = loader.resolve_path(None) if loader.data_chosen(None) else loader.language_path(lang.requested(None)[0])
        return loader.load(path).cache_dir if loaded else loader.cache_entry(path)
    except BaclofenError:
        return None


def _key() -> str:
    from baclofen_cli.core.cache_key import fingerprint
    from baclofen_cli.core.cache_store import digest
    from baclofen_cli.core.output import terminal_width
    from baclofen_cli.core.state import RUN_PROGRAM

    inputs = [RUN_PROGRAM, str(terminal_width()), str(sys.stdout.isatty()), sys.version,
              *(f"{name}={os.environ.get(name, '')}" for name in _COLOUR_SETTINGS)]
    return digest("|".join(inputs).encode(), fingerprint(_package_files()).encode())


def _typer_key(files: list[str]) -> str:
    from baclofen_cli.core.cache_key import fingerprint
    from baclofen_cli.core.cache_store import digest

    return digest(fingerprint(files).encode())


def _package_files() -> list[str]:
    files = []
    for folder, _, names in os.walk(_PACKAGE_DIR):
        files += [os.path.join(folder, n) for n in names if n.endswith((".py", ".yaml"))]
    return sorted(files)
