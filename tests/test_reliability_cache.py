"""The cache trusts nothing it did not write: a forged key, another user's files, special files,
a wrong shape, lookalike folders and relative paths (issue 17, items 1, 3, 4 and 9)."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
from pathlib import Path

import pytest
from forge import forge

from baclofen_cli.core import cache_store, loader
from conftest import DATA_FILE, FIXTURES, read_yaml, run_cli, script_path, signal_at_fsync

# The cache is the same code for every file: these tests cache a small one (it compiles in
# hundredths of a second, the shipped file in seconds), named by BACLOFEN_DATA for every run
# (`cached_file`). The forged-collision test keeps the shipped file: its forgery needs its comments.
CACHED_FILE = FIXTURES / "second_drug.yaml"


@pytest.fixture(autouse=True)
def cached_file(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BACLOFEN_DATA", str(CACHED_FILE))
    return CACHED_FILE


def _title_in(path: Path) -> str:
    """The missed-dose title, read from the file (a hard-coded copy went stale once, and the
    tests that rename it then silently renamed nothing)."""
    for line in path.read_text(encoding="utf-8").split("  - id: missed-dose\n", 1)[1].splitlines():
        if line.strip().startswith("title:"):
            return line.split("title:", 1)[1].strip()
    raise AssertionError(f"no missed-dose title in {path}")


SHIPPED_TITLE = _title_in(CACHED_FILE)
is_root = os.name == "posix" and os.geteuid() == 0


def entries(cache: Path) -> list[Path]:
    return [p for p in cache.iterdir() if p.is_dir()]


def only_entry(cache: Path) -> Path:
    (found,) = entries(cache)
    return found


def missed_dose_title(env: dict[str, str], *extra: str) -> str:
    result = run_cli([*extra, "missed-dose", "--json"], env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "internal error" not in result.stderr
    return json.loads(result.stdout)["title"]


def sealed(key: str, name: str, payload: bytes) -> bytes:
    """A cache file in the cache's own format (before the fix: plain JSON)."""
    seal = getattr(cache_store, "seal", None)
    return seal(key, name, payload) if seal else payload


def read_sealed(path: Path, key: str) -> bytes:
    reader = getattr(cache_store, "read_cache_file", None)
    payload = reader(path, key) if reader else path.read_bytes()
    assert payload is not None
    return payload


def shipped_title(path: Path = CACHED_FILE) -> str:

    data = read_yaml(path)
    return next(t["title"] for t in data["topics"] if t["id"] == "missed-dose")


# ------------------------------------------------------------------ 1. the key is a real digest


def forged_copy(tmp_path: Path) -> Path:
    """A valid knowledge file that says something else, with the same length, CRC32 and Adler-32."""
    raw = DATA_FILE.read_bytes()
    title = shipped_title(DATA_FILE).encode()
    edited = raw.replace(b"title: " + title, b"title: FORGED " + title, 1)
    assert edited != raw
    lines, room, kept = edited.split(b"\n"), 0, []
    for line in lines:  # drop comment lines to make room for the steering padding
        if line.lstrip().startswith(b"#") and room < 4000:
            room += len(line) + 1
            continue
        kept.append(line)
    assert room >= 3100, "the shipped file has too few comment lines to forge a collision"
    path = tmp_path / "clinic.yaml"
    path.write_bytes(forge(raw, b"\n".join(kept), pad=3000))
    return path


def test_a_forged_checksum_collision_is_never_served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F1: after one `--data clinic.yaml` run of a crafted file, the shipped guide must still say
    what the shipped file says (with the old length + CRC32 + Adler-32 key it said the forgery)."""
    monkeypatch.delenv("BACLOFEN_DATA")  # the shipped guide itself
    clinic = forged_copy(tmp_path)
    env = {"BACLOFEN_CACHE_DIR": str(tmp_path / "cache")}
    # A valid file someone could hand over (missed_dose_title checks the run succeeds).
    assert missed_dose_title(env, "--data", str(clinic)) == "FORGED " + shipped_title(DATA_FILE)
    assert missed_dose_title(env) == shipped_title(DATA_FILE)
    # The other way round: the shipped file cached first never hides the clinic's own file.
    env = {"BACLOFEN_CACHE_DIR": str(tmp_path / "cache2")}
    assert missed_dose_title(env) == shipped_title(DATA_FILE)
    assert missed_dose_title(env, "--data", str(clinic)) == "FORGED " + shipped_title(DATA_FILE)


# ------------------------------------------------------------------ 3. only our own, private, regular files


def poisoned_entry(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A cache whose entry for the shipped file says a different missed-dose title, written in the
    cache's own format (an attacker knows the format): served only while the file is trusted."""
    env = {"BACLOFEN_CACHE_DIR": str(tmp_path / "cache")}
    run_cli(["missed-dose"], env=env)
    entry = only_entry(tmp_path / "cache")
    kb_file = entry / loader.KB_FILE
    kb = json.loads(read_sealed(kb_file, entry.name))
    next(t for t in kb["topics"] if t["id"] == "missed-dose")["title"] = "POISONED"
    kb_file.write_bytes(sealed(entry.name, loader.KB_FILE, json.dumps(kb).encode()))
    kb_file.chmod(0o600)
    assert missed_dose_title(env) == "POISONED"  # control: the poison is well-formed and would be read
    return env, kb_file


@pytest.mark.parametrize("mode", [0o666, 0o620, 0o602], ids=["world-writable", "group-writable", "other-writable"])
def test_a_cache_file_others_can_write_is_ignored(tmp_path: Path, mode: int) -> None:
    env, kb_file = poisoned_entry(tmp_path)
    kb_file.chmod(mode)
    assert missed_dose_title(env) == shipped_title()


def test_a_cache_entry_folder_others_can_write_is_ignored(tmp_path: Path) -> None:
    env, kb_file = poisoned_entry(tmp_path)
    kb_file.parent.chmod(0o777)
    assert missed_dose_title(env) == shipped_title()
    kb_file.parent.chmod(0o700)
    (tmp_path / "cache").chmod(0o777)  # the root of the cache too
    assert missed_dose_title(env) == shipped_title()


@pytest.mark.skipif(not is_root, reason="needs root to give a file to another user")
def test_a_cache_file_owned_by_another_user_is_ignored(tmp_path: Path) -> None:
    env, kb_file = poisoned_entry(tmp_path)
    os.chown(kb_file, 54321, 54321)
    debug = run_cli(["missed-dose", "--json"], env={**env, "BACLOFEN_DEBUG": "1"})
    assert json.loads(debug.stdout)["title"] == shipped_title()
    assert "baclofen: debug: not using the cache file" in debug.stderr and "owned by user 54321" in debug.stderr
    assert missed_dose_title(env) == shipped_title()  # replaced by a file of our own


def test_a_linked_cache_file_is_ignored(tmp_path: Path) -> None:
    env, kb_file = poisoned_entry(tmp_path)
    elsewhere = tmp_path / "elsewhere.json"
    kb_file.rename(elsewhere)
    kb_file.symlink_to(elsewhere)
    assert missed_dose_title(env) == shipped_title()
    assert elsewhere.read_bytes().count(b"POISONED") == 1  # the link's target was never written either


@pytest.mark.parametrize("name", [loader.KB_FILE, "drugs.json"])
def test_a_cache_file_that_is_a_pipe_never_hangs(tmp_path: Path, name: str) -> None:
    env = {"BACLOFEN_CACHE_DIR": str(tmp_path / "cache")}
    run_cli(["interactions", "beer"], env=env)
    target = only_entry(tmp_path / "cache") / name
    target.unlink()
    os.mkfifo(target)
    result = run_cli(["interactions", "beer", "--json"], env=env, timeout=60)  # used to hang forever
    assert result.returncode == 0 and json.loads(result.stdout)["results"][0]["found"] is True


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # a bug here must not take the machine down


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_cache_file_linked_to_an_endless_device_is_ignored(tmp_path: Path) -> None:
    env = {**os.environ, "BACLOFEN_CACHE_DIR": str(tmp_path / "cache")}
    run_cli(["overview"], env=env)
    kb_file = only_entry(tmp_path / "cache") / loader.KB_FILE
    kb_file.unlink()
    kb_file.symlink_to("/dev/zero")
    result = subprocess.run([script_path(), "missed-dose", "--json"], capture_output=True, text=True, timeout=60,
                            env=env, preexec_fn=_limit_memory)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == shipped_title()


def test_a_cache_file_over_the_size_bound_is_ignored(tmp_path: Path) -> None:
    env, kb_file = poisoned_entry(tmp_path)
    with kb_file.open("ab") as handle:  # sparse: costs no disk
        handle.truncate(cache_store.MAX_CACHE_FILE_BYTES + 1)
    assert missed_dose_title(env) == shipped_title()


@pytest.mark.parametrize("content", [
    b'{"schema_version":1}',
    b'{"schema_version":1,"topics":[{"id":"missed-dose"}]}',
    b'{"schema_version":1,"topics":[],"sources":[]}',
    b'{"schema_version":true}',
])
@pytest.mark.parametrize("seal", [False, True], ids=["hand-written", "sealed"])
def test_a_cache_entry_of_the_wrong_shape_is_rebuilt(tmp_path: Path, content: bytes, seal: bool) -> None:
    """F11: these once made every later command fail ("internal error", or "no topic") until the
    cache was deleted by hand. Sealed: even one in the cache's own format (a bug, a future version)."""
    env = {"BACLOFEN_CACHE_DIR": str(tmp_path / "cache")}
    run_cli(["missed-dose"], env=env)
    entry = only_entry(tmp_path / "cache")
    kb_file = entry / loader.KB_FILE
    kb_file.write_bytes(sealed(entry.name, loader.KB_FILE, content) if seal else content)
    assert missed_dose_title(env) == shipped_title()
    assert missed_dose_title(env) == shipped_title()
    assert json.loads(read_sealed(kb_file, entry.name))["drug"]["name"]  # rebuilt, not left broken


@pytest.mark.parametrize("content", [b'{"names_list": 5}', b"[]", b'{"keys": [], "entries": {}}'])
def test_an_index_of_the_wrong_shape_is_rebuilt(tmp_path: Path, content: bytes) -> None:
    env = {"BACLOFEN_CACHE_DIR": str(tmp_path / "cache")}
    run_cli(["interactions", "beer"], env=env)
    entry = only_entry(tmp_path / "cache")
    (entry / "drugs.json").write_bytes(content)
    for _ in range(2):
        result = run_cli(["interactions", "beer", "--json"], env=env)
        assert result.returncode == 0 and "internal error" not in result.stderr, result.stderr
        assert json.loads(result.stdout)["results"][0]["matches"][0]["severity"] == "major"


# ------------------------------------------------------------------ 4. pruning removes only our entries

LOOKALIKES = ["2024-05-01-1530", "2024-05-01-1", "cafe-babe-dead-beef", "0-00000000-00000000-00000000",
              "a" * 32, "b" * 40]


def test_pruning_never_removes_lookalike_folders(tmp_path: Path) -> None:
    """F5: folders named like dates or hex numbers, with the user's files in them, survive however
    many versions of a knowledge file are cached; the cache keeps at most its own few entries."""
    folder = tmp_path / "mydocs"
    folder.mkdir()
    for name in LOOKALIKES:
        (folder / name).mkdir()
        (folder / name / "report.pdf").write_text("mine", encoding="utf-8")
        os.utime(folder / name, (0, 0))  # the oldest things in the folder
    (folder / "empty-2024-06-01-0900").mkdir()
    data = CACHED_FILE.read_text(encoding="utf-8")
    env = {"BACLOFEN_CACHE_DIR": str(folder)}
    for n in range(cache_store.CACHE_ENTRIES_KEPT + 3):
        version = tmp_path / f"clinic-{n}.yaml"
        renamed = data.replace(f"title: {SHIPPED_TITLE}", f"title: {SHIPPED_TITLE} ({n})", 1)
        assert renamed != data
        version.write_text(renamed, "utf-8")
        assert missed_dose_title(env, "--data", str(version)).endswith(f"({n})")
    for name in LOOKALIKES:
        assert (folder / name / "report.pdf").read_text(encoding="utf-8") == "mine", name
    assert (folder / "empty-2024-06-01-0900").is_dir()
    ours = [p for p in folder.iterdir() if p.name not in LOOKALIKES and p.name != "empty-2024-06-01-0900"]
    assert len(ours) == cache_store.CACHE_ENTRIES_KEPT
    assert all((p / cache_store.ENTRY_MARKER).is_file() for p in ours)


def test_an_entry_with_a_file_of_the_users_is_never_emptied(tmp_path: Path) -> None:
    """Even one of our own entries is only removed file by file, our files only: a file the user put
    in it stays, and so does the folder."""
    folder = tmp_path / "cache"
    env = {"BACLOFEN_CACHE_DIR": str(folder)}
    run_cli(["overview"], env=env)
    first = only_entry(folder)
    (first / "notes.txt").write_text("mine", encoding="utf-8")
    os.utime(first, (0, 0))
    data = CACHED_FILE.read_text(encoding="utf-8")
    for n in range(cache_store.CACHE_ENTRIES_KEPT + 1):
        version = tmp_path / f"v{n}.yaml"
        renamed = data.replace(f"title: {SHIPPED_TITLE}", f"title: {SHIPPED_TITLE} {n}", 1)
        assert renamed != data
        version.write_text(renamed, "utf-8")
        run_cli(["--data", str(version), "overview"], env=env)
    assert (first / "notes.txt").read_text(encoding="utf-8") == "mine"


# ------------------------------------------------------------------ 9. relative paths, killed writes


def test_a_relative_xdg_cache_home_is_ignored(tmp_path: Path) -> None:
    """The XDG spec: a relative path in XDG_CACHE_HOME is invalid and must be ignored."""
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    for value in ("relcache", "./relcache", " "):
        result = run_cli(["overview"], env={"XDG_CACHE_HOME": value, "HOME": str(home)}, cwd=work)
        assert result.returncode == 0, result.stderr
        assert list(work.iterdir()) == [], value
    assert (home / ".cache" / "baclofen-cli").is_dir()  # the default was used instead


def test_a_blank_cache_dir_variable_is_ignored(tmp_path: Path) -> None:
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    result = run_cli(["overview"], env={"BACLOFEN_CACHE_DIR": "  ", "HOME": str(home), "XDG_CACHE_HOME": ""}, cwd=work)
    assert result.returncode == 0 and list(work.iterdir()) == []




@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name an open file")
def test_a_killed_cache_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """SIGKILL cannot be caught: the temporary file it leaves is removed by the next run."""
    cache = tmp_path / "cache"
    env = {"BACLOFEN_CACHE_DIR": str(cache)}
    killed = run_cli(["missed-dose"], env={**env, **signal_at_fsync(tmp_path, f".{loader.KB_FILE}.", signal.SIGKILL)})
    assert killed.returncode == -signal.SIGKILL
    assert [p.name for p in only_entry(cache).iterdir() if p.name.endswith(".tmp")]  # the kill did leave one
    assert missed_dose_title(env) == shipped_title()
    assert [p.name for p in only_entry(cache).iterdir() if p.name.endswith(".tmp")] == []


def test_a_linked_entry_folder_is_neither_read_nor_written_through(tmp_path: Path) -> None:
    """F4: an entry folder replaced by a link made the next run write kb.json, drugs.json and
    ask.json into whatever folder the link pointed to."""
    env = {"BACLOFEN_CACHE_DIR": str(tmp_path / "cache")}
    run_cli(["overview"], env=env)
    entry = only_entry(tmp_path / "cache")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "ask.json").write_text("mine", encoding="utf-8")
    import shutil

    shutil.rmtree(entry)
    entry.symlink_to(elsewhere, target_is_directory=True)
    assert missed_dose_title(env) == shipped_title()
    assert run_cli(["ask", "i forgot my pill"], env=env).returncode == 0
    assert sorted(p.name for p in elsewhere.iterdir()) == ["ask.json"]
    assert (elsewhere / "ask.json").read_text(encoding="utf-8") == "mine"
