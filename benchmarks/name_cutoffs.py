"""Measure drug-name resolution at several fuzzy cut-offs (how FUZZY_CUTOFF in drugs.py was chosen).

    python benchmarks/name_cutoffs.py                       # the shipped file and tests/interaction_names.yaml
    python benchmarks/name_cutoffs.py --names other.yaml -v # another list; -v prints every miss

Accuracy = names answered right / all names. A "found" name is right when it resolves to exactly
the expected generic(s); a not_found name is right when nothing is found. A wrong "found" on a
not_found name is counted separately: it is the error that matters most.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CUTOFFS = [70, 75, 78, 80, 82, 84, 86, 88, 90]


def load_names(path: Path) -> tuple[dict[str, list[str]], list[str]]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = {str(k): v if isinstance(v, list) else [v] for k, v in data["found"].items()}
    return found, [str(n) for n in data["not_found"]]


def evaluate(index, found: dict[str, list[str]], not_found: list[str]) -> tuple[int, int, list[str]]:
    """(right answers, wrong "found" on not_found names, descriptions of every miss)."""
    from baclofen_cli.drugs import resolve

    right, false_found, misses = 0, 0, []
    for name, expected in found.items():
        result = resolve(index, name)
        got = sorted({h.drug for f in result.found for h in f.hits})
        if got == sorted(expected):
            right += 1
        else:
            misses.append(f"{name!r}: expected {expected}, got {got or 'nothing'} (suggestions {result.suggestions})")
    for name in not_found:
        result = resolve(index, name)
        if result.found:
            false_found += 1
            got = sorted({h.drug for f in result.found for h in f.hits})
            misses.append(f"{name!r}: FALSE FOUND {got}")
        else:
            right += 1
    return right, false_found, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "baclofen.yaml")
    parser.add_argument("--names", type=Path, default=ROOT / "tests" / "interaction_names.yaml")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss at the shipped cut-off")
    args = parser.parse_args()

    from baclofen_cli import drugs
    from baclofen_cli.loader import parse_and_validate

    kb = parse_and_validate(args.data.read_bytes(), str(args.data))
    index = drugs.build_index(kb)
    found, not_found = load_names(args.names)
    total = len(found) + len(not_found)
    shipped = drugs.FUZZY_CUTOFF
    print(f"{len(found)} names to find, {len(not_found)} that must not be found; shipped cut-off {shipped:g}")
    for cutoff in sorted({*CUTOFFS, shipped}):
        drugs.FUZZY_CUTOFF = float(cutoff)
        right, false_found, _ = evaluate(index, found, not_found)
        mark = "  <- shipped" if cutoff == shipped else ""
        print(f"  cut-off {cutoff:5.1f}: {right}/{total} = {100 * right / total:5.1f}%  false found: {false_found}{mark}")
    drugs.FUZZY_CUTOFF = shipped
    if args.verbose:
        for miss in evaluate(index, found, not_found)[2]:
            print("  miss:", miss)


if __name__ == "__main__":
    main()
