"""The code is generic: the whole CLI on another drug's file (a fictional one) never names the shipped drug.

Every command runs as a real process, twice: as `baclofen --data FILE`, and as a symlink to the installed
script named after the drug (`zentrafol`, with BACLOFEN_DATA), the way a clinic would install the same code
for another medicine. The output (stdout, stderr and any file written) must not contain "baclofen" in any
case, except the names of the tool's settings, which are the same for every install (BACLOFEN_DATA and the
other environment variables, and the cache folder baclofen-cli).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli, script_path

SECOND_DRUG = Path(__file__).parent / "fixtures" / "second_drug.yaml"
DRUG = "zentrafol"
# Setting names shared by every install, not words about a medicine.
SETTING_NAMES = re.compile(r"BACLOFEN_[A-Z_]+|baclofen-cli")
TOPICS = ["overview", "missed-dose", "overdose"]

COMMANDS: list[list[str]] = [
    *[[topic] for topic in TOPICS],
    *[[topic, "--json"] for topic in TOPICS],
    ["missed", "dose"],  # a forgiving form: the "read as" note names the command
    ["show", "overview", "--sources"],
    ["topics"],
    ["topics", "--json"],
    ["interactions"],
    ["interactions", "beer"],
    ["interactions", "ambien", "zentra", "xyzzyfen"],  # known, the drug itself, unknown
    ["interactions", "beer", "ambien", "--json"],
    ["ask", "I forgot my dose"],
    ["ask", "he took too many and I cannot wake him"],
    ["ask", "what is the weather on mars"],
    ["ask", "--json", "I forgot my dose"],
    ["sources"],
    ["sources", "--json"],
    ["quiz", "--count", "3", "--seed", "1", "--json", "--answers", "b,b,a"],
    ["--help"],
    ["interactions", "--help"],
    ["quiz", "--help"],
    ["help"],
    ["--version"],
    ["validate", str(SECOND_DRUG)],
]


# Run as `baclofen --data FILE`, the command's own name is "baclofen": hints, usage and notes that name
# the command ("Read one with: baclofen TOPIC", "baclofen: read as: ...") are right. Only those uses are
# set aside, and only in that mode; "This is baclofen itself" or "with baclofen" still count.
COMMAND_WORDS = [*TOPICS, "TOPIC", "interactions", "ask", "show", "topics", "sources", "quiz", "handout", "guide",
                 "validate", "help", "schema", "completion", "man", "missed-dose", "side-effects", "stopping",
                 "pump", "overview", "side effects", r"\[OPTIONS\]", "--", r"\d", r'"']
AS_COMMAND = re.compile(rf"(?<![\w-])baclofen(?=(?: (?:{'|'.join(COMMAND_WORDS)})|:|\s{{2,}}|$))", re.MULTILINE)


def leaks(text: str, command: str = DRUG) -> list[str]:
    """Each line that names the shipped drug (setting names, and the command's own name, aside)."""
    text = SETTING_NAMES.sub("", text)
    if command == "baclofen":
        text = AS_COMMAND.sub("", text)
    return [line for line in text.splitlines() if "baclofen" in line.casefold()]


@pytest.fixture(params=["data-option", "symlink"])
def invocation(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[list[str], dict[str, str], str]:
    """How the tool is run: (argv before the command, environment, the command name hints must show)."""
    if request.param == "data-option":
        return [script_path(), "--data", str(SECOND_DRUG)], {}, "baclofen"
    link = tmp_path / DRUG
    os.symlink(script_path(), link)
    return [str(link)], {"BACLOFEN_DATA": str(SECOND_DRUG)}, DRUG


def _run(invocation: tuple[list[str], dict[str, str], str], args: list[str],
         input: str | None = None, process: bool = False) -> subprocess.CompletedProcess[str]:
    """The command line run as `invocation` says: in this process (sys.argv[0] the script or the
    link, as a real run has it), or as a real process (`process`)."""
    argv, env, _ = invocation
    return run_cli([*argv[1:], *args], env=env, input=input, timeout=60, program=argv[0], process=process)


def test_every_command_on_a_second_drug_names_only_that_drug(invocation, tmp_path: Path) -> None:
    found: dict[str, list[str]] = {}
    for args in COMMANDS:
        result = _run(invocation, args)
        assert result.returncode == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr, args
        bad = leaks(result.stdout, invocation[2]) + leaks(result.stderr, invocation[2])
        if bad:
            found[" ".join(args)] = bad
    assert not found, found


def test_the_quiz_and_the_handout_on_a_second_drug(invocation, tmp_path: Path) -> None:
    quiz = _run(invocation, ["quiz", "--count", "3", "--seed", "1"], input="b\nb\na\n")
    assert quiz.returncode == 0, quiz.stderr
    assert "zentrafol" in quiz.stdout and not leaks(quiz.stdout + quiz.stderr, invocation[2])
    for fmt in ("txt", "html", "md"):
        target = tmp_path / f"handout.{fmt}"
        made = _run(invocation, ["handout", "--format", fmt, "-o", str(target)])
        assert made.returncode == 0, made.stderr
        text = target.read_text(encoding="utf-8")
        assert "Zentrafol" in text or "zentrafol" in text
        assert not leaks(text, invocation[2]), (fmt, leaks(text, invocation[2]))
        assert not leaks(made.stdout + made.stderr, invocation[2])


def test_hints_name_the_command_the_tool_was_run_as(invocation) -> None:
    _, _, command = invocation
    topics = _run(invocation, ["topics"])
    assert f"Read one with: {command} TOPIC (for example: {command} overview)" in topics.stdout
    listing = _run(invocation, ["interactions"])
    assert f"{command} interactions NAME" in listing.stdout
    joined = _run(invocation, ["missed", "dose"])
    assert f"{command}: read as: {command} missed-dose" in joined.stderr
    usage = _run(invocation, ["--help"], process=True)  # the real script, or the real link to it
    assert usage.stdout.startswith(f"Usage: {command} ")


def test_the_drug_name_comes_from_the_file(invocation) -> None:
    checked = _run(invocation, ["interactions", "ambien", "zentra"])
    assert "CHECKING AMBIEN AND ZENTRA WITH ZENTRAFOL" in checked.stdout
    assert "This is zentrafol itself: zentra" in checked.stdout
    data = json.loads(_run(invocation, ["overview", "--json"]).stdout)
    assert data["title"] == "What is zentrafol?"
