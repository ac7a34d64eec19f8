"""The manual page (roff), generated from the command tree: the same help texts, options and
examples as --help, so the two cannot drift apart."""

from __future__ import annotations

from typing import Any


def _roff(text: str) -> str:
    """Text safe for roff: backslashes and hyphens escaped, no line starting with a control character."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.splitlines():
        lines.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(lines)


def _help_body(text: str) -> str:
    """Click help text: paragraphs, with \\b blocks kept as they are written."""
    import inspect

    out: list[str] = []
    for block in inspect.cleandoc(text or "").split("\n\n"):
        if block.startswith("\b"):
            out += [".PP", ".nf", _roff(block[1:].strip("\n")), ".fi"]
        elif block.strip():
            out += [".PP", _roff(" ".join(block.split()))]
    return "\n".join(out)


def _options(command: Any, ctx: Any) -> list[str]:
    out: list[str] = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        names, help_text = record
        out += [".TP", f"\\fB{_roff(names)}\\fR", _roff(help_text or "")]
    return out


def render(program: str = "baclofen") -> str:
    import typer

    from baclofen_cli import __version__, lang
    from baclofen_cli.cli.app import root_group
    from baclofen_cli.cli.help import examples_epilog
    from baclofen_cli.cli.text import HELP_TOPICS

    group = root_group()
    root = typer.Context(group, info_name=program)
    # The manual page is in English, as its every other part (the language pack's root help).
    description = lang.load(lang.ENGLISH).label("root_help")
    lines = [
        f'.TH {program.upper()} 1 "" "{program} {__version__}" "User Commands"',
        ".SH NAME",
        f"{program} \\- " + _roff(description.split(". ")[0].rstrip(".")),
        ".SH SYNOPSIS",
        f"\\fB{program}\\fR [\\fIOPTIONS\\fR] [\\fICOMMAND\\fR] [\\fIARGS\\fR]...",
        ".SH DESCRIPTION",
        _help_body(description),
        ".PP",
        f"Run \\fB{program}\\fR alone on a terminal to open the interactive guide.",
        ".SH OPTIONS",
        *_options(group, root),
        ".SH COMMANDS",
    ]
    for name in group.list_commands(root):
        command = group.get_command(root, name)
        if command is None or command.hidden:
            continue
        ctx = typer.Context(command, info_name=name, parent=root)
        usage = " ".join(command.collect_usage_pieces(ctx))
        lines += [f'.SS "{program} {_roff(name)} {_roff(usage)}"', _help_body(command.help or "")]
        options = _options(command, ctx)
        if options:
            lines += [".PP", "Options:", ".RS", *options, ".RE"]
        epilog = command.epilog or examples_epilog(name)
        if epilog:
            lines.append(_help_body(epilog))
    for title, text in (("ENVIRONMENT", HELP_TOPICS["environment"]), ("EXIT STATUS", HELP_TOPICS["exit-codes"]),
                        ("FORGIVING COMMAND LINES", HELP_TOPICS["command-lines"]),
                        ("SHELL COMPLETION", HELP_TOPICS["shell-completion"])):
        body = text.split("\n", 1)[1].strip("\n") if ":\n" in text.split("\n", 1)[0] + "\n" else text
        lines += [f".SH {title}", ".nf", _roff(body), ".fi"]
    lines += [".SH SEE ALSO", f"\\fB{program} help\\fR, \\fB{program} help COMMAND\\fR"]
    return "\n".join(lines) + "\n"
