"""Usage errors in plain words: one style for all of them, none of Click's wording
(`1<=x<=100`, `<int range>`, `Got unexpected extra argument`)."""

from __future__ import annotations

from typing import Any

from baclofen_cli.cli import text as cli_text
from baclofen_cli.core.output import show_input

_ARGS_KEY = "baclofen.args"


def usage_message(exc: Any, program: str = "baclofen") -> str:
    """The one-line message for a Click usage error (an exception with `.message` and `.ctx`)."""
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else program
    kind = type(exc).__name__
    message = _specific(exc, kind, command, ctx) or _sentence(exc.format_message())
    if not message.endswith((".", "?", "!")):
        message += "."
    sub = command[len(program):].strip() if command.startswith(program) else ""
    return message + cli_text.SEE_HELP.format(program=program, command=f" {sub}" if sub else "")


def _specific(exc: Any, kind: str, command: str, ctx: Any) -> str | None:
    param = getattr(exc, "param", None)
    if kind == "NoSuchOption":
        # Click's exception classes below UsageError are not exported by Typer, so `exc` is typed
        # Any and told apart by name; NoSuchOption's documented `message` is a str.
        reworded: str = exc.message  # already reworded where it is raised (cli._did_you_mean)
        return reworded
    if kind == "BadOptionUsage" and getattr(exc, "option_name", None):
        return needs_value(exc.option_name, _param(ctx, exc.option_name))
    if kind == "MissingParameter" and param is not None:
        if getattr(param, "param_type_name", "") == "option":
            return needs_value(param.opts[0], param)
        return cli_text.NEEDS_ARGUMENT.format(command=command, metavar=(param.metavar or param.name or "").upper())
    if kind == "BadParameter":
        if param is not None:
            return _bad_value(exc, param, ctx)
        if isinstance(exc.param_hint, str):
            return f"{exc.param_hint}: {exc.message}"
    text = exc.message or ""
    if text.startswith("Got unexpected extra argument"):
        extra = text[text.rfind("(") + 1 : text.rfind(")")] if "(" in text else ""
        return cli_text.EXTRA_WORDS.format(command=command, words=repr(show_input(extra)))
    return None


def _bad_value(exc: Any, param: Any, ctx: Any) -> str:
    is_option = getattr(param, "param_type_name", "") == "option"
    name = param.opts[0] if is_option else (param.metavar or param.name or "").upper()
    value = repr(show_input(_given(ctx, param)))
    choices, low, high = value_rule(param)
    if low is not None or high is not None:
        if high is None:
            return cli_text.NUMBER_AT_LEAST.format(name=name, low=low, value=value)
        return cli_text.NUMBER_RANGE.format(name=name, low=low if low is not None else 0, high=high, value=value)
    if choices:
        return cli_text.ONE_OF.format(name=name, choices=", ".join(choices), value=value)
    hint = exc.param_hint if isinstance(exc.param_hint, str) else name
    return f"{hint}: {_sentence(exc.message)}"


def _given(ctx: Any, param: Any) -> str:
    """What was typed for an option (or a command's one argument), read back from the command line."""
    root = ctx.find_root() if ctx is not None else None
    args: list[str] = list(root.meta.get(_ARGS_KEY, [])) if root is not None else []
    if getattr(param, "param_type_name", "") != "option":
        after = args[args.index(ctx.info_name) + 1 :] if ctx.info_name in args else []
        return next((token for token in after if not token.startswith("-")), "")
    for index, token in enumerate(args):
        for opt in getattr(param, "opts", []):
            if token == opt and index + 1 < len(args):
                return args[index + 1]
            if token.startswith(opt + "="):
                return token[len(opt) + 1 :]
    return ""


def needs_value(name: str, param: Any = None, metavar: str | None = None) -> str:
    """"--format needs a value (one of md, html, txt)": what kind of value, when it is known."""
    choices, low, high = value_rule(param)
    what: str | None
    if choices:
        what = cli_text.VALUE_ONE_OF.format(choices=", ".join(choices))
    elif low is not None and high is not None:
        what = cli_text.VALUE_NUMBER_RANGE.format(low=low, high=high)
    elif low is not None:
        what = cli_text.VALUE_NUMBER_AT_LEAST.format(low=low)
    else:
        what = metavar or getattr(param, "metavar", None)
    return cli_text.NEEDS_VALUE.format(name=name, what=what) if what else cli_text.NEEDS_SOME_VALUE.format(name=name)


def value_rule(param: Any) -> tuple[list[str] | None, int | None, int | None]:
    """(the choices, the lowest and the highest number) a parameter accepts, each None when it
    has no such rule. Typer up to 0.28 keeps them on Click's documented `Parameter.type` (a
    Choice or an IntRange); Typer 0.29 replaced Click's types with its own coercion and keeps
    them on the parameter (`type_descriptor.choices`, `min`, `max`)."""
    if param is None:
        return None, None, None
    kind = getattr(param, "type", None)
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(kind, "choices", None)
    if choices is None and descriptor is not None and getattr(descriptor, "is_choice", False):
        choices = descriptor.choices
    low = getattr(kind, "min", None) if kind is not None else getattr(param, "min", None)
    high = getattr(kind, "max", None) if kind is not None else getattr(param, "max", None)
    shown = [str(getattr(c, "value", c)) for c in choices] if choices else None
    return shown, low, high


def _param(ctx: Any, option_name: str) -> Any:
    command = getattr(ctx, "command", None)
    for param in getattr(command, "params", []):
        if option_name in getattr(param, "opts", []) or option_name in getattr(param, "secondary_opts", []):
            return param
    return None


def _sentence(text: str) -> str:
    text = (text or "").strip()
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text
