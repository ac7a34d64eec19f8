"""Step 4b of `ask`, emergencies: signs the message does not say are happening now.

Two kinds of message describe emergency signs that are over or background, not an emergency now:

- A long forum post (`LONG_POST_WORDS` words, `LONG_POST_SENTENCES` sentences or more): its
  story ("his kidney function had dropped again", "some days my spasms are a bit worse") is
  background. A sign counts only when a sentence of its own says it: one that says it is now
  (the language's `now` phrases), or one of the last `LAST_SENTENCES` sentences (where a post
  says what is happening and asks).
- A message that says it ended well or the person is fine now (`all_well`: "she's alert and
  fine now", "salió todo bien"): its signs are over, unless it says that something was taken
  or given (too much taken is an emergency even with no signs yet). With a phrase of the past
  too ("en 2019 ... y salió todo bien"), the taking is over as well. Not a negated one, read
  with the rule every sign is read with ("can not catch my breath at all right now"), and not
  the signs said after it in its sentence ("says she is ok now but her lips are going blue").

What is demoted is not dropped: the answer leads with the emergency signs, without the alarm
(answer.py's `caution`), as the issue asks when in doubt.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from baclofen_cli.features.ask.tokens import words_of

if TYPE_CHECKING:
    from baclofen_cli.features.ask.index import AskIndex, Rule
    from baclofen_cli.features.ask.token import Token
    from baclofen_cli.features.ask.tokens import AskWords

# A forum post, not a question with a little context: measured on every ask set (no emergency
# in them is longer than 150 characters; the long posts that raised an alarm were 60-100 words).
LONG_POST_WORDS = 40
LONG_POST_SENTENCES = 3
LAST_SENTENCES = 2


def settle(question: str, tokens: list[Token], index: AskIndex, found: list[Rule]) -> tuple[list[Rule], list[Rule]]:
    """The found emergency phrasings split into (happening now, only background or over)."""
    if not found:
        return found, []
    from baclofen_cli.features.ask.emergency import signs_described_and_asked
    from baclofen_cli.features.ask.negation import weaken_negated_signs
    from baclofen_cli.features.ask.question import analyse
    from baclofen_cli.features.ask.token import has_phrase

    lang = index.words
    every = [t.word for t in tokens]
    well = all_well_end(tokens, lang)
    if well is not None:
        # A time in the past too ("en marzo ... ya estoy bien"): only here, with the all-clear.
        past = has_phrase([w[:2] if len(w) == 4 and w.isdigit() else w for w in every], lang.history) or (
            has_phrase(every, lang.past_times))
        if past or not _taken(tokens, index):
            # Said after it in its own sentence ("she's fine now but breathing very slowly"): now.
            after: set[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]] = set()
            for sentence in _sentences(question):
                own = weaken_negated_signs(analyse(sentence, index), index)
                end = all_well_end(own, lang)
                if end is not None and end < len(own):
                    after |= {_key(r) for r in signs_described_and_asked(own[end:], index)[0]}
            return [r for r in found if _key(r) in after], [r for r in found if _key(r) not in after]
    sentences = _sentences(question)
    words = sum(1 for t in tokens if t.word != ".")
    if words < LONG_POST_WORDS or len(sentences) < LONG_POST_SENTENCES:
        return found, []
    kept: set[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]] = set()
    for n, sentence in enumerate(sentences):
        own = weaken_negated_signs(analyse(sentence, index), index)
        if n < len(sentences) - LAST_SENTENCES and not has_phrase([t.word for t in own], lang.now):
            continue
        kept |= {_key(r) for r in signs_described_and_asked(own, index)[0]}
    now = [r for r in found if _key(r) in kept]
    return now, [r for r in found if _key(r) not in kept]


def all_well_end(tokens: list[Token], lang: AskWords) -> int | None:
    """Where the last `all_well` phrase of the message ends (a token position), or None when it
    has none that is not negated ("not at all right now": "all right now" is no "fine now")."""
    from baclofen_cli.features.ask.emergency import _negated, clauses_of

    if not lang.all_well:
        return None
    position = {id(t): n for n, t in enumerate(tokens)}
    end = None
    for clause in clauses_of(tokens, lang):
        words = [t.word for t in clause]
        for phrase in lang.all_well:
            parts = phrase.split()
            for k in range(len(words) - len(parts) + 1):
                if words[k : k + len(parts)] == parts and not _negated(clause, k, k + len(parts) - 1, lang):
                    last = position[id(clause[k + len(parts) - 1])] + 1
                    end = last if end is None else max(end, last)
    return end


def _key(rule: Rule) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    return (tuple(rule.sign.stems), tuple(tuple(p.stems) for p in rule.context))


def _sentences(question: str) -> list[str]:
    import re

    pieces = re.split(r"(?<=[.!?\n])", question)
    return [p.strip() for p in pieces if any(w.isalnum() for w in words_of(p))]


def _taken(tokens: list[Token], index: AskIndex) -> bool:
    """Something was taken or given ("he took 10", "le dimos doble"): a past taking or giving word."""
    lang = index.words
    acts = {lang.stem(lang.role("take")), lang.stem(lang.role("give"))}
    return any(t.past and acts & t.stems.keys() for t in tokens)
