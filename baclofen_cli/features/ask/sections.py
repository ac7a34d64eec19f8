"""Which sections of a topic answer a question, in what order: an emergency's "what to do now"
first, the topic's rule (`ask.lead_sections`) before any detail, a second section when it scores
close to the first; and the JSON shape of one result."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from baclofen_cli.core.model import KnowledgeBase, Topic
    from baclofen_cli.features.ask.rank import Ranked

# A second section of the same topic is shown when it scores at least this share of the first.
SECOND_SECTION_SHARE = 0.6


def pet_section(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The file's section on an animal that ate the medicine (`ask.pet_topic`, `pet_heading`)."""
    topic = kb.topic(kb.ask.pet_topic) if kb.ask.pet_topic else None
    if topic is None:
        return []
    return [result(topic, i, 1.0) for i, sec in enumerate(topic.sections) if sec.heading == kb.ask.pet_heading][:1]


def signs_first(kb: KnowledgeBase, results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The best topic's first emergency section ("What are the signs of an overdose?") first."""
    topic = kb.topic(results[0]["topic"])
    urgent = next((i for i, sec in enumerate(topic.sections) if sec.kind == "emergency"), -1) if topic else -1
    if topic is None or urgent < 0 or results[0]["section"] == topic.sections[urgent].heading:
        return results
    return [result(topic, urgent, results[0]["score"]),
            *(r for r in results if (r["topic"], r["section"]) != (topic.id, topic.sections[urgent].heading))]


def topic_results(kb: KnowledgeBase, ranked: Ranked, limit: int, emergency: bool = False) -> list[dict[str, Any]]:
    topic = kb.topic(ranked.topic)
    if topic is None:
        return []
    picks: list[tuple[int, float]] = []
    urgent = [i for i, section in enumerate(topic.sections) if section.kind == "emergency"]
    if emergency and urgent:
        # An emergency: the topic's "what to do now" section comes first, then the best match.
        scored = dict(ranked.sections)
        # The first one (the file's "what to do now") unless another fits the question far better.
        best_urgent = max(urgent, key=lambda i: (scored.get(i, 0.0), -i))
        first = best_urgent if scored.get(best_urgent, 0.0) > 1.5 * scored.get(urgent[0], 0.0) + 1.0 else urgent[0]
        picks.append((first, ranked.score))
        rest = [(i, sc) for i, sc in ranked.sections if i != first][: limit - 1]
        top = ranked.sections[0][1] if ranked.sections else 1.0
        picks += [(i, ranked.score * sc / top) for i, sc in rest if sc >= SECOND_SECTION_SHARE * top]
    elif ranked.sections:
        first_index, first_score = ranked.sections[0]
        picks.append((first_index, ranked.score))
        for section_index, section_score in ranked.sections[1:limit]:
            if section_score >= SECOND_SECTION_SHARE * first_score:
                picks.append((section_index, ranked.score * section_score / first_score))
    else:
        picks.append((0, ranked.score))
    lead = kb.ask.lead_sections.get(topic.id)
    lead_index = next((i for i, section in enumerate(topic.sections) if section.heading == lead), None)
    if lead_index is not None and not (emergency and urgent):
        # The topic's rule leads ("never change your dose on your own"), before any detail.
        rest = [(i, score) for i, score in picks if i != lead_index]
        picks = [(lead_index, ranked.score), *rest][: max(limit, len(picks))]
    return [result(topic, i, score) for i, score in picks]


def result(topic: Topic, section_index: int, score: float) -> dict[str, Any]:
    section = topic.sections[section_index]
    return {
        "topic": topic.id,
        "section": section.heading,
        "kind": section.kind,
        "score": round(score, 3),
        "text": [p.text for p in section.points],
    }
