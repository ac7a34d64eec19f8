"""Safety rules for `validate` and the loader: a file that matches the schema can still switch off
the tool's safety behaviour (no emergency phrasings, opioids graded minor, "it is safe").

Nothing here names a drug: what must hold is declared in the file itself (`emergency.topics`,
`interactions.major_groups`) or is true of any medicine's file (an emergency number has digits,
a review date is a real date, an interaction statement never reassures).

Codes (all errors: the file is refused, as for the other rules):
  BCL040  a safety block is missing or empty (emergency phrasings, the major-group emergency
          note, the combined warning, a disclaimer or instruction too short to say anything)
  BCL041  an emergency topic is missing, does not lead with the emergency box, or has no
          emergency section
  BCL042  a group that must be major is graded lower
  BCL043  an interaction statement says a combination is safe, or that there is no interaction
  BCL044  a contact number does not look like a phone number
  BCL045  a date that is not a real date, or is in the future
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from baclofen_cli.core.problem import Problem

SAFETY_CODES = ("BCL040", "BCL041", "BCL042", "BCL043", "BCL044", "BCL045")
MIN_WORDS = 3  # a disclaimer or emergency instruction of "." or "x" says nothing

# Words that reassure about a combination. Allowed only when negated in the same sentence
# ("That does not mean it is safe"), which is how a careful file uses them.
_REASSURING = re.compile(
    r"\b(?:safe|safely|harmless|fine to (?:take|use|mix|combine)|ok(?:ay)? to (?:take|use|mix|combine)"
    r"|no (?:known )?(?:interactions?|problems?|risks?|dangers?)|(?:do|does|did|will) not interact"
    r"|(?:don't|doesn't|won't) interact)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|never|no|cannot|nor|without)\b|n't\b", re.IGNORECASE)
_NEGATION_REACH = 5  # words before the reassuring word, in its clause, that can negate it
_PHONE = re.compile(r"^\+?\d[\d ().\-/]*\d$|^\d$")
_MIN_DIGITS, _MAX_DIGITS = 2, 15  # "15" (France) to E.164's longest
_DATE_KEYS = ("reviewed", "accessed", "updated", "published", "date")
INTERACTIONS_TOPIC = "interactions"  # the standard topic of the `interactions` command


def safety_problems(data: dict[str, Any]) -> Iterator[Problem]:
    """Every safety rule violation in a file that already matches the schema."""
    yield from _block_problems(data)
    yield from _emergency_topic_problems(data)
    yield from _major_group_problems(data)
    yield from _reassurance_problems(data)
    yield from _contact_problems(data)
    yield from _date_problems(data, ())


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _block_problems(data: dict[str, Any]) -> Iterator[Problem]:
    ask = data.get("ask", {})
    if not ask.get("emergency_phrasings"):
        yield Problem(
            "BCL040", "no emergency phrasings: `ask` could not recognise an emergency described in words",
            ("ask", "emergency_phrasings") if "ask" in data else (),
        )
    interactions = data["interactions"]
    if any(g["severity"] == "major" for g in interactions["groups"]) and not interactions.get("emergency_note"):
        yield Problem("BCL040", "major interaction groups need an emergency_note (the signs to get help at once)",
                      ("interactions",))
    if interactions.get("depressant_groups") and not interactions.get("combined_warning"):
        yield Problem("BCL040", "depressant_groups need a combined_warning (said when several are taken together)",
                      ("interactions", "depressant_groups"))
    for path in (("disclaimer", "text"), ("emergency", "instruction", "text"),
                 ("interactions", "unknown_drug", "text")):
        node: Any = data
        for key in path:
            node = node[key]
        if _words(node) < MIN_WORDS:
            yield Problem("BCL040", f"this text is too short to say anything (fewer than {MIN_WORDS} words)", path)


def _emergency_topic_problems(data: dict[str, Any]) -> Iterator[Problem]:
    declared = data["emergency"].get("topics", [])
    if not declared:
        yield Problem("BCL041", "emergency.topics names no topic: list the topics that must lead with the "
                      "emergency box (taking too much, stopping, ...)", ("emergency",))
    topics = {t["id"]: (i, t) for i, t in enumerate(data["topics"])}
    for n, topic_id in enumerate(declared):
        if topic_id not in topics:
            yield Problem("BCL041", f"emergency topic {topic_id!r} is missing", ("emergency", "topics", n))
            continue
        i, topic = topics[topic_id]
        if not topic.get("emergency_first"):
            yield Problem("BCL041", f"topic {topic_id!r} must lead with the emergency box (emergency_first: true)",
                          ("topics", i))
        if not any(section.get("kind") == "emergency" for section in topic["sections"]):
            yield Problem("BCL041", f"topic {topic_id!r} has no emergency section (kind: emergency)",
                          ("topics", i, "sections"))


def _major_group_problems(data: dict[str, Any]) -> Iterator[Problem]:
    interactions = data["interactions"]
    groups = {g["id"]: (i, g) for i, g in enumerate(interactions["groups"])}
    for n, group_id in enumerate(interactions.get("major_groups", [])):
        if group_id not in groups:
            yield Problem("BCL004", f"unknown interaction group {group_id!r}", ("interactions", "major_groups", n))
            continue
        i, group = groups[group_id]
        if group["severity"] != "major":
            yield Problem("BCL042", f"group {group_id!r} must be graded major, not {group['severity']}",
                          ("interactions", "groups", i, "severity"))


def _reassuring_phrase(text: str) -> str | None:
    for match in _REASSURING.finditer(text):
        clause_start = max(text.rfind(mark, 0, match.start()) for mark in ".?!;:,") + 1
        before = text[clause_start : match.start()].split()[-_NEGATION_REACH:]
        if not _NEGATION.search(" ".join(before)):
            return match.group(0)
    return None


def _interaction_statements(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], str]]:
    interactions = data["interactions"]
    for key in ("unknown_drug", "same_drug", "combined_warning", "emergency_note"):
        if interactions.get(key):
            yield ("interactions", key, "text"), interactions[key]["text"]
    for i, group in enumerate(interactions["groups"]):
        for key in ("effect", "advice"):
            yield ("interactions", "groups", i, key), group[key]
    for i, topic in enumerate(data["topics"]):
        if topic["id"] == INTERACTIONS_TOPIC:
            yield from _texts(topic, ("topics", i))


def _texts(node: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("text", "heading", "title") and isinstance(value, str):
                yield (*path, key), value
            else:
                yield from _texts(value, (*path, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _texts(item, (*path, i))


def _reassurance_problems(data: dict[str, Any]) -> Iterator[Problem]:
    for path, text in _interaction_statements(data):
        phrase = _reassuring_phrase(text)
        if phrase:
            yield Problem("BCL043", f"says {phrase!r} about a combination: never say or imply a combination is safe "
                          "(a negation such as 'that does not mean it is safe' is fine)", path)


def _contact_problems(data: dict[str, Any]) -> Iterator[Problem]:
    for i, contact in enumerate(data["emergency"]["contacts"]):
        number = contact["number"].strip()
        digits = sum(c.isdigit() for c in number)
        if not _PHONE.match(number) or not number.isascii() or not _MIN_DIGITS <= digits <= _MAX_DIGITS:
            yield Problem("BCL044", f"contact number {number!r} does not look like a phone number "
                          f"({_MIN_DIGITS}-{_MAX_DIGITS} digits, with spaces, dashes, dots or brackets)",
                          ("emergency", "contacts", i, "number"))


def _date_problems(node: Any, path: tuple[Any, ...]) -> Iterator[Problem]:
    import datetime

    if isinstance(node, dict):
        for key, value in node.items():
            dated = isinstance(key, str) and (key in _DATE_KEYS or key.endswith("_date"))
            # Only values written as dates: a label whose key is "reviewed" ("Reviewed") is words,
            # and a date field holding words is already a schema problem (BCL001).
            if dated and isinstance(value, str) and value[:1].isdigit():
                try:
                    day = datetime.date.fromisoformat(value)
                except ValueError:
                    yield Problem("BCL045", f"{value!r} is not a real date (YYYY-MM-DD)", (*path, key))
                    continue
                if day > datetime.date.today() + datetime.timedelta(days=1):
                    yield Problem("BCL045", f"{value} is in the future", (*path, key))
            else:
                yield from _date_problems(value, (*path, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _date_problems(item, (*path, i))
