"""Commands about the tool itself: `help` (a Typer function: it reads the command tree),
`completion SHELL` and `man` (built from their rows in `cli_spec`)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from baclofen_cli.core.state import AppState


def help(  # noqa: A001 - the command is called help
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(metavar="[COMMAND|TOPIC]", show_default=False,
                       help="A command (words may be apart: 'side effects') or a help topic: environment, exit-codes, "
                            "shell-completion, command-lines."),
    ] = None,
) -> None:
    """Show help for the tool, a command, or a help topic."""
    from baclofen_cli.cli import text as cli_text
    from baclofen_cli.cli.app import root_group
    from baclofen_cli.cli.forgiving import joined_command, suggestions
    from baclofen_cli.core.errors import BaclofenError
    from baclofen_cli.core.output import show_input

    root = ctx.find_root()
    group = root_group(root.command)
    words = [w for w in (words or []) if w.strip()]
    if not words:
        typer.echo(root.get_help())
        return
    joined = joined_command(words, group.list_commands(root))
    if joined is not None and joined[1] == len(words):
        name = joined[0]
        command = group.get_command(root, name)
        typer.echo(command.get_help(command.context_class(command, info_name=name, parent=root)))
        return
    topic = joined_command(words, cli_text.HELP_TOPICS)
    if topic is not None and topic[1] == len(words):
        from baclofen_cli.cli.common import help_width, wrap_help_text

        typer.echo(wrap_help_text(cli_text.HELP_TOPICS[topic[0]], help_width()), nl=False)
        return
    typed = " ".join(words)
    near = suggestions(typed, [*group.list_commands(root), *cli_text.HELP_TOPICS])
    hint = cli_text.DID_YOU_MEAN.format(names=" or ".join(map(repr, near))) if near else ""
    raise BaclofenError(cli_text.NO_HELP.format(name=show_input(typed), suggestion=hint))


def completion(app_state: AppState, shell: str) -> None:
    """`completion SHELL`: print a shell completion script for bash, zsh or fish."""
    from baclofen_cli.cli import text as cli_text
    from baclofen_cli.cli.completion import SHELLS, script
    from baclofen_cli.core.errors import BaclofenError
    from baclofen_cli.core.output import show_input

    chosen = shell.strip().lower()
    if chosen not in SHELLS:
        # Checked here rather than as a Click choice, whose usage line would read {bash|zsh|fish}.
        message = cli_text.ONE_OF.format(name="SHELL", choices=", ".join(SHELLS), value=repr(show_input(shell)))
        raise BaclofenError(message + cli_text.SEE_HELP.format(program="baclofen", command=" completion"))
    sys.stdout.write(script(chosen))


def man(app_state: AppState) -> None:
    """`man`: show the manual page (printed as roff when piped)."""
    from baclofen_cli.cli.manpage import render

    page = render()
    if sys.stdout.isatty():
        import shutil
        import subprocess

        if shutil.which("man"):
            try:
                subprocess.run(["man", "-l", "-"], input=page.encode("utf-8"), check=False)
                return
            except OSError:
                pass
    sys.stdout.write(page)

