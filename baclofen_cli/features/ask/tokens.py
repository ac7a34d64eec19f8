"""Step 1 of `ask`, words: read text into words, write out contractions, stem, correct typos.

The words of a language (stop words, contractions and texting forms, irregular verbs, the
words the emergency grammar reads) are data: `baclofen_cli/lang/<language>_ask.yaml`, loaded
by `ask_words` (English when the language has no file); the stemmers are in `stemming`. `build_index` puts them into the
cached index, so answering a question never reads YAML.
"""
from __future__ import annotations

from typing import Any, NamedTuple

from baclofen_cli.features.ask.stemming import light_stem, snowball

# Words longer than this are never corrected (no real word is; it bounds the fuzzy search).
MAX_WORD_CHARS = 40
CLAUSE_BREAKS = frozenset(".!?;,")
APOSTROPHES = "'\u2019\u2018`\u00b4\u02bc"
# Terminal escape sequences (CSI, OSC, two-byte) and other control and invisible format
# characters: removed before reading, so "\x1b[31mfit" or a zero-width space hides nothing.
_UNSEEN = (r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
           r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# Invisible inside a word (soft hyphen, zero-width and direction marks): removed, not spaced.
_INVISIBLE = r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
DEFAULT_LANGUAGE = "en"

# The keys of a language file that are sets of words.
_WORD_SETS = (
    "stop_words", "question_words", "weak_words", "filler", "negations", "subjects", "ongoing", "question_openers",
    "conditionals", "habitual", "puzzled", "puzzled_by", "counted", "quantity", "not_counted", "references",
    "other_kind", "dummy_it_near", "dummy_it_clause", "unstemmed", "help_words", "mixing_words", "clause_words",
    "amount_of", "possessives", "taking_before", "already", "present", "perfect", "yes_no_openers", "prescribers",
    "mistakes", "past_after", "opener_lead_ins", "either_tense", "present_after", "past_clitics",
    "short_question_ignores", "clause_joiners", "clause_verbs", "clock_before", "condition_nouns", "loose_taking",
    "place_words", "drinks", "puzzled_lead_ins", "number_joiners", "intent_words", "pointing_back", "together_words",
    "definition_words", "advice_words", "other_kind_after", "names_before_it", "counterfactual_words",
    "counterfactual_subjects", "unheaded",
)
# The language file's lists of phrases and endings, kept in order (tuples, not sets).
_PHRASE_LISTS = ("history", "routine", "not_now", "hypothetical", "now", "eating_words", "question_markers",
                 "request_markers", "gerund_suffixes", "past_suffixes", "past_after_endings", "idioms",
                 "general_subjects", "all_well", "remedy_asks", "counterfactual_endings", "usual_dose",
                 "habitual_past_endings", "past_times", "passive_before")
# Keys a language may leave out (and English does): empty then.
_OPTIONAL = ("not_now", "hypothetical", "past_after", "opener_lead_ins", "past_after_endings", "either_tense",
             "present_after", "past_clitics", "short_question_ignores", "clause_joiners", "clause_verbs",
             "clock_before", "condition_nouns", "loose_taking", "place_words", "idioms", "drinks", "general_subjects",
             "puzzled_lead_ins", "number_joiners", "intent_words", "all_well", "pointing_back", "request_markers",
             "together_words", "remedy_asks", "definition_words", "advice_words", "other_kind_after",
             "names_before_it", "counterfactual_words", "counterfactual_subjects", "counterfactual_endings",
             "usual_dose", "habitual_past_endings", "past_times", "passive_before", "unheaded")


class AskWords(NamedTuple):
    """One language's words for reading questions (see lang/en_ask.yaml for what each is)."""

    language: str
    stemmer: str
    stop_words: frozenset[str]
    question_words: frozenset[str]
    weak_words: frozenset[str]
    filler: frozenset[str]
    negations: frozenset[str]
    subjects: frozenset[str]
    ongoing: frozenset[str]
    question_openers: frozenset[str]
    conditionals: frozenset[str]
    habitual: frozenset[str]
    puzzled: frozenset[str]
    puzzled_by: frozenset[str]
    counted: frozenset[str]
    quantity: frozenset[str]
    not_counted: frozenset[str]
    references: frozenset[str]
    other_kind: frozenset[str]
    dummy_it_near: frozenset[str]
    dummy_it_clause: frozenset[str]
    unstemmed: frozenset[str]
    help_words: frozenset[str]
    mixing_words: frozenset[str]
    clause_words: frozenset[str]
    amount_of: frozenset[str]
    possessives: frozenset[str]
    taking_before: frozenset[str]
    # "already (done it)": the amount a message gives was taken.
    already: frozenset[str]
    # Present-tense verbs: after a phrase of the past ("last week ..."), a sign said with one of these is now.
    present: frozenset[str]
    # ... unless a past form follows it ("has had fits", "has been fine").
    perfect: frozenset[str]
    # Openers of a yes-or-no question ("can i drive", "is it addictive").
    yes_no_openers: frozenset[str]
    # Who changes a dose on purpose ("my doctor doubled my dose"), unless by one of the mistakes.
    prescribers: frozenset[str]
    mistakes: frozenset[str]
    # "he", "acabo": the next word is past when it ends in `past_after_endings` ("me he tomado").
    past_after: frozenset[str]
    # Words before a question opener that still open the question ("se puede...", "y si...").
    opener_lead_ins: frozenset[str]
    # Spellings both present and past without accents ("tomo", "tomó"): present after `present_after`
    # words ("lo tomo"), unless a `past_clitics` word leads those ("se lo tomo": he took it).
    either_tense: frozenset[str]
    present_after: frozenset[str]
    past_clitics: frozenset[str]
    # Words a one- or two-word question may carry besides ("se me olvidó" is one word).
    short_question_ignores: frozenset[str]
    # "... had a bug and was sick twice": a joiner and one of these verbs starts a new clause.
    clause_joiners: frozenset[str]
    clause_verbs: frozenset[str]
    # Words before a number that make it a time of day, not a count ("la de las 8").
    clock_before: frozenset[str]
    # Drinks that are no medicine ("agua", "café"): a taking verb near one is about the drink.
    drinks: frozenset[str]
    # "a seizure disorder" (a condition); "dropped 5 on the floor" (a `loose_taking` word, not "took").
    condition_nouns: frozenset[str]
    loose_taking: frozenset[str]
    place_words: frozenset[str]
    # "a bit confused, ...": words that may come before a puzzled word that stands alone.
    puzzled_lead_ins: frozenset[str]
    # "a hundred and twenty": the word between the parts of a number said in words (amounts.read_numbers).
    number_joiners: frozenset[str]
    # "i'm not thinking of hurting myself": words that may stand between a negation and the
    # self-harm phrasing it negates (emergency.said); "i don't see the point in living" still counts.
    intent_words: frozenset[str]
    # "... some of his tablets. Is that a good idea?": words of a short question that points back (focus).
    pointing_back: frozenset[str]
    # "baclofen meaning", "define baclofen": words that ask what a named thing is (scope.only_the_name).
    definition_words: frozenset[str]
    # "... Any tips from carers?": a short closing sentence with one of these calls for advice (focus).
    advice_words: frozenset[str]
    # Words that ask to put two named medicines together, anywhere (scope.asks_mixing).
    together_words: frozenset[str]
    # After a word of the medicine, another kind of it ("remedios caseros", "pastillas naturales"):
    # where the language puts such words after the noun (`other_kind` is before it).
    other_kind_after: frozenset[str]
    # Pronouns for "it" that stand for the medicine named just before them in their clause
    # ("el lorazepam crea dependencia si lo tomo": the lorazepam), unless a mixing word is between.
    names_before_it: frozenset[str]
    history: tuple[str, ...]
    # "as usual": what is described is the routine, not an event.
    routine: tuple[str, ...]
    # Phrases with a `now` word that do not say it is now ("now and then").
    not_now: tuple[str, ...]
    # Phrases that make what follows a supposed event, asked about ("what would happen").
    hypothetical: tuple[str, ...]
    # "fine now", "salió todo bien": the signs a message tells of are over (settled.settle).
    all_well: tuple[str, ...]
    now: tuple[str, ...]
    definition_openers: tuple[tuple[str, ...], ...]
    eating_words: tuple[str, ...]
    question_markers: tuple[str, ...]
    request_markers: tuple[str, ...]
    # "having", "teniendo": a word of an ongoing sign ("he is having a fit").
    gerund_suffixes: tuple[str, ...]
    # Endings of a past form, for a stemmer other than "light" (which knows English "-ed").
    past_suffixes: tuple[str, ...]
    past_after_endings: tuple[str, ...]
    # "an adult", "teenagers", "your heart": the population at large, the subject of a general
    # health question when the medicine is not spoken of (scope.min_score).
    general_subjects: tuple[str, ...]
    # "how can i stop ...", "home remedies for ...": self-care for a complaint at large (scope.min_score).
    remedy_asks: tuple[str, ...]
    other_medicine_words: tuple[str, ...]
    expansions: dict[str, tuple[str, ...]]
    irregular: dict[str, tuple[str, bool]]
    roles: dict[str, str]
    # Figures of speech ("me muero de ganas"): the phrase's words mean nothing (neither sign nor word
    # to rank by) when a word listed (any, for an empty list) follows. That word keeps its meaning.
    figures: dict[str, tuple[str, ...]] = {}
    amount_units: dict[str, tuple[float, str]] = {}
    # Number words that combine with the numbers around them ("ciento veinte" -> 120, "two
    # hundred" -> 200): word -> value (amounts.read_numbers).
    number_words: dict[str, int] = {}
    # Idioms: their words keep the file's synonyms for them, not their literal stems (figures.read_idioms).
    idioms: tuple[str, ...] = ()
    # An age said as a bare number ("over 80", "tiene 85 años"): {"before": words before it,
    # "after": words after it, "means": what it stands for, "from"/"to": the numbers read as an
    # age} (ages.read_ages); {} reads none.
    ages: dict[str, Any] = {}
    # Derived with the language's own stemmer (see `_derive`).
    weak_stems: frozenset[str] = frozenset()
    help_stems: frozenset[str] = frozenset()
    other_medicine: tuple[str, ...] = ()
    eating_stems: frozenset[str] = frozenset()
    # Other words allowed between a self-harm phrasing's words (-1: 4 x its length). English: 1.
    self_harm_slack: int = -1
    # Measured on one language's sets, not carried over (0: off): scope.off_subject's share, focus.py's.
    subject_share: float = 0.0
    # A language that drops the subject ("¿para qué sirve?", "¿cómo se toma?"): a question of at
    # most this many words that names nothing else is about the medicine (0: off; scope.implied_subject).
    implied_subject_words: int = 0
    background_share: float = 0.0
    # A supposed event in the grammar of one ("if i took two, would i...", "si me tomara diez"):
    # a conditional opening the question, then one of these words, or a taking word with one of
    # these endings; with `counterfactual_subjects`, only of them ("i", "we": the one asking knows
    # whether they took it). supposed.supposed_event.
    counterfactual_words: frozenset[str] = frozenset()
    counterfactual_subjects: frozenset[str] = frozenset()
    counterfactual_endings: tuple[str, ...] = ()
    # Another medicine's dose said to be the usual one ("had my usual gabapentin", "como le
    # mandaron"): no overdose of it, so no "taken together" alarm (answer.py).
    usual_dose: tuple[str, ...] = ()
    # Endings of a past that went on ("ya tomaba tramadol": was taking): no single dose taken.
    habitual_past_endings: tuple[str, ...] = ()
    # Words before a taking word that make it a question of how it is taken, not a dose taken
    # ("can baclofen be taken too", "is it being taken with food"): tense.ordinary_taking.
    passive_before: tuple[str, ...] = ()
    # Words of a general subject ("a baby") that do not tie the question to a topic headed by them
    # ("Can it affect my baby?"): scope.min_score.
    unheaded: frozenset[str] = frozenset()
    # Times in the past ("en marzo"): with an all-clear, what the message tells of is over (settled.py).
    past_times: tuple[str, ...] = ()
    # A superlative's ending -> the plain word's ("rarísimo" -> "raro"): read as role "very" and the
    # plain word ("respira rarísimo" is "respira muy raro"; spelling.read_superlatives).
    superlatives: dict[str, str] = {}

    # ------------------------------------------------------------------ reading
    def tokenize(self, text: str) -> list[str]:
        """`words_of` with contractions and texting shorthand written out ("cant" -> "can not")."""
        out: list[str] = []
        expansions = self.expansions
        for word in words_of(text):
            out += expansions.get(word, (word,))
        return out

    def stem(self, word: str) -> str:
        if self.stemmer == "light":
            return light_stem(word, self.irregular, self.unstemmed)
        # A question stems each of its words several times (reading, scope, emergencies), and
        # Snowball in pure Python is about 0.1 ms a word: each word is stemmed once per run.
        memo = _STEMS.setdefault((self.language, self.stemmer), {})
        found = memo.get(word)
        if found is None:
            base = self.irregular[word][0] if word in self.irregular else word
            found = base if base in self.unstemmed or not base.isalpha() else snowball(self.stemmer).stemWord(base)
            memo[word] = found
        return found

    def is_past(self, word: str) -> bool:
        if word in self.irregular:
            return self.irregular[word][1]
        if self.stemmer != "light":
            return len(word) >= 4 and bool(self.past_suffixes) and word.endswith(self.past_suffixes)
        return len(word) >= 4 and word.endswith("ed") and not word.endswith("eed")

    def role(self, name: str) -> str:
        return self.roles[name]

    # ------------------------------------------------------------------ the cache
    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name, value in zip(self._fields, self):
            data[name] = sorted(value) if isinstance(value, frozenset) else value
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> AskWords:
        values = dict(data)
        for name in (*_WORD_SETS, "weak_stems", "help_stems", "eating_stems"):
            values[name] = frozenset(values[name])
        for name in (*_PHRASE_LISTS, "other_medicine_words", "other_medicine"):
            values[name] = tuple(values[name])
        values["definition_openers"] = tuple(tuple(p) for p in values["definition_openers"])
        values["expansions"] = {k: tuple(v) for k, v in values["expansions"].items()}
        values["irregular"] = {k: (v[0], bool(v[1])) for k, v in values["irregular"].items()}
        values["figures"] = {k: tuple(v) for k, v in values.get("figures", {}).items()}
        values["amount_units"] = {k: (float(v[0]), str(v[1])) for k, v in values.get("amount_units", {}).items()}
        return cls(**values)


def _derive(words: AskWords) -> AskWords:
    return words._replace(
        weak_stems=frozenset(words.stem(w) for w in words.weak_words),
        help_stems=frozenset(words.stem(w) for w in words.help_words),
        other_medicine=tuple(words.stem(w) for w in words.other_medicine_words),
        eating_stems=frozenset(words.stem(w) for w in words.eating_words),
    )


_LOADED: dict[str, AskWords] = {}
# (language, stemmer) -> word -> its stem, for the Snowball stemmers.
_STEMS: dict[tuple[str, str], dict[str, str]] = {}


def ask_words(language: str = DEFAULT_LANGUAGE) -> AskWords:
    """The words of `lang/<language>_ask.yaml` ("es-MX" reads es_ask.yaml); English when the
    language has no file, and English for any key its file leaves out. Words are folded as
    questions are read ("qué" -> "que")."""
    if language in _LOADED:
        return _LOADED[language]
    from baclofen_cli.lang import base_language, read_ask_file

    base = base_language(language)
    english = (read_ask_file(DEFAULT_LANGUAGE) or {})["ask"]
    own = read_ask_file(base) if base != DEFAULT_LANGUAGE else None
    raw = dict(english)
    mine: dict[str, Any] = {}
    if own is not None:
        mine = own["ask"]
        raw.update({k: v for k, v in mine.items() if k != "roles"})
        raw["roles"] = {**english["roles"], **mine.get("roles", {})}
    else:
        base = DEFAULT_LANGUAGE

    def fold(value: object) -> str:
        return " ".join(words_of(str(value))) if base != DEFAULT_LANGUAGE else str(value)

    for name in _OPTIONAL:
        raw.setdefault(name, [])
    values: dict[str, Any] = {"language": base, "stemmer": str(raw["stemmer"])}
    for name in _WORD_SETS:
        values[name] = frozenset(fold(w) for w in raw[name])
    for name in _PHRASE_LISTS:
        values[name] = tuple(fold(p) for p in raw[name])
    values["other_medicine_words"] = tuple(fold(w) for w in raw["other_medicine"])
    values["definition_openers"] = tuple(tuple(fold(p).split()) for p in raw["definition_openers"])
    values["expansions"] = {fold(k): tuple(fold(v).split()) for k, v in raw["expansions"].items()}
    values["irregular"] = {fold(k): (fold(v).split()[0], fold(v).split()[-1] == "past" and " " in fold(v))
                           for k, v in raw["irregular"].items()}
    values["roles"] = {str(k): fold(v) for k, v in raw["roles"].items()}
    # Not carried over from English: how far apart a phrasing's words may be, and the shares, were
    # measured on one language.
    own_numbers = raw if base == DEFAULT_LANGUAGE else mine
    slack = own_numbers.get("self_harm_slack")
    values["self_harm_slack"] = int(slack) if slack is not None else -1
    values["subject_share"] = float(own_numbers.get("subject_share") or 0.0)
    values["implied_subject_words"] = int(own_numbers.get("implied_subject_words") or 0)
    values["background_share"] = float(own_numbers.get("background_share") or 0.0)
    values["figures"] = {fold(k): tuple(fold(w) for w in v or ()) for k, v in (raw.get("figures") or {}).items()}
    values["amount_units"] = {fold(k): (float(str(v).split()[0]), str(v).partition(" ")[2])
                              for k, v in (raw.get("amount_units") or {}).items()}
    values["number_words"] = {fold(k): int(v) for k, v in (raw.get("number_words") or {}).items()}
    values["superlatives"] = {fold(k): fold(v) for k, v in (raw.get("superlatives") or {}).items()}
    ages = raw.get("ages") or {}
    values["ages"] = {"before": [fold(w) for w in ages.get("before", [])],
                      "after": [fold(w) for w in ages.get("after", [])],
                      "means": [fold(w) for w in ages.get("means", [])],
                      "from": int(ages.get("from", 0)), "to": int(ages.get("to", 0))} if ages else {}
    words = _derive(AskWords(**values))
    _LOADED[language] = words
    return words


# ---------------------------------------------------------------------------- any language
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


def tokenize(text: str, words: AskWords | None = None) -> list[str]:
    return (words or ask_words()).tokenize(text)


def stem(word: str, words: AskWords | None = None) -> str:
    """The stem of a word: "stopped", "stopping" and "stops" -> "stop"; "took" -> "take"."""
    return (words or ask_words()).stem(word)


def is_past(word: str, words: AskWords | None = None) -> bool:
    return (words or ask_words()).is_past(word)


def is_definition(tokens: list[str], words: AskWords) -> bool:
    """"what is the half life", "what are the side effects", "what causes cramps"."""
    tokens = [w for w in tokens if w not in CLAUSE_BREAKS]
    roles = words.roles
    stand_for = roles["stand_for"].split()
    if tokens[:2] == [roles["what"], roles["does"]] and (
        tokens[-1:] == [roles["mean"]] or tokens[-len(stand_for):] == stand_for
    ):
        return True
    return any(tuple(tokens[: len(p)]) == p for p in words.definition_openers)
