"""Teach-back quiz: draw questions from the knowledge file, read answers, explain, score.

The draw is reproducible (`--seed`, `--topics`), and answers come one per line on stdin (or
from `--answers`), so the quiz runs the same at a terminal, in a pipe and in tests. Reading and
writing go through `QuizSession`, which never raises on bad input: an answer it cannot read is
asked again at a terminal, and counted wrong in a pipe. `?` or `skip` means "not sure": the
answer is shown and the question counts as skipped. `record_view` turns given answers into
the JSON record a nurse can keep (`quiz --json --answers ...`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from baclofen_cli.core.model import KnowledgeBase, QuizItem
from baclofen_cli.core.output import Output, clean, show_input
from baclofen_cli.lang import phrase

if TYPE_CHECKING:
    from baclofen_cli.features.quiz.contract import GivenJSON, QuizItemJSON, QuizJSON, ReviewJSON

LETTERS = "abcdefghijklmnopqrstuvwxyz"
# The English words always count; the language pack adds its own ("verdadero", "v", "saltar").
_TRUE_FALSE = {"true": "true", "t": "true", "false": "false", "f": "false"}
# Typed at the prompt to mean "I am not sure": the quiz shows the answer and moves on.
SKIP_WORDS = frozenset({"?", "skip"})


def _true_false() -> dict[str, str]:
    """Answer words -> "true"/"false": the English ones and the pack's (its word and first letter)."""
    pack = {word: meaning for meaning in ("true", "false") for word in [_normal(phrase(f"quiz_{meaning}"))]}
    return {**{word[:1]: meaning for word, meaning in pack.items()}, **pack, **_TRUE_FALSE}


def _skip_words() -> frozenset[str]:
    return SKIP_WORDS | {_normal(phrase("quiz_skip_word"))}


def new_seed() -> int:
    import random

    return random.SystemRandom().randrange(1, 100_000)


def items_for_topics(items: list[QuizItem], topics: list[str] | None) -> list[QuizItem]:
    """The items about the given topic ids (all items when none are given), in file order."""
    if not topics:
        return list(items)
    wanted = set(topics)
    return [item for item in items if item.topic in wanted]


def parse_topics(value: str | None) -> list[str]:
    """`pump,stopping` or `pump stopping` -> ["pump", "stopping"], each once, in the order given."""
    if not value:
        return []
    return list(dict.fromkeys(part for part in value.replace(",", " ").split() if part))


def draw(items: list[QuizItem], count: int, seed: int) -> list[QuizItem]:
    """`count` items, the same for the same seed and file, spread over as many topics as possible."""
    import random

    pool = list(items)
    random.Random(seed).shuffle(pool)
    first: list[QuizItem] = []
    rest: list[QuizItem] = []
    seen: set[str] = set()
    for item in pool:
        (rest if item.topic in seen else first).append(item)
        seen.add(item.topic)
    return (first + rest)[: max(count, 0)]


def _normal(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .!")


def is_true_false(item: QuizItem) -> bool:
    words = _true_false()
    return len(item.choices) == 2 and {words.get(_normal(c.text)) for c in item.choices} == {"true", "false"}


def is_skip(answer: str) -> bool:
    return _normal(clean(answer)) in _skip_words() or clean(answer).strip() == "?"


def parse_answer(answer: str, item: QuizItem) -> int | None:
    """The chosen choice's index, or None. Accepts a letter (b, b), (b)), a number, the choice's
    own words, and true/false (t/f) for true-or-false items."""
    text = _normal(clean(answer)).strip("()[].:")  # noqa: B005 - a set of brackets and stops, on purpose
    if not text:
        return None
    n = len(item.choices)
    if len(text) == 1 and text in LETTERS[:n]:
        return LETTERS.index(text)
    if text.isdigit() and text.isascii() and 1 <= int(text) <= n:
        return int(text) - 1
    words = _true_false()
    if is_true_false(item) and text in words:
        wanted = words[text]
        return next(i for i, c in enumerate(item.choices) if words.get(_normal(c.text)) == wanted)
    matches = [i for i, c in enumerate(item.choices) if _normal(c.text) == text]
    return matches[0] if len(matches) == 1 else None


def answer_hint(item: QuizItem) -> str:
    """What the prompt offers: the letters and the numbers that mean the same choices."""
    n = len(item.choices)
    hint = phrase("quiz_choices_hint", letters=f"a-{LETTERS[n - 1]}", numbers=f"1-{n}")
    if is_true_false(item):
        hint += f", {phrase('quiz_true').casefold()}/{phrase('quiz_false').casefold()}"
    return f"{hint}, {phrase('quiz_skip_hint')}"


def correct_index(item: QuizItem) -> int:
    return next((i for i, c in enumerate(item.choices) if c.correct), 0)


def read_more_command(command: str, topic_id: str) -> str:
    from baclofen_cli.cli.spec import TOPIC_COMMANDS

    return f"{command} {topic_id}" if topic_id in TOPIC_COMMANDS else f"{command} show {topic_id}"


def item_view(kb: KnowledgeBase, item: QuizItem, command: str) -> QuizItemJSON:
    from baclofen_cli.features.topics.view import sources_view

    topic = kb.topic(item.topic)
    right = correct_index(item)
    return {
        "id": item.id,
        "topic": item.topic,
        "topic_title": topic.title if topic else item.topic,
        "question": item.question,
        "true_false": is_true_false(item),
        "choices": [{"letter": LETTERS[i], "text": c.text, "correct": c.correct} for i, c in enumerate(item.choices)],
        "answer": LETTERS[right],
        "answer_text": item.choices[right].text,
        "explanation": item.explanation,
        "read_more": read_more_command(command, item.topic),
        "sources": sources_view(kb, list(item.sources)),
    }


def quiz_view(
    kb: KnowledgeBase, items: list[QuizItem], seed: int, command: str, topics: list[str] | None = None
) -> QuizJSON:
    return {
        "seed": seed,
        "count": len(items),
        "topics": list(topics) if topics else None,
        "available": len(items_for_topics(kb.quiz, topics)),
        "items": [item_view(kb, item, command) for item in items],
    }


def grade(item: QuizItem, answer: str | None) -> GivenJSON:
    """One given answer, as the record keeps it: what was typed, the choice it means, and the result
    (right, wrong, skipped, not-a-choice, or unanswered when the answers ran out)."""
    if answer is None:
        return {"answer": None, "choice": None, "result": "unanswered"}
    shown = show_input(answer, 40)
    if is_skip(answer):
        return {"answer": shown, "choice": None, "result": "skipped"}
    chosen = parse_answer(answer, item)
    if chosen is None:
        return {"answer": shown, "choice": None, "result": "not-a-choice"}
    return {"answer": shown, "choice": LETTERS[chosen], "result": "right" if chosen == correct_index(item) else "wrong"}


def record_view(
    kb: KnowledgeBase, items: list[QuizItem], seed: int, command: str, answers: list[str],
    topics: list[str] | None = None,
) -> QuizJSON:
    """The drawn quiz with the answers given, graded: the JSON a nurse can file in the chart."""
    view = quiz_view(kb, items, seed, command, topics)
    counts = {"right": 0, "wrong": 0, "skipped": 0, "not-a-choice": 0, "unanswered": 0}
    review: dict[str, ReviewJSON] = {}
    for n, (item, entry) in enumerate(zip(items, view["items"])):
        given = grade(item, answers[n] if n < len(answers) else None)
        entry["given"] = given
        counts[given["result"]] += 1
        if given["result"] not in ("right", "unanswered"):
            review.setdefault(item.topic, {
                "topic": item.topic, "title": entry["topic_title"], "read_more": entry["read_more"],
            })
    view["score"] = {
        "answered": len(items) - counts["unanswered"],
        "right": counts["right"],
        "wrong": counts["wrong"] + counts["not-a-choice"],
        "skipped": counts["skipped"],
        "unanswered": counts["unanswered"],
        "complete": counts["unanswered"] == 0,
    }
    view["review"] = list(review.values())
    return view


# ----------------------------------------------------------------------------- running a quiz


def command_lines(command: str, width: int, indent: str = "  ") -> list[str]:
    """`command` in lines that fit `width` where the words allow, each but the last ending in
    " \\", so that the lines pasted into a shell run as one command."""
    lines: list[str] = []
    prefix, current = indent, list[str]()
    for word in command.split():
        if current and len(prefix + " ".join([*current, word])) + 2 > width:
            lines.append(prefix + " ".join(current) + " \\")
            prefix, current = indent * 2, [word]
        else:
            current.append(word)
    lines.append(prefix + " ".join(current))
    return lines


@dataclass
class Score:
    asked: int = 0
    right: int = 0
    skipped: int = 0
    # What was typed for each question answered, so the summary can offer the JSON record.
    given: list[str] = field(default_factory=list)
    # Topic id -> title, for topics with a wrong answer, in the order they came up.
    review: dict[str, str] = field(default_factory=dict)


class Printer:
    """Plain text (wrapped to the width) or Rich on a colour terminal. Right and wrong are
    always said in words, so colour is never the only signal."""

    def __init__(self, out: Output) -> None:
        from baclofen_cli.render.plain import PlainWriter

        self.out = out
        self.plain = PlainWriter(out)
        self.console = out.console() if out.style == "rich" else None

    def line(self, text: str = "", style: str = "", indent: int = 0) -> None:
        if self.console is None:
            if text:
                self.plain.para(text, " " * indent)
            else:
                self.out.text()
            return
        from rich.padding import Padding
        from rich.text import Text

        line = Text(clean(text), style=style)
        self.console.print(Padding(line, (0, 0, 0, indent), expand=False) if indent else line)

    def choice(self, letter: str, text: str) -> None:
        mark = f"  {letter}) "
        if self.console is None:
            self.plain.para(text, mark, " " * len(mark))
            return
        from rich.table import Table
        from rich.text import Text

        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        grid.add_row(Text(f"  {letter})", style="bold"), Text(clean(text)))
        self.console.print(grid)

    def command(self, text: str) -> None:
        """A command to copy: indented, and broken only between words with a shell line
        continuation (" \\") when the terminal is too narrow, so a pasted copy still runs."""
        width = self.out.width if self.console is None else self.console.width
        lines = command_lines(clean(text), width)
        if self.console is None:
            for line in lines:
                self.out.text(line)
            return
        from rich.text import Text

        for line in lines:
            self.console.print(Text(line, style="bold"), soft_wrap=True)

    def prompt(self, text: str) -> None:
        self.out.stream.write(text)
        self.out.stream.flush()


class QuizSession:
    def __init__(
        self, kb: KnowledgeBase, out: Output, stdin: TextIO | None, *, interactive: bool, command: str, seed: int,
        topics: list[str] | None = None,
    ) -> None:
        self.kb, self.out, self.stdin = kb, out, stdin
        self.interactive, self.command, self.seed = interactive, command, seed
        self.topics = list(topics or [])
        self.p = Printer(out)
        self.score = Score()

    def _read(self, prompt: str) -> str | None:
        """One answer line, or None at the end of input (Ctrl-D, a closed or exhausted pipe)."""
        self.p.prompt(prompt)
        if self.stdin is None:
            self.out.text()
            return None
        line = self.stdin.readline()
        if not line:
            self.out.text()
            return None
        if not self.interactive:
            # The terminal did not echo a piped answer: show it, so the transcript reads well.
            self.out.text(show_input(line))
        return line.rstrip("\r\n")

    def ask(self, number: int, total: int, item: QuizItem) -> bool:
        """Ask one question. False when the input ended before an answer."""
        topic = self.kb.topic(item.topic)
        title = topic.title if topic else item.topic
        p = self.p
        p.line()
        p.line(phrase("quiz_question_of", number=number, total=total, topic=title), "bold cyan")
        p.line(item.question, "bold")
        for i, choice in enumerate(item.choices):
            p.choice(LETTERS[i], choice.text)
        hint = answer_hint(item)
        while True:
            answer = self._read(phrase("quiz_your_answer", hint=hint) + " ")
            if answer is None:
                return False
            skipped = is_skip(answer)
            chosen = None if skipped else parse_answer(answer, item)
            if skipped or chosen is not None or not self.interactive:
                break
            shown = show_input(answer, 40)
            again = phrase("quiz_type_letter", hint=hint)
            p.line(f"{phrase('quiz_not_a_choice', answer=shown)} {again}" if shown else again)
        right = correct_index(item)
        self.score.asked += 1
        # "x" stands for an answer that was not a choice (never a letter: items have at most 6 choices).
        self.score.given.append("?" if skipped else (LETTERS[chosen] if chosen is not None else "x"))
        answer_text = f"{LETTERS[right]}) {item.choices[right].text}"
        if skipped:
            self.score.skipped += 1
            self.score.review.setdefault(item.topic, title)
            p.line(phrase("quiz_skipped", answer=answer_text), "bold yellow")
            p.line(item.explanation)
        elif chosen == right:
            self.score.right += 1
            p.line(f"{phrase('quiz_right')} " + item.explanation, "bold green")
        else:
            self.score.review.setdefault(item.topic, title)
            if chosen is None:
                p.line(phrase("quiz_counts_as_wrong", answer=answer_text), "bold red")
            else:
                p.line(phrase("quiz_not_quite", answer=answer_text), "bold red")
            p.line(item.explanation)
        p.line(phrase("quiz_read_more", command=read_more_command(self.command, item.topic)), "cyan")
        return True

    def run(self, items: list[QuizItem]) -> bool:
        """Ask every item; True if all were answered, False if the input ended first."""
        total = len(items)
        self.p.line(
            phrase("quiz_intro_one" if total == 1 else "quiz_intro", total=total, drug=self.kb.drug.name)
            + (f" {phrase('quiz_press_ctrl_d')}" if self.interactive else ""),
            "bold",
        )
        for number, item in enumerate(items, 1):
            if not self.ask(number, total, item):
                self.summary(total, stopped=True)
                return False
        self.summary(total, stopped=False)
        return True

    def summary(self, total: int, *, stopped: bool) -> None:
        score, p = self.score, self.p
        p.line()
        skipped = f" ({phrase('quiz_n_skipped', count=score.skipped)})" if score.skipped else ""
        if stopped:
            p.line(phrase("quiz_stopped_after", asked=score.asked, total=total), "bold")
            if score.asked:
                p.line(phrase("quiz_score_so_far", score=f"{score.right}/{score.asked}") + skipped, "bold")
        else:
            p.line(phrase("quiz_your_score", score=f"{score.right}/{total}") + skipped, "bold")
        if score.review:
            p.line(phrase("quiz_topics_to_review"), "bold")
            for topic_id, title in score.review.items():
                p.line(f"- {title}: {read_more_command(self.command, topic_id)}", indent=2)
        elif score.asked and not stopped:
            p.line(phrase("quiz_well_done"))
        again = f"{self.command} quiz --seed {self.seed} --count {total}"
        if self.topics:
            again += f" --topics {','.join(self.topics)}"
        # Commands go on their own unwrapped line, so they can be copied whole.
        p.line(phrase("quiz_take_again"))
        p.command(again)
        if score.given:
            # Letters only (or "?", "x"), so the command can be pasted whatever was typed.
            p.line(phrase("quiz_keep_record"))
            import shlex

            p.command(f"{again} --json --answers {shlex.quote(','.join(score.given))}")
