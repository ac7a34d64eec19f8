"""Find the drug a patient means: "Percocet", "percoset", "my Xanax 2mg", "co-codamol", "beer".

How a typed name is resolved (``resolve``):

1. Normalise. Case, accents, hyphens and punctuation go; "#3" becomes "3"; doses ("10mg",
   "5/325") and filler words ("my", "some", "tablets", "XR", "hydrochloride") are dropped.
   The knowledge file's names go through the same function when the index is built, so
   "Toprol-XL" in the file and "toprol xl 50 mg" typed both become "toprol".
2. Exact. The normalised name, then the same without bare numbers ("oxycontin 20"), then
   without spaces ("oxy contin" -> "oxycontin").
3. Contained. Names inside a longer phrase, longest first: "tylenol with codeine please",
   "xanax and beer" (two answers). A street or everyday name (`street_names`) counts only with
   the words street.py allows beside it: "a joint", "two bars", but not "pot noodle".
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

from baclofen_cli.features.interactions.names import (
    NUMBER,
    DrugIndex,
    Found,
    Hit,
    NameWords,
    Resolution,
    as_typed,
    normalise,
    raw_key,
    readable,
    without_numbers,
)

# ------------------------------------------------------------------ resolving


def resolve(index: DrugIndex, query: str, region: str | None = None) -> Resolution:
    """What a typed name means. Never guesses between two drugs; never says an unknown name is fine.

    `region` keeps only that region's meaning of a brand that means different drugs in different
    countries; None keeps every meaning."""
    result = Resolution(query=query)
    result.unread = readable(query)[1]
    words = index.words
    key = normalise(query, words)
    if not key:
        return result
    raw = raw_key(query, words).split()
    for form in (" ".join(raw), key, without_numbers(key)):
        exact = _exact(index, form)
        if exact:
            if exact in index.street and form.split() != raw and not _street_kept(index, exact, form.split(), raw):
                return result  # a street word in an everyday phrase ("skunk spray"): not in this guide
            hits = index.names[exact]
            if form.split() != raw and (free := _says_free_of(index, query)):
                hits = [h for h in hits if normalise(h.drug, words) not in free]  # "Guinness 0.0"
                if not hits:
                    return result
            return _finish(result, [Found(hits, "exact", exact)], region)
    from baclofen_cli.features.interactions.fuzzy import SHORT_NAME, did_you_mean, fuzzy_match

    tokens = without_numbers(key).split()
    found, leftover, known, before = _contained(index, key.split(), raw)
    if not found and not known and len(tokens) > 1:
        found, leftover, known, before = _contained(index, tokens, raw)
    if found or known:
        adds = [t for t in dict.fromkeys(leftover) if t in words.added] if found else []
        added = [_exact(index, normalise(words.added[t], words)) for t in adds]
        leftover = [t for t in leftover if t not in adds]
        slips = {t: f for t in dict.fromkeys(leftover) if (f := _slip_in_phrase(index, t, raw, [])) is not None}
        # A brand with an unknown word of its own before it is another product or a street name of
        # another drug ("kitty valium" is ketamine): not that brand. Words that describe the
        # product ("Children's Benadryl", "liquid Advil") are not another name.
        everyday = words.amounts | words.forms | words.mixers | words.times | words.uses | words.describing
        unknown = {t for near in before.values() for t in near
                   if t not in adds and t not in slips and t not in everyday}
        found = [f for f in found if not (f.key in index.brands and before.get(f.key, set()) & unknown)]
        if not found and unknown:
            return result
        found += [Found(index.names[k], "contained", k) for k in added if k]
        found += list(slips.values())
        return _finish(result, found, region)
    # Nothing known by exact spelling: only now pay for rapidfuzz.
    whole = " ".join(tokens)
    near: list[tuple[float, str]] = []
    match = fuzzy_match(index, whole, near) if whole else None
    typed = as_typed(query, words)
    if match is None and whole and typed != whole:
        # "methados", "gralis": the name cut short on an "s" of its own, not a plural ("altas" is
        # not Altace, "recetas" not Restasis: only a name that starts with all that was typed).
        cut = fuzzy_match(index, typed, [])
        if cut is not None and cut.key.replace(" ", "").startswith(typed.replace(" ", "")):
            match = cut
    if match is not None:
        return _finish(result, [match], region)
    if len(tokens) > 1:
        named = [t for t in dict.fromkeys(tokens) if t not in words.connectors]
        parts = [f for t in named if (f := _slip_in_phrase(index, t, raw, near)) is not None
                 and not _free_of(index, tokens, tokens.index(t), tokens.index(t) + 1) & _drugs_of(f, words)]
        everyday = words.amounts | words.forms | words.mixers | words.times
        if len(parts) < len([t for t in named if t not in everyday]):
            # A word of an unknown name is most often part of that name ("Feminax Ultra" is not
            # Ultram): beside an unknown word only a slip of a long name is evidence enough.
            parts = [f for f in parts if len(f.key.replace(" ", "")) > SHORT_NAME]
        if parts:
            return _finish(result, parts, region)
    result.suggestions = did_you_mean(index, whole, near)
    return result


def _drugs_of(found: Found, words: NameWords) -> set[str]:
    return {normalise(h.drug, words) for h in found.hits}


def _exact(index: DrugIndex, form: str) -> str | None:
    if form in index.names:
        return form
    return index.squashed.get(form.replace(" ", "")) if form else None


def _contained(
    index: DrugIndex, tokens: list[str], raw: list[str]
) -> tuple[list[Found], list[str], bool, dict[str, set[str]]]:
    """Known names inside a phrase, longest first, without overlaps, in the order typed.

    Returns (the drugs found, the words left over, whether a known non-drug phrase such as
    "root beer" was among them: its words are used up, so "beer" is not read on its own). A
    street name with an everyday word beside it ("pot noodle") is such a phrase too (street.py);
    `raw` is the phrase with its filler words, which that rule looks at."""
    used = [False] * len(tokens)
    spans: list[tuple[int, Found]] = []
    sizes: dict[int, int] = {}
    known = False
    for size in range(min(index.max_tokens, len(tokens)), 0, -1):
        for start in range(len(tokens) - size + 1):
            if any(used[start : start + size]):
                continue
            window = tokens[start : start + size]
            if all(t in index.words.connectors for t in window):
                continue
            key = _exact(index, " ".join(window))
            if key is not None:
                if index.names[key]:
                    spans.append((start, Found(index.names[key], "contained", key)))
                    sizes[start] = size
                else:
                    known = True
                used[start : start + size] = [True] * size
    if any(f.key in index.street for _, f in spans):
        spans, dropped = _street_rule(index, tokens, raw, spans, sizes)
        known = known or dropped
    if index.words.free_of:
        spans, dropped = _free_of_rule(index, tokens, spans, sizes)
        known = known or dropped
    leftover = [t for t, u in zip(tokens, used) if not u and t not in index.words.connectors and not NUMBER.match(t)]
    # The word left over right before each name found (no connector between): found key -> words.
    before: dict[str, set[str]] = {}
    for start, found in spans:
        at = start - 1
        if at >= 0 and not used[at] and tokens[at] not in index.words.connectors and not NUMBER.match(tokens[at]):
            before.setdefault(found.key, set()).add(tokens[at])
    return [f for _, f in sorted(spans, key=lambda s: s[0])], leftover, known, before


def _free_of_rule(
    index: DrugIndex, tokens: list[str], spans: list[tuple[int, Found]], sizes: dict[int, int]
) -> tuple[list[tuple[int, Found]], bool]:
    """Drop the drug a word right beside its name says is not in it ("alcohol-free beer", "virgin
    mojito", "beer 0.0"): that drink is not in this guide. Returns (the spans kept, any dropped)."""
    kept: list[tuple[int, Found]] = []
    for start, found in spans:
        free = _free_of(index, tokens, start, start + sizes[start])
        hits = [h for h in found.hits if normalise(h.drug, index.words) not in free]
        if hits:
            kept.append((start, found if len(hits) == len(found.hits) else Found(hits, found.how, found.key)))
    return kept, len(kept) < len(spans)


def _free_of(index: DrugIndex, tokens: list[str], start: int, end: int) -> set[str]:
    """The drugs (normalised) that words right before `start`, from `end` or around the name
    `tokens[start:end]` say are not in it ("alcohol" of "no alcohol" is one of those words)."""
    free: set[str] = set()
    for marker, drug in index.words.free_of.items():
        words = _marker_words(marker, index.words)
        size = len(words)
        for at in range(max(0, start - size), min(end, len(tokens) - size) + 1):
            if tokens[at : at + size] == words and (at + size == start or at == end or at <= start < at + size):
                free.add(normalise(drug, index.words))
                break
    return free


def _says_free_of(index: DrugIndex, query: str) -> set[str]:
    """The drugs (normalised) a no-drug word anywhere in `query` denies ("Guinness 0.0%"), read
    before doses are dropped: for a phrase that is one name once its other words are gone."""
    if not index.words.free_of:
        return set()
    typed = _light_words(query)
    free = set()
    for marker, drug in index.words.free_of.items():
        words = _light_words(marker)
        if any(typed[at : at + len(words)] == words for at in range(len(typed) - len(words) + 1)):
            free.add(normalise(drug, index.words))
    return free


def _marker_words(marker: str, words: NameWords) -> list[str]:
    return normalise(marker, words).split()


def _light_words(text: str) -> list[str]:
    """Lower-case words and numbers ("0.0%" -> "0.0"), accents and other marks gone."""
    import re
    import unicodedata

    folded = unicodedata.normalize("NFKD", readable(text)[0]).casefold().replace(",", ".")
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.findall(r"\d+(?:\.\d+)?|[a-z]+", folded)


def _street_rule(
    index: DrugIndex, tokens: list[str], raw: list[str], spans: list[tuple[int, Found]], sizes: dict[int, int]
) -> tuple[list[tuple[int, Found]], bool]:
    """Drop the street names that sit inside an everyday phrase (street.py). Their words stay
    used up, so "hash" of "hash browns" is never matched again as a misspelling."""
    from baclofen_cli.features.interactions.street import kept_neighbours

    def is_name_slip(word: str) -> bool:
        from baclofen_cli.features.interactions.fuzzy import fuzzy_match  # only for a word no rule allows

        return fuzzy_match(index, word, [], street=False) is not None

    at = _positions(tokens, raw)
    if at is None:
        return spans, False
    placed = [(at[start], at[start + sizes[start] - 1], found.key in index.street) for start, found in spans]
    keep = kept_neighbours(raw, placed, is_name_slip, index.words)
    # A street name that is also a describing word or a measure, right before another name or its
    # "of", describes it ("blue xanax", "brown bars", "a pot of beer"): it is not a second drug.
    starts = {first for (first, _, _), k in zip(placed, keep) if k}
    of = index.words.role("of")
    describing = [k and street and first == last and raw[first] in index.words.amounts
                  and (last + 1 in starts or (last + 2 in starts and raw[last + 1] == of))
                  for (first, last, street), k in zip(placed, keep)]
    kept = [span for span, k, d in zip(spans, keep, describing) if k and not d]
    return kept, not all(keep)


def _slip_in_phrase(index: DrugIndex, word: str, raw: list[str], near: list[tuple[float, str]]) -> Found | None:
    """The name one word of a phrase is a typing slip of; a street name only with words beside
    it that street.py allows ("couple of whiskeys" is, "browm rice" is not)."""
    from baclofen_cli.features.interactions.fuzzy import fuzzy_match

    found = fuzzy_match(index, word, near)
    if found is not None and found.key in index.street and not _street_kept(index, found.key, [word], raw):
        return None
    return found


def _street_kept(index: DrugIndex, key: str, tokens: list[str], raw: list[str]) -> bool:
    """Whether a street name that is the whole phrase once filler words are dropped still counts
    with those words put back ("a joint" does, "skunk spray" does not)."""
    return not _street_rule(index, tokens, raw, [(0, Found([], "exact", key))], {0: len(tokens)})[1]


def _positions(tokens: list[str], raw: list[str]) -> list[int] | None:
    """Where each of `tokens` (the phrase without filler words) sits among `raw` (with them)."""
    at: list[int] = []
    j = 0
    for token in tokens:
        while j < len(raw) and raw[j] != token:
            j += 1
        if j == len(raw):
            return None
        at.append(j)
        j += 1
    return at


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
