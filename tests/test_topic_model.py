"""The learnt topic model that `ask` blends into its ranking (features/ask/topic_model.py): the
shipped models load and fit their knowledge files, they move questions the word rules alone rank
wrongly to the right topic, and a knowledge file without a usable model (none, damaged, or
trained on other topics, as a clinic's own file would be) is answered by the rules alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from baclofen_cli.features.ask import topic_model as tm
from conftest import DATA_FILE, SPANISH_FILE, run_cli

SHIPPED = [(DATA_FILE, "en"), (SPANISH_FILE, "es")]


def _topic_ids(path: Path) -> list[str]:
    import yaml

    return [t["id"] for t in yaml.safe_load(path.read_text(encoding="utf-8"))["topics"]]


def _first_topic(args: list[str]) -> str | None:
    result = run_cli([*args, "--json"])
    assert result.returncode == 0, result.stderr
    results = json.loads(result.stdout)["results"]
    return results[0]["topic"] if results else None


@pytest.mark.parametrize(("path", "lang"), SHIPPED)
def test_each_shipped_knowledge_file_has_a_model_trained_on_its_own_topics(path: Path, lang: str) -> None:
    model = tm.TopicModel.read(tm.model_path(path))
    assert model is not None, f"{tm.model_path(path)} is missing or unreadable: run tools/train_topic_model.py"
    assert model.fits(_topic_ids(path))
    assert 0.0 < model.share <= 1.0
    probabilities = model.probabilities(["how", "do", "i", "store", "it"] if lang == "en" else
                                        ["donde", "guardo", "las", "pastillas"])
    assert max(probabilities, key=probabilities.__getitem__) == "storage"
    assert abs(sum(probabilities.values()) - 1.0) < 1e-6


# Questions the word rules alone answer from the wrong topic (measured with the model moved away).
LEARNT = [
    (["ask", "baclofen giving me ringing in the ears, anyone else"], "side-effects"),
    (["ask", "headaches every afternoon since the baclofen began, linked?"], "side-effects"),
    (["ask", "for a seven year old how do they work out the baclofen amount"], "dosing"),
    (["--lang", "es", "ask", "las pastillas de baclofeno van con la panza llena o vacia"], "administration"),
    (["--lang", "es", "ask", "machacar pastillas"], "administration"),
]


@pytest.mark.parametrize(("args", "topic"), LEARNT)
def test_the_model_moves_a_question_to_the_topic_it_is_about(args: list[str], topic: str, tmp_path: Path) -> None:
    assert _first_topic(args) == topic
    # The same file without its model: the rules alone, which rank another topic first.
    source = SPANISH_FILE if "es" in args else DATA_FILE
    alone = tmp_path / source.name
    shutil.copy(source, alone)
    rules_only = _first_topic(["--data", str(alone), *[a for a in args if a not in ("--lang", "es")]])
    assert rules_only not in (None, topic)


def test_a_damaged_model_is_ignored_and_the_rules_answer(tmp_path: Path) -> None:
    question = ["ask", "baclofen giving me ringing in the ears, anyone else"]
    alone = tmp_path / "alone" / DATA_FILE.name
    alone.parent.mkdir()
    shutil.copy(DATA_FILE, alone)
    rules_only = _first_topic(["--data", str(alone), *question])
    good = tm.model_path(DATA_FILE).read_bytes()
    # A folder each: a model is read once per process and per path.
    for n, damaged in enumerate((b"not a model", good[: len(good) // 2], tm.MAGIC + b"\xff\xff\xff\x00{")):
        copy = tmp_path / str(n) / DATA_FILE.name
        copy.parent.mkdir()
        shutil.copy(DATA_FILE, copy)
        tm.model_path(copy).write_bytes(damaged)
        assert tm.TopicModel.read(tm.model_path(copy)) is None
        result = run_cli(["--data", str(copy), *question])
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert _first_topic(["--data", str(copy), *question]) == rules_only


def test_a_model_trained_on_other_topics_is_not_used() -> None:
    # A clinic's own file with topics of its own: the shipped model does not fit it.
    model = tm.TopicModel.read(tm.model_path(DATA_FILE))
    assert model is not None
    assert not model.fits([*_topic_ids(DATA_FILE), "clinic-hours"])
    assert not model.fits(_topic_ids(DATA_FILE)[1:])


OUT_OF_SCOPE = [
    ["ask", "what is the capital of peru"],
    ["ask", "how much paracetamol can an adult take in a day"],
    ["ask", "best way to get red wine out of a carpet"],
    ["ask", "how many hours should a teenager sleep"],
    ["--lang", "es", "ask", "cual es la capital de peru"],
    ["--lang", "es", "ask", "cuanto ibuprofeno puede tomar un adulto al dia"],
    ["--lang", "es", "ask", "como quito una mancha de cafe de la camisa"],
]


@pytest.mark.parametrize("args", OUT_OF_SCOPE)
def test_the_model_leaves_out_of_scope_questions_unanswered(args: list[str]) -> None:
    # Turned down by the rules, and the model's "about something else" output agrees (or another
    # medicine is named, when the model is not asked at all).
    assert _first_topic(args) is None


# Turned down by the rules for want of matching words; the model is sure of the topic.
TURNED_DOWN = [
    (["ask", "dizzy spells"], "side-effects"),
    (["ask", "works how"], "how-it-works"),
    (["ask", "explain baclofen to me like im 10"], "overview"),
]


@pytest.mark.parametrize(("args", "topic"), TURNED_DOWN)
def test_the_model_answers_what_the_rules_turned_down_when_it_is_sure(
    args: list[str], topic: str, tmp_path: Path,
) -> None:
    assert _first_topic(args) == topic
    alone = tmp_path / DATA_FILE.name
    shutil.copy(DATA_FILE, alone)
    assert _first_topic(["--data", str(alone), *args]) is None


def test_a_model_without_the_something_else_output_only_re_weighs(tmp_path: Path) -> None:
    # A model file of the first shape (no "elsewhere" output) is read and used for ranking, and
    # never answers what the rules turn down.
    import json as json_module

    raw = tm.model_path(DATA_FILE).read_bytes()
    start = len(tm.MAGIC) + 4
    size = int.from_bytes(raw[len(tm.MAGIC):start], "little")
    header = json_module.loads(raw[start:start + size])
    topics = len(header["topics"])
    buckets = 1 << header["bits"]
    body = raw[start + size:]
    idf, weights = body[:4 * buckets], body[4 * buckets:]
    # Drop the last output's weight from each bucket's row, and its intercept.
    rows = [weights[i * 2 * (topics + 1):(i * (topics + 1) + topics) * 2] for i in range(buckets)]
    for key in ("elsewhere", "answer_at", "elsewhere_at_most"):
        header.pop(key)
    header["intercepts"] = header["intercepts"][:topics]
    head = json_module.dumps(header).encode()
    copy = tmp_path / DATA_FILE.name
    shutil.copy(DATA_FILE, copy)
    tm.model_path(copy).write_bytes(tm.MAGIC + len(head).to_bytes(4, "little") + head + idf + b"".join(rows))
    old = tm.TopicModel.read(tm.model_path(copy))
    assert old is not None and not old.elsewhere
    assert old.sure_answer(["dizzy", "spells"]) is None
    assert _first_topic(["--data", str(copy), "ask", "dizzy spells"]) is None
    assert _first_topic(["--data", str(copy), *LEARNT[0][0]]) == LEARNT[0][1]


@pytest.mark.parametrize(("path", "lang"), SHIPPED)
def test_the_model_is_reproducible_from_the_sets_it_names(path: Path, lang: str) -> None:
    # The header names the question sets it was trained on; each is in tests/, and no set
    # of this session's held-out questions (kept outside the repository) is among them.
    model = tm.TopicModel.read(tm.model_path(path))
    assert model is not None
    header = model.header
    tests = Path(__file__).resolve().parent
    assert header["sets"], header
    for name in header["sets"]:
        assert (tests / name).exists(), name
        assert name.startswith("ask_es_") == (lang == "es"), name
