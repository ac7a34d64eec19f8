"""What an `ask` answer shows: the `--json` contract (`json_view`) and everything the text
renderers draw (`display_view`: titles, pointers to the commands, the emergency box)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from baclofen_cli.features.ask.question import MAX_QUERY_CHARS

if TYPE_CHECKING:
    from collections.abc import Collection

    from baclofen_cli.core.model import KnowledgeBase
    from baclofen_cli.features.ask.answer import Answer


def json_view(result: Answer) -> dict[str, Any]:
    """The `--json` contract: query, emergency, caution (the signs lead the answer without the
    alarm), notices (messages shown first), results (each with its section's kind), unread
    (characters beyond the bound that were not read)."""
    return {
        "query": result.query,
        "emergency": result.emergency,
        "caution": result.caution,
        "notices": result.notices,
        "results": result.results,
        "unread": result.unread,
    }


def topic_command(topic_id: str, command: str, topic_commands: Collection[str]) -> str:
    """The command that shows a whole topic: `baclofen missed-dose` (a topic with its own
    command), or `baclofen show ID` for a topic a clinic's file adds."""
    return f"{command} {topic_id}" if topic_id in topic_commands else f"{command} show {topic_id}"


def interactions_command(name: str, command: str) -> str:
    quoted = f'"{name}"' if " " in name else name
    return f"{command} interactions {quoted}"


def display_view(
    kb: KnowledgeBase, result: Answer, command: str, in_guide: bool = False, topic_commands: Collection[str] = (),
) -> dict[str, Any]:
    """Everything the text renderers show: the --json answer plus titles, pointers, the
    notices (crisis help, the vet line, "this guide is about baclofen"), and the emergency box
    (when the question describes an emergency) or the signs (when it only asks about one).
    In the guide, the pointers name what to type there ("missed-dose"), not a shell command;
    outside it, `topic_commands` are the topics with a command of their own."""
    from baclofen_cli.features.topics.view import emergency_view, topics_list_view

    topics = {t.id: t for t in kb.topics}

    def topic_hint(topic_id: str) -> str:
        return topic_id if in_guide else topic_command(topic_id, command, topic_commands)

    def drug_hint(name: str) -> str:
        return (f'"{name}"' if " " in name else name) if in_guide else interactions_command(name, command)

    # The topic's "in short" goes with its answer: the section that matched the words best
    # may be a detail, and the summary carries the safety message ("never change your dose").
    animal = result.reason == "pet"
    results = [
        {
            **r,
            "title": topics[r["topic"]].title if r["topic"] in topics else r["topic"],
            # An animal's answer is its own section: the topic's summary speaks of people.
            "summary": topics[r["topic"]].summary.text if r["topic"] in topics and not animal else "",
            "command": topic_hint(r["topic"]),
        }
        for r in result.results
    ]
    # Only names from the interactions block are offered a check (others are "not in this guide").
    drugs = [{"name": name, "command": drug_hint(name)} for name in result.drugs if not animal]
    if len(drugs) > 1 and not in_guide:
        # Several names: the one check that weighs them together ("interactions xanax beer") first.
        together = " ".join(f'"{d["name"]}"' if " " in d["name"] else d["name"] for d in drugs)
        names = " and ".join(d["name"] for d in drugs)
        drugs.insert(0, {"name": names, "command": f"{command} interactions {together}"})
    answered_otherwise = bool(result.notices) and not results
    return {
        "query": result.query,
        "notices": result.notices,
        "emergency": emergency_view(kb) if result.emergency and not animal else None,
        "caution": emergency_view(kb) if result.caution and not result.emergency and not animal else None,
        "results": results,
        "drugs": drugs,
        "corrections": dict(result.corrections),
        "topics": topics_list_view(kb) if not results and not answered_otherwise else [],
        "disclaimer": kb.disclaimer.text,
        "command": command,
        "in_guide": in_guide,
        "unread": result.unread,
        "read_chars": MAX_QUERY_CHARS,
    }
