"""The command line is forgiving and speaks one language: words joined into commands, bare
words answered, global options anywhere, `help`, one error style, the version and content date."""

from __future__ import annotations

import json

import pytest

from baclofen_cli.cli.forgiving import COMMANDS, suggestions
from conftest import SMALL_FILE, invoke, run_cli


def test_the_typer_free_command_list_is_the_real_one() -> None:
    import typer.main

    from baclofen_cli.cli.app import app

    assert list(COMMANDS) == typer.main.get_command(app).list_commands(None)  # type: ignore[attr-defined, arg-type]


@pytest.mark.parametrize(
    ("words", "command"),
    [
        (["side", "effects"], "side-effects"),
        (["how", "it", "works"], "how-it-works"),
        (["sideeffects"], "side-effects"),
        (["SIDE-EFFECTS"], "side-effects"),
        (["missed", "dose"], "missed-dose"),
        (["Missed_Dose"], "missed-dose"),
    ],
)
def test_words_are_joined_into_the_topic(runner, words: list[str], command: str) -> None:
    joined = run_cli([*words, "--json"])
    direct = run_cli([command, "--json"])
    assert joined.returncode == 0 and joined.stdout == direct.stdout
    assert joined.stderr == f"baclofen: read as: baclofen {command}\n"
    typer_path = invoke(runner, [*words, "--json"])
    assert (typer_path.stdout, typer_path.stderr) == (joined.stdout, joined.stderr)


@pytest.mark.parametrize("word", ["alcohol", "xanax", "Percocet"])
def test_a_bare_medicine_name_is_checked_as_a_medicine(runner, word: str) -> None:
    result = run_cli([word, "--json"])
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(run_cli(["interactions", word, "--json"]).stdout)
    assert "checking it as a medicine name" in result.stderr and f"baclofen interactions \"{word}\"" in result.stderr
    assert invoke(runner, [word, "--json"]).stdout == result.stdout


@pytest.mark.parametrize("words", [["withdrawal"], ["breastfeeding"], ["can", "i", "drive"], ["pump", "alarm", "beeping"],
                                   ["missed", "dose", "yesterday"], ["missed-dose", "twice"]])
def test_other_bare_words_are_answered_as_a_question(runner, words: list[str]) -> None:
    result = run_cli([*words, "--json"])
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(run_cli(["ask", *words, "--json"]).stdout)
    assert "answering it as a question" in result.stderr
    assert invoke(runner, [*words, "--json"]).stderr == result.stderr


def test_a_typo_gets_did_you_mean_with_the_closest_first() -> None:
    assert suggestions("dose")[0] == "dosing" and "overdose" not in suggestions("dose")
    result = run_cli(["dose"])
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "baclofen: error: 'dose' is not a command. Did you mean 'dosing'? See 'baclofen help'.\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["quiz", "--count", "1000"], "--count must be a whole number from 1 to 100, not '1000'."),
        (["quiz", "--count", "abc"], "--count must be a whole number from 1 to 100, not 'abc'."),
        (["quiz", "--seed", "-1"], "--seed must be a whole number of 0 or more, not '-1'."),
        (["handout", "--format", "pdf"], "--format must be one of md, html, txt, not 'pdf'."),
        (["show"], "'baclofen show' needs TOPIC."),
        (["topics", "extra"], "'baclofen topics' does not take 'extra'."),
        (["overview", "--data"], "--data needs a value (PATH)."),
        (["overview", "--jsn"], "'baclofen overview' has no option --jsn. Did you mean '--json'?"),
        (["completion", "tcsh"], "SHELL must be one of bash, zsh, fish, not 'tcsh'."),
    ],
)
def test_every_usage_error_has_one_style_in_plain_words(args: list[str], expected: str) -> None:
    result = run_cli(args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"baclofen: error: {expected} See 'baclofen help")
    assert result.stderr.count("\n") == 1
    for click_words in ("Usage:", "Try '", "1<=x", "range", "Error:"):
        assert click_words not in result.stderr


def test_global_options_are_accepted_after_the_command(tmp_path) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_text(SMALL_FILE.read_text(encoding="utf-8"), encoding="utf-8")  # a file of the user's own
    after = run_cli(["overview", "--json", "--data", str(copy)])
    before = run_cli(["--data", str(copy), "overview", "--json"])
    assert after.returncode == 0 and after.stdout == before.stdout
    missing = run_cli(["overview", "--data", str(tmp_path / "nope.yaml")])
    assert missing.returncode == 2 and "nope.yaml" in missing.stderr
    assert run_cli(["storage", "--no-color"], env={"FORCE_COLOR": "1"}).stdout.count("\x1b") == 0


@pytest.mark.parametrize("args", [["ask", "--json", "-V"], ["interactions", "--version", "--json"]])
def test_the_version_after_a_command_with_json_is_json(args: list[str]) -> None:
    # Found by the hostile-input property test: `ask --json -V` printed the version as text.
    result = run_cli(args)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["version"]
    # After `--` it is the question, not the option.
    asked = run_cli(["ask", "--json", "--", "-V"])
    assert asked.returncode == 0 and json.loads(asked.stdout)["query"] == "-V"


def test_help_command_shows_commands_and_topics(runner) -> None:
    assert invoke(runner, ["help"]).stdout == invoke(runner, ["--help"]).stdout
    assert invoke(runner, ["help", "side", "effects"]).stdout == invoke(runner, ["side-effects", "--help"]).stdout
    environment = invoke(runner, ["help", "environment"])
    assert environment.exit_code == 0 and "BACLOFEN_PAGER" in environment.stdout
    unknown = invoke(runner, ["help", "enviroment"])
    assert unknown.exit_code == 2 and "Did you mean 'environment'?" in unknown.stderr


def test_every_command_help_has_an_example(runner) -> None:
    for name in COMMANDS:
        text = invoke(runner, [name, "--help"]).stdout
        assert "Example" in text and f"baclofen {name}" in text.split("Example", 1)[1], name


def _old_copy(tmp_path, reviewed: str = "2024-06-30"):  # noqa: ANN202
    """A file reviewed long ago: the small file (the staleness rule is code) with an old date."""
    text = SMALL_FILE.read_text(encoding="utf-8")
    assert "reviewed: '2026-11-21'" in text
    path = tmp_path / "old.yaml"
    path.write_text(text.replace("reviewed: '2026-11-21'", f"reviewed: '{reviewed}'", 1), encoding="utf-8")
    return path


def test_version_names_the_file_in_use_and_its_date(tmp_path) -> None:
    old = _old_copy(tmp_path)
    result = run_cli(["-V"], env={"BACLOFEN_DATA": str(old)})
    lines = result.stdout.splitlines()
    assert lines[1] == f"knowledge file: {old}" and lines[2] == "content reviewed: 2024-06-30"
    assert "more than 12 months ago" in lines[3]


def test_old_content_ends_every_answer_with_one_line(runner, tmp_path) -> None:
    old = str(_old_copy(tmp_path))
    for args in (["missed-dose"], ["interactions", "beer"], ["ask", "i forgot my pill"], ["topics"]):
        fast = run_cli(args, env={"BACLOFEN_DATA": old})
        last = fast.stdout.rstrip("\n").splitlines()[-1]
        assert last.startswith("Note: this guide was last reviewed on 2024-06-30, more than 12 months ago"), args
        assert invoke(runner, args, env={"BACLOFEN_DATA": old}).stdout == fast.stdout
    fresh = run_cli(["missed-dose"])
    assert "last reviewed" not in fresh.stdout


def test_json_answers_carry_the_review_date(tmp_path) -> None:
    assert json.loads(run_cli(["pump", "--json"]).stdout)["reviewed"] == "2026-11-21"
    assert json.loads(run_cli(["interactions", "beer", "--json"]).stdout)["reviewed"] == "2026-11-21"
    assert json.loads(run_cli(["ask", "fridge", "--json"]).stdout)["reviewed"] == "2026-11-21"
    assert "review_note" not in json.loads(run_cli(["pump", "--json"]).stdout)
    old = json.loads(run_cli(["pump", "--json"], env={"BACLOFEN_DATA": str(_old_copy(tmp_path))}).stdout)
    assert old["reviewed"] == "2024-06-30" and "more than 12 months" in old["review_note"]


def test_staleness_is_exactly_twelve_months() -> None:
    from baclofen_cli.core.staleness import is_stale

    assert not is_stale("2025-12-01", today=(2026, 12, 1))
    assert is_stale("2025-11-30", today=(2026, 12, 1))
    assert not is_stale("not a date", today=(2026, 12, 1))


@pytest.mark.parametrize(
    ("args", "option"),
    [(["pump", "--sources", "--json"], "--sources"), (["interactions", "beer", "--sources", "--json"], "--sources"),
     (["handout", "--format", "txt", "--json"], "--format")],
)
def test_options_that_json_ignores_say_so(args: list[str], option: str) -> None:
    result = run_cli(args)
    assert result.returncode == 0 and json.loads(result.stdout)
    assert result.stderr.startswith(f"baclofen: note: {option} is ignored with --json")


def test_usage_lines_name_arguments_plainly(runner) -> None:
    for name in COMMANDS:
        usage = invoke(runner, [name, "--help"]).stdout.splitlines()[0]
        assert usage.startswith(f"Usage: baclofen {name}") and "{" not in usage and "<" not in usage, usage


def test_a_topic_command_with_more_words_is_a_question_but_a_tool_command_is_not(runner) -> None:
    question = run_cli(["pump", "alarm", "beeping"])
    assert question.returncode == 0 and "answering it as a question" in question.stderr
    refused = run_cli(["sources", "extra"])
    assert refused.returncode == 2 and refused.stderr.startswith("baclofen: error: 'baclofen sources' does not take")


def test_a_topic_only_the_clinic_file_has_runs_by_its_id(tmp_path) -> None:
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text("""\
extends: builtin
topics:
  - id: our-clinic
    title: How do I reach our clinic?
    summary: {text: "Call the clinic if you have questions about your medicine.", sources: [s30]}
    sections:
      - heading: When are we open?
        points:
          - {text: "We are open Monday to Friday, 9am to 5pm.", sources: [s30]}
""", encoding="utf-8")
    shown = run_cli(["--data", str(clinic), "show", "our-clinic", "--json"])
    assert shown.returncode == 0, shown.stderr
    for args in (["--data", str(clinic), "our-clinic", "--json"], ["our", "clinic", "--json", "--data", str(clinic)]):
        result = run_cli(args)
        assert result.returncode == 0 and result.stdout == shown.stdout, result.stderr
        assert result.stderr == "baclofen: read as: baclofen show our-clinic\n"
