"""Street and everyday names inside a longer phrase: "a joint" and "two bars" are the drug, "pot
noodle", "hash browns", "cider vinegar" and "bar of soap" are not.

The rule (applied to a knowledge file's `street_names` only, never to a drug's own names or brands):
a street name found inside a phrase counts when each word right next to it is one of

- nothing, a connector ("and", "with"), a filler word ("my", "for", "at") or a number or strength
  ("2", "80s", "m30");
- another name found in the phrase ("skunk weed", "xanax bars"), or a word that is a typing slip
  of one ("xanny bars");
- before it: an amount, a container or a size ("a few", "two", "bag of", "glass of", "double"), a
  describing word ("cold", "cheeky", "pressed", "street", a colour) or a word of use ("smoke",
  "drinking", "popped");
- after it: a form it is taken in ("gummies", "oil", "pen", "strips"), or a word of time
  ("tonight", "sometimes", "weekends").

Any other word next to it ("noodle", "browns", "killer", "seed", "vinegar", "corned beef") makes
the phrase an everyday thing, not the drug: it answers "not in this guide". A street name
followed by "of" and a word that is no name is a measure of that thing ("bar of soap", "pint of
milk", "pot of tea"). Only the words right next to the name are looked at, so context further off
("wine with dinner", "weed for my back pain") never hides a drug.

These are words of English (like the filler words in names.py), not of a medicine: a file for
another drug uses them unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

from baclofen_cli.features.interactions.names import CONNECTORS, FILLER

# The words are singular, as the matcher reads them ("pints" -> "pint"; see names._singular).
AMOUNTS = frozenset(
    """
    a an one two three four five six seven eight nine ten dozen few couple pair several many lot
    lots load loads bit bits handful bunch bag baggie gram eighth quarter ounce oz line hit puff
    toke drag glass bottle can tin pint half shot measure round jug pitcher carafe crate
    case pack packet flask dram nip tot splash sip swig mouthful another more much whole full
    double single triple large small big huge massive medium wee quick cheeky stiff nice cold
    warm ice chilled strong weak light good cheap dodgy fake pressed counterfeit street real pure
    laced homemade craft house boxed fortified mulled sparkling dry sweet premium imported local
    blue yellow green white pink red orange purple peach brown black grey gray his her their our
    your
    """.split()
)
# Filler words (names.py) that name a product: before a street name they make a compound noun.
PRODUCT_WORDS = frozenset(
    """
    tablet tab pill capsule cap caplet softgel gelcap syrup solution suspension patch injection drop
    spray cream gel generic brand medicine medication med dose strength
    """.split()
)
# Of those, the ones a street drug itself comes as ("oxy pills", "bars tablets").
TAKEN_AS = frozenset("tablet tab pill".split())
USES = frozenset(
    """
    smoke smoking smoked vape vaping vaped drink drinking drank snort snorting snorted sniff
    sniffing pop popping popped do doe doing did done have has had having get getting got buy
    buying bought try tried trying enjoy like love mix mixing mixed combine combining eat eating
    ate inject injecting shoot shooting chew chewing dab dabbing roll rolling rolled share
    sharing swallow swallowed sipping puffing toking need want wanted drunk recreational
    occasional social heavy binge moderate
    """.split()
)
FORMS = frozenset(
    """
    gummy gummie brownie cookie edible oil pen vape cart cartridge cigarette joint strip film powder
    """.split()
)
# What a spirit is mixed with ("rum and coke", "gin and slimline tonic").
MIXERS = frozenset(
    """
    coke cola diet slimline tonic soda lemonade orange lime lemon cranberry ginger water ice mixer
    juice pineapple apple blackcurrant
    """.split()
)
TIMES = frozenset(
    """
    tonight today tomorrow yesterday now later sometime sometimes occasionally often regularly
    socially recreationally weekend night evening morning week weekly month monthly every each
    last again too well everyday lately recently before after while when then together
    """.split()
)


def kept_neighbours(
    raw: list[str],
    spans: list[tuple[int, int, bool]],
    is_name_slip: Callable[[str], bool],
) -> list[bool]:
    """Which spans to keep. `raw`: every word of the phrase as the matcher reads it, filler and
    numbers included; `spans`: (first word, last word, is a street name) for each name found, in
    `raw` positions. A street span with a word beside it that fits none of the module's rules is
    dropped; dropping one can drop its street neighbours too ("grass weed killer")."""
    keep = [True] * len(spans)
    changed = True
    while changed:
        changed = False
        covered = {i for (first, last, _), k in zip(spans, keep) if k for i in range(first, last + 1)}
        for n, (first, last, street) in enumerate(spans):
            if not keep[n] or not street:
                continue
            fits = _fits(raw, first - 1, -1, covered, is_name_slip) and _fits(raw, last + 1, 1, covered, is_name_slip)
            if not fits:
                keep[n] = False
                changed = True
    return keep


def _fits(raw: list[str], at: int, step: int, covered: set[int], is_name_slip: Callable[[str], bool]) -> bool:
    if at < 0 or at >= len(raw) or at in covered:
        return True
    word = raw[at]
    if word == "of":
        if step < 0:
            return True  # "a bag of weed", "two glasses of wine"
        # "bar of soap", "pint of milk": a measure of something that is no name.
        following = at + 1
        return following < len(raw) and (following in covered or is_name_slip(raw[following]))
    if word in PRODUCT_WORDS and (step < 0 or word not in TAKEN_AS):
        return False  # "ice cream scoop", "skunk spray": a product, not the drug ("oxy pills" is)
    if word in CONNECTORS and word != "with":
        # "weed and xanax", "rum and coke", but not "pots and pans": what is joined on must be a
        # name, a word allowed beside one, or a drink's mixer.
        other = at + step
        if other < 0 or other >= len(raw) or other in covered:
            return True
        joined = raw[other]
        return (joined in FILLER or joined in AMOUNTS or joined in TIMES or joined in MIXERS
                or any(ch.isdigit() for ch in joined) or is_name_slip(joined))
    if word in CONNECTORS or word in FILLER or any(ch.isdigit() for ch in word):
        return True
    if word in TIMES:
        return True
    if step < 0 and (word in AMOUNTS or word in USES):
        return True
    if step > 0 and word in FORMS:
        return True
    return is_name_slip(word)
