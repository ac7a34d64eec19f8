"""render/ansi.py draws terminal answers without importing Rich: its output must be Rich's, byte for byte.

Each answer is drawn twice through the real command line with colour forced: once as shipped
(render/ansi.py draws it), once with Rich drawing everything (`draws_like_rich` answering
False, which is what a TERM=dumb or non-UTF-8 terminal gets). Then the same for generated
texts with random spans, widths and characters Rich measures differently, and for every style
word the module knows. A real terminal (pty) run checks the shipped script end to end.
"""

from __future__ import annotations

import io
import json
import os
import random
import sys
from pathlib import Path
from typing import NamedTuple

import pexpect
import pytest

from baclofen_cli.render import ansi
from conftest import read_yaml, run_cli, script_path

TESTS = Path(__file__).resolve().parent
COLOUR = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "BACLOFEN_PAGER": "cat"}


class Drawn(NamedTuple):
    ours: str
    by_rich: str
    handed_to_rich: int  # how many prints of our run Rich drew (ansi.Console.rich is called only for those)


def both_ways(monkeypatch: pytest.MonkeyPatch, args: list[str], columns: int = 80) -> Drawn:
    env = {**COLOUR, "COLUMNS": str(columns)}
    calls = []
    real = ansi.Console.rich
    with monkeypatch.context() as patched:
        patched.setattr(ansi.Console, "rich", lambda console: calls.append(1) or real(console))
        ours = run_cli(args, env=env)
    with monkeypatch.context() as patched:
        patched.setattr(ansi, "draws_like_rich", lambda stream: False)
        by_rich = run_cli(args, env=env)
    assert ours.returncode == by_rich.returncode == 0, ours.stderr + by_rich.stderr
    assert "\x1b[" in ours.stdout  # in colour
    return Drawn(ours.stdout, by_rich.stdout, len(calls))


def topic_ids(language: str) -> list[str]:
    return [t["id"] for t in json.loads(run_cli(["--lang", language, "topics", "--json"]).stdout)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_topic_is_drawn_as_rich_draws_it(monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    for topic in topic_ids(language):
        drawn = both_ways(monkeypatch, ["--lang", language, topic, "--sources"])
        assert drawn.ours == drawn.by_rich, topic
        if topic != "interactions":  # the interaction listing's table is Rich's (below)
            assert drawn.handed_to_rich == 0, topic  # drawn by render/ansi.py, nothing handed to Rich


@pytest.mark.parametrize("columns", [20, 33, 47, 100])
def test_narrow_and_wide_terminals_are_drawn_as_rich_draws_them(monkeypatch: pytest.MonkeyPatch,
                                                                 columns: int) -> None:
    for args in (["missed-dose"], ["overdose"], ["side-effects"], ["interactions", "oxycodone", "xanax", "zzqq"],
                 ["ask", "can I drink alcohol with it"], ["--lang", "es", "ask", "se me olvidó una pastilla"],
                 ["topics"], ["sources", "--tier", "official"]):
        drawn = both_ways(monkeypatch, args, columns)
        assert drawn.ours == drawn.by_rich, (args, columns)


def test_answers_to_questions_are_drawn_as_rich_draws_them(monkeypatch: pytest.MonkeyPatch) -> None:
    phrasings = read_yaml(TESTS / "ask_phrasings.yaml")["phrasings"]
    questions = [p["q"] for p in phrasings[::6]] + [p["q"] for p in phrasings if p.get("emergency")][:8]
    spanish_set = read_yaml(TESTS / "ask_es_classes_v2.yaml")
    spanish = [p["q"] for p in spanish_set["phrasings"][::9]] + list(spanish_set["out_of_scope"][:3])
    for args in [["ask", q] for q in questions] + [["--lang", "es", "ask", q] for q in spanish]:
        drawn = both_ways(monkeypatch, args)
        assert drawn.ours == drawn.by_rich, args
        assert drawn.handed_to_rich == 0, args


def test_interactions_are_drawn_as_rich_draws_them(monkeypatch: pytest.MonkeyPatch) -> None:
    for names in (["oxycodone"], ["percoset", "gabapentin"], ["alcohol"], ["zzqq"], ["xanax", "morphine", "tizanidine"]):
        for language in ("en", "es"):
            drawn = both_ways(monkeypatch, ["--lang", language, "interactions", *names])
            assert drawn.ours == drawn.by_rich, names
            assert drawn.handed_to_rich == 0, names
    # The listing is a real table: Rich draws that one, around our blocks.
    drawn = both_ways(monkeypatch, ["interactions"])
    assert drawn.ours == drawn.by_rich and drawn.handed_to_rich > 0


# ------------------------------------------------------------------ generated texts, straight to both


def rich_console(stream: io.StringIO, width: int) -> object:
    return ansi.Console(stream, width).rich()


def drawn_both_ways(renderable: object, width: int, **options: object) -> tuple[str, str]:
    ours, theirs = io.StringIO(), io.StringIO()
    ansi.Console(ours, width).print(renderable, **options)
    rich_console(theirs, width).print(ansi.as_rich(renderable), **options)  # type: ignore[attr-defined]
    return ours.getvalue(), theirs.getvalue()


STYLE_WORDS = ["", "none", "bold", "dim", "italic", "underline", "blink", "reverse", "strike", *ansi.COLOURS,
               "on red", "on bright_blue", "bold white on red", "bold black on yellow", "dim italic", "BOLD Red",
               # Words render/ansi.py leaves to Rich: the answer must still be Rich's.
               "not bold", "default", "#ff8800", "repr.number", "color(200)", "on default"]
ALPHABET = ["a", "b", "c", "word", "é", "ñ", "¿", " ", " ", "  ", "\n", "•", "—", "’", "…", "[1]", "\xa0",
            "\t", "界", "e\u0301", "\u200b", "🙂", "\r", "\x07", "x" * 30]


def random_text(rng: random.Random) -> ansi.Text:
    text = ansi.Text("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40))),
                     rng.choice(["", "bold", "yellow", "bold red", "dim italic"]),
                     no_wrap=rng.choice([None, True, False]), overflow=rng.choice([None, "fold", "crop", "ignore"]))
    for _ in range(rng.randint(0, 4)):
        choice = rng.random()
        if choice < 0.4:
            start = rng.randint(0, len(text) + 2)
            text.stylize(rng.choice(STYLE_WORDS[:20]), start, rng.choice([None, start + rng.randint(-2, 12)]))
        elif choice < 0.6:
            text.highlight_regex(r"\[\d\]|wor", rng.choice(["dim", "bold cyan"]))
        elif choice < 0.8:
            text.append(rng.choice(ALPHABET), rng.choice([None, "", "underline blue", "bold"]))
        else:
            other = ansi.Text(rng.choice(ALPHABET), rng.choice(["", "green"]))
            other.stylize("bold", 0, 1)
            text.append_text(other)
    return text


@pytest.mark.parametrize("seed", range(8))
def test_generated_texts_and_panels_are_drawn_as_rich_draws_them(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(150):
        width = rng.randint(20, 100)
        text = random_text(rng)
        kind = rng.random()
        if kind < 0.4:
            renderable: object = text
        elif kind < 0.6:
            renderable = ansi.Text("\n", no_wrap=True, overflow="fold").join([text, random_text(rng)])
        else:
            body = text if rng.random() < 0.5 else ansi.Group(text, ansi.Text(""), random_text(rng))
            title = rng.choice([None, ansi.Text(""), random_text(rng), ansi.Text("W" * rng.randint(10, 110), "bold")])
            renderable = ansi.Panel(body, title=title, title_align="left",
                                    border_style=rng.choice(["red", "bold red", "cyan", "none"]))
        soft = {"soft_wrap": True} if rng.random() < 0.2 else {}
        ours, theirs = drawn_both_ways(renderable, width, **soft)
        assert ours == theirs, (width, repr(renderable), soft)


@pytest.mark.parametrize("style", STYLE_WORDS)
def test_each_style_word_is_written_as_rich_writes_it(style: str) -> None:
    text = ansi.Text("Take it with food ", style)
    text.append("[2]", "dim")
    for width in (20, 80):
        ours, theirs = drawn_both_ways(ansi.Panel(text, title=ansi.Text("Tip", style), border_style="green"), width)
        assert ours == theirs


def test_the_characters_counted_one_cell_wide_are_one_cell_in_rich() -> None:
    from rich.cells import cell_len

    assert all(cell_len(character) == 1 for character in ansi._ONE_CELL)


def test_a_file_cannot_inject_markup_or_escape_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    # Text is never read as markup, and control characters other than newlines never reach the terminal raw.
    text = ansi.Text("[bold red]not markup[/] \x1b]8;;x\x07 \r\x07bell")
    out = io.StringIO()
    ansi.Console(out, 80).print(text)
    assert "[bold red]not markup[/]" in out.getvalue() and "\r" not in out.getvalue() and "\x07" not in out.getvalue()
    ours, theirs = drawn_both_ways(text, 80)
    assert ours == theirs


# ------------------------------------------------------------------ a real terminal

DRAW_AND_REPORT = (
    "import sys\n"
    "from baclofen_cli.render import ansi\n"
    "if sys.argv[1] == 'rich': ansi.draws_like_rich = lambda stream: False\n"
    "sys.argv = ['baclofen', *sys.argv[2:]]\n"
    "from baclofen_cli.cli.entry import main\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    print('RICH LOADED' if 'rich.console' in sys.modules else 'NO RICH', flush=True)\n"
)


def on_a_terminal(drawer: str, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env.update(TERM="xterm-256color", COLUMNS="80", LINES="200", BACLOFEN_PAGER="cat")
    child = pexpect.spawn(sys.executable, ["-c", DRAW_AND_REPORT, drawer, *args], env=env, encoding="utf-8",
                          timeout=60, dimensions=(200, 80))
    output = child.read()
    child.close()
    assert child.exitstatus == 0, output
    return output


@pytest.mark.parametrize("args", [["missed-dose"], ["interactions", "oxycodone"],
                                  ["--lang", "es", "ask", "se me olvidó una pastilla"]])
def test_a_real_terminal_gets_rich_output_without_rich(args: list[str]) -> None:
    ours = on_a_terminal("ours", *args)
    by_rich = on_a_terminal("rich", *args)
    assert ours.endswith("NO RICH\r\n") and by_rich.endswith("RICH LOADED\r\n")
    assert "\x1b[" in ours and "╭" in ours  # colour and panels on a terminal
    assert ours.removesuffix("NO RICH\r\n") == by_rich.removesuffix("RICH LOADED\r\n")


def test_the_installed_script_draws_colour_on_a_terminal() -> None:
    child = pexpect.spawn(script_path(), ["overdose"], env={**os.environ, "TERM": "xterm-256color",
                                                            "BACLOFEN_PAGER": "cat"},
                          encoding="utf-8", timeout=60, dimensions=(200, 80))
    output = child.read()
    child.close()
    assert child.exitstatus == 0
    # The emergency is said in words as well as in red (colour is never the only signal).
    assert "\x1b[1;31m" in output and "EMERGENCY" in output.upper() and "╰" in output
