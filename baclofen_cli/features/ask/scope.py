"""Step 5 of `ask`, in scope or not: whether the best topic's score is enough to answer.

A question that names the medicine needs little; one that says "it", "my tablets" or "the
dose" needs more; one that does neither needs MIN_SCORE, with the score scaled by the share of
the question the topic explains (a word the file never uses counts against it). Never
answered: a question about another medicine that does not speak of this one ("side effects
of metformin", "how much melatonin should i take"), a "what is ..." question about something
else ("what is multiple sclerosis"), or one that matches a question about the medicine with
something else in the place of "it" ("how long does a cold last").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.emergency import signs_described_and_asked
from baclofen_cli.features.ask.mixing import joined_before, other_named_first
from baclofen_cli.features.ask.mixing import names_medicine as names_medicine  # the guide's import
from baclofen_cli.features.ask.question import content_tokens
from baclofen_cli.features.ask.rank import is_weak
from baclofen_cli.features.ask.subject import implied_subject, named_just_before
from baclofen_cli.features.ask.token import has_phrase, typed_stem
from baclofen_cli.features.ask.tokens import is_definition

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex
    from baclofen_cli.features.ask.rank import Ranked
    from baclofen_cli.features.ask.token import Token
    from baclofen_cli.features.ask.tokens import AskWords

# Out of scope: the best topic's score (BM25 x the share of the question's words the topic
# explains) must reach MIN_SCORE when the question speaks neither of the medicine nor of
# "it"/"my tablets"/"the dose". Measured with tests/test_ask.py::test_report_threshold_margin
# (`pytest -q -s tests/test_ask.py -k margin`) on ask_phrasings + ask_holdout, with the
# knowledge file of the second pass: the 18 out-of-scope questions that reach this rule score
# at most 3.15; the 17 in-scope ones at least 5.72 (median 14.6). 4.5 sits between, nearer the
# out-of-scope side (it was 4.0 until a probe, "how do i know if i have ms", scored 4.01).
MIN_SCORE = 4.5
# ... and this when its best match is a question about the medicine ("can i drink coffee with
# it") although the question does not speak of the medicine.
ABOUT_MIN_SCORE = 1.5 * MIN_SCORE
# A question that names the medicine, a drug from the interactions block, or an emergency
# is in scope by definition; then a weaker match is enough (0 for an emergency).
ANCHORED_MIN_SCORE = 1.0
# A question that speaks of "it", "my tablets" or "the dose" is most likely about the medicine.
REFERENCED_MIN_SCORE = 2.5
# A question that names another medicine but not this one is answered (from the interactions
# topic) only when that topic explains this share of it: "beer?", "can i take ibuprofen", not
# "how much paracetamol can a child have".
SUBSTANCE_COVERAGE = 0.8
# A question that does not speak of the medicine and is matched best by a phrasing about it
# ("how long does it last") is out of scope unless the topic explains this share of it.
FULL_COVERAGE = 0.8
# A question of at most this many meaningful words, all of them known to the file ("fever",
# "dry mouth"), needs only ANCHORED_MIN_SCORE: a patient's first try is often one word.
SHORT_QUESTION_WORDS = 2
# How far from a reference read by its stem only another medicine or a drink makes it theirs.
REFERENCE_REACH = 3


def _drug_spans(tokens: list[Token], index: AskIndex) -> list[tuple[int, int, str]]:
    """(first token, last token, name as typed) of each name from the interactions block in
    the question (whole words: "xanax", "st johns wort"); one slip of the keyboard is allowed
    ("xanex")."""
    # Two slips could turn another word into a drug name ("translate" -> "trandate").
    words = [t.corrected if t.corrected and t.distance <= 1 else t.word for t in tokens]
    longest = index.drug_words
    spans: list[tuple[int, int, str]] = []
    start = 0
    while start < len(words):
        for size in range(min(longest, len(words) - start), 0, -1):
            key = " ".join(words[start : start + size])
            if key in index.drugs:
                spans.append((start, start + size - 1, key))
                start += size
                break
        else:
            start += 1
    return spans


def mentioned_drugs(tokens: list[Token], index: AskIndex) -> list[str]:
    """Names from the interactions block that the question mentions, as typed, once each."""
    found: list[str] = []
    seen: set[str] = set()
    for _, _, key in _drug_spans(tokens, index):
        if index.drugs[key] not in seen:
            seen.add(index.drugs[key])
            found.append(key)
    return found


def substances(tokens: list[Token], index: AskIndex) -> dict[int, str]:
    """Token position -> the other medicine, drink or drug it names: by name ("xanax"), or
    through the file's synonyms ("pints" -> alcohol; "paracetamol" -> other medicines)."""
    found: dict[int, str] = {}
    for start, end, key in _drug_spans(tokens, index):
        for n in range(start, end + 1):
            found[n] = index.drugs[key]
    for n, token in enumerate(tokens):
        if n in found or not token.stems or token.distance > 1:
            continue
        typed = typed_stem(token.stems)
        synonyms = {s for s in token.stems if s != typed}
        named = synonyms & index.drug_stems.keys()
        if named:
            found[n] = index.drug_stems[min(named)]
        elif all(part in synonyms for part in index.words.other_medicine):
            found[n] = token.word
    return found


def refers_to_medicine(tokens: list[Token], index: AskIndex, found: dict[int, str]) -> bool:
    """"it", "my tablets", "the dose": the question most likely speaks of this medicine. Not
    when the word belongs to another medicine ("blood pressure tablets", "a dose of vitamin d")."""
    lang = index.words
    it, of, for_ = lang.role("it"), lang.role("of"), lang.role("for")
    words = [t.word for t in tokens]
    drunk = drinks_drunk(words, lang)
    for n, token in enumerate(tokens):
        if token.word == it and other_named_first(tokens, index, found, n):
            continue  # "pregabalin, how quickly does it start helping": that medicine
        if token.word == it and lang.dummy_it_near & set(words[max(0, n - 1) : n + 2]):
            after = words[n + 1 : n + 5]
            # "is it ok to...", "it is safe if...", and a closing "...is it" ("what time is it").
            if lang.dummy_it_clause & set(after) or not after or after[0] == ".":
                continue
        if lang.names_before_it and (token.word in lang.names_before_it or token.word not in lang.references) \
                and named_just_before(words, n, found, lang):
            continue  # "el lorazepam crea dependencia si lo tomo" ("lo", and "tomo" read by its stem)
        if not (lang.stem(token.word) in index.references or token.word in lang.references):
            continue
        near = {n - 1, n + 1} | ({n + 2} if n + 1 < len(words) and words[n + 1] in (of, for_) else set())
        if token.word != it and token.word not in lang.references:
            # A verb read by its stem ("se toma", "guarda", not "tomarlo"): another medicine or a
            # drink a few words off is what is taken ("el ibuprofeno se toma", "cuánta agua hay que tomar").
            near |= set(range(n - REFERENCE_REACH, n + REFERENCE_REACH + 1))
            if any(0 <= k < len(words) and k in drunk for k in near):
                continue
        if token.word != it and any(k in found or (0 <= k < len(tokens) and (tokens[k].unknown or tokens[k].corrected))
                                    for k in near):
            continue  # "blood pressure tablets", "a dose of amoxicillin", "250 grams of flour" (read as "floor")
        thing = tokens[n + 2] if n + 2 < len(tokens) and words[n + 1] == of else None
        if token.word != it and thing is not None and not (
                thing.word in lang.stop_words or thing.word in lang.references or thing.word.isdigit()
                or lang.stem(thing.word) in index.references or thing.stems.keys() & index.name_stems):
            continue  # "500 grams of sugar": an amount of something else
        if token.word == lang.role("pill") and n and words[n - 1] == lang.role("the"):
            continue  # "the pill": the contraceptive pill
        if token.word != it and n and words[n - 1] in lang.other_kind:
            continue  # "the best medicine for a cold", "another tablet"
        if token.word != it and words[n + 1 : n + 2] and words[n + 1] in lang.other_kind_after:
            continue  # "remedios caseros para el estreñimiento"
        return True
    return False


def only_substances(tokens: list[Token], index: AskIndex, found: dict[int, str]) -> bool:
    """"painkillers too?", "and beer?": nothing but another medicine or drink named (with stop
    words): whether it goes with this one is the question."""
    lang = index.words
    said = [n for n, t in enumerate(tokens) if t.word != "." and t.word not in lang.stop_words
            and t.word not in lang.question_words and t.word not in lang.short_question_ignores]
    # One of them: "can i drink on antibiotics" is about the other two.
    return len(set(found.values())) == 1 and all(n in found for n in said)


def drinks_drunk(words: list[str], lang: AskWords) -> list[int]:
    """Where the question names a drink as what is drunk ("cuánta agua hay que tomar"), not one
    taken with the medicine (a mixing word a few words before it: "tomarlo con un vaso de agua")."""
    return [k for k, w in enumerate(words) if w in lang.drinks
            and not lang.mixing_words & set(words[max(0, k - REFERENCE_REACH) : k])]


def only_the_name(tokens: list[Token], index: AskIndex) -> bool:
    """"baclofen?", "baclofen meaning", "what is it": what the medicine is, and nothing else asked
    (a word of defining beside the name; a "what is" question ending on "it" or "this")."""
    lang = index.words
    words = content_tokens(tokens, index)
    defining = {lang.stem(w) for w in lang.definition_words}
    named = [w for w in words if typed_stem(w) in index.name_stems]
    rest = [w for w in words if typed_stem(w) not in index.name_stems and not is_weak(w, index)
            and typed_stem(w) not in defining]
    if named:
        return not rest
    typed = [t.word for t in tokens if t.word != "."]
    if (all(is_weak(w, index) for w in words) and is_definition(typed, lang) and typed[-1:] != []
            and typed[-1] in lang.references):
        return True
    # "¿qué es?": nothing but question words, in a language that drops the subject.
    return not rest and implied_subject(tokens, index, substances(tokens, index))


def min_score(
    tokens: list[Token], index: AskIndex, ranked: list[Ranked], emergency: bool,
    unaided: Ranked | None = None, found: dict[int, str] | None = None, named_before: bool = False,
) -> float | None:
    """The score the best topic needs for an answer; None when the question is about something
    else. An emergency is in scope by definition. A question that names the medicine is about
    it; one that says "it", "my tablets" or "the dose" most likely is. A question about another
    medicine that does not also speak of this one ("side effects of metformin", "can i drink
    on antibiotics") is not, unless it only asks whether that medicine goes with this one
    ("beer?", "can i take ibuprofen")."""
    if emergency:
        return 0.0
    lang = index.words
    if found is None:
        found = substances(tokens, index)
    named = named_before or names_medicine(tokens, index) or implied_subject(tokens, index, found)
    referred = named or refers_to_medicine(tokens, index, found)
    if not referred and about_people_at_large(tokens, index) and not (
            (ranked and _in_headings(tokens, index, ranked[0].topic)) or any(signs_described_and_asked(tokens, index))):
        # "how many hours sleep does an adult need", "does red wine help your heart": about people
        # at large, and neither the medicine, nor "it"/"my tablets", nor what the best topic is
        # headed by ("can people die from withdrawal"), nor a sign the file's emergency
        # phrasings know is spoken of.
        return None
    others = len(set(found.values()))
    if others and not referred and not only_substances(tokens, index, found):
        # The best topic on the question's words alone, before a named medicine lifts the
        # interactions topic: "how much ibuprofen can i take" is about a dose, of ibuprofen.
        best = unaided or (ranked[0] if ranked else None)
        if others > 1 or not best or best.topic != index.interactions_topic or best.coverage < SUBSTANCE_COVERAGE:
            return None
    if named or others:
        return ANCHORED_MIN_SCORE
    drinks = {typed_stem(tokens[k].stems) for k in drinks_drunk([t.word for t in tokens], lang)}
    if drinks and not referred and ranked and drinks & set(words_not_in(index, ranked[0].topic, tokens)):
        # "cuánta agua hay que beber al día": a drink the best topic never speaks of is the subject.
        return None
    # Not the words the language says a short question may carry besides ("se me olvidó").
    typed = [t for t in tokens if t.word != "." and t.word not in lang.short_question_ignores]
    # The words that carry the question; a stop word may come with them ("putting on weight",
    # "grapefruit juice ok"), and one slip of the keyboard ("nauseus").
    meaning = [t for t in typed if t.word not in lang.question_words
               and (t.word not in lang.stop_words or (t.corrected and t.distance <= 1))]
    # A word of time or a count may come with them ("nauseous all day", "forgot the lunchtime one"),
    # and "can not" says what someone cannot do ("cant pee"): no question word then.
    unable = {n for n, t in enumerate(typed[:-1])
              if t.word in lang.question_words and typed[n + 1].word in lang.negations}
    said = [t for t in meaning if t.word not in lang.weak_words and not t.word.isdigit()]
    if (
        0 < len(said) <= SHORT_QUESTION_WORDS and len(typed) <= SHORT_QUESTION_WORDS + 2
        and not any(t.unknown or (t.corrected and t.distance > 1) or (t.word in lang.question_words and n not in unable)
                    or t.word in lang.other_kind for n, t in enumerate(typed))
    ):
        # "fever", "dry mouth", "dosage": a word or two, each the file's own, nothing else asked.
        return ANCHORED_MIN_SCORE
    if (
        len(meaning) == 1 and len(typed) <= SHORT_QUESTION_WORDS + 2
        and (typed[0].word in lang.yes_no_openers or (len(typed) == 2 and typed[0].word in lang.question_words))
        and all(t.word in lang.question_words or t.word in lang.stop_words for t in typed if t is not meaning[0])
        and not (meaning[0].unknown or meaning[0].word in lang.weak_words or meaning[0].word in lang.other_kind)
    ):
        # "can i drive", "is it addictive", "how costly": one word of the file's own, asked
        # yes or no, or after a lone question word (not "what time is it").
        return REFERENCED_MIN_SCORE
    if referred:
        return REFERENCED_MIN_SCORE
    if ranked and ranked[0].best_kind == "about" and ranked[0].score < ABOUT_MIN_SCORE:
        # Matched best by a question about the medicine ("can i drink coffee with baclofen"),
        # without speaking of it: only a strong match is about the medicine ("is coffee bad
        # for you" is not).
        return None
    if ranked and ranked[0].best_kind == "about" and ranked[0].coverage < FULL_COVERAGE:
        # "how long does a cold last" matches "how long does it last", a question about the
        # medicine, with something else in the place of "it".
        return None
    if ranked and off_subject(tokens, index, ranked[0].topic):
        # "is 37.8 a fever in a baby", "what is the difference between type 1 and type 2
        # diabetes": a general health question that shares a few words with a topic, but whose
        # subject (its rarest word the file knows) that topic never speaks of, nor any heading of it.
        return None
    definition = is_definition([t.word for t in tokens], lang)
    if ranked and definition and ranked[0].best_kind not in ("definition", "phrasing"):
        # "what is multiple sclerosis" matches "is it for multiple sclerosis", a question about
        # the medicine; but it asks about the illness. A "what is" question that speaks of
        # neither the medicine nor "it" is answered only when the file asks it that way too
        # ("what is the half life", "what are the side effects", "opening hours of the clinic").
        return None
    return MIN_SCORE


def about_people_at_large(tokens: list[Token], index: AskIndex) -> bool:
    """"how many hours sleep does an adult need", "home remedies for cramps": one of the
    language's `general_subjects`, or a remedy asked for."""
    words = [t.word for t in tokens]
    return has_phrase(words, index.words.general_subjects) or _asks_remedy(words, index.words)


def _asks_remedy(words: list[str], lang: AskWords) -> bool:
    """"how can i stop leg cramps at night", "home remedies for ...": one of the language's
    `remedy_asks` with something after it to stop or treat (not a bare "how do i stop")."""
    text = " ".join(words) + " "
    return any(f" {p} " in f" {text}" and text.split(f"{p} ", 1)[-1].strip(" .") for p in lang.remedy_asks)


def other_medicine_question(tokens: list[Token], index: AskIndex, found: dict[int, str]) -> list[str]:
    """The other medicines a question asks the dose or use of, when it does not speak of this
    one ("oxycodone max dose per day", "how much melatonin should i take"); else []."""
    lang = index.words
    words = [t.word for t in tokens]
    # "can i take two nytol tonight": a count just before another medicine's name asks its dose.
    counted = any(n and tokens[n - 1].word.isdigit() for n in found)
    # "what is gabapentin (for)", "what are zopiclone tablets": what another medicine is.
    defined = bool(found) and (is_definition(words, lang) or _asks_what_it_does(words, lang))
    # "propranolol for stage fright, how does it help": "it" is the medicine named before it, and
    # the question asks what or how (not "xanax, can i take it": with this one, the interactions).
    theirs = bool((lang.question_words - lang.yes_no_openers) & set(words)) and any(
        t.word == lang.role("it") and other_named_first(tokens, index, found, n) for n, t in enumerate(tokens))
    if not index.other_cues or not (counted or defined or theirs or has_phrase(words, index.other_cues)):
        return []
    if names_medicine(tokens, index):
        return []
    others: list[str] = []
    for n, token in enumerate(tokens):
        if n in found:
            name = found[n]
            if name not in others:
                others.append(name)
        elif (
            token.unknown and not token.corrected and len(token.word) >= 5 and token.word not in others
            # "how much melatonin", "the side effects of a prednisolone course": an article between.
            and (joined_before(words, n, lang, lang.amount_of, possessive=False) >= 0
                 # "flurbinex dosage", "what is zorbinol dose": the name first, then the cue.
                 or (_cue_follows(words, n + 1, index)
                     and all(w in lang.stop_words or w in lang.question_words for w in words[:n])))
        ):
            others.append(token.word)  # "how much melatonin", "a dose of ashwagandha", "flurbinex dosage"
    if not others:
        return []
    for n, token in enumerate(tokens):
        # "my tablets", "your dose", a plain "it": this medicine, unless next to the other one.
        if token.word == lang.role("it") and not (lang.dummy_it_near & set(words[max(0, n - 1) : n + 2])
                                                  or other_named_first(tokens, index, found, n)):
            return []
        if token.word in lang.references and n and words[n - 1] in lang.possessives:
            near = {n - 1, n + 1, n + 2}
            if not any(k in found or (k < len(tokens) and tokens[k].unknown) for k in near):
                return []
    return others


def _asks_what_it_does(words: list[str], lang: AskWords) -> bool:
    """"what does tizanidine do": what another medicine is for (the language's "do" role; none, no rule)."""
    do = lang.roles.get("do")
    return bool(do) and words[:2] == [lang.role("what"), lang.role("does")] and words[-1:] == [do]


def _cue_follows(words: list[str], k: int, index: AskIndex) -> bool:
    """One of `ask.other_medicine_cues` starts at words[k] ("X dosage", "X max dose")."""
    rest = " ".join(words[k : k + 4])
    return any(rest == cue or rest.startswith(cue + " ") for cue in index.other_cues)


def _in_headings(tokens: list[Token], index: AskIndex, topic: str) -> bool:
    """A meaningful word of the question is in the topic's title or section headings."""
    own = set(index.headings.get(topic, []))
    return any(typed_stem(w) in own for w in content_tokens(tokens, index)
               if not is_weak(w, index) and typed_stem(w) not in index.name_stems)


def off_subject(tokens: list[Token], index: AskIndex, topic: str) -> bool:
    """The question's subject, its rarest meaningful word, is one the topic's documents never
    use, and no word of the question is in the topic's title or headings."""
    share = index.words.subject_share
    if not share:
        return False
    own = set(index.headings.get(topic, []))
    words = [w for w in content_tokens(tokens, index)
             if typed_stem(w) not in index.name_stems and not is_weak(w, index) and not typed_stem(w).isdigit()]
    if any(s in own for w in words for s in w):
        return False
    # A word the file never uses ("caffeine") weighs as much as its rarest word, as in coverage.
    unknown = index.idf.highest
    weight = {typed_stem(w): index.idf.get(typed_stem(w), unknown) for w in words}
    if not weight:
        return False
    rarest = max(weight.values())
    return any(weight.get(s, 0.0) >= share * rarest for s in words_not_in(index, topic, tokens))


def words_not_in(index: AskIndex, topic: str, tokens: list[Token]) -> list[str]:
    """The meaningful words of the question (as typed) that the topic's documents do not use."""
    missing = []
    for stems in content_tokens(tokens, index):
        typed = typed_stem(stems)
        if typed in index.name_stems or is_weak(stems, index) or typed.isdigit():
            continue
        if not any(index.docs[n].topic == topic for n in index.postings.get(typed, [])[::2]):
            missing.append(typed)
    return missing
