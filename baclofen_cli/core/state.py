"""Per-run state shared by every command: global options, and the knowledge file loaded once.

Free of Typer on purpose, so the fast path in `main.py` can use it without importing Typer.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import io

    from baclofen_cli.core.loader import Compiled
    from baclofen_cli.core.model import KnowledgeBase
    from baclofen_cli.core.output import Output


DEFAULT_PROGRAM = "baclofen"
# The name this run was started as: set once by the entry point (main.main), shown in hints and help.
RUN_PROGRAM = DEFAULT_PROGRAM


def program_name(argv0: str | None = None) -> str:
    """The name the tool was run as (`zentrafol` for a symlink or script of that name), for hints and usage.

    A clinic can install the same code for another drug under another command name. Run as
    `python -m baclofen_cli` (or with no usable name), the default.
    """
    import os
    import sys

    name = os.path.basename(argv0 if argv0 is not None else (sys.argv[0] if sys.argv else ""))
    name = name.removesuffix(".exe").removesuffix("-script.py")
    if not name or name.startswith("-") or name.endswith(".py") or not name.isprintable() or len(name) > 40:
        return DEFAULT_PROGRAM
    return name


class AppState:
    """Global options, and the knowledge file loaded at most once per run."""

    def __init__(
        self,
        data: str | None = None,
        color: bool | None = None,
        no_input: bool = False,
        command_name: str = DEFAULT_PROGRAM,
        region: str | None = None,
        no_pager: bool = False,
        language: str | None = None,
    ) -> None:
        self.data, self.color, self.no_input, self.command_name = data, color, no_input, command_name
        # As given (--region); `region` below is the one chosen after the environment and locale.
        self.region_option = region
        self.no_pager = no_pager
        self.language_option = language  # --lang, as given: it picks the shipped file when no file is named
        self._language_noted = False
        # Set by the entry points for one-shot answers (never for the guide or the quiz).
        self.paging = False
        self._answers: list[Output] = []

    @property
    def data_path(self) -> Path:
        from baclofen_cli import lang
        from baclofen_cli.core import loader

        if loader.data_chosen(self.data):
            return loader.resolve_path(self.data)
        language, explicit = lang.requested(self.language_option)
        path = loader.language_path(language)
        if explicit and language != lang.ENGLISH and path == loader.default_path() and not self._language_noted:
            # Asked for by name, so say why it is English; a locale without a guide stays quiet.
            import sys

            from baclofen_cli.core.output import clean

            self._language_noted = True
            print(clean(f"{RUN_PROGRAM}: note: this guide is not available in {language!r} yet; showing it in "
                        f"English (available: {', '.join(loader.languages())})"), file=sys.stderr)
        return path

    @cached_property
    def compiled(self) -> Compiled:
        from functools import partial

        from baclofen_cli import lang
        from baclofen_cli.core.loader import load

        compiled = load(self.data_path)
        # The file's labels become this run's, read from the cache the first time one is shown.
        lang.use(partial(compiled.index, "labels", lang.LanguagePack))
        return compiled

    @cached_property
    def region(self) -> str | None:
        """The region whose numbers are shown (None: every region's)."""
        from baclofen_cli.core import region

        return region.choose(self.compiled.record, self.region_option)

    @cached_property
    def kb(self) -> KnowledgeBase:
        # The one place the cached record becomes the model: a KnowledgeRecord is the KnowledgeBase's
        # JSON read by attribute (core/record.py), so commands are typed, and checked, against the model.
        kb = cast("KnowledgeBase", self.compiled.record)
        if self.region is None:
            return kb
        from baclofen_cli.core import region

        return region.select(kb, self.region)  # type: ignore[no-any-return]

    def output(self, json_output: bool = False) -> Output:
        """Where this run's answer goes. Text on a terminal is held back for the pager when
        paging is on; `finish()` sends it on."""
        from baclofen_cli.core.output import Output

        out = Output.create(json_output=json_output, color=self.color)
        if "kb" in self.__dict__:
            # An answer drawn from the knowledge base says which region's numbers it holds and
            # when its content was reviewed (not `validate`, which checks files rather than
            # answering from one).
            from baclofen_cli.core.staleness import stale_note

            reviewed = self.kb.drug.reviewed
            out.json_meta["language"] = self.kb.drug.language
            out.json_meta["region"] = self.region
            out.json_meta["reviewed"] = reviewed
            note = stale_note(reviewed)
            if note:
                out.json_meta["review_note"] = note
        if out.style != "json":
            if self.paging and not self.no_pager:
                from baclofen_cli.core import pager

                if pager.wanted(out.stream):
                    import io

                    out.terminal, out.stream = out.stream, io.StringIO()
            self._answers.append(out)
        return out

    def finish(self) -> None:
        """End the answer: the line about old content, then the pager (if the answer was held)."""
        if not self._answers:
            return
        out = self._answers[-1]
        if "kb" in self.__dict__:
            from baclofen_cli.core.staleness import stale_note

            note = stale_note(self.kb.drug.reviewed)
            if note:
                out.text()
                out.text(note)
        held = [answer for answer in self._answers if answer.terminal is not None]
        self._answers.clear()
        if held:
            from baclofen_cli.core import pager

            # A held answer's stream is the StringIO that output() swapped in for its terminal.
            pager.show("".join(cast("io.StringIO", answer.stream).getvalue() for answer in held), held[0].terminal)


def renderer(out: Output) -> Any:
    """The module that draws views for this output style (Rich is imported only for terminals)."""
    if out.style == "rich":
        from baclofen_cli.render import rich as terminal

        return terminal
    from baclofen_cli.render import plain

    return plain
