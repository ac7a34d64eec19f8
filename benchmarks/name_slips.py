"""Measure how the name matcher takes one typing slip of each listed generic and brand.

    python benchmarks/name_slips.py        # one line per kind of slip
    python benchmarks/name_slips.py -v     # and every variant not found or found as another drug

For every single-word name of 6 letters or more in the interaction groups, each kind of slip
patients make is applied once (ph/f, y/i, c/k, a consonant doubled or undoubled, -ine/-ene,
-ine/-in, -one/-on, the last letter dropped, two letters swapped) and the variant is resolved.
"right": exactly that name's drug; "not found": nothing (a miss, never unsafe: the pharmacist
line); "other drug": a wrong "found", the error that matters most.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def variants(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    if "ph" in name:
        out["ph>f"] = name.replace("ph", "f", 1)
    elif "f" in name:
        out["f>ph"] = name.replace("f", "ph", 1)
    if "y" in name:
        out["y>i"] = name.replace("y", "i", 1)
    if "i" in name[1:]:
        out["i>y"] = name[0] + name[1:].replace("i", "y", 1)
    if m := re.search(r"c(?=[aou])", name):
        out["c>k"] = name[: m.start()] + "k" + name[m.end() :]
    if m := re.search(r"([bcdfglmnprstvz])(?!\1)(?=[aeiou])", name[2:]):
        at = m.start() + 2
        out["double"] = name[: at + 1] + name[at] + name[at + 1 :]
    if m := re.search(r"([bcdfglmnprstvz])\1", name):
        out["undouble"] = name[: m.start()] + name[m.start() + 1 :]
    if name.endswith("ine"):
        out["-ene"] = name[:-3] + "ene"
        out["-in"] = name[:-1]
    if name.endswith("one"):
        out["-on"] = name[:-1]
    if len(name) > 6:
        out["drop-last"] = name[:-1]
        out["swap"] = name[:3] + name[4] + name[3] + name[5:]
    return {kind: v for kind, v in out.items() if v != name}


def main(verbose: bool) -> None:
    from baclofen_cli.core.loader import parse_and_validate
    from baclofen_cli.features.interactions.names import build_index
    from baclofen_cli.features.interactions.resolve import resolve

    path = ROOT / "data" / "baclofen.yaml"
    kb = parse_and_validate(path.read_bytes(), path.name)
    index = build_index(kb)
    stats: dict[str, list[int]] = {}
    for group in kb.interactions.groups:
        for drug in group.drugs:
            for name in (drug.name, *drug.brands):
                name = name.lower()
                if " " in name or len(name) < 6 or not name.isalpha():
                    continue
                for kind, typed in variants(name).items():
                    got = {h.drug for found in resolve(index, typed).found for h in found.hits}
                    counts = stats.setdefault(kind, [0, 0, 0])
                    outcome = 0 if got == {drug.name} else 1 if not got else 2
                    counts[outcome] += 1
                    if verbose and outcome:
                        print(f"  {kind}: {typed!r} ({name}) -> {sorted(got) or 'not found'}")
    total = [sum(c[i] for c in stats.values()) for i in range(3)]
    for kind, (right, missed, wrong) in sorted(stats.items()):
        print(f"{kind:10s} right {right:5d}  not found {missed:4d}  other drug {wrong:3d}")
    print(f"{'all':10s} right {total[0]:5d}  not found {total[1]:4d}  other drug {total[2]:3d}")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
