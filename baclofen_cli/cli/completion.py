"""Shell completion for bash, zsh and fish: `baclofen completion SHELL` prints a script that
asks `baclofen __complete SHELL CURRENT [WORD...]` for the candidates on each TAB.

The candidates come from the same command tree as --help (commands, their options, an
option's choices) and from the knowledge file in use (topic ids for `show` and `--topics`,
medicine names for `interactions`). Only the small scripts below are per shell.
"""

from __future__ import annotations

import re
import sys
from typing import Any

SHELLS = ("bash", "zsh", "fish")
# Printed instead of candidates when the shell should complete a file name itself.
FILES = "__files__"
FILE_OPTIONS = frozenset({"--data", "--output", "-o"})

BASH = r"""# bash completion for baclofen (made by: baclofen completion bash)
_baclofen() {
    local IFS=$'\n' cur="${COMP_WORDS[COMP_CWORD]}" reply
    reply=$(baclofen __complete bash "$cur" "${COMP_WORDS[@]:1:COMP_CWORD-1}" 2>/dev/null) || return 0
    if [[ "$reply" == "__files__" ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
    else
        COMPREPLY=($reply)
    fi
}
complete -F _baclofen baclofen
"""

ZSH = r"""#compdef baclofen
# zsh completion for baclofen (made by: baclofen completion zsh)
_baclofen() {
    local -a reply
    reply=("${(@f)$(baclofen __complete zsh "${words[CURRENT]}" "${(@)words[2,CURRENT-1]}" 2>/dev/null)}")
    if [[ "${reply[1]}" == "__files__" ]]; then
        _files
    elif [[ -n "${reply[1]}" ]]; then
        # Matched without regard to case, as the candidates were chosen ("xan" finds Xanax).
        compadd -M 'm:{[:lower:][:upper:]}={[:upper:][:lower:]}' -- "${reply[@]}"
    fi
}
if [[ "${funcstack[1]}" == "_baclofen" ]]; then
    _baclofen "$@"
else
    compdef _baclofen baclofen
fi
"""

FISH = r"""# fish completion for baclofen (made by: baclofen completion fish)
function __baclofen_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l current (commandline -ct)
    set -l reply (baclofen __complete fish "$current" $words 2>/dev/null)
    if test "$reply[1]" = __files__
        __fish_complete_path "$current"
    else
        printf '%s\n' $reply
    end
end
complete -c baclofen -f -a '(__baclofen_complete)'
"""

SCRIPTS = {"bash": BASH, "zsh": ZSH, "fish": FISH}


def script(shell: str) -> str:
    return SCRIPTS[shell]


def run(argv: list[str]) -> int:
    """`baclofen __complete SHELL CURRENT [WORD...]`: one candidate per line."""
    if len(argv) < 2 or argv[0] not in SHELLS:
        return 2
    shell, current, prior = argv[0], _unquote(argv[1]), [_unquote(word) for word in argv[2:]]
    try:
        found = candidates(prior, current)
    except Exception:  # noqa: BLE001 - a TAB press must never print a traceback into the command line
        return 1
    if shell == "bash":
        found = [w if w == FILES else _bash_escape(w) for w in found]
    sys.stdout.write("".join(f"{word}\n" for word in found))
    return 0


def _unquote(word: str) -> str:
    """The word as the shell will pass it once typed: without backslashes and opening quotes."""
    return re.sub(r"\\(.)", r"\1", word).lstrip("'\"")


def _bash_escape(word: str) -> str:
    return re.sub(r"([^\w@%+=:,./-])", r"\\\1", word)


def candidates(prior: list[str], current: str) -> list[str]:
    """What may come next after the words `prior`, starting with `current`."""
    import typer

    from baclofen_cli.cli.app import root_group
    from baclofen_cli.cli.forgiving import data_option, lift_global_options

    group = root_group()
    ctx = typer.Context(group, info_name="baclofen")
    lifted, rest = lift_global_options(prior)
    data = data_option(lifted)
    if prior and prior[-1] in ("--data",):
        return [FILES]
    command_name = next((w for w in rest if not w.startswith("-")), None)
    command = group.get_command(ctx, command_name) if command_name else None
    params = list(group.params) + (list(command.params) if command is not None else [])
    pending = _option_waiting_for_value(rest, params)
    if pending is not None:
        return _option_values(pending, current, data)
    if current.startswith("-"):
        return _matching(_option_names(command.params if command is not None else []) + _option_names(group.params)
                         + ["--help"], current)
    if command is None:
        return _matching(group.list_commands(ctx), current)
    return _argument_values(command_name or "", current, data, group, ctx)


def _option_waiting_for_value(words: list[str], params: list[Any]) -> Any:
    if not words or not words[-1].startswith("-") or "=" in words[-1]:
        return None
    for param in params:
        if words[-1] in getattr(param, "opts", []) and not getattr(param, "is_flag", True):
            return param
    return None


def _option_names(params: list[Any]) -> list[str]:
    names: list[str] = []
    for param in params:
        if getattr(param, "param_type_name", "") == "option" and not getattr(param, "hidden", False):
            names += [n for n in [*param.opts, *param.secondary_opts] if n.startswith("--")]
    return names


def _option_values(param: Any, current: str, data: str | None) -> list[str]:
    if set(param.opts) & FILE_OPTIONS:
        return [FILES]
    from baclofen_cli.cli.usage import value_rule

    choices = value_rule(param)[0]
    if choices:
        return _matching(choices, current)
    if "--topics" in param.opts:
        done, _, last = current.rpartition(",")
        prefix = done + "," if done else ""
        chosen = set(done.split(","))
        return [prefix + t for t in _matching(_topic_ids(data), last) if t not in chosen]
    return []


def _argument_values(command_name: str, current: str, data: str | None, group: Any, ctx: Any) -> list[str]:
    if command_name == "show":
        return _matching(_topic_ids(data), current)
    if command_name == "interactions":
        return _matching(_medicine_names(data), current)
    if command_name == "help":
        from baclofen_cli.cli.text import HELP_TOPICS

        return _matching([*group.list_commands(ctx), *HELP_TOPICS], current)
    if command_name == "completion":
        return _matching(list(SHELLS), current)
    if command_name == "validate":
        return [FILES]
    return []


def _matching(words: list[str], current: str) -> list[str]:
    typed = current.casefold()
    return sorted(dict.fromkeys(w for w in words if w.casefold().startswith(typed)), key=str.casefold)


def _topic_ids(data: str | None) -> list[str]:
    from baclofen_cli.core.state import AppState

    return [topic.id for topic in AppState(data=data).kb.topics]


def _medicine_names(data: str | None) -> list[str]:
    """Every name the interaction index knows, as the knowledge file writes it."""
    from baclofen_cli.core.state import AppState
    from baclofen_cli.features.interactions.names import DrugIndex

    index = AppState(data=data).compiled.index("drugs", DrugIndex)
    return [hit.matched for hits in index.names.values() for hit in hits if hit.groups]
