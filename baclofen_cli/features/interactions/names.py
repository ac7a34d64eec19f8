"""Drug names as the guide reads them: normalising a typed or listed name, and the index of every name in the
knowledge file (built by ``build_index``, cached by the loader). How a name is then resolved: drugs.py."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, NamedTuple

# Only this much of a typed name is looked at, so a 100 KB argument costs no more than a long
# list. Longer names are never cut silently: the answer says what was not read (`unread`).
MAX_QUERY_CHARS = 1000

_NON_WORD = re.compile(r"[^a-z0-9]+")
NUMBER = re.compile(r"^\d+$")
VOWELS = frozenset("aeiouy")


class NameWords(NamedTuple):
    """One language's words for reading a typed name (the `names:` block of lang/<language>_ask.yaml;
    see lang/en_ask.yaml for what each is). Built into the cached index with it."""

    connectors: frozenset[str]
    filler: frozenset[str]
    units: tuple[str, ...]
    amounts: frozenset[str]
    product_words: frozenset[str]
    taken_as: frozenset[str]
    uses: frozenset[str]
    forms: frozenset[str]
    mixers: frozenset[str]
    times: frozenset[str]
    # Before a brand: a word that describes the product, not another name ("Children's Benadryl").
    describing: frozenset[str]
    roles: dict[str, str]
    # A word after a brand that names a part the brand adds ("Atacand HCT": hydrochlorothiazide).
    added: dict[str, str]
    # Words beside a name that say the drug is NOT in it ("alcohol-free beer", "virgin mojito").
    free_of: dict[str, str]

    def to_data(self) -> dict[str, Any]:
        return {k: (sorted(v) if isinstance(v, frozenset) else v) for k, v in self._asdict().items()}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> NameWords:
        fields: dict[str, Any] = {}
        for key in cls._fields:
            value = data.get(key, {}) if key in MAPS else data.get(key, []) if key == "describing" else data[key]
            if key in ("roles", *MAPS):
                fields[key] = dict(value)
            else:
                fields[key] = tuple(value) if key == "units" else frozenset(value)
        return cls(**fields)

    def role(self, name: str) -> str:
        return self.roles.get(name, name)

    def dose(self) -> re.Pattern[str]:
        """A strength ("10mg", "5/325", "2.5 ml") to remove from a name."""
        pattern = _DOSES.get(self.units)
        if pattern is None:
            units = "(?:" + "|".join(re.escape(u) for u in self.units) + ")"
            pattern = _DOSES[self.units] = re.compile(
                rf"(?<![a-z0-9])\d+(?:[.,]\d+)?(?:\s*[/-]\s*\d+(?:[.,]\d+)?)*\s*{units}(?![a-z0-9])"
                r"|(?<![a-z0-9])\d+(?:[.,]\d+)?(?:\s*/\s*\d+(?:[.,]\d+)?)+(?![a-z0-9])"
            )
        return pattern


# The `names:` entries that map a word to a drug's name, and may be missing from a language's block.
MAPS = ("added", "free_of")
_DOSES: dict[tuple[str, ...], re.Pattern[str]] = {}
_WORDS: dict[str, NameWords] = {}


def name_words(language: str = "en") -> NameWords:
    """The `names:` words of lang/<language>_ask.yaml ("es-MX" reads es_ask.yaml) added to the
    English ones (English alone for a language without the block). Read when an index is built."""
    from baclofen_cli.lang import ENGLISH, base_language, read_ask_file

    base = base_language(language)
    if base in _WORDS:
        return _WORDS[base]
    english: dict[str, Any] = (read_ask_file(ENGLISH) or {})["names"]
    roles: dict[str, str] = dict(english["roles"])
    maps: dict[str, dict[str, str]] = {key: dict(english.get(key) or {}) for key in MAPS}
    lists: dict[str, list[str]] = {k: [str(w) for w in v] for k, v in english.items() if k not in ("roles", *MAPS)}
    own = read_ask_file(base) if base != ENGLISH else None
    if own is not None:
        for key, value in (own.get("names") or {}).items():
            if key == "roles":
                roles.update(value)
            elif key in MAPS:
                maps[key].update(value)
            else:
                lists[key] += [str(w) for w in value if str(w) not in lists[key]]
    words = NameWords.from_data({**lists, "roles": roles, **maps})
    _WORDS[base] = words
    return words


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

    __slots__ = ("names", "squashed", "sounds", "max_tokens", "street", "words", "brands", "_tables")

    def __init__(
        self, names: dict[str, list[Hit]], squashed: dict[str, str], sounds: dict[str, str], max_tokens: int,
        street: frozenset[str] | set[str] = frozenset(), words: NameWords | None = None,
        brands: frozenset[str] | set[str] = frozenset(),
    ) -> None:
        self.names = names  # normalised name -> what it means
        self.squashed = squashed  # the same name without spaces -> normalised name
        # normalised name -> its sound-alike spelling without spaces (precomputed for the fuzzy step)
        self.sounds = sounds
        self.max_tokens = max_tokens
        # Names that are only street or everyday words ("weed", "pint"): inside a longer phrase
        # they count only with the words street.py allows beside them.
        self.street = frozenset(street)
        # The language's words the matcher reads a typed name with (filler, connectors, units...).
        self.words = words or name_words()
        # Names that are only a brand or product name, never a generic name or its alias: a word
        # typed before one makes another name ("kitty valium" is not Valium).
        self.brands = frozenset(brands)
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
        return cls(names, data["squashed"], data["sounds"], data["max_tokens"], frozenset(data.get("street", ())),
                   NameWords.from_data(data["words"]), frozenset(data.get("brands", ())))

    def to_data(self) -> dict[str, Any]:
        return {"names": self.names, "squashed": self.squashed, "sounds": self.sounds, "max_tokens": self.max_tokens,
                "street": sorted(self.street), "words": self.words.to_data(), "brands": sorted(self.brands)}


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


def _tokens(text: str, words: NameWords) -> list[str]:
    text = unicodedata.normalize("NFKD", readable(text)[0])
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    joined = f" {words.role('and')} "  # "a&b", "a+b": the two names, joined
    text = text.replace("&", joined).replace("+", joined).replace("'", "").replace("’", "")
    text = words.dose().sub(" ", text)
    return _NON_WORD.sub(" ", text).split()


def readable(text: str) -> tuple[str, int]:
    """(the part of a typed name that is read, how many characters after it are not)."""
    from baclofen_cli.core.output import clean  # escape codes are removed before anything else

    cleaned = clean(text)
    if len(cleaned) <= MAX_QUERY_CHARS:
        return cleaned, 0
    cut = cleaned.rfind(" ", 0, MAX_QUERY_CHARS + 1)
    cut = cut if cut > MAX_QUERY_CHARS // 2 else MAX_QUERY_CHARS  # end on a whole word
    return cleaned[:cut], len(cleaned) - cut


def normalise(text: str, words: NameWords | None = None) -> str:
    """The lookup form of a name: lower case, no punctuation, doses, filler words or plural "s"
    (`words`: the index's language; English when not given)."""
    words = words or name_words()
    raw = _tokens(text, words)
    kept = [t for t in raw if t not in words.filler]
    # A name made only of filler ("max", "sodium") is still looked up as itself.
    return " ".join(_singular(t, words) for t in (kept or raw))


def as_typed(text: str, words: NameWords | None = None) -> str:
    """The lookup form with every final "s" kept, filler words and bare numbers dropped: a name cut
    short where its last letter is an "s" ("methados" for Methadose) is a slip, not a plural."""
    words = words or name_words()
    raw = _tokens(text, words)
    return " ".join(t for t in ([t for t in raw if t not in words.filler] or raw) if not NUMBER.match(t))


def raw_key(text: str, words: NameWords | None = None) -> str:
    """The lookup form with filler words kept: "Solpadeine Max" is its own product, although
    "max" is filler elsewhere ("Tylenol Extra Strength" is plain Tylenol)."""
    words = words or name_words()
    return " ".join(_singular(t, words) for t in _tokens(text, words))


def _singular(token: str, words: NameWords) -> str:
    # Applied to the file's names and to what is typed alike, so "beers" = "beer", "opioids" = "opioid".
    if len(token) > 5 and token.endswith("sses"):
        return token[:-2]  # "glasses" = "glass"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss") and token not in words.connectors:
        return token[:-1]
    return token


def without_numbers(key: str) -> str:
    kept = [t for t in key.split() if not NUMBER.match(t)]
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
    street: set[str] = set()
    plain: set[str] = set()  # names that are also a drug's own name, brand or alias
    generic: set[str] = set()  # names that are a drug's own name or alias
    words = name_words(getattr(kb.drug, "language", "en") or "en")

    def key_of(text: str) -> str:
        return normalise(text, words)

    def raw_of(text: str) -> str:
        return raw_key(text, words)

    def add(name: str, hit: Hit, is_street: bool = False, is_generic: bool = False) -> None:
        key = key_of(name)
        if not key:
            return
        raw = raw_of(name)
        if is_street and " " in raw and " " not in key:
            key = raw  # "nerve pills" is not "nerve": a street name never shrinks to one other word
        for form in dict.fromkeys((key, raw)):
            (street if is_street else plain).add(form)
            if is_generic:
                generic.add(form)
            found = names.setdefault(form, [])
            # One meaning per drug and region: the first product named wins a shared name.
            if not any(h.drug == hit.drug and list(h.regions) == list(hit.regions) for h in found):
                found.append(hit)

    for group in kb.interactions.groups:
        for drug in group.drugs:
            for name in (drug.name, *drug.aliases):
                key = key_of(name)
                groups = drug_groups.setdefault(key, [])
                if group.id not in groups:
                    groups.append(group.id)
                drug_display.setdefault(key, drug.name)
    for group in kb.interactions.groups:
        for drug in group.drugs:
            groups = drug_groups[key_of(drug.name)]
            brands = set(drug.brands)
            for name in (drug.name, *drug.brands, *drug.aliases):
                add(name, Hit(drug=drug.name, groups=groups, matched=name), is_generic=name not in brands)
            for name in [*(getattr(drug, "street_names", None) or []), *(getattr(drug, "everyday_names", None) or [])]:
                add(name, Hit(drug=drug.name, groups=groups, matched=name), is_street=True)
            for code, brands in (getattr(drug, "brands_by_region", None) or {}).items():
                for name in brands:
                    add(name, Hit(drug=drug.name, groups=groups, matched=name, regions=[code]))
    for combo in kb.interactions.combinations:
        parts = [(name, key_of(name)) for name in combo.contains]
        interacting = [(drug_display[key], drug_groups[key]) for _, key in parts if key in drug_groups]
        also = [name for name, key in parts if key not in drug_groups]
        if not interacting:
            continue  # nothing in it is in the guide: the name stays unknown, never "safe"
        regions = list(getattr(combo, "regions", None) or [])
        street_names = getattr(combo, "street_names", None) or []
        for name in (combo.name, *combo.aliases, *street_names):
            for drug, groups in interacting:
                hit = Hit(drug=drug, groups=groups, matched=name, via=combo.name, also=also, regions=regions)
                add(name, hit, is_street=name in street_names)
    own = kb.drug
    for name in (own.name, *own.also_called, *(b.name for b in own.brands)):
        if key_of(name) not in names:
            add(name, Hit(drug=own.name, groups=[], matched=name))
    for phrase in getattr(kb.interactions, "not_drugs", None) or []:
        # Known, and known not to be a drug in the guide. The form with filler words kept always;
        # the short form only where it names no drug ("blue pills" is not "blues").
        key, raw = key_of(phrase), raw_of(phrase)
        for form in dict.fromkeys((raw, key)):
            if form and (form == raw or not names.get(form)):
                names[form] = []
    unlisted = getattr(kb.interactions, "unlisted_medicines", None)
    for medicine in unlisted.names if unlisted else []:
        # A real medicine with no entry: known as "not in this guide", never a listed drug's name.
        for form in dict.fromkeys((key_of(medicine), raw_of(medicine))):
            if form and not names.get(form):
                names[form] = []
    squashed: dict[str, str] = {}
    for key in names:
        squashed.setdefault(key.replace(" ", ""), key)
    sounds = {key: sound(key).replace(" ", "") for key, hits in names.items() if hits}
    street_only = {key for key in street - plain if names.get(key)}
    brand_only = {key for key in plain - street - generic if names.get(key)}
    return DrugIndex(names, squashed, sounds, max(len(k.split()) for k in names), street_only, words, brand_only)


def skeleton(sounded: str) -> str:
    """The consonants of a sound-alike spelling, keeping the first letter: "klonapin" -> "klnpn"."""
    return sounded[:1] + "".join(ch for ch in sounded[1:] if ch not in VOWELS and ch != " ")
