"""The interactive guide, second pass (issue 14 item 4), in a real pseudo-terminal: line
editing and history, hints that name what to type in the guide, topic names and shell-style
commands typed at the prompt, the per-name check for a medicine the guide does not list,
WARNING labels, and BACLOFEN_DEBUG tracebacks."""

from __future__ import annotations

import os
import re
import sys

import pexpect

from baclofen_cli.features.guide.session import FIRST_PROMPT, NEXT_PROMPT, Choice, parse_choice
from conftest import script_path

LEFT, RIGHT, UP = "\x1b[D", "\x1b[C", "\x1b[A"
TOPICS = [("missed-dose", "If you miss a dose"), ("pump", "Baclofen pump (intrathecal baclofen)")]


def spawn(*args: str, env_extra: dict[str, str] | None = None, command: str | None = None) -> pexpect.spawn:
    env = dict(os.environ)
    env.update({"COLUMNS": "100", "NO_COLOR": "1", "TERM": "xterm"})
    env.update(env_extra or {})
    program = command or script_path()
    return pexpect.spawn(program, list(args), env=env, encoding="utf-8", timeout=60, dimensions=(50, 100))


def finish(child: pexpect.spawn) -> str:
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return child.before or ""


def test_arrow_keys_edit_the_line_and_bring_back_the_last_one() -> None:
    child = spawn("guide")
    child.expect(re.escape(FIRST_PROMPT))
    # "missed dos", left, right, then "e": the arrows move the cursor, they are not typed.
    child.send("missed dos" + LEFT + RIGHT + "e\r")
    child.expect("(?i)MISS A DOSE")  # read as "missed dose": the topic
    child.expect(re.escape(NEXT_PROMPT))
    seen = child.before
    assert "^[[" not in seen and "[D" not in seen
    # Up arrow: the same line again, from the history.
    child.send(UP + "\r")
    child.expect("(?i)MISS A DOSE")
    child.expect(re.escape(NEXT_PROMPT))
    # Editing in the middle of a line: "i forgot my pll", left twice, "i" -> "pill".
    child.send("i forgot my pll" + LEFT + LEFT + "i\r")
    child.expect("Best match: (?i:.*miss a dose)")
    finish(child)


def test_hints_name_what_to_type_in_the_guide() -> None:
    child = spawn("guide")
    child.expect(re.escape(FIRST_PROMPT))
    child.sendline("i forgot my pill this morning")
    child.expect("Read the whole topic, type: missed-dose")
    child.expect(re.escape(NEXT_PROMPT))
    assert "baclofen missed-dose" not in child.before
    child.sendline("can i take it with xanax")
    child.expect("To check xanax with this medicine, type: xanax")
    child.expect(re.escape(NEXT_PROMPT))
    assert "baclofen interactions" not in child.before
    child.sendline("missed-dose")
    child.expect("(?i)MISS A DOSE")
    finish(child)


def test_topic_names_and_shell_style_commands_work_in_the_guide() -> None:
    child = spawn("guide")
    child.expect(re.escape(FIRST_PROMPT))
    child.sendline("baclofen pump")
    child.expect("BACLOFEN PUMP")
    child.expect(re.escape(NEXT_PROMPT))
    child.sendline("baclofen interactions oxycodone")
    child.expect("(?i)opioid")
    child.expect(re.escape(NEXT_PROMPT))
    child.sendline("storage")
    child.expect("(?i)store baclofen")
    finish(child)


def test_an_unknown_medicine_gets_the_per_name_check() -> None:
    child = spawn("guide")
    child.expect(re.escape(FIRST_PROMPT))
    child.sendline("tylenol")
    child.expect("Not in this guide: tylenol")
    child.expect("That does not mean it is safe")
    child.expect(re.escape(NEXT_PROMPT))
    child.sendline("zzqvaxol")
    child.expect("Not in this guide: zzqvaxol")
    child.expect(re.escape(NEXT_PROMPT))
    assert "Sorry, this guide has no answer" not in child.before
    finish(child)


def test_warnings_keep_their_label_and_emergencies_come_first_in_the_guide() -> None:
    child = spawn("guide")
    child.expect(re.escape(FIRST_PROMPT))
    child.sendline("i missed several doses")
    child.expect("WARNING: ")
    child.expect(re.escape(NEXT_PROMPT))
    child.sendline("i want to kill myself")
    child.expect("EMERGENCY: If you are thinking about ending your life")
    child.expect("GET HELP NOW")
    child.expect(re.escape(NEXT_PROMPT))
    child.sendline("my dog ate a baclofen tablet")
    child.expect("call a vet")
    child.expect(re.escape(NEXT_PROMPT))
    assert "GET HELP NOW" not in child.before
    finish(child)


_FAILING_GUIDE = (
    "import sys; from baclofen_cli.features.ask import answer\n"
    "def broken(*a, **k): raise ZeroDivisionError('planted fault')\n"
    "answer.answer = broken\n"
    "from baclofen_cli.cli.entry import main\n"
    "sys.argv = ['baclofen', 'guide']; main()\n"
)


def test_debug_shows_the_traceback_of_a_failed_answer_and_the_session_goes_on() -> None:
    child = spawn("-c", _FAILING_GUIDE, env_extra={"BACLOFEN_DEBUG": "1"}, command=sys.executable)
    child.expect(re.escape(FIRST_PROMPT))
    child.sendline("i forgot my pill")
    child.expect("Traceback")
    child.expect("ZeroDivisionError: planted fault")
    child.expect("Sorry, that answer could not be shown")
    child.expect(re.escape(NEXT_PROMPT))
    finish(child)
    quiet = spawn("-c", _FAILING_GUIDE, command=sys.executable)
    quiet.expect(re.escape(FIRST_PROMPT))
    quiet.sendline("i forgot my pill")
    quiet.expect("Sorry, that answer could not be shown")
    quiet.expect(re.escape(NEXT_PROMPT))
    assert "Traceback" not in quiet.before
    finish(quiet)


def test_parse_choice_shell_style_lines() -> None:
    assert parse_choice("baclofen pump", TOPICS) == Choice("topic", "pump")
    assert parse_choice("baclofen show missed-dose", TOPICS) == Choice("topic", "missed-dose")
    assert parse_choice("interactions xanax", TOPICS) == Choice("drug", "xanax")
    assert parse_choice("baclofen ask can i drive", TOPICS) == Choice("question", "can i drive")
    assert parse_choice("zoloftish", TOPICS, medicine_like=lambda text: True) == Choice("drug", "zoloftish")



def test_the_medicine_guess_takes_names_not_questions_or_symptoms() -> None:
    from baclofen_cli.core.state import AppState
    from baclofen_cli.features.guide.session import medicine_guesser

    guess = medicine_guesser(AppState())
    assert guess("tylenol") and guess("zzqvaxol") and guess("melatonin")
    for line in ("can i drive", "fever", "i forgot", "baclofen", "dizzy", "dry mouth", "10"):
        assert not guess(line), line


def test_a_long_pasted_line_is_read_whole() -> None:
    line = "background " * 300 + "now he is not breathing"
    assert parse_choice(line, TOPICS) == Choice("question", " ".join(line.split()))
