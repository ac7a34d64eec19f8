"""A learnt prior over topics for `ask`: how likely each topic is to answer a question, from
patients' own wording in the labelled question sets (tests/ask_*.yaml).

The rules decide everything that matters for safety (emergencies, crisis help, out of scope,
whether to answer at all); this only re-weighs the topics the rules already found, so a topic
that shares few words with the question but is what such questions are about can come first
("since starting baclofen my ankles swell": side effects, not how to take it).

The model is a multinomial logistic regression over hashed features of the question's words:
each word, each pair of neighbouring words, and the 3- to 5-letter pieces of each word (so a
typo or an unseen ending still counts), weighted by sublinear tf-idf and scaled to length 1.
It is trained by `tools/train_topic_model.py` (scikit-learn, the `train` extra) and read here
with the standard library only: a JSON header, then the idf of each hashed feature (float32) and
one int16 weight per feature and output, little-endian. Besides the topics, a model may have one
more output, "about something else", learnt from the sets' `out_of_scope:` questions: a question
the rules turn down for want of matching words ("dizzy spells", "works how") is answered from the
model's topic only when the model is sure of it and sure the question is not about something else
(`answer_at`, `elsewhere_at_most`). A knowledge file `NAME.yaml` has its model
beside it as `NAME.ask-model.bin`; a file without one, or whose topics are not the model's (a
clinic's own file), is answered by the rules alone.
"""

from __future__ import annotations

import json
import math
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from baclofen_cli.features.ask.rank import Ranked
    from baclofen_cli.features.ask.token import Token

MAGIC = b"BACLOFEN-ASK-MODEL 1\n"
SUFFIX = ".ask-model.bin"
LETTER_PIECES = (3, 4, 5)


def model_path(knowledge_file: Path) -> Path:
    """`data/baclofen.es.yaml` -> `data/baclofen.es.ask-model.bin`."""
    return knowledge_file.with_name(knowledge_file.stem + SUFFIX)


def words_read(tokens: Sequence[Token]) -> list[str]:
    """The words the model reads: the question's words as the rules read them (spelling mended);
    the trainer reads its questions with this too."""
    return [t.corrected or t.word for t in tokens]


def features(words: Sequence[str]) -> list[str]:
    """What the model reads of a question: words, neighbouring pairs and letter pieces."""
    words = [w for w in words if w.isalnum()]
    found = [f"w:{w}" for w in words]
    found += [f"p:{a} {b}" for a, b in zip(words, words[1:])]
    for w in words:
        padded = f" {w} "
        for n in LETTER_PIECES:
            found += [f"c:{padded[i:i + n]}" for i in range(len(padded) - n + 1)]
    return found


def hashed(names: Iterable[str], bits: int) -> dict[int, int]:
    """Feature name -> bucket (crc32, which is the same on every platform and Python), counted."""
    from zlib import crc32

    mask = (1 << bits) - 1
    counts: dict[int, int] = {}
    for name in names:
        h = crc32(name.encode("utf-8")) & mask
        counts[h] = counts.get(h, 0) + 1
    return counts


def weighted(counts: dict[int, int], idf: Sequence[float]) -> dict[int, float]:
    """Sublinear tf-idf, scaled to length 1 (the trainer uses this same function)."""
    values = {h: (1.0 + math.log(c)) * idf[h] for h, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    return {h: v / norm for h, v in values.items()}


class TopicModel:
    """A trained model: topic ids, idf, weights and how much it counts against the rules."""

    def __init__(self, header: dict[str, Any], idf: array[float], weights: array[int]) -> None:
        # As written by the trainer: also the question sets it learnt from ("sets").
        self.header = header
        self.topics: list[str] = list(header["topics"])
        self.bits: int = int(header["bits"])
        self.scale: float = float(header["scale"])
        self.intercepts: list[float] = [float(x) for x in header["intercepts"]]
        # The share of a topic's rule score that the model's belief in it decides (0..1).
        self.share: float = float(header["blend"])
        # Below this probability for its likeliest topic the model is not used at all.
        self.least: float = float(header["least"])
        # A last output, after the topics, for questions about something else (see above); and
        # how sure the model must be to answer a question the rules turned down (1.0: never).
        self.elsewhere: bool = bool(header.get("elsewhere", False))
        self.answer_at: float = float(header.get("answer_at", 1.0))
        self.elsewhere_at_most: float = float(header.get("elsewhere_at_most", 0.0))
        self.idf, self.weights = idf, weights

    @classmethod
    def read(cls, path: Path) -> TopicModel | None:
        """The model in a file, or None when it is missing, damaged or of another shape."""
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        try:
            if not raw.startswith(MAGIC):
                return None
            start = len(MAGIC) + 4
            size = int.from_bytes(raw[len(MAGIC):start], "little")
            header = json.loads(raw[start:start + size].decode("utf-8"))
            buckets = 1 << int(header["bits"])
            k = len(header["topics"]) + (1 if header.get("elsewhere") else 0)
            idf, weights = array("f"), array("h")
            body = start + size
            idf.frombytes(raw[body:body + 4 * buckets])
            weights.frombytes(raw[body + 4 * buckets:body + 4 * buckets + 2 * buckets * k])
            if len(idf) != buckets or len(weights) != buckets * k or len(header["intercepts"]) != k:
                return None
            import sys

            if sys.byteorder == "big":
                idf.byteswap()
                weights.byteswap()
            model = cls(header, idf, weights)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return None
        shares = (model.share, model.least, model.answer_at, model.elsewhere_at_most)
        return model if all(0.0 <= x <= 1.0 for x in shares) and model.scale > 0 else None

    def fits(self, topic_ids: Sequence[str]) -> bool:
        """Trained on exactly these topics (a clinic's own file has others: rules only)."""
        return sorted(self.topics) == sorted(topic_ids)

    def outputs(self, words: Sequence[str]) -> tuple[dict[str, float], float]:
        """Topic id -> the model's probability that it answers a question of these words, among
        the topics; and the probability that the question is about something else (0.0 for a
        model without that output)."""
        k, weights, scale = len(self.intercepts), self.weights, self.scale
        logits = list(self.intercepts)
        for h, value in weighted(hashed(features(words), self.bits), self.idf).items():
            row = h * k
            for t in range(k):
                logits[t] += value * weights[row + t] / scale
        top = max(logits)
        exps = [math.exp(x - top) for x in logits]
        total = sum(exps)
        elsewhere = exps[-1] / total if self.elsewhere else 0.0
        among = sum(exps[:len(self.topics)])
        return {topic: e / among for topic, e in zip(self.topics, exps)}, elsewhere

    def probabilities(self, words: Sequence[str]) -> dict[str, float]:
        """Topic id -> the model's probability that it answers a question of these words."""
        return self.outputs(words)[0]

    def sure_answer(self, words: Sequence[str]) -> str | None:
        """The topic a question the rules turned down is about, when the model is sure of it and
        sure the question is not about something else; else None."""
        if not self.elsewhere:
            return None
        probabilities, elsewhere = self.outputs(words)
        best = max(probabilities, key=lambda t: probabilities[t], default=None)
        if best is None or elsewhere > self.elsewhere_at_most:
            return None
        # Among all outputs, as the model learnt them: "about something else" takes its share.
        return best if probabilities[best] * (1.0 - elsewhere) >= self.answer_at else None


def blend(ranked: list[Ranked], probabilities: dict[str, float], share: float, least: float) -> None:
    """Re-weigh the rules' topics by the model, in place: each score is multiplied by
    (1 - share) + share x the model's probability of the topic, so an unsure model (probabilities
    spread thin) moves little, and one below `least` for every topic not at all. Then all are
    scaled so the best keeps the rules' best score (the thresholds that decide whether to answer
    stay the rules')."""
    if not ranked or not probabilities:
        return
    best_before = max(r.score for r in ranked)
    if max(probabilities.values()) < least:
        return
    for item in ranked:
        factor = (1.0 - share) + share * probabilities.get(item.topic, 0.0)
        item.score *= factor
        item.bm25 *= factor
    best_after = max(r.score for r in ranked)
    if best_after > 0:
        again = best_before / best_after
        for item in ranked:
            item.score *= again
            item.bm25 *= again
    ranked.sort(key=lambda r: -r.score)


_read: dict[Path, TopicModel | None] = {}


def for_knowledge_file(path: Path, topic_ids: Sequence[str]) -> TopicModel | None:
    """The model beside a knowledge file, when it was trained on that file's topics (read once
    per process: the guide asks many questions)."""
    where = model_path(path)
    if where not in _read:
        _read[where] = TopicModel.read(where)
    model = _read[where]
    return model if model is not None and model.fits(topic_ids) else None
