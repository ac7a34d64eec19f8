"""The `baclofen` Typer app, built from the command table (`cli_spec`): the root options, the
lazy root group, "did you mean", and one style for every usage error.

Only Typer's public API is used, and Click's through it: Typer (0.26 to 0.29 at least) ships
its own copy of Click as the private `typer._click`, and exports only some of it. Click's
documented classes and methods are reached from the public objects that carry them
(`typer.BadParameter`'s ancestors, `typer.Context.formatter_class`, `typer.core.TyperGroup`).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from baclofen_cli.cli import spec as cli_spec
from baclofen_cli.cli.click_types import ClickException, UsageError
from baclofen_cli.cli.help import HelpContext, PlainUsageCommand, examples_epilog, short_help
from baclofen_cli.core.errors import BaclofenError
from baclofen_cli.core.state import AppState

if TYPE_CHECKING:
    from baclofen_cli.cli.click_types import ClickCommand, ClickContext, HelpFormatter


class BaclofenGroup(TyperGroup):
    """The root group: builds each command from its row in the table when it is needed, reads
    forgiving command lines, and ends every run by the one policy (`cli_report`): the errors a
    user can fix as one line ("baclofen: error: ...") and the exit-code table.

    Only the command being run is built (Click's "lazy loading subcommands" pattern): its
    module is imported and its function converted then, not on every run; help and "did you
    mean" read the names and help texts from the table.
    """

    context_class = HelpContext

    def format_help_text(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        """The root's help paragraph, in the run's language (cli.help.root_help), written as Click writes it."""
        from baclofen_cli.cli.help import root_help

        self.help = root_help(ctx.meta.get(_ARGV_KEY, sys.argv[1:]))
        super().format_help_text(ctx, formatter)

    def get_help(self, ctx: ClickContext) -> str:
        from baclofen_cli.cli.help_memo import remember

        text: str = super().get_help(ctx)
        remember(ctx.meta.get(_ARGV_KEY, ()), text)  # a later bare `--help` prints it without Typer
        return text

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        from baclofen_cli.cli.common import help_width

        # The help width for this run, inherited by every subcommand's context.
        extra.setdefault("terminal_width", help_width())
        return super().make_context(info_name, args, parent, **extra)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(cli_spec.NAMES_IN_ORDER)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        spec = cli_spec.BY_NAME.get(cmd_name)
        if command is None and spec is not None:
            command = self.commands[cmd_name] = build_command(spec)
        return command

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list in --help, read from the table without building each command."""
        from baclofen_cli.cli.text import COMMAND_HELP, COMMAND_SHORT_HELP

        names = cli_spec.NAMES_IN_ORDER
        # On a narrow terminal a longer summary wraps onto a second line rather than ending "What the...".
        limit = max(formatter.width - 6 - max(map(len, names)), 30)
        rows = []
        for spec in cli_spec.COMMANDS:
            short = COMMAND_SHORT_HELP.get(spec.help_key)
            rows.append((spec.name, short if short is not None else short_help(COMMAND_HELP[spec.help_key], limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from baclofen_cli.cli import text as cli_text
            from baclofen_cli.cli.forgiving import suggestions
            from baclofen_cli.core.output import show_input

            message = cli_text.NO_SUCH_COMMAND.format(name=show_input(name))
            matches = suggestions(name, self.list_commands(ctx))
            if matches:
                message += cli_text.DID_YOU_MEAN.format(names=" or ".join(map(repr, matches)))
            ctx.fail(message)
        return super().resolve_command(ctx, args)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from baclofen_cli.cli.forgiving import file_topic_ids, medicine_in_index, rewrite

        read = rewrite(list(args), medicine_in_index, file_topic_ids)
        if read.error:
            ctx.fail(read.error)
        if read.note:
            from baclofen_cli.cli.report import note_line

            note_line(read.note, ctx.info_name or "baclofen")
        ctx.meta[_ARGS_KEY] = read.argv
        ctx.meta[_ARGV_KEY] = tuple(read.argv)  # as read: Click's parser consumes the list above
        try:
            return super().parse_args(ctx, read.argv)
        except UsageError as exc:
            if _kind(exc) != "NoSuchOption":
                raise
            raise _did_you_mean(exc) from None

    def invoke(self, ctx: Any) -> Any:
        """Run the command, and end it by the one policy (cli_report) the fast path uses too."""
        from baclofen_cli.cli import report as cli_report

        try:
            result = super().invoke(ctx)
            if isinstance(ctx.obj, AppState):
                ctx.obj.finish()
            sys.stdout.flush()
        except UsageError as exc:
            if _kind(exc) == "NoSuchOption":  # a subcommand's option, parsed when the subcommand starts
                raise _did_you_mean(exc) from None
            no_context = getattr(exc, "ctx", None) is None
            if _kind(exc) == "BadOptionUsage" and no_context and ctx.invoked_subcommand:
                # "--topics" with no value: Click raises it without the subcommand's context, which
                # the message needs to say what kind of value and which help to read.
                name = ctx.invoked_subcommand
                command = self.get_command(ctx, name)
                if command is not None:
                    exc.ctx = type(ctx)(command, parent=ctx, info_name=name)
            raise
        except BaclofenError as exc:
            cli_report.error_line(str(exc), ctx.find_root().info_name or cli_report.PROGRAM)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:
            raise typer.Exit(cli_report.reader_left()) from None
        except KeyboardInterrupt:
            raise typer.Exit(cli_report.ExitCode.INTERRUPTED) from None
        return result

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        """Click's main, with every usage error in one style: "baclofen: error: ..." (exit 2)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False,
                               windows_expand_args=windows_expand_args, **extra)
        from baclofen_cli.cli import report as cli_report

        program = prog_name or cli_report.PROGRAM
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False,
                               windows_expand_args=windows_expand_args, **extra)
        except UsageError as exc:
            from baclofen_cli.cli.usage import usage_message

            cli_report.error_line(usage_message(exc, program), program)
            sys.exit(exc.exit_code)
        except typer.Abort:  # Ctrl-C (or end of input) while Click itself was reading the command line
            print(f"{program}: stopped.", file=sys.stderr)
            sys.exit(cli_report.ExitCode.INTERRUPTED)
        except ClickException as exc:  # any other error Click reports (a bad file)
            cli_report.error_line(exc.format_message(), program)
            sys.exit(getattr(exc, "exit_code", cli_report.ExitCode.FAILED))
        sys.exit(result if isinstance(result, int) else 0)


def root_group(command: ClickCommand | None = None) -> BaclofenGroup:
    """The root group (`app` built, or a run's `ctx.find_root().command`) as the BaclofenGroup it
    is: Typer's `get_command` and Click's `Context.command` are typed as a plain Command."""
    group = typer.main.get_command(app) if command is None else command
    if not isinstance(group, BaclofenGroup):
        raise TypeError(f"not the root group of this program: {group!r}")
    return group


def _kind(exc: Exception) -> str:
    """A Click exception's documented class name (NoSuchOption, BadOptionUsage...): the
    classes below UsageError are not exported by Typer, so they are told apart by name."""
    return type(exc).__name__


_ARGS_KEY = "baclofen.args"
_ARGV_KEY = "baclofen.argv"


def _did_you_mean(exc: Any) -> Any:
    """Click lists near misses as "(Possible options: --json)"; say it the way commands do."""
    from baclofen_cli.cli import text as cli_text

    if _kind(exc) != "NoSuchOption":
        return exc

    command = exc.ctx.command_path if exc.ctx is not None else "baclofen"
    exc.message = cli_text.NO_SUCH_OPTION.format(command=command, name=exc.option_name)
    if exc.possibilities:
        exc.message += cli_text.DID_YOU_MEAN.format(names=" or ".join(repr(p) for p in sorted(exc.possibilities)))
        exc.possibilities = None
    command = exc.ctx.info_name if exc.ctx else None
    if command in _FREE_TEXT_COMMANDS and not exc.option_name.startswith("--"):
        # `ask "-5 degrees in the car..."`: a question (or name) that starts with "-" looks like an option.
        import shlex

        from baclofen_cli.core.output import show_input

        prog = exc.ctx.find_root().info_name or "baclofen"
        typed = next((a for a in sys.argv[1:] if a.startswith(exc.option_name) and a != "--"), exc.option_name)
        exc.message = (f"{exc.message.rstrip('.')}. {_FREE_TEXT_COMMANDS[command]} that starts with '-', "
                       f"put -- before it: {prog} {command} -- {shlex.quote(show_input(typed, 60))}")
    return exc


_FREE_TEXT_COMMANDS = {"ask": "To ask a question", "interactions": "To check a name"}


def build_command(spec: cli_spec.Command) -> Any:
    """The Click command for one row of the table, made the public way: a one-command Typer
    app, converted with `typer.main.get_command`."""
    from baclofen_cli.cli.text import COMMAND_HELP, COMMAND_SHORT_HELP

    callback = cli_spec.handler(spec) if spec.own_parameters else _table_function(spec)
    help_text = COMMAND_HELP[spec.help_key]
    single = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
    single.command(
        spec.name,
        cls=PlainUsageCommand if spec.plain_usage else TyperCommand,
        help=help_text,
        short_help=COMMAND_SHORT_HELP.get(spec.help_key),
        epilog=None if "Example" in help_text else examples_epilog(spec.name),
        rich_help_panel=spec.panel,
    )(callback)
    command = typer.main.get_command(single)
    command.context_class = HelpContext
    return command


def _table_function(spec: cli_spec.Command) -> Any:
    """A Typer command function for a table-built row: its signature declares the row's
    argument and flags (Typer reads `__signature__`), and it calls the row's handler with the
    run's AppState and the same keyword arguments the fast path passes (cli_fast.match)."""
    import inspect

    from baclofen_cli.cli.common import state

    kind = spec.args.kind
    parameters = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)]
    if kind != cli_spec.NONE:
        words = list[str] | None if kind in (cli_spec.NAMES, cli_spec.QUESTION) else str
        argument = typer.Argument(metavar=spec.args.metavar, help=spec.args.help,
                                  show_default=kind == cli_spec.QUESTION)
        default = None if kind in (cli_spec.NAMES, cli_spec.QUESTION) else inspect.Parameter.empty
        parameters.append(inspect.Parameter(spec.args.param, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                            annotation=Annotated[words, argument], default=default))
    for flag in spec.flags:
        parameters.append(inspect.Parameter(flag.param, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                            annotation=Annotated[bool, typer.Option(flag.option, help=flag.help)],
                                            default=False))

    def command(ctx: typer.Context, **values: Any) -> None:
        from baclofen_cli.cli.fast import is_blank

        if kind in (cli_spec.NAMES, cli_spec.QUESTION):
            given = values[spec.args.param] or []
            # The same rule as the fast path: a word that is only escape codes is empty.
            blank = any(map(is_blank, given)) if kind == cli_spec.NAMES else is_blank(" ".join(given))
            if blank:
                raise typer.BadParameter(spec.args.empty, param_hint=spec.args.metavar.strip("[]."))
            values[spec.args.param] = list(given) if kind == cli_spec.NAMES else " ".join(given).strip()
        cli_spec.handler(spec)(state(ctx), **dict(spec.fixed), **values)

    # inspect.signature's documented hook, which Typer reads; mypy knows no such attribute on a function.
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in parameters}
    command.__name__ = spec.name.replace("-", "_")
    return command


def _epilog() -> str:
    from baclofen_cli.cli.text import ROOT_EPILOG_LINES

    return "\b\n" + "\n".join(ROOT_EPILOG_LINES)


app = typer.Typer(
    name="baclofen",
    cls=BaclofenGroup,
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

def _print_version(data: str | None, json_output: bool = False) -> None:
    from baclofen_cli.core.version import version_json, version_text

    typer.echo(version_json(data) if json_output else version_text(data))
    raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    data: Annotated[
        str | None,
        typer.Option("--data", metavar="PATH",
                     help="Use another knowledge file of the same schema [env: BACLOFEN_DATA]."),
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
        from baclofen_cli.cli import text as cli_text

        # `baclofen --json overdose`: the command's own --json is the one that counts.
        ctx.fail(cli_text.JSON_AFTER_COMMAND.format(program=ctx.info_name or "baclofen"))
    ctx.obj = AppState(data=data, color=color, no_input=no_input, command_name=ctx.info_name or "baclofen",
                       region=region, no_pager=no_pager, language=language)
    # One-shot answers go through the pager on a terminal; the guide and quiz never do.
    ctx.obj.paging = ctx.invoked_subcommand in cli_spec.PAGED_COMMANDS
    if ctx.invoked_subcommand is None:
        # On a terminal, `baclofen` alone opens the interactive guide; piped or with
        # --no-input it prints help and exits at once, never waiting for input.
        from baclofen_cli.features.guide.command import is_interactive

        if not no_input and is_interactive():
            from baclofen_cli.features.guide.session import run_guide

            run_guide(ctx.obj)
            raise typer.Exit(0)
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


