"""Find the drug a patient means: "Percocet", "percoset", "my Xanax 2mg", "co-codamol", "beer".

How a typed name is resolved (``resolve``):

1. Normalise. Case, accents, hyphens and punctuation go; "#3" becomes "3"; doses ("10mg",
   "5/325") and filler words ("my", "some", "tablets", "XR", "hydrochloride") are dropped.
   The knowledge file's names go through the same function when the index is built, so
   "Toprol-XL" in the file and "toprol xl 50 mg" typed both become "toprol".
2. Exact. The normalised name, then the same without bare numbers ("oxycontin 20"), then
   without spaces ("oxy contin" -> "oxycontin").
3. Contained. Names inside a longer phrase, longest first: "tylenol with codeine please",
   "xanax and beer" (two answers).
4. Fuzzy (misspellings). rapidfuzz is imported only now. Each candidate gets the better of
   two similarity scores: plain spelling, and a rough sound-alike spelling
   ("xanex"/"zanax", "codiene"/"codeine", "percoset"/"percocet"). The best candidate counts
   as found only at FUZZY_CUTOFF or above AND when the typed name is a typing slip of that
   very name (see ``is_slip``: the same sound, one letter wrong, missing, extra or swapped,
   or only vowels wrong). A close name that is NOT a slip is most likely a different real
   drug (flurazepam is not lorazepam, amphetamine is not amfebutamone): it stays a
   "did you mean". Suggestions themselves must look like a slip too (same first sound,
   consonants at most one letter apart), so "aspirin" never suggests "spirits" and
   "Adderall" never suggests "Inderal". Other guards: names under 5 letters are exact-only,
   a plain brand never matches its combination product ("tylenol" is not "tylenol pm"),
   numbers must match exactly, and a tie between two different drugs is not a match.

Everyday phrases listed in the file's ``not_drugs`` ("root beer", "ginger ale") are names
the guide knows are NOT the drug inside them: they answer "not in this guide".

A brand can mean different drugs in different countries (UK Benadryl is acrivastine or
cetirizine, US Benadryl is diphenhydramine). Such names carry their regions; with a region
chosen only its meaning is kept, with none (or a region where the name means nothing)
every meaning is shown.

Everything is derived from the knowledge file by ``build_index`` (cached by the loader),
so a clinic's own file with other drugs works the same way. Only the standard library is
imported at module level: the cached index is read with `json` (msgspec, the obvious choice,
costs more to import than the whole lookup).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple

# Fuzzy cut-off, measured with benchmarks/name_cutoffs.py. Accuracy = right answers / all names;
# "false" = a wrong "found" for a name that is not in the guide.
#   tests/interaction_names.yaml (tuned on: 171 names + 121 nonsense words and real drugs not here)
#     70: 88.4% (34 false)  75: 94.2% (17)  78-80: 97.6% (7)  82-86: 100.0% (0)  88-90: 99.7% (0)
#   tests/interaction_names_holdout.yaml (written after tuning: 161 names + 67 not in the guide)
#     70: 88.2% (23 false)  75: 95.2% (9)   78-80: 98.2% (2)  82-90: 99.1% (0)
# The best wrong candidates score at most 80.9 ("Allegra" -> Allegron, "Prilosec" -> prosecco);
# the lowest right fuzzy match scores 87.5 ("dilaudin" -> Dilaudid). 84 sits in the middle of that gap.
# Since 2026-12-01 a fuzzy match must also be a typing slip of that very name (`is_slip`); the
# figures on every list, held-out ones included, are in the README (benchmarks/name_cutoffs.py --all).
FUZZY_CUTOFF = 84.0
# Below the cut-off, names this close are offered as "did you mean". Real near misses on the two
# lists score 83 and up ("valum" -> Valium 91); at 60, nonsense got suggestions ("banana" -> cannabis).
SUGGEST_CUTOFF = 75.0
# Two different drugs scoring within this many points of each other: ask, don't guess.
AMBIGUITY_MARGIN = 3.0
# Names shorter than this (after normalising) are only ever matched exactly ("pot", "gin", "MST").
MIN_FUZZY_LENGTH = 5
# Names up to this long only match typing slips (see _close_short), not any spelling this close;
# a slip scores SLIP_SCORE.
SHORT_NAME = 6
SLIP_SCORE = 90.0
# Points taken off a consonants-only comparison (see skeleton), so it only wins when the
# vowels alone are wrong.
SKELETON_PENALTY = 8.0
# Only this much of a typed name is looked at, so a 100 KB argument costs no more than a long
# list. Longer names are never cut silently: the answer says what was not read (`unread`).
MAX_QUERY_CHARS = 1000
MAX_SUGGESTIONS = 3

_CONNECTORS = frozenset({"and", "with", "or", "plus", "n"})
# "liquid" is not filler: "liquid ecstasy" is GHB, not ecstasy ("oxycodone liquid" is still read as
# oxycodone, by the contained step).
_FILLER = frozenset(
    """
    my some the a an i im ive me take takes taking took use using used also about what whats is are
    it its if can could should on of for to from per day daily twice once as needed prn at bedtime
    tablet tablets tab tabs pill pills capsule capsules cap caps caplet caplets softgel softgels gelcap
    gelcaps syrup solution suspension patch patches injection injections drops spray cream gel
    oral generic brand medicine medicines medication medications meds dose doses strength extra max
    maximum regular
    er xr sr cr xl la ir xt cd dr ec mr pr odt retard release extended immediate modified prolonged
    sustained controlled delayed
    hydrochloride hcl hydrobromide sulfate sulphate phosphate tartrate bitartrate succinate besylate
    besilate maleate mesylate mesilate citrate carbonate acetate fumarate sodium potassium calcium
    magnesium bromide monohydrate dihydrate
    """.split()
)
_UNITS = r"(?:mg|mgs|mcg|µg|ug|g|gm|grams?|milligrams?|micrograms?|ml|mls|l|iu|units?|%|mmol|mcg/h|mcg/hr|mg/ml|mg/5ml)"
_DOSE = re.compile(
    rf"(?<![a-z0-9])\d+(?:[.,]\d+)?(?:\s*[/-]\s*\d+(?:[.,]\d+)?)*\s*{_UNITS}(?![a-z0-9])"
    r"|(?<![a-z0-9])\d+(?:[.,]\d+)?(?:\s*/\s*\d+(?:[.,]\d+)?)+(?![a-z0-9])"
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_NUMBER = re.compile(r"^\d+$")
_VOWELS = frozenset("aeiouy")


class Hit(NamedTuple):
    """What one name in the file points at (a JSON array in the cache)."""

    drug: str  # the generic name, as written in the file
    groups: list[str]  # group ids; empty for the guide's own drug
    matched: str  # the name as written in the file ("Percocet")
    via: str = ""  # the combination it came through, if any
    also: tuple[str, ...] | list[str] = ()  # the combination's other contents that are in no group
    regions: tuple[str, ...] | list[str] = ()  # where the name means this drug; empty: everywhere


class DrugIndex:
    """The lookup tables, built from the knowledge file and cached as plain JSON."""

    __slots__ = ("names", "squashed", "sounds", "max_tokens", "_tables")

    def __init__(
        self, names: dict[str, list[Hit]], squashed: dict[str, str], sounds: dict[str, str], max_tokens: int
    ) -> None:
        self.names = names  # normalised name -> what it means
        self.squashed = squashed  # the same name without spaces -> normalised name
        # normalised name -> its sound-alike spelling without spaces (precomputed for the fuzzy step)
        self.sounds = sounds
        self.max_tokens = max_tokens
        self._tables: tuple[list[str], list[str], list[str], list[str]] | None = None

    def fuzzy_tables(self) -> tuple[list[str], list[str], list[str], list[str]]:
        """Drug names as parallel lists (name, without spaces, sound-alike, consonants) for the
        fuzzy step; built on first use, never cached on disk (a few milliseconds)."""
        if self._tables is None:
            keys = list(self.sounds)
            self._tables = (
                keys,
                [k.replace(" ", "") for k in keys],
                [self.sounds[k] for k in keys],
                [skeleton(self.sounds[k]) for k in keys],
            )
        return self._tables

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> DrugIndex:
        names = {key: [Hit(*row) for row in rows] for key, rows in data["names"].items()}
        return cls(names, data["squashed"], data["sounds"], data["max_tokens"])

    def to_data(self) -> dict[str, Any]:
        return {"names": self.names, "squashed": self.squashed, "sounds": self.sounds, "max_tokens": self.max_tokens}


class Found:
    __slots__ = ("hits", "how", "key", "score")

    def __init__(self, hits: list[Hit], how: str, key: str, score: float = 100.0) -> None:
        self.hits = hits
        self.how = how  # "exact", "contained" or "fuzzy"
        self.key = key  # the normalised index name that matched
        self.score = score


class Resolution:
    __slots__ = ("query", "found", "own_drug", "suggestions", "unread")

    def __init__(self, query: str) -> None:
        self.query = query
        self.found: list[Found] = []
        self.own_drug: list[Hit] = []
        self.suggestions: list[str] = []
        self.unread = 0  # characters after MAX_QUERY_CHARS that were not looked at


# ------------------------------------------------------------------ normalising


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", _readable(text)[0])
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("&", " and ").replace("+", " and ").replace("'", "").replace("’", "")
    text = _DOSE.sub(" ", text)
    return _NON_WORD.sub(" ", text).split()


def _readable(text: str) -> tuple[str, int]:
    """(the part of a typed name that is read, how many characters after it are not)."""
    from baclofen_cli.output import clean  # escape codes are removed before anything else

    cleaned = clean(text)
    if len(cleaned) <= MAX_QUERY_CHARS:
        return cleaned, 0
    cut = cleaned.rfind(" ", 0, MAX_QUERY_CHARS + 1)
    cut = cut if cut > MAX_QUERY_CHARS // 2 else MAX_QUERY_CHARS  # end on a whole word
    return cleaned[:cut], len(cleaned) - cut


def normalise(text: str) -> str:
    """The lookup form of a name: lower case, no punctuation, doses, filler words or plural "s"."""
    raw = _tokens(text)
    kept = [t for t in raw if t not in _FILLER]
    # A name made only of filler ("max", "sodium") is still looked up as itself.
    return " ".join(_singular(t) for t in (kept or raw))


def raw_key(text: str) -> str:
    """The lookup form with filler words kept: "Solpadeine Max" is its own product, although
    "max" is filler elsewhere ("Tylenol Extra Strength" is plain Tylenol)."""
    return " ".join(_singular(t) for t in _tokens(text))


def _singular(token: str) -> str:
    # Applied to the file's names and to what is typed alike, so "beers" = "beer", "opioids" = "opioid".
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss") and token not in _CONNECTORS:
        return token[:-1]
    return token


def _without_numbers(key: str) -> str:
    kept = [t for t in key.split() if not _NUMBER.match(t)]
    return " ".join(kept)


def sound(key: str) -> str:
    """A rough sound-alike spelling for English drug names: percoset = percocet, xanex ~ zanax."""
    out = []
    for word in key.split():
        if word.startswith("x"):
            word = "z" + word[1:]
        word = word.replace("ph", "f").replace("ck", "k").replace("qu", "kw").replace("y", "i")
        word = re.sub(r"c(?=[eiy])", "s", word).replace("c", "k")
        word = word.replace("ie", "i").replace("ei", "i")
        word = re.sub(r"(.)\1+", r"\1", word)
        if len(word) > 4 and word.endswith("e"):
            word = word[:-1]
        out.append(word)
    return " ".join(out)


# ------------------------------------------------------------------ the index


def build_index(kb: Any) -> DrugIndex:
    """Every drug name, brand, everyday word and combination product in the file -> its drugs."""
    names: dict[str, list[Hit]] = {}
    drug_groups: dict[str, list[str]] = {}
    drug_display: dict[str, str] = {}

    def add(name: str, hit: Hit) -> None:
        key = normalise(name)
        if not key:
            return
        for form in dict.fromkeys((key, raw_key(name))):
            found = names.setdefault(form, [])
            # One meaning per drug and region: the first product named wins a shared name.
            if not any(h.drug == hit.drug and list(h.regions) == list(hit.regions) for h in found):
                found.append(hit)

    for group in kb.interactions.groups:
        for drug in group.drugs:
            for name in (drug.name, *drug.aliases):
                key = normalise(name)
                groups = drug_groups.setdefault(key, [])
                if group.id not in groups:
                    groups.append(group.id)
                drug_display.setdefault(key, drug.name)
    for group in kb.interactions.groups:
        for drug in group.drugs:
            groups = drug_groups[normalise(drug.name)]
            for name in (drug.name, *drug.brands, *drug.aliases):
                add(name, Hit(drug=drug.name, groups=groups, matched=name))
            for code, brands in (getattr(drug, "brands_by_region", None) or {}).items():
                for name in brands:
                    add(name, Hit(drug=drug.name, groups=groups, matched=name, regions=[code]))
    for combo in kb.interactions.combinations:
        parts = [(name, normalise(name)) for name in combo.contains]
        interacting = [(drug_display[key], drug_groups[key]) for _, key in parts if key in drug_groups]
        also = [name for name, key in parts if key not in drug_groups]
        if not interacting:
            continue  # nothing in it is in the guide: the name stays unknown, never "safe"
        regions = list(getattr(combo, "regions", None) or [])
        for name in (combo.name, *combo.aliases):
            for drug, groups in interacting:
                add(name, Hit(drug=drug, groups=groups, matched=name, via=combo.name, also=also, regions=regions))
    own = kb.drug
    for name in (own.name, *own.also_called, *(b.name for b in own.brands)):
        if normalise(name) not in names:
            add(name, Hit(drug=own.name, groups=[], matched=name))
    for phrase in getattr(kb.interactions, "not_drugs", None) or []:
        key = normalise(phrase)
        if key:
            names[key] = []  # known, and known not to be a drug in the guide
    squashed: dict[str, str] = {}
    for key in names:
        squashed.setdefault(key.replace(" ", ""), key)
    sounds = {key: sound(key).replace(" ", "") for key, hits in names.items() if hits}
    return DrugIndex(names, squashed, sounds, max(len(k.split()) for k in names))


# ------------------------------------------------------------------ resolving


def resolve(index: DrugIndex, query: str, region: str | None = None) -> Resolution:
    """What a typed name means. Never guesses between two drugs; never says an unknown name is fine.

    `region` keeps only that region's meaning of a brand that means different drugs in different
    countries; None keeps every meaning."""
    result = Resolution(query=query)
    result.unread = _readable(query)[1]
    key = normalise(query)
    if not key:
        return result
    for form in (raw_key(query), key, _without_numbers(key)):
        exact = _exact(index, form)
        if exact:
            return _finish(result, [Found(index.names[exact], "exact", exact)], region)
    tokens = _without_numbers(key).split()
    found, leftover, known = _contained(index, key.split())
    if not found and not known and len(tokens) > 1:
        found, leftover, known = _contained(index, tokens)
    if found or known:
        found += [f for t in dict.fromkeys(leftover) if (f := _fuzzy_one(index, t, [])) is not None]
        return _finish(result, found, region)
    # Nothing known by exact spelling: only now pay for rapidfuzz.
    whole = " ".join(tokens)
    near: list[tuple[float, str]] = []
    match = _fuzzy_one(index, whole, near) if whole else None
    if match is not None:
        return _finish(result, [match], region)
    if len(tokens) > 1:
        words = [t for t in dict.fromkeys(tokens) if t not in _CONNECTORS]
        parts = [f for t in words if (f := _fuzzy_one(index, t, near)) is not None]
        if parts:
            return _finish(result, parts, region)
    result.suggestions = _suggestions(index, whole, near)
    return result


def _exact(index: DrugIndex, form: str) -> str | None:
    if form in index.names:
        return form
    return index.squashed.get(form.replace(" ", "")) if form else None


def _contained(index: DrugIndex, tokens: list[str]) -> tuple[list[Found], list[str], bool]:
    """Known names inside a phrase, longest first, without overlaps, in the order typed.

    Returns (the drugs found, the words left over, whether a known non-drug phrase such as
    "root beer" was among them: its words are used up, so "beer" is not read on its own)."""
    used = [False] * len(tokens)
    spans: list[tuple[int, Found]] = []
    known = False
    for size in range(min(index.max_tokens, len(tokens)), 0, -1):
        for start in range(len(tokens) - size + 1):
            if any(used[start : start + size]):
                continue
            window = tokens[start : start + size]
            if all(t in _CONNECTORS for t in window):
                continue
            key = _exact(index, " ".join(window))
            if key is not None:
                if index.names[key]:
                    spans.append((start, Found(index.names[key], "contained", key)))
                else:
                    known = True
                used[start : start + size] = [True] * size
    leftover = [t for t, u in zip(tokens, used) if not u and t not in _CONNECTORS and not _NUMBER.match(t)]
    return [f for _, f in sorted(spans, key=lambda s: s[0])], leftover, known


# Below this score in all three spellings a name cannot be a match or a suggestion (a one-letter
# slip in a five-letter name scores 80), so rapidfuzz drops it in C before Python sees it.
PREFILTER_SCORE = 60.0


def _candidates(index: DrugIndex, query: str) -> list[tuple[float, str]]:
    """(score, key) for the drug names near `query`, best first. Scores are 0-100."""
    from rapidfuzz import fuzz, process

    keys, flats, sounds, skeletons = index.fuzzy_tables()
    q_tokens = query.split()
    q_flat = query.replace(" ", "")
    q_sound = sound(query).replace(" ", "")
    q_skeleton = skeleton(q_sound)
    best: dict[int, float] = {}
    for typed, table in ((q_flat, flats), (q_sound, sounds)):
        for _, score, i in process.extract(typed, table, scorer=fuzz.ratio, score_cutoff=PREFILTER_SCORE, limit=None):
            best[i] = max(best.get(i, 0.0), score)
    if len(q_skeleton) >= 4:
        # Vowels are what patients get wrong most ("klonapin", "vicaden"): compare consonants,
        # at a cost, so a same-consonant name never beats a closer plain spelling.
        cutoff = PREFILTER_SCORE + SKELETON_PENALTY
        for _, score, i in process.extract(q_skeleton, skeletons, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None):
            if len(flats[i]) > SHORT_NAME:
                best[i] = max(best.get(i, 0.0), score - SKELETON_PENALTY)
    scored = []
    for i, score in best.items():
        key = keys[i]
        if len(key.split()) != len(q_tokens) and abs(len(flats[i]) - len(q_flat)) > 1:
            continue  # words run together or split apart ("oxy contin"), not a word more or less
        scored.append((score, key))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return scored


def _fuzzy_one(index: DrugIndex, query: str, near: list[tuple[float, str]]) -> Found | None:
    if len(query.replace(" ", "")) < MIN_FUZZY_LENGTH - 1 or any(ch.isdigit() for ch in query):
        return None
    scored = _candidates(index, query)
    near.extend(scored[: MAX_SUGGESTIONS * 3])
    usable = []
    for score, key in scored:
        length = len(key.replace(" ", ""))
        if length < MIN_FUZZY_LENGTH or any(ch.isdigit() for ch in key) or _extends(key, query):
            continue
        if length <= SHORT_NAME:
            if not _close_short(query, key):
                continue
            score = max(score, SLIP_SCORE)  # a plain typing slip on a short name is strong evidence
        usable.append((score, key))
    usable.sort(key=lambda s: (-s[0], s[1]))
    if not usable or usable[0][0] < FUZZY_CUTOFF:
        return None
    best_score, best_key = usable[0]
    best_drugs = _drug_set(index.names[best_key])
    for score, key in usable[1:]:
        if best_score - score > AMBIGUITY_MARGIN:
            break
        if _drug_set(index.names[key]) != best_drugs:
            return None  # two different drugs are about as close: ask, don't guess
    if not is_slip(query, best_key):
        return None  # close, but most likely another real drug: a "did you mean", never found
    return Found(index.names[best_key], "fuzzy", best_key, best_score)


def skeleton(sounded: str) -> str:
    """The consonants of a sound-alike spelling, keeping the first letter: "klonapin" -> "klnpn"."""
    return sounded[:1] + "".join(ch for ch in sounded[1:] if ch not in _VOWELS and ch != " ")


def is_slip(query: str, key: str) -> bool:
    """True when `query` is a typing slip of `key` itself, not another name that looks alike.

    Slips: the same sound ("percoset"), one letter wrong, missing, extra or two swapped
    ("neurotin", "codiene"), or up to two vowels wrong with the same first sound ("klonapin",
    "vicaden"). Different drugs of one family differ in their consonants or their start
    ("flurazepam"/"lorazepam", "thioridazine"/"thorazine", "esketamine"/"ketamine")."""
    from rapidfuzz.distance import OSA  # optimal string alignment: a swap of two letters is one slip

    q, k = query.replace(" ", ""), key.replace(" ", "")
    if len(k) <= SHORT_NAME:
        return _close_short(query, key)
    q_sound, k_sound = sound(query).replace(" ", ""), sound(key).replace(" ", "")
    if q_sound == k_sound or OSA.distance(q, k) <= 1 or OSA.distance(q_sound, k_sound) <= 1:
        return True
    # Only vowels wrong, and at most two of them ("vicaden"); a vowel more or less in several
    # places is another word ("protien" is not "piriton").
    return (
        q_sound[:1] == k_sound[:1]
        and skeleton(q_sound) == skeleton(k_sound)
        and OSA.distance(q_sound, k_sound) <= 2
    )


def _looks_like(query: str, key: str) -> bool:
    """Close enough to offer as "did you mean": a near typing slip, never just a similar word.

    The same first sound, consonants at most one letter apart, and at most two letters wrong
    as typed (or one as sounded). Names up to SHORT_NAME letters must be a real slip
    (`_close_short`), and names under MIN_FUZZY_LENGTH are never offered. So "aspirin" is not
    "spirits", "Adderall" is not "Inderal", "Ampyra" is not "Apidra", "larger" is not "lager"."""
    from rapidfuzz.distance import OSA

    q, k = query.replace(" ", ""), key.replace(" ", "")
    if len(k) < MIN_FUZZY_LENGTH or any(ch.isdigit() for ch in k):
        return False
    if len(k) <= SHORT_NAME:
        return _close_short(query, key)
    q_sound, k_sound = sound(query).replace(" ", ""), sound(key).replace(" ", "")
    if not q_sound or q_sound[:1] != k_sound[:1]:
        return False
    if OSA.distance(skeleton(q_sound), skeleton(k_sound)) > 1:
        return False
    return OSA.distance(q, k) <= 2 or OSA.distance(q_sound, k_sound) <= 1


def _close_short(query: str, key: str) -> bool:
    """Short names ("lager", "sherry", "xanax") sit one letter from everyday words ("larger",
    "cherry"), so only typing slips count: the same sound, one vowel swapped, two letters
    swapped, the last letter missing or doubled, or one vowel missing or extra ("valum")."""
    q, k = query.replace(" ", ""), key.replace(" ", "")
    if sound(q) == sound(k):
        return True
    if len(q) == len(k):
        diff = [i for i in range(len(q)) if q[i] != k[i]]
        if len(diff) == 1:
            return q[diff[0]] in _VOWELS and k[diff[0]] in _VOWELS
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            return q[diff[0]] == k[diff[1]] and q[diff[1]] == k[diff[0]]
        return False
    longer, shorter = (q, k) if len(q) > len(k) else (k, q)
    if len(longer) != len(shorter) + 1:
        return False
    if longer.startswith(shorter):
        return True
    # One vowel left out or added in the middle ("valum" for "valium").
    return any(
        longer[i] in _VOWELS and longer[:i] + longer[i + 1 :] == shorter for i in range(1, len(longer) - 1)
    )


def _extends(key: str, query: str) -> bool:
    """True when `key` is `query` plus more words or letters: "tylenol pm" for "tylenol"."""
    k, q = key.replace(" ", ""), query.replace(" ", "")
    return len(k) - len(q) >= 2 and k.startswith(q[: max(4, len(q) - 1)])


def _drug_set(hits: list[Hit]) -> frozenset[str]:
    return frozenset(h.drug for h in hits)


def _suggestions(index: DrugIndex, query: str, near: list[tuple[float, str]]) -> list[str]:
    """Close names, one per product: "tylenol" -> Tylenol with Codeine, Tylenol PM."""
    if not query:
        return []
    from rapidfuzz import fuzz

    first = query.split()[0]
    family = [(fuzz.ratio(query, k), k) for k in index.sounds if len(first) >= 4 and k.split()[0] == first]
    ranked = sorted({*family, *near}, key=lambda s: (-s[0], s[1]))
    picked: dict[tuple[str, ...], str] = {}
    for score, key in ranked:
        if (score, key) not in family and (score < SUGGEST_CUTOFF or not _looks_like(query, key)):
            continue
        hits = index.names[key]
        product = tuple(sorted({h.via or h.drug for h in hits}))
        shown = picked.get(product)
        if shown is None and len(picked) >= MAX_SUGGESTIONS:
            continue
        if shown is None or (any(c.isdigit() for c in shown) and not any(c.isdigit() for c in key)):
            picked[product] = hits[0].matched  # "Tylenol with Codeine" rather than "Tylenol #1"
    return list(picked.values())


def in_region(hits: list[Hit], region: str | None) -> list[Hit]:
    """The hits that apply in `region`: all of them when no region is chosen, or when the name
    means nothing there in particular (then every country's meaning is shown)."""
    if region is None:
        return hits
    kept = [h for h in hits if not h.regions or region in h.regions]
    return kept or hits


def _finish(result: Resolution, found: list[Found], region: str | None = None) -> Resolution:
    """Keep the region's meaning; split off the guide's own drug ("Lioresal"): it is not an interaction."""
    for item in found:
        hits = in_region(item.hits, region)
        own = [h for h in hits if not h.groups]
        if own:
            result.own_drug.extend(own)
        if len(own) < len(hits):
            result.found.append(Found([h for h in hits if h.groups], item.how, item.key, item.score))
    return result
