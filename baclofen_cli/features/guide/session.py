"""The interactive guide: `baclofen guide`, and `baclofen` alone on a terminal.

A welcome and the disclaimer, a numbered menu of topics, and one prompt that takes a
number, a topic name, a medicine name (-> the interactions answer, also for a name the guide
does not know: "not in this guide" is not "safe"), a command as typed in a shell
(`baclofen pump`, `interactions xanax`) or a question in the patient's own words (-> `ask`,
emergencies first). The prompt has line editing and history (readline, where the platform
has it). After each answer: Enter for the menu, or another question. `q`, `quit`, Ctrl-D and
Ctrl-C leave with exit code 0. An answer that fails because of a bug says so in one line and
the session goes on; BACLOFEN_DEBUG=1 prints its traceback first (cli_report's policy).

`parse_choice` is a pure function (text in, Choice out) so it can be tested and fuzzed on
its own; everything that prints or reads is in `Guide`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from baclofen_cli.lang import phrase

if TYPE_CHECKING:
    from baclofen_cli.core.output import Output
    from baclofen_cli.core.state import AppState

ChoiceKind = Literal["empty", "quit", "menu", "help", "topic", "drug", "question", "invalid"]

QUIT_WORDS = frozenset({"q", "quit", "exit", "bye", "goodbye", "stop guide", ":q"})
MENU_WORDS = frozenset({"m", "menu", "0", "back", "topics", "list", "home"})
HELP_WORDS = frozenset({"?", "h", "help"})
# A line is read whole up to this bound (a pasted forum post); `ask` says what it did not read.
MAX_INPUT_CHARS = 20_000
# Only this short an input can be a bare topic or medicine name; longer is a question.
MAX_NAME_WORDS = 4

_PROMPT_KEYS = {"FIRST_PROMPT": "guide_first_prompt", "NEXT_PROMPT": "guide_next_prompt"}


def __getattr__(name: str) -> str:
    """FIRST_PROMPT and NEXT_PROMPT: the prompts in the run's language (looked up when used, not at import)."""
    if name in _PROMPT_KEYS:
        return phrase(_PROMPT_KEYS[name]) + " "
    raise AttributeError(name)


def _words(key: str) -> frozenset[str]:
    """A pack's comma-separated words ("salir, adiós"), compared as the line is."""
    return frozenset(w.strip().casefold() for w in phrase(key).split(",") if w.strip())


@dataclass(frozen=True)
class Choice:
    kind: ChoiceKind
    # The topic id, the medicine name as typed, the question, or what was wrong.
    value: str = ""


def parse_choice(
    text: str,
    topics: Sequence[tuple[str, str]],
    resolve_drug: Callable[[str], str | None] | None = None,
    command: str = "baclofen",
    medicine_like: Callable[[str], bool] | None = None,
) -> Choice:
    """What one line typed at the guide's prompt asks for.

    `topics` is (id, title) in menu order; `resolve_drug` returns the name to look up when
    the whole line is a medicine name the interactions index knows, else None;
    `medicine_like` says whether a short line reads as the name of some other medicine
    (checked by name too, so the answer says "not in this guide", never "safe"). A line
    typed as in a shell ("baclofen pump", "baclofen interactions xanax") works as well.
    """
    from baclofen_cli.core.output import clean

    line = " ".join(clean(text[:MAX_INPUT_CHARS]).split())
    words = line.split()
    if len(words) > 1 and words[0].casefold() == command.casefold():
        line = " ".join(words[1:])  # "baclofen pump": the shell command, typed in the guide
    first, _, rest = line.partition(" ")
    verb = first.casefold()
    if rest and verb in ("show", "topic"):
        line = rest
    elif rest and verb in ("interactions", "interaction", "check"):
        return Choice("drug", rest.strip(" \"'"))
    elif rest and verb == "ask":
        return Choice("question", rest)
    key = line.casefold().strip(" .!?,;:")
    if not key:
        return Choice("help" if line and line.strip() in HELP_WORDS else "empty")
    if key in QUIT_WORDS or key in _words("guide_quit_words"):
        return Choice("quit")
    if key in MENU_WORDS or key in _words("guide_menu_words"):
        return Choice("menu")
    if key in HELP_WORDS or line in HELP_WORDS:
        return Choice("help")
    number = key.removeprefix("#")
    if number.isascii() and number.isdigit():
        if len(number) <= 4 and 1 <= int(number) <= len(topics):
            return Choice("topic", topics[int(number) - 1][0])
        return Choice("invalid", phrase("guide_no_topic_number", number=number[:8], last=len(topics)))
    words = key.replace("_", " ").replace("-", " ").split()
    plain = " ".join(words)
    for topic_id, title in topics:
        # Titles are questions ("What if I miss a dose?"): compared without the end punctuation, like the line.
        if plain in (topic_id.replace("-", " "), " ".join(title.casefold().replace("-", " ").split()).strip(" .!?,;:")):
            return Choice("topic", topic_id)
    if len(words) <= MAX_NAME_WORDS:
        close = _close_topic(plain, topics)
        if close:
            return Choice("topic", close)
        if resolve_drug is not None:
            name = resolve_drug(line)
            if name:
                return Choice("drug", name)
        if medicine_like is not None and medicine_like(line):
            return Choice("drug", line.strip(" .!?,;:"))
    return Choice("question", line)


def _close_topic(plain: str, topics: Sequence[tuple[str, str]]) -> str | None:
    """A topic id typed with a slip ("side efects", "pregnacy"): only very close matches."""
    if len(plain) < 5:
        return None
    from difflib import SequenceMatcher

    best, best_ratio = None, 0.0
    for topic_id, _ in topics:
        ratio = SequenceMatcher(None, plain, topic_id.replace("-", " ")).ratio()
        if ratio > best_ratio:
            best, best_ratio = topic_id, ratio
    return best if best_ratio >= 0.88 else None


# ---------------------------------------------------------------------------- the session
class Guide:
    """One interactive session. Reads with input(), prints with the commands' renderers."""

    def __init__(self, app_state: AppState, read: Callable[[str], str] | None = None) -> None:
        self.state = app_state
        self.kb = self.state.kb
        self.read = read or read_line
        self.out: Output = self.state.output()
        self.topics = [(t.id, t.title) for t in self.kb.topics]
        self.resolve_drug = drug_resolver(self.state)
        self.medicine_like = medicine_guesser(self.state)

    # -- output helpers
    def say(self, text: str = "") -> None:
        from baclofen_cli.render.plain import PlainWriter

        if text:
            PlainWriter(self.out).para(text)
        else:
            self.out.text()

    def welcome(self) -> None:
        kb = self.kb
        self.say(phrase("guide_welcome", drug=kb.drug.name))
        self.say(kb.disclaimer.text)
        # The reminder reads right at any time ("In an emergency, call ..."); the full
        # instruction says "now" and belongs with the warning signs.
        self.say((kb.emergency.reminder or kb.emergency.instruction).text)
        self.say()

    def menu(self) -> None:
        from baclofen_cli.render.plain import PlainWriter

        writer = PlainWriter(self.out)
        self.out.text(phrase("guide_topics") + ":")
        width = len(str(len(self.topics)))
        for n, (_, title) in enumerate(self.topics, 1):
            number = f"  {n:>{width}}. "
            writer.para(title, number, " " * len(number))
        self.out.text()

    def help(self) -> None:
        # A standard topic as the example when the file has it, else its first.
        example = next((t for t, _ in self.topics if t == "missed-dose"), self.topics[0][0] if self.topics else "1")
        self.say(phrase("guide_help", topic=example))
        self.say()

    # -- the loop
    def run(self) -> None:
        enable_line_editing()
        try:
            self._loop()
        except (KeyboardInterrupt, EOFError):
            # Ctrl-C or Ctrl-D, at the prompt or while an answer prints: leave cleanly.
            self.goodbye(newline=True)

    def goodbye(self, newline: bool = False) -> None:
        try:
            if newline:
                self.out.text()
            self.say(phrase("guide_goodbye"))
        except (KeyboardInterrupt, OSError):
            pass

    def _loop(self) -> None:
        self.welcome()
        self.menu()
        prompt = first_prompt = __getattr__("FIRST_PROMPT")
        next_prompt = __getattr__("NEXT_PROMPT")
        while True:
            choice = parse_choice(self.read(prompt), self.topics, self.resolve_drug, self.state.command_name,
                                  self.medicine_like)
            if choice.kind == "quit":
                self.goodbye()
                return
            if choice.kind in ("menu", "empty"):
                if choice.kind == "menu" or prompt == next_prompt:
                    self.menu()
                prompt = first_prompt
                continue
            if choice.kind == "help":
                self.help()
                continue
            if choice.kind == "invalid":
                self.say(choice.value)
                continue
            self.out.text()
            self.answer(choice)
            self.out.text()
            prompt = next_prompt

    def answer(self, choice: Choice) -> None:
        from baclofen_cli.cli import report as cli_report
        from baclofen_cli.core.errors import BaclofenError

        try:
            if choice.kind == "topic":
                from baclofen_cli.features.topics.command import show_topic

                show_topic(self.state, choice.value)
            elif choice.kind == "drug":
                from baclofen_cli.features.interactions.command import check_interactions

                check_interactions(self.state, [choice.value])
            else:
                self.ask(choice.value)
        except BaclofenError as exc:
            from baclofen_cli.core.output import clean

            self.say(clean(str(exc)))
        except (KeyboardInterrupt, EOFError, BrokenPipeError):
            raise  # leaving: the session ends (cli_report's policy for a closed pipe)
        except Exception as exc:  # noqa: BLE001 - a bug in one answer must not end a patient's session
            if cli_report.debugging():
                cli_report.show_traceback()
            self.say(phrase("guide_answer_failed", error=type(exc).__name__))

    def ask(self, question: str) -> None:
        """`ask`, with hints that name what to type here rather than a shell command."""
        from baclofen_cli.features.ask import answer as engine
        from baclofen_cli.features.ask.index import AskIndex
        from baclofen_cli.features.ask.topic_model import for_knowledge_file
        from baclofen_cli.features.ask.view import display_view

        index = self.state.compiled.index("ask", AskIndex)
        model = for_knowledge_file(self.state.data_path, index.topics)
        result = engine.answer(self.kb, index, question, model)
        from baclofen_cli.features.ask.render import render_answer

        render_answer(self.out, display_view(self.kb, result, self.state.command_name, in_guide=True))


def enable_line_editing() -> None:
    """Arrow keys, editing and history at the prompt: importing readline is what makes input()
    use it (where the platform has it; without it, input() still works)."""
    import sys

    try:
        if not (sys.stdin and sys.stdin.isatty()):
            return
        import readline  # noqa: F401
    except (ImportError, AttributeError, ValueError, OSError):
        pass


def read_line(prompt: str) -> str:
    """input(), except that a closed stdin (`baclofen guide <&-`) is the end of input, like
    Ctrl-D, and a closed stderr (`2>&-`) is no obstacle: input() raises RuntimeError
    ("lost sys.stdin", "lost sys.stderr") when either is missing."""
    import sys

    if sys.stdin is None:
        sys.stdout.write(prompt)
        raise EOFError
    if sys.stderr is None:
        sys.stdout.write(prompt)
        sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")
    return input(prompt)


def drug_resolver(app_state: AppState) -> Callable[[str], str | None]:
    """A function that says whether a whole line is a medicine name from the interactions
    index (spelling slips allowed), using the interactions module's own resolver."""
    from baclofen_cli.features.interactions import resolve as drugs
    from baclofen_cli.features.interactions.names import DrugIndex

    index = app_state.compiled.index("drugs", DrugIndex)

    def resolve(text: str) -> str | None:
        result = drugs.resolve(index, text)
        found = [f for f in result.found if f.how in ("exact", "fuzzy")]
        # Only a bare name, and never the guide's own medicine ("baclofen" is a question).
        if found and len(found) == len(result.found) and not result.own_drug:
            return text.strip()
        return None

    return resolve


def medicine_guesser(app_state: AppState) -> Callable[[str], bool]:
    """A function that says whether a short line reads as the name of a medicine the guide
    does not list ("tylenol", "zoloft"): no question words, and each word either one the
    knowledge file only knows as "other medicines" or one it does not know at all."""
    from baclofen_cli.features.ask.index import AskIndex
    from baclofen_cli.features.ask.question import analyse
    from baclofen_cli.features.ask.scope import names_medicine, substances

    index = app_state.compiled.index("ask", AskIndex)

    def guess(text: str) -> bool:
        tokens = [t for t in analyse(text, index) if t.word != "."]
        if not tokens or len(tokens) > 3:
            return False
        lang = index.words
        if any(t.word in lang.stop_words or t.word in lang.question_words or t.corrected or t.word.isdigit()
               for t in tokens):
            return False
        if names_medicine(tokens, index):
            return False
        others = substances(tokens, index)
        return all(n in others or t.unknown for n, t in enumerate(tokens))

    return guess


def run_guide(app_state: AppState, read: Callable[[str], str] | None = None) -> None:
    Guide(app_state, read).run()
