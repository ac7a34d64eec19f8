"""The compiled cache: always equal to a fresh parse, keyed by content, and never required."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest

from baclofen_cli.core import cache_store, loader
from baclofen_cli.features.ask.index import AskIndex
from conftest import DATA_FILE, SMALL_FILE, invoke, run_cli, validated_kb


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("BACLOFEN_CACHE_DIR", str(directory))
    return directory


def entry(cache_dir: Path) -> Path:
    (found,) = [p for p in cache_dir.iterdir() if p.is_dir()]
    return found


def payload(path: Path) -> bytes:
    """A cache file's content, once its seal is checked."""
    data = cache_store.read_cache_file(path, path.parent.name)
    assert data is not None, path
    return data


def test_cached_form_equals_a_fresh_parse_of_the_yaml(cache_dir: Path) -> None:
    """The cache can never drift from the YAML: every cached file equals a fresh parse."""
    loader.load(DATA_FILE)
    cached = entry(cache_dir)
    names = [loader.KB_FILE, cache_store.ENTRY_MARKER, *(f"{n}.json" for n in loader.INDEX_BUILDERS)]
    assert sorted(p.name for p in cached.iterdir()) == sorted(names)
    fresh = validated_kb(DATA_FILE)  # a parse of the YAML itself (once per session), not the cache
    assert json.loads(payload(cached / loader.KB_FILE)) == msgspec.to_builtins(fresh)
    for name in loader.INDEX_BUILDERS:
        rebuilt = json.loads(msgspec.json.encode(loader._build_index(name, fresh)))
        if name == "ask":  # a header line and its tables in buckets (features/ask/index_tables.py)
            read = AskIndex.from_cache(payload(cached / f"{name}.json")).to_data()
            assert json.loads(msgspec.json.encode(read)) == rebuilt, name
            continue
        assert json.loads(payload(cached / f"{name}.json")) == rebuilt, name


def test_runtime_records_read_like_the_model() -> None:
    """Code written against the msgspec model works on the cached records, field for field."""
    from baclofen_cli.core.model import KnowledgeBase

    compiled = loader.load(DATA_FILE)
    typed = validated_kb(DATA_FILE)
    assert msgspec.convert(compiled.kb, KnowledgeBase) == typed
    assert compiled.kb.topics[0].sections[0].points[0].text == typed.topics[0].sections[0].points[0].text
    assert compiled.kb.topic("pump").title == typed.topic("pump").title
    assert compiled.kb.source_map().keys() == typed.source_map().keys()


def test_model_field_names_never_shadow_dict_methods() -> None:
    import typing

    from baclofen_cli.core import model

    structs = [v for v in vars(model).values() if isinstance(v, type) and issubclass(v, msgspec.Struct)]
    for struct in structs:
        for field in msgspec.structs.fields(struct):
            assert not hasattr(dict, field.encode_name), (struct.__name__, field.encode_name)
    assert typing.get_type_hints(model.KnowledgeBase)


def test_second_run_reads_the_cache_without_yaml(cache_dir: Path) -> None:
    env = {"BACLOFEN_CACHE_DIR": str(cache_dir)}
    run_cli(["missed-dose"], env=env)
    probe = run_cli(["missed-dose", "--json"], env={**env, "PYTHONPROFILEIMPORTTIME": "1"})
    assert probe.returncode == 0
    imported = {line.split("|")[-1].strip() for line in probe.stderr.splitlines() if "|" in line}
    assert "yaml" not in imported and "rich" not in imported and "msgspec" not in imported


def test_editing_the_file_is_seen_at_once(runner, cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "clinic.yaml"
    text = SMALL_FILE.read_text(encoding="utf-8")  # compiled twice: the small fixture, quickly
    path.write_text(text, encoding="utf-8")
    assert json.loads(invoke(runner, ["--data", str(path), "missed-dose", "--json"]).stdout)["title"]
    path.write_text(text.replace("\n    title: ", "\n    title: Edited ", 1), encoding="utf-8")
    loader.load.cache_clear()
    first_topic = json.loads(invoke(runner, ["--data", str(path), "topics", "--json"]).stdout)[0]
    assert first_topic["title"].startswith("Edited ")


def test_corrupt_cache_is_ignored_and_replaced(runner, cache_dir: Path) -> None:
    # A test of the cache, not of the content: the small fixture compiles in a fraction of the time.
    loader.load(SMALL_FILE)
    cached = entry(cache_dir)
    (cached / loader.KB_FILE).write_bytes(b'{"kb": {"half')
    (cached / "drugs.json").write_bytes(b"[1, 2")
    loader.load.cache_clear()
    assert invoke(runner, ["--data", str(SMALL_FILE), "missed-dose"]).exit_code == 0
    assert json.loads(payload(cached / loader.KB_FILE))["drug"]["name"]
    assert invoke(runner, ["--data", str(SMALL_FILE), "interactions", "oxycodone", "--json"]).exit_code == 0
    assert json.loads(payload(cached / "drugs.json"))


def test_unwritable_cache_dir_still_works(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result = run_cli(["missed-dose"], env={"BACLOFEN_CACHE_DIR": str(blocker / "cache")})
    assert result.returncode == 0 and result.stderr == ""


def test_no_temporary_files_are_left_behind(cache_dir: Path) -> None:
    loader.load(DATA_FILE)
    assert [p.name for p in entry(cache_dir).iterdir() if p.name.endswith(".tmp")] == []


def test_old_cache_entries_are_pruned(cache_dir: Path, tmp_path: Path) -> None:
    for n in range(20):
        assert cache_store.make_entry(cache_dir / f"{n:032x}")  # old entries of this cache, with their marker
    loader.load(DATA_FILE)
    remaining = list(cache_dir.iterdir())
    assert len(remaining) == cache_store.CACHE_ENTRIES_KEPT
    assert any((p / loader.KB_FILE).exists() for p in remaining)
