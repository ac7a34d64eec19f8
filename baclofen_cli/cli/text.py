"""Words about the command line itself (not about the medicine): examples, help topics and
usage-error wording, kept together so a language pack can take them over later."""

from __future__ import annotations

from baclofen_cli.cli.spec import TOPIC_COMMANDS

PROGRAM = "baclofen"

# Each command's help (`cli_spec.Command.help_key`): the first paragraph is its line in the
# command list. Topic commands describe the command, not the medicine, so another drug's file
# works too.
COMMAND_HELP: dict[str, str] = {
    "overview": "What the medicine is, its names and its forms.",
    "uses": "What it is used for, and what it is not for.",
    "how-it-works": "How it works in the body, in plain words.",
    "administration": "How to take it, in each form it comes in.",
    "dosing": "Usual doses from the label. Your prescriber sets yours.",
    "missed-dose": "What to do if you miss a dose.",
    "side-effects": "Side effects: common, less common, and when to get help.",
    "interactions": """Medicines, alcohol and other things that mix badly with it.

Give names to check them: generic names, US or UK brands, products like co-codamol, or
everyday words like beer. Spelling mistakes are allowed. A name that is not in the guide is
NOT known to be safe: ask your pharmacist.

\b
Examples:
  baclofen interactions
  baclofen interactions Percocet
  baclofen interactions "my Xanax" beer co-codamol
  baclofen interactions oxycodone --json
""",
    "precautions": "Who needs extra care, and what to tell your doctor first.",
    "pregnancy": "Pregnancy and breastfeeding.",
    "stopping": "Why you must not stop suddenly, and signs of withdrawal.",
    "overdose": "Signs of taking too much, and what to do right now.",
    "pump": "A pump or device that gives the medicine: refills, alarms and warning signs.",
    "storage": "Storing it safely and getting rid of unused medicine.",
    "common-questions": "Short answers to common questions.",
    "topics": "List every topic, one line each.",
    "show": "Show any topic by its id.",
    "sources": "List every source this guide is based on, official ones first, with its tier.",
    "ask": "Ask a question in your own words. Emergencies are shown first.",
    "guide": "Step through the topics and ask questions, one prompt at a time (q to leave).",
    "handout": "Make a handout to print: 2 pages with the emergency box, key facts, what to do and a plan to fill in.",
    "quiz": """Check what you learned: answer questions (a, b, c... or 1, 2, 3...), one per line. ? skips. Ctrl-D stops.

Example: baclofen quiz --topics pump,stopping --count 4""",
    "validate": """Check a knowledge file: schema, sources, ids, empty text. Exit 1 if anything is wrong.

Example: baclofen validate clinic.yaml --readability""",
    "schema": """Print the JSON Schema that knowledge files follow (point your editor at it).

Example: baclofen schema > baclofen.schema.json""",
    "help": "Show help for the tool, a command, or a help topic.",
    "completion": "Print a shell completion script: bash, zsh or fish.",
    "man": "Show the manual page (printed as roff when piped).",
}
# The line in the command list, where it is not the help's first paragraph shortened.
COMMAND_SHORT_HELP: dict[str, str] = {"interactions": "Medicines, alcohol and other things that mix badly with it."}

# Every command's --help ends with examples (tests check each command has one).
_TOPIC_EXAMPLES = ["baclofen {name}", "baclofen {name} --sources", "baclofen {name} --json"]
EXAMPLES: dict[str, list[str]] = {
    **{name: [line.format(name=name) for line in _TOPIC_EXAMPLES] for name in TOPIC_COMMANDS if name != "interactions"},
    "interactions": [
        "baclofen interactions",
        "baclofen interactions Percocet",
        'baclofen interactions "my Xanax" beer co-codamol',
        "baclofen interactions oxycodone --json",
    ],
    "topics": ["baclofen topics", "baclofen topics --json"],
    "show": ["baclofen show pump", "baclofen --data clinic.yaml show our-clinic"],
    "sources": ["baclofen sources", "baclofen sources --json"],
    "ask": ['baclofen ask "I forgot my dose"', "baclofen ask can I drink beer", 'baclofen ask --json "legs feel weak"'],
    "guide": ["baclofen guide", "baclofen"],
    "handout": [
        "baclofen handout --format html -o handout.html",
        "baclofen handout --topics missed-dose,stopping,overdose --format txt",
    ],
    "quiz": ["baclofen quiz", "baclofen quiz --count 10", "printf 'a\\nb\\n' | baclofen quiz --count 2 --seed 7"],
    "validate": ["baclofen validate clinic.yaml", "baclofen --data clinic.yaml validate --json"],
    "schema": ["baclofen schema > baclofen.schema.json"],
    "help": ["baclofen help", "baclofen help interactions", "baclofen help environment"],
    "completion": [
        "baclofen completion bash > ~/.local/share/bash-completion/completions/baclofen",
        'baclofen completion zsh > "${fpath[1]}/_baclofen"',
        "baclofen completion fish > ~/.config/fish/completions/baclofen.fish",
    ],
    "man": ["baclofen man", "baclofen man > baclofen.1"],
}

ROOT_EPILOG_LINES = [
    "Examples:",
    "  baclofen                       open the guide (on a terminal)",
    "  baclofen missed-dose           one topic",
    "  baclofen side effects          words are joined into the topic name",
    "  baclofen interactions xanax    check a medicine",
    '  baclofen ask "I forgot my pill"',
    "  baclofen help environment      settings, pager and colours",
]

# `baclofen help TOPIC` for things that are not commands.
HELP_TOPICS: dict[str, str] = {
    "environment": """\
Settings read from the environment:

  BACLOFEN_DATA       a knowledge file to use instead of the built-in one (same as --data)
  BACLOFEN_LANG       the guide's language, e.g. es (same as --lang); else LC_ALL,
                      LC_MESSAGES or LANG (es_MX.UTF-8 is Spanish), else English
  BACLOFEN_PAGER      the pager for long answers on a terminal (default: less -FRX);
                      empty or "cat" turns it off, as --no-pager does
  PAGER               used when BACLOFEN_PAGER is not set
  NO_COLOR            any value: no colour
  FORCE_COLOR         any value: colour even when not on a terminal
  TERM=dumb           no colour
  COLUMNS, LINES      the terminal size to draw for
  BACLOFEN_CACHE_DIR  where the parsed knowledge file is cached ($XDG_CACHE_HOME/baclofen-cli)
  BACLOFEN_DEBUG      any value: show the full traceback of an internal error
""",
    "exit-codes": """\
Exit codes:

  0    the command answered (also when a medicine name is not in the guide: read --json)
  1    validate found problems, a pipe closed early, or an internal error
  2    a usage error or a knowledge file that cannot be used ("baclofen: error: ...")
  130  stopped with Ctrl-C
  143  stopped by SIGTERM
""",
    "shell-completion": """\
Shell completion (commands, topic ids, options and medicine names):

  bash:  baclofen completion bash > ~/.local/share/bash-completion/completions/baclofen
  zsh:   baclofen completion zsh > "${fpath[1]}/_baclofen"    (then restart zsh)
  fish:  baclofen completion fish > ~/.config/fish/completions/baclofen.fish

Or for this shell only: eval "$(baclofen completion bash)"
""",
    "command-lines": """\
Forgiving command lines:

  baclofen side effects      words are joined: the same as baclofen side-effects
  baclofen sideeffects       the same; case and - or _ do not matter
  baclofen xanax             a medicine name: the same as baclofen interactions xanax
  baclofen withdrawal        any other word: the same as baclofen ask withdrawal
  baclofen overview --data x.yaml   global options may come after the command

How a bare word was read is said on stderr. A close typo of a command is not guessed:
you get "Did you mean ...?".
""",
}

# Usage errors, in plain words. {command} is the full command ("baclofen quiz").
NO_SUCH_COMMAND = "'{name}' is not a command."
NO_SUCH_OPTION = "'{command}' has no option {name}."
DID_YOU_MEAN = " Did you mean {names}?"
NEEDS_VALUE = "{name} needs a value ({what})."
NEEDS_SOME_VALUE = "{name} needs a value."
VALUE_ONE_OF = "one of {choices}"
VALUE_NUMBER_RANGE = "a whole number from {low} to {high}"
VALUE_NUMBER_AT_LEAST = "a whole number of {low} or more"
NEEDS_ARGUMENT = "'{command}' needs {metavar}."
EXTRA_WORDS = "'{command}' does not take {words}."
NUMBER_RANGE = "{name} must be a whole number from {low} to {high}, not {value}."
NUMBER_AT_LEAST = "{name} must be a whole number of {low} or more, not {value}."
ONE_OF = "{name} must be one of {choices}, not {value}."
SEE_HELP = " See '{program} help{command}'."
NO_HELP = "there is no command or help topic '{name}'.{suggestion} See 'baclofen help'."
JSON_AFTER_COMMAND = "--json goes after the command, as in '{program} overdose --json' (or with --version)."
IGNORED_WITH_JSON = "{program}: note: {option} is ignored with --json ({why})"
