"""`baclofen quiz`: the draw, piped answers, bad answers, stopping early, a real terminal, and the quiz data."""

from __future__ import annotations

import json
import os
import re
import signal
import sys
from pathlib import Path

import pytest
import yaml

from baclofen_cli.cli.spec import TOPIC_COMMANDS
from conftest import DATA_FILE, invoke, read_yaml, run_cli, script_path

ESC = "\x1b"


@pytest.fixture(scope="module")
def data() -> dict:
    return read_yaml(DATA_FILE)


def drawn(runner, *args: str) -> dict:
    result = invoke(runner, ["quiz", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def wrong_letter(item: dict) -> str:
    return next(c["letter"] for c in item["choices"] if not c["correct"])


# --------------------------------------------------------------------------- the data


@pytest.mark.content
def test_at_least_25_items_covering_every_topic(data: dict) -> None:
    quiz = data["quiz"]
    assert len(quiz) >= 25
    assert {item["topic"] for item in quiz} >= set(TOPIC_COMMANDS)
    for item in quiz:
        assert sum(1 for c in item.get("choices", []) if c.get("correct")) == 1, item["id"]
        assert 2 <= len(item["choices"]) <= 6
        assert item["sources"] and item["explanation"].strip()


@pytest.mark.content
def test_items_cover_the_safety_essentials(data: dict) -> None:
    text = " ".join(
        " ".join([i["question"], i["explanation"], *(c["text"] for c in i["choices"])]) for i in data["quiz"]
    ).casefold()
    for must in ("double dose", "stop", "suddenly", "alcohol", "opioid", "too much", "two-tone alarm", "refill",
                 "poison line", "strength", "drive", "slow breathing", "children"):
        assert must in text, must


@pytest.mark.content
def test_quiz_texts_name_no_region_numbers(data: dict) -> None:
    # Quiz texts are not region-filtered, so a number for one country would mislead a reader in another.
    numbers = {c["number"] for c in data["emergency"]["contacts"]}
    for item in data["quiz"]:
        text = " ".join([item["question"], item["explanation"], *(c["text"] for c in item["choices"])])
        found = {n for n in numbers if re.search(rf"(?<![\d-]){re.escape(n)}(?![\d-])", text)}
        assert not found, (item["id"], found)


def test_the_right_answers_are_not_always_in_the_same_place(data: dict) -> None:
    positions = {next(i for i, c in enumerate(item["choices"]) if c.get("correct")) for item in data["quiz"]}
    assert len(positions) >= 3


def test_validate_finds_no_problem_in_the_quiz() -> None:
    result = run_cli(["validate", "--json"])
    problems = json.loads(result.stdout)["problems"]
    assert [p for p in problems if p["field"].startswith("quiz")] == []


def test_validate_checks_quiz_items(tmp_path: Path, data: dict) -> None:
    bad = json.loads(json.dumps(data))
    quiz = bad["quiz"]
    quiz[0]["choices"][0]["correct"] = True
    quiz[0]["choices"][1]["correct"] = True
    quiz[1]["topic"] = "no-such-topic"
    quiz[2]["sources"] = ["s1", "nowhere"]
    quiz[3]["choices"].append({"text": "  " + quiz[3]["choices"][0]["text"].upper() + "."})
    quiz[4]["choices"] = [{"text": f"choice {n}", "correct": n == 0} for n in range(7)]
    path = tmp_path / "bad-quiz.yaml"
    path.write_text(yaml.safe_dump(bad, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_cli(["validate", str(path), "--json"])
    assert result.returncode == 1
    found = {(p["code"], p["field"]) for p in json.loads(result.stdout)["problems"]}
    assert ("BCL006", "quiz[0].choices") in found
    assert ("BCL004", "quiz[1].topic") in found
    assert ("BCL002", "quiz[2].sources[1]") in found
    assert ("BCL005", f"quiz[3].choices[{len(quiz[3]['choices']) - 1}].text") in found
    assert ("BCL006", "quiz[4].choices") in found
    # The loader refuses such a file for the quiz too: one clear line, exit 2.
    run = run_cli(["--data", str(path), "quiz", "--json"])
    assert run.returncode == 2 and "Traceback" not in run.stderr


# --------------------------------------------------------------------------- the draw


def test_json_gives_the_drawn_items_with_their_answers(runner, data: dict) -> None:
    view = drawn(runner, "--seed", "3", "--count", "7")
    assert view["seed"] == 3 and view["count"] == 7 and view["available"] == len(data["quiz"])
    ids = [item["id"] for item in view["items"]]
    assert len(ids) == len(set(ids)) == 7
    source_ids = {s["id"] for s in data["sources"]}
    for item in view["items"]:
        correct = [c for c in item["choices"] if c["correct"]]
        assert len(correct) == 1 and item["answer"] == correct[0]["letter"]
        assert item["answer_text"] == correct[0]["text"]
        assert item["read_more"] == f"baclofen {item['topic']}"
        assert item["sources"] and {s["id"] for s in item["sources"]} <= source_ids
        assert all(s["url"].startswith("http") for s in item["sources"])
    # Five questions from five different topics when there are enough topics.
    assert len({i["topic"] for i in view["items"]}) == 7


def test_the_same_seed_draws_the_same_quiz_everywhere(runner) -> None:
    first = drawn(runner, "--seed", "42")
    assert drawn(runner, "--seed", "42") == first
    real = run_cli(["quiz", "--json", "--seed", "42"])
    assert json.loads(real.stdout) == first
    others = {tuple(i["id"] for i in drawn(runner, "--seed", str(seed))["items"]) for seed in range(1, 6)}
    assert len(others) > 1


def test_without_a_seed_the_quiz_says_which_seed_it_used(runner) -> None:
    view = drawn(runner)
    assert isinstance(view["seed"], int)
    assert drawn(runner, "--seed", str(view["seed"]))["items"] == view["items"]


def test_count_larger_than_the_file_asks_every_item_once(runner, data: dict) -> None:
    view = drawn(runner, "--count", "100", "--seed", "1")
    assert sorted(i["id"] for i in view["items"]) == sorted(i["id"] for i in data["quiz"])


@pytest.mark.parametrize("args", [["--count", "0"], ["--count", "x"], ["--seed", "-1"]])
def test_bad_options_exit_2(args: list[str]) -> None:
    result = run_cli(["quiz", *args])
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_json_asks_nothing(runner) -> None:
    result = invoke(runner, ["quiz", "--json", "--seed", "5"], input="a\nb\n")
    assert result.exit_code == 0
    json.loads(result.stdout)  # pure JSON: no prompts mixed in


# --------------------------------------------------------------------------- piped answers


def test_all_right_answers_score_full_marks(runner) -> None:
    view = drawn(runner, "--seed", "11")
    answers = "".join(item["answer"] + "\n" for item in view["items"])
    result = invoke(runner, ["quiz", "--seed", "11"], input=answers)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.count("Right!") == 5 and "Not quite" not in out
    assert "Your score: 5/5" in out and "Topics to review" not in out
    for n, item in enumerate(view["items"], 1):
        assert f"Question {n} of 5 (topic: {item['topic_title']})" in out
        assert " ".join(item["question"].split()) in " ".join(out.split())
        assert f"Read more: baclofen {item['topic']}" in out
        assert " ".join(item["explanation"].split()) in " ".join(out.split())
    assert "baclofen quiz --seed 11 --count 5" in out
    assert ESC not in out


def test_wrong_answers_name_the_right_one_and_the_topics_to_review(runner) -> None:
    view = drawn(runner, "--seed", "12", "--count", "3")
    answers = "".join(wrong_letter(item) + "\n" for item in view["items"])
    result = invoke(runner, ["quiz", "--seed", "12", "--count", "3"], input=answers)
    assert result.exit_code == 0
    out = result.stdout
    assert out.count("Not quite. The answer is") == 3 and "Right!" not in out
    assert "Your score: 0/3" in out
    review = " ".join(out[out.index("Topics to review:") :].split())
    for item in view["items"]:
        assert f"{item['answer']}) {item['answer_text']}" in " ".join(out.split())
        assert f"- {item['topic_title']}: baclofen {item['topic']}" in review


def test_answers_as_letters_numbers_words_and_true_false(runner, data: dict) -> None:
    view = drawn(runner, "--count", "100", "--seed", "1")
    items = view["items"]
    true_false = [i for i in items if i["true_false"]]
    multi = [i for i in items if not i["true_false"]][:3]
    assert true_false and multi
    forms = []
    for n, item in enumerate(multi):
        index = "abcdef".index(item["answer"])
        forms.append([item["answer"].upper(), str(index + 1), f"({item['answer']})"][n])
    forms += [item["answer_text"].lower() + "." for item in true_false[:1]]
    forms += [{"True": "true", "False": "FALSE"}[item["answer_text"]] for item in true_false[1:3]]
    forms += [{"True": "t", "False": "f"}[item["answer_text"]] for item in true_false[3:4]]
    chosen = multi + true_false[:4]
    assert len(forms) == len(chosen)
    from baclofen_cli.core.loader import load, resolve_path
    from baclofen_cli.features.quiz.session import parse_answer

    kb = load(resolve_path(None)).kb
    by_id = {q.id: q for q in kb.quiz}
    for item, form in zip(chosen, forms):
        assert parse_answer(form, by_id[item["id"]]) == "abcdef".index(item["answer"]), form
    # And through the CLI with a piped mix of forms.
    seed_view = drawn(runner, "--seed", "8", "--count", "4")
    mixed = []
    for n, item in enumerate(seed_view["items"]):
        index = "abcdef".index(item["answer"])
        if item["true_false"]:
            mixed.append(item["answer_text"].lower())
        else:
            mixed.append([item["answer"], str(index + 1), item["answer"].upper() + ")", item["answer_text"]][n])
    result = invoke(runner, ["quiz", "--seed", "8", "--count", "4"], input="\n".join(mixed) + "\n")
    assert "Your score: 4/4" in result.stdout, result.stdout


def test_letters_out_of_range_and_nonsense_are_not_answers(runner) -> None:
    from baclofen_cli.core.loader import load, resolve_path
    from baclofen_cli.features.quiz.session import parse_answer

    kb = load(resolve_path(None)).kb
    three = next(q for q in kb.quiz if len(q.choices) == 3)
    two = next(q for q in kb.quiz if len(q.choices) == 2 and q.choices[0].text == "True")
    for bad in ["", "   ", "d", "4", "0", "-1", "ab", "true", "１", "a b", "\x1b[31ma", "b" * 10_000]:
        assert parse_answer(bad, three) is None or bad == "\x1b[31ma", repr(bad)
    assert parse_answer("\x1b[31ma", three) == 0  # escape codes are stripped, never echoed
    for bad in ["c", "3", "yes", "maybe"]:
        assert parse_answer(bad, two) is None


def test_an_invalid_piped_answer_counts_as_wrong_and_the_quiz_goes_on(runner) -> None:
    view = drawn(runner, "--seed", "21", "--count", "3")
    items = view["items"]
    answers = f"zzz\n\n{items[2]['answer']}\n"
    result = invoke(runner, ["quiz", "--seed", "21", "--count", "3"], input=answers)
    assert result.exit_code == 0
    out = result.stdout
    assert out.count("That is not one of the choices, so it counts as wrong.") == 2
    assert "Your answer (" in out and ": zzz" in out
    assert "Your score: 1/3" in out


def test_answers_that_run_out_stop_the_quiz_cleanly(runner) -> None:
    view = drawn(runner, "--seed", "4")
    answers = "".join(item["answer"] + "\n" for item in view["items"][:2])
    result = invoke(runner, ["quiz", "--seed", "4"], input=answers)
    assert result.exit_code == 0
    assert "Quiz stopped after 2 of 5 questions." in result.stdout
    assert "Score so far: 2/2" in result.stdout
    assert "Your score" not in result.stdout


@pytest.mark.parametrize("stdin", ["", None])
def test_no_input_at_all_is_not_a_crash(stdin: str | None) -> None:
    import subprocess

    result = subprocess.run(
        [script_path(), "quiz", "--seed", "1"],
        input=stdin, stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True, text=True, timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "Quiz stopped after 0 of 5 questions." in result.stdout
    assert "Traceback" not in result.stderr


def test_closed_stdin_is_not_a_crash() -> None:
    import subprocess

    result = subprocess.run(
        f"'{script_path()}' quiz --seed 1 <&-", shell=True, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert "Quiz stopped after 0 of 5" in result.stdout and "Traceback" not in result.stderr


def test_real_subprocess_with_piped_answers() -> None:
    view = json.loads(run_cli(["quiz", "--json", "--seed", "99", "--count", "3"]).stdout)
    answers = [view["items"][0]["answer"], wrong_letter(view["items"][1]), view["items"][2]["answer"]]
    result = run_cli(["quiz", "--seed", "99", "--count", "3"], input="\n".join(answers) + "\n")
    assert result.returncode == 0 and result.stderr == ""
    assert "Your score: 2/3" in result.stdout
    # Long topic titles wrap at the terminal width: compare the words, not the line breaks.
    assert f"- {view['items'][1]['topic_title']}: baclofen {view['items'][1]['topic']}" in " ".join(result.stdout.split())


def test_colour_mode_still_says_right_and_wrong_in_words() -> None:
    view = json.loads(run_cli(["quiz", "--json", "--seed", "5", "--count", "2"]).stdout)
    answers = f"{view['items'][0]['answer']}\n{wrong_letter(view['items'][1])}\n"
    result = run_cli(["quiz", "--seed", "5", "--count", "2"], input=answers, env={"FORCE_COLOR": "1"})
    assert result.returncode == 0
    assert ESC + "[" in result.stdout
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert "Right!" in plain and "Not quite." in plain and "Your score: 1/2" in plain


def test_file_text_cannot_drive_the_terminal(tmp_path: Path, data: dict) -> None:
    hostile = json.loads(json.dumps(data))
    hostile["quiz"][0]["question"] = "[bold red]Markup?[/] <script>x</script>"
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(hostile, allow_unicode=True, sort_keys=False), encoding="utf-8")
    view = json.loads(run_cli(["--data", str(path), "quiz", "--json", "--count", "100", "--seed", "1"]).stdout)
    number = next(n for n, i in enumerate(view["items"], 1) if i["id"] == hostile["quiz"][0]["id"])
    for env in ({}, {"FORCE_COLOR": "1"}):
        result = run_cli(["--data", str(path), "quiz", "--count", "100", "--seed", "1"], input="", env=env)
        assert result.returncode == 0
    result = run_cli(["--data", str(path), "quiz", "--count", str(number), "--seed", "1"], input="a\n" * number,
                     env={"FORCE_COLOR": "1"})
    assert "[bold red]Markup?[/] <script>x</script>" in re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)


def test_a_file_without_quiz_items(tmp_path: Path, data: dict) -> None:
    empty = {k: v for k, v in data.items() if k != "quiz"}
    path = tmp_path / "no-quiz.yaml"
    path.write_text(yaml.safe_dump(empty, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_cli(["--data", str(path), "quiz"])
    assert result.returncode == 2 and "no quiz questions" in result.stderr


def test_read_more_for_a_clinic_topic_uses_show() -> None:
    from baclofen_cli.features.quiz.session import read_more_command

    assert read_more_command("baclofen", "pump") == "baclofen pump"
    assert read_more_command("baclofen", "our-clinic") == "baclofen show our-clinic"


def test_start_up_does_not_load_the_quiz_or_handout_code() -> None:
    import subprocess

    code = "import sys, baclofen_cli.cli.app; print(sorted(m for m in ('baclofen_cli.features.quiz.session', 'baclofen_cli.features.handout', 'html', 'random') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert result.stdout.strip() == "[]", result.stdout


# --------------------------------------------------------------------------- teach-back, topics, skipping, records


def test_items_are_teach_back_not_trivia(data: dict) -> None:
    """No item asks for a year, an approval date or label history (issue 16.7)."""
    for item in data["quiz"]:
        text = " ".join([item["question"], *(c["text"] for c in item["choices"])])
        assert not re.search(r"\b(19|20)\d\d\b", text), item["id"]
        assert "boxed warning" not in text.casefold() and "label has" not in text.casefold(), item["id"]


def test_topics_option_asks_only_about_those_topics(runner, data: dict) -> None:
    view = drawn(runner, "--topics", "pump,stopping", "--count", "100", "--seed", "2")
    wanted = [i for i in data["quiz"] if i["topic"] in ("pump", "stopping")]
    assert view["topics"] == ["pump", "stopping"]
    assert view["available"] == view["count"] == len(wanted) >= 5
    assert sorted(i["id"] for i in view["items"]) == sorted(i["id"] for i in wanted)
    # Spaces work as well as commas, and the same seed draws the same questions.
    assert drawn(runner, "--topics", "pump stopping", "--count", "100", "--seed", "2")["items"] == view["items"]
    # Without --topics every item is available, as before.
    assert drawn(runner, "--seed", "2")["topics"] is None


def test_topics_replay_line_keeps_the_topics() -> None:
    view = json.loads(run_cli(["quiz", "--json", "--seed", "7", "--count", "2", "--topics", "pump"]).stdout)
    answers = "".join(i["answer"] + "\n" for i in view["items"])
    result = run_cli(["quiz", "--seed", "7", "--count", "2", "--topics", "pump"], input=answers)
    assert result.returncode == 0
    assert "baclofen quiz --seed 7 --count 2 --topics pump\n" in result.stdout
    assert "(topic: Baclofen pump" in result.stdout or all(i["topic"] == "pump" for i in view["items"])


@pytest.mark.parametrize("value, expected", [("pumpp", "Did you mean 'pump'?"), ("pump,nope", "'nope'"),
                                             (",", "needs at least one topic")])
def test_unknown_topics_are_refused_in_one_line(value: str, expected: str) -> None:
    result = run_cli(["quiz", "--topics", value])
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_question_mark_and_skip_show_the_answer_and_count_as_skipped(runner) -> None:
    view = drawn(runner, "--seed", "31", "--count", "3")
    items = view["items"]
    result = invoke(runner, ["quiz", "--seed", "31", "--count", "3"], input=f"?\nskip\n{items[2]['answer']}\n")
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert out.count("Skipped. The answer is") == 2 and "not one of the choices" not in out
    for item in items[:2]:
        assert f"Skipped. The answer is {item['answer']}) {item['answer_text']}" in out
        assert " ".join(item["explanation"].split()) in out
    assert "Your score: 1/3 (2 skipped)" in out
    assert "Topics to review:" in out


def test_the_prompt_offers_the_letters_and_numbers_it_accepts(runner) -> None:
    view = drawn(runner, "--count", "100", "--seed", "1")
    result = invoke(runner, ["quiz", "--count", "100", "--seed", "1"], input="")
    assert result.exit_code == 0
    first = view["items"][0]
    n = len(first["choices"])
    hint = f"a-{'abcdef'[n - 1]} or 1-{n}" + (", true/false" if first["true_false"] else "") + ", ? to skip"
    assert f"Your answer ({hint}): " in result.stdout
    # Every number the prompt offers picks the same choice as its letter.
    from baclofen_cli.core.loader import load, resolve_path
    from baclofen_cli.features.quiz.session import answer_hint, parse_answer

    for item in load(resolve_path(None)).kb.quiz:
        n = len(item.choices)
        assert answer_hint(item).startswith(f"a-{'abcdef'[n - 1]} or 1-{n}")
        for i in range(n):
            assert parse_answer(str(i + 1), item) == parse_answer("abcdef"[i], item) == i
        assert parse_answer(str(n + 1), item) is None


def test_json_with_answers_records_and_grades_them(runner) -> None:
    view = drawn(runner, "--seed", "44", "--count", "4")
    items = view["items"]
    answers = [items[0]["answer"], wrong_letter(items[1]), "?", "zz"]
    result = invoke(runner, ["quiz", "--json", "--seed", "44", "--count", "4", "--answers", ",".join(answers)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert [i["id"] for i in record["items"]] == [i["id"] for i in items]
    given = [i["given"] for i in record["items"]]
    assert given[0] == {"answer": items[0]["answer"], "choice": items[0]["answer"], "result": "right"}
    assert given[1] == {"answer": answers[1], "choice": answers[1], "result": "wrong"}
    assert given[2] == {"answer": "?", "choice": None, "result": "skipped"}
    assert given[3] == {"answer": "zz", "choice": None, "result": "not-a-choice"}
    assert record["score"] == {"answered": 4, "right": 1, "wrong": 2, "skipped": 1, "unanswered": 0,
                               "complete": True}
    assert [r["topic"] for r in record["review"]] == list(dict.fromkeys(i["topic"] for i in items[1:]))
    assert all(r["read_more"] == f"baclofen {r['topic']}" for r in record["review"])
    # Fewer answers than questions: the rest are unanswered and the record says it is not complete.
    short = json.loads(invoke(runner, ["quiz", "--json", "--seed", "44", "--count", "4",
                                       "--answers", items[0]["answer"]]).stdout)
    assert [i["given"]["result"] for i in short["items"]] == ["right", "unanswered", "unanswered", "unanswered"]
    assert short["score"]["complete"] is False and short["score"]["answered"] == 1


def test_json_answers_can_come_from_stdin_and_too_many_are_refused() -> None:
    view = json.loads(run_cli(["quiz", "--json", "--seed", "5", "--count", "2"]).stdout)
    letters = "".join(i["answer"] + "\n" for i in view["items"])
    record = json.loads(run_cli(["quiz", "--json", "--seed", "5", "--count", "2", "--answers", "-"],
                                input=letters).stdout)
    assert record["score"]["right"] == 2
    too_many = run_cli(["quiz", "--json", "--seed", "5", "--count", "2", "--answers", "a,b,c"])
    assert too_many.returncode == 2 and "3 answers for 2 questions" in too_many.stderr
    assert "Traceback" not in too_many.stderr


def test_the_printed_record_command_reproduces_the_session(runner) -> None:
    view = drawn(runner, "--seed", "52", "--count", "3", "--topics", "missed-dose,pump")
    typed = [str("abcdef".index(view["items"][0]["answer"]) + 1), "skip", wrong_letter(view["items"][2])]
    result = run_cli(["quiz", "--seed", "52", "--count", "3", "--topics", "missed-dose,pump"],
                     input="\n".join(typed) + "\n")
    lines = result.stdout.splitlines()
    start = lines.index("To keep these answers as a record (JSON):") + 1
    # A long command is broken between words with shell line continuations: join them back.
    command = ""
    for line in lines[start:]:
        command += line.strip().removesuffix("\\")
        if not line.endswith("\\"):
            break
    import shlex

    argv = shlex.split(command)
    assert argv[0] == "baclofen" and "--json" in argv
    record = json.loads(run_cli(argv[1:]).stdout)
    assert [i["given"]["result"] for i in record["items"]] == ["right", "skipped", "wrong"]
    assert record["topics"] == ["missed-dose", "pump"]


def test_answers_option_without_json_runs_the_quiz_without_asking(runner) -> None:
    view = drawn(runner, "--seed", "61", "--count", "2")
    result = invoke(runner, ["quiz", "--seed", "61", "--count", "2", "--answers",
                             ",".join(i["answer"] for i in view["items"])])
    assert result.exit_code == 0 and "Your score: 2/2" in result.stdout


# --------------------------------------------------------------------------- a real terminal

pexpect = pytest.importorskip("pexpect")


def spawn(*args: str):  # noqa: ANN201
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env.update({"TERM": "dumb", "COLUMNS": "100"})
    return pexpect.spawn(script_path(), list(args), env=env, encoding="utf-8", timeout=60, dimensions=(40, 100))


def first_answer(seed: str) -> tuple[str, str]:
    view = json.loads(run_cli(["quiz", "--json", "--seed", seed]).stdout)
    item = view["items"][0]
    return item["answer"], item["answer_text"]


def test_terminal_asks_again_after_an_invalid_answer_then_ctrl_d_leaves() -> None:
    answer, _ = first_answer("6")
    child = spawn("quiz", "--seed", "6")
    child.expect(r"Your answer \(a-")
    child.sendline("xyz")
    child.expect("'xyz' is not one of the choices")
    child.expect(r"Your answer \(a-")
    child.sendline(answer)
    child.expect("Right!")
    child.expect(r"Your answer \(a-")
    child.sendeof()
    child.expect("Quiz stopped after 1 of 5 questions.")
    child.expect("Score so far: 1/1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")


def test_terminal_ctrl_c_exits_130_without_a_traceback() -> None:
    child = spawn("quiz", "--seed", "6")
    child.expect(r"Your answer \(a-")
    child.sendintr()
    child.expect("Quiz stopped after 0 of 5 questions.")
    rest = child.read()
    child.close()
    assert child.exitstatus == 130, (child.exitstatus, child.signalstatus)
    assert "Traceback" not in rest


def test_terminal_sigterm_ends_the_quiz() -> None:
    child = spawn("quiz", "--seed", "6")
    child.expect(r"Your answer \(a-")
    child.kill(signal.SIGTERM)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGTERM or child.exitstatus in (143, 0)


def test_no_input_refuses_to_ask_at_a_terminal() -> None:
    child = spawn("--no-input", "quiz")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "--no-input" in (child.before or "")


def test_terminal_question_mark_skips_and_numbers_answer() -> None:
    view = json.loads(run_cli(["quiz", "--json", "--seed", "6"]).stdout)
    second = view["items"][1]
    child = spawn("quiz", "--seed", "6")
    child.expect(r"Your answer \(a-[a-f] or 1-[0-9](, true/false)?, \? to skip\): ")
    child.sendline("?")
    child.expect("Skipped. The answer is")
    child.expect(r"Your answer \(a-")
    child.sendline(str("abcdef".index(second["answer"]) + 1))
    child.expect("Right!")
    child.expect(r"Your answer \(a-")
    child.sendeof()
    child.expect(r"Score so far: 1/2 \(1 skipped\)")
    child.expect("To keep these answers as a record")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_long_commands_break_with_shell_continuations_so_they_still_paste() -> None:
    import shlex
    import subprocess

    from baclofen_cli.features.quiz.session import command_lines

    command = "baclofen quiz --seed 4817 --count 5 --topics missed-dose,pump --json --answers 'b,?,b,b,b'"
    assert command_lines(command, 200) == ["  " + command]
    lines = command_lines(command, 30)
    assert len(lines) > 2 and all(line.endswith(" \\") for line in lines[:-1])
    assert all(len(line) <= 30 for line in lines)
    # A shell reads the broken lines as the same command.
    echoed = subprocess.run(["sh", "-c", "printf '%s\\n' " + "\n".join(lines).replace("baclofen", "", 1)],
                            capture_output=True, text=True, timeout=60).stdout.split("\n")[:-1]
    assert echoed == shlex.split(command)[1:]
