"""The `baclofen quiz --json` contract (stable; documented in the README).

Built by `quiz.session.quiz_view` (the drawn questions) and `record_view` (the same, with the
answers given and graded: `quiz --json --answers ...`). tests/test_quiz.py checks the output. A
change here is a change of the contract. Like every `--json` answer, the printed object also
carries the run's "language", "region" and "reviewed" (core/output.Output.json).
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

from baclofen_cli.features.topics.view import SourceView

# What a given answer counts as; "unanswered" when the answers ran out before the questions.
Result = Literal["right", "wrong", "skipped", "not-a-choice", "unanswered"]


class ChoiceJSON(TypedDict):
    letter: str  # "a", "b", ...
    text: str
    correct: bool


class GivenJSON(TypedDict):
    answer: str | None  # what was typed (shortened, escape codes removed); null when unanswered
    choice: str | None  # the letter it means, when it means one
    result: Result


class QuizItemJSON(TypedDict):
    id: str
    topic: str
    topic_title: str
    question: str
    true_false: bool
    choices: list[ChoiceJSON]
    answer: str  # the right choice's letter
    answer_text: str
    explanation: str
    read_more: str  # the command that shows the topic ("baclofen pump", "baclofen show clinic")
    sources: list[SourceView]
    given: NotRequired[GivenJSON]  # with --answers only


class ScoreJSON(TypedDict):
    answered: int
    right: int
    wrong: int  # wrong choices and answers that are not a choice
    skipped: int
    unanswered: int
    complete: bool


class ReviewJSON(TypedDict):
    topic: str
    title: str
    read_more: str


class QuizJSON(TypedDict):
    seed: int
    count: int
    topics: list[str] | None  # as given with --topics; null for every topic
    available: int  # questions there are to draw from
    items: list[QuizItemJSON]
    score: NotRequired[ScoreJSON]  # with --answers only
    review: NotRequired[list[ReviewJSON]]  # with --answers only: the topics to read again
