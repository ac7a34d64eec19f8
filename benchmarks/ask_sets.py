"""Measure `ask` on every question set in tests/: top-1, emergencies missed, false alarms,
out-of-scope answered. `python benchmarks/ask_sets.py [-v] [SET ...]`."""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from baclofen_cli.core.loader import parse_and_validate  # noqa: E402
from baclofen_cli.features.ask import answer as engine  # noqa: E402
from baclofen_cli.features.ask.index import build_index  # noqa: E402

SETS = ["ask_phrasings", "ask_holdout", "ask_holdout_final", "ask_probes", "ask_holdout_v2"]


def expected(item: dict) -> list[str]:
    topic = item["topic"]
    return topic if isinstance(topic, list) else [topic]


def measure(name: str, kb, index, verbose: bool) -> None:  # noqa: ANN001
    data = yaml.safe_load((ROOT / "tests" / f"{name}.yaml").read_text(encoding="utf-8"))
    items = data["phrasings"]
    wrong, missed, alarms, answered = [], [], [], []
    for item in items:
        a = engine.answer(kb, index, item["q"])
        got = a.results[0]["topic"] if a.results else None
        if got not in expected(item):
            wrong.append((item["q"], expected(item), got))
        if item["emergency"] and not a.emergency:
            missed.append(item["q"])
        if a.emergency and not item["emergency"]:
            alarms.append(item["q"])
    for q in data.get("out_of_scope", []):
        a = engine.answer(kb, index, q)
        if a.results:
            answered.append((q, a.results[0]["topic"]))
        if a.emergency:
            alarms.append(q)
    n = len(items)
    non_emergency = sum(not i["emergency"] for i in items) + len(data.get("out_of_scope", []))
    print(f"{name}: top-1 {n - len(wrong)}/{n} = {(n - len(wrong)) / n:.1%}; emergencies missed "
          f"{len(missed)}/{sum(i['emergency'] for i in items)}; false alarms {len(alarms)}/{non_emergency}; "
          f"out of scope answered {len(answered)}/{len(data.get('out_of_scope', []))}")
    if verbose:
        for row in wrong:
            print("   wrong:", row)
        for q in missed:
            print("   missed:", q)
        for q in alarms:
            print("   alarm:", q)
        for row in answered:
            print("   answered:", row)


def main() -> None:
    args = sys.argv[1:]
    verbose = "-v" in args
    names = [a for a in args if a != "-v"] or SETS
    path = ROOT / "data" / "baclofen.yaml"
    kb = parse_and_validate(path.read_bytes(), str(path))
    index = build_index(kb)
    for name in names:
        measure(name, kb, index, verbose)


if __name__ == "__main__":
    main()
