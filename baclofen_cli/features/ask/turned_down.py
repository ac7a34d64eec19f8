"""A question the rules turned down for want of matching words ("dizzy spells", "works how"),
answered from the topic the learnt model is sure of (topic_model.py), within the rules' own
bounds of scope: the model never answers a question about another medicine, about people at
large, or one that does not speak of the medicine at all."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from baclofen_cli.features.ask.general import about_people_at_large, in_headings
from baclofen_cli.features.ask.mixing import names_medicine
from baclofen_cli.features.ask.rank import Ranked, rank
from baclofen_cli.features.ask.scope import MIN_SCORE, SHORT_QUESTION_WORDS, refers_to_medicine
from baclofen_cli.features.ask.sections import topic_results
from baclofen_cli.features.ask.subject import implied_subject

if TYPE_CHECKING:
    from baclofen_cli.core.model import KnowledgeBase
    from baclofen_cli.features.ask.index import AskIndex
    from baclofen_cli.features.ask.token import Token
    from baclofen_cli.features.ask.topic_model import TopicModel


def answer_turned_down(kb: KnowledgeBase, index: AskIndex, model: TopicModel, tokens: list[Token],
                       found: dict[int, str]) -> list[dict[str, Any]]:
    """A question the rules turned down for want of matching words ("dizzy spells", "works
    how"), answered from the topic the model is sure of, when it is also sure the question is not
    about something else. Only one that speaks of the medicine, is a word or two, or has a word
    the topic is headed by; never one that names another medicine or substance, or that the
    language's general subjects or remedy questions say is about people at large."""
    if found or about_people_at_large(tokens, index):
        return []
    from baclofen_cli.features.ask.topic_model import words_read

    topic = model.sure_answer(words_read(tokens))
    if topic is None or kb.topic(topic) is None:
        return []
    if not (of_the_medicine_or_short(tokens, index, found) or in_headings(tokens, index, topic)):
        # "always thirsty and peeing a lot, could that be diabetes": a symptom of people at
        # large, unless the topic is headed by a word of it ("autonomic dysreflexia").
        return []
    # The sections the question's own words match best, else the topic's first ones.
    ranked = next((r for r in rank(index, tokens) if r.topic == topic), None)
    return topic_results(kb, ranked or Ranked(topic, MIN_SCORE, []), limit=2)


def of_the_medicine_or_short(tokens: list[Token], index: AskIndex, found: dict[int, str]) -> bool:
    """The question names the medicine or speaks of it ("it", "my tablets", "my pump"), or is a
    word or two ("dizzy spells"): what a question the rules turned down must be for the model to
    answer it. Not "always thirsty and peeing a lot, could that be diabetes", a symptom of
    people at large."""
    lang = index.words
    if names_medicine(tokens, index) or implied_subject(tokens, index, found):
        return True
    if refers_to_medicine(tokens, index, found):
        return True
    said = [t for t in tokens
            if t.word.isalnum() and t.word not in lang.question_words and t.word not in lang.stop_words]
    return 0 < len(said) <= SHORT_QUESTION_WORDS
