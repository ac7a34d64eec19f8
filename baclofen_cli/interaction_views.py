"""`baclofen interactions` answers as plain data: the --json contract and what the renderers draw.

Every medical sentence comes from the knowledge file (group effect/advice, `unknown_drug`,
`same_drug`, `combined_warning`, `emergency_note`, the emergency block). This module only
joins names together ("Percocet: contains oxycodone, an opioid (and acetaminophen)").

JSON with names (stable; documented in the README):
    {"results": [{"query": str, "found": bool,
                  "matches": [{"drug", "matched", "group", "severity", "effect", "advice", "sources"}],
                  "suggestions": [str]}],
     "warnings": [str]}
JSON with no names: {"results": [], "warnings": [], "groups": [...], "topic": <topic view or null>}.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from baclofen_cli.drugs import DrugIndex, Found, Hit, Resolution, resolve
from baclofen_cli.output import show_input
from baclofen_cli.views import sources_view, statement_view, topic_view

if TYPE_CHECKING:
    # At run time these are the cache's Records, shaped like the model (see loader.py).
    from baclofen_cli.model import InteractionGroup, KnowledgeBase, Statement

SEVERITY_ORDER = {"major": 0, "moderate": 1, "minor": 2}
TOPIC_ID = "interactions"
QUERY_ECHO_LIMIT = 80
MAX_EXAMPLES = 4


def by_severity(groups: list[InteractionGroup]) -> list[InteractionGroup]:
    """Most serious first; the file's order within a grade."""
    return sorted(groups, key=lambda g: SEVERITY_ORDER[g.severity])


# ------------------------------------------------------------------ no names: the groups


def group_view(kb: KnowledgeBase, group: InteractionGroup) -> dict[str, Any]:
    return {
        "id": group.id,
        "name": group.name,
        "member_label": group.member_label,
        "severity": group.severity,
        "effect": group.effect,
        "advice": group.advice,
        "sources": list(group.sources),
        "examples": _examples(kb, group),
        "drugs": [{"name": d.name, "brands": list(d.brands), "aliases": list(d.aliases)} for d in group.drugs],
    }


def _examples(kb: KnowledgeBase, group: InteractionGroup) -> list[str]:
    """ "oxycodone (OxyContin, Roxicodone)", "alcohol (beer, wine, spirits)"; products named for a drug
    without brands of its own ("codeine (co-codamol)")."""
    examples = []
    for drug in group.drugs[:MAX_EXAMPLES]:
        key = drug.name.casefold()
        products = [
            c.aliases[0] if c.aliases and "and" in c.name.split() else c.name
            for c in kb.interactions.combinations
            if key in (n.casefold() for n in c.contains)
        ]
        names = drug.brands[:2] or products[:2] or drug.aliases[:3]
        examples.append(f"{drug.name} ({', '.join(names)})" if names else drug.name)
    return examples


def listing_view(kb: KnowledgeBase) -> dict[str, Any]:
    topic = kb.topic(TOPIC_ID)
    return {
        "results": [],
        "warnings": [],
        "groups": [group_view(kb, g) for g in by_severity(kb.interactions.groups)],
        "topic": topic_view(kb, topic) if topic else None,
    }


def listing_sources(kb: KnowledgeBase, view: dict[str, Any]) -> list[dict[str, str]]:
    """The sources a listing cites, in the order a reader meets them."""
    ids: list[str] = []
    topic = view["topic"]
    if topic:
        if topic["emergency"]:
            ids += topic["emergency"]["instruction"]["sources"]
            ids += [i for sign in topic["emergency"]["signs"] for i in sign["sources"]]
        if topic.get("emergency_reminder"):
            ids += topic["emergency_reminder"]["sources"]
        ids += topic["summary_sources"]
    for group in view["groups"]:
        ids += group["sources"]
    if topic:
        ids += [s["id"] for s in topic["sources"]]
    return sources_view(kb, ids)


# ------------------------------------------------------------------ names: the answers


def answer_view(kb: KnowledgeBase, index: DrugIndex, names: list[str]) -> dict[str, Any]:
    """Everything the renderers need; `answer_json` keeps the stable subset."""
    groups = {g.id: g for g in kb.interactions.groups}
    inter = kb.interactions
    results = [_result(groups, inter, resolve(index, name), name) for name in names]

    any_major = any(m["severity"] == "major" for r in results for m in r["matches"])
    emergency = reminder = None
    if any_major:
        note = statement_view(inter.emergency_note) if inter.emergency_note else None
        emergency = {"heading": kb.emergency.heading, "note": note, "instruction": statement_view(kb.emergency.instruction)}
    elif kb.emergency.reminder:
        reminder = statement_view(kb.emergency.reminder)  # the one line every topic starts with

    depressant = set(inter.depressant_groups)
    slowing = list(dict.fromkeys(m["drug"] for r in results for m in r["matches"] if m["group"] in depressant))
    combined = None
    if len(slowing) >= 2 and inter.combined_warning:
        combined = {**statement_view(inter.combined_warning), "drugs": slowing}

    warnings = []
    if emergency:
        warnings.append(" ".join(s["text"] for s in (emergency["note"], emergency["instruction"]) if s))
    if combined:
        warnings.append(f"Taken together ({', '.join(slowing)}): {combined['text']}")
    for result in results:
        if result["notice"]:
            warnings.append(f"{result['query']}: {result['notice']['text']}")

    cited: list[str] = list(reminder["sources"]) if reminder else []
    for block in (emergency["note"], emergency["instruction"]) if emergency else ():
        if block:
            cited += block["sources"]
    for result in results:
        for item in result["items"]:
            for group in item["groups"]:
                cited += group["sources"]
        if result["notice"]:
            cited += result["notice"]["sources"]
    if combined:
        cited += combined["sources"]
    return {
        "results": results,
        "warnings": warnings,
        "emergency": emergency,
        "reminder": reminder,
        "combined": combined,
        "sources": sources_view(kb, cited),
    }


def answer_json(view: dict[str, Any]) -> dict[str, Any]:
    return {
        "results": [
            {"query": r["query"], "found": r["found"], "matches": r["matches"], "suggestions": r["suggestions"]}
            for r in view["results"]
        ],
        "warnings": view["warnings"],
    }


def _result(groups: dict[str, InteractionGroup], inter: Any, resolution: Resolution, name: str) -> dict[str, Any]:
    shown = show_input(name, QUERY_ECHO_LIMIT)
    items = [_item(groups, found, shown) for found in resolution.found]
    matches: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for found in resolution.found:
        for hit in found.hits:
            for group_id in hit.groups:
                if (hit.drug, group_id) in seen or group_id not in groups:
                    continue
                seen.add((hit.drug, group_id))
                block = _block(groups[group_id])
                del block["name"]
                matches.append({"drug": hit.drug, "matched": hit.matched, "group": block.pop("id"), **block})
    matches.sort(key=lambda m: SEVERITY_ORDER[m["severity"]])
    notice: Statement | None = None
    kind = None
    if not matches:
        if resolution.own_drug and inter.same_drug:
            notice, kind = inter.same_drug, "same-drug"
        else:
            notice, kind = inter.unknown_drug, "unknown"
    return {
        "query": shown,
        "found": bool(matches),
        "items": items,
        "matches": matches,
        "suggestions": [] if matches else list(resolution.suggestions),
        "notice": statement_view(notice) if notice else None,
        "notice_kind": kind,
    }


def _item(groups: dict[str, InteractionGroup], found: Found, shown: str) -> dict[str, Any]:
    hits = [h for h in found.hits if any(g in groups for g in h.groups)]
    blocks: dict[str, dict[str, Any]] = {}
    for hit in hits:
        for group_id in hit.groups:
            if group_id in groups and group_id not in blocks:
                blocks[group_id] = _block(groups[group_id])
    matched = hits[0].matched if hits else shown
    closest = shown if found.how == "fuzzy" else None
    return {
        "matched": matched,
        "closest_to": closest,
        "description": describe(groups, hits),
        "groups": sorted(blocks.values(), key=lambda b: SEVERITY_ORDER[b["severity"]]),
    }


def _block(group: InteractionGroup) -> dict[str, Any]:
    return {
        "id": group.id,
        "name": group.name,
        "severity": group.severity,
        "effect": group.effect,
        "advice": group.advice,
        "sources": list(group.sources),
    }


def describe(groups: dict[str, InteractionGroup], hits: list[Hit]) -> str:
    """ "contains oxycodone, an opioid (and acetaminophen)", "alprazolam, a benzodiazepine"."""
    if not hits:
        return ""
    parts = [_member(groups, h) for h in hits]
    first = hits[0]
    if first.via or len(hits) > 1:
        text = "contains " + (parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1])
        also = first.also
        return f"{text} (and {', '.join(also)})" if also else text
    if first.matched.casefold() == first.drug.casefold():
        return groups[first.groups[0]].member_label
    return parts[0]


def _member(groups: dict[str, InteractionGroup], hit: Hit) -> str:
    label = groups[hit.groups[0]].member_label
    stem = hit.drug.casefold()[:5]
    if len(stem) == 5 and any(word.startswith(stem) for word in label.casefold().split()):
        return label  # "beer: an alcoholic drink", not "beer: alcohol, an alcoholic drink"
    return f"{hit.drug}, {label}"
