"""The interactive guide: driven through a real pseudo-terminal (pexpect), the non-TTY
behaviour through CliRunner and pipes, and the pure prompt parser on its own."""

from __future__ import annotations

import os
import re

import pexpect
import pytest

from baclofen_cli.features.guide.session import FIRST_PROMPT, NEXT_PROMPT, Choice, parse_choice
from conftest import invoke, run_cli, script_path

PROMPT = re.escape("(q to quit): ")
TOPICS = [
    ("overview", "What baclofen is"),
    ("missed-dose", "What if I miss a dose?"),
    ("side-effects", "Side effects"),
    ("interactions", "Baclofen with other medicines, alcohol and drugs"),
]


def spawn(*args: str, colour: bool = False) -> pexpect.spawn:
    env = dict(os.environ)
    env["COLUMNS"] = "100"
    if colour:
        env["TERM"] = "xterm-256color"
    else:
        env["NO_COLOR"] = "1"
    child = pexpect.spawn(script_path(), list(args), env=env, encoding="utf-8", timeout=60, dimensions=(50, 100))
    return child


def finish(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, (child.exitstatus, child.signalstatus)
    assert child.signalstatus is None
    return child.before or ""


# ---------------------------------------------------------------------------- in a real terminal
def test_full_session_menu_number_name_question_drug_quit() -> None:
    child = spawn()
    child.expect("Welcome")
    child.expect("This guide gives general facts")  # the disclaimer, from the knowledge file
    child.expect("Topics:")
    child.expect(r"6\. What if I miss a dose\?")
    child.expect(re.escape(FIRST_PROMPT))
    # A number.
    child.sendline("6")
    child.expect("WHAT IF I MISS A DOSE")
    child.expect(re.escape(NEXT_PROMPT))
    # A topic name.
    child.sendline("side effects")
    child.expect("SIDE EFFECTS")
    child.expect(re.escape(NEXT_PROMPT))
    # A free-text question goes to ask.
    child.sendline("i forgott my pill this morning")
    child.expect(r"Best match: What if I miss a dose\?")
    child.expect(re.escape(NEXT_PROMPT))
    # A medicine name goes to the interactions answer.
    child.sendline("xanax")
    child.expect(re.compile("interactions xanax|alprazolam", re.IGNORECASE))
    child.expect(re.escape(NEXT_PROMPT))
    # Enter: back to the menu.
    child.sendline("")
    child.expect("Topics:")
    child.expect(re.escape(FIRST_PROMPT))
    child.sendline("q")
    child.expect("Goodbye")
    rest = finish(child)
    assert "Traceback" not in rest


def test_emergency_question_shows_the_box_first() -> None:
    child = spawn()
    child.expect(PROMPT)
    child.sendline("my son took too many of my pills and wont wake up")
    child.expect("GET HELP NOW")
    after_box = child.expect(["Best match", re.escape(NEXT_PROMPT)])
    assert after_box == 0
    child.expect(PROMPT)
    child.sendline("quit")
    finish(child)


def test_ctrl_c_at_the_prompt_leaves_cleanly() -> None:
    child = spawn()
    child.expect(PROMPT)
    child.sendintr()
    child.expect("Goodbye")
    rest = finish(child)
    assert "Traceback" not in rest and "KeyboardInterrupt" not in rest


def test_ctrl_d_at_the_prompt_leaves_cleanly() -> None:
    child = spawn()
    child.expect(PROMPT)
    child.sendeof()
    child.expect("Goodbye")
    rest = finish(child)
    assert "Traceback" not in rest


def test_ctrl_c_after_an_answer_leaves_cleanly() -> None:
    child = spawn("guide")
    child.expect(PROMPT)
    child.sendline("2")
    child.expect(re.escape(NEXT_PROMPT))
    child.sendintr()
    child.expect("Goodbye")
    finish(child)


def test_guide_command_and_a_bad_number() -> None:
    child = spawn("guide")
    child.expect("Topics:")
    child.expect(PROMPT)
    child.sendline("99")
    child.expect("There is no topic number 99")
    child.expect(PROMPT)
    child.sendline("pregnacy")  # a topic name with a slip
    child.expect(r"CAN I TAKE BACLOFEN IF I AM PREGNANT OR\s+BREASTFEEDING\?")
    child.expect(PROMPT)
    child.sendline("exit")
    finish(child)


def test_guide_in_colour_terminal() -> None:
    child = spawn(colour=True)
    child.expect(PROMPT)
    child.sendline("1")
    child.expect("\x1b\\[")  # Rich drew the topic
    child.expect(PROMPT)
    child.sendline("q")
    finish(child)


def test_no_input_on_a_terminal_never_prompts() -> None:
    child = spawn("--no-input")
    child.expect("Usage:")
    rest = finish(child)
    assert "quit" not in rest


def test_no_input_guide_is_refused_without_prompting() -> None:
    child = spawn("--no-input", "guide")
    child.expect("--no-input")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2


# ---------------------------------------------------------------------------- without a terminal
def test_baclofen_alone_without_a_terminal_prints_help(runner) -> None:  # noqa: ANN001
    result = invoke(runner, [])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    assert "quit" not in result.stdout


def test_no_input_prints_help_and_never_reads(runner) -> None:  # noqa: ANN001
    result = invoke(runner, ["--no-input"], input="1\nq\n")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout and "Topics:" not in result.stdout


def test_real_script_with_piped_stdin_prints_help_at_once() -> None:
    result = run_cli([], input="1\n", timeout=60)
    assert result.returncode == 0
    assert "Usage:" in result.stdout and "Topics:" not in result.stdout


def test_guide_reads_answers_from_a_pipe_and_stops_at_end_of_input() -> None:
    result = run_cli(["guide"], input="6\nwhat if i forget a dose\n", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "WHAT IF I MISS A DOSE" in result.stdout
    assert "Best match: What if I miss a dose?" in result.stdout
    assert "Goodbye" in result.stdout
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------------------- the pure parser
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Choice("empty")),
        ("   ", Choice("empty")),
        ("q", Choice("quit")),
        (" QUIT ", Choice("quit")),
        ("exit", Choice("quit")),
        ("menu", Choice("menu")),
        ("?", Choice("help")),
        ("2", Choice("topic", "missed-dose")),
        ("#3", Choice("topic", "side-effects")),
        ("missed-dose", Choice("topic", "missed-dose")),
        ("Missed dose", Choice("topic", "missed-dose")),
        ("what if I miss a dose?", Choice("topic", "missed-dose")),
        ("side efects", Choice("topic", "side-effects")),
        ("i forgot my pill", Choice("question", "i forgot my pill")),
    ],
)
def test_parse_choice(text: str, expected: Choice) -> None:
    assert parse_choice(text, TOPICS) == expected


@pytest.mark.parametrize("text", ["0005", "5", "99999999999999999999999", "-1"])
def test_parse_choice_numbers_out_of_range(text: str) -> None:
    choice = parse_choice(text, TOPICS)
    assert choice.kind in ("invalid", "question")
    if text.lstrip("-").isdigit() and not text.startswith("-"):
        assert choice.kind == "invalid" and "Pick 1 to 4" in choice.value


def test_parse_choice_drug_names_only_when_the_whole_line_is_one() -> None:
    def resolve(text: str) -> str | None:
        return text if text.lower() in ("xanax", "tylenol pm") else None

    assert parse_choice("Xanax", TOPICS, resolve) == Choice("drug", "Xanax")
    assert parse_choice("can i take xanax with it and also some beer", TOPICS, resolve).kind == "question"


@pytest.mark.parametrize("text", ["\x1b[31m1\x1b[0m", "²", "1\x00", "\u202e2", "q" * 10_000, "٣"])
def test_parse_choice_odd_input_never_raises(text: str) -> None:
    choice = parse_choice(text, TOPICS)
    assert choice.kind in ("empty", "quit", "menu", "help", "topic", "drug", "question", "invalid")
    assert "\x1b" not in choice.value and "\x00" not in choice.value


def test_guide_json_is_refused_because_the_guide_is_interactive(runner) -> None:
    result = invoke(runner, ["guide", "--json"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("baclofen: error: the guide is interactive") and "topics --json" in result.stderr
