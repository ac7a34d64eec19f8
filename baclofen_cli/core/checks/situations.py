"""One situation, one action: the same signs must never be given two different instructions.

The knowledge file's `situations:` block names, for each agreed rule, the sign phrases that
identify the situation and the action tier it calls for ("pump-team-now", "emergency"), and
lists, for each tier, the words that give that action ("call your pump team now", "911").
This check reads every patient-facing text with the action context a reader sees around it:

- a topic point with its section heading (and the action implied by the section's `tier`/`kind`,
  as the `implied:` map says), the emergency box's signs under its instruction, an interaction
  group's effect with its advice, a quiz item's question with its correct answer and explanation;
- wherever one of a situation's signs appears there, no tier in its `never:` list may appear, and
  if any action is given at all, one of its agreed `action:` tiers must be among them;
- a section, or a topic's numbered steps, that mentions the signs and gives actions must give
  the agreed one somewhere (this catches a sign in one bullet and a different action in the next).

It is word matching, so it cannot prove two sentences agree; it catches the contradictions
that have happened ("call your pump doctor" beside "call 911 and go to hospital" for the same
early pump signs) and makes each agreed rule explicit in the file. Problems are advisory
(BCL030): `validate` fails, but the guide still loads, because a wording conflict must never
take the emergency numbers away from a reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from baclofen_cli.core.yamlsafe import Path

CODE = "BCL030"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _phrase(words: str) -> re.Pattern[str]:
    # Whole words and numbers only: "112" must not match inside "1-800-222-1122", "faint" not "fainting".
    return re.compile(r"(?<![a-z0-9])" + re.escape(" ".join(words.casefold().split())) + r"(?![a-z0-9])")


@dataclass
class _Rule:
    id: str
    signs: list[tuple[str, re.Pattern[str]]]
    action: list[str]
    never: list[str]
    when: list[re.Pattern[str]]


@dataclass
class _Unit:
    """One text a reader sees, with the words around it that give it an action."""

    path: Path
    text: str
    context: str
    scope: str  # the topic title or group name: what `when:` words are looked for in, with the text
    implied: set[str] = field(default_factory=set)
    group: tuple[Any, ...] | None = None  # units read together (a section, a topic's steps)


def _norm(text: str) -> str:
    return " ".join(str(text).casefold().split())


def situation_problems(data: dict[str, Any]) -> Iterator[tuple[str, str, Path]]:
    """(code, message, path) for every sign given an action other than its agreed one."""
    spec = data.get("situations")
    if not isinstance(spec, dict):
        return
    tiers = set(spec.get("tiers", {}))
    implied = spec.get("implied", {})
    rules: list[_Rule] = []
    for i, rule in enumerate(spec.get("rules", [])):
        for key in ("action", "never"):
            for j, tier in enumerate(rule.get(key, [])):
                if tier not in tiers:
                    yield "BCL004", f"situation {rule['id']!r} names unknown action tier {tier!r}", (
                        "situations", "rules", i, key, j)
        rules.append(_Rule(
            rule["id"],
            [(sign, _phrase(sign)) for sign in rule["signs"]],
            list(rule["action"]),
            list(rule.get("never", [])),
            [_phrase(w) for w in rule.get("when", [])],
        ))
    for tier in implied.values():
        if tier not in tiers:
            yield "BCL004", f"situations.implied names unknown action tier {tier!r}", ("situations", "implied")

    def tiers_in(text: str) -> set[str]:
        return {tier for tier, pattern in tier_patterns.items() if pattern.search(text)}

    tier_patterns = {tier: _any(words) for tier, words in spec.get("tiers", {}).items()}
    # One pass over each text finds whether any sign is there at all: most texts have none.
    any_sign = _any([sign for rule in spec.get("rules", []) for sign in rule["signs"]])
    groups: dict[tuple[Any, ...], list[tuple[_Unit, str]]] = {}
    for unit in _units(data, implied):
        text = _norm(unit.text)
        if unit.group is not None:
            groups.setdefault(unit.group, []).append((unit, text))
        if not any_sign.search(text):
            continue
        context = tiers_in(_norm(unit.context)) | unit.implied
        sentences = _SENTENCE_END.split(text)
        said = [tiers_in(sentence) for sentence in sentences]
        scope = _norm(unit.scope + " " + unit.context) + " " + text
        for rule in rules:
            for n, sentence in enumerate(sentences):
                sign = _sign_in(rule, sentence, scope)
                if sign is None:
                    continue
                # The action is in the sign's own sentence, or (when that gives none) the next one:
                # "Early signs are ... Call your pump team now."
                near = said[n] or (said[n + 1] if n + 1 < len(said) else set())
                found = context | near
                wrong = sorted(found & set(rule.never))
                if wrong:
                    yield CODE, (f"{sign!r} ({rule.id}) is given the action {', '.join(wrong)}; "
                                 f"the agreed action is {' or '.join(rule.action)}"), unit.path
                elif found and not found & set(rule.action):
                    yield CODE, (f"{sign!r} ({rule.id}) is given the action {', '.join(sorted(found))}, "
                                 f"not the agreed {' or '.join(rule.action)}"), unit.path
                break
    # A sign in one bullet and a different action in the next one of the same section.
    for members in groups.values():
        if not any(any_sign.search(text) for _, text in members):
            continue
        found_in = [tiers_in(_norm(unit.context) + " " + text) | unit.implied for unit, text in members]
        section_tiers = set().union(*found_in)
        for (unit, text), found in zip(members, found_in):
            if found or not section_tiers or not any_sign.search(text):
                continue  # it gives its own action (judged above), or there is nothing to compare
            scope = _norm(unit.scope + " " + unit.context) + " " + text
            for rule in rules:
                sign = _sign_in(rule, text, scope)
                if sign and not section_tiers & set(rule.action):
                    yield CODE, (f"{sign!r} ({rule.id}) sits with the action {', '.join(sorted(section_tiers))}, "
                                 f"not the agreed {' or '.join(rule.action)}"), unit.path


def _any(phrases: list[str]) -> re.Pattern[str]:
    """One pattern for several phrases, each matched as whole words."""
    if not phrases:
        return re.compile(r"(?!)")
    body = "|".join(re.escape(" ".join(p.casefold().split())) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![a-z0-9])(?:" + body + r")(?![a-z0-9])")


# "A pounding heartbeat, with no chest pain and no fainting": a sign said not to be there.
_NEGATED = re.compile(r"(?<![a-z])(?:no|not|without|never)\s+(?:[a-z]+\s+)?$")


def _sign_in(rule: _Rule, text: str, scope: str) -> str | None:
    if rule.when and not any(p.search(scope) for p in rule.when):
        return None
    for sign, pattern in rule.signs:
        if any(not _NEGATED.search(text[: m.start()]) for m in pattern.finditer(text)):
            return sign
    return None


def _statement(node: Any) -> bool:
    return isinstance(node, dict) and isinstance(node.get("text"), str) and "sources" in node


def _units(data: dict[str, Any], implied: dict[str, str]) -> Iterator[_Unit]:
    emergency = data.get("emergency", {})
    instruction = emergency.get("instruction", {}).get("text", "")
    for i, sign in enumerate(emergency.get("signs", [])):
        yield _Unit(("emergency", "signs", i), sign["text"], emergency.get("heading", "") + " " + instruction, "")
    for t, topic in enumerate(data.get("topics", [])):
        title = topic.get("title", "")
        for key in ("summary", "talk_to_doctor"):
            if _statement(topic.get(key)):
                yield _Unit(("topics", t, key), topic[key]["text"], "", title)
        for a, action in enumerate(topic.get("actions", [])):
            yield _Unit(("topics", t, "actions", a), action["text"], "", title, group=("actions", t))
        for s, section in enumerate(topic.get("sections", [])):
            heading = section.get("heading", "")
            tier = {implied[v] for v in (section.get("tier"), section.get("kind")) if v in implied}
            for p, point in enumerate(section.get("points", [])):
                yield _Unit(("topics", t, "sections", s, "points", p), point["text"], heading, title, tier,
                            group=("section", t, s))
    interactions = data.get("interactions", {})
    for g, group in enumerate(interactions.get("groups", [])):
        yield _Unit(("interactions", "groups", g, "advice"), group.get("effect", "") + " " + group.get("advice", ""),
                    "", group.get("name", ""))
    for q, item in enumerate(data.get("quiz", [])):
        correct = " ".join(c["text"] for c in item.get("choices", []) if c.get("correct"))
        # The question's signs go with the answer marked correct: read them as one sentence.
        question = _SENTENCE_END.sub(" ", str(item.get("question", ""))).rstrip("?.! ")
        yield _Unit(("quiz", q), f"{question}: {correct} {item.get('explanation', '')}", "", "")
    # Every other statement (notes, the ask section's messages, region wordings), read on its own.
    covered = {"emergency", "topics", "quiz"}
    for key, value in data.items():
        if key in covered or key == "sources":
            continue
        yield from _loose(value, (key,))
    for key in ("instruction", "reminder"):
        if _statement(emergency.get(key)):
            yield _Unit(("emergency", key), emergency[key]["text"], "", "")
    yield from _loose(emergency.get("by_region", {}), ("emergency", "by_region"))


def _loose(node: Any, path: Path) -> Iterator[_Unit]:
    if _statement(node):
        yield _Unit(path, node["text"], "", "")
    elif isinstance(node, dict):
        for key, value in node.items():
            if key != "groups":
                yield from _loose(value, (*path, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _loose(item, (*path, i))
