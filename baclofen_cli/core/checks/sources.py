"""Rules about what the guide's statements rest on: source tiers, authorities for numbers, citation hygiene.

Generic on purpose: which topics are safety advice comes from the file (`safety_topics:` and
`emergency_first`), never from a list of one drug's topic names here. The emergency block and the
interactions are safety content in every file.

Codes (documented in the README, "Editing and validating"):
  BCL021 a safety statement cites no official source                      (fails validate)
  BCL022 a statement rests only on "other"-tier sources                    (fails validate)
  BCL023 the shipped file has an "other"-tier source                       (fails validate)
  BCL024 a clinic's own file has an "other"-tier source                    (warning)
  BCL025 a publisher is "various websites"                                 (fails validate)
  BCL026 an emergency or crisis number cites no poison centre, regulator
         or national health service for its region                         (fails validate)
  BCL027 a DailyMed link is a search, not a set id                         (warning)
  BCL028 two source ids share one URL                                      (warning)
  BCL029 a statement for one region cites no source for that region        (warning)
  BCL031 a source links to an API query (openFDA), not a document to read   (warning)
None of them stops a file loading: they are about trust, and are fixed by editing citations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from baclofen_cli.core.yamlsafe import Path

# Fail `validate` but let the file load (the same standing as an uncited source, BCL003).
ADVISORY_CODES = frozenset({"BCL021", "BCL022", "BCL023", "BCL025", "BCL026"})
# Reported by `validate`, which still passes.
WARNING_CODES = frozenset({"BCL024", "BCL027", "BCL028", "BCL029", "BCL031"})

# Kinds of source that are an authority for an emergency or crisis number (see Source.kind).
# A national emergency-number authority (911.gov, the EU's 112 page) and a national crisis line's own
# official page are authorities for their own numbers too.
AUTHORITY_KINDS = frozenset({"poison-centre", "regulator", "safety-communication", "label", "health-service",
                             "emergency-service", "crisis-line"})
# Contact kinds whose number needs such an authority; "other" contacts (a clinic's own line) do not.
AUTHORITY_CONTACTS = frozenset({"emergency", "poison", "crisis", "urgent-advice"})
_VAGUE_PUBLISHER = re.compile(r"\bvarious\b|\bmultiple (web)?sites\b|\bunknown\b", re.IGNORECASE)
_DAILYMED_SEARCH = re.compile(r"^https?://dailymed\.nlm\.nih\.gov/dailymed/search\.cfm", re.IGNORECASE)
# An openFDA query returns JSON for programs: a nurse or patient cannot open it as a label.
_API_QUERY = re.compile(r"^https?://api\.fda\.gov/", re.IGNORECASE)


@dataclass(frozen=True)
class CitedStatement:
    """One thing in the file that cites sources (a point, a summary, a sign, a group, a quiz item...)."""

    path: Path
    part: str  # the top-level key it sits under: topics, emergency, interactions, quiz, disclaimer...
    safety: bool
    sources: tuple[str, ...]
    region: str | None = None  # the one region it is written for, if any


def safety_topic_ids(data: dict[str, Any]) -> set[str]:
    listed = {t for t in data.get("safety_topics", []) if isinstance(t, str)}
    return listed | {t["id"] for t in data.get("topics", []) if t.get("emergency_first")}


def cited_statements(data: dict[str, Any]) -> Iterator[CitedStatement]:
    """Every mapping with a `sources:` list outside the source list itself (the audit's counting method)."""
    safety_topics = safety_topic_ids(data)
    topics = data.get("topics", [])
    for key, value in data.items():
        if key == "sources":
            continue
        for path, node in _with_sources(value, (key,)):
            safety = key in ("emergency", "interactions")
            if key == "topics" and len(path) > 1 and isinstance(path[1], int) and path[1] < len(topics):
                safety = topics[path[1]].get("id") in safety_topics
            yield CitedStatement(path, key, safety, tuple(i for i in node["sources"] if isinstance(i, str)),
                                 _region_of(path, node))


def _with_sources(node: Any, path: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    if isinstance(node, dict):
        if isinstance(node.get("sources"), list):
            yield path, node
        for key, value in node.items():
            if key != "sources":
                yield from _with_sources(value, (*path, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _with_sources(item, (*path, i))


def _region_of(path: Path, node: dict[str, Any]) -> str | None:
    regions = node.get("regions")
    if isinstance(regions, list) and len(regions) == 1 and isinstance(regions[0], str):
        return regions[0]
    region = node.get("region")
    if isinstance(region, str):  # a contact
        return region
    if len(path) > 2 and path[:2] == ("emergency", "by_region") and isinstance(path[2], str):
        return path[2]
    return None


def tier_of(source: dict[str, Any] | None) -> str:
    return str(source.get("tier") or "other") if source else "other"


def source_problems(
    data: dict[str, Any], *, shipped: bool, inherited: dict[str, Any] | None = None
) -> Iterator[tuple[str, str, Path]]:
    """(code, message, path) for every rule above; `shipped` says the file is the built-in one.

    For a clinic overlay, `inherited` is the built-in data it extends: what the built-in file
    already has is its editors' to fix (`validate` on it lists them), so only what the overlay
    brings or changes is reported.
    """
    found = _source_problems(data, shipped=shipped)
    if inherited is None:
        yield from found
        return
    known = set(_source_problems(inherited, shipped=shipped))
    yield from (problem for problem in found if problem not in known)


def _source_problems(data: dict[str, Any], *, shipped: bool) -> Iterator[tuple[str, str, Path]]:
    sources = data.get("sources", [])
    by_id = {s["id"]: s for s in sources}
    topic_ids = {t["id"] for t in data.get("topics", [])}
    for i, topic_id in enumerate(data.get("safety_topics", [])):
        if topic_id not in topic_ids:
            yield "BCL004", f"safety_topics names unknown topic {topic_id!r}", ("safety_topics", i)
    yield from _statement_problems(data, by_id)
    yield from _contact_problems(data, by_id)
    yield from _source_list_problems(sources, shipped=shipped)


def _describe(ids: tuple[str, ...], by_id: dict[str, Any]) -> str:
    return ", ".join(f"{i} ({tier_of(by_id.get(i))})" for i in ids if i in by_id)


def _statement_problems(data: dict[str, Any], by_id: dict[str, Any]) -> Iterator[tuple[str, str, Path]]:
    for statement in cited_statements(data):
        known = tuple(i for i in statement.sources if i in by_id)
        if not known:
            continue  # nothing cited, or only unknown ids: BCL001/BCL002 say so
        tiers = {tier_of(by_id[i]) for i in known}
        cites = _describe(known, by_id)
        if tiers == {"other"}:
            yield ("BCL022", f"rests only on 'other'-tier sources: {cites}; cite the official document",
                   (*statement.path, "sources"))
        elif statement.safety and "official" not in tiers:
            yield "BCL021", f"safety statement cites no official source: {cites}", (*statement.path, "sources")
        region = statement.region
        if region and statement.part != "quiz" and not any(by_id[i].get("region") in (None, region) for i in known):
            yield ("BCL029", f"written for {region} but every source is for another region: {cites}",
                   (*statement.path, "sources"))


def _contact_problems(data: dict[str, Any], by_id: dict[str, Any]) -> Iterator[tuple[str, str, Path]]:
    for i, contact in enumerate(data.get("emergency", {}).get("contacts", [])):
        if contact.get("kind", "emergency") not in AUTHORITY_CONTACTS:
            continue
        region = contact.get("region")
        cited = [by_id[s] for s in contact.get("sources", []) if s in by_id]
        if not any(_authority_for(source, region) for source in cited):
            yield (
                "BCL026",
                (f"the number {contact.get('number')!r} ({region}) cites no official authority for {region}: a poison "
                 "centre, regulator, national health service, emergency-number authority or crisis line (see kind)"),
                ("emergency", "contacts", i),
            )


def _authority_for(source: dict[str, Any], region: str | None) -> bool:
    return (
        tier_of(source) == "official"
        and _normal_kind(source.get("kind", "")) in AUTHORITY_KINDS
        and source.get("region") in (None, region)
    )


def _normal_kind(kind: str) -> str:
    """ "Poison center", "poison_centre" and "poison-centre" are one kind; a few common synonyms too."""
    kind = "-".join(kind.casefold().replace("_", " ").split()).replace("center", "centre")
    return _KIND_SYNONYMS.get(kind, kind)


_KIND_SYNONYMS = {
    "national-health-service": "health-service",
    "health-service-page": "health-service",
    "government-health-agency": "health-service",
    "public-health-agency": "health-service",
    "regulator-page": "regulator",
    "regulatory-agency": "regulator",
    "health-information-page": "health-service",
    "regulator-safety-communication": "safety-communication",
    "regulator-safety-information": "safety-communication",
    "poison-control": "poison-centre",
    "emergency-number": "emergency-service",
    "poisons-information-centre": "poison-centre",
    "patient-leaflet": "leaflet",
}


def _source_list_problems(sources: list[dict[str, Any]], *, shipped: bool) -> Iterator[tuple[str, str, Path]]:
    first_with_url: dict[str, str] = {}
    for i, source in enumerate(sources):
        name = repr(source["id"])
        if tier_of(source) == "other" and shipped:
            message = f"source {name} is 'other' tier: the shipped guide cites only official or reference sources"
            yield "BCL023", message, ("sources", i, "tier")
        elif tier_of(source) == "other":
            message = (f"source {name} is 'other' tier (a copy, forum or shop): "
                       "cite the official document if there is one")
            yield "BCL024", message, ("sources", i, "tier")
        if _VAGUE_PUBLISHER.search(source.get("publisher", "")):
            message = f"publisher {source['publisher']!r} says nothing: name the one publisher of this document"
            yield "BCL025", message, ("sources", i, "publisher")
        url = source.get("url", "")
        if _DAILYMED_SEARCH.match(url):
            message = f"source {name} links to a DailyMed search: use the label's set id page (drugInfo.cfm?setid=...)"
            yield "BCL027", message + " once it is checked", ("sources", i, "url")
        elif _API_QUERY.match(url):
            message = (f"source {name} links to an openFDA API query, not a document a reader can open: "
                       "cite the label's DailyMed set id page (drugInfo.cfm?setid=...) once it is checked")
            yield "BCL031", message, ("sources", i, "url")
        key = _url_key(url)
        if key in first_with_url:
            message = f"source {name} has the same URL as {first_with_url[key]!r}: one document, one id"
            yield "BCL028", message, ("sources", i, "url")
        else:
            first_with_url[key] = source["id"]


def _url_key(url: str) -> str:
    """http/https, a "www." and a trailing slash do not make a different document."""
    url = re.sub(r"^https?://(www\.)?", "", url.strip(), flags=re.IGNORECASE)
    host, _, rest = url.partition("/")
    return host.casefold() + "/" + rest.rstrip("/")
