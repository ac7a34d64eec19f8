"""`baclofen interactions` answers as plain data: the --json contract and what the renderers draw.

Every medical sentence comes from the knowledge file (effect, advice, `unknown_drug`, `same_drug`, `combined_warning`,
`emergency_note`, the emergency block). This module only joins names ("Percocet: contains oxycodone, an opioid").

The answer leads with the combination: one verdict at the highest severity of everything
asked (with the combined warning when several names each slow the nervous system), then the
numbered "What to do" steps, then the detail for each name. The steps are the file's steps
for every severity asked plus the steps of every group matched, each once, so the advice for
a combination is never weaker than for any part of it. Each group shows at most its three best
sources, official first (`citations.best`).

JSON with names: the TypedDicts in features/interactions/contract.py (stable; in the README).
JSON with no names: {"results": [], "warnings": [], "groups": [...], "topic": <topic view or null>}.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from baclofen_cli.core.citations import best
from baclofen_cli.core.output import show_input
from baclofen_cli.features.interactions.names import DrugIndex, Found, Hit, Resolution
from baclofen_cli.features.interactions.resolve import resolve
from baclofen_cli.features.topics.view import SourceView, StatementView, sources_view, statement_view, topic_view
from baclofen_cli.lang import join_names, phrase

if TYPE_CHECKING:
    # At run time these are the cache's Records, shaped like the model (see loader.py).
    from baclofen_cli.core.model import InteractionGroup, KnowledgeBase
    from baclofen_cli.core.model_sources import Statement
    from baclofen_cli.features.interactions.contract import InteractionsJSON

SEVERITY_ORDER = {"major": 0, "moderate": 1, "minor": 2}
TOPIC_ID = "interactions"
QUERY_ECHO_LIMIT = 80
MAX_EXAMPLES = 4
# At most this many sources per group, official ones first (issue 12).
SOURCES_PER_GROUP = 3


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
        "sources": best_ids(kb, group.sources),
        "examples": _examples(kb, group),
        "drugs": [{"name": d.name, "brands": d.brands, "aliases": d.aliases, "street_names": d.street_names}
                  for d in group.drugs],
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
        names = drug.brands[:2] or products[:2] or [*drug.street_names, *drug.aliases][:3]
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


def listing_sources(kb: KnowledgeBase, view: dict[str, Any]) -> list[SourceView]:
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


def best_ids(kb: KnowledgeBase, ids: list[str]) -> list[str]:
    """A group's sources to show: the best SOURCES_PER_GROUP, official first."""
    return [s["id"] for s in best(kb.source_map(), list(ids), SOURCES_PER_GROUP)]


def answer_view(kb: KnowledgeBase, index: DrugIndex, names: list[str], region: str | None = None) -> dict[str, Any]:
    """Everything the renderers need; `answer_json` keeps the stable subset."""
    groups = {g.id: g for g in kb.interactions.groups}
    inter = kb.interactions
    region_names = {r.code: r.name for r in getattr(kb, "regions", ())}  # a record may lack the key
    results = [_result(kb, groups, inter, resolve(index, name, region), name, region_names) for name in names]

    any_major = any(m["severity"] == "major" for r in results for m in r["matches"])
    emergency: dict[str, Any] | None = None
    reminder: StatementView | None = None
    if any_major:
        note = statement_view(inter.emergency_note) if inter.emergency_note else None
        instruction = statement_view(kb.emergency.instruction)
        emergency = {"heading": kb.emergency.heading, "note": note, "instruction": instruction}
    elif kb.emergency.reminder:
        reminder = statement_view(kb.emergency.reminder)  # the one line every topic starts with

    slowing = _slowing(inter, results)
    combined: dict[str, Any] | None = None
    if len(slowing) >= 2 and inter.combined_warning:
        combined = {**statement_view(inter.combined_warning), "drugs": slowing}

    verdict = _verdict(inter, results)
    steps = _steps(inter, results)

    warnings = []
    if emergency:
        warnings.append(" ".join(s["text"] for s in (emergency["note"], emergency["instruction"]) if s))
    if combined:
        warnings.append(phrase("taken_together_warning", drugs=", ".join(slowing), text=combined["text"]))
    for result in results:
        if result["notice"]:
            warnings.append(f"{result['query']}: {result['notice']['text']}")
        if result["not_read_note"]:
            warnings.append(f"{result['query']}: {result['not_read_note']}")

    cited: list[str] = list(reminder["sources"]) if reminder else []
    for block in (emergency["note"], emergency["instruction"]) if emergency else ():
        if block:
            cited += block["sources"]
    if verdict:
        cited += verdict["sources"]
    if combined:
        cited += combined["sources"]
    for step in steps:
        cited += step["sources"]
    for result in results:
        for item in result["items"]:
            for group in item["groups"]:
                cited += group["sources"]
        if result["notice"]:
            cited += result["notice"]["sources"]
    return {
        "drug": kb.drug.name,  # "Checking X with <drug>", "This is <drug> itself"
        "title_names": [r["query"] for r in results],
        "verdict": verdict,
        "steps": steps,
        "results": results,
        "warnings": warnings,
        "emergency": emergency,
        "reminder": reminder,
        "combined": combined,
        "sources": sources_view(kb, cited),
    }


def answer_json(view: dict[str, Any]) -> InteractionsJSON:
    verdict = view["verdict"]
    return {
        "verdict": {"severity": verdict["severity"], "text": verdict["text"], "sources": verdict["sources"]}
        if verdict else None,
        "steps": view["steps"],
        "results": [
            {
                "query": r["query"],
                "found": r["found"],
                "not_read": r["not_read"],
                "matches": r["matches"],
                "suggestions": r["suggestions"],
            }
            for r in view["results"]
        ],
        "warnings": view["warnings"],
    }


def _slowing(inter: Any, results: list[dict[str, Any]]) -> list[str]:
    """What was asked that slows the nervous system, one entry per thing taken: "beer" and
    "wine" are one drug, and the meanings of one brand in different countries (or its
    different products) are alternatives, not two medicines taken together."""
    depressant = set(inter.depressant_groups)
    units: list[str] = []
    for result in results:
        items = [i for i in result["items"] if any(g["id"] in depressant for g in i["groups"])]
        if not items:
            continue
        if len(items) > 1 and any(i["region"] for i in items):
            units.append(result["query"])  # Benadryl: US or UK meaning, either way one medicine
            continue
        for item in items:
            drugs = [d for d, g in item["drug_groups"] if g in depressant]
            if item["alternatives"]:
                units.append(" or ".join(dict.fromkeys(drugs)))
            else:
                units += drugs
    return list(dict.fromkeys(units))


def _worst(results: list[dict[str, Any]]) -> str | None:
    grades = [m["severity"] for r in results for m in r["matches"]]
    return min(grades, key=SEVERITY_ORDER.__getitem__) if grades else None


def _verdict(inter: Any, results: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One line for everything asked, at the highest severity of any part of it."""
    worst = _worst(results)
    if worst is not None:
        statement = (inter.get("verdicts") or {}).get(worst)
        if statement is None:
            return None
        return {"severity": worst, **statement_view(statement)}
    notices = [r["notice"] for r in results if r["notice"]]
    if not notices:
        return None
    unknown = [r for r in results if r["notice_kind"] == "unknown"]
    first = unknown[0]["notice"] if unknown else notices[0]  # an unknown name outweighs "this is baclofen"
    return {"severity": None, **first}


def _steps(inter: Any, results: list[dict[str, Any]]) -> list[StatementView]:
    """The numbered steps: each matched group's own, then the general steps of the most serious
    grade asked, then what to do about names this guide does not know. Each once."""
    asked = dict.fromkeys((m["group"], m["severity"]) for r in results for m in r["matches"])
    matched = sorted(asked, key=lambda gs: SEVERITY_ORDER[gs[1]])  # stable: in the order asked
    ordered_groups = list(dict.fromkeys(group for group, _ in matched))
    severities = list(dict.fromkeys(sev for _, sev in matched))
    statements: list[Any] = []
    group_steps = inter.get("group_steps") or {}
    for group in ordered_groups:
        statements += group_steps.get(group, [])
    by_severity = inter.get("steps") or {}
    if severities:
        # The general steps of the most serious grade asked; those of a lower grade say less.
        statements += by_severity.get(severities[0], [])
    steps: dict[str, StatementView] = {}
    for statement in statements:
        steps.setdefault(statement.text, statement_view(statement))
    found_any = bool(matched)
    for kind in ("unknown", "same-drug"):
        named = [r for r in results if r["notice_kind"] == kind]
        if named and found_any:
            notice = named[0]["notice"]
            who = ", ".join(r["query"] for r in named)
            step = f"{who}: {notice['text']}"
            steps.setdefault(step, {"text": step, "sources": notice["sources"]})
    return list(steps.values())


def _result(
    kb: KnowledgeBase,
    groups: dict[str, InteractionGroup],
    inter: Any,
    resolution: Resolution,
    name: str,
    region_names: dict[str, str],
) -> dict[str, Any]:
    shown = show_input(name, QUERY_ECHO_LIMIT)
    items = [item for found in resolution.found for item in _items(kb, groups, found, shown, region_names)]
    matches: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for found in resolution.found:
        for hit in found.hits:
            for group_id in hit.groups:
                if (hit.drug, group_id) in seen or group_id not in groups:
                    continue
                seen.add((hit.drug, group_id))
                block = _block(kb, groups[group_id])
                del block["name"]
                matches.append(
                    {"drug": hit.drug, "matched": hit.matched, "group": block.pop("id"), **block,
                     "regions": list(hit.regions)}
                )
    matches.sort(key=lambda m: SEVERITY_ORDER[m["severity"]])
    notice: Statement | None = None
    kind = None
    if not matches:
        if resolution.own_drug and inter.same_drug:
            notice, kind = inter.same_drug, "same-drug"
        else:
            notice, kind = inter.unknown_drug, "unknown"
    not_read_note = None
    if resolution.unread and inter.get("not_read"):
        from baclofen_cli.features.interactions.names import MAX_QUERY_CHARS

        not_read_note = inter.not_read.replace("{limit}", str(MAX_QUERY_CHARS))
    return {
        "query": shown,
        "found": bool(matches),
        "not_read": resolution.unread,
        "not_read_note": not_read_note,
        "items": items,
        "matches": matches,
        "suggestions": [] if matches else list(resolution.suggestions),
        "notice": statement_view(notice) if notice else None,
        "notice_kind": kind,
    }


def _items(
    kb: KnowledgeBase, groups: dict[str, InteractionGroup], found: Found, shown: str, region_names: dict[str, str]
) -> list[dict[str, Any]]:
    """One item per meaning: a brand that means different drugs in different countries gives one
    item per country ("Benadryl (United States)", "Benadryl (United Kingdom)")."""
    hits = [h for h in found.hits if any(g in groups for g in h.groups)]
    by_region: dict[tuple[str, ...], list[Hit]] = {}
    for hit in hits:
        by_region.setdefault(tuple(hit.regions), []).append(hit)
    several = len(by_region) > 1
    items = []
    for regions, region_hits in by_region.items():
        blocks: dict[str, dict[str, Any]] = {}
        for hit in region_hits:
            for group_id in hit.groups:
                if group_id in groups and group_id not in blocks:
                    blocks[group_id] = _block(kb, groups[group_id])
        label = ", ".join(region_names.get(code, code) for code in regions) if regions and several else None
        items.append(
            {
                "matched": region_hits[0].matched if region_hits else shown,
                "closest_to": shown if found.how == "fuzzy" else None,
                "region": label,
                # One brand, several products ("cetirizine or acrivastine"), not a mixture.
                "alternatives": is_alternatives(region_hits),
                "drug_groups": [(h.drug, g) for h in region_hits for g in h.groups if g in groups],
                "description": describe(groups, region_hits),
                "groups": sorted(blocks.values(), key=lambda b: SEVERITY_ORDER[b["severity"]]),
            }
        )
    return items


def _block(kb: KnowledgeBase, group: InteractionGroup) -> dict[str, Any]:
    return {
        "id": group.id,
        "name": group.name,
        "severity": group.severity,
        "effect": group.effect,
        "advice": group.advice,
        "sources": best_ids(kb, group.sources),
    }


def describe(groups: dict[str, InteractionGroup], hits: list[Hit]) -> str:
    """ "contains oxycodone, an opioid (and acetaminophen)", "alprazolam, a benzodiazepine",
    "acrivastine or cetirizine, a non-drowsy antihistamine" (one brand, several products)."""
    if not hits:
        return ""
    parts = [_member(groups, h) for h in hits]
    first = hits[0]
    if is_alternatives(hits):
        labels = {groups[h.groups[0]].member_label for h in hits}
        if len(labels) == 1:
            return f"{phrase('or_between').join(h.drug for h in hits)}, {labels.pop()}"
        return phrase("or_between").join(parts)
    if first.via or len(hits) > 1:
        text = phrase("contains", names=join_names(parts, serial=True))
        also = first.also
        return f"{text} ({phrase('and_also', names=', '.join(also))})" if also else text
    if first.matched.casefold() == first.drug.casefold():
        return groups[first.groups[0]].member_label
    return parts[0]


def is_alternatives(hits: list[Hit]) -> bool:
    """Several drugs for one regional brand name, none through a combination: one or the other."""
    return len(hits) > 1 and not any(h.via for h in hits) and all(h.regions for h in hits)


def _member(groups: dict[str, InteractionGroup], hit: Hit) -> str:
    label = groups[hit.groups[0]].member_label
    stem = hit.drug.casefold()[:5]
    if len(stem) == 5 and any(word.startswith(stem) for word in label.casefold().split()):
        return label  # "beer: an alcoholic drink", not "beer: alcohol, an alcoholic drink"
    return f"{hit.drug}, {label}"
