"""Step 4 of `ask`, emergencies: which of the file's emergency phrasings a question describes.

`ask.emergency_phrasings` are matched in any order within a short window ("SIGN +
CIRCUMSTANCE" phrasings: both anywhere in the question), with synonyms and typo tolerance.
A match does not count when negated ("no fever"), in the past history ("had fits as a
child"), a condition someone has ("has seizures"), or only asked about ("can it cause fits",
"what happens if i have a seizure", `ask.non_emergency_phrasings`) unless the question says
it happened to someone ("he took too many"). A phrasing word in the past tense ("took") only
matches a past tense. Self-harm phrasings are always an emergency; so is an animal that ate
or took a medicine. The grammar's words come from the language file (tokens.AskWords).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.index import Rule
from baclofen_cli.features.ask.rank import bm25
from baclofen_cli.features.ask.supposed import supposed_event
from baclofen_cli.features.ask.token import NEGATED_WEIGHT, asks_how_to, has_phrase, typed_stem

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex, Phrase
    from baclofen_cli.features.ask.token import Token
    from baclofen_cli.features.ask.tokens import AskWords

# How much the matched emergency phrasings count when choosing the topic of an emergency.
RULE_WEIGHT = 1.0
# Added for the topic the file names for a matched phrasing's words: about two strong matches, so
# the file's word ("jeringa" -> overdose) outweighs a common sign the question also says ("mucho
# sueño"). 8 until session 5; 16 measured on every ask set (none down, four up).
RULE_TOPIC_BONUS = 16.0
NOW_STATE, ASKED_STATE, NOT_STATE = "now", "asked", "no"
# How far (in words that are not filler) the word a phrasing's negation goes with may follow it.
NEGATION_REACH = 3
# Not happening: in the past history, or a condition someone has ("has seizures").
HISTORY_STATE = "history"
# Which state of a phrasing's alternatives counts: happening first, then asked, then history.
_ORDER = {NOW_STATE: 0, ASKED_STATE: 1, HISTORY_STATE: 2}


def clauses_of(tokens: list[Token], words: AskWords) -> list[list[Token]]:
    clauses: list[list[Token]] = [[]]
    for n, token in enumerate(tokens):
        if token.word == "." or token.word in words.clause_words:
            clauses.append([])
        elif token.word in words.clause_joiners and n + 1 < len(tokens) and tokens[n + 1].word in words.clause_verbs:
            clauses.append([token])  # "... and is shaking": the joiner kept, so "is" does not open a question
        else:
            clauses[-1].append(token)
    return [c for c in clauses if c]


def matches(phrase: Phrase, clause: list[Token], words: AskWords, slack: int | None = None,
            ordered: bool = False) -> list[tuple[int, int]]:
    """Where every word of the phrase appears, in any order (`ordered`: in the phrase's order),
    within a short window: (start, end); `slack`: at most that many other words inside it (else
    four times the phrase's length). Nearest positions are found by bisection, so a long message
    costs n log n, not n squared."""
    from bisect import bisect_left

    where, by_stem = _clause_view(clause, words)
    positions: list[list[int]] = []
    for phrase_stem, past in zip(phrase.stems, phrase.past):
        found = [i for i, was_past in by_stem.get(phrase_stem, ()) if was_past or not past]
        if not found:
            return []
        positions.append(found)
    window = 4 * len(phrase.stems) if slack is None else len(phrase.stems) + slack

    def nearest(p: list[int], start: int) -> int:
        k = bisect_left(p, start)
        return min(p[max(0, k - 1) : k + 1], key=lambda i: abs(i - start))

    # A negation of the phrase goes with the word after it ("no respira", "no puede respirar";
    # not "no tengo ningún problema para respirar"). The same word when a synonym brings both
    # ("nonsense": not making sense).
    negated = [k for k, s in enumerate(phrase.stems[:-1]) if s in words.negations]
    # ... and not past a verb of having ("i do not have breathing trouble": the sign is absent).
    having = {words.stem(w) for w in words.habitual} if negated else set()
    spans = []
    def following(p: list[int], after: int) -> int:
        k = bisect_left(p, after)  # the same word may bring two (a synonym)
        return p[k] if k < len(p) else -1

    for start in positions[0]:
        if ordered:
            chosen = [start]
            for p in positions[1:]:
                chosen.append(following(p, chosen[-1]))
                if chosen[-1] < 0:
                    break
            if chosen[-1] < 0:
                continue
        else:
            chosen = [nearest(p, start) for p in positions]
        low, high = min(chosen), max(chosen)
        # With a slack, a number between does not count ("would 30 tablets kill me").
        size = high - low if slack is None else sum(not clause[where[i]].word.isdigit() for i in range(low, high))
        if size < window and all(0 <= chosen[k + 1] - chosen[k] <= NEGATION_REACH
                                 and not any(words.stem(clause[where[i]].word) in having
                                             for i in range(chosen[k] + 1, chosen[k + 1]))
                                 # nor to a word another sign's negation weighed down ("not short of breath")
                                 and clause[where[chosen[k + 1]]].stems.get(phrase.stems[k + 1], 1.0) > NEGATED_WEIGHT
                                 for k in negated):
            spans.append((where[low], where[high]))
    return spans


# The clauses of the question being read -> (the clause, the clause position of each
# non-filler word, stem -> [(word number, past)]): built once per clause, not per phrasing.
_VIEWS: dict[int, tuple[list[Token], list[int], dict[str, list[tuple[int, bool]]]]] = {}


def _clause_view(clause: list[Token], words: AskWords) -> tuple[list[int], dict[str, list[tuple[int, bool]]]]:
    cached = _VIEWS.get(id(clause))
    if cached is not None and cached[0] is clause and len(cached[0]) == len(clause):
        return cached[1], cached[2]
    where = [n for n, t in enumerate(clause) if t.word not in words.filler]
    by_stem: dict[str, list[tuple[int, bool]]] = {}
    for i, n in enumerate(where):
        token = clause[n]
        for s in token.stems:
            by_stem.setdefault(s, []).append((i, token.past))
    if len(_VIEWS) > 64:
        _VIEWS.clear()
    _VIEWS[id(clause)] = (clause, where, by_stem)
    return where, by_stem


def _negated(clause: list[Token], start: int, end: int, words: AskWords, reach: int = 3,
             phrase: Phrase | None = None) -> bool:
    """A negation within `reach` words before the match ("no fever"). A circumstance is
    negated only by the word just before it: in "he will not respond after his tablets" the
    "not" is the sign's. A negation a phrase of its own took in ("not taken" -> missed) does not
    negate the word read with that meaning, but does negate it read as typed, by `phrase`
    ("have not taken any extra": no "took extra")."""
    # Counted in words that are not filler ("no me duele el pecho": the sign is read on "pecho"),
    # and not back past a joiner ("lleva dos días sin él y está convulsionando").
    # A verb of having does not count either: "no tengo fiebre", "does not have a fever".
    ahead: list[Token] = []
    for token in reversed(clause[:start]):
        counted = [t for t in ahead if t.word not in words.filler and t.word not in words.habitual]
        if len(counted) >= reach or token.word in words.clause_joiners:
            break
        ahead.append(token)
    literal = phrase is not None and typed_stem(clause[start].stems) in phrase.stems
    before = [t.word for t in ahead if literal or t.absorbed is not clause[start]]
    inside = {t.word for t in clause[start : end + 1]}
    return any(w in words.negations and w not in inside for w in before)


def _supposed(clause: list[Token], start: int, end: int, words: AskWords) -> bool:
    """A circumstance only supposed ("can he have it with ibuprofen when he has a temperature"):
    after a conditional in its clause, with nothing in the past after the conditional ("... when
    he stopped it", "what do i do if my child swallowed my baclofen" count)."""
    first = next((k for k, t in enumerate(clause[:start]) if t.word in words.conditionals), None)
    return first is not None and not any(t.past for t in clause[first:])


def _years_as_centuries(words: list[str]) -> list[str]:
    """A year ("2023") as its first two digits, so that the file's history phrase "in 20" reads
    "in 2023" as the past. Only for the history check: "took 2000 mg" keeps its amount."""
    return [w[:2] if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20") else w for w in words]


def _prescriber_did_it(words: list[str], start: int, lang: AskWords) -> bool:
    """A prescriber just before the sign, as the one who did it ("my doctor doubled my dose"), not
    someone spoken to or called ("doctor i took 20 pills"): no person word between them."""
    near = words[max(0, start - 2) : start]
    where = [k for k, w in enumerate(near) if w in lang.prescribers]
    return bool(where) and not set(near[where[-1] + 1 :]) & lang.subjects


def _sign_state(clause: list[Token], start: int, end: int, index: AskIndex, done: bool = False,
                often: frozenset[str] = frozenset()) -> str:
    """Whether the sign at clause[start:end+1] is said to be happening (or to have happened):
    NOW_STATE; asked about ("can baclofen cause fits", "what happens if i have a seizure",
    "how do i know if my pump has stopped"): ASKED_STATE; or neither, being in the past
    history, a condition someone has or a puzzled "confused": NOT_STATE."""
    lang = index.words
    cues, how_to = index.cues, index.how_to
    words = [t.word for t in clause]
    # `often`: the words of a "now and then" in the question, which do not say it is now.
    now = has_phrase([w for w in words if w not in often], lang.now)
    if has_phrase(_years_as_centuries(words), lang.history) and not now and not _present_after_history(
            clause, start, lang):
        return HISTORY_STATE
    if has_phrase(words, lang.routine) and not now:
        return NOT_STATE  # "i had my dose again at 2pm as usual" (not "... as usual and now i cant breathe")
    if _prescriber_did_it(words, start, lang) and not set(words) & lang.mistakes:
        return NOT_STATE  # "my doctor doubled my dose" (not "the nurse gave him double by mistake")
    if any(words[k : k + len(tail)] == tail for tail in index.day_words for k in range(end + 1, end + 4)):
        return NOT_STATE  # "le damos el jarabe 2 veces al día", "tomo dos tres veces al día": how often
    inside = clause[start : end + 1]
    before = words[:start]
    people = lang.subjects | lang.ongoing
    if inside[-1].word in lang.puzzled and words[end + 1 : end + 2] and words[end + 1] in lang.puzzled_by:
        return NOT_STATE  # "i'm confused about how to stop": puzzled, not confused
    if inside[-1].word in lang.puzzled and not (set(before) & people) and len(words) <= 2:
        return NOT_STATE  # "mcg and mg, confused.": puzzled
    if words[end + 1 : end + 2] and words[end + 1] in lang.condition_nouns and not now:
        return HISTORY_STATE  # "has cerebral palsy and a seizure disorder": a condition, not an event
    plural = len(inside) == 1 and inside[0].word.endswith("s")
    if plural and lang.habitual & set(before) and not now:
        return HISTORY_STATE  # "my son has (cp and) seizures": a condition he has, not one happening now
    past = any(t.past for t in inside)
    if how_to and asks_how_to(words, how_to, lang.subjects) and not now:
        return ASKED_STATE  # "how do i know if my pump has stopped"
    if plural and not past and not (set(words) & people) and len(words) <= 3:
        return ASKED_STATE  # "seizures", "withdrawal seizures": a topic, not an event
    near = words[max(0, start - 3) : start]
    ongoing = any(w in lang.ongoing for w in near) or any(
        t.word.endswith(lang.gerund_suffixes)
        and any(w in lang.ongoing for w in words[max(0, start + k - 2) : start + k])
        for k, t in enumerate(inside)
    )
    person = any(w in lang.subjects for w in words[max(0, start - 2) : start])
    # "now he is having a seizure": for a sign going on, the person a few words before ("is
    # having a" between).
    going_on = ongoing and any(w in lang.subjects for w in words[max(0, start - 4) : start])
    conditional = any(w in lang.conditionals for w in before)
    # The opener may follow the language's lead-ins ("se puede...", "y si..."; none in English).
    first = 0
    while first < len(words) - 1 and words[first] in lang.opener_lead_ins:
        first += 1
    # A cue read into the sign's own words is no question ("no reacciona": "reacción" is also
    # "side effect"); one elsewhere in the clause is.
    # Nor one read only through a synonym ("so weak i can hardly breathe": "weak" is also "side
    # effect"): some word of the cue is typed.
    cued = any(not (start <= lo and hi <= end) and any(typed_stem(t.stems) in cue.stems for t in clause[lo : hi + 1])
               for cue in cues for lo, hi in matches(cue, clause, lang))
    asked = (
        cued
        or (words[first] in lang.question_openers
            and (len(words) < first + 2 or words[first + 1] != lang.role("not")))
        or conditional
    )
    if not asked:
        return NOW_STATE
    # Asked about: only a person it happens to makes it a description ("what do i do, he
    # took too many", "is it normal that she is not breathing"), not "can tablets be crushed".
    if past and (done or any(w in lang.subjects for w in before)):
        return NOW_STATE  # "is 180 mg in one go dangerous? already done it"
    if going_on or (person and not conditional and not cued):
        return NOW_STATE
    return ASKED_STATE


def _present_after_history(clause: list[Token], start: int, lang: AskWords) -> bool:
    """A present-tense verb between a phrase of the past and the sign: "ran out last week and
    is seeing things" is now; "last week her dose was given twice", "has had fits" are not."""
    words = [t.word for t in clause]
    ends = [k + len(p.split()) for p in lang.history for k in range(len(words))
            if words[k : k + len(p.split())] == p.split()]
    for k in range(min(ends, default=len(words)), min(start + 1, len(words))):
        following = clause[k + 1] if k + 1 < len(clause) else None
        perfect = following is not None and (following.past or following.word in lang.perfect)
        if words[k] in lang.present and not perfect:
            return True
    return False


def emergency_rules(tokens: list[Token], index: AskIndex) -> list[Rule]:
    """The emergency phrasings the question describes (see `_sign_state`); none if it only
    asks about a risk."""
    return emergency_signs(tokens, index)[0]


def emergency_signs(tokens: list[Token], index: AskIndex) -> tuple[list[Rule], bool]:
    """The emergency phrasings the question describes, and whether it asks about one without
    describing it ("can baclofen cause fits": then the answer leads with the signs, no alarm)."""
    found, asked, _ = signs_described_and_asked(tokens, index)
    return found, bool(asked)


def signs_described_and_asked(tokens: list[Token], index: AskIndex) -> tuple[list[Rule], list[Rule], list[Rule]]:
    """The emergency phrasings the question describes; those it only asks about ("does
    coming off it cause fits": the circumstance, stopping, says which topic answers); and those
    in the past history or a condition someone has ("had a fit years ago, can i take it")."""
    lang = index.words
    clauses = clauses_of(tokens, lang)
    found: list[Rule] = []
    asked: list[Rule] = []
    had: list[Rule] = []
    done = any(t.word in lang.already for t in tokens)
    # "what would happen if i took too much one day": a supposed event, asked about, unless the
    # question also says it is now ("... i took 10 today").
    every = [t.word for t in tokens]
    supposed = supposed_event(tokens, lang)
    # "has seizures now and then": found in the whole question once (the phrase may span
    # clauses: "then" ends one), its words are not read as "now" in any clause.
    often = frozenset(w for p in lang.not_now for w in p.split()) if has_phrase(every, lang.not_now) else frozenset()
    for choice in index.emergency:
        # Each circumstance: the first alternative the question says, not negated or supposed.
        context: list[Phrase] = []
        for alternatives in choice.contexts:
            hit = next((part for part in alternatives
                        if any(not _negated(c, lo, hi, lang, reach=1) and not _supposed(c, lo, hi, lang)
                               for c in clauses for lo, hi in matches(part, c, lang))), None)
            if hit is None:
                break
            context.append(hit)
        else:
            state, sign = "", None
            for alternative in choice.signs:
                # A one-word sign alone negated ("no seizures, but can it cause them") is a
                # condition someone has not: read like the history (the condition topic answers).
                states = {
                    HISTORY_STATE if _negated(clause, start, end, lang, phrase=alternative)
                    else _sign_state(clause, start, end, index, done, often)
                    for clause in clauses
                    for start, end in matches(alternative, clause, lang)
                    if (len(alternative.stems) == 1 and not choice.contexts)
                    or not _negated(clause, start, end, lang, phrase=alternative)
                }
                for rank_state in (NOW_STATE, ASKED_STATE, HISTORY_STATE):
                    if rank_state in states and (not state or _ORDER[rank_state] < _ORDER[state]):
                        state, sign = rank_state, alternative
                if state == NOW_STATE:
                    break
            if sign is not None:
                if supposed and state == NOW_STATE:
                    state = ASKED_STATE
                rule = Rule(sign=sign, context=context)
                {NOW_STATE: found, ASKED_STATE: asked, HISTORY_STATE: had}[state].append(rule)
    return found, asked, had


def pet_words(tokens: list[Token], index: AskIndex) -> list[str]:
    pets = set(index.pets)
    return [t.word for t in tokens if t.word in pets]


def ate_or_took(tokens: list[Token], words: AskWords) -> bool:
    """A past "took", "ate", "swallowed", "got into", or one going on ("the dog is eating my
    tablets"), said of an animal: an emergency. Not negated, by the rule every sign is read with
    (`_negated`: "el perro no se ha comido nada"), nor in the past history with nothing said to
    be now in its clause ("last year the dog got one and the vet sorted it")."""
    for clause in clauses_of(tokens, words):
        said = [t.word for t in clause]
        over = has_phrase(_years_as_centuries(said), words.history) and not has_phrase(said, words.now)
        if not over and any((t.past or t.word.endswith(words.gerund_suffixes)) and words.eating_stems & t.stems.keys()
                            and not _negated(clause, n, n, words) for n, t in enumerate(clause)):
            return True
    return False


def rule_evidence(index: AskIndex, rules: list[Rule]) -> dict[str, float]:
    """Which topic the matched emergency phrasings themselves point to ("took extra" ->
    the overdose topic, "hallucinations + stop" -> stopping): BM25 of their words, the best
    document of each topic."""
    slots: list[dict[str, float]] = []
    for rule in rules:
        # The circumstance ("stop", "pump") tells the topics apart better than the sign.
        for phrase in rule.context or [rule.sign]:
            slots += [{s: 1.0} for s in phrase.stems if {s: 1.0} not in slots]
    best: dict[str, float] = {}
    for number, values in bm25(index, slots).items():
        topic = index.docs[number].topic
        best[topic] = max(best.get(topic, 0.0), sum(values))
    # The file's own word for which topic answers a phrasing (`ask.emergency_phrasing_topics`).
    for rule in rules:
        pointed = pointed_topic(index, rule)
        if pointed:
            best[pointed] = best.get(pointed, 0.0) + RULE_TOPIC_BONUS
    return best


def pointed_topic(index: AskIndex, rule: Rule) -> str | None:
    """The topic `ask.emergency_phrasing_topics` names for the phrasing's words, if any."""
    stems = {s for phrase in (rule.sign, *rule.context) for s in phrase.stems}
    return next((t for s, t in index.rule_topics if s in stems), None)


def mentioned_topic(index: AskIndex, asked: list[Rule], had: list[Rule], condition_topic: str | None) -> str | None:
    """The topic that answers emergency signs only mentioned: asked about in a circumstance the
    file names a topic for ("does coming off it cause fits", "withdrawal cause seizures?":
    stopping); said to be in the past ("last year i took too many ... how do i stop it
    happening": overdose), else a condition someone has: `condition_topic` ("had a fit years
    ago, can i still take it"). None when the signs point to more than one topic."""
    # Only a circumstance says it: a sign alone asked about may be a loose match of its words.
    pointed = {t for t in (pointed_topic(index, r) for r in asked if r.context) if t}
    if not pointed and had:
        pointed = {t for t in (pointed_topic(index, r) for r in had) if t}
        if not pointed and condition_topic:
            pointed = {condition_topic}
    return next(iter(pointed)) if len(pointed) == 1 else None
