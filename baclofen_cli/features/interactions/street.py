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

The words are the language's, not a medicine's: the `names:` block of lang/<language>_ask.yaml
(`amounts`, `uses`, `forms`, `times`, `mixers`, `product_words`, `taken_as`, with the filler
words and connectors), compiled into the cached index; a file for another drug uses them unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from baclofen_cli.features.interactions.names import NameWords


def kept_neighbours(
    raw: list[str],
    spans: list[tuple[int, int, bool]],
    is_name_slip: Callable[[str], bool],
    words: NameWords,
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
            fits = (_fits(raw, first - 1, -1, covered, is_name_slip, words)
                    and _fits(raw, last + 1, 1, covered, is_name_slip, words))
            if not fits:
                keep[n] = False
                changed = True
    return keep


def _fits(raw: list[str], at: int, step: int, covered: set[int], is_name_slip: Callable[[str], bool],
          words: NameWords) -> bool:
    if at < 0 or at >= len(raw) or at in covered:
        return True
    word = raw[at]
    if word == words.role("of"):
        if step < 0:
            return True  # "a bag of weed", "two glasses of wine"
        # "bar of soap", "pint of milk": a measure of something that is no name.
        following = at + 1
        return following < len(raw) and (following in covered or is_name_slip(raw[following]))
    if word in words.product_words and (step < 0 or word not in words.taken_as):
        return False  # "ice cream scoop", "skunk spray": a product, not the drug ("oxy pills" is)
    if word in words.connectors and word != words.role("with"):
        # "weed and xanax", "rum and coke", but not "pots and pans": what is joined on must be a
        # name, a word allowed beside one, or a drink's mixer.
        other = at + step
        if other < 0 or other >= len(raw) or other in covered:
            return True
        joined = raw[other]
        return (joined in words.filler or joined in words.amounts or joined in words.times or joined in words.mixers
                or any(ch.isdigit() for ch in joined) or is_name_slip(joined))
    if word in words.connectors or word in words.filler or any(ch.isdigit() for ch in word):
        return True
    if word in words.times:
        return True
    if step < 0 and (word in words.amounts or word in words.uses):
        return True
    if step > 0 and word in words.forms:
        return True
    return is_name_slip(word)
