"""The parts index: a cached run decodes only the parts of kb.json it reads, and sees exactly what a
whole decode gives (the same topic, the same region's view, the same dict when read whole)."""

from __future__ import annotations

import json
import operator
from pathlib import Path

import pytest

from baclofen_cli.core import cache_store, loader, region
from baclofen_cli.core.record import KnowledgeRecord, Record
from conftest import DATA_FILE


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache entry of the shipped file, written by a first load."""
    monkeypatch.setenv("BACLOFEN_CACHE_DIR", str(tmp_path / "cache"))
    loader.load.cache_clear()
    loader.load(DATA_FILE)
    loader.load.cache_clear()
    (found,) = [p for p in (tmp_path / "cache").iterdir() if p.is_dir()]
    return found


def _whole(entry: Path) -> KnowledgeRecord:
    payload = cache_store.read_cache_file(entry / loader.KB_FILE, entry.name)
    assert payload is not None
    return KnowledgeRecord(json.loads(payload, object_hook=Record))


def test_a_cached_run_decodes_only_what_it_reads(cached: Path) -> None:
    kb = loader.load(DATA_FILE).record
    assert list(dict.keys(kb)) == ["schema_version"]  # nothing else decoded yet
    topic = kb.topic("missed-dose")
    assert topic is not None and topic == _whole(cached).topic("missed-dose")
    assert list(dict.keys(kb)) == ["schema_version"]  # one topic, not the topics
    assert kb.drug == _whole(cached).drug
    assert set(dict.keys(kb)) == {"schema_version", "drug"}
    assert kb.get("no-such-field", "absent") == "absent" and "topics" in kb


def test_read_whole_it_is_the_whole_decode(cached: Path) -> None:
    whole = _whole(cached)
    for read in (dict, list, len, lambda kb: json.dumps(kb, sort_keys=False), lambda kb: list(kb.items())):
        assert read(loader.load(DATA_FILE).record) == read(whole)
        loader.load.cache_clear()
    assert loader.load(DATA_FILE).record == whole
    loader.load.cache_clear()
    assert not operator.ne(loader.load(DATA_FILE).record, whole)  # != on a record not decoded yet


@pytest.mark.parametrize("code", ["us", "uk"])
def test_a_region_sees_each_part_as_the_whole_selection_gives(cached: Path, code: str) -> None:
    lazy = region.select(loader.load(DATA_FILE).record, code)
    whole = region.select(_whole(cached), code)
    assert lazy.topic("overdose") == whole.topic("overdose")
    assert lazy.emergency == whole.emergency
    assert lazy == whole


def test_ranges_for_other_bytes_are_not_used(cached: Path) -> None:
    """kb.json rewritten (another layout of the same data, a hand edit): decoded whole, and still right."""
    whole = _whole(cached)
    cache_store.write_cache_file(cached, loader.KB_FILE, json.dumps(whole, indent=1).encode())
    kb = loader.load(DATA_FILE).record
    assert len(dict.keys(kb)) == len(whole)  # decoded whole at once
    assert kb == whole


def test_a_topic_read_first_is_the_same_object_in_the_list(cached: Path) -> None:
    kb = loader.load(DATA_FILE).record
    first = kb.topic("overview")
    assert any(t is first for t in kb.topics)
