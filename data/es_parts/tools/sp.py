"""Szigriszt-Pazos (textstat 0.7.4, set_lang('es')), each text one sentence, as the English grade is counted."""
import sys
from collections import defaultdict
from statistics import mean

import textstat
import yaml

textstat.set_lang("es")


def sp(sentences):
    words = sum(textstat.lexicon_count(s, removepunct=True) for s in sentences)
    syll = sum(textstat.syllable_count(s) for s in sentences)
    return 206.835 - 62.3 * (syll / words) - (words / len(sentences))


d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
it = d["interactions"]
stmts = [it[k]["text"] for k in ("unknown_drug", "same_drug", "emergency_note", "combined_warning")]
stmts += [v["text"] for v in it["verdicts"].values()]
stmts += [s["text"] for v in it["steps"].values() for s in v]
stmts += [s["text"] for v in it["group_steps"].values() for s in v]
stmts.append(it["not_read"].replace("{limit}", "200"))
group_units = {g["id"]: [g["effect"], g["advice"]] for g in it["groups"]}
whole = stmts + [t for v in group_units.values() for t in v]
print(f"interactions block as a whole ({len(whole)} texts): {sp(whole):.1f}")
print(f"  shared statements ({len(stmts)}): {sp(stmts):.1f}")
per_group = {k: sp(v) for k, v in group_units.items()}
print(f"  groups (effect+advice): mean {mean(per_group.values()):.1f}, min {min(per_group.values()):.1f} "
      f"({min(per_group, key=per_group.get)})")
low = sorted(per_group.items(), key=lambda kv: kv[1])[:6]
print("  lowest groups:", ", ".join(f"{k} {v:.1f}" for k, v in low))
by_topic = defaultdict(list)
items = {}
for q in d["quiz"]:
    texts = [q["question"], *(c["text"] for c in q["choices"]), q["explanation"]]
    by_topic[q["topic"]].extend(texts)
    items[q["id"]] = sp(texts)
allq = [t for v in by_topic.values() for t in v]
print(f"quiz as a whole ({len(allq)} texts): {sp(allq):.1f}")
print(f"  quiz items: mean {mean(items.values()):.1f}, min {min(items.values()):.1f} ({min(items, key=items.get)})")
tp = {k: sp(v) for k, v in by_topic.items()}
print(f"  quiz by topic: mean {mean(tp.values()):.1f}, min {min(tp.values()):.1f} ({min(tp, key=tp.get)})")
print("   ", ", ".join(f"{k} {v:.1f}" for k, v in sorted(tp.items(), key=lambda kv: kv[1])))
units = list(per_group.values()) + list(tp.values()) + [sp(stmts)]
print(f"mean over units (32 groups + {len(tp)} quiz topics + shared statements): {mean(units):.1f}")
