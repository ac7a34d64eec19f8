"""Misspelt drug names: the fuzzy match (only a typing slip of a name counts as that name) and "did you mean".

rapidfuzz is imported only here, and only when no name matched exactly."""

from __future__ import annotations

from baclofen_cli.features.interactions.names import VOWELS, DrugIndex, Found, Hit, normalise, skeleton, sound

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
# Names up to this long sit among many other real names two vowels away (Apranax, Aprinox).
CROWDED_NAME = 8
# Points taken off a consonants-only comparison (see skeleton), so it only wins when the
# vowels alone are wrong.
SKELETON_PENALTY = 8.0
MAX_SUGGESTIONS = 3
# Heard, not seen: "m" and "n" sound alike at the end of a syllable ("ambiem" for Ambien).
NASALS = frozenset("mn")


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


def fuzzy_match(index: DrugIndex, query: str, near: list[tuple[float, str]], street: bool = True) -> Found | None:
    """The name `query` is a typing slip of, if any. `street=False`: never a street or everyday
    word ("brown" of "brown rice" is not heroin): for one word of a longer phrase."""
    if len(query.replace(" ", "")) < MIN_FUZZY_LENGTH - 1 or any(ch.isdigit() for ch in query):
        return None
    scored = _candidates(index, query)
    near.extend(scored[: MAX_SUGGESTIONS * 3])
    usable = []
    for score, key in scored:
        length = len(key.replace(" ", ""))
        if length < MIN_FUZZY_LENGTH or any(ch.isdigit() for ch in key) or _extends(key, query):
            continue
        if key in index.street and (not street or len(key.split()) != len(query.split())):
            continue  # a street name only for a slip of all of it ("liquid" is not "liquid e")
        if key in index.street and _one_vowel_changed(query, key):
            continue  # slang with another vowel is another word ("dollies" is not "dillies")
        if length <= SHORT_NAME:
            if not _close_short(query, key, keyboard=key not in index.street):
                continue
            score = max(score, SLIP_SCORE)  # a plain typing slip on a short name is strong evidence
        usable.append((score, key))
    usable.sort(key=lambda s: (-s[0], s[1]))
    if not usable or usable[0][0] < FUZZY_CUTOFF:
        return None
    best_score, best_key = usable[0]
    best_drugs = _drug_set(index.names[best_key])
    # A one-letter slip of a name is not in doubt beside a name the typed word is no slip of
    # ("hydrocodine": hydrocodone with one vowel wrong, dihydrocodeine three letters away; "fentany":
    # fentanyl's last letter missing, phenytoin another word). Only a vowel for a vowel in a short
    # name stays in doubt: those sit among other real brands ("Apronax" is neither Apranax nor Aprinox).
    clear = any(best_score - score <= AMBIGUITY_MARGIN and _drug_set(index.names[key]) == best_drugs
                and _one_letter(query, key) and is_slip(query, key)
                and (len(key.replace(" ", "")) > CROWDED_NAME or not _vowel_for_vowel(query, key))
                for score, key in usable)
    for score, key in usable[1:]:
        if best_score - score > AMBIGUITY_MARGIN:
            break
        if _drug_set(index.names[key]) != best_drugs and not (clear and not is_slip(query, key)):
            return None  # two different drugs are about as close: ask, don't guess
    # The drug's names as close as its best one ("frusemide", "furosemide" for "furosamide"): a slip
    # of any of them counts; otherwise close, but most likely another real drug ("did you mean").
    for score, key in usable:
        if best_score - score > AMBIGUITY_MARGIN:
            break
        if _drug_set(index.names[key]) == best_drugs and is_slip(query, key, keyboard=key not in index.street):
            return Found(index.names[key], "fuzzy", key, score)
    return None


def _one_letter(query: str, key: str) -> bool:
    """One letter wrong, missing, extra or two swapped, as typed."""
    from rapidfuzz.distance import OSA

    return OSA.distance(query.replace(" ", ""), key.replace(" ", "")) <= 1


def _vowel_for_vowel(query: str, key: str) -> bool:
    """One vowel typed for another, nothing else wrong."""
    q, k = query.replace(" ", ""), key.replace(" ", "")
    diff = [i for i in range(len(q)) if len(q) == len(k) and q[i] != k[i]]
    return len(diff) == 1 and q[diff[0]] in VOWELS and k[diff[0]] in VOWELS


def is_slip(query: str, key: str, keyboard: bool = False) -> bool:
    """True when `query` is a typing slip of `key` itself, not another name that looks alike.

    Slips: the same sound ("percoset"), one letter wrong, missing, extra or two swapped
    ("neurotin", "codiene"), or up to two vowels wrong with the same first sound ("klonapin",
    "vicaden"). Different drugs of one family differ in their consonants or their start
    ("flurazepam"/"lorazepam", "thioridazine"/"thorazine", "esketamine"/"ketamine")."""
    from rapidfuzz.distance import OSA  # optimal string alignment: a swap of two letters is one slip

    q, k = query.replace(" ", ""), key.replace(" ", "")
    if len(k) <= SHORT_NAME:
        return _close_short(query, key, keyboard)
    q_sound, k_sound = sound(query).replace(" ", ""), sound(key).replace(" ", "")
    if q_sound == k_sound:
        return True
    if OSA.distance(q, k) <= 1:
        return True
    if q_sound[:1] != k_sound[:1]:
        # Another first sound is a slip only as typed (one key: "zertraline"); as sounded it is
        # another name ("Phenytek", "fenitek", is not "Renitec").
        return False
    if OSA.distance(q_sound, k_sound) <= 1:
        return True
    if len(k) > CROWDED_NAME and _liquid_slip(q_sound, k_sound):
        return True
    # Only vowels wrong, and at most two of them ("vicaden"); a vowel more or less in several
    # places is another word ("protien" is not "piriton"). With two wrong in a short name, the
    # last vowel may only be a blurred one (a, e, i: "vicaden"): there a brand's last vowel is its
    # own ("Apranax", naproxen, is not "Aprinox", a diuretic).
    return (
        q_sound[:1] == k_sound[:1]
        and skeleton(q_sound) == skeleton(k_sound)
        and OSA.distance(q_sound, k_sound) <= 2
        and (len(k) > CROWDED_NAME or _same_last_vowel(q_sound, k_sound))
    )


# Consonants said softly after another consonant: "propanolol" for propranolol ("pr" heard as "p"),
# or heard in the wrong cluster ("metropolol" for metoprolol, "zoplicone" for zopiclone).
_LIQUIDS = frozenset("rl")


def _unclustered(sounded: str) -> set[str]:
    """`sounded` with one "r" or "l" that follows a consonant left out, each way it can be."""
    return {sounded[:i] + sounded[i + 1 :] for i in range(1, len(sounded))
            if sounded[i] in _LIQUIDS and sounded[i - 1] not in VOWELS and sounded[i - 1] != " "}


def _liquid_slip(typed: str, meant: str) -> bool:
    """True when `typed` and `meant` (sounded) are the same name once an "r" or "l" of a consonant
    cluster is left out of one or both, with at most one vowel swapped for another besides (no
    letter more or less: "Prandin" is not "Panadeine"). Only for long names (the caller's check):
    short ones sit among other real names one consonant apart."""
    typed_forms, meant_forms = _unclustered(typed) | {typed}, _unclustered(meant) | {meant}
    return any((t, m) != (typed, meant) and _one_vowel_apart(t, m) for t in typed_forms for m in meant_forms)


def _one_vowel_apart(a: str, b: str) -> bool:
    diff = [i for i in range(len(a)) if len(a) == len(b) and a[i] != b[i]]
    return len(a) == len(b) and (not diff or (len(diff) == 1 and a[diff[0]] in VOWELS and b[diff[0]] in VOWELS))


# Vowels patients blur in a name's last syllable ("vicaden" for Vicodin, "-ene" for "-ine").
_BLURRED = frozenset("aei")


def _same_last_vowel(typed: str, meant: str) -> bool:
    last = [next((ch for ch in reversed(word) if ch in VOWELS), "") for word in (typed, meant)]
    return last[0] == last[1] or {*last} <= _BLURRED


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
    consonants = OSA.distance(skeleton(q_sound), skeleton(k_sound))
    if consonants > 1:
        return False
    if consonants == 1:
        # A consonant wrong AND a vowel wrong is another word, most often another class of
        # medicine ("Coltramyl" is not "Contramal", "Amytal" is not "Amytril"): one slip only.
        return OSA.distance(q_sound, k_sound) <= 1
    if OSA.distance(q_sound, k_sound) <= 1:
        return True
    # Two vowels wrong in a short name, the last one not blurred, is another brand (see is_slip).
    return OSA.distance(q, k) <= 2 and (len(k) > CROWDED_NAME or _same_last_vowel(q_sound, k_sound))


def _close_short(query: str, key: str, keyboard: bool = False) -> bool:
    """Short names ("lager", "sherry", "xanax") sit one letter from everyday words ("larger",
    "cherry"), so only typing slips count: the same sound, one vowel swapped, two letters
    swapped, the last letter missing or doubled, or one vowel missing or extra ("valum").
    `keyboard` (a medicine's own name or brand, never a street or drink word, which sit among
    everyday words): the last consonant may also be a key beside it or the letter before it
    again ("zoloff", "xanaz" for Zoloft, Xanax)."""
    q, k = query.replace(" ", ""), key.replace(" ", "")
    if sound(q) == sound(k):
        return True
    if len(q) == len(k):
        diff = [i for i in range(len(q)) if q[i] != k[i]]
        if len(diff) == 1:
            typed, meant = q[diff[0]], k[diff[0]]
            if keyboard and diff[0] == len(k) - 1 and meant not in VOWELS and typed not in VOWELS \
                    and (typed in _KEYS_BESIDE.get(meant, "") or typed == k[-2]):
                return True
            # A vowel for a vowel, or one nasal for the other after the first letter ("ambiem").
            return (typed in VOWELS and meant in VOWELS) or (diff[0] > 0 and {typed, meant} == NASALS)
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
        longer[i] in VOWELS and longer[:i] + longer[i + 1 :] == shorter for i in range(1, len(longer) - 1)
    )


# The keys around each letter on a QWERTY keyboard (a finger that lands one key off).
_KEYS_BESIDE = {
    "q": "wa", "w": "qeas", "e": "wrsd", "r": "etdf", "t": "ryfg", "y": "tugh", "u": "yihj", "i": "uojk",
    "o": "ipkl", "p": "ol", "a": "qwsz", "s": "awedzx", "d": "serfxc", "f": "drtgcv", "g": "ftyhvb",
    "h": "gyujbn", "j": "huiknm", "k": "jiolm", "l": "kop", "z": "asx", "x": "zsdc", "c": "xdfv",
    "v": "cfgb", "b": "vghn", "n": "bhjm", "m": "njk",
}


def _one_vowel_changed(query: str, key: str) -> bool:
    q, k = query.replace(" ", ""), key.replace(" ", "")
    diff = [i for i in range(len(q)) if len(q) == len(k) and q[i] != k[i]]
    # Inside the word: an ending is grammar ("bubbles", "bubbly"), a vowel inside is another word.
    return len(diff) == 1 and 0 < diff[0] < len(q) - 1 and q[diff[0]] in VOWELS and k[diff[0]] in VOWELS


def _extends(key: str, query: str) -> bool:
    """True when `key` is `query` plus more words or letters: "tylenol pm" for "tylenol"."""
    k, q = key.replace(" ", ""), query.replace(" ", "")
    return len(k) - len(q) >= 2 and k.startswith(q[: max(4, len(q) - 1)])


def _drug_set(hits: list[Hit]) -> frozenset[str]:
    return frozenset(h.drug for h in hits)


def _product_family(index: DrugIndex, first: str, key: str) -> bool:
    """Whether `key` is a product of the brand `first` ("tylenol" -> Tylenol PM): a brand's name,
    whose first word is not one of its ingredients ("carbidopa" is not carbidopa/levodopa, another
    drug) nor a word of a salt ("calcium carbonate" is not "calcium ... oxybates")."""
    if key not in index.brands or first in index.words.filler:
        return False
    parts = {normalise(name, index.words) for h in index.names[key] for name in (h.drug, *h.also)}
    return first not in {word for part in parts for word in part.split()}


def did_you_mean(index: DrugIndex, query: str, near: list[tuple[float, str]]) -> list[str]:
    """Close names, one per product: "tylenol" -> Tylenol with Codeine, Tylenol PM."""
    if not query:
        return []
    from rapidfuzz import fuzz

    first = query.split()[0]
    family = [(fuzz.ratio(query, k), k) for k in index.sounds
              if len(first) >= 4 and k.split()[0] == first and _product_family(index, first, k)]
    ranked = sorted({*family, *near}, key=lambda s: (-s[0], s[1]))
    picked: dict[tuple[str, ...], str] = {}
    phrase = len(query.split()) > 1
    for score, key in ranked:
        if (score, key) not in family and (score < SUGGEST_CUTOFF or not _looks_like(query, key)):
            continue
        if key in index.street and (phrase or _one_vowel_changed(query, key)):
            continue  # "a glass of water" is not "glass of white"; "hash browns" is not "hash oil"
        hits = index.names[key]
        product = tuple(sorted({h.via or h.drug for h in hits}))
        shown = picked.get(product)
        if shown is None and len(picked) >= MAX_SUGGESTIONS:
            continue
        if shown is None or (any(c.isdigit() for c in shown) and not any(c.isdigit() for c in key)):
            picked[product] = hits[0].matched  # "Tylenol with Codeine" rather than "Tylenol #1"
    return list(picked.values())
