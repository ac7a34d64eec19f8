"""`baclofen ask`: ranking accuracy on real-patient phrasings, emergencies, out of scope, the
JSON contract, and that the index comes from the knowledge file (a clinic's file works too)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from baclofen_cli.features.ask import answer as engine
from baclofen_cli.features.ask import emergency as ask_emergency
from baclofen_cli.features.ask import question as ask_question
from baclofen_cli.features.ask import rank as ask_rank
from baclofen_cli.features.ask import scope as ask_scope
from baclofen_cli.features.ask import tokens as ask_tokens
from conftest import DATA_FILE, SMALL_FILE, ask_engine, invoke, read_yaml, run_cli

TESTS = Path(__file__).resolve().parent
PHRASINGS_FILE = TESTS / "ask_phrasings.yaml"
# Three sets of real-patient style questions, none copied into the knowledge file:
#   ask_phrasings      the first set (written with the first version of `ask`);
#   ask_holdout        two thirds of a second set, written before `ask` was reworked and used
#                      while improving it;
#   ask_holdout_final  the other third of that set, split off at random and not looked at
#                      while improving; measured once at the end (see the README section);
#   ask_probes         five more sets written one at a time while improving, each measured
#                      once while unseen (scores in the file), then used to find weaknesses.
SETS = ["ask_phrasings", "ask_holdout", "ask_holdout_final", "ask_probes"]
# Out-of-scope probes that `ask` still answers (questions about something else made of the
# guide's own words): listed so that any new one fails the test.
KNOWN_ANSWERED_PROBES = {
    "is walking good for back pain",
    "can i take antibiotics with the pill",
    "is it normal to feel tired in the afternoon",
    "how long does it take to recover from a stroke",
    "do you know any good neurologists",
    "can you tell me a story",
    # Answered from the common-questions topic added on main (diet and weight content).
    "what should i eat to lose weight",
}
ESC = "\x1b"
# The issue's thresholds.
MIN_TOP1 = 0.92
MAX_FALSE_ALARMS = 1


def _load(name: str) -> dict:
    return read_yaml(TESTS / f"{name}.yaml")


@pytest.fixture(scope="module")
def phrasings() -> dict:
    return _load("ask_phrasings")


@pytest.fixture(scope="module")
def engine_kb():  # noqa: ANN201
    return ask_engine(DATA_FILE)


def _answers(engine_kb, questions: list[str]) -> list[engine.Answer]:  # noqa: ANN001
    kb, index = engine_kb
    return [engine.answer(kb, index, q) for q in questions]


def engine_kb_topics() -> list[str]:
    data = read_yaml(DATA_FILE)
    return [t["id"] for t in data["topics"]]


# ---------------------------------------------------------------------------- the phrasing sets
def test_the_first_set_is_big_enough_and_covers_every_topic(phrasings: dict) -> None:
    items = phrasings["phrasings"]
    assert len(items) >= 60
    assert {i["topic"] for i in items} == set(engine_kb_topics())
    assert sum(i["emergency"] for i in items) >= 8
    assert len(phrasings["out_of_scope"]) >= 15


def test_the_holdout_set_is_big_enough_and_covers_every_topic() -> None:
    """At least 120 questions over all 14 topics, with emergencies, symptom questions that
    must not alarm, and out-of-scope questions; both parts cover every topic."""
    dev, final = _load("ask_holdout"), _load("ask_holdout_final")
    items = dev["phrasings"] + final["phrasings"]
    assert len(items) >= 120
    for part in (dev, final):
        assert {i["topic"] for i in part["phrasings"]} == set(engine_kb_topics())
        assert sum(i["emergency"] for i in part["phrasings"]) >= 5
    assert sum(i["emergency"] for i in items) >= 15
    assert len(dev["out_of_scope"]) + len(final["out_of_scope"]) >= 25
    assert not {i["q"] for i in dev["phrasings"]} & {i["q"] for i in final["phrasings"]}


@pytest.mark.parametrize("name", SETS)
def test_none_of_the_test_phrasings_is_copied_into_the_knowledge_file(name: str) -> None:
    data = read_yaml(DATA_FILE)
    hints = data["ask"]["topic_phrasings"]
    in_file = {" ".join(p.lower().split()) for values in hints.values() for p in values}
    copied = [i["q"] for i in _load(name)["phrasings"] if " ".join(i["q"].lower().split()) in in_file]
    assert copied == []


@pytest.mark.parametrize("name", SETS)
def test_top1_accuracy_is_at_least_92_percent(name: str, engine_kb) -> None:  # noqa: ANN001
    items = _load(name)["phrasings"]
    answers = _answers(engine_kb, [i["q"] for i in items])
    wrong = [
        (i["q"], i["topic"], a.results[0]["topic"] if a.results else None)
        for i, a in zip(items, answers)
        if not a.results or a.results[0]["topic"] != i["topic"]
    ]
    accuracy = 1 - len(wrong) / len(items)
    print(f"\n{name}: ask top-1 accuracy {len(items) - len(wrong)}/{len(items)} = {accuracy:.1%}; misses: {wrong}")
    assert accuracy >= MIN_TOP1, wrong


@pytest.mark.parametrize("name", SETS)
def test_every_emergency_is_raised_and_at_most_one_false_alarm(name: str, engine_kb) -> None:  # noqa: ANN001
    data = _load(name)
    items = data["phrasings"]
    answers = _answers(engine_kb, [i["q"] for i in items])
    missed = [i["q"] for i, a in zip(items, answers) if i["emergency"] and not a.emergency]
    false_alarms = [i["q"] for i, a in zip(items, answers) if a.emergency and not i["emergency"]]
    false_alarms += [q for q, a in zip(data["out_of_scope"], _answers(engine_kb, data["out_of_scope"])) if a.emergency]
    print(f"\n{name}: emergencies missed: {missed}; false alarms: {false_alarms}")
    assert missed == []
    assert len(false_alarms) <= MAX_FALSE_ALARMS, false_alarms


@pytest.mark.parametrize("name", SETS[:3])
def test_nothing_is_answered_for_out_of_scope_questions(name: str, engine_kb) -> None:  # noqa: ANN001
    questions = _load(name)["out_of_scope"]
    answers = _answers(engine_kb, questions)
    answered = [(q, a.results[0]["topic"]) for q, a in zip(questions, answers) if a.results]
    assert answered == []


def test_out_of_scope_probes_answered_are_only_the_known_ones(engine_kb) -> None:  # noqa: ANN001
    questions = _load("ask_probes")["out_of_scope"]
    answered = {q for q, a in zip(questions, _answers(engine_kb, questions)) if a.results}
    print(f"\nask_probes: {len(answered)}/{len(questions)} out-of-scope questions answered: {sorted(answered)}")
    assert answered <= KNOWN_ANSWERED_PROBES


def test_report_threshold_margin(engine_kb) -> None:  # noqa: ANN001
    """The numbers behind MIN_SCORE (run with -s to see them). Questions that neither name the
    medicine nor say "it", "my tablets" or "the dose" need MIN_SCORE; out-of-scope questions
    of that kind must score below it, in-scope ones mostly above."""
    kb, index = engine_kb
    out_scores, in_scores = [], []
    for name in SETS[:2]:
        data = _load(name)
        for q, bucket in [*((q, out_scores) for q in data["out_of_scope"]),
                          *((i["q"], in_scores) for i in data["phrasings"])]:
            words = ask_question.analyse(q, index)
            ranked = ask_rank.rank(index, words)
            rules = ask_emergency.emergency_rules(words, index)
            floor = ask_scope.min_score(words, index, ranked, bool(rules))
            if floor == ask_scope.MIN_SCORE:
                bucket.append(ranked[0].score if ranked else 0.0)
    below = sum(1 for s in in_scores if s < ask_scope.MIN_SCORE)
    print(
        f"\nMIN_SCORE {ask_scope.MIN_SCORE} (questions with no reference to the medicine): "
        f"out-of-scope max {max(out_scores):.2f} of {len(out_scores)}; in-scope min {min(in_scores):.2f}, "
        f"median {sorted(in_scores)[len(in_scores) // 2]:.2f}, {below}/{len(in_scores)} below"
    )
    assert max(out_scores) < ask_scope.MIN_SCORE
    assert below <= len(in_scores) // 10


# ---------------------------------------------------------------------------- behaviour
@pytest.mark.parametrize(
    ("question", "emergency"),
    [
        ("does it make you dizzy", False),
        ("can baclofen cause seizures", False),
        ("what are the signs of an overdose", False),
        ("no fever since i stopped", False),
        ("i dont think i took too many", False),
        ("i took too mnay pills", True),
        ("my son had a siezure", True),
        ("he is not breathing", True),
        ("i stopped baclofen and now i have a high fever", True),
        # Described in everyday words, across sentences, with contractions.
        ("he ran out 3 days ago. now he's seeing bugs on the wall", True),
        ("she's not breathing right", True),
        ("he won't wake up", True),
        ("he's fitting", True),
        ("i took 8 tablets", True),
        ("my 3 year old got hold of my baclofen", True),
        ("gave my son 10ml instead of 1ml", True),
        ("the pump alarm keeps going off and he has a fever", True),
        ("her lips and tongue are swelling up", True),
        # Asked about, in the past history, negated, or a condition someone has.
        ("can baclofen give you fits", False),
        ("can coming off baclofen give you a high temperature", False),
        ("what happens if i have a seizure", False),
        ("how many baclofen would be an overdose", False),
        ("i had seizures as a child, can i take baclofen", False),
        ("my son has cp and has seizures, can he take baclofen", False),
        ("am i fit to drive on it", False),
        ("i swallowed my tablet without water", False),
        ("can baclofen tablets be crushed for a peg", False),
        ("is it normal to feel faint when i stand up", False),
    ],
)
def test_emergency_detection(engine_kb, question: str, emergency: bool) -> None:  # noqa: ANN001
    assert _answers(engine_kb, [question])[0].emergency is emergency


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        # Another medicine, without this one: about that medicine, not this guide's.
        ("side effects of metformin", False),
        ("what is ibuprofen used for", False),
        ("can i drink alcohol on antibiotics", False),
        ("what dose of vitamin d should i take", False),
        # ... unless it only asks whether it goes with this one.
        ("beer?", True),
        ("can i take ibuprofen", True),
        # "what is ..." about an illness, and "it" replaced by something else.
        ("what is multiple sclerosis", False),
        ("how long does a cold last", False),
        ("how are you today", False),
        ("what time is it", False),
        # Only the medicine's name.
        ("wat is baclofen", True),
        ("baclofen?", True),
    ],
)
def test_what_is_in_scope(engine_kb, question: str, answered: bool) -> None:  # noqa: ANN001
    assert bool(_answers(engine_kb, [question])[0].results) is answered


def test_contractions_and_texting_are_written_out() -> None:
    assert ask_tokens.tokenize("i cant breathe, u know, its 2pm") == [
        "i", "can", "not", "breathe", ",", "you", "know", ",", "its", "2", "pm"
    ]
    assert ask_tokens.tokenize("Won\u2019t wake up") == ["will", "not", "wake", "up"]
    assert ask_tokens.stem("took") == ask_tokens.stem("taking") == ask_tokens.stem("takes")
    assert ask_tokens.is_past("took") and not ask_tokens.is_past("take")


def test_typos_are_read_as_the_closest_known_word(engine_kb) -> None:  # noqa: ANN001
    answer = _answers(engine_kb, ["is it safe when im pergnant"])[0]
    assert answer.results[0]["topic"] == "pregnancy"
    assert answer.corrections == {"pergnant": "pregnant"}


def test_json_shape_exactly_as_in_the_issue(runner) -> None:  # noqa: ANN001
    result = invoke(runner, ["ask", "--json", "i forgot my pill"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"query", "emergency", "caution", "notices", "results", "unread", "region", "reviewed",
                         "language"}
    assert data["query"] == "i forgot my pill"
    assert data["emergency"] is False and data["caution"] is False
    assert data["notices"] == [] and data["unread"] == 0
    assert data["results"], data
    for item in data["results"]:
        assert set(item) == {"topic", "section", "kind", "score", "text"}
        assert item["kind"] in ("info", "warning", "emergency")
        assert isinstance(item["score"], float)
        assert all(isinstance(t, str) and t for t in item["text"])
    assert data["results"][0]["topic"] == "missed-dose"
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True)


def test_json_out_of_scope_has_empty_results(runner) -> None:  # noqa: ANN001
    result = invoke(runner, ["ask", "--json", "what is the capital of France"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "query": "what is the capital of France", "emergency": False, "caution": False, "notices": [], "results": [],
        "unread": 0, "region": None, "reviewed": "2026-11-21", "language": "en",
    }


def test_text_answer_names_the_topic_and_its_command(runner) -> None:  # noqa: ANN001
    result = invoke(runner, ["ask", "I forgot my pill this morning"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Best match: What if I miss a dose?")
    assert "Read the whole topic: baclofen missed-dose" in result.stdout
    assert "GET HELP NOW" not in result.stdout


def test_the_question_may_be_given_without_quotes(runner) -> None:  # noqa: ANN001
    result = invoke(runner, ["ask", "--json", "can", "i", "drink", "beer"])
    data = json.loads(result.stdout)
    assert data["query"] == "can i drink beer"
    assert data["results"][0]["topic"] == "interactions"


def test_emergency_box_comes_first_above_the_answer(runner) -> None:  # noqa: ANN001
    result = invoke(runner, ["ask", "my dad took too many baclofen and wont wake up"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("!! GET HELP NOW")
    assert "911" in out and "999" in out and "112" in out and "1-800-222-1222" in out
    assert out.index("GET HELP NOW") < out.index("Best match")
    data = json.loads(invoke(runner, ["ask", "--json", "my dad took too many baclofen and wont wake up"]).stdout)
    assert data["emergency"] is True
    assert data["results"][0]["topic"] == "overdose"


def test_out_of_scope_says_it_does_not_know_and_lists_topics(runner) -> None:  # noqa: ANN001
    result = invoke(runner, ["ask", "what is the capital of France"])
    assert result.exit_code == 0
    assert 'Sorry, this guide has no answer for "what is the capital of France".' in result.stdout
    for topic_id in engine_kb_topics():
        assert f"  {topic_id} " in result.stdout
    assert "Best match" not in result.stdout


@pytest.mark.parametrize("args", [["ask"], ["ask", ""], ["ask", "   "]])
def test_empty_question_is_a_usage_error(runner, args: list[str]) -> None:  # noqa: ANN001
    result = invoke(runner, args)
    assert result.exit_code == 2
    assert "the question is empty" in result.output


def test_a_named_drug_points_to_the_interactions_command(runner) -> None:  # noqa: ANN001
    result = invoke(runner, ["ask", "can I take xanax with baclofen"])
    assert result.exit_code == 0
    assert "baclofen interactions xanax" in result.stdout
    data = json.loads(invoke(runner, ["ask", "--json", "can I take xanax with baclofen"]).stdout)
    assert data["results"][0]["topic"] == "interactions"


def test_escape_codes_in_the_question_are_never_echoed(runner) -> None:  # noqa: ANN001
    result = invoke(runner, ["ask", "\x1b[31mwhat is the capital\x1b]0;pwned\x07 of France"])
    assert result.exit_code == 0
    assert ESC not in result.stdout and "\x07" not in result.stdout


def test_a_very_long_question_is_answered_quickly(engine_kb) -> None:  # noqa: ANN001
    import time

    start = time.perf_counter()
    _answers(engine_kb, ["forgot my pill " * 5000 + "zzzq" * 2000])
    assert time.perf_counter() - start < 2


def test_real_script_plain_when_piped_and_colour_on_request() -> None:
    plain = run_cli(["ask", "does it make you sleepy"])
    assert plain.returncode == 0, plain.stderr
    assert ESC not in plain.stdout
    assert plain.stdout.startswith("Best match: What side effects can baclofen cause?")
    colour = run_cli(["--color", "ask", "does it make you sleepy"])
    assert colour.returncode == 0, colour.stderr
    assert ESC in colour.stdout and "What side effects can baclofen cause?" in colour.stdout


def test_a_clinic_file_gets_its_own_index(tmp_path: Path, runner) -> None:  # noqa: ANN001
    """The index is derived from whichever file is loaded: new phrasings and topics work. (A code
    test: the small fixture, the shipped file's text cut down, compiles in a fraction of the time.)"""
    data = read_yaml(SMALL_FILE)
    clinic = {
        "id": "clinic-hours",
        "title": "Our clinic",
        "summary": {"text": "The pump clinic is open on weekdays.", "sources": ["s23"]},
        "sections": [{"heading": "Opening times", "points": [{"text": "We are open 9 to 5.", "sources": ["s23"]}]}],
    }
    data["topics"].append(clinic)
    data["ask"]["topic_phrasings"]["clinic-hours"] = ["when is the clinic open", "opening hours of the clinic"]
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = invoke(runner, ["--data", str(path), "ask", "--json", "what are the clinic opening hours"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"][0]["topic"] == "clinic-hours"
    text = invoke(runner, ["--data", str(path), "ask", "what are the clinic opening hours"]).stdout
    assert "Read the whole topic: baclofen show clinic-hours" in text


def test_a_file_without_ask_hints_still_answers(tmp_path: Path, runner) -> None:  # noqa: ANN001
    data = read_yaml(SMALL_FILE)
    # Only the emergency phrasings stay: without them validate refuses the file (BCL040).
    data["ask"] = {"emergency_phrasings": data["ask"]["emergency_phrasings"]}
    path = tmp_path / "plain.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = invoke(runner, ["--data", str(path), "ask", "--json", "how should I swallow the tablets"])
    assert result.exit_code == 0, result.output
    # Found from the topics' own words: no phrasing in the file names this question.
    assert json.loads(result.stdout)["results"][0]["topic"] == "administration"
