"""The `ask` index's cached form (features/ask/index_tables.py): a header line and its large tables
in buckets, read back key for key and in order, a lookup decoding one bucket, and a file of any
other form (an older version's, cut short, out of range) rebuilt rather than used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from baclofen_cli.core import cache_store
from baclofen_cli.features.ask import index_tables
from baclofen_cli.features.ask.index import AskIndex
from conftest import FIXTURES, run_cli

CACHED_FILE = FIXTURES / "second_drug.yaml"


def tables() -> dict[str, object]:
    """Tables of every kind the index has: sorted keys, keys in build order, nested values, a word list, empty."""
    return {
        "postings": {f"stem{n:03d}": f"{n} 1 {n + 7} 2" for n in range(300, 0, -1)},  # not sorted
        "surface": {f"word{n:04d}": f"w{n}" for n in range(400)},  # sorted, as build_index writes it
        "synonyms": {"past_": [["a", "b"], ["c"]], "zed": [["z"]], "alpha beta": [["ab"]]},
        "drugs": {},
        "drug_stems": {"ñandú": "Ñandú", "é": "É", "a": "A"},  # not sorted, non-ASCII
        "plain_words": sorted(f"plain{n}" for n in range(100)),
    }


def decoded(data: dict[str, object]) -> dict[str, object]:
    return index_tables.decode(index_tables.encode({"head_field": [1, 2], **data}))


def test_every_table_reads_back_key_for_key_and_in_its_order() -> None:
    built = tables()
    read = decoded(built)
    assert read["head_field"] == [1, 2]
    for name, table in built.items():
        lazy = read[name]
        assert isinstance(lazy, index_tables.LazyTable)
        assert len(lazy) == len(table)
        keys = list(table)
        assert list(lazy) == keys, name  # the build's order, sorted or not
        for key in keys:
            assert key in lazy
            if name not in index_tables.WORD_SETS:
                assert lazy[key] == table[key] and lazy.get(key) == table[key]
        if name not in index_tables.WORD_SETS:
            assert lazy.whole() == table


@pytest.mark.parametrize("missing", ["absent", "", "\udcff", "word0400", 5, None])
def test_a_key_not_in_a_table_is_not_found(missing: object) -> None:
    """Nor does it fail: a question's word may be anything, even undecodable command-line bytes."""
    read = decoded(tables())
    for name in index_tables.LAZY_TABLES:
        assert missing not in read[name]
        assert read[name].get(missing, "default") == "default"
        assert {missing} & read[name].keys() == set()  # the view, as scope.py uses it
        with pytest.raises(KeyError):
            read[name][missing]


def test_a_lookup_decodes_only_the_bucket_of_its_key() -> None:
    surface = decoded(tables())["surface"]
    assert "word0001" in surface and "nothing" not in surface
    decoded_buckets = [b for b in surface._buckets if b is not None]
    assert 1 <= len(decoded_buckets) <= 2 < len(surface._buckets)
    assert sum(map(len, decoded_buckets)) < len(surface) / 4
    assert {"word0002", "nothing"} & surface.keys() == {"word0002"}  # a set with the view: lookups too
    assert surface._whole is None


def test_the_shipped_index_reads_back_as_built(shipped_index_payload: tuple[dict, bytes]) -> None:
    data, payload = shipped_index_payload
    read = AskIndex.from_cache(payload).to_data()
    assert json.loads(json.dumps(read)) == data
    for name in index_tables.LAZY_TABLES:
        assert list(read[name]) == list(data[name]), name


@pytest.fixture(scope="module")
def shipped_index_payload() -> tuple[dict, bytes]:
    import msgspec

    from baclofen_cli.core import loader
    from baclofen_cli.features.ask.index import build_index

    built = build_index(loader.load(CACHED_FILE).typed())
    return json.loads(msgspec.json.encode(built.to_data())), built.to_cache()


def _answer(env: dict[str, str]) -> dict:
    result = run_cli(["ask", "--json", "what if I forget a dose"], env=env, timeout=60)
    assert result.returncode == 0 and "internal error" not in result.stderr, result.stderr
    return json.loads(result.stdout)


def _damaged(payload: bytes, how: str) -> bytes:
    header, _, blob = payload.partition(b"\n")
    if how == "older form":  # what versions before the buckets wrote: the index as one JSON document
        return json.dumps(AskIndex.from_cache(payload).to_data()).encode()
    if how == "cut short":
        return payload[: len(payload) // 2]
    if how == "no header line":
        return header
    if how == "another form":
        return header.replace(b'"form":2', b'"form":3', 1) + b"\n" + blob
    if how == "a range outside the file":
        parsed = json.loads(header)
        parsed["tables"]["surface"][1][-1] = len(blob) + 10
        return json.dumps(parsed).encode() + b"\n" + blob
    if how == "bytes no table holds":
        return payload + b"{}"
    if how == "a document row cut short":
        parsed = json.loads(header)
        parsed["head"]["docs"][0] = parsed["head"]["docs"][0][:3]
        return json.dumps(parsed).encode() + b"\n" + blob
    if how == "a table missing":
        parsed = json.loads(header)
        del parsed["tables"]["drugs"]
        return json.dumps(parsed).encode() + b"\n" + blob
    return b"\x00garbage"


@pytest.mark.parametrize("how", ["older form", "cut short", "no header line", "another form",
                                 "a range outside the file", "bytes no table holds", "a document row cut short",
                                 "a table missing", "garbage"])
@pytest.mark.parametrize("seal", [False, True], ids=["hand-written", "sealed"])
def test_an_ask_index_of_another_form_is_rebuilt(tmp_path: Path, how: str, seal: bool) -> None:
    """An upgrade finds the older form (sealed by the older version); a crash or an edit leaves a
    file cut short or changed: each is rebuilt, and the answer is the one a fresh cache gives."""
    env = {"BACLOFEN_CACHE_DIR": str(tmp_path / "cache"), "BACLOFEN_DATA": str(CACHED_FILE)}
    expected = _answer(env)
    (entry,) = [p for p in (tmp_path / "cache").iterdir() if p.is_dir()]
    ask_file = entry / "ask.json"
    payload = cache_store.read_cache_file(ask_file, entry.name)
    assert payload is not None
    content = _damaged(payload, how)
    ask_file.write_bytes(cache_store.seal(entry.name, "ask.json", content) if seal else content)
    assert _answer(env) == expected
    assert _answer(env) == expected
    rebuilt = cache_store.read_cache_file(ask_file, entry.name)
    assert rebuilt == payload  # written again in the current form
