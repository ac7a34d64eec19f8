"""Build data/es_parts/interactions_quiz.yaml from the English blocks of data/baclofen.yaml."""
import copy
import sys

import yaml

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from brands import BRANDS, COMBO_ALIASES, COMBOS, FIXED_URL, NEW_DRUGS  # noqa: E402
from names import ALIASES, NAMES  # noqa: E402
from texts_interactions import T  # noqa: E402
from texts_quiz import Q  # noqa: E402

SRC = sys.argv[1]
OUT = sys.argv[2]
en = yaml.safe_load(open(SRC, encoding="utf-8"))

missing = []


def tr(text):
    if text not in T:
        missing.append(text)
        return text
    return T[text]


def st(statement):
    out = dict(statement)
    out["text"] = tr(statement["text"])
    return out


OTHER = {  # names in `contains` that are in no group (shown as "also contains")
    "acetaminophen": "paracetamol (acetaminofén)", "paracetamol": "paracetamol (acetaminofén)",
    "caffeine": "cafeína", "naloxone": "naloxona", "homatropine": "homatropina", "hops": "lúpulo",
    "passionflower": "pasiflora", "atropine": "atropina", "dextromethorphan": "dextrometorfano",
    "guaifenesin": "guaifenesina", "carbidopa": "carbidopa", "benserazide": "benserazida",
    "entacapone": "entacapona", "naltrexone": "naltrexona", "misoprostol": "misoprostol", "clidinium": "clidinio",
}
COMBO_NAMES = {
    "oxycodone and acetaminophen": "oxicodona y paracetamol", "oxycodone and aspirin": "oxicodona y aspirina",
    "oxycodone and naloxone": "oxicodona y naloxona", "hydrocodone and acetaminophen": "hidrocodona y paracetamol",
    "hydrocodone and ibuprofen": "hidrocodona e ibuprofeno", "hydrocodone and chlorphenamine": "hidrocodona y clorfenamina",
    "hydrocodone and homatropine": "hidrocodona y homatropina", "codeine and acetaminophen": "codeína y paracetamol",
    "diphenoxylate and atropine": "difenoxilato y atropina", "buprenorphine and naloxone": "buprenorfina y naloxona",
    "butalbital, acetaminophen and caffeine": "butalbital, paracetamol y cafeína",
    "butalbital, aspirin and caffeine": "butalbital, aspirina y cafeína",
    "promethazine with codeine": "prometazina con codeína", "guaifenesin with codeine": "guaifenesina con codeína",
    "carbidopa and levodopa": "carbidopa y levodopa", "levodopa and benserazide": "levodopa y benserazida",
    "naltrexone and bupropion": "naltrexona y bupropión",
}
# Everyday Spanish phrases that hold a name from the guide but are not that drug.
NOT_DRUGS_ES = [
    "alcohol en gel", "gel con alcohol", "gel antibacterial", "gel desinfectante", "alcohol para heridas",
    "alcohol de farmacia", "alcohol de 96", "alcohol isopropílico", "alcohol de quemar", "toallitas con alcohol",
    "algodón con alcohol", "vinagre de vino", "vinagre de vino tinto", "vinagre de vino blanco", "cerveza de raíz",
    "bebida energética", "bebidas energéticas", "copa menstrual", "copa de helado", "trago de agua",
]

used_names = set()
for g in en["interactions"]["groups"]:
    for d in g["drugs"]:
        for n in [d["name"], *d.get("brands", []), *d.get("aliases", [])]:
            used_names.add(n.casefold())


def dedupe(items):
    seen, out = set(), []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


new_sources = []
group_extra_sources = {}

es_groups = []
for g in en["interactions"]["groups"]:
    ng = {"id": g["id"], "name": tr(g["name"]), "member_label": tr(g["member_label"]), "severity": g["severity"],
          "effect": tr(g["effect"]), "advice": tr(g["advice"]), "sources": list(g["sources"]), "drugs": []}
    drugs = list(g["drugs"])
    if g["id"] in NEW_DRUGS:
        drugs = drugs[:-1] + NEW_DRUGS[g["id"]] + drugs[-1:]
    for d in drugs:
        name_en = d["name"]
        name_es = NAMES.get(name_en, name_en)
        if name_en not in NAMES and not any(d is x for v in NEW_DRUGS.values() for x in v):
            missing.append("NAME " + name_en)
        nd = {"name": name_es}
        brands = list(d.get("brands", []))
        for brand, sid, query, note in BRANDS.get(name_en, []):
            assert brand.casefold() not in used_names, brand
            brands.append(brand)
            if sid not in ng["sources"]:
                ng["sources"].append(sid)
            new_sources.append((sid, brand, name_es, query, note))
        if brands:
            nd["brands"] = dedupe(brands)
        # Spanish words first (the listing shows the first few as examples), then the English name and words.
        aliases = ALIASES.get(name_en, []) + ([name_en] if name_en.casefold() != name_es.casefold() else [])
        aliases += list(d.get("aliases", []))
        aliases = [a for a in dedupe(aliases) if a.casefold() != name_es.casefold()]
        if aliases:
            nd["aliases"] = aliases
        if d.get("brands_by_region"):
            nd["brands_by_region"] = copy.deepcopy(d["brands_by_region"])
        ng["drugs"].append(nd)
    es_groups.append(ng)

# Zaldiar and other Spanish combination products are cited by the opioid group (tramadol).
for combo in COMBOS:
    opioids = next(g for g in es_groups if g["id"] == "opioids")
    opioids["sources"].append(combo["source"])

es_combos = []
for c in en["interactions"]["combinations"]:
    nc = {}
    name_es = COMBO_NAMES.get(c["name"], c["name"])
    nc["name"] = name_es
    nc["contains"] = [NAMES.get(x, OTHER.get(x)) or missing.append("CONTAINS " + x) or x for x in c["contains"]]
    aliases = ([c["name"]] if name_es != c["name"] else []) + list(c.get("aliases", []))
    if c["name"] in COMBO_ALIASES:
        extra, sid, query, note = COMBO_ALIASES[c["name"]]
        aliases += extra
        opioids = next(g for g in es_groups if g["id"] == "opioids")
        opioids["sources"].append(sid)
        new_sources.append((sid, extra[0], name_es, query, note))
    if aliases:
        nc["aliases"] = dedupe(aliases)
    if c.get("regions"):
        nc["regions"] = list(c["regions"])
    es_combos.append(nc)
for combo in COMBOS:
    es_combos.append({"name": combo["name"], "contains": combo["contains"]})

ei = en["interactions"]
inter = {
    "unknown_drug": st(ei["unknown_drug"]),
    "same_drug": st(ei["same_drug"]),
    "emergency_note": st(ei["emergency_note"]),
    "combined_warning": st(ei["combined_warning"]),
    "verdicts": {k: st(v) for k, v in ei["verdicts"].items()},
    "steps": {k: [st(s) for s in v] for k, v in ei["steps"].items()},
    "group_steps": {k: [st(s) for s in v] for k, v in ei["group_steps"].items()},
    "not_drugs": dedupe(list(ei["not_drugs"]) + NOT_DRUGS_ES),
    "not_read": tr(ei["not_read"]),
    "depressant_groups": list(ei["depressant_groups"]),
    "major_groups": list(ei["major_groups"]),
    "groups": es_groups,
    "combinations": es_combos,
}
assert set(inter) == set(ei), set(ei) ^ set(inter)

quiz = []
for item in en["quiz"]:
    if item["id"] not in Q:
        missing.append("QUIZ " + item["id"])
        continue
    question, choices, explanation = Q[item["id"]]
    assert len(choices) == len(item["choices"]), item["id"]
    nq = {"id": item["id"], "topic": item["topic"], "question": question, "choices": [], "explanation": explanation,
          "sources": list(item["sources"])}
    for ch_en, ch_es in zip(item["choices"], choices):
        nc = {"text": ch_es}
        if ch_en.get("correct"):
            nc["correct"] = True
        nq["choices"].append(nc)
    quiz.append(nq)

sources = []
for sid, brand, drug_es, query, note in new_sources:
    url = FIXED_URL.get(sid) or f"https://cima.aemps.es/cima/rest/medicamentos?nombre={query}"
    sources.append({"id": sid, "title": f"{brand} ({drug_es}): medicamentos autorizados en España (CIMA)",
                    "publisher": "Agencia Española de Medicamentos y Productos Sanitarios (AEMPS), CIMA",
                    "url": url, "tier": "official", "kind": "regulator", "region": "EU", "accessed": "2026-12-01",
                    "note": ("CIMA name search (stable AEMPS query), until the registration number is checked. "
                             if sid not in FIXED_URL else "") + note})
for combo in COMBOS:
    sources.append({"id": combo["source"], "title": f"{combo['name']} (tramadol y paracetamol): medicamentos autorizados en España (CIMA)",
                    "publisher": "Agencia Española de Medicamentos y Productos Sanitarios (AEMPS), CIMA",
                    "url": f"https://cima.aemps.es/cima/rest/medicamentos?nombre={combo['query']}",
                    "tier": "official", "kind": "regulator", "region": "EU", "accessed": "2026-12-01",
                    "note": "CIMA name search (stable AEMPS query), until the registration number is checked. " + combo["note"]})

if missing:
    print("MISSING:", *missing, sep="\n  ")
    sys.exit(1)


import json
import re

PLAIN = re.compile(r"^[A-Za-z0-9ÁÉÍÓÚÜÑáéíóúüñ][A-Za-z0-9_ÁÉÍÓÚÜÑáéíóúüñ .'/()-]*$")
RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def scalar(value, in_flow=False):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    plain_ok = PLAIN.match(text) and text.casefold() not in RESERVED and not text[0].isdigit()
    if in_flow and plain_ok and "," not in text:
        return text
    if not in_flow and plain_ok and len(text) < 60:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow_list(items, indent, first_width):
    parts = [scalar(x, True) for x in items]
    lines, line, width = [], "[", first_width
    for i, p in enumerate(parts):
        piece = p + ("," if i < len(parts) - 1 else "]")
        if len(line) + len(piece) + 1 > 118 - width and line != "[":
            lines.append(line)
            line, width = " " * (indent + 1), 0
            line += piece
        else:
            line += ("" if line.endswith("[") or line.strip() == "" else " ") + piece
    lines.append(line)
    return ("\n").join(lines)


def emit(node, indent=0):
    pad = " " * indent
    out = []
    if isinstance(node, dict):
        for k, v in node.items():
            key = scalar(k)
            if isinstance(v, dict):
                out.append(f"{pad}{key}:")
                out.extend(emit(v, indent + 2))
            elif isinstance(v, list) and v and all(not isinstance(x, (dict, list)) for x in v):
                head = f"{pad}{key}: "
                out.append(head + flow_list(v, len(head) - 1, len(head)).replace("\n", "\n" + " " * 0))
            elif isinstance(v, list):
                if not v:
                    out.append(f"{pad}{key}: []")
                    continue
                out.append(f"{pad}{key}:")
                for item in v:
                    sub = emit(item, indent + 4)
                    sub[0] = pad + "  - " + sub[0].lstrip()
                    out.extend(sub)
            else:
                out.append(f"{pad}{key}: {scalar(v)}")
    return out


HEADER = """\
# Spanish (es) interactions and quiz blocks for data/baclofen.es.yaml (issue 18).
# Same structure, ids and source ids as data/baclofen.yaml; the integrator replaces the `interactions:` and
# `quiz:` blocks of the Spanish file with these, and appends `sources:` (new es- sources) to its sources.
# Drug names are the Spanish generic names; the English name and words stay as aliases (after the Spanish
# ones), so every English, US or UK name still finds its group. Spanish brands (Spain, AEMPS CIMA) are added to `brands` and
# each one's es- source is cited by its group. Generated from the English blocks; edit the Spanish text here.
"""
with open(OUT, "w", encoding="utf-8") as f:
    f.write(HEADER)
    for block in ({"interactions": inter}, {"quiz": quiz}, {"sources": sources}):
        f.write("\n".join(emit(block)) + "\n\n")
# The emitted file must read back as exactly what was built.
back = yaml.safe_load(open(OUT, encoding="utf-8"))
assert back == {"interactions": inter, "quiz": quiz, "sources": sources}, "round trip differs"
print("ok", len(es_groups), "groups", len(quiz), "quiz items", len(sources), "new sources")
