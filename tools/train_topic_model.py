"""Train the topic model that `ask` blends into its ranking (baclofen_cli/features/ask/topic_model.py).

    pip install -e '.[train]'
    python tools/train_topic_model.py data/baclofen.yaml $(ls tests/ask_*.yaml | grep -v '^tests/ask_es_')
    python tools/train_topic_model.py data/baclofen.es.yaml tests/ask_es_*.yaml

Reads the labelled questions of the sets named (`phrasings:` items with `topic:` or `topics:`; the
first topic is the answer, any others are accepted answers and weigh less) and their
`out_of_scope:` questions (one more output, "about something else"), reads each question
the way `ask` does (the knowledge file's own words, spelling mended), and writes the model beside
the knowledge file (NAME.ask-model.bin). Held-out sets not yet measured must not be named here.
Deterministic: the same files give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from baclofen_cli.features.ask import topic_model as tm  # noqa: E402

BITS = 15
# How much an accepted answer that is not the first weighs against the first.
OTHER_ANSWER_WEIGHT = 0.3
# Inverse of the regularisation strength (scikit-learn's C); the share of a topic's score the
# model's probability decides; the probability below which the model is not used. Chosen on the
# v11, v12 and Spanish v7, v8 sets with a model trained without them (README "The topic model").
C = 8.0
BLEND = 0.8
LEAST = 0.25
# A question the rules turn down is answered from the model's topic when its probability is at
# least ANSWER_AT and "about something else" at most ELSEWHERE_AT_MOST. Chosen on English v12, v14
# and Spanish v8, v10 with a model trained without them: 8 turned-down questions answered, all
# rightly, and none of their 136 out-of-scope questions (README "The topic model").
ANSWER_AT = 0.65
ELSEWHERE_AT_MOST = 0.25
# The label of the last output: never a topic id (those are the knowledge file's).
ELSEWHERE = None


def labelled(paths: list[Path]) -> list[tuple[str, list[str | None]]]:
    """(question, accepted topics, best first) of every labelled question; [ELSEWHERE] for an
    out-of-scope one."""
    import yaml

    found: list[tuple[str, list[str | None]]] = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("phrasings", []) if isinstance(data, dict) else []:
            if not isinstance(item, dict) or "q" not in item:
                continue
            topics = item.get("topics", item.get("topic"))
            topics = [topics] if isinstance(topics, str) else topics
            if item.get("emergency"):
                # The rules alone answer emergencies (answer.py), so the model never sees one:
                # trained on them, it learnt "overdose" from words such as "keeps" and "night".
                continue
            if topics and all(isinstance(t, str) for t in topics):
                found.append((str(item["q"]), list(topics)))
        for question in data.get("out_of_scope", []) if isinstance(data, dict) else []:
            if isinstance(question, str):
                found.append((question, [ELSEWHERE]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("knowledge_file", type=Path)
    parser.add_argument("sets", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, help="default: beside the knowledge file")
    parser.add_argument("--c", type=float, default=C, help=f"inverse regularisation strength (default {C})")
    parser.add_argument("--blend", type=float, default=BLEND, help=f"the share the model decides (default {BLEND})")
    parser.add_argument("--least", type=float, default=LEAST,
                        help=f"the least probability it acts on (default {LEAST})")
    parser.add_argument("--answer-at", type=float, default=ANSWER_AT,
                        help=f"the least probability to answer what the rules turned down (default {ANSWER_AT})")
    parser.add_argument("--elsewhere-at-most", type=float, default=ELSEWHERE_AT_MOST,
                        help=f"the most 'about something else' may be then (default {ELSEWHERE_AT_MOST})")
    args = parser.parse_args()

    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    from baclofen_cli.core.state import AppState
    from baclofen_cli.features.ask.index import AskIndex
    from baclofen_cli.features.ask.negation import weaken_negated_signs
    from baclofen_cli.features.ask.question import analyse

    state = AppState(data=str(args.knowledge_file))
    index = state.compiled.index("ask", AskIndex)
    topics = list(index.topics)
    outputs: list[str | None] = [*topics, ELSEWHERE]
    questions = [(q, [t for t in ts if t in outputs]) for q, ts in labelled(sorted(set(args.sets)))]
    questions = [(q, ts) for q, ts in questions if ts]
    buckets = 1 << BITS

    rows: list[dict[int, int]] = []
    labels: list[int] = []
    weights: list[float] = []
    for question, answers in questions:
        words = tm.words_read(weaken_negated_signs(analyse(question, index), index))
        counts = tm.hashed(tm.features(words), BITS)
        for n, topic in enumerate(dict.fromkeys(answers)):
            rows.append(counts)
            labels.append(outputs.index(topic))
            weights.append(1.0 if n == 0 else OTHER_ANSWER_WEIGHT)
    df = np.zeros(buckets)
    for counts in rows:
        df[list(counts)] += 1
    # Smooth idf, as scikit-learn's TfidfVectorizer: a bucket never seen weighs the most.
    idf = np.log((1 + len(rows)) / (1 + df)) + 1.0
    data, cols, indptr = [], [], [0]
    for counts in rows:
        for h, v in tm.weighted(counts, idf).items():
            cols.append(h)
            data.append(v)
        indptr.append(len(cols))
    x = csr_matrix((data, cols, indptr), shape=(len(rows), buckets))
    clf = LogisticRegression(C=args.c, max_iter=5000)
    clf.fit(x, labels, sample_weight=weights)
    coef = np.zeros((len(outputs), buckets))
    intercepts = np.full(len(outputs), -30.0)  # a topic with no example is never likely
    for row, label in enumerate(clf.classes_):
        coef[label] = clf.coef_[row]
        intercepts[label] = clf.intercept_[row]
    scale = 32767.0 / max(float(np.abs(coef).max()), 1e-9)
    quantised = np.round(coef.T * scale).astype("<i2")  # feature-major: one row of topics per bucket
    lines = (f"{q}\t{','.join(t or '-' for t in ts)}" for q, ts in questions)
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    header = {"topics": topics, "bits": BITS, "scale": scale, "intercepts": [round(float(b), 6) for b in intercepts],
              "blend": args.blend, "least": args.least, "questions": len(questions), "corpus_sha256": digest,
              "elsewhere": True, "answer_at": args.answer_at, "elsewhere_at_most": args.elsewhere_at_most,
              "sets": sorted(p.name for p in set(args.sets))}
    head = json.dumps(header, sort_keys=True).encode()
    out = args.out or tm.model_path(args.knowledge_file)
    out.write_bytes(tm.MAGIC + len(head).to_bytes(4, "little") + head
                    + idf.astype("<f4").tobytes() + quantised.tobytes())
    accuracy = clf.score(x, labels)
    print(f"{out}: {len(questions)} questions, {len(topics)} topics, training accuracy {accuracy:.3f}"
          f" ({out.stat().st_size} bytes)")
    return 0 if math.isfinite(scale) else 1


if __name__ == "__main__":
    raise SystemExit(main())
