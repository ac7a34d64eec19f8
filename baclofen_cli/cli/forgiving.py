"""Forgiving command lines, free of Typer so the fast path in `main.py` can use them too.

`baclofen side effects` runs `side-effects` (words joined, as `tldr git log` does), global
options are accepted after the command (`baclofen overview --data x.yaml`), and a bare word
that is not a command is answered rather than refused: a medicine name in the interaction
index goes to `interactions`, anything else to `ask`. A close typo of a command still gets
"Did you mean", ranked by similarity so that `dose` suggests `dosing` before `overdose`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from baclofen_cli.cli.spec import NAMES_IN_ORDER, TAKES_WORDS, TOPIC_COMMANDS

# Every command name, in the order --help lists them: the command table's.
COMMANDS = NAMES_IN_ORDER

# Options of the root command, with whether they take a value. They may come anywhere
# before a `--`; they are moved in front of the command before parsing.
GLOBAL_OPTIONS = {"--data": True, "--region": True, "--lang": True, "--color": False, "--no-color": False,
                  "--no-input": False,
                  "--no-pager": False, "--version": False, "-V": False}

# Similarity is Jaro-Winkler (0-1), which weighs a shared beginning: "dose" is 0.82 from
# "dosing" but 0.55 from "overdose" (difflib ranked "overdose" first, which could alarm).
OPTION_METAVARS = {"--data": "PATH", "--region": "CODE", "--lang": "CODE"}

# A single word at least TYPO_CUTOFF from a command is taken for a typo of it ("Did you
# mean"); anything further away is answered as a question or a medicine name. Measured on
# the words patients type first: "doses" 0.79, "driving" 0.77, "constipation" 0.77 go to ask.
TYPO_CUTOFF = 0.8
SUGGESTION_CUTOFF = 0.8
# Suggestions within this distance of the best one are listed too ("storge": storage only).
SUGGESTION_SPREAD = 0.08


class Rewrite:
    """The command line to run, and what to tell the user about how it was read (or None)."""

    __slots__ = ("argv", "note", "error")

    def __init__(self, argv: list[str], note: str | None = None, error: str | None = None) -> None:
        self.argv, self.note, self.error = argv, note, error


def lift_global_options(argv: list[str]) -> tuple[list[str], list[str]]:
    """(global options with their values, everything else), in order; nothing after `--` moves."""
    lifted: list[str] = []
    rest: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            rest.append(token)
            rest.extend(tokens)
            break
        name = token.split("=", 1)[0] if token.startswith("--") else token
        if name in GLOBAL_OPTIONS:
            lifted.append(token)
            if GLOBAL_OPTIONS[name] and "=" not in token:
                value = next(tokens, None)
                if value is None:
                    lifted.pop()  # left at the end: the caller says it needs a value
                    rest.append(token)
                    break
                lifted.append(value)
            continue
        rest.append(token)
    asked = rest[:rest.index("--")] if "--" in rest else rest
    if "--json" in asked and {"--version", "-V"} & set(lifted):
        # `baclofen ask --json -V`: the version is what runs, so it is printed as JSON too.
        rest.remove("--json")
        lifted.append("--json")
    return lifted, rest


def option_value(lifted: list[str], name: str = "--data") -> str | None:
    """The value of a global option among the lifted options (the last one wins, as in Click)."""
    value = None
    for index, token in enumerate(lifted):
        if token == name and index + 1 < len(lifted):
            value = lifted[index + 1]
        elif token.startswith(f"{name}="):
            value = token.split("=", 1)[1]
    return value


def data_option(lifted: list[str]) -> str | None:
    """The knowledge file the run will read, when the options decide it: --data, or the shipped
    file in the --lang language (unless BACLOFEN_DATA names a file, which --lang does not override).
    None: the default, which AppState finds (BACLOFEN_DATA, BACLOFEN_LANG, the locale)."""
    import os

    data = option_value(lifted, "--data")
    language = option_value(lifted, "--lang")
    if data is None and language and not os.environ.get("BACLOFEN_DATA"):
        from baclofen_cli import lang
        from baclofen_cli.core.loader import language_path

        data = str(language_path(lang.requested(language)[0]))
    return data


def _squashed(word: str) -> str:
    return "".join(ch for ch in word.casefold() if ch.isalnum())


def joined_command(words: list[str], commands: Iterable[str] = COMMANDS) -> tuple[str, int] | None:
    """The command the first words spell, joined or not ("side effects", "SIDE_EFFECTS",
    "sideeffects"), and how many words it used; longest first."""
    by_squashed = {_squashed(name): name for name in commands}
    if not by_squashed:
        return None
    # Grow the prefix one word at a time and stop once it is longer than any command: joining
    # every prefix of a long line (10,000 medicine names) was quadratic and took seconds.
    longest = max(map(len, by_squashed))
    found = None
    prefix = ""
    for size, word in enumerate(words, start=1):
        prefix += _squashed(word)
        if len(prefix) > longest:
            break
        name = by_squashed.get(prefix)
        if name is not None:
            found = (name, size)
    return found


def suggestions(word: str, commands: Iterable[str] = COMMANDS, cutoff: float = SUGGESTION_CUTOFF) -> list[str]:
    """Commands close to `word`, most similar first (ties keep the listing order)."""
    from rapidfuzz.distance import JaroWinkler

    typed = word.casefold()
    scored = sorted((-JaroWinkler.similarity(typed, name), order, name) for order, name in enumerate(commands))
    if not scored or -scored[0][0] < cutoff:
        return []
    best = -scored[0][0]
    return [name for score, _, name in scored if -score >= best - SUGGESTION_SPREAD][:3]


def _quoted(words: list[str]) -> str:
    from baclofen_cli.core.output import show_input

    return show_input(" ".join(words))


def rewrite(
    argv: list[str],
    is_medicine: Callable[[str | None, str], bool] | None = None,
    topic_ids: Callable[[str | None], list[str] | dict[str, str]] | None = None,
) -> Rewrite:
    """How to read `argv`: global options first, then the command, joined or inferred.

    `is_medicine(data_path, name)` says whether a name is in the interaction index, and
    `topic_ids(data_path)` lists the knowledge file's topics; without them no word is read as
    a medicine name or as a topic that is not a command.
    """
    lifted, rest = lift_global_options(argv)
    if rest and rest[-1] in GLOBAL_OPTIONS and GLOBAL_OPTIONS[rest[-1]]:
        from baclofen_cli.cli.usage import needs_value

        return Rewrite(argv, error=needs_value(rest[-1], metavar=OPTION_METAVARS.get(rest[-1])))
    words: list[str] = []
    for token in rest:
        if token.startswith("-"):
            break
        words.append(token)
    if not words:
        return Rewrite(lifted + rest)
    options = rest[len(words):]
    joined = joined_command(words)
    if rest[0] in COMMANDS and (len(words) == 1 or rest[0] not in TOPIC_COMMANDS or rest[0] in TAKES_WORDS):
        return Rewrite(lifted + rest)  # as typed; a tool command's extra words are a usage error
    if joined is not None and (joined[1] == len(words) or joined[0] in TAKES_WORDS):
        name, used = joined
        new = [name, *words[used:]]
        program = _program()
        shown = " ".join([name, *_safe(words[used:])])
        note = None if used == 1 and words[0] == name else f"read as: {program} {shown}"
        return Rewrite(lifted + new + options, note)
    phrase = " ".join(words)
    data = data_option(lifted)
    if topic_ids is not None:
        # A topic only the knowledge file has (a clinic's own), or another name the file gives a
        # topic (a Spanish file's `efectos-secundarios`): run it as its command, or as `show ID`.
        known = topic_ids(data)
        names = known if isinstance(known, dict) else {t: t for t in known}
        extra = joined_command(words, [name for name in names if name not in COMMANDS])
        if extra is not None and extra[1] == len(words):
            topic = names[extra[0]]
            command = [topic] if topic in TOPIC_COMMANDS else ["show", topic]
            return Rewrite(lifted + command + options, f"read as: {_program()} {' '.join(command)}")
    if is_medicine is not None and phrase.strip():
        if is_medicine(data, phrase):
            return Rewrite(lifted + ["interactions", phrase, *options],
                           f"'{_quoted(words)}' is not a command; checking it as a medicine name "
                           f"({_program()} interactions \"{_quoted(words)}\")")
        if len(words) > 1 and all(is_medicine(data, word) for word in words):
            return Rewrite(lifted + ["interactions", *words, *options],
                           f"'{_quoted(words)}' is not a command; checking them as medicine names "
                           f"({_program()} interactions {_quoted(words)})")
    if len(words) == 1 and suggestions(words[0], cutoff=TYPO_CUTOFF):
        return Rewrite(lifted + rest)  # a typo: the parser says "Did you mean"
    if not phrase.strip():
        return Rewrite(lifted + rest)
    return Rewrite(lifted + ["ask", *words, *options],
                   f"'{_quoted(words)}' is not a command; answering it as a question "
                   f"({_program()} ask \"{_quoted(words)}\")")


def _safe(words: list[str]) -> list[str]:
    from baclofen_cli.core.output import show_input

    return [show_input(word) for word in words]


def file_topic_ids(data: str | None) -> dict[str, str]:
    """Every name of a topic in the knowledge file in use -> its id: the ids (a clinic file may
    add its own topics) and each topic's `aliases` (another language's names for it)."""
    from baclofen_cli.core.errors import BaclofenError
    from baclofen_cli.core.state import AppState

    try:
        topics = AppState(data=data).kb.topics
    except BaclofenError:  # a broken file is reported by the command that runs next
        return {}
    names = {alias: topic.id for topic in topics for alias in topic.aliases}
    names.update({topic.id: topic.id for topic in topics})  # an id always means its own topic
    return names


def medicine_in_index(data: str | None, name: str) -> bool:
    """Whether `name` is spelt exactly as a name in the knowledge file's interaction index
    (after the matcher's own normalising: case, punctuation, plurals). Fuzzy matches do not
    count: a near miss is better answered by `ask` than by a guess at a medicine. Nor do
    filler words: the matcher drops "what is" from "what is baclofen", but a bare line
    with words besides the name is a question."""
    from baclofen_cli.core.errors import BaclofenError
    from baclofen_cli.core.state import AppState
    from baclofen_cli.features.interactions.names import DrugIndex, raw_key

    try:
        index = AppState(data=data).compiled.index("drugs", DrugIndex)
    except BaclofenError:  # a broken file is reported by the command that runs next
        return False
    key = raw_key(name, index.words)
    return bool(key) and (key in index.names or key.replace(" ", "") in index.squashed)


def _program() -> str:
    """The name the tool was run as (state.RUN_PROGRAM), read when a note is made."""
    from baclofen_cli.core import state

    return state.RUN_PROGRAM
