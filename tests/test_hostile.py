"""Hardening (issue 7): hostile input, hostile knowledge files, odd terminals, nothing lost.

Each test keeps one guarantee of the README's "Robustness" section. The property tests
throw generated text and structures at the real commands; the rest drive the installed
script in a subprocess (with timeouts, so a hang fails instead of stalling the suite).
"""

from __future__ import annotations

import copy
import io
import json
import os
import re
import signal
import subprocess
from contextlib import redirect_stdout
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baclofen_cli.core import cache_store, loader
from baclofen_cli.core.errors import KnowledgeFileError
from conftest import (
    DATA_FILE,
    HANG_GUARD_SECONDS,
    OTHER_USER,
    SMALL_FILE,
    invoke,
    read_yaml,
    run_cli,
    script_path,
    signal_at_fsync,
    why_another_user_cannot_run_the_tool,
)

# Raw control characters that must never reach a terminal outside colour mode: C0 except
# tab and newline, DEL, C1, and the bidirectional controls that make text read differently.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# In colour mode Rich writes SGR sequences (ESC [ ... m) and nothing else.
SGR = re.compile(r"\x1b\[[0-9;]*m")

ESCAPES = [
    "\x1b[2J",  # clear the screen
    "\x1b[31m",  # red
    "\x1b]8;;http://x\x07link\x1b]8;;\x07",  # OSC 8 hyperlink
    "\x1b]0;title\x07",  # window title
    "\x1b]52;c;ZXZpbA==\x07",  # write the clipboard
    "\x1bP+q\x1b\\",  # DCS
    "\x1bc",  # full reset
    "\x1b(0",  # line-drawing character set
    "\x9b2J",  # C1 CSI
    "\x07",  # bell
    "\r",
    "\x08\x08\x08",
    "\x00",
    "\x7f",
    "\u202e",  # right-to-left override
    "\u2066",
    "\u200f",
]
MARKUP = ["[link=https://evil]x[/link]", "[/]", "[bold red]", "[/bold red]", "[red]", ":smile:", "<script>", "*x*"]

# Modest example counts keep the suite fast; BACLOFEN_FUZZ=20 runs twenty times as many.
_SCALE = int(os.environ.get("BACLOFEN_FUZZ", "1"))
FAST = settings(max_examples=60 * _SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=25 * _SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PARSER = settings(max_examples=200 * _SCALE, deadline=None)

hostile_text = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.one_of(st.text(max_size=20), st.sampled_from(ESCAPES + MARKUP), st.characters(max_codepoint=0x9F)),
        max_size=12,
    ).map("".join),
    # Very long: one piece repeated up to 20,000 times.
    st.builds(lambda piece, n: piece * n, st.sampled_from(["a", "baclofen ", "\x1b[2J", "é ", "[/]"]),
              st.integers(500, 20_000)),
)


def assert_safe(output: str, colour: bool = False) -> None:
    shown = SGR.sub("", output) if colour else output
    found = UNSAFE.search(shown)
    if found:
        around = shown[max(0, found.start() - 40) : found.end() + 40]
        pytest.fail(f"raw control character {found.group()!r} in output: {around!r}")


def assert_no_traceback(text: str) -> None:
    assert "Traceback" not in text, text[-3000:]


def run_all(runs: list[tuple[list[str], dict[str, str]]], timeout: float = HANG_GUARD_SECONDS) -> list[subprocess.CompletedProcess]:
    """The real command line once per (arguments, environment), one after another; none may hang."""
    return [run_cli(args, env=env, timeout=timeout) for args, env in runs]


# ============================================================================ 1. property tests
# ---------------------------------------------------------------------------- ask and interactions


@FAST
@given(question=hostile_text, as_json=st.booleans(), separator=st.booleans())
def test_ask_any_text_through_typer(runner, question: str, as_json: bool, separator: bool) -> None:
    # Without "--" a question starting with "-" is an unknown option: exit 2 as well.
    result = invoke(runner, ["ask", *(["--json"] if as_json else []), *(["--"] if separator else []), question])
    assert result.exit_code in (0, 2), result.output
    assert_safe(result.stdout)
    assert_safe(result.stderr)
    if as_json and result.exit_code == 0:
        json.loads(result.stdout)


@FAST
@given(names=st.lists(hostile_text, min_size=1, max_size=3), as_json=st.booleans())
def test_interactions_any_names_through_typer(runner, names: list[str], as_json: bool) -> None:
    result = invoke(runner, ["interactions", *(["--json"] if as_json else []), "--", *names])
    assert result.exit_code in (0, 2), result.output
    assert_safe(result.stdout)
    assert_safe(result.stderr)
    if as_json and result.exit_code == 0:
        json.loads(result.stdout)


@SLOW
@given(question=hostile_text, names=st.lists(hostile_text, min_size=1, max_size=2))
def test_ask_and_interactions_in_colour_write_only_colour_codes(runner, question: str, names: list[str]) -> None:
    for args in (["ask", "--", question], ["interactions", "--", *names]):
        result = invoke(runner, ["--color", *args])
        assert result.exit_code in (0, 2), result.output
        assert_safe(result.stdout, colour=True)


@pytest.mark.parametrize("question", ["\x1b[2J", "\x07\x00", "\u202e ", "\x1b]8;;http://x\x07"])
def test_a_question_of_only_escape_codes_is_empty(runner, question: str) -> None:
    from baclofen_cli.cli.fast import match

    assert match(["ask", question]) is None  # left to Typer, which says why
    result = invoke(runner, ["ask", question])
    assert result.exit_code == 2 and "the question is empty" in result.stderr
    assert_safe(result.stderr)


def run_fast_captured(argv: list[str]) -> tuple[int | None, str]:
    from baclofen_cli.cli.fast import run as run_fast

    buffer = io.StringIO()
    with redirect_stdout(buffer):
        code = run_fast(argv)
    return code, buffer.getvalue()


@FAST
@given(words=st.lists(hostile_text, min_size=1, max_size=3), command=st.sampled_from(["ask", "interactions"]),
       flags=st.sampled_from([[], ["--json"], ["--sources"]]))
def test_fast_path_any_text(words: list[str], command: str, flags: list[str], capsys: pytest.CaptureFixture) -> None:
    code, out = run_fast_captured([command, *words, *flags])
    # None: not a simple form, so Typer answers it (covered by the tests above).
    assert code in (None, 0, 2)
    assert_safe(out)
    assert_safe(capsys.readouterr().err)
    if code == 0 and "--json" in flags:
        json.loads(out)


# ---------------------------------------------------------------------------- the guide's prompt parser


@cache
def guide_topics_and_resolver():  # noqa: ANN201
    from baclofen_cli.core.state import AppState
    from baclofen_cli.features.guide.session import drug_resolver

    app_state = AppState(data=str(DATA_FILE))
    return [(t.id, t.title) for t in app_state.kb.topics], drug_resolver(app_state)


@PARSER
@given(text=hostile_text)
def test_guide_prompt_parser_any_text(text: str) -> None:
    from baclofen_cli.features.guide.session import MAX_INPUT_CHARS, parse_choice

    topics, resolve = guide_topics_and_resolver()
    choice = parse_choice(text, topics, resolve)
    assert choice.kind in ("empty", "quit", "menu", "help", "topic", "drug", "question", "invalid")
    assert UNSAFE.search(choice.value) is None
    assert len(choice.value) <= MAX_INPUT_CHARS
    if choice.kind == "topic":
        assert choice.value in {topic_id for topic_id, _ in topics}


# ---------------------------------------------------------------------------- the knowledge-file validator

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
    st.sampled_from(ESCAPES + MARKUP + ["", "2024-01-01", "s1", "overview", "major", "https://x"]),
)
structures = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.text(max_size=12), st.sampled_from(
            ["schema_version", "drug", "topics", "sources", "interactions", "quiz", "ask", "emergency", "disclaimer",
             "id", "text", "title", "sources", "sections", "points"])), children, max_size=5),
    ),
    max_leaves=40,
)


def dump(data: object) -> bytes:
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True).encode("utf-8")


def check(raw: bytes) -> list:
    """loader.check_file's problems; a file it cannot parse at all is one KnowledgeFileError."""
    try:
        _, problems = loader.check_file(raw, "clinic.yaml")
    except KnowledgeFileError as exc:
        assert "\n" not in str(exc) and UNSAFE.search(str(exc)) is None, str(exc)
        return [exc]
    for problem in problems:
        assert problem.code.startswith("BCL") and problem.message
        # One visible line each, whatever the file's keys and values hold.
        for text in (problem.message, problem.field):
            assert "\n" not in text and UNSAFE.search(text) is None, problem
    return problems


@FAST
@given(data=structures)
def test_validator_any_structure(data: object) -> None:
    check(dump(data))


@cache
def small_data() -> dict:
    """The small fixture parsed (the shipped file's own text, cut down): the validator and the
    renderers are code, tested on a file that checks and compiles in a fraction of the time."""
    return read_yaml(SMALL_FILE)


@st.composite
def mutated_knowledge(draw: st.DrawFn) -> dict:
    """The small fixture (the shipped file's text, cut down) with one to three values replaced,
    deleted or duplicated somewhere in the tree."""
    data = copy.deepcopy(small_data())
    for _ in range(draw(st.integers(1, 3))):
        node: object = data
        while True:
            keys = list(node.keys()) if isinstance(node, dict) else list(range(len(node)))  # type: ignore[union-attr]
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            child = node[key]  # type: ignore[index]
            if isinstance(child, (dict, list)) and child and draw(st.booleans()):
                node = child
                continue
            action = draw(st.sampled_from(["replace", "delete", "duplicate"]))
            if action == "replace":
                node[key] = draw(structures)  # type: ignore[index]
            elif action == "delete":
                del node[key]  # type: ignore[arg-type]
            elif isinstance(node, list):
                node.append(copy.deepcopy(child))
            else:
                node[draw(st.text(max_size=8))] = copy.deepcopy(child)  # type: ignore[index]
            break
    return data


@pytest.mark.slow
@SLOW
@given(data=mutated_knowledge())
def test_validator_mutations_of_the_real_file(data: dict) -> None:
    check(dump(data))


@pytest.mark.slow
@SLOW
@given(data=st.one_of(structures, mutated_knowledge()), as_json=st.booleans())
def test_validate_command_any_structure(runner, tmp_path_factory: pytest.TempPathFactory, data: object,
                                        as_json: bool) -> None:
    path = tmp_path_factory.mktemp("validate") / "clinic.yaml"
    path.write_bytes(dump(data))
    result = invoke(runner, ["validate", str(path), *(["--json"] if as_json else [])])
    assert result.exit_code in (0, 1), result.output
    assert_safe(result.stdout)
    if as_json:
        report = json.loads(result.stdout)
        assert report["valid"] == (result.exit_code == 0)


# ============================================================================ 2. knowledge files from others
# ---------------------------------------------------------------------------- Rich markup stays text

MARKED = {
    "title": "Title [link=https://evil.example]x[/link] end",
    "heading": "Heading [red]x[/red] :warning: [/]",
    "point": "Point [/] and [bold red]loud",
    "reminder": "Reminder [blink]now[/blink]",
    "disclaimer": "Disclaimer [/bold] [link=https://evil.example]here[/link]",
    "source": "Source [link=https://evil.example]s[/link]",
    "effect": "Effect [link=https://evil.example]click[/link] [/]",
}


def write_yaml(path: Path, data: dict) -> Path:
    path.write_bytes(dump(data))
    return path


@pytest.fixture(scope="module")
def marked_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = copy.deepcopy(small_data())
    overview = next(t for t in data["topics"] if t["id"] == "overview")
    overview["title"] = MARKED["title"]
    overview["sections"][0]["heading"] = MARKED["heading"]
    point = overview["sections"][0]["points"][0]
    point["text"] = MARKED["point"]
    data["emergency"]["reminder"]["text"] = MARKED["reminder"]
    data["disclaimer"]["text"] = MARKED["disclaimer"]
    marked_source = next(s for s in data["sources"] if s["id"] == point["sources"][0])
    # Official, so the handout's reference list (official sources only) shows it too.
    marked_source["title"], marked_source["tier"] = MARKED["source"], "official"
    next(g for g in data["interactions"]["groups"] if g["id"] == "benzodiazepines")["effect"] = MARKED["effect"]
    return write_yaml(tmp_path_factory.mktemp("marked") / "clinic.yaml", data)


TOPIC_MARKS = ["title", "heading", "point", "reminder", "disclaimer", "source"]


@pytest.mark.parametrize("style", ["plain", "colour", "json"])
def test_file_markup_is_shown_as_literal_text(marked_file: Path, style: str) -> None:
    env = {"FORCE_COLOR": "1"} if style == "colour" else {}
    flags = ["--json"] if style == "json" else []
    sources = [] if style == "json" else ["--sources"]  # JSON always lists them (--sources would say so)
    topic = run_cli(["--data", str(marked_file), "overview", *sources, *flags], env=env, timeout=60)
    drug = run_cli(["--data", str(marked_file), "interactions", "xanax", *flags], env=env, timeout=60)
    for result, keys in ((topic, TOPIC_MARKS), (drug, ["effect"])):
        assert result.returncode == 0 and result.stderr == "", result.stderr
        if style == "json":
            text = json.dumps(json.loads(result.stdout), ensure_ascii=False)
        else:
            assert_safe(result.stdout, colour=style == "colour")
            text = SGR.sub("", result.stdout)
            # Rich turned no markup into a hyperlink (OSC 8) or any other escape.
            assert "\x1b]" not in result.stdout
        for key in keys:
            if style == "json" and key == "disclaimer":
                continue  # not part of a topic's JSON
            # Plain text prints titles in capitals.
            assert MARKED[key].casefold() in text.casefold(), (key, text[:3000])


@pytest.mark.parametrize("fmt", ["md", "txt", "html", "json"])
def test_file_markup_stays_text_in_handouts(marked_file: Path, fmt: str) -> None:
    import html

    args = ["--json"] if fmt == "json" else ["--format", fmt]
    result = run_cli(["--data", str(marked_file), "handout", "--full", *args], timeout=60)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert_safe(out)
    flat = " ".join(out.split())
    for key in ("title", "heading", "point", "disclaimer", "source"):
        literal = MARKED[key]
        if fmt == "md":
            # Every bracket is escaped, so Markdown shows it as text and builds no link.
            assert "".join("\\" + c if c in "\\`*_[]<>&#|~!" else c for c in literal) in flat, key
        elif fmt == "html":
            assert html.escape(literal, quote=True) in flat, key
        elif fmt == "txt":
            assert literal.casefold() in flat.casefold(), key
    if fmt == "md":
        assert not re.search(r"(?<!\\)\[link=", out)
    if fmt == "html":
        assert 'href="https://evil' not in out
    if fmt == "json":
        view = json.loads(out)
        assert view["disclaimer"]["text"] == MARKED["disclaimer"]


# ---------------------------------------------------------------------------- escape codes are refused, and removed


ESCAPE_YAML = {  # how each would be written in a YAML double-quoted string
    "clear screen": r"\e[2J",
    "OSC 8 link": r"\e]8;;http://x\aclick\e]8;;\a",
    "window title": r"\e]0;pwned\a",
    "C1 CSI": r"\x9b2J",
    "bell": r"\a",
    "carriage return": r"\r",
    "backspace": r"\b\b",
    "NUL": r"\0",
    "right-to-left override": r"\u202E",
    "first strong isolate": r"\u2068",
}


@pytest.mark.parametrize("escape", list(ESCAPE_YAML.values()), ids=list(ESCAPE_YAML))
def test_escape_codes_in_a_file_are_reported_and_the_file_refused(tmp_path: Path, escape: str) -> None:
    text = SMALL_FILE.read_text(encoding="utf-8")
    start = text.index("    title: ", text.index("\ntopics:"))
    end = text.index("\n", start)
    line = text[:start].count("\n") + 1
    path = tmp_path / "clinic.yaml"
    path.write_text(text[:start] + f'    title: "Hello {escape} there"' + text[end:], encoding="utf-8")

    report, *results = run_all([(["validate", str(path)], {}), (["--data", str(path), "overview"], {}),
                                (["overview"], {"BACLOFEN_DATA": str(path)})])
    assert report.returncode == 1
    assert f"{path}:{line}: BCL007 topics[0].title: text contains control characters" in report.stdout
    assert_safe(report.stdout)
    for result in results:
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.startswith(f"baclofen: error: {path}:{line}: topics[0].title: text contains control")
        assert len(result.stderr.splitlines()) == 1
        assert_safe(result.stderr)


def test_raw_control_characters_in_a_file_are_a_one_line_error(tmp_path: Path) -> None:
    """An escape typed into the file itself (not as a YAML escape) is not even valid YAML."""
    text = SMALL_FILE.read_text(encoding="utf-8")
    line = text[: text.index("  name: baclofen")].count("\n") + 1
    path = tmp_path / "clinic.yaml"
    path.write_text(text.replace("  name: baclofen", "  name: bac\x1b[2Jlofen", 1), encoding="utf-8")
    result = run_cli(["--data", str(path), "overview"], timeout=HANG_GUARD_SECONDS)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"baclofen: error: {path}:{line}: invalid YAML: the character U+001B is not allowed " \
                            "(a knowledge file is plain text)\n"


def test_a_file_name_with_a_newline_or_escape_is_shown_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "clinic\nfile\x1b[2J.yaml"
    result = run_cli(["--data", str(path), "overview"], timeout=HANG_GUARD_SECONDS)
    assert result.returncode == 2
    assert result.stderr == f"baclofen: error: {tmp_path}/clinic\\nfile\\x1b[2J.yaml: file not found\n"
    path.write_bytes(small_bytes())
    report = run_cli(["validate", str(path)], timeout=HANG_GUARD_SECONDS)
    shown = f"{tmp_path}/clinic\\nfile\\x1b[2J.yaml"
    # Whatever validate finds (test_validate checks that), each line names the file escaped, on that line.
    *found, summary = report.stdout.splitlines()
    assert report.returncode in (0, 1) and "\x1b" not in report.stdout
    assert summary.startswith(f"OK: {shown} is valid") or summary.endswith(f" found in {shown}")
    assert all(line.startswith(f"{shown}:") for line in found)


@pytest.mark.parametrize("style", ["plain", "colour", "json"])
def test_renderers_remove_escape_codes_that_get_past_validation(style: str) -> None:
    """Defence in depth: even text that skipped validation (an older cache, a future rule)
    cannot drive the terminal. Every output path is fed escape codes directly."""
    from baclofen_cli.core.output import Output, json_text
    from baclofen_cli.core.state import AppState
    from baclofen_cli.features.ask.command import answer_question
    from baclofen_cli.features.guide.session import Guide
    from baclofen_cli.features.handout.formats import render_html, render_markdown, render_text
    from baclofen_cli.features.handout.view import handout_view, reading_order
    from baclofen_cli.features.interactions.command import check_interactions
    from baclofen_cli.features.quiz.session import QuizSession
    from baclofen_cli.features.topics.command import show_topic

    app_state = AppState(data=str(DATA_FILE), color=style == "colour")
    kb = app_state.kb  # cached records: plain dicts, changed here for this test only
    evil = "".join(ESCAPES)
    overview = kb.topic("overview")
    overview["title"] = f"Overview{evil}"
    overview["sections"][0]["heading"] += evil
    overview["sections"][0]["points"][0]["text"] += evil
    kb.emergency.reminder["text"] += evil
    kb.emergency.contacts[0]["number"] += evil
    kb.disclaimer["text"] += evil
    for source in kb.sources:
        source["title"] += evil
    for group in kb.interactions.groups:
        group["effect"] += evil
    kb.quiz[0]["question"] += evil
    kb.quiz[0]["choices"][0]["text"] += evil
    as_json = style == "json"

    buffer = io.StringIO()
    with redirect_stdout(buffer):
        show_topic(app_state, "overview", as_json, sources=True)
        show_topic(app_state, "overdose", as_json, sources=True)
        check_interactions(app_state, ["xanax", "florbitrex"], as_json, sources=True)
        check_interactions(app_state, [], as_json, sources=True)
        answer_question(app_state, "what is baclofen" + evil, as_json)
        lines = iter(["1", "xanax", "q"])
        Guide(app_state, read=lambda prompt: next(lines)).run()
        out = Output.create(color=style == "colour")
        QuizSession(kb, out, io.StringIO("a\n"), interactive=False, command="baclofen", seed=1).run(kb.quiz[:1])
    output = buffer.getvalue()
    assert "Overview" in output
    if as_json:
        output = SGR.sub("", output)  # the guide and the quiz have no JSON mode
    assert_safe(output, colour=style == "colour")
    assert "\x1b]" not in output and "\x9b" not in output

    view = handout_view(kb, reading_order(kb), layout="full")
    for page in (render_markdown(view), render_text(view), render_html(view), json_text(view)):
        assert "overview" in page.casefold()
        assert_safe(page)


# ---------------------------------------------------------------------------- encodings, line endings, size, nesting


def small_bytes() -> bytes:
    """The smaller test file: the odd-encoding cases test the reader, not the shipped content."""
    return SMALL_FILE.read_bytes()


def deep(n: int, style: str) -> str:
    if style == "flow lists":
        return "a: " + "[" * n + "]" * n + "\n"
    if style == "flow maps":
        return "a: " + "{b: " * n + "1" + "}" * n + "\n"
    if style == "block lists":
        return "a:\n  " + "- " * n + "x\n"
    if style == "block maps":
        return "a:\n" + "".join(" " * i + "b:\n" for i in range(1, n)) + " " * n + "x\n"
    raise ValueError(style)


FILES = {
    # name: (bytes, works?, part of the one-line error)
    "UTF-8 with BOM": (b"\xef\xbb\xbf" + small_bytes(), True, ""),
    "CRLF line endings": (small_bytes().replace(b"\n", b"\r\n"), True, ""),
    "BOM and CRLF": (b"\xef\xbb\xbf" + small_bytes().replace(b"\n", b"\r\n"), True, ""),
    "old Mac CR line endings": (small_bytes().replace(b"\n", b"\r"), True, ""),
    "Latin-1": (small_bytes().decode("utf-8").replace("What if I miss", "What if I m\xefss").encode("latin-1", "replace"),
                False, "not UTF-8 text (byte 0xef"),
    "Windows-1252": (
        small_bytes().decode("utf-8").replace("What if I miss", "What if I miss \u2019").encode("cp1252", "replace"),
        False, "not UTF-8 text (byte 0x92",
    ),
    "UTF-16": (small_bytes().decode("utf-8").encode("utf-16"), False, "saved as UTF-16: save it as UTF-8"),
    "20 MB": (b"drug:\n  name: " + b"a" * (20 * 1024 * 1024) + b"\n", False, "file is too large"),
    "2 MB of tiny keys": ("".join(f"k{i}: v\n" for i in range(200_000)).encode(), False, "more than 100,000 values"),
    "99,990 tiny keys": ("".join(f"k{i}: v\n" for i in range(99_990)).encode(), False, "unknown field 'k0'"),
    "10,000 nested flow lists": (deep(10_000, "flow lists").encode(), False, "nested more than 40 levels deep"),
    "1,000,000 unclosed [": (b"[" * 1_000_000, False, "nested more than 40 levels deep"),
    "10,000 nested flow maps": (deep(10_000, "flow maps").encode(), False, "nested more than 40 levels deep"),
    "10,000 nested block lists": (deep(10_000, "block lists").encode(), False, "nested more than 40 levels deep"),
    "1,900 nested block maps": (deep(1_900, "block maps").encode(), False, "nested more than 40 levels deep"),
}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.slow) if "keys" in n else n for n in FILES])
def test_odd_files_work_or_fail_clearly_without_hanging(tmp_path: Path, name: str) -> None:
    raw, works, message = FILES[name]
    path = tmp_path / "clinic.yaml"
    path.write_bytes(raw)
    runs = [
        (["--data", str(path), "missed-dose", "--json"], {}),
        (["missed-dose", "--json"], {"BACLOFEN_DATA": str(path)}),
        (["validate", str(path)], {}),
    ]
    report, *results = run_all(runs[-1:] + runs[:-1])
    assert report.returncode == (0 if works else 1)
    assert_no_traceback(report.stderr)
    if not works:
        assert message in report.stdout
    for (args, _), result in zip(runs, results):
        assert_no_traceback(result.stderr)
        if works:
            assert result.returncode == 0, result.stderr
            view = json.loads(result.stdout) if "--json" in args else None
            if view:
                assert view["title"] == "What if I miss a dose?" and "\r" not in result.stdout
        else:
            assert result.returncode == 2, (result.returncode, result.stderr[-500:])
            assert result.stdout == ""
            assert result.stderr.startswith(f"baclofen: error: {path}") and message in result.stderr, result.stderr
            assert len(result.stderr.splitlines()) == 1, result.stderr[:500]


def test_line_numbers_are_right_with_crlf_line_endings(tmp_path: Path) -> None:
    text = SMALL_FILE.read_text(encoding="utf-8")
    text = text.replace("schema_version: 1\n", "schema_version: 1\nschema_version: 2\n", 1)
    line = text[: text.index("schema_version: 2")].count("\n") + 1
    path = tmp_path / "clinic.yaml"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    result = run_cli(["--data", str(path), "overview"], timeout=HANG_GUARD_SECONDS)
    assert result.returncode == 2
    assert result.stderr == f"baclofen: error: {path}:{line}: duplicate key 'schema_version'\n"


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    """A file in a folder the user cannot enter. Root reads through any permission, so as
    root the command runs as 'nobody' (setpriv); without setpriv it is skipped."""
    locked = tmp_path / "locked"
    locked.mkdir()
    path = locked / "clinic.yaml"
    path.write_bytes(small_bytes())
    prefix: list[str] = []
    if os.geteuid() == 0:
        reason = why_another_user_cannot_run_the_tool()
        if reason:
            pytest.skip(f"root can read any file, and {reason}")
        prefix = OTHER_USER
    tmp_path.chmod(0o755)
    locked.chmod(0o000)
    try:
        for args in (["--data", str(path), "overview"], ["validate", str(path)]):
            env = {**os.environ, "BACLOFEN_CACHE_DIR": str(tmp_path / "cache"), "HOME": str(tmp_path)}
            result = subprocess.run([*prefix, script_path(), *args], capture_output=True, text=True, timeout=HANG_GUARD_SECONDS,
                                    env=env)
            assert_no_traceback(result.stderr)
            if args[0] == "validate":
                assert result.returncode == 1
                assert "cannot read the file (permission denied)" in result.stdout
            else:
                assert result.returncode == 2
                assert result.stderr == f"baclofen: error: {path}: cannot read the file (permission denied)\n"
    finally:
        locked.chmod(0o755)


def test_a_file_that_cannot_be_read_in_process(runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same refusal, simulated, so it is checked even where the test above is skipped."""
    path = tmp_path / "clinic.yaml"
    path.write_bytes(small_bytes())
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # noqa: ANN202
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = invoke(runner, ["--data", str(path), "overview"])
    assert result.exit_code == 2
    assert result.stderr == f"baclofen: error: {path}: cannot read the file (permission denied)\n"


# ============================================================================ 3. alias bombs and code tags

ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join(['*' + prev] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip([""] + list("abcdefgh"), "abcdefghi")
)
MERGE_BOMB = "a: &a {x: 1}\nb:\n  <<: *a\n"


def code_payloads(marker: Path) -> dict[str, str]:
    return {
        "object/apply": f"x: !!python/object/apply:os.system ['touch {marker}']\n",
        "object/new": f"x: !!python/object/new:subprocess.check_call [['touch', '{marker}']]\n",
        "name": "x: !!python/name:os.system\n",
        "module": "x: !!python/module:os\n",
        "tagged key": f"? !!python/object/apply:os.system ['touch {marker}']\n: x\n",
        "local tag": "x: !pwn {cmd: ls}\n",
    }


def how_the_tool_reads(path: Path) -> list[tuple[list[str], dict[str, str]]]:
    """Every way a knowledge file is read: by the fast path and by Typer, named by --data or
    $BACLOFEN_DATA, and by `validate`."""
    return [
        (["--data", str(path), "overview"], {}),
        (["interactions", "xanax"], {"BACLOFEN_DATA": str(path)}),
        (["--data", str(path), "handout"], {}),
        (["validate", str(path)], {}),
    ]



@pytest.mark.parametrize("bomb", [ALIAS_BOMB, MERGE_BOMB, "schema_version: 1\n" + ALIAS_BOMB],
                         ids=["billion laughs", "merge key", "after a valid start"])
def test_alias_bombs_never_expand(tmp_path: Path, bomb: str) -> None:
    path = tmp_path / "clinic.yaml"
    path.write_text(bomb, encoding="utf-8")
    runs = how_the_tool_reads(path)
    for (args, _), result in zip(runs, run_all(runs), strict=True):
        assert_no_traceback(result.stderr)
        assert result.returncode == (1 if "validate" in args else 2)
        assert ("anchors and aliases" in result.stderr + result.stdout
                or "merge keys" in result.stderr + result.stdout), result


@pytest.mark.parametrize("kind", list(code_payloads(Path("m"))))
def test_python_tags_never_run_code(tmp_path: Path, kind: str) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "clinic.yaml"
    path.write_text(code_payloads(marker)[kind] + SMALL_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    runs = how_the_tool_reads(path)
    for (args, _), result in zip(runs, run_all(runs), strict=True):
        assert_no_traceback(result.stderr)
        assert result.returncode == (1 if "validate" in args else 2)
        said = result.stderr + result.stdout
        assert "is not allowed" in said or "keys must be plain text" in said, result
        assert not marker.exists()


# ============================================================================ 4. nothing half-written

needs_proc = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name an open file")


def interrupted(  # noqa: ANN201
    tmp_path: Path, args: list[str], target: str, signum: int, env: dict[str, str] | None = None
):
    full_env = {**signal_at_fsync(tmp_path, target, signum), **(env or {})}
    result = run_cli(args, env=full_env, timeout=60)
    assert "hostile: signal while writing" in result.stderr, result.stderr  # the signal did arrive mid-write
    assert_no_traceback(result.stderr)
    return result


@needs_proc
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("force", [False, True], ids=["new file", "--force over an old one"])
def test_handout_interrupted_while_writing_leaves_no_half_file(tmp_path: Path, signum: int, force: bool) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "handout.html"
    if force:
        target.write_text("the old handout", encoding="utf-8")
    run_cli(["overview"])  # the cache is written before, so the signal hits the handout
    args = ["handout", "--format", "html", "-o", str(target), *(["--force"] if force else [])]
    result = interrupted(tmp_path, args, ".handout.html.", signum)
    assert result.returncode == 128 + signum
    if force:
        assert target.read_text(encoding="utf-8") == "the old handout"
        assert [p.name for p in out_dir.iterdir()] == ["handout.html"]
    else:
        assert list(out_dir.iterdir()) == []


@needs_proc
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_cache_write_interrupted_leaves_no_half_entry(tmp_path: Path, signum: int) -> None:
    cache = tmp_path / "cache"
    env = {"BACLOFEN_CACHE_DIR": str(cache)}
    result = interrupted(tmp_path, ["missed-dose"], f".{loader.KB_FILE}.", signum, env)
    assert result.returncode == 128 + signum
    (entry,) = cache.iterdir()
    # The indexes were finished; the knowledge base, written last, was not: no entry is complete.
    started = [cache_store.ENTRY_MARKER, *(f"{name}.json" for name in loader.INDEX_BUILDERS)]
    assert sorted(p.name for p in entry.iterdir()) == sorted(started)
    again = run_cli(["missed-dose", "--json"], env=env, timeout=60)
    assert again.returncode == 0 and json.loads(again.stdout)["id"] == "missed-dose"
    complete = sorted([loader.KB_FILE, *started])
    assert sorted(p.name for p in entry.iterdir()) == complete


def test_cache_on_a_full_disk_is_skipped_and_leaves_nothing(runner, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    cache = tmp_path / "cache"
    monkeypatch.setenv("BACLOFEN_CACHE_DIR", str(cache))

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = invoke(runner, ["missed-dose", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "missed-dose"
    assert [p for p in cache.rglob("*") if p.is_file()] == []


def test_cache_never_removes_what_it_did_not_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """BACLOFEN_CACHE_DIR may name a folder with the user's own files: pruning old entries
    removes cache entries only (it once removed all but the 7 newest things in the folder)."""
    folder = tmp_path / "my-folder"
    folder.mkdir()
    for n in range(12):
        (folder / f"project-{n}").mkdir()
        (folder / f"project-{n}" / "notes.txt").write_text("mine", encoding="utf-8")
        (folder / f"letter-{n}.txt").write_text("mine", encoding="utf-8")
    old_entry = folder / ("0" * 32)
    assert cache_store.make_entry(old_entry)  # an old entry of this cache, with its marker
    monkeypatch.setenv("BACLOFEN_CACHE_DIR", str(folder))
    data = SMALL_FILE.read_text(encoding="utf-8")  # each version is compiled: the small file, quickly
    for n in range(cache_store.CACHE_ENTRIES_KEPT + 2):  # more versions of a file than entries are kept
        version = tmp_path / f"clinic-{n}.yaml"
        version.write_text(data.replace("title: What if I miss a dose?", f"title: What if I miss a dose? ({n})", 1), "utf-8")
        assert loader.load(version).kb.topic("missed-dose").title == f"What if I miss a dose? ({n})"
    mine = sorted(p.name for p in folder.iterdir() if not (p / cache_store.ENTRY_MARKER).exists())
    assert mine == sorted([f"project-{n}" for n in range(12)] + [f"letter-{n}.txt" for n in range(12)])
    assert all((folder / f"project-{n}" / "notes.txt").read_text(encoding="utf-8") == "mine" for n in range(12))
    entries = [p for p in folder.iterdir() if (p / cache_store.ENTRY_MARKER).exists()]
    assert len(entries) == cache_store.CACHE_ENTRIES_KEPT and not old_entry.exists()


def test_no_home_directory_means_no_cache_not_a_crash(runner, monkeypatch: pytest.MonkeyPatch) -> None:
    """HOME unset and a user id without a passwd entry (some containers): Path.home() fails."""

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    for args in (["missed-dose", "--json"], ["interactions", "xanax", "--json"], ["ask", "i forgot my pill"]):
        result = invoke(runner, args)
        assert result.exit_code == 0, result.output


def test_no_home_directory_through_the_script() -> None:
    reason = why_another_user_cannot_run_the_tool()
    if reason:
        pytest.skip(reason)
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    result = subprocess.run(["setpriv", "--reuid=54321", "--regid=54321", "--clear-groups", script_path(), "overview"],
                            capture_output=True, text=True, timeout=60, env=env, cwd="/")
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_handout_into_a_pipe_a_device_or_a_link(tmp_path: Path) -> None:
    """-o into something that is not a regular file writes into it; it is never replaced by a file
    (as root, `-o /dev/stdout --force` once replaced /dev/stdout itself)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        result = run_cli(["handout", "--format", "txt", "-o", str(fifo), "--force"], timeout=60)
        received, _ = reader.communicate(timeout=60)
    finally:
        reader.kill()  # never left waiting on the pipe if the handout failed to open it
        reader.wait()
    assert result.returncode == 0, result.stderr
    assert received.decode("utf-8").startswith("BACLOFEN: WHAT YOU NEED TO KNOW")
    assert fifo.is_fifo()

    null_link = tmp_path / "null"
    null_link.symlink_to(os.devnull)
    assert run_cli(["handout", "-o", str(null_link)], timeout=60).returncode == 0
    assert null_link.is_symlink() and Path(os.devnull).is_char_device()

    real, link = tmp_path / "real.md", tmp_path / "link.md"
    real.write_text("old", encoding="utf-8")
    link.symlink_to(real.name)
    assert run_cli(["handout", "-o", str(link)], timeout=60).returncode == 2  # exists: --force needed
    assert run_cli(["handout", "-o", str(link), "--force"], timeout=60).returncode == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# Baclofen")

    piped = subprocess.run(f"'{script_path()}' handout -o /dev/stdout | head -1", shell=True, capture_output=True,
                           text=True, timeout=60)
    assert piped.stdout.startswith("# Baclofen") and piped.stderr == ""
    assert Path("/dev/stdout").is_symlink() or not Path("/dev/stdout").is_file()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_handout_onto_a_full_device_is_a_clear_error() -> None:
    result = run_cli(["handout", "-o", "/dev/full"], timeout=60)
    assert result.returncode == 2
    assert result.stderr == "baclofen: error: cannot write /dev/full (No space left on device)\n"


@pytest.mark.parametrize(("source", "works", "message"), [
    ("process substitution", True, ""),
    ("/dev/zero", False, "file is too large"),
    ("/dev/null", False, "the file is empty"),
])
def test_knowledge_file_from_a_pipe_or_a_device(source: str, works: bool, message: str) -> None:
    path = f"<(cat '{SMALL_FILE}')" if source == "process substitution" else source
    result = subprocess.run(["bash", "-c", f"'{script_path()}' --data {path} missed-dose --json"],
                            capture_output=True, text=True, timeout=HANG_GUARD_SECONDS, env=dict(os.environ))
    assert_no_traceback(result.stderr)
    if works:
        assert result.returncode == 0 and json.loads(result.stdout)["id"] == "missed-dose"
    else:
        assert result.returncode == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1


# ============================================================================ 5. terminals, pipes, signals

TERMINAL_COMMANDS = [
    ["overdose", "--sources"],
    ["interactions"],
    ["interactions", "xanax", "beer", "florbitrex"],
    ["ask", "my husband took too many and cant breathe"],
    ["ask", "what is the capital of france"],
    ["topics"],
    ["sources"],
    # Any file's report takes the same output path; the small one is checked in a fraction of the time.
    ["validate", str(SMALL_FILE)],
    ["quiz", "--seed", "1", "--count", "2"],
    ["handout", "--format", "txt"],
    ["missed-dose", "--help"],
    ["guide"],
]
TERMINALS = {
    "COLUMNS=20": {"COLUMNS": "20"},
    "COLUMNS=20 colour": {"COLUMNS": "20", "FORCE_COLOR": "1"},
    "TERM=dumb": {"TERM": "dumb"},
    "NO_COLOR": {"NO_COLOR": "1", "FORCE_COLOR": "1"},
    "FORCE_COLOR": {"FORCE_COLOR": "1"},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "ascii colour": {"PYTHONIOENCODING": "ascii", "FORCE_COLOR": "1"},
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "latin-1 colour": {"PYTHONIOENCODING": "latin-1", "FORCE_COLOR": "1"},
    "odd COLUMNS": {"COLUMNS": "-3"},
    "huge COLUMNS": {"COLUMNS": "100000", "FORCE_COLOR": "1"},
}


def assert_fits(output: str, width: int, args: list[str]) -> None:
    """Every line fits the width, except web addresses and words longer than the width, and
    prompts (they are one line by nature; the terminal wraps what is typed after them)."""
    for line in SGR.sub("", output).splitlines():
        if "http" in line or "(q to quit)" in line or line.startswith("Your answer ("):
            continue
        if max((len(word) for word in line.split()), default=0) < width - 6:
            assert len(line) <= width, (args, line)


def run_many(commands: list[list[str]], env: dict[str, str], stdin: str) -> list[subprocess.CompletedProcess]:
    """Each command once, output decoded in the terminal's encoding. A terminal that is not UTF-8
    (PYTHONIOENCODING, read when Python starts) is a real process each (four at a time); the
    others run in this process (run_cli), one after another."""
    encoding = env.get("PYTHONIOENCODING")
    if not encoding:
        return [run_cli(args, env=env, input=stdin, timeout=60) for args in commands]
    from concurrent.futures import ThreadPoolExecutor

    def run(args: list[str]) -> subprocess.CompletedProcess:
        done = subprocess.run([script_path(), *args], input=stdin.encode(encoding), capture_output=True, timeout=60,
                              env={**os.environ, **env})
        return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(encoding),
                                           done.stderr.decode(encoding))

    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(run, commands))


@pytest.mark.parametrize("terminal", list(TERMINALS))
def test_every_command_on_odd_terminals(terminal: str) -> None:
    env = TERMINALS[terminal]
    colour = "FORCE_COLOR" in env and "NO_COLOR" not in env
    for args, result in zip(TERMINAL_COMMANDS, run_many(TERMINAL_COMMANDS, env, "a\nb\n"), strict=True):
        # validate exits 1 when the file has problems (test_validate checks which); here only the output counts.
        assert result.returncode in ((0, 1) if args[0] == "validate" else (0,)), (args, result.stderr)
        assert result.stderr == "", (args, result.stderr)
        # Only what the terminal's encoding can show ('?' or '-' in place of the rest): decoded above.
        stdout = result.stdout
        assert_safe(stdout, colour=colour)
        if not colour:
            assert "\x1b" not in stdout, args
        if env.get("COLUMNS") == "20" and args[0] not in ("handout", "validate") and "--help" not in args:
            assert_fits(stdout, 20, args)


PIPED_COMMANDS = [
    ["interactions"],
    ["interactions", "xanax", "--sources"],
    ["ask", "can i drink beer"],
    ["topics"],
    ["sources"],
    ["side-effects", "--json"],
    ["handout"],
    ["handout", "--format", "html"],
    ["handout", "--json"],
    ["quiz", "--json", "--count", "40"],
    ["validate", str(SMALL_FILE), "--json"],
    ["--help"],
]


@pytest.mark.parametrize("colour", [False, True], ids=["plain", "colour"])
def test_stdout_closed_early_by_head(colour: bool) -> None:
    from concurrent.futures import ThreadPoolExecutor

    env = {**os.environ, **({"FORCE_COLOR": "1"} if colour else {})}

    def run(args: list[str]) -> subprocess.CompletedProcess:
        line = " ".join(f"'{a}'" for a in [script_path(), *args])
        return subprocess.run(["bash", "-o", "pipefail", "-c", f"{line} < /dev/null | head -1"],
                              capture_output=True, text=True, env=env, timeout=60)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, PIPED_COMMANDS))
    for args, result in zip(PIPED_COMMANDS, results, strict=True):
        # 0, or 1 for a reader that left (what Typer itself returns): never a traceback or a complaint.
        assert result.returncode in (0, 1), (args, result.returncode, result.stderr)
        assert result.stderr == "", (args, result.stderr)
        assert result.stdout.strip(), args


def test_stdout_already_closed() -> None:
    """The reader is gone before the first write: every write fails with EPIPE, at once."""
    from concurrent.futures import ThreadPoolExecutor

    def run(args: list[str]) -> tuple[int, str]:
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            child = subprocess.Popen([script_path(), *args], stdout=write_end, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, text=True)
        finally:
            os.close(write_end)
        _, err = child.communicate(timeout=60)
        return child.returncode, err

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, [*PIPED_COMMANDS, ["overview"], ["quiz", "--seed", "1"]]))
    for args, (code, err) in zip([*PIPED_COMMANDS, ["overview"], ["quiz"]], results, strict=True):
        assert code in (0, 1), (args, code, err)
        assert err == "", (args, err)


@pytest.mark.parametrize("closed", [">&-", "2>&-"], ids=["stdout closed", "stderr closed"])
def test_started_with_stdout_or_stderr_closed(closed: str) -> None:
    """`>&-` leaves Python without sys.stdout (every write used to raise AttributeError)."""
    from concurrent.futures import ThreadPoolExecutor

    commands = [["overview"], ["topics"], ["interactions", "xanax"], ["ask", "hello"], ["handout"], ["quiz"],
                ["guide"], ["validate", str(SMALL_FILE)], ["--data", "/no/such/file.yaml", "overview"], ["sideefects"]]

    def run(args: list[str]) -> subprocess.CompletedProcess:
        line = " ".join(f"'{a}'" for a in [script_path(), *args])
        return subprocess.run(["bash", "-c", f"{line} {closed} < /dev/null"], capture_output=True, text=True,
                              timeout=60, env=dict(os.environ))

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, commands))
    for args, result in zip(commands, results, strict=True):
        expected = (2,) if args[0] in ("--data", "sideefects") else (0,)
        if args[0] == "validate":  # 1 when the file has problems (test_validate checks which)
            expected = (0, 1)
        assert result.returncode in expected, (args, result.stdout, result.stderr)
        assert_no_traceback(result.stdout + result.stderr)


@pytest.mark.parametrize("stdin", ["closed", "/dev/null"])
@pytest.mark.parametrize("command", ["guide", "quiz", "alone"])
def test_stdin_closed_or_empty(command: str, stdin: str) -> None:
    redirect = "<&-" if stdin == "closed" else "< /dev/null"
    line = f"'{script_path()}' {'' if command == 'alone' else command} {redirect}"
    result = subprocess.run(["bash", "-c", line], capture_output=True, text=True, timeout=60, env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    expected = {"guide": "Goodbye.", "quiz": "Quiz stopped after 0 of 5 questions.", "alone": "Usage: baclofen"}
    assert expected[command] in result.stdout


@pytest.mark.parametrize("command", ["guide", "quiz"])
def test_answers_that_are_not_utf8_under_a_strict_locale(command: str) -> None:
    """Under en_US.UTF-8 Python decodes stdin strictly; a Latin-1 answer must not crash."""
    result = subprocess.run([script_path(), command], input=b"1\n\xe9t\xe9\xff\nq\n", capture_output=True,
                            timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"})
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stderr == b""


def test_arguments_that_are_not_utf8() -> None:
    """Bytes that are not UTF-8 on the command line (a Latin-1 terminal) are answered, never a crash."""
    for args in (["ask", b"caf\xe9 \xff"], ["interactions", b"caf\xe9"], ["interactions", b"x\xff", "--json"],
                 ["validate", b"/tmp/no-such-\xe9.yaml"], ["show", b"\xe9"]):
        result = subprocess.run([script_path(), *args], capture_output=True, timeout=60, env=dict(os.environ))
        assert result.returncode in (0, 1, 2), args
        assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
        assert_safe(result.stdout.decode("utf-8"))


pexpect = pytest.importorskip("pexpect")


def spawn_terminal(*args: str):  # noqa: ANN201
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env.update({"TERM": "xterm-256color", "COLUMNS": "100"})
    return pexpect.spawn(script_path(), list(args), env=env, encoding="utf-8", timeout=60, dimensions=(40, 100))


@pytest.mark.parametrize(
    ("args", "prompt", "signum", "code", "last_words"),
    [
        (["guide"], r"\(q to quit\): ", signal.SIGINT, 0, "Goodbye"),
        (["guide"], r"\(q to quit\): ", signal.SIGTERM, 143, None),
        ([], r"\(q to quit\): ", signal.SIGTERM, 143, None),
        (["quiz", "--seed", "3"], r"Your answer \(a-", signal.SIGINT, 130, "Quiz stopped after 0 of 5"),
        (["quiz", "--seed", "3"], r"Your answer \(a-", signal.SIGTERM, 143, None),
    ],
    ids=["guide SIGINT", "guide SIGTERM", "baclofen alone SIGTERM", "quiz SIGINT", "quiz SIGTERM"],
)
def test_signals_at_the_prompt(args: list[str], prompt: str, signum: int, code: int, last_words: str | None) -> None:
    """A signal (not a typed Ctrl-C) at the prompt of a colour terminal: the conventional exit code
    (the guide treats Ctrl-C as leaving, so 0), and never a traceback."""
    child = spawn_terminal(*args)
    child.expect(prompt)
    child.kill(signum)
    if last_words:
        child.expect(last_words)
    rest = child.read()
    child.close()
    assert (child.exitstatus, child.signalstatus) == (code, None)
    assert "Traceback" not in rest and "KeyboardInterrupt" not in rest, rest


def test_sigterm_while_an_answer_is_printed_in_the_guide() -> None:
    child = spawn_terminal("guide")
    child.expect(r"\(q to quit\): ")
    child.sendline("interactions")
    child.kill(signal.SIGTERM)
    rest = child.read()
    child.close()
    assert child.exitstatus == 143 and "Traceback" not in rest


# ============================================================================ 6. typos get a suggestion

@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (["sideefects"], "Did you mean 'side-effects'?"),
        (["pregnacy"], "Did you mean 'pregnancy'?"),
        (["interactons"], "Did you mean 'interactions'"),
        (["missed-dose", "--jsn"], "has no option --jsn. Did you mean '--json'?"),
        (["interactions", "xanax", "--sorces"], "has no option --sorces. Did you mean '--sources'?"),
        (["ask", "--jsn", "hi"], "has no option --jsn. Did you mean '--json'?"),
        (["handout", "--frmat", "txt"], "has no option --frmat. Did you mean '--format'?"),
        (["--dta", "x.yaml", "overview"], "has no option --dta. Did you mean '--data'?"),
        (["--colr", "overview"], "Did you mean '--color' or '--no-color'?"),
        (["\x1b[2Jstorge"], "'storge' is not a command. Did you mean 'storage'?"),
    ],
)
def test_unknown_commands_and_options_suggest_and_exit_2(args: list[str], suggestion: str) -> None:
    result = run_cli(args, timeout=60)
    assert result.returncode == 2
    assert result.stdout == ""
    assert suggestion in result.stderr, result.stderr
    assert result.stderr.startswith("baclofen: error: ")
    assert_no_traceback(result.stderr)
    assert_safe(result.stderr)


def test_a_bug_is_one_line_not_a_traceback(tmp_path) -> None:
    """The last line of defence in main(): an unexpected exception is reported in one line."""
    import subprocess
    import sys

    # Simulate a bug: the command itself raises.
    code = (
        "import sys; from baclofen_cli.cli import entry as m, fast as cli_fast\n"
        "cli_fast.run = lambda argv: (_ for _ in ()).throw(RuntimeError('boom'))\n"
        "sys.argv = ['baclofen', 'overview']; m.main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("baclofen: internal error (RuntimeError: boom)")
    assert len(result.stderr.strip().splitlines()) == 1
    debug = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30,
                           env={**__import__("os").environ, "BACLOFEN_DEBUG": "1"})
    assert "Traceback" in debug.stderr and "RuntimeError: boom" in debug.stderr


def test_option_typos_suggest_the_option(runner) -> None:
    from conftest import run_cli

    result = run_cli(["missed-dose", "--jsn"])
    assert result.returncode == 2
    assert "has no option --jsn. Did you mean '--json'?" in result.stderr
    root = run_cli(["--dta", "x.yaml", "overview"])
    assert root.returncode == 2 and "Did you mean '--data'?" in root.stderr
