"""Measure drug-name resolution: at several fuzzy cut-offs, and on every name list.

    python benchmarks/name_cutoffs.py                       # the shipped file and tests/interaction_names.yaml
    python benchmarks/name_cutoffs.py --names other.yaml -v # another list; -v prints every miss
    python benchmarks/name_cutoffs.py --all                 # one line of figures per list in tests/

Accuracy = names answered right / all names. A "found" name is right when it resolves to exactly
the expected generic(s); a not_found name is right when nothing is found. A wrong "found" on a
not_found name is counted separately: it is the error that matters most. "Resolved" = found names
answered right / found names. A "did you mean" class error is a suggestion whose drug is in none
of the groups the typed name belongs to (for a name not in the guide: the list's `same_class`
group, if any), unless it only shares the typed brand's first word ("Tylenol" -> "Tylenol PM").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CUTOFFS = [70, 75, 78, 80, 82, 84, 86, 88, 90]
LISTS = [
    "interaction_names.yaml",
    "interaction_names_holdout.yaml",
    "interaction_names_holdout_v2.yaml",
    "interaction_names_real_unlisted.yaml",
    "interaction_names_holdout_v3.yaml",
    "interaction_names_v4dev.yaml",
]


def load_names(path: Path) -> tuple[dict[str, list[str]], list[str], dict[str, str]]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = {str(k): v if isinstance(v, list) else [v] for k, v in (data.get("found") or {}).items()}
    return found, [str(n) for n in data.get("not_found") or []], dict(data.get("same_class") or {})


def evaluate(index: Any, found: dict[str, list[str]], not_found: list[str],
             same_class: dict[str, str] | None = None) -> dict[str, Any]:
    """Figures for one list: right, resolved, false found, class errors, and every miss."""
    from baclofen_cli.features.interactions.names import normalise
    from baclofen_cli.features.interactions.resolve import resolve

    same_class = same_class or {}
    groups_of_drug = {h.drug: set(h.groups) for hits in index.names.values() for h in hits}

    def class_errors(name: str, suggestions: list[str], allowed: set[str]) -> list[str]:
        wrong = []
        first = (normalise(name).split() or [""])[0]
        for suggestion in suggestions:
            key = normalise(suggestion)
            hits = index.names.get(key, [])
            groups = {g for h in hits for g in h.groups}
            if groups & allowed or (len(first) >= 4 and key.split()[:1] == [first]):
                continue
            wrong.append(suggestion)
        return wrong

    right = resolved = false_found = 0
    errors: list[str] = []
    misses: list[str] = []
    for name, expected in found.items():
        result = resolve(index, name)
        got = sorted({h.drug for f in result.found for h in f.hits})
        if got == sorted(expected):
            right += 1
            resolved += 1
        else:
            misses.append(f"{name!r}: expected {expected}, got {got or 'nothing'} (suggestions {result.suggestions})")
        allowed = set().union(*(groups_of_drug.get(d, set()) for d in expected))
        errors += [f"{name!r} -> {s!r}" for s in class_errors(name, result.suggestions, allowed)]
    for name in not_found:
        result = resolve(index, name)
        if result.found:
            false_found += 1
            got = sorted({h.drug for f in result.found for h in f.hits})
            misses.append(f"{name!r}: FALSE FOUND {got}")
        else:
            right += 1
        allowed = {same_class[name]} if name in same_class else set()
        errors += [f"{name!r} -> {s!r}" for s in class_errors(name, result.suggestions, allowed)]
    return {"right": right, "resolved": resolved, "false_found": false_found, "class_errors": errors,
            "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "baclofen.yaml")
    parser.add_argument("--names", type=Path, default=ROOT / "tests" / "interaction_names.yaml")
    parser.add_argument("--all", action="store_true", help="one line of figures for every list in tests/")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss and class error")
    args = parser.parse_args()

    from baclofen_cli.core.loader import parse_and_validate
    from baclofen_cli.features.interactions import fuzzy
    from baclofen_cli.features.interactions.names import build_index

    kb = parse_and_validate(args.data.read_bytes(), str(args.data))
    index = build_index(kb)
    if args.all:
        for name in LISTS:
            found, not_found, same_class = load_names(ROOT / "tests" / name)
            figures = evaluate(index, found, not_found, same_class)
            total = len(found) + len(not_found)
            resolved = f"{100 * figures['resolved'] / len(found):5.1f}%" if found else "   n/a"
            print(f"{name}: {len(found)} to find, {len(not_found)} not in the guide; "
                  f"accuracy {100 * figures['right'] / total:5.1f}%, resolved {resolved}, "
                  f"false found {figures['false_found']}, did-you-mean class errors {len(figures['class_errors'])}")
            if args.verbose:
                for line in figures["misses"]:
                    print("  miss:", line)
                for line in figures["class_errors"]:
                    print("  class error:", line)
        return
    found, not_found, same_class = load_names(args.names)
    total = len(found) + len(not_found)
    shipped = fuzzy.FUZZY_CUTOFF
    print(f"{len(found)} names to find, {len(not_found)} that must not be found; shipped cut-off {shipped:g}")
    for cutoff in sorted({*CUTOFFS, shipped}):
        fuzzy.FUZZY_CUTOFF = float(cutoff)
        figures = evaluate(index, found, not_found, same_class)
        mark = "  <- shipped" if cutoff == shipped else ""
        print(f"  cut-off {cutoff:5.1f}: {figures['right']}/{total} = {100 * figures['right'] / total:5.1f}%  "
              f"false found: {figures['false_found']}{mark}")
    fuzzy.FUZZY_CUTOFF = shipped
    if args.verbose:
        figures = evaluate(index, found, not_found, same_class)
        for miss in figures["misses"]:
            print("  miss:", miss)
        for error in figures["class_errors"]:
            print("  class error:", error)


if __name__ == "__main__":
    main()
