"""Free-text questions: rank the knowledge file's topics, tolerate typos, spot emergencies.

How a question is answered (all of it derived from the knowledge file by `build_index`, and
cached by the loader, so a clinic's own file of the same schema gets its own index):

1. Words. Contractions and texting shorthand are written out ("cant" -> "can not", "u" ->
   "you"), each word is stemmed lightly ("stopped", "stopping" -> "stop"; "took", "taken" ->
   "take"), and the file's synonyms add what everyday words stand for ("forgot" -> missed,
   "brain fog" -> confused, "pints" -> alcohol). A word the file never uses is matched to
   the closest one it does ("pergnant" -> "pregnant") with rapidfuzz, imported only then.
2. Ranking. BM25 (written out here: the PyPI packages pull in numpy) over small documents:
   one per section, per topic summary, per interaction group and per patient phrasing in
   `ask.topic_phrasings`. Each word of the question counts once per document (its best
   meaning), pairs of neighbouring words count too, and a phrasing counts by the share of
   it the question matches. A topic's score mixes its best document with what each word
   earns in the topic's document that suits it best.
3. In scope or not. A question that names the medicine needs little; one that says "it",
   "my tablets" or "the dose" needs more; one that does neither needs MIN_SCORE, with the
   score scaled by the share of the question the topic explains (a word the file never
   uses counts against it). Never answered: a question about another medicine that does
   not speak of this one ("side effects of metformin"), a "what is ..." question about
   something else ("what is multiple sclerosis"), or one that matches a question about the
   medicine with something else in the place of "it" ("how long does a cold last").
4. Emergencies. `ask.emergency_phrasings` are matched in any order within a short window
   ("SIGN + CIRCUMSTANCE" phrasings: both anywhere in the question), with synonyms and typo
   tolerance. A match does not count when negated ("no fever"), in the past history ("had
   fits as a child"), a condition someone has ("has seizures"), or only asked about ("can
   it cause fits", "what happens if i have a seizure", `ask.non_emergency_phrasings`)
   unless the question says it happened to someone ("he took too many"). A phrasing word
   in the past tense ("took") only matches a past tense. An emergency is answered from a
   topic with an emergency section, led by what the matched phrasings point to.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    # At run time `answer` gets the cache's Records, shaped like the model (see loader.py).
    from baclofen_cli.model import KnowledgeBase, Topic

# ---------------------------------------------------------------------------- tuning
# BM25 constants (the usual defaults).
K1 = 1.2
B = 0.75
# "confused" meaning puzzled ("confused about the dose") weighs this share in the ranking.
PUZZLED_WEIGHT = 0.2
# Weights of query words that were not typed as such.
SYNONYM_WEIGHT = 0.8
# The other words of a phrase that has a synonym ("brain" in "brain fog").
PHRASE_PART_WEIGHT = 0.5
FUZZY_WEIGHT = 0.9
NUMBER_WEIGHT = 0.0
# Question words help ranking ("how long" vs "how much") but weigh less than content words.
QUESTION_WEIGHT = 0.5
BIGRAM_WEIGHT = 0.5
NAME_WEIGHT = 0.2
# A topic's score: its best document plus this share of its second best.
SECOND_DOC_SHARE = 0.3
# ... mixed with this share of the sum of each query word's best document in the topic.
TOPIC_SLOT_SHARE = 0.3
# How much a topic's score depends on the share of the question's words it explains.
COVERAGE_POWER = 1.0
# How much a phrasing's score depends on the share of its own words the question matches.
PHRASING_MATCH_POWER = 1.0
# Section documents against phrasing documents (phrasings are what patients type).
SECTION_WEIGHT = 0.6
# A topic's summary: a phrase in it ("even if you feel fine") must not outweigh the question.
SUMMARY_WEIGHT = 0.6
# A second section of the same topic is shown when it scores at least this share of the first.
SECOND_SECTION_SHARE = 0.6
# How much the matched emergency phrasings count when choosing the topic of an emergency.
RULE_WEIGHT = 1.0
# Added for the topic the file names for a matched phrasing's words (about a strong match).
RULE_TOPIC_BONUS = 8.0
# The runner-up topic is shown too when its score is at least this share of the best.
RUNNER_UP_SHARE = 0.85
MAX_RESULTS = 3
# Questions are read up to this many characters (a long forum post is about 2,000); what is
# beyond is not read, and the answer says so. It bounds the work per question.
MAX_QUERY_CHARS = 10_000
# Words longer than this are never corrected (no real word is; it bounds the fuzzy search).
MAX_WORD_CHARS = 40
# A message this long (in words) is answered from the sentence that asks the question, when
# one does: background in a long post must not outweigh the question itself.
LONG_MESSAGE_WORDS = 25
# A question of at most this many meaningful words, all of them known to the file ("fever",
# "dry mouth"), needs only ANCHORED_MIN_SCORE: a patient's first try is often one word.
SHORT_QUESTION_WORDS = 2
# A taking word ("swallowed", "had") means "took" when a medicine word follows this close.
TAKING_REACH = 5

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

# ---------------------------------------------------------------------------- words
# English function words. Not medical content, so they live here rather than in the file.
STOP_WORDS = frozenset(
    """
    a an the and or but if so than then as because while of to in on at with by from about
    into onto through during before after again once here there
    i me my myself we us our ours you your yours it its itself he him his she her hers they them
    their theirs this that these those thats
    am is are was were be been being im ive id youre hes shes theyre were weve isnt arent wasnt
    do does did doing done dont doesnt didnt have has had having havent hasnt hadnt
    get gets got getting let lets
    ok okay please thanks thank hi hello hey just really also still even
    anyone someone something anything exactly actually basically literally honestly
    know knew wonder wondering wondered think question questions ask asking asked
    say says said bit lot thing things stuff sure maybe probably perhaps guess find found out
    info information details facts
    want wants wanted wanting going gonna go goes went gone keep keeps keeping kept best
    """.split()
)
# Question words: they help tell "how long" from "how much", but say nothing about whether a
# question is about the medicine at all, so they do not count towards coverage.
QUESTION_WORDS = frozenset(
    "what whats how why who when where which can could should would will may might must shall is".split()
)
# Words of time: they help ranking ("this morning", "at night") but, like question words,
# do not say whether a question is about the medicine ("how are you today").
WEAK_WORDS = frozenset(
    "today tonight tomorrow yesterday morning mornings evening evenings afternoon night nights "
    "week weeks weekend month months year years ago pm oclock midday noon lunchtime".split()
)
# Words that carry nothing in an emergency phrase ("took a double dose" = "took double dose").
FILLER = frozenset("a an the my his her their our your some of to on in at just it its".split())
NEGATIONS = frozenset("not no never none nor without hardly".split())
# A person the event happens to ("my son", "he"): with one just before it, a sign is described,
# not asked about ("is it normal that he is not breathing").
SUBJECTS = frozenset("i we he she they my our his her their".split())
# Words that say a sign is happening now or keeps happening ("he is having a fit").
ONGOING = frozenset("is are am was were keeps keep kept been started starting now still currently".split())
# Question words that open a general question ("can baclofen cause fits", "how many would be
# an overdose"): a sign in such a sentence is asked about unless it is said to have happened.
QUESTION_OPENERS = frozenset(
    "can could does do did will would is are should may might what whats how why when which who".split()
)
# Words that make the rest of a sentence a supposition ("what happens if i have a seizure").
CONDITIONALS = frozenset("if when whether unless case".split())
# Words that put a sign in the past history rather than now ("i had seizures in the past").
HISTORY = ("in the past", "history of", "used to", "years ago", "as a child", "when i was", "last year", "at first",
           "to begin with", "when he started", "when she started", "when i started",
           "last month", "months ago", "a while ago", "a few years", "back in", "once before", "in 20")
NOW = ("now", "today", "tonight", "right now", "just", "this morning", "last night", "since", "this time")
HABITUAL = frozenset("has have gets get suffers suffer prone".split())
PUZZLED = frozenset("confused confusing muddled".split())
PUZZLED_BY = frozenset("about by whether how what if why which as over with".split())
# "i took 8 tablets": how many tablets (or doses) at once is too many comes from the file
# (`ask.too_many_at_once`); these are the words that count them.
COUNTED = frozenset("tablets pills doses tabs capsules".split())
# Words of amount: after "had", they make it "took" ("had the whole lot", "had all of them").
QUANTITY = frozenset("all whole lot lots load loads rest handful bunch extra double several".split())
# What else a number after "took" can count: time, amounts and units, not tablets.
NOT_COUNTED = frozenset(
    "mg mcg ml milligrams micrograms g grams kg lbs hours hour hrs hr minutes minute mins min seconds days day "
    "times time am pm x percent".split()
)
CLAUSE_BREAKS = frozenset(".!?;,")
# Kinds of phrasing document: a plain one, one that asks what something is ("what is the half
# life"), and one about the medicine ("is it for multiple sclerosis", "what are my tablets for").
PHRASINGS = frozenset(("phrasing", "definition", "about"))
# Questions that ask what something is or what causes it ("what is multiple sclerosis").
DEFINITION_OPENERS = (("what", "is"), ("what", "are"), ("what", "causes"), ("what", "cause"), ("define",),
                      ("meaning", "of"))
# Everyday words for a medicine: with one of them (or one of the file's forms, "tablets",
# "oral solution") a question is most likely about this medicine, not something else.
REFERENCES = frozenset(
    "it its this them these pill pills tablet tablets tab tabs med meds medicine medicines "
    "medication medications dose doses dosage prescription script mg milligrams ml mcg liquid".split()
)
# "the best medicine for a cold", "any other tablets": some medicine, not this one.
OTHER_KIND = frozenset("best good better other another any different alternative natural strong stronger".split())
# "is it ok to drive", "it is safe if": an "it" that points at nothing but the clause after it.
DUMMY_IT_NEAR = frozenset("is was will would".split())
DUMMY_IT_CLAUSE = frozenset("to if that when whether".split())
# What the knowledge file's synonyms call a medicine that is not in its interactions list
# ("paracetamol: [other medicines]").
OTHER_MEDICINE = ("other", "medicin")


# Contractions (with or without the apostrophe) and texting shorthand -> plain words. English,
# not medical content: "cant" -> "can not", "u" -> "you", "wat" -> "what".
EXPANSIONS: dict[str, tuple[str, ...]] = {
    **{w + "nt": (w, "not") for w in "do does did is are was were has have had could would should must need".split()},
    "cant": ("can", "not"), "cannot": ("can", "not"), "wont": ("will", "not"), "aint": ("is", "not"),
    "dont": ("do", "not"), "shant": ("shall", "not"), "wouldve": ("would", "have"), "shouldve": ("should", "have"),
    "im": ("i", "am"), "ive": ("i", "have"), "ill": ("i", "will"), "youre": ("you", "are"), "youve": ("you", "have"),
    "hes": ("he", "is"), "shes": ("she", "is"), "theyre": ("they", "are"), "theyve": ("they", "have"),
    "weve": ("we", "have"), "whats": ("what", "is"), "thats": ("that", "is"), "wheres": ("where", "is"),
    "hows": ("how", "is"), "whos": ("who", "is"), "theres": ("there", "is"), "lets": ("let", "us"),
    "u": ("you",), "ur": ("your",), "r": ("are",), "ya": ("you",), "yr": ("your",),
    "wat": ("what",), "wot": ("what",), "wht": ("what",), "wut": ("what",), "wen": ("when",), "hw": ("how",),
    "pls": ("please",), "plz": ("please",), "thx": ("thanks",), "abt": ("about",), "bc": ("because",),
    "coz": ("because",), "cos": ("because",), "cuz": ("because",), "bcos": ("because",),
    "gonna": ("going", "to"), "wanna": ("want", "to"), "gotta": ("have", "to"), "dunno": ("do", "not", "know"),
    "w": ("with",), "wo": ("without",), "n": ("and",), "nd": ("and",), "thru": ("through",), "tho": ("though",),
    "one": ("1",), "two": ("2",), "three": ("3",), "four": ("4",), "five": ("5",), "six": ("6",),
    "seven": ("7",), "eight": ("8",), "nine": ("9",), "ten": ("10",), "twenty": ("20",),
    "tmrw": ("tomorrow",), "tmr": ("tomorrow",), "nite": ("night",),
    "yday": ("yesterday",), "msg": ("message",), "hrs": ("hours",), "hr": ("hour",), "mins": ("minutes",),
    "wks": ("weeks",), "yrs": ("years",), "mths": ("months",), "alot": ("a", "lot"), "prolly": ("probably",),
    "shud": ("should",), "cud": ("could",), "wud": ("would",), "dnt": ("do", "not"), "cnt": ("can", "not"),
}
# Irregular English verbs -> the plain form, and whether the word is a past form ("took").
IRREGULAR: dict[str, tuple[str, bool]] = {
    "took": ("take", True), "taken": ("take", True), "ate": ("eat", True), "eaten": ("eat", True),
    "swallowed": ("swallow", True), "drank": ("drink", True),
    "gave": ("give", True), "given": ("give", True), "got": ("get", True), "gotten": ("get", True),
    "went": ("go", True), "gone": ("go", True), "came": ("come", True), "ran": ("run", True),
    "fell": ("fall", True), "fallen": ("fall", True), "felt": ("feel", True), "woke": ("wake", True),
    "woken": ("wake", True), "threw": ("throw", True), "thrown": ("throw", True), "froze": ("freeze", True),
    "frozen": ("freeze", False), "forgot": ("forget", True), "forgotten": ("forget", True), "left": ("leave", True),
    "kept": ("keep", True), "slept": ("sleep", True), "saw": ("see", True), "seen": ("see", True),
    "began": ("begin", True), "begun": ("begin", True), "broke": ("break", True), "broken": ("break", False),
    "bought": ("buy", True), "brought": ("bring", True), "caught": ("catch", True), "found": ("find", True),
    "told": ("tell", True), "thought": ("think", True), "said": ("say", True), "made": ("make", True),
    "put": ("put", False), "stuck": ("stick", True), "swelled": ("swell", True), "swollen": ("swell", False),
    "shook": ("shake", True), "shaken": ("shake", True), "bled": ("bleed", True), "wore": ("wear", True),
    "worn": ("wear", True), "blew": ("blow", True), "lost": ("lose", True), "meant": ("mean", True),
    "overdid": ("overdo", True), "overdone": ("overdo", True), "mistook": ("mistake", True),
}
# Words whose stem would join a different meaning: "fitting" (a seizure) is not "fit" (well).
UNSTEMMED = frozenset("fitting fits".split())
APOSTROPHES = "'\u2019\u2018`\u00b4\u02bc"
# Terminal escape sequences (CSI, OSC, two-byte) and other control and invisible format
# characters: removed before reading, so "\x1b[31mfit" or a zero-width space hides nothing.
_UNSEEN = (r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
           r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# Invisible inside a word (soft hyphen, zero-width and direction marks): removed, not spaced.
_INVISIBLE = r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"


def normalise(text: str) -> str:
    """What matching reads: escape codes and invisible characters gone, NFKC (fullwidth
    letters, ligatures such as "\ufb01t", superscripts), case folded, accents dropped
    ("náuseas" -> "nauseas"), apostrophes dropped ("can't" -> "cant")."""
    import re
    import unicodedata

    text = re.sub(_INVISIBLE, "", re.sub(_UNSEEN, " ", text))
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    for mark in APOSTROPHES:
        text = text.replace(mark, "")
    return text


def words_of(text: str) -> list[str]:
    """Lower-case words (letters of any script) and numbers as typed, after `normalise`;
    punctuation that ends a clause kept as its own token so matching never runs across
    sentences. "a&e" -> "ae"; "10mg" -> "10", "mg"."""
    import re

    text = re.sub(r"(?<=[^\W\d_])&(?=[^\W\d_])", "", normalise(text))
    return re.findall(r"[^\W\d_]+|[0-9]+|[.!?;,]", text)


def tokenize(text: str) -> list[str]:
    """`words_of` with contractions and texting shorthand written out ("cant" -> "can not")."""
    out: list[str] = []
    for word in words_of(text):
        out += EXPANSIONS.get(word, (word,))
    return out


def stem(word: str) -> str:
    """A light suffix stripper: enough to join "stopped", "stopping" and "stops" (and
    "took", "taken" with "take")."""
    if word in IRREGULAR:
        word = IRREGULAR[word][0]
    if word in UNSTEMMED:
        return word
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ness") and len(word) > 6:
        word = word[:-4]
    if word.endswith("ations") or word.endswith("ation"):
        word = word[: word.rindex("ation")] + "at"
    elif word.endswith("ing") and len(word) >= 6:
        word = _undouble(word[:-3])
    elif word.endswith("ed") and not word.endswith("eed") and len(word) >= 5:
        word = _undouble(word[:-2])
    elif word.endswith("ly") and len(word) >= 6:
        word = word[:-2]
    if word.endswith("e") and len(word) >= 4:
        word = word[:-1]
    if word.endswith("y") and len(word) >= 4:
        word = word[:-1] + "i"
    return word


def _undouble(word: str) -> str:
    if len(word) >= 3 and word[-1] == word[-2] and word[-1] in "bdgmnprt":
        return word[:-1]
    return word


def is_past(word: str) -> bool:
    if word in IRREGULAR:
        return IRREGULAR[word][1]
    return len(word) >= 4 and word.endswith("ed") and not word.endswith("eed")


WEAK_STEMS = frozenset(stem(w) for w in WEAK_WORDS)
# Words that go with a call for help ("911 help now please").
HELP_STEMS = frozenset(stem(w) for w in "help now please quick quickly urgent urgently asap need call number who".split())


# ---------------------------------------------------------------------------- the index
# The index is cached as plain JSON and read with `json`: these are NamedTuples and plain
# classes rather than msgspec Structs because importing msgspec would cost more than
# ranking the question.
class Doc(NamedTuple):
    topic: str
    # Index into the topic's sections, or -1 for a document about the whole topic.
    section: int
    length: int
    kind: str  # "drug" | "section" | "summary" | "group" | one of PHRASINGS


class Phrase(NamedTuple):
    stems: list[str]
    # Written in the past tense: only a past tense matches it.
    past: list[bool]


class Rule(NamedTuple):
    """An emergency phrasing: its first part is the sign; any further parts ("hallucinations +
    stopped") are the circumstances, which may be anywhere in the question."""

    sign: Phrase
    context: list[Phrase] | tuple[Phrase, ...] = ()

    @classmethod
    def from_row(cls, row: list[Any]) -> Rule:
        return cls(Phrase(*row[0]), [Phrase(*part) for part in row[1]])


# Every field of AskIndex, with its empty value (a fresh copy is made for each index).
_INDEX_FIELDS: dict[str, Any] = {
    "docs": [],  # list[Doc]
    # stem -> [doc number, count, doc number, count, ...] (flat: decodes faster from the cache)
    "postings": {},  # dict[str, list[int]]
    "idf": {},  # dict[str, float]
    "avgdl": 1.0,  # float
    # Every word the file uses (as written) -> its stem; typo correction looks here.
    "surface": {},  # dict[str, str]
    # Stems of a synonym key, joined by spaces -> stems it stands for (one list per meaning).
    "synonyms": {},  # dict[str, list[list[str]]]
    "emergency": [],  # list[Rule]
    "cues": [],  # list[Phrase]
    # Drug names, brands and aliases from the interactions block: words joined by spaces -> name.
    "drugs": {},  # dict[str, str]
    # Topic ids in file order, and the interactions topic if the file has one.
    "topics": [],  # list[str]
    "interactions_topic": "",  # str
    # Stems of the medicine's own names: a question that names it is in scope.
    "anchors": [],  # list[str]
    # Stems of its generic name: in nearly every question, so it says little about the topic.
    "name_stems": [],  # list[str]
    # The words of the emergency phrasings, for typo correction of short words.
    "emergency_words": [],  # list[str]
    # Sum of the idf of each document's distinct words.
    "doc_mass": [],  # list[float]
    # Stems of everyday words for a medicine and of the medicine's forms ("tablets").
    "references": [],  # list[str]
    # Stem of a one-word name from the interactions block -> the drug's name ("alcohol").
    "drug_stems": {},  # dict[str, str]
    # Topics with a section of kind "emergency" (what to do now).
    "emergency_topics": [],  # list[str]
    # The most words in a drug name and in a synonym key.
    "drug_words": 0,  # int
    "synonym_words": 0,  # int
    # Self-harm phrasings (always an emergency) and requests for the emergency numbers.
    "self_harm": [],  # list[Phrase]
    "number_requests": [],  # list[Phrase]
    # How-to openers and other-medicine cues, as words joined by spaces (matched as phrases).
    "how_to": [],  # list[str]
    "other_cues": [],  # list[str]
    # Past-tense words that mean "took"; how many tablets at once is too many.
    "taking": [],  # list[str]
    "containers": [],  # list[str]
    "too_many": 4,  # int
    # [unit, amount]: the largest daily amount the topics name ("100 mg a day"), or [].
    "day_maximum": [],  # list
    # Words for animals; the topic whose emergency sections go with crisis help.
    "pets": [],  # list[str]
    # Topic id -> stems of its title and section headings ("withdrawal" in "Signs of withdrawal").
    "headings": {},  # dict[str, list[str]]
    # [stem, topic] pairs: a matched emergency phrasing with the stem is answered from the topic.
    "rule_topics": [],  # list[list[str]]
    "crisis_topic": "",  # str
    # Everyday English words (not known to the file) that typo correction leaves alone.
    "plain_words": [],  # list[str]
    # Names (as index.drugs gives them) in a group of major severity, or a product containing one.
    "major_drugs": [],  # list[str]
    # Names in the groups that are an emergency when taken together with this medicine.
    "taken_together": [],  # list[str]
}


class _Postings(dict):  # type: ignore[type-arg]
    """stem -> [doc number, count, ...], cached as text ("12 1 40 2") and turned into numbers only
    for the words a question uses: decoding every list on every run cost more than the ranking."""

    __slots__ = ()

    def __getitem__(self, key: str) -> list[int]:
        value = dict.__getitem__(self, key)
        if isinstance(value, str):
            value = [int(part) for part in value.split()]
            dict.__setitem__(self, key, value)
        return value

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[key] if key in self else default


class AskIndex:
    """What `ask` searches, derived from the knowledge file by `build_index` (see _INDEX_FIELDS)."""

    __slots__ = tuple(_INDEX_FIELDS)

    def __init__(self, **values: Any) -> None:
        unknown = set(values) - set(_INDEX_FIELDS)
        if unknown:
            raise TypeError(f"unknown AskIndex fields: {sorted(unknown)}")
        for name, empty in _INDEX_FIELDS.items():
            setattr(self, name, values[name] if name in values else type(empty)(empty))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> AskIndex:
        return cls(
            **{
                **data,
                "docs": [Doc(*row) for row in data["docs"]],
                "emergency": [Rule.from_row(row) for row in data["emergency"]],
                "cues": [Phrase(*row) for row in data["cues"]],
                "self_harm": [Phrase(*row) for row in data["self_harm"]],
                "number_requests": [Phrase(*row) for row in data["number_requests"]],
                "postings": _Postings(data["postings"]),
            }
        )

    def to_data(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in _INDEX_FIELDS}
        data["postings"] = {stem: " ".join(map(str, self.postings[stem])) for stem in self.postings}
        return data


def _content_stems(text: str) -> list[str]:
    return [stem(w) for w in tokenize(text) if w.isalnum() and w not in STOP_WORDS]


def bigrams(stems: list[str]) -> list[str]:
    """Pairs of neighbouring words ("too much", "pass out"): they rank phrases above loose words."""
    return [f"{a}_{b}" for a, b in zip(stems, stems[1:])]


def _phrase(text: str) -> Phrase:
    words = [w for w in tokenize(text) if w.isalnum() and w not in FILLER]
    return Phrase(stems=[stem(w) for w in words], past=[is_past(w) for w in words])


def is_definition(words: list[str]) -> bool:
    """"what is the half life", "what are the side effects", "what causes cramps"."""
    words = [w for w in words if w not in CLAUSE_BREAKS]
    if words[:2] == ["what", "does"] and (words[-1:] == ["mean"] or words[-2:] == ["stand", "for"]):
        return True
    return any(tuple(words[: len(opener)]) == opener for opener in DEFINITION_OPENERS)


def _rule(text: str) -> Rule:
    """"hallucinations + stopped" -> the sign "hallucinations" in the context "stopped"."""
    parts = [_phrase(part) for part in text.split("+")]
    parts = [p for p in parts if p.stems]
    if not parts:
        return Rule(sign=Phrase(stems=[], past=[]))
    return Rule(sign=parts[0], context=parts[1:])


def build_index(kb: KnowledgeBase) -> AskIndex:
    """Everything `ask` needs, derived from one knowledge file (cached by the loader)."""
    docs: list[Doc] = []
    bags: list[list[str]] = []
    surface_words: set[str] = set()
    own_name = {stem(w) for w in tokenize(kb.drug.name) if w.isalpha()}
    synonyms: dict[str, list[list[str]]] = {}
    for key, values in kb.ask.synonyms.items():
        key_stems = " ".join(stem(w) for w in tokenize(key) if w.isalnum())
        for value in values:
            value_stems = _content_stems(value)
            if key_stems and value_stems:
                synonyms.setdefault(key_stems, []).append(value_stems)
    def add(topic: str, section: int, kind: str, *texts: str) -> None:
        words: list[str] = []
        pairs: list[str] = []
        for text in texts:
            stems = _content_stems(text)
            if kind != "drug":
                # The medicine's name is in nearly every question: it should find the
                # document about the medicine itself, not every phrasing that names it.
                stems = [w for w in stems if w not in own_name]
            words += stems
            pairs += bigrams(stems)
            surface_words.update(w for w in tokenize(text) if w.isalpha() and w not in STOP_WORDS)
        if words:
            docs.append(Doc(topic=topic, section=section, length=len(words), kind=kind))
            bags.append(words + pairs)

    # The medicine's own names, forms and class answer "what is baclofen" / "is ozobax baclofen".
    first = kb.topic("overview") or kb.topics[0]
    medicine = kb.drug
    anchor_names = [medicine.name, *medicine.also_called, *(b.name for b in medicine.brands)]
    anchor_words = {w for name in anchor_names for w in tokenize(name) if len(w) >= 4}
    add(first.id, -1, "drug", medicine.drug_class, *anchor_names, *medicine.forms)
    for topic in kb.topics:
        add(topic.id, -1, "summary", topic.title, topic.summary.text)
        for i, section in enumerate(topic.sections):
            add(topic.id, i, "section", topic.title, section.heading, *(p.text for p in section.points))
    interactions_topic = "interactions" if kb.topic("interactions") else ""
    drugs: dict[str, str] = {}
    for group in kb.interactions.groups:
        names: list[str] = []
        for drug in group.drugs:
            for name in [drug.name, *drug.brands, *drug.aliases]:
                names.append(name)
                drugs.setdefault(" ".join(w for w in tokenize(name) if w.isalnum()), drug.name)
        if interactions_topic:
            add(interactions_topic, -1, "group", group.name, group.effect, group.advice, *names)
    for combination in kb.interactions.combinations:
        for name in [combination.name, *combination.aliases]:
            drugs.setdefault(" ".join(w for w in tokenize(name) if w.isalnum()), combination.name)
    drugs.pop("", None)
    major = {d.name for g in kb.interactions.groups if g.severity == "major" for d in g.drugs}
    major |= {c.name for c in kb.interactions.combinations if major & set(c.contains)}
    chosen = set(kb.ask.emergency_if_taken_with)
    together = {d.name for g in kb.interactions.groups if g.id in chosen for d in g.drugs}
    together |= {c.name for c in kb.interactions.combinations if together & set(c.contains)}
    for topic_id, phrasings in kb.ask.topic_phrasings.items():
        for phrasing in phrasings:
            words = tokenize(phrasing)
            if is_definition(words):
                kind = "definition"
            elif any(w in REFERENCES or stem(w) in own_name or w in anchor_words for w in words):
                kind = "about"
            else:
                kind = "phrasing"
            add(topic_id, -1, kind, phrasing)

    postings: dict[str, list[int]] = {}
    for number, words in enumerate(bags):
        counts: dict[str, int] = {}
        for word in words:
            counts[word] = counts.get(word, 0) + 1
        for word, count in counts.items():
            postings.setdefault(word, []).extend((number, count))
    total = len(docs) or 1
    # Four decimals are plenty for ranking and halve the cached index, which every `ask` reads.
    idf = {w: round(math.log(1 + (total - len(p) / 2 + 0.5) / (len(p) / 2 + 0.5)), 4) for w, p in postings.items()}

    for key in kb.ask.synonyms:
        surface_words.update(w for w in tokenize(key) if w.isalpha())

    emergency = [r for r in map(_rule, kb.ask.emergency_phrasings) if r.sign.stems]
    cues = [p for p in map(_phrase, kb.ask.non_emergency_phrasings) if p.stems]
    for text in [*kb.ask.emergency_phrasings, *kb.ask.non_emergency_phrasings, *drugs]:
        surface_words.update(w for w in tokenize(text) if w.isalpha())
    doc_mass = [round(sum(idf[w] for w in set(words) if "_" not in w), 4) for words in bags]
    anchors = sorted({stem(w) for name in anchor_names for w in tokenize(name) if w.isalpha() and len(w) >= 4})
    emergency_words = sorted(
        {w for text in kb.ask.emergency_phrasings for w in tokenize(text) if w.isalpha() and len(w) == 4}
    )
    references = sorted({stem(w) for w in REFERENCES} | {stem(w) for f in medicine.forms for w in tokenize(f) if len(w) > 3})
    hints = kb.ask
    for text in [*hints.self_harm_phrasings, *hints.emergency_number_phrasings, *hints.taking_words, *hints.pet_words,
                 *hints.container_words]:
        surface_words.update(w for w in tokenize(text) if w.isalpha())
    drug_stems = {stem(k): v for k, v in sorted(drugs.items()) if " " not in k and k.isalpha() and len(k) > 3}
    return AskIndex(
        drug_words=max((k.count(" ") + 1 for k in drugs), default=0),
        synonym_words=max((k.count(" ") + 1 for k in synonyms), default=0),
        emergency_topics=[t.id for t in kb.topics if any(sec.kind == "emergency" for sec in t.sections)],
        drug_stems=drug_stems,
        references=references,
        emergency_words=emergency_words,
        anchors=anchors,
        name_stems=sorted({stem(w) for w in tokenize(medicine.name) if w.isalpha()}),
        doc_mass=doc_mass,
        docs=docs,
        postings=postings,
        idf=idf,
        avgdl=sum(d.length for d in docs) / total,
        surface={w: stem(w) for w in sorted(surface_words) if len(w) >= 3},
        synonyms=synonyms,
        emergency=emergency,
        cues=cues,
        drugs=drugs,
        topics=[t.id for t in kb.topics],
        interactions_topic=interactions_topic,
        self_harm=[p for p in map(_phrase, hints.self_harm_phrasings) if p.stems],
        number_requests=[p for p in map(_phrase, hints.emergency_number_phrasings) if p.stems],
        how_to=[" ".join(tokenize(t)) for t in hints.how_to_phrasings],
        other_cues=[" ".join(tokenize(t)) for t in hints.other_medicine_cues],
        taking=sorted({w for t in hints.taking_words for w in tokenize(t)}),
        containers=sorted({w for t in hints.container_words for w in tokenize(t)}),
        too_many=hints.too_many_at_once,
        day_maximum=_day_maximum(kb),
        pets=sorted({w for t in hints.pet_words for w in tokenize(t) if w.isalpha()}),
        crisis_topic=hints.crisis_topic or "",
        major_drugs=sorted(major & set(drugs.values())),
        taken_together=sorted(together & set(drugs.values())),
        plain_words=sorted({w for t in hints.plain_words for w in tokenize(t) if w.isalpha()} - set(surface_words)),
        headings={t.id: sorted({*_content_stems(t.title), *(s for sec in t.sections for s in _content_stems(sec.heading))})
                  for t in kb.topics},
        rule_topics=[[stem(w), topic] for topic, words in hints.emergency_phrasing_topics.items()
                     for text in words for w in tokenize(text)],
    )


def _day_maximum(kb: KnowledgeBase) -> list[Any]:
    """[unit, amount]: the largest amount the topics give before one of `ask.daily_amount_phrases`
    ("The most the US label allows is 80 mg a day" -> ["mg", 80]); [] if none."""
    best: list[Any] = []
    phrases = [tokenize(p) for p in kb.ask.daily_amount_phrases]
    for topic in kb.topics:
        for section in topic.sections:
            for point in section.points:
                words = tokenize(point.text)
                for n, word in enumerate(words):
                    if not word.isdigit():
                        continue
                    for phrase in phrases:
                        if phrase and words[n + 1 : n + 1 + len(phrase)] == phrase and (not best or int(word) > best[1]):
                            best = [phrase[0], int(word)]
    return best


# ---------------------------------------------------------------------------- a question
class Token:
    """One word of the question: what was typed, and the stems it may stand for."""

    __slots__ = ("word", "stems", "past", "corrected", "distance", "phrases", "unknown")

    def __init__(
        self,
        word: str,
        stems: dict[str, float],  # stem -> weight
        past: bool = False,
        corrected: str = "",
        distance: int = 0,
        unknown: bool = False,
    ) -> None:
        self.word, self.stems, self.past = word, stems, past
        self.corrected, self.distance = corrected, distance
        # Synonym meanings of more than one word ("trouble sleeping"): their pairs count too.
        self.phrases: list[list[str]] = []
        # Neither known to the file nor read as a known word.
        self.unknown = unknown


def correct(word: str, index: AskIndex) -> tuple[str, int] | None:
    """The known word closest to an unknown one, and the edit distance; None if none is close."""
    if len(word) < 4 or not word.isalpha():
        return None
    # Short words have too many neighbours ("wife" is one letter from "wine"), so a
    # four-letter word is only matched to the words of the emergency phrasings ("mnay"), or
    # to a known word with one letter more ("empy" -> "empty").
    if len(word) == 4:
        vocabulary = [*index.emergency_words, *(w for w in index.surface if len(w) == 5 and _one_letter_more(word, w))]
    else:
        vocabulary = index.surface.keys()
    limit = 1 if len(word) <= 7 else 2 if len(word) <= 11 else 3
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    candidates = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=8)
    if not candidates:
        return None
    # Fewest edits first; then a word with the same first letter; then the most used word.
    best = min(
        candidates,
        key=lambda c: (c[1], c[0][0] != word[0], -len(index.postings.get(index.surface.get(c[0], ""), []))),
    )
    return best[0], int(best[1])


def _one_letter_more(short: str, long: str) -> bool:
    """Whether `long` is `short` with one letter added ("empy" -> "empty")."""
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def split_compound(word: str, index: AskIndex) -> list[str] | None:
    """"breastmilk" -> ["breast", "milk"], when both halves are known words."""
    for cut in range(3, len(word) - 2):
        left, right = word[:cut], word[cut:]
        if left in index.surface and right in index.surface and left not in STOP_WORDS and right not in STOP_WORDS:
            return [left, right]
    return None


def analyse(question: str, index: AskIndex) -> list[Token]:
    """The question's words with stems, corrections and synonyms (clause breaks kept as ".")."""
    words = tokenize(question[:MAX_QUERY_CHARS])
    tokens: list[Token] = []
    taking = set(index.taking)
    fixes: dict[str, tuple[str, int] | None] = {}
    plain = set(index.plain_words)
    for word in words:
        if word in CLAUSE_BREAKS:
            tokens.append(Token(word=".", stems={}))
            continue
        if (
            word.isalpha()
            and word not in STOP_WORDS
            and stem(word) not in index.idf
            and word not in index.surface
            and not _synonym_key(word, index)
            and word not in WEAK_WORDS
        ):
            if len(word) > MAX_WORD_CHARS:
                tokens.append(Token(word=word, stems={word[:MAX_WORD_CHARS]: 1.0}, unknown=True))
                continue
            parts = split_compound(word, index) if len(word) >= 6 else None
            if parts:
                tokens += [Token(word=p, stems={stem(p): 1.0}, past=is_past(p)) for p in parts]
                continue
            if word in plain:
                # A real word is what the person meant: never turned into another ("great" -> "treat").
                tokens.append(Token(word=word, stems={stem(word): 1.0}, past=is_past(word)))
                continue
            if word not in fixes:
                fixes[word] = correct(word, index)
            fixed = fixes[word]
            if not fixed:
                tokens.append(Token(word=word, stems={stem(word): 1.0}, past=is_past(word), unknown=len(word) > 3))
                continue
            if fixed:
                known, distance = fixed
                weight = FUZZY_WEIGHT ** distance
                tokens.append(
                    Token(word=word, stems={stem(known): weight}, past=is_past(known), corrected=known, distance=distance)
                )
                continue
        if word.isdigit():
            weight = NUMBER_WEIGHT
        elif word in QUESTION_WORDS or word in WEAK_WORDS:
            weight = QUESTION_WEIGHT
        elif stem(word) in index.name_stems:
            weight = NAME_WEIGHT
        else:
            weight = 1.0
        tokens.append(Token(word=word, stems={stem(word): weight}, past=is_past(word)))
    _join_split_words(tokens, index)
    _add_synonyms(tokens, index)
    _read_taking(tokens, index, taking)
    for n, token in enumerate(tokens):
        # "confused about the dose", "mg and mcg, confused.": puzzled, not a sign to rank by.
        after = tokens[n + 1].word if n + 1 < len(tokens) else "."
        alone = (n == 0 or tokens[n - 1].word == ".") and after == "."
        if token.word in PUZZLED and (after in PUZZLED_BY or alone):
            token.stems = {s: w * PUZZLED_WEIGHT for s, w in token.stems.items()}
    return tokens


def _medicine_word(token: Token, index: AskIndex) -> bool:
    """"tablets", "pills", "it", "them", "dose", "10", or the medicine's own name."""
    return (
        token.word.isdigit()
        or token.word in REFERENCES
        or token.word in index.containers
        or any(s in index.references or s in index.anchors or s in index.name_stems for s in token.stems)
    )


def _medicine_follows(tokens: list[Token], n: int, index: AskIndex) -> bool:
    """A medicine word within TAKING_REACH after tokens[n], in the same clause; a container
    counts unless it holds something else ("the rest of the bottle", not "a bottle of wine").
    After a word as common as "had", only an amount counts ("had 12 baclofen", "had the whole
    lot"; not "had my dose at 2pm" or "had a lot of pain")."""
    common = tokens[n].word in STOP_WORDS
    for k in range(n + 1, min(len(tokens), n + 1 + TAKING_REACH)):
        token = tokens[k]
        if token.word in (".", "then"):
            return False
        if common:
            if token.word.isdigit() or token.word in QUANTITY or token.word in index.containers:
                for j in range(k, min(len(tokens), k + 1 + TAKING_REACH)):
                    if tokens[j].word in (".", "then"):
                        break
                    if tokens[j].word in index.containers:
                        return _holds_medicine(tokens, j, index)
                    if j > k and _medicine_word(tokens[j], index) and not tokens[j].word.isdigit():
                        return True
                return False
            continue
        if token.word == "many" and tokens[k - 1].word == "too" and tokens[n].word not in STOP_WORDS:
            return True  # "swallowed way too many" (not "had too many", which may be drinks)
        if token.word in index.containers:
            if _holds_medicine(tokens, k, index):
                return True
            continue
        if _medicine_word(token, index):
            return True
    return False


def _other_substance(token: Token, index: AskIndex) -> bool:
    """"paracetamol", "beers": another medicine or drink, by name or through the synonyms."""
    if " ".join(tokenize(token.word)) in index.drugs:
        return True
    typed = max(token.stems, key=token.stems.get) if token.stems else ""
    synonyms = {s for s in token.stems if s != typed}
    return bool(synonyms & index.drug_stems.keys()) or all(part in synonyms for part in OTHER_MEDICINE)


def _holds_medicine(tokens: list[Token], k: int, index: AskIndex) -> bool:
    """A container at tokens[k] holds medicine unless "of" something else follows ("a bottle of
    wine"; but "the bottle", "a packet of baclofen", "a strip of my tablets")."""
    if k + 1 >= len(tokens) or tokens[k + 1].word != "of":
        return True
    held = next((t for t in tokens[k + 2 : k + 5] if t.word not in FILLER), None)
    return held is None or _medicine_word(held, index)


def _read_taking(tokens: list[Token], index: AskIndex, taking: set[str]) -> None:
    """A taking word followed closely by a medicine word is read as "took" ("downed a load of
    his baclofen", "had like 12 tablets"; not "had a lot of pain"). After a taking word, a
    count of tablets at or above `too_many` ("took 8 tablets") and an amount at or above the
    day's maximum ("took 300mg") also read as "too many" / "too much"."""
    take, give = stem("take"), stem("give")
    clause_took = False
    for n, token in enumerate(tokens):
        if token.word == ".":
            clause_took = False
            continue
        if token.word in taking and _medicine_follows(tokens, n, index):
            token.stems.setdefault(take, SYNONYM_WEIGHT)
            token.past = True
        if (take in token.stems or give in token.stems) and token.past:
            clause_took = True
        if not token.word.isdigit() or n + 1 >= len(tokens):
            continue
        # "6 of my baclofen", "8 of the tablets": the word counted may come after "of my".
        after = next((t for t in tokens[n + 1 : n + 4] if t.word not in FILLER), tokens[n + 1])
        amount = int(token.word) if len(token.word) < 7 else 10**6
        counted = after.word in COUNTED or any(s in index.name_stems for s in after.stems)
        # After "took" or "swallowed", a count is of the medicine unless it is of time or an
        # amount ("took about 20 of his muscle relaxers"; not "took 5 days", "took 10 mg").
        taken = (clause_took and after.word not in NOT_COUNTED and after.word not in WEAK_WORDS
                 and not _other_substance(after, index))
        if amount >= index.too_many and (counted or taken):
            token.stems.update({stem("too"): SYNONYM_WEIGHT, stem("many"): SYNONYM_WEIGHT})
        # An amount is only too much when it was taken or given ("my dose is 100 mg" is not).
        if clause_took and index.day_maximum and after.word == index.day_maximum[0] and amount >= index.day_maximum[1]:
            token.stems.update({stem("too"): SYNONYM_WEIGHT, stem("much"): SYNONYM_WEIGHT})


def _join_split_words(tokens: list[Token], index: AskIndex) -> None:
    """"breast feeding" -> also "breastfeeding", when the file uses the joined word."""
    for left, right in zip(tokens, tokens[1:]):
        joined = (left.corrected or left.word) + (right.corrected or right.word)
        if left.word != "." and right.word != "." and joined in index.surface and joined not in STOP_WORDS:
            right.stems.setdefault(index.surface[joined], 1.0)


def _synonym_key(word: str, index: AskIndex) -> bool:
    return stem(word) in index.synonyms


def _add_synonyms(tokens: list[Token], index: AskIndex) -> None:
    """Add what a word (or two or three words in a row) can stand for, at lower weight. The
    words of a matched phrase count less on their own: "brain fog" is about confusion, not
    the brain; "nerve pain" is about pain."""
    longest = index.synonym_words
    typed = [max(t.stems, key=t.stems.get) if t.stems else "" for t in tokens]
    found: list[tuple[int, int, list[list[str]]]] = []
    for start in range(len(tokens)):
        for size in range(1, longest + 1):
            window = tokens[start : start + size]
            if len(window) < size or any(t.word == "." for t in window):
                break
            meanings = index.synonyms.get(" ".join(typed[start : start + size]), [])
            if meanings:
                found.append((start, size, meanings))
    for start, size, meanings in found:
        target = tokens[start + size - 1]
        weight = SYNONYM_WEIGHT * min(target.stems.values(), default=1.0)
        for meaning in meanings:
            for s in meaning:
                if target.stems.get(s, 0.0) < weight:
                    target.stems[s] = weight
            if len(meaning) > 1:
                target.phrases.append(meaning)
        for part in tokens[start : start + size - 1]:
            for s in part.stems:
                part.stems[s] *= PHRASE_PART_WEIGHT


def content_tokens(tokens: list[Token]) -> list[dict[str, float]]:
    """The stems (with weights) of each word that carries meaning; stop words only bring
    their synonyms ("come off" -> "stop")."""
    out = []
    for token in tokens:
        if token.word == ".":
            continue
        if token.word in STOP_WORDS and not token.corrected:
            stems = {s: w for s, w in token.stems.items() if 0.0 < w < 1.0 and s not in STOP_WORDS}
        else:
            # A stem of weight 0 ("take" read into "had") counts for emergencies only.
            stems = {s: w for s, w in token.stems.items() if s not in STOP_WORDS and (w > 0.0 or s == token.word)}
        if stems:
            out.append(stems)
    return out


def query_slots(tokens: list[Token], name_stems: frozenset[str] | list[str] = ()) -> list[dict[str, float]]:
    """What BM25 looks for: one slot per meaningful word (its stems and synonyms with
    weights; a repeated word counts once) and one per pair of neighbouring words. A document
    earns a slot's best alternative only, so a synonym never adds to the word it stands for."""
    words = content_tokens(tokens)
    slots: list[dict[str, float]] = []
    seen: set[tuple[str, ...]] = set()
    for stems in words:
        key = tuple(sorted(stems))
        if key not in seen:
            seen.add(key)
            slots.append(stems)
    pairs: dict[str, float] = {}
    for token in tokens:
        for meaning in token.phrases:
            weight = BIGRAM_WEIGHT * SYNONYM_WEIGHT
            slot = {f"{a}_{b}": weight for a, b in zip(meaning, meaning[1:])}
            if not slot.keys() <= pairs.keys():
                pairs.update(slot)
                slots.append(slot)
    # The medicine's name does not break a pair: "can baclofen cause" pairs "can cause", as
    # "can it cause" does.
    words = [w for w in words if max(w, key=w.get) not in name_stems]
    for left, right in zip(words, words[1:]):
        slot = {}
        for a, wa in left.items():
            for b, wb in right.items():
                slot[f"{a}_{b}"] = BIGRAM_WEIGHT * min(wa, wb)
        if not slot.keys() <= pairs.keys():
            pairs.update(slot)
            slots.append(slot)
    return slots


def bm25(index: AskIndex, slots: list[dict[str, float]]) -> dict[int, list[float]]:
    """Score every document that shares a word with the query: document number -> the
    score each slot of the query earns in it (their sum is the document's BM25 score)."""
    parts: dict[int, list[float]] = {}
    matched: dict[int, float] = {}
    norms = [K1 * (1 - B + B * doc.length / index.avgdl) for doc in index.docs]
    shrink = [1.0 if doc.kind in PHRASINGS else SUMMARY_WEIGHT if doc.kind == "summary" else SECTION_WEIGHT
              for doc in index.docs]
    for n, slot in enumerate(slots):
        best: dict[int, float] = {}
        best_idf: dict[int, float] = {}
        for term, weight in slot.items():
            idf = index.idf.get(term)
            if idf is None:
                continue
            posting = index.postings[term]
            for number, count in zip(posting[::2], posting[1::2]):
                part = weight * idf * count * (K1 + 1) / (count + norms[number]) * shrink[number]
                if part > best.get(number, 0.0):
                    best[number] = part
                if "_" not in term:
                    best_idf[number] = max(best_idf.get(number, 0.0), idf * min(1.0, weight))
        for number, part in best.items():
            parts.setdefault(number, [0.0] * len(slots))[n] = part
        for number, value in best_idf.items():
            matched[number] = matched.get(number, 0.0) + value
    if PHRASING_MATCH_POWER:
        # A phrasing is a whole question: matching one word of a long one is weak evidence.
        for number, values in parts.items():
            doc = index.docs[number]
            if doc.kind in PHRASINGS and index.doc_mass[number] > 0:
                share = min(1.0, matched.get(number, 0.0) / index.doc_mass[number]) ** PHRASING_MATCH_POWER
                parts[number] = [v * share for v in values]
    return parts


class Ranked:
    __slots__ = ("topic", "score", "sections", "bm25", "coverage", "best_kind")

    def __init__(
        self,
        topic: str,
        score: float,
        # (section index, score) best first; sections with no shared word are left out.
        sections: list[tuple[int, float]],
        bm25: float = 0.0,
        coverage: float = 0.0,
        best_kind: str = "",  # the kind of the topic's best document
    ) -> None:
        self.topic, self.score, self.sections = topic, score, sections
        self.bm25, self.coverage, self.best_kind = bm25, coverage, best_kind


def coverage(index: AskIndex, words: list[dict[str, float]]) -> dict[str, float]:
    """For each topic, the share of the question's meaning (idf mass) its documents contain.
    A word the file never uses counts as much as the rarest word, so a question that is
    mostly about something else ("best phone to buy") covers little of any topic."""
    unknown = max(index.idf.values(), default=1.0)
    total = 0.0
    covered: dict[str, float] = {}
    for stems in words:
        typed = max(stems, key=stems.get)
        if stems.keys() <= QUESTION_WORDS | WEAK_STEMS or typed.isdigit() or typed in index.name_stems:
            # Question words, numbers and the medicine's name say nothing about which topic
            # (or whether the question is about the medicine at all: see ANCHORED_MIN_SCORE).
            continue
        known = [index.idf[s] for s in stems if s in index.idf]
        # A word that is only part of a phrase ("not" in "did not take") weighs what it
        # weighs in the ranking.
        strength = min(1.0, max(stems.values()))
        mass = (max(known) if known else unknown) * strength
        total += mass
        best: dict[str, float] = {}
        for s, weight in stems.items():
            for number in index.postings.get(s, [])[::2]:
                topic = index.docs[number].topic
                best[topic] = max(best.get(topic, 0.0), weight)
        for topic, weight in best.items():
            covered[topic] = covered.get(topic, 0.0) + mass * min(1.0, weight / strength)
    if not total:
        # Nothing but question words, words of time and the medicine's name: "what is
        # baclofen" is about every topic, "how are you today" about none.
        named = any(s in index.name_stems for stems in words for s in stems)
        return {topic: 1.0 if named else 0.0 for topic in index.topics}
    return {topic: value / total for topic, value in covered.items()}


def rank(index: AskIndex, tokens: list[Token]) -> list[Ranked]:
    """Topics best first. A topic's score mixes its best document (plus a little of its second)
    with what each word of the question earns in the topic's document that suits it best,
    so a topic that explains every part of a question ("operation" and "stop") beats one
    with a single close phrasing for one part."""
    words = content_tokens(tokens)
    slots = query_slots(tokens, index.name_stems)
    parts = bm25(index, slots)
    shares = coverage(index, words)
    per_topic: dict[str, list[float]] = {}
    per_slot: dict[str, list[float]] = {}
    best_doc: dict[str, tuple[float, str]] = {}
    per_section: dict[str, dict[int, float]] = {}
    for number, values in parts.items():
        doc = index.docs[number]
        score = sum(values)
        per_topic.setdefault(doc.topic, []).append(score)
        if score > best_doc.get(doc.topic, (0.0, ""))[0]:
            best_doc[doc.topic] = (score, doc.kind)
        best = per_slot.setdefault(doc.topic, [0.0] * len(slots))
        for n, value in enumerate(values):
            if value > best[n]:
                best[n] = value
        if doc.section >= 0:
            per_section.setdefault(doc.topic, {})[doc.section] = score
    ranked = []
    for topic, values in per_topic.items():
        values.sort(reverse=True)
        documents = values[0] + (SECOND_DOC_SHARE * values[1] if len(values) > 1 else 0.0)
        total = (1 - TOPIC_SLOT_SHARE) * documents + TOPIC_SLOT_SHARE * sum(per_slot[topic])
        share = shares.get(topic, 0.0)
        sections = sorted(per_section.get(topic, {}).items(), key=lambda s: -s[1])
        ranked.append(Ranked(topic=topic, score=total * share ** COVERAGE_POWER, sections=sections,
                             bm25=total, coverage=share, best_kind=best_doc.get(topic, (0.0, ""))[1]))
    ranked.sort(key=lambda r: (-r.bm25, index.topics.index(r.topic) if r.topic in index.topics else 0))
    return ranked


# ---------------------------------------------------------------------------- emergencies
def _clauses(tokens: list[Token]) -> list[list[Token]]:
    clauses: list[list[Token]] = [[]]
    for token in tokens:
        if token.word in (".", "but", "then"):
            clauses.append([])
        else:
            clauses[-1].append(token)
    return [c for c in clauses if c]


def _matches(phrase: Phrase, clause: list[Token]) -> list[tuple[int, int]]:
    """Where every word of the phrase appears, in any order, within a short window: (start, end).
    Nearest positions are found by bisection, so a long message costs n log n, not n squared."""
    from bisect import bisect_left

    where, by_stem = _clause_view(clause)
    positions: list[list[int]] = []
    for phrase_stem, past in zip(phrase.stems, phrase.past):
        found = [i for i, was_past in by_stem.get(phrase_stem, ()) if was_past or not past]
        if not found:
            return []
        positions.append(found)
    window = 4 * len(phrase.stems)

    def nearest(p: list[int], start: int) -> int:
        k = bisect_left(p, start)
        return min(p[max(0, k - 1) : k + 1], key=lambda i: abs(i - start))

    spans = []
    for start in positions[0]:
        chosen = [nearest(p, start) for p in positions]
        low, high = min(chosen), max(chosen)
        if high - low < window:
            spans.append((where[low], where[high]))
    return spans


# The clauses of the question being read -> (the clause, the clause position of each
# non-filler word, stem -> [(word number, past)]): built once per clause, not per phrasing.
_VIEWS: dict[int, tuple[list[Token], list[int], dict[str, list[tuple[int, bool]]]]] = {}


def _clause_view(clause: list[Token]) -> tuple[list[int], dict[str, list[tuple[int, bool]]]]:
    cached = _VIEWS.get(id(clause))
    if cached is not None and cached[0] is clause and len(cached[0]) == len(clause):
        return cached[1], cached[2]
    where = [n for n, t in enumerate(clause) if t.word not in FILLER]
    by_stem: dict[str, list[tuple[int, bool]]] = {}
    for i, n in enumerate(where):
        token = clause[n]
        for s in token.stems:
            by_stem.setdefault(s, []).append((i, token.past))
    if len(_VIEWS) > 64:
        _VIEWS.clear()
    _VIEWS[id(clause)] = (clause, where, by_stem)
    return where, by_stem


def _has(words: list[str], phrases: tuple[str, ...]) -> bool:
    text = " " + " ".join(words) + " "
    return any(f" {p} " in text for p in phrases)


def _negated(clause: list[Token], start: int, end: int) -> bool:
    before = [t.word for t in clause[max(0, start - 3) : start]]
    inside = {t.word for t in clause[start : end + 1]}
    return any(w in NEGATIONS and w not in inside for w in before)


NOW_STATE, ASKED_STATE, NOT_STATE = "now", "asked", "no"


def _sign_state(clause: list[Token], start: int, end: int, cues: list[Phrase], how_to: list[str]) -> str:
    """Whether the sign at clause[start:end+1] is said to be happening (or to have happened):
    NOW_STATE; asked about ("can baclofen cause fits", "what happens if i have a seizure",
    "how do i know if my pump has stopped"): ASKED_STATE; or neither, being in the past
    history, a condition someone has or a puzzled "confused": NOT_STATE."""
    words = [t.word for t in clause]
    now = _has(words, NOW)
    if _has(words, HISTORY) and not now:
        return NOT_STATE
    inside = clause[start : end + 1]
    before = words[:start]
    if inside[-1].word in PUZZLED and words[end + 1 : end + 2] and words[end + 1] in PUZZLED_BY:
        return NOT_STATE  # "i'm confused about how to stop": puzzled, not confused
    if inside[-1].word in PUZZLED and not (set(before) & (SUBJECTS | ONGOING)) and len(words) <= 2:
        return NOT_STATE  # "mcg and mg, confused.": puzzled
    plural = len(inside) == 1 and inside[0].word.endswith("s")
    if plural and HABITUAL & set(before) and not now:
        return NOT_STATE  # "my son has (cp and) seizures": a condition he has, not one happening now
    past = any(t.past for t in inside)
    if how_to and _has(words, tuple(how_to)) and not now:
        return ASKED_STATE  # "how do i know if my pump has stopped"
    if plural and not past and not (set(words) & (SUBJECTS | ONGOING)) and len(words) <= 3:
        return ASKED_STATE  # "seizures", "withdrawal seizures": a topic, not an event
    near = words[max(0, start - 3) : start]
    ongoing = any(w in ONGOING for w in near) or any(
        t.word.endswith("ing") and any(w in ONGOING for w in words[max(0, start + k - 2) : start + k])
        for k, t in enumerate(inside)
    )
    person = any(w in SUBJECTS for w in words[max(0, start - 2) : start])
    conditional = any(w in CONDITIONALS for w in before)
    asked = (
        any(_matches(cue, clause) for cue in cues)
        or (words[0] in QUESTION_OPENERS and (len(words) < 2 or words[1] != "not"))
        or conditional
    )
    if not asked:
        return NOW_STATE
    # Asked about: only a person it happens to makes it a description ("what do i do, he
    # took too many", "is it normal that she is not breathing"), not "can tablets be crushed".
    if past and any(w in SUBJECTS for w in before):
        return NOW_STATE
    if ongoing and person or (person and not conditional and not any(_matches(c, clause) for c in cues)):
        return NOW_STATE
    return ASKED_STATE


def emergency_rules(tokens: list[Token], index: AskIndex) -> list[Rule]:
    """The emergency phrasings the question describes (see `_sign_state`); none if it only
    asks about a risk."""
    return emergency_signs(tokens, index)[0]


def emergency_signs(tokens: list[Token], index: AskIndex) -> tuple[list[Rule], bool]:
    """The emergency phrasings the question describes, and whether it asks about one without
    describing it ("can baclofen cause fits": then the answer leads with the signs, no alarm)."""
    clauses = _clauses(tokens)
    found: list[Rule] = []
    asked = False
    for rule in index.emergency:
        if rule.context and not all(
            any(not _negated(c, lo, hi) for c in clauses for lo, hi in _matches(part, c)) for part in rule.context
        ):
            continue
        states = {
            _sign_state(clause, start, end, index.cues, index.how_to)
            for clause in clauses
            for start, end in _matches(rule.sign, clause)
            if not _negated(clause, start, end)
        }
        if NOW_STATE in states:
            found.append(rule)
        elif ASKED_STATE in states:
            asked = True
    return found, asked


def _said(phrases: list[Phrase], tokens: list[Token]) -> bool:
    """Whether any of the phrases is in the question, asked or not, and not negated by the
    word just before it ("i'm not suicidal"; but "i don't see the point in living" counts)."""
    clauses = _clauses(tokens)
    return any(
        not (start and clause[start - 1].word in NEGATIONS)
        for phrase in phrases
        for clause in clauses
        for start, end in _matches(phrase, clause)
    )


def _pet_words(tokens: list[Token], index: AskIndex) -> list[str]:
    pets = set(index.pets)
    return [t.word for t in tokens if t.word in pets]


def _ate_or_took(tokens: list[Token]) -> bool:
    """A past "took", "ate", "swallowed", "got into" (said of an animal: an emergency)."""
    eaten = {stem(w) for w in ("take", "eat", "swallow", "chew", "get")}
    return any(t.past and eaten & t.stems.keys() for t in tokens)


def _rule_evidence(index: AskIndex, rules: list[Rule]) -> dict[str, float]:
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
        stems = {s for phrase in (rule.sign, *rule.context) for s in phrase.stems}
        topic = next((t for s, t in index.rule_topics if s in stems), None)
        if topic:
            best[topic] = best.get(topic, 0.0) + RULE_TOPIC_BONUS
    return best


# ---------------------------------------------------------------------------- the answer
class Answer:
    __slots__ = ("query", "emergency", "results", "drugs", "corrections", "caution", "notices", "reason",
                 "other_medicines", "unread")

    def __init__(
        self,
        query: str,
        emergency: bool,
        # [{"topic", "section", "kind", "score", "text"}], best first (the --json contract).
        results: list[dict[str, Any]],
        # Names from the interactions block that the question mentions (canonical names).
        drugs: list[str] | None = None,
        # Typed words that were read as other words ("pergnant" -> "pregnant").
        corrections: dict[str, str] | None = None,
        # Asks about an emergency sign without describing one: the emergency signs lead the
        # answer, without the alarm ("can baclofen cause fits", "what number do i call").
        caution: bool = False,
        # Messages from the file shown before any answer: [{"kind", "text", "sources"}].
        notices: list[dict[str, Any]] | None = None,
        # Why: "" (ranked), "self-harm", "pet", "other-medicine", "numbers".
        reason: str = "",
        # Other medicines a dose or use question is about, as typed.
        other_medicines: list[str] | None = None,
        # Characters beyond MAX_QUERY_CHARS that were not read.
        unread: int = 0,
    ) -> None:
        self.query, self.emergency, self.results = query, emergency, results
        self.drugs = drugs or []
        self.corrections = corrections or {}
        self.caution, self.reason, self.unread = caution, reason, unread
        self.notices = notices or []
        self.other_medicines = other_medicines or []


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


def _substances(tokens: list[Token], index: AskIndex) -> dict[int, str]:
    """Token position -> the other medicine, drink or drug it names: by name ("xanax"), or
    through the file's synonyms ("pints" -> alcohol; "paracetamol" -> other medicines)."""
    found: dict[int, str] = {}
    for start, end, key in _drug_spans(tokens, index):
        for n in range(start, end + 1):
            found[n] = index.drugs[key]
    for n, token in enumerate(tokens):
        if n in found or not token.stems or token.distance > 1:
            continue
        typed = max(token.stems, key=token.stems.get)
        synonyms = {s for s in token.stems if s != typed}
        named = synonyms & index.drug_stems.keys()
        if named:
            found[n] = index.drug_stems[min(named)]
        elif all(part in synonyms for part in OTHER_MEDICINE):
            found[n] = token.word
    return found


def _refers_to_medicine(tokens: list[Token], index: AskIndex, substances: dict[int, str]) -> bool:
    """"it", "my tablets", "the dose": the question most likely speaks of this medicine. Not
    when the word belongs to another medicine ("blood pressure tablets", "a dose of vitamin d")."""
    words = [t.word for t in tokens]
    for n, token in enumerate(tokens):
        if token.word == "it" and DUMMY_IT_NEAR & set(words[max(0, n - 1) : n + 2]):
            after = words[n + 1 : n + 5]
            # "is it ok to...", "it is safe if...", and a closing "...is it" ("what time is it").
            if DUMMY_IT_CLAUSE & set(after) or not after or after[0] == ".":
                continue
        if not (stem(token.word) in index.references or token.word in REFERENCES):
            continue
        near = {n - 1, n + 1} | ({n + 2} if n + 1 < len(words) and words[n + 1] in ("of", "for") else set())
        if token.word != "it" and any(k in substances or (0 <= k < len(tokens) and tokens[k].unknown) for k in near):
            continue  # "blood pressure tablets", "a dose of amoxicillin"
        if token.word == "pill" and n and words[n - 1] == "the":
            continue  # "the pill": the contraceptive pill
        if token.word != "it" and n and words[n - 1] in OTHER_KIND:
            continue  # "the best medicine for a cold", "another tablet"
        return True
    return False


def _only_the_name(tokens: list[Token], index: AskIndex) -> bool:
    words = content_tokens(tokens)
    named = [w for w in words if max(w, key=w.get) in index.name_stems]
    rest = [w for w in words if max(w, key=w.get) not in index.name_stems and not w.keys() <= QUESTION_WORDS | WEAK_STEMS]
    return bool(named) and not rest


def min_score(
    tokens: list[Token], index: AskIndex, ranked: list[Ranked], drugs: list[str], emergency: bool,
    unaided: Ranked | None = None, substances: dict[int, str] | None = None, named_before: bool = False,
) -> float | None:
    """The score the best topic needs for an answer; None when the question is about something
    else. An emergency is in scope by definition. A question that names the medicine is about
    it; one that says "it", "my tablets" or "the dose" most likely is. A question about another
    medicine that does not also speak of this one ("side effects of metformin", "can i drink
    on antibiotics") is not, unless it only asks whether that medicine goes with this one
    ("beer?", "can i take ibuprofen")."""
    if emergency:
        return 0.0
    named = named_before or any(s in index.anchors for t in tokens for s in t.stems)
    if substances is None:
        substances = _substances(tokens, index)
    referred = named or _refers_to_medicine(tokens, index, substances)
    others = len(set(substances.values()))
    if others and not referred:
        # The best topic on the question's words alone, before a named medicine lifts the
        # interactions topic: "how much ibuprofen can i take" is about a dose, of ibuprofen.
        best = unaided or (ranked[0] if ranked else None)
        if others > 1 or not best or best.topic != index.interactions_topic or best.coverage < SUBSTANCE_COVERAGE:
            return None
    if named or others:
        return ANCHORED_MIN_SCORE
    typed = [t for t in tokens if t.word != "."]
    if (
        0 < len(typed) <= SHORT_QUESTION_WORDS
        and not any(t.unknown or t.corrected or t.word in QUESTION_WORDS or t.word in STOP_WORDS
                    or t.word in WEAK_WORDS or t.word in OTHER_KIND for t in typed)
    ):
        # "fever", "dry mouth", "dosage": a word or two, each the file's own, nothing else asked.
        return ANCHORED_MIN_SCORE
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
    if ranked and is_definition([t.word for t in tokens]) and ranked[0].best_kind not in ("definition", "phrasing"):
        # "what is multiple sclerosis" matches "is it for multiple sclerosis", a question about
        # the medicine; but it asks about the illness. A "what is" question that speaks of
        # neither the medicine nor "it" is answered only when the file asks it that way too
        # ("what is the half life", "what are the side effects", "opening hours of the clinic").
        return None
    return MIN_SCORE


def _notice(statement: Any, kind: str) -> dict[str, Any]:
    return {"kind": kind, "text": statement.text, "sources": list(statement.sources)}


def answer(kb: KnowledgeBase, index: AskIndex, question: str) -> Answer:
    """The answer to one question: emergencies first (self-harm, animals, the signs), then
    out of scope (another medicine's dose or use), then the ranked topics."""
    unread = max(0, len(question) - MAX_QUERY_CHARS)
    tokens = analyse(question, index)
    corrections = {t.word: t.corrected for t in tokens if t.corrected}
    hints = kb.ask
    base = {"query": question, "corrections": corrections, "unread": unread}
    if index.self_harm and _said(index.self_harm, tokens):
        # Crisis help first; never the dose numbers: only the "what to do now" sections.
        notices = [_notice(hints.crisis_message, "emergency")] if hints.crisis_message else []
        results: list[dict[str, Any]] = []
        topic = kb.topic(index.crisis_topic) if index.crisis_topic else None
        if topic is not None:
            urgent = [i for i, sec in enumerate(topic.sections) if sec.kind == "emergency"][:1]
            results = [_result(topic, i, 1.0) for i in urgent]
        return Answer(emergency=True, results=results, notices=notices, reason="self-harm", **base)
    rules, asked = emergency_signs(tokens, index)
    if _pet_words(tokens, index):
        # An animal: a vet or an animal poison line, never the human uses, doses or numbers.
        urgent = bool(rules) or _ate_or_took(tokens)
        notices = [_notice(hints.pet_message, "emergency" if urgent else "warning")] if hints.pet_message else []
        return Answer(emergency=urgent, results=[], notices=notices, reason="pet", **base)
    numbers = bool(index.number_requests) and _said(index.number_requests, tokens)
    phrase_stems = {s for p in index.number_requests for s in p.stems}
    # "911", "emergency!", "what number do i call": asking for help now. Not "emergency
    # contraception" or "what to do in an emergency with the pump" (the numbers lead, no alarm).
    short = all(max(w, key=w.get) in phrase_stems or max(w, key=w.get) in HELP_STEMS for w in content_tokens(tokens)
                if not w.keys() <= QUESTION_WORDS | WEAK_STEMS)
    emergency = bool(rules) or (numbers and short)
    caution = not emergency and (asked or numbers)
    reason = "numbers" if numbers and not rules else ""
    substances = _substances(tokens, index)
    drugs = mentioned_drugs(tokens, index)
    notices: list[dict[str, Any]] = []
    major = [key for key in drugs if index.drugs[key] in index.major_drugs]
    if major:
        # "took baclofen and 3 of my oxycodone": taken together with a major group is an
        # emergency; asked about ("can i take xanax with it"), its verdict leads the answer.
        took = any(t.past and stem(TOOK) in t.stems for t in tokens)
        if not emergency and took and any(index.drugs[key] in index.taken_together for key in major):
            emergency, caution = True, False
        verdict = kb.interactions.verdicts.get("major")
        if verdict is not None:
            notices.append(_notice(verdict, "emergency" if emergency else "warning"))
    unknown = _unknown_medicine(tokens, index, substances)
    if unknown and kb.interactions.unknown_drug is not None:
        # "can i take florbitrex with baclofen": never silence, never "no interaction".
        notices.append(_notice(kb.interactions.unknown_drug, "warning"))
    if not emergency:
        others = _other_medicine_question(tokens, index, substances)
        if others:
            notices = [_notice(hints.other_medicine_message, "info")] if hints.other_medicine_message else []
            return Answer(emergency=False, results=[], drugs=drugs, notices=notices, reason="other-medicine",
                          other_medicines=others, caution=caution, **base)
    ranking_tokens = tokens
    focus = _focus(question, tokens)
    if focus is not None:
        ranking_tokens = analyse(focus, index)
    results = _ranked_results(kb, index, ranking_tokens, rules, emergency, named_before=focus is not None and any(
        s in index.anchors for t in tokens for s in t.stems))
    if not results and focus is not None:
        results = _ranked_results(kb, index, tokens, rules, emergency)
    if not results and (emergency or numbers) and index.emergency_topics:
        # "911", "what number do i call": the first topic that says what to do in an emergency.
        topic = kb.topic(index.emergency_topics[0])
        if topic is not None:
            results = _topic_results(kb, Ranked(topic.id, 1.0, []), limit=1, emergency=True)
    return Answer(emergency=emergency, results=results[:MAX_RESULTS], drugs=drugs, caution=caution,
                  reason=reason, notices=notices, **base)


# The past tense that says a medicine was taken ("took"), not asked about ("can i take").
TOOK = "took"
# Words next to a medicine's name in "can i take X with it", "X and baclofen", "mix X with".
_MIXING_WORDS = frozenset({"with", "and", "mix", "mixing", "combine", "plus", "alongside"})


def _unknown_medicine(tokens: list[Token], index: AskIndex, substances: dict[int, str]) -> list[str]:
    """Words that stand where another medicine's name would, in a question about taking it
    with this one, and that the file does not know ("can i take florbitrex with baclofen")."""
    words = [t.word for t in tokens]
    if not (_MIXING_WORDS & set(words)):
        return []
    if not (any(s in index.anchors for t in tokens for s in t.stems) or "it" in words):
        return []
    found = []
    for n, token in enumerate(tokens):
        if not token.unknown or token.corrected or len(token.word) < 5 or n in substances:
            continue
        before = words[n - 1] if n else ""
        after = words[n + 1] if n + 1 < len(words) else ""
        if before in _MIXING_WORDS | {"take", "taking", "took", "on", "my"} and (after in _MIXING_WORDS or before in _MIXING_WORDS):
            found.append(token.word)
    return found


def _focus(question: str, tokens: list[Token]) -> str | None:
    """In a long message, the last sentence that asks something ("... anyway my question is
    can he have a glass of wine"), from a "question:" marker on; None for a short one."""
    words = sum(1 for t in tokens if t.word != ".")
    if words < LONG_MESSAGE_WORDS:
        return None
    import re

    sentences = [p.strip() for p in re.split(r"(?<=[.!?\n])", question[:MAX_QUERY_CHARS]) if p.strip()]
    if len(sentences) < 2:
        return None
    asking = [
        p for p in sentences
        if p.endswith("?") or "question" in p.casefold() or (words_of(p)[:1] and words_of(p)[0] in QUESTION_OPENERS)
    ]
    if not asking:
        return None
    focus = asking[-1]
    marker = re.search(r"question(?:\s+is)?\s*[:,-]?\s*", focus, flags=re.IGNORECASE)
    if marker and marker.end() < len(focus):
        focus = focus[marker.end():]
    return focus if len(words_of(focus)) >= 2 else None


def _other_medicine_question(tokens: list[Token], index: AskIndex, substances: dict[int, str]) -> list[str]:
    """The other medicines a question asks the dose or use of, when it does not speak of this
    one ("oxycodone max dose per day", "how much melatonin should i take"); else []."""
    words = [t.word for t in tokens]
    if not index.other_cues or not _has(words, tuple(index.other_cues)):
        return []
    if any(s in index.anchors for t in tokens for s in t.stems):
        return []
    others: list[str] = []
    for n, token in enumerate(tokens):
        if n in substances:
            name = substances[n]
            if name not in others:
                others.append(name)
        elif (
            token.unknown and not token.corrected and len(token.word) >= 5 and token.word not in others
            and n and tokens[n - 1].word in ("of", "much", "many")
        ):
            others.append(token.word)  # "how much melatonin", "a dose of ashwagandha"
    if not others:
        return []
    for n, token in enumerate(tokens):
        # "my tablets", "your dose", a plain "it": this medicine, unless next to the other one.
        if token.word == "it" and not (DUMMY_IT_NEAR & set(words[max(0, n - 1) : n + 2])):
            return []
        if token.word in REFERENCES and n and words[n - 1] in ("my", "your", "his", "her", "their", "our"):
            near = {n - 1, n + 1, n + 2}
            if not any(k in substances or (k < len(tokens) and tokens[k].unknown) for k in near):
                return []
    return others


def _words_not_in(index: AskIndex, topic: str, tokens: list[Token]) -> list[str]:
    """The meaningful words of the question (as typed) that the topic's documents do not use."""
    missing = []
    for stems in content_tokens(tokens):
        typed = max(stems, key=stems.get)
        if typed in index.name_stems or stems.keys() <= QUESTION_WORDS | WEAK_STEMS or typed.isdigit():
            continue
        if not any(index.docs[n].topic == topic for n in index.postings.get(typed, [])[::2]):
            missing.append(typed)
    return missing


def _ranked_results(
    kb: KnowledgeBase, index: AskIndex, tokens: list[Token], rules: list[Rule], emergency: bool,
    named_before: bool = False,
) -> list[dict[str, Any]]:
    ranked = rank(index, tokens)
    drugs = mentioned_drugs(tokens, index)
    substances = _substances(tokens, index)
    unaided = ranked[0] if ranked else None
    if (drugs or substances) and index.interactions_topic:
        # A named medicine from the interactions block: the interactions topic is relevant.
        for item in ranked:
            if item.topic == index.interactions_topic:
                item.score = max(item.score, MIN_SCORE)
        ranked.sort(key=lambda r: -r.score)
    if emergency and index.emergency_topics:
        # Emergencies first: answer from a topic that says what to do in one, when one fits,
        # led by what the emergency phrasings that matched point to.
        evidence = _rule_evidence(index, rules)
        for item in ranked:
            item.bm25 += RULE_WEIGHT * evidence.get(item.topic, 0.0)
            item.score = max(item.score, RULE_WEIGHT * evidence.get(item.topic, 0.0))
        # A topic the phrasings point to that shares no word with the question ("overdid").
        present = {item.topic for item in ranked}
        ranked += [Ranked(topic=t, score=RULE_WEIGHT * v, sections=[], bm25=RULE_WEIGHT * v)
                   for t, v in evidence.items() if t not in present and v > 0]
        ranked.sort(key=lambda r: -r.bm25)
        urgent = [r for r in ranked if r.topic in index.emergency_topics]
        if urgent:
            ranked = urgent + [r for r in ranked if r.topic not in index.emergency_topics]
    floor = min_score(tokens, index, ranked, drugs, emergency, unaided, substances, named_before=named_before)
    if floor is None and ranked and ranked[0].best_kind == "about" and ranked[0].coverage < FULL_COVERAGE:
        # Turned down only because the best match is a question about the medicine with
        # something else in the place of "it". When that something else is what another topic
        # is headed by, and that topic explains the whole question and scores higher for it,
        # it answers instead ("does withdrawal cause seizures": stopping, "Signs of withdrawal").
        missing = _words_not_in(index, ranked[0].topic, tokens)
        whole = [r for r in ranked[1:] if r.coverage >= FULL_COVERAGE and r.score > ranked[0].score
                 and missing and all(w in index.headings.get(r.topic, []) for w in missing)]
        if whole:
            best = max(whole, key=lambda r: r.score)
            ranked = [best] + [r for r in ranked if r is not best]
            floor = min_score(tokens, index, ranked, drugs, emergency, unaided, substances, named_before=named_before)
    if _only_the_name(tokens, index):
        # "what is baclofen", "baclofen?": the document about the medicine itself.
        home = next((d.topic for d in index.docs if d.kind == "drug"), index.topics[0] if index.topics else "")
        ranked = [Ranked(topic=home, score=max(ANCHORED_MIN_SCORE, ranked[0].score if ranked else 0.0), sections=[])]
    results: list[dict[str, Any]] = []
    if ranked and floor is not None and ranked[0].score > 0 and ranked[0].score >= floor:
        best = ranked[0]
        results += _topic_results(kb, best, limit=2, emergency=emergency)
        if len(ranked) > 1 and ranked[1].score >= RUNNER_UP_SHARE * best.score:
            results += _topic_results(kb, ranked[1], limit=1, emergency=emergency)
    return results


def _topic_results(kb: KnowledgeBase, ranked: Ranked, limit: int, emergency: bool = False) -> list[dict[str, Any]]:
    topic = kb.topic(ranked.topic)
    if topic is None:
        return []
    picks: list[tuple[int, float]] = []
    urgent = [i for i, section in enumerate(topic.sections) if section.kind == "emergency"]
    if emergency and urgent:
        # An emergency: the topic's "what to do now" section comes first, then the best match.
        scored = dict(ranked.sections)
        # The first one (the file's "what to do now") unless another fits the question far better.
        best_urgent = max(urgent, key=lambda i: (scored.get(i, 0.0), -i))
        first = best_urgent if scored.get(best_urgent, 0.0) > 1.5 * scored.get(urgent[0], 0.0) + 1.0 else urgent[0]
        picks.append((first, ranked.score))
        rest = [(i, sc) for i, sc in ranked.sections if i != first][: limit - 1]
        top = ranked.sections[0][1] if ranked.sections else 1.0
        picks += [(i, ranked.score * sc / top) for i, sc in rest if sc >= SECOND_SECTION_SHARE * top]
    elif ranked.sections:
        first_index, first_score = ranked.sections[0]
        picks.append((first_index, ranked.score))
        for section_index, section_score in ranked.sections[1:limit]:
            if section_score >= SECOND_SECTION_SHARE * first_score:
                picks.append((section_index, ranked.score * section_score / first_score))
    else:
        picks.append((0, ranked.score))
    lead = kb.ask.lead_sections.get(topic.id)
    lead_index = next((i for i, section in enumerate(topic.sections) if section.heading == lead), None)
    if lead_index is not None and not (emergency and urgent):
        # The topic's rule leads ("never change your dose on your own"), before any detail.
        rest = [(i, score) for i, score in picks if i != lead_index]
        picks = [(lead_index, ranked.score), *rest][: max(limit, len(picks))]
    return [_result(topic, i, score) for i, score in picks]


def _result(topic: Topic, section_index: int, score: float) -> dict[str, Any]:
    section = topic.sections[section_index]
    return {
        "topic": topic.id,
        "section": section.heading,
        "kind": section.kind,
        "score": round(score, 3),
        "text": [p.text for p in section.points],
    }


def json_view(result: Answer) -> dict[str, Any]:
    """The `--json` contract: query, emergency, caution (the signs lead the answer without the
    alarm), notices (messages shown first), results (each with its section's kind), unread
    (characters beyond the bound that were not read)."""
    return {
        "query": result.query,
        "emergency": result.emergency,
        "caution": result.caution,
        "notices": result.notices,
        "results": result.results,
        "unread": result.unread,
    }


# ---------------------------------------------------------------------------- for the renderers
def topic_command(topic_id: str, command: str) -> str:
    """The command that shows a whole topic: `baclofen missed-dose`, or `baclofen show ID`
    for a topic a clinic's file adds."""
    from baclofen_cli.cli_spec import TOPIC_COMMANDS

    return f"{command} {topic_id}" if topic_id in TOPIC_COMMANDS else f"{command} show {topic_id}"


def interactions_command(name: str, command: str) -> str:
    quoted = f'"{name}"' if " " in name else name
    return f"{command} interactions {quoted}"


def display_view(kb: KnowledgeBase, result: Answer, command: str, in_guide: bool = False) -> dict[str, Any]:
    """Everything the text renderers show: the --json answer plus titles, pointers, the
    notices (crisis help, the vet line, "this guide is about baclofen"), and the emergency box
    (when the question describes an emergency) or the signs (when it only asks about one).
    In the guide, the pointers name what to type there ("missed-dose"), not a shell command."""
    from baclofen_cli.views import emergency_view, topics_list_view

    topics = {t.id: t for t in kb.topics}

    def topic_hint(topic_id: str) -> str:
        return topic_id if in_guide else topic_command(topic_id, command)

    def drug_hint(name: str) -> str:
        return (f'"{name}"' if " " in name else name) if in_guide else interactions_command(name, command)

    # The topic's "in short" goes with its answer: the section that matched the words best
    # may be a detail, and the summary carries the safety message ("never change your dose").
    results = [
        {
            **r,
            "title": topics[r["topic"]].title if r["topic"] in topics else r["topic"],
            "summary": topics[r["topic"]].summary.text if r["topic"] in topics else "",
            "command": topic_hint(r["topic"]),
        }
        for r in result.results
    ]
    animal = result.reason == "pet"
    # Only names from the interactions block are offered a check (others are "not in this guide").
    drugs = [{"name": name, "command": drug_hint(name)} for name in result.drugs if not animal]
    if len(drugs) > 1 and not in_guide:
        # Several names: the one check that weighs them together ("interactions xanax beer") first.
        together = " ".join(f'"{d["name"]}"' if " " in d["name"] else d["name"] for d in drugs)
        drugs.insert(0, {"name": " and ".join(d["name"] for d in drugs), "command": f"{command} interactions {together}"})
    answered_otherwise = bool(result.notices) and not results
    return {
        "query": result.query,
        "notices": result.notices,
        "emergency": emergency_view(kb) if result.emergency and not animal else None,
        "caution": emergency_view(kb) if result.caution and not result.emergency and not animal else None,
        "results": results,
        "drugs": drugs,
        "corrections": dict(result.corrections),
        "topics": topics_list_view(kb) if not results and not answered_otherwise else [],
        "disclaimer": kb.disclaimer.text,
        "command": command,
        "in_guide": in_guide,
        "unread": result.unread,
        "read_chars": MAX_QUERY_CHARS,
    }
