"""The command line, defined once: every command, its arguments and its flags, in --help order.

Both ways in read this table:
- the Typer app (`baclofen_cli.cli.app`) builds each command from its row when it is run, listed
  or asked for help (`build_command`);
- the fast matcher (`baclofen_cli.cli.fast`) answers the rows marked `fast` without
  importing Typer, accepting exactly the flags and arguments the row declares.

Adding a flag to a table-built command is one edit here: both paths and --help get it, and
the handler receives it as a keyword argument. Commands with options that take values
(handout, quiz, validate, sources, help) declare those options in their own Typer function
(`own_parameters=True`); the row still gives their name, place in --help and help text.

Handlers are "module:function" strings with the full dotted path, imported only when the
command runs. A table-built handler takes the run's `AppState` first, then keyword arguments.
This module imports nothing else (NamedTuple, not dataclasses, which would import `inspect`):
the fast path reads it on every run.
"""

from __future__ import annotations

from typing import Any, NamedTuple

# What a command takes after its name.
NONE = "none"  # nothing (a topic command)
NAMES = "names"  # any number of words, each one name (interactions NAME...)
QUESTION = "question"  # one or more words read as one text (ask QUESTION)
WORD = "word"  # exactly one word (show TOPIC, completion SHELL)


class Flag(NamedTuple):
    """An on/off option; the handler gets `param=True` when it is given."""

    option: str
    param: str
    help: str


class Arguments(NamedTuple):
    """The words after the command: their kind, the Typer argument they become, and what to
    say when one is empty (NAMES and QUESTION refuse words that are only escape codes)."""

    kind: str
    param: str = ""
    metavar: str = ""
    help: str = ""
    empty: str = ""


class Command(NamedTuple):
    name: str
    panel: str
    help_key: str  # in cli_text.COMMAND_HELP (and COMMAND_SHORT_HELP when the list shows less)
    handler: str  # "baclofen_cli.module:function"
    args: Arguments = Arguments(NONE)
    flags: tuple[Flag, ...] = ()
    fixed: tuple[tuple[str, Any], ...] = ()  # (keyword, value) pairs every run passes
    fast: bool = False  # answered without Typer when the command line is this simple
    paged: bool = False  # a one-shot answer, shown through the pager on a terminal
    own_parameters: bool = False  # the handler is a Typer function declaring its own parameters
    plain_usage: bool = False  # usage line `show TOPIC`, not Typer's `{TOPIC}`


JSON = Flag("--json", "json_output", "Print JSON for scripts instead of text.")
SOURCES = Flag("--sources", "sources", "Show citation markers and the list of sources.")

TOPIC_PANEL, GUIDE_PANEL, EDITOR_PANEL, ABOUT_PANEL = "Topics", "Guide", "For content editors", "About this tool"

# The standard leaflet topics every knowledge file is expected to have, in reading order
# (also the handout's order). Each is a command; `interactions` takes names as well.
STANDARD_TOPICS = ("overview", "uses", "how-it-works", "administration", "dosing", "missed-dose", "side-effects",
                   "interactions", "precautions", "pregnancy", "stopping", "overdose", "pump", "storage",
                   "common-questions")


def _topic(topic_id: str) -> Command:
    if topic_id == "interactions":
        return Command(
            "interactions", TOPIC_PANEL, "interactions",
            "baclofen_cli.features.interactions.command:check_interactions",
            Arguments(NAMES, "names", "[NAME]...", "Medicine names to check (none: list every group).",
                      "a medicine name is empty"),
            (JSON, SOURCES), fast=True, paged=True,
        )
    return Command(topic_id, TOPIC_PANEL, topic_id, "baclofen_cli.features.topics.command:show_topic",
                   flags=(JSON, SOURCES),
                   fixed=(("topic_id", topic_id),), fast=True, paged=True)


COMMANDS: tuple[Command, ...] = (
    *(_topic(topic_id) for topic_id in STANDARD_TOPICS),
    Command("topics", GUIDE_PANEL, "topics", "baclofen_cli.features.topics.command:list_topics", flags=(JSON,),
            paged=True),
    Command("show", GUIDE_PANEL, "show", "baclofen_cli.features.topics.command:show",
            Arguments(WORD, "topic", "TOPIC", "A topic id from 'topics', including ones a clinic file adds."),
            (JSON, SOURCES), paged=True, plain_usage=True),
    Command("sources", GUIDE_PANEL, "sources", "baclofen_cli.features.sources.command:sources", paged=True,
            own_parameters=True),
    Command("ask", GUIDE_PANEL, "ask", "baclofen_cli.features.ask.command:answer_question",
            Arguments(QUESTION, "text", "QUESTION",
                      'Your question, in your own words (quotes are optional): "I forgot my pill".',
                      'the question is empty; for example: ask "I forgot my dose"'),
            (JSON,), fast=True, paged=True),
    Command("guide", GUIDE_PANEL, "guide", "baclofen_cli.features.guide.command:guide", flags=(JSON,)),
    Command("handout", GUIDE_PANEL, "handout", "baclofen_cli.features.handout.command:handout", own_parameters=True),
    Command("quiz", GUIDE_PANEL, "quiz", "baclofen_cli.features.quiz.command:quiz", own_parameters=True),
    Command("validate", EDITOR_PANEL, "validate", "baclofen_cli.features.validate.command:validate", Arguments(WORD),
            own_parameters=True),
    Command("schema", EDITOR_PANEL, "schema", "baclofen_cli.cli.schema:schema"),
    Command("help", ABOUT_PANEL, "help", "baclofen_cli.cli.meta:help", Arguments(NAMES), own_parameters=True),
    Command("completion", ABOUT_PANEL, "completion", "baclofen_cli.cli.meta:completion",
            Arguments(WORD, "shell", "SHELL", "bash, zsh or fish."), plain_usage=True),
    Command("man", ABOUT_PANEL, "man", "baclofen_cli.cli.meta:man"),
)

BY_NAME: dict[str, Command] = {command.name: command for command in COMMANDS}
NAMES_IN_ORDER: tuple[str, ...] = tuple(BY_NAME)
TOPIC_COMMANDS: tuple[str, ...] = tuple(c.name for c in COMMANDS if c.panel == TOPIC_PANEL)
# Commands that take words after them; any other command with words left over ("pump alarm
# beeping") reads the whole line as a question instead of refusing the extra words.
TAKES_WORDS = frozenset(c.name for c in COMMANDS if c.args.kind != NONE)
PAGED_COMMANDS = frozenset(c.name for c in COMMANDS if c.paged)


def handler(command: Command) -> Any:
    """The function a row names, imported now."""
    from importlib import import_module

    module, _, function = command.handler.partition(":")
    return getattr(import_module(module), function)
