"""Content rules beyond the schema: references resolve, ids are unique, nothing is left unsourced.

The loader refuses a file with any of these errors; `baclofen validate` lists them all.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from typing import Any

import msgspec

from baclofen_cli.core.checks.situations import situation_problems
from baclofen_cli.core.checks.sources import source_problems
from baclofen_cli.core.problem import ADVISORY_CODES as ADVISORY_CODES
from baclofen_cli.core.problem import Problem as Problem
from baclofen_cli.core.yamlsafe import Path, line_for

_VALIDATION_PATH = re.compile(r"^(?P<message>.*?) - at `\$(?P<path>.*)`$", re.DOTALL)
_UNKNOWN_FIELD = re.compile(r"^Object contains unknown field `(?P<name>.*)`$", re.DOTALL)
_PATH_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\[\"((?:[^\"\\]|\\.)*)\"\]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def schema_problem(exc: msgspec.ValidationError, lines: dict[Path, int]) -> Problem:
    """Turn msgspec's "Expected `str`, got `int` - at `$.topics[0].title`" into a located problem."""
    text = str(exc)
    match = _VALIDATION_PATH.match(text)
    path: Path = ()
    if match:
        text = match["message"]
        path = tuple(
            int(index) if index else (name or single or double)
            for name, index, single, double in _PATH_PART.findall(match["path"])
        )
    unknown = _UNKNOWN_FIELD.match(text)
    if unknown:
        # The field name is the file's own text: quoted with repr, so a newline or an escape
        # code in a key stays visible and on one line.
        message = f"unknown field {unknown['name']!r}"
    else:
        message = " ".join(text.replace("`", "").split())
        message = message[:1].lower() + message[1:]
    return Problem("BCL001", message, path, line_for(lines, path))


def schema_problems(data: Any, kind: Any, lines: dict[Path, int]) -> list[Problem]:
    """Every schema violation, not just the first: on failure, check each field and list item alone."""
    return [
        Problem(p.code, p.message, p.path, line_for(lines, p.path)) for p in _schema_problems(data, kind, ())
    ]


def _schema_problems(value: Any, kind: Any, path: Path) -> list[Problem]:
    try:
        msgspec.convert(value, kind)
        return []
    except msgspec.ValidationError as exc:
        first = schema_problem(exc, {})
        first = Problem(first.code, first.message, (*path, *first.path))
    inner = _unwrap(kind)
    options = [arg for arg in typing.get_args(inner) if arg is not type(None)]
    if isinstance(inner, types.UnionType) and value is not None and len(options) == 1:
        # An optional field that is present (`Statement | None`): check it as its type.
        return _schema_problems(value, options[0], path)
    found: list[Problem] = []
    if isinstance(value, list) and typing.get_origin(inner) is list:
        (item_kind,) = typing.get_args(inner)
        for i, item in enumerate(value):
            found += _schema_problems(item, item_kind, (*path, i))
    elif isinstance(value, dict) and isinstance(inner, type) and issubclass(inner, msgspec.Struct):
        fields = {f.encode_name: f for f in msgspec.structs.fields(inner)}
        for key in value:
            if key not in fields:
                # rapidfuzz, not difflib: a file of 100,000 unknown keys gets a hint for each
                # in well under a second (difflib took seconds).
                from rapidfuzz import fuzz, process

                near = process.extractOne(str(key), list(fields), scorer=fuzz.ratio, score_cutoff=60)
                hint = f"; did you mean {near[0]!r}?" if near else ""
                found.append(Problem("BCL001", f"unknown field {key!r}{hint}", (*path, key)))
        for key, field in fields.items():
            if key in value:
                found += _schema_problems(value[key], field.type, (*path, key))
            elif field.required:
                found.append(Problem("BCL001", f"missing required field {key!r}", path))
    # A problem in the container itself (a list too short, say) is still reported.
    return found or [first]


def _unwrap(kind: Any) -> Any:
    while typing.get_origin(kind) is typing.Annotated:
        kind = typing.get_args(kind)[0]
    return kind


def find_problems(
    data: dict[str, Any], lines: dict[Path, int], shipped: bool = False, inherited: dict[str, Any] | None = None
) -> list[Problem]:
    """Every rule violation in a file that already matches the schema (`shipped`: the built-in file;
    `inherited`: the built-in data an overlay extends, whose own source problems are not repeated)."""
    problems = list(_reference_problems(data))
    problems += [Problem(*found) for found in source_problems(data, shipped=shipped, inherited=inherited)]
    problems += _duplicate_problems(data)
    problems += _quiz_problems(data)
    problems += _text_problems(data, ())
    problems += _label_problems(data)
    problems += [Problem(*found) for found in situation_problems(data)]
    from baclofen_cli.core.checks.safety import safety_problems  # the safety rules (BCL040-BCL045)

    problems += safety_problems(data)
    return [Problem(p.code, p.message, p.path, line_for(lines, p.path)) for p in problems]


def _label_problems(data: dict[str, Any]) -> Iterator[Problem]:
    """BCL009: a `labels:` key the language packs do not have (a typo would show nothing), or a {field}
    the code never fills in."""
    import re

    from baclofen_cli import lang

    english = lang.load(lang.ENGLISH).labels
    for key, words in (data.get("labels") or {}).items():
        if key not in english:
            yield Problem("BCL009", f"{key!r} is not a label of the language pack (see baclofen_cli/lang/en.yaml)",
                          ("labels", key))
        elif isinstance(words, str):
            unknown = set(re.findall(r"{(\w*)}", words)) - set(re.findall(r"{(\w+)}", english[key]))
            if unknown:
                yield Problem("BCL009", f"{key!r} names {{{sorted(unknown)[0]}}}, which this label does not fill in",
                              ("labels", key))


def _statement_sources(node: Any, path: Path) -> Iterator[tuple[Path, str]]:
    """Every cited source id, wherever it sits (statements, groups, quiz items)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources" and path and isinstance(value, list):
                for i, source_id in enumerate(value):
                    if isinstance(source_id, str):
                        yield (*path, key, i), source_id
            else:
                yield from _statement_sources(value, (*path, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _statement_sources(item, (*path, i))


def _reference_problems(data: dict[str, Any]) -> Iterator[Problem]:
    known = {s["id"] for s in data["sources"]}
    cited: set[str] = set()
    body = {k: v for k, v in data.items() if k != "sources"}
    for path, source_id in _statement_sources(body, ()):
        cited.add(source_id)
        if source_id not in known:
            yield Problem("BCL002", f"unknown source id {source_id!r}", path)
    for i, source in enumerate(data["sources"]):
        if source["id"] not in cited:
            yield Problem("BCL003", f"source {source['id']!r} is never cited", ("sources", i, "id"))
    topic_ids = {t["id"] for t in data["topics"]}
    for topic_id in data.get("ask", {}).get("topic_phrasings", {}):
        if topic_id not in topic_ids:
            yield Problem("BCL004", f"phrasings for unknown topic {topic_id!r}", ("ask", "topic_phrasings", topic_id))
    yield from _ask_section_problems(data.get("ask") or {}, {t["id"]: t for t in data["topics"]})
    group_ids = {g["id"] for g in data["interactions"]["groups"]}
    for i, group_id in enumerate(data["interactions"].get("depressant_groups", [])):
        if group_id not in group_ids:
            yield Problem("BCL004", f"unknown interaction group {group_id!r}", ("interactions", "depressant_groups", i))
    handout = data.get("handout") or {}
    for key in ("rules", "pictures"):
        for i, item in enumerate(handout.get(key, [])):
            if item["topic"] not in topic_ids:
                yield Problem("BCL004", f"the handout names unknown topic {item['topic']!r}",
                          ("handout", key, i, "topic"))


def _ask_section_problems(ask: dict[str, Any], topics: dict[str, dict[str, Any]]) -> Iterator[Problem]:
    """BCL004: the topics `ask` answers from by name (crisis help, conditions, an animal) must
    exist, and the animal's section heading must be one of its topic's sections."""
    for key in ("crisis_topic", "condition_topic", "pet_topic"):
        if ask.get(key) and ask[key] not in topics:
            yield Problem("BCL004", f"{key} names unknown topic {ask[key]!r}", ("ask", key))
    pet = topics.get(ask.get("pet_topic") or "")
    if pet is not None and ask.get("pet_heading") not in {sec["heading"] for sec in pet.get("sections", [])}:
        yield Problem("BCL004", f"pet_heading {ask.get('pet_heading')!r} is no section of topic {pet['id']!r}",
                      ("ask", "pet_heading"))


def _duplicate_problems(data: dict[str, Any]) -> Iterator[Problem]:
    lists: list[tuple[Path, list[dict[str, Any]], str]] = [
        (("sources",), data["sources"], "id"),
        (("topics",), data["topics"], "id"),
        (("interactions", "groups"), data["interactions"]["groups"], "id"),
        (("quiz",), data.get("quiz", []), "id"),
    ]
    for path, items, key in lists:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item[key] in seen:
                yield Problem("BCL005", f"duplicate id {item[key]!r}", (*path, i, key))
            seen.add(item[key])
    # One drug may sit in several groups, but a name must not point at two different drugs.
    owners: dict[str, str] = {}
    for gi, group in enumerate(data["interactions"]["groups"]):
        for di, drug in enumerate(group["drugs"]):
            kinds = ("brands", "aliases", "street_names", "everyday_names")
            for name in [drug["name"], *(n for k in kinds for n in drug.get(k, []))]:
                owner = owners.setdefault(name.casefold(), drug["name"])
                if owner.casefold() != drug["name"].casefold():
                    yield Problem(
                        "BCL005",
                        f"the name {name!r} is given to both {owner!r} and {drug['name']!r}",
                        ("interactions", "groups", gi, "drugs", di),
                    )


MAX_QUIZ_CHOICES = 6  # answered as a letter, a to f


def _quiz_problems(data: dict[str, Any]) -> Iterator[Problem]:
    topic_ids = {t["id"] for t in data["topics"]}
    for i, item in enumerate(data.get("quiz", [])):
        choices = item["choices"]
        correct = sum(1 for choice in choices if choice.get("correct"))
        if correct != 1:
            yield Problem("BCL006", f"quiz item has {correct} correct choices; it needs exactly one",
                          ("quiz", i, "choices"))
        if len(choices) > MAX_QUIZ_CHOICES:
            message = f"quiz item has {len(choices)} choices; at most {MAX_QUIZ_CHOICES} (a to f)"
            yield Problem("BCL006", message, ("quiz", i, "choices"))
        seen: set[str] = set()
        for ci, choice in enumerate(choices):
            # Two choices that read the same cannot be told apart (or one is right and one wrong).
            key = " ".join(choice["text"].casefold().split()).rstrip(".")
            if key in seen:
                yield Problem("BCL005", f"duplicate quiz choice {choice['text']!r}", ("quiz", i, "choices", ci, "text"))
            seen.add(key)
        if item["topic"] not in topic_ids:
            yield Problem("BCL004", f"quiz item names unknown topic {item['topic']!r}", ("quiz", i, "topic"))


def _text_problems(node: Any, path: Path) -> Iterator[Problem]:
    if isinstance(node, str):
        if _CONTROL.search(node):
            yield Problem("BCL007", "text contains control characters or escape codes", path)
        elif not node.strip():
            yield Problem("BCL008", "text is empty", path)
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and _CONTROL.search(key):
                yield Problem("BCL007", "key contains control characters or escape codes", (*path, key))
            yield from _text_problems(value, (*path, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _text_problems(item, (*path, i))
