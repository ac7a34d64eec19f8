"""How well the guide's statements are sourced, counted the way the source audit counted them.

Every mapping with a `sources:` list outside the top-level source list is a statement (topic
summaries, actions, points and talk-to-doctor lines; interaction groups and notes; the emergency
block; quiz items; the disclaimer). A statement "rests only on other" when every id it cites is
"other" tier; a safety statement (emergency block, interactions, and topics listed in
`safety_topics:` or marked `emergency_first`) needs at least one "official" source.

    python benchmarks/source_tiers.py                       # the shipped file, tiers from the file
    python benchmarks/source_tiers.py --list                # and every statement that fails a rule
    # Before the canonicalisation: the old file with the audit's tier map (T1/T2/T3 -> official/reference/other)
    git show 1ab39b3:data/baclofen.yaml > /tmp/old.yaml
    python benchmarks/source_tiers.py /tmp/old.yaml --tiers benchmarks/audit-tiers-1ab39b3.json \\
        --safety-topics side-effects,stopping,overdose,pump,dosing,missed-dose,precautions,pregnancy,interactions
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from baclofen_cli.core.checks.sources import cited_statements, source_problems, tier_of  # noqa: E402 - after sys.path
from baclofen_cli.core.yamlsafe import format_path, line_for, parse  # noqa: E402


def kind_of(path: tuple) -> str:
    if path[0] == "interactions":
        return "interaction group" if len(path) > 1 and path[1] == "groups" else "interaction note"
    return {"topics": "topic", "emergency": "emergency", "quiz": "quiz", "disclaimer": "disclaimer"}.get(
        str(path[0]), str(path[0]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", default=str(ROOT / "data" / "baclofen.yaml"))
    parser.add_argument("--tiers", help="JSON file mapping source id -> tier, used instead of the file's own tiers")
    parser.add_argument("--safety-topics", help="comma-separated topic ids, used instead of the file's safety_topics")
    parser.add_argument("--list", action="store_true", help="list the statements that fail each rule")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = parser.parse_args()

    data, lines = parse(Path(args.file).read_text(encoding="utf-8"), args.file)
    sources = {s["id"]: dict(s) for s in data["sources"]}
    if args.tiers:
        for source_id, tier in json.loads(Path(args.tiers).read_text(encoding="utf-8")).items():
            if source_id in sources:
                sources[source_id]["tier"] = tier
    if args.safety_topics:
        data = {**data, "safety_topics": args.safety_topics.split(",")}

    tiers = Counter(tier_of(s) for s in sources.values())
    counts: dict[str, Counter] = {name: Counter() for name in ("all", "other_only", "no_official")}
    safety = Counter()
    failing: dict[str, list[str]] = {"other_only": [], "safety_without_official": []}
    for statement in cited_statements(data):
        kind = kind_of(statement.path)
        cited = {tier_of(sources.get(i)) for i in statement.sources}
        where = f"{args.file}:{line_for(lines, statement.path)} {format_path(statement.path)} {list(statement.sources)}"
        counts["all"][kind] += 1
        if cited <= {"other"}:
            counts["other_only"][kind] += 1
            failing["other_only"].append(where)
        if "official" not in cited:
            counts["no_official"][kind] += 1
        if statement.safety:
            safety["all"] += 1
            if "official" not in cited:
                safety["without_official"] += 1
                failing["safety_without_official"].append(where)

    data = {**data, "sources": list(sources.values())}
    contacts = data.get("emergency", {}).get("contacts", [])
    unsourced_contacts = [p for p in source_problems(data, shipped=True) if p[0] == "BCL026"]
    failing["contacts_without_authority"] = [f"{format_path(p[2])}: {p[1]}" for p in unsourced_contacts]

    in_scope = [k for k in counts["all"] if k not in ("quiz", "disclaimer")]
    report = {
        "file": args.file,
        "sources": len(sources),
        "tiers": {t: tiers.get(t, 0) for t in ("official", "reference", "other")},
        "statements": sum(counts["all"][k] for k in in_scope),
        "by_kind": {k: {"all": counts["all"][k], "other_only": counts["other_only"][k],
                        "no_official": counts["no_official"][k]} for k in sorted(counts["all"])},
        "other_only": sum(counts["other_only"][k] for k in in_scope),
        "no_official": sum(counts["no_official"][k] for k in in_scope),
        "quiz_other_only": counts["other_only"]["quiz"],
        "safety_statements": safety["all"],
        "safety_without_official": safety["without_official"],
        "contacts": len(contacts),
        "contacts_without_authority": len(unsourced_contacts),
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        t = report["tiers"]
        print(f"{args.file}: {report['sources']} sources: official {t['official']}, reference {t['reference']}, "
              f"other {t['other']}")
        print(f"statements (topics, interactions, emergency): {report['statements']}; resting only on 'other': "
              f"{report['other_only']}; with no official source: {report['no_official']}")
        print(f"quiz items resting only on 'other': {report['quiz_other_only']} of {counts['all']['quiz']}")
        print(f"safety statements without an official source: {report['safety_without_official']} of "
              f"{report['safety_statements']}")
        print(f"emergency numbers without a poison centre, regulator or health service source: "
              f"{report['contacts_without_authority']} of {report['contacts']}")
        for kind, row in report["by_kind"].items():
            print(f"  {kind}: {row['all']} statements, {row['other_only']} only 'other', "
                  f"{row['no_official']} without official")
    if args.list:
        for rule, found in failing.items():
            print(f"\n{rule} ({len(found)}):")
            for where in found:
                print("  " + where)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
