"""Splice data/es_parts/interactions_quiz.yaml into a copy of data/baclofen.yaml (text-level, so the rest of the
file, comments included, stays as it is): the English `interactions:` and `quiz:` blocks are replaced, and the
new es- sources are appended to `sources:`.

usage: python splice.py ENGLISH_FILE PART_FILE OUT_FILE
"""
import re
import sys

import yaml

english, part, out = sys.argv[1:4]
text = open(english, encoding="utf-8").read()
part_text = open(part, encoding="utf-8").read()


def top_blocks(src):
    """name -> (start, end) character offsets of each top-level key's block."""
    starts = [(m.group(1), m.start()) for m in re.finditer(r"^([A-Za-z_][A-Za-z0-9_]*):", src, re.M)]
    blocks = {}
    for i, (name, start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(src)
        blocks[name] = (start, end)
    return blocks


pb = top_blocks(part_text)
assert set(pb) == {"interactions", "quiz", "sources"}, set(pb)
new = {k: part_text[s:e].rstrip() + "\n\n" for k, (s, e) in pb.items()}
# The part's sources block, without its key line, is appended to the English sources list.
extra_sources = new["sources"].split("\n", 1)[1].rstrip() + "\n"

eb = top_blocks(text)
pieces = []
pos = 0
for name, (start, end) in sorted(eb.items(), key=lambda kv: kv[1][0]):
    pieces.append(text[pos:start])
    block = text[start:end]
    if name in ("interactions", "quiz"):
        block = new[name]
    elif name == "sources":
        block = block.rstrip() + "\n" + extra_sources + "\n"
    pieces.append(block)
    pos = end
pieces.append(text[pos:])
result = "".join(pieces)
open(out, "w", encoding="utf-8").write(result)
data = yaml.safe_load(result)
print("spliced:", len(data["interactions"]["groups"]), "groups,", len(data["quiz"]), "quiz items,",
      len(data["sources"]), "sources")
