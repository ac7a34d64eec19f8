"""The `baclofen` command tree. Commands stay thin; this module wires them and maps errors to exit codes."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer._click.exceptions import NoSuchOption, UsageError
from typer.core import TyperGroup
from typer.main import get_command_name

from baclofen_cli import __version__
from baclofen_cli.commands import ask, guide, handout, quiz, schema, topics, validate
from baclofen_cli.commands.common import AppState
from baclofen_cli.errors import BaclofenError

HELP = (
    "A plain-language guide to your medicine, with sources. "
    "It gives general facts, not advice for you: follow your own doctor and pharmacist. "
    "In an emergency, call your local emergency number (911 US, 999 UK, 112 EU)."
)


class BaclofenGroup(TyperGroup):
    """The root group: builds commands lazily, and turns the errors a user can fix into one
    clear line and an exit code, never a traceback.

    Typer converts every registered function into a Click command (signature inspection,
    type hints) before running any of them: ~10 ms for our two dozen commands on every run.
    Here only the command being run is converted, Click's "lazy loading subcommands" pattern;
    help and "did you mean" still see every command.
    """

    def list_commands(self, ctx: Any) -> list[str]:
        return list(_LAZY_COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in _LAZY_COMMANDS:
            from typer.main import get_command_from_info

            command = get_command_from_info(
                _LAZY_COMMANDS[cmd_name], pretty_exceptions_short=True, rich_markup_mode=self.rich_markup_mode
            )
            self.commands[cmd_name] = command
        return command

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list in --help, read from the registrations without converting each command."""
        import inspect

        from typer._click.utils import make_default_short_help

        infos = [(name, info) for name, info in _LAZY_COMMANDS.items() if not info.hidden]
        limit = formatter.width - 6 - max(len(name) for name, _ in infos)
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
        try:
            return self._click_resolve_command(ctx, args)
        except UsageError as exc:
            from difflib import get_close_matches

            matches = get_close_matches(args[0], self.list_commands(ctx)) if args else []
            if matches:
                exc.message = exc.message.rstrip(".") + ". Did you mean " + ", ".join(map(repr, matches)) + "?"
            raise

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except NoSuchOption as exc:
            raise _did_you_mean(exc) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NoSuchOption as exc:  # a subcommand's option, parsed when the subcommand starts
            raise _did_you_mean(exc) from None
        except BaclofenError as exc:
            from baclofen_cli.output import clean

            print(clean(f"{ctx.find_root().info_name or 'baclofen'}: error: {exc}"), file=sys.stderr)
            raise typer.Exit(exc.exit_code) from None


def _did_you_mean(exc: NoSuchOption) -> NoSuchOption:
    """Click lists near misses as "(Possible options: --json)"; say it the way commands do."""
    if exc.possibilities:
        names = " or ".join(repr(p) for p in sorted(exc.possibilities))
        exc.message = f"{exc.message}. Did you mean {names}?"
        exc.possibilities = None
    return exc


app = typer.Typer(
    name="baclofen",
    cls=BaclofenGroup,
    help=HELP,
    add_completion=False,
    # Unexpected errors are reported by main() in one line (BACLOFEN_DEBUG=1 shows the traceback).
    pretty_exceptions_enable=False,
    # Plain help and errors: Rich-formatted help adds ~40 ms to every --help and usage error.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"baclofen {__version__}")
        raise typer.Exit()


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
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    if data is not None and not data.strip():
        raise typer.BadParameter("the path is empty", param_hint="--data")
    ctx.obj = AppState(data=data, color=color, no_input=no_input, command_name=ctx.info_name or "baclofen",
                       region=region)
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
ask.register(app)
guide.register(app)
handout.register(app)
quiz.register(app)
validate.register(app)
schema.register(app)

# Registered the usual Typer way, then handed to BaclofenGroup to convert on demand.
_LAZY_COMMANDS = {
    info.name or get_command_name(info.callback.__name__): info  # type: ignore[union-attr]
    for info in app.registered_commands
}
app.registered_commands.clear()

