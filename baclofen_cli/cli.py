"""The `baclofen` command tree. Commands stay thin; this module wires them and maps errors to exit codes."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer._click.exceptions import BadOptionUsage, ClickException, NoSuchOption, UsageError
from typer._click.formatting import HelpFormatter
from typer.core import TyperGroup
from typer.main import get_command_name

from baclofen_cli.actions import TOPIC_COMMANDS
from baclofen_cli.commands import ask, guide, handout, meta, quiz, schema, topics, validate
from baclofen_cli.commands import sources as sources_command
from baclofen_cli.commands.common import AppState
from baclofen_cli.errors import BaclofenError

HELP = (
    "A plain-language guide to your medicine, with sources. "
    "It gives general facts, not advice for you: follow your own doctor and pharmacist. "
    "In an emergency, call your local emergency number (the numbers are in every answer)."
)


class WrappingHelpFormatter(HelpFormatter):
    """Click's formatter, except that blocks it must not re-wrap (examples, marked with \b)
    are laid out for the width rather than left to overflow a narrow terminal."""

    def write(self, string: str) -> None:
        # Help and examples name the command "baclofen"; a clinic may install it under another
        # name (a symlink named after its drug): the help then names that command instead.
        from baclofen_cli.state import DEFAULT_PROGRAM, RUN_PROGRAM

        if RUN_PROGRAM != DEFAULT_PROGRAM:
            import re

            # The command word only: not BACLOFEN_DATA, nor a path such as ~/.cache/baclofen-cli.
            string = re.sub(rf"(?<![\w/.$-]){DEFAULT_PROGRAM}(?![\w-])", lambda _: RUN_PROGRAM, string)
        super().write(string)

    def write_text(self, text: str) -> None:
        if "\b" not in text:
            super().write_text(text)
            return
        import re

        from typer._click.formatting import wrap_text

        from baclofen_cli.commands.common import wrap_help_text

        indent = " " * self.current_indent
        paragraphs = []
        for paragraph in re.split(r"\n\s*\n", text):
            if paragraph.startswith("\b\n"):
                block = "\n".join(indent + line if line else line for line in paragraph[2:].split("\n"))
                paragraphs.append(wrap_help_text(block, self.width))
            else:
                paragraphs.append(wrap_text(paragraph, self.width, initial_indent=indent, subsequent_indent=indent,
                                            preserve_paragraphs=True))
        self.write("\n\n".join(paragraphs) + "\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        # Click keeps a 30-column first column however narrow the terminal, leaving ten
        # columns for the text; narrower, long names put their text on the next line.
        super().write_dl(rows, max(10, min(col_max, self.width // 2 - 2)), col_spacing)


class HelpContext(typer.Context):
    formatter_class = WrappingHelpFormatter


class BaclofenGroup(TyperGroup):
    """The root group: builds commands lazily, reads forgiving command lines, and turns the
    errors a user can fix into one clear line ("baclofen: error: ...") and an exit code.

    Typer converts every registered function into a Click command (signature inspection,
    type hints) before running any of them: ~10 ms for our two dozen commands on every run.
    Here only the command being run is converted, Click's "lazy loading subcommands" pattern;
    help and "did you mean" still see every command.
    """

    context_class = HelpContext

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        from baclofen_cli.commands.common import help_width

        # The help width for this run, inherited by every subcommand's context.
        extra.setdefault("terminal_width", help_width())
        return super().make_context(info_name, args, parent, **extra)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(_LAZY_COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in _LAZY_COMMANDS:
            from typer.main import get_command_from_info

            command = get_command_from_info(
                _LAZY_COMMANDS[cmd_name], pretty_exceptions_short=True, rich_markup_mode=self.rich_markup_mode
            )
            if command.epilog is None and "Example" not in (command.help or ""):
                command.epilog = examples_epilog(cmd_name)
            command.context_class = HelpContext
            self.commands[cmd_name] = command
        return command

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list in --help, read from the registrations without converting each command."""
        import inspect

        from typer._click.utils import make_default_short_help

        infos = [(name, info) for name, info in _LAZY_COMMANDS.items() if not info.hidden]
        # On a narrow terminal a longer summary wraps onto a second line rather than ending "What the...".
        limit = max(formatter.width - 6 - max(len(name) for name, _ in infos), 30)
        rows = []
        for name, info in infos:
            if info.short_help:
                rows.append((name, inspect.cleandoc(info.short_help)))
            else:
                help_text = info.help if info.help is not None else inspect.getdoc(info.callback)
                rows.append((name, make_default_short_help(inspect.cleandoc(help_text or ""), limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from baclofen_cli import cli_text
            from baclofen_cli.commandline import suggestions
            from baclofen_cli.output import show_input

            message = cli_text.NO_SUCH_COMMAND.format(name=show_input(name))
            matches = suggestions(name, self.list_commands(ctx))
            if matches:
                message += cli_text.DID_YOU_MEAN.format(names=" or ".join(map(repr, matches)))
            ctx.fail(message)
        return super().resolve_command(ctx, args)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from baclofen_cli.commandline import file_topic_ids, medicine_in_index, rewrite

        read = rewrite(list(args), medicine_in_index, file_topic_ids)
        if read.error:
            ctx.fail(read.error)
        if read.note:
            from baclofen_cli.output import clean

            print(clean(f"{ctx.info_name or 'baclofen'}: {read.note}"), file=sys.stderr)
        ctx.meta[_ARGS_KEY] = read.argv
        try:
            return super().parse_args(ctx, read.argv)
        except NoSuchOption as exc:
            raise _did_you_mean(exc) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            result = super().invoke(ctx)
        except NoSuchOption as exc:  # a subcommand's option, parsed when the subcommand starts
            raise _did_you_mean(exc) from None
        except BadOptionUsage as exc:
            # "--topics" with no value: Click raises it without the subcommand's context, which
            # the message needs to say what kind of value and which help to read.
            name = ctx.invoked_subcommand
            command = self.get_command(ctx, name) if exc.ctx is None and name else None
            if command is not None:
                exc.ctx = type(ctx)(command, parent=ctx, info_name=name)
            raise
        except BaclofenError as exc:
            from baclofen_cli.output import clean

            print(clean(f"{ctx.find_root().info_name or 'baclofen'}: error: {exc}"), file=sys.stderr)
            raise typer.Exit(exc.exit_code) from None
        if isinstance(ctx.obj, AppState):
            ctx.obj.finish()
        return result

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        """Click's main, with every usage error in one style: "baclofen: error: ..." (exit 2)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        program = prog_name or "baclofen"
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except UsageError as exc:
            from baclofen_cli.output import clean
            from baclofen_cli.usage import usage_message

            print(clean(f"{program}: error: {usage_message(exc, program)}"), file=sys.stderr)
            sys.exit(exc.exit_code)
        except typer.Abort:
            print(f"{program}: stopped.", file=sys.stderr)
            sys.exit(1)
        except ClickException as exc:  # any other error Click reports (a bad file); typer.TyperException is newer than 0.26
            from baclofen_cli.output import clean

            print(clean(f"{program}: error: {exc.format_message()}"), file=sys.stderr)
            sys.exit(getattr(exc, "exit_code", 1))
        sys.exit(result if isinstance(result, int) else 0)


_ARGS_KEY = "baclofen.args"


def examples_epilog(name: str) -> str | None:
    from baclofen_cli.cli_text import EXAMPLES

    lines = EXAMPLES.get(name)
    # \b keeps Click from re-wrapping the lines into one paragraph.
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines) if lines else None


def _did_you_mean(exc: NoSuchOption) -> NoSuchOption:
    """Click lists near misses as "(Possible options: --json)"; say it the way commands do."""
    from baclofen_cli import cli_text

    command = exc.ctx.command_path if exc.ctx is not None else "baclofen"
    exc.message = cli_text.NO_SUCH_OPTION.format(command=command, name=exc.option_name)
    if exc.possibilities:
        exc.message += cli_text.DID_YOU_MEAN.format(names=" or ".join(repr(p) for p in sorted(exc.possibilities)))
        exc.possibilities = None
    command = exc.ctx.info_name if exc.ctx else None
    if command in _FREE_TEXT_COMMANDS and not exc.option_name.startswith("--"):
        # `ask "-5 degrees in the car..."`: a question (or name) that starts with "-" looks like an option.
        import shlex

        from baclofen_cli.output import show_input

        prog = exc.ctx.find_root().info_name or "baclofen"
        typed = next((a for a in sys.argv[1:] if a.startswith(exc.option_name) and a != "--"), exc.option_name)
        exc.message = (f"{exc.message.rstrip('.')}. {_FREE_TEXT_COMMANDS[command]} that starts with '-', put -- before it: "
                       f"{prog} {command} -- {shlex.quote(show_input(typed, 60))}")
    return exc


_FREE_TEXT_COMMANDS = {"ask": "To ask a question", "interactions": "To check a name"}


def _epilog() -> str:
    from baclofen_cli.cli_text import ROOT_EPILOG_LINES

    return "\b\n" + "\n".join(ROOT_EPILOG_LINES)


app = typer.Typer(
    name="baclofen",
    cls=BaclofenGroup,
    help=HELP,
    epilog=_epilog(),
    # Completion scripts come from `baclofen completion SHELL` (completion.py), which is
    # much faster per TAB press than Click's completion through the whole Typer tree.
    add_completion=False,
    # Unexpected errors are reported by main() in one line (BACLOFEN_DEBUG=1 shows the traceback).
    pretty_exceptions_enable=False,
    # Plain help and errors: Rich-formatted help adds ~40 ms to every --help and usage error.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# One-shot answers go through the pager on a terminal; the guide and quiz never do.
PAGED_COMMANDS = frozenset({*TOPIC_COMMANDS, "topics", "show", "sources", "ask"})


def _print_version(data: str | None, json_output: bool = False) -> None:
    if json_output:
        typer.echo(_version_json(data))
        raise typer.Exit()
    from baclofen_cli.version import version_text

    typer.echo(version_text(data))
    raise typer.Exit()


def _version_json(data: str | None) -> str:
    """What `--version` says, for scripts: {"version", "knowledge_file", "reviewed"} (null,
    with "error", when the file cannot be used; "review_note" when the content is old)."""
    from baclofen_cli import __version__
    from baclofen_cli.errors import show_path
    from baclofen_cli.loader import default_path, resolve_path
    from baclofen_cli.output import json_text
    from baclofen_cli.staleness import stale_note
    from baclofen_cli.state import AppState

    path = resolve_path(data)
    payload: dict[str, Any] = {
        "version": __version__,
        "knowledge_file": "built-in" if path == default_path() else show_path(str(path)),
    }
    try:
        reviewed = AppState(data=data).kb.drug.reviewed
    except BaclofenError as exc:
        payload.update(reviewed=None, error=str(exc))
    else:
        payload["reviewed"] = str(reviewed)
        note = stale_note(reviewed)
        if note:
            payload["review_note"] = note
    return json_text(payload)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option("--data", metavar="PATH", help="Use another knowledge file of the same schema [env: BACLOFEN_DATA]."),
    ] = None,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Force colour on or off (default: only on a terminal).")
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never ask questions; print help instead.")] = False,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            metavar="CODE",
            help="Show one region's emergency numbers and advice: us, uk, eu, au or all "
            "[env: BACLOFEN_REGION; default: from the locale, else all].",
        ),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="CODE",
            help="The language of the guide: en or es [env: BACLOFEN_LANG; default: from the locale, else en].",
        ),
    ] = None,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never show long answers through a pager [env: BACLOFEN_PAGER].")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="Show the version, the knowledge file in use and its review date."),
    ] = False,
    json_output: Annotated[bool, typer.Option("--json", help="With --version: print it as JSON.")] = False,
) -> None:
    if data is not None and not data.strip():
        raise typer.BadParameter("the path is empty", param_hint="--data")
    if version:
        _print_version(data, json_output)
    if json_output:
        from baclofen_cli import cli_text

        # `baclofen --json overdose`: the command's own --json is the one that counts.
        raise UsageError(cli_text.JSON_AFTER_COMMAND.format(program=ctx.info_name or "baclofen"), ctx)
    ctx.obj = AppState(data=data, color=color, no_input=no_input, command_name=ctx.info_name or "baclofen",
                       region=region, no_pager=no_pager, language=language)
    ctx.obj.paging = ctx.invoked_subcommand in PAGED_COMMANDS
    if ctx.invoked_subcommand is None:
        # On a terminal, `baclofen` alone opens the interactive guide; piped or with
        # --no-input it prints help and exits at once, never waiting for input.
        if not no_input and guide.is_interactive():
            from baclofen_cli.guide import run_guide

            run_guide(ctx)
            raise typer.Exit(0)
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


topics.register(app)
sources_command.register(app)
ask.register(app)
guide.register(app)
handout.register(app)
quiz.register(app)
validate.register(app)
schema.register(app)
meta.register(app)

# Registered the usual Typer way, then handed to BaclofenGroup to convert on demand.
_LAZY_COMMANDS = {
    info.name or get_command_name(info.callback.__name__): info  # type: ignore[union-attr]
    for info in app.registered_commands
}
app.registered_commands.clear()

