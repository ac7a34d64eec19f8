"""The compiled cache: always equal to a fresh parse, keyed by content, and never required."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest

from baclofen_cli import loader
from conftest import DATA_FILE, invoke, run_cli


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("BACLOFEN_CACHE_DIR", str(directory))
    return directory


def test_cached_form_equals_a_fresh_parse_of_the_yaml(cache_dir: Path) -> None:
    loader.load(DATA_FILE)
    (cached_file,) = cache_dir.glob("kb-*.json")
    cached = msgspec.json.decode(cached_file.read_bytes(), type=loader.Compiled)
    fresh = loader.compile_kb(loader.parse_and_validate(DATA_FILE.read_bytes(), str(DATA_FILE)))
    assert cached.kb == fresh.kb
    assert set(cached.indexes) == set(loader.INDEX_BUILDERS)
    for name in fresh.indexes:
        assert json.loads(bytes(cached.indexes[name])) == json.loads(bytes(fresh.indexes[name]))


def test_second_run_reads_the_cache_without_yaml(cache_dir: Path) -> None:
    env = {"BACLOFEN_CACHE_DIR": str(cache_dir)}
    run_cli(["missed-dose"], env=env)
    probe = run_cli(["missed-dose", "--json"], env={**env, "PYTHONPROFILEIMPORTTIME": "1"})
    assert probe.returncode == 0
    imported = {line.split("|")[-1].strip() for line in probe.stderr.splitlines() if "|" in line}
    assert "yaml" not in imported and "rich" not in imported


def test_editing_the_file_is_seen_at_once(runner, cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "clinic.yaml"
    text = DATA_FILE.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert json.loads(invoke(runner, ["--data", str(path), "storage", "--json"]).stdout)["title"]
    path.write_text(text.replace("\n    title: ", "\n    title: Edited ", 1), encoding="utf-8")
    loader.load.cache_clear()
    first_topic = json.loads(invoke(runner, ["--data", str(path), "topics", "--json"]).stdout)[0]
    assert first_topic["title"].startswith("Edited ")


def test_corrupt_cache_is_ignored_and_replaced(runner, cache_dir: Path) -> None:
    loader.load(DATA_FILE)
    (cached_file,) = cache_dir.glob("kb-*.json")
    cached_file.write_bytes(b'{"kb": {"half')
    loader.load.cache_clear()
    assert invoke(runner, ["missed-dose"]).exit_code == 0
    assert msgspec.json.decode(cached_file.read_bytes(), type=loader.Compiled).kb.drug.name


def test_unwritable_cache_dir_still_works(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result = run_cli(["missed-dose"], env={"BACLOFEN_CACHE_DIR": str(blocker / "cache")})
    assert result.returncode == 0 and result.stderr == ""


def test_no_temporary_files_are_left_behind(cache_dir: Path) -> None:
    loader.load(DATA_FILE)
    assert [p.name for p in cache_dir.iterdir() if p.name.endswith(".tmp")] == []
