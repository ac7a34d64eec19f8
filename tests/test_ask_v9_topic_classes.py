"""`baclofen ask`, the classes the English held-out set v9 (tests/ask_holdout_v9.yaml, issue 14)
found answered with the wrong topic or not at all, through the real CLI, in wordings of our own
(never the set's questions): everyday words by family (UK, Australian and Indian English too),
another medicine named with "can baclofen be added", someone else's tablets, time of day, and long
posts whose question sentence must weigh most (a short one that points back: "is that a good idea?")."""

from __future__ import annotations

import pytest
from ask_cli import ask_json, first_topic

CASES = [
    # short everyday words, by family (pregnancy idioms, constipation slang, drug-test words, refill and storage words)
    ('up the duff, is baclofen ok', ['pregnancy']),
    ('bun in the oven', ['pregnancy']),
    ('preggers and on baclofen', ['pregnancy']),
    ('backed up since starting baclofen', ['side-effects']),
    ('blocked up since starting', ['side-effects']),
    ('hearing things', ['side-effects', 'stopping']),
    ('urine test at work', ['common-questions']),
    ('drugs screen', ['common-questions']),
    ('saliva test', ['common-questions']),
    ('reservoir refill', ['pump']),
    ('topping up the pump', ['pump']),
    ('keep it chilled', ['storage']),
    ('does the liquid go off', ['storage']),
    ('has the liquid gone off', ['storage']),
    # herbal remedies, fruit relatives and antibiotics named with baclofen
    ('herbal tea with baclofen', ['common-questions', 'interactions']),
    ('echinacea ok with baclofen?', ['interactions']),
    ('ginseng and baclofen', ['interactions']),
    ('seville orange marmalade with baclofen', ['common-questions', 'interactions']),
    ('can i take it with the amoxicillin', ['interactions']),
    ('on penicillin for a chest infection, is baclofen ok with it', ['interactions']),
    # another medicine's dose, then 'can baclofen be added' or 'ok with his baclofen'
    ('she takes 300mg gabapentin at night, can baclofen be added to that', ['interactions']),
    ('my son is on 20mg fluoxetine, is it ok with his baclofen', ['interactions']),
    ('dad takes tramadol 50mg, can the baclofen go together with it', ['interactions']),
    # someone else's tablets
    ('my aunt lent me some of her baclofen, should i take it', ['overview', 'precautions']),
    ('can i use someone elses baclofen until my prescription comes', ['overview', 'precautions']),
    # time of day, running out at the chemist, operations, older people, sleep, feeding a baby, 'how much'
    ('does it matter if i take baclofen at night or in the morning', ['administration']),
    ('can i take my baclofen in the arvo', ['administration']),
    ('the pharmacy has no baclofen in stock this week', ['missed-dose', 'stopping']),
    ('chemist ran out of my tablets, what now', ['missed-dose', 'stopping']),
    ('do i stop baclofen before surgery', ['precautions', 'stopping']),
    ('mum is 90, is baclofen safe for the elderly', ['dosing', 'precautions']),
    ('baclofen keeps me awake at night', ['side-effects']),
    ('since starting baclofen i am up all night', ['side-effects']),
    ('lying awake at night since starting baclofen', ['side-effects']),
    ('breastfed baby, is baclofen ok', ['pregnancy']),
    ('feeding my 3 month old myself, can i take baclofen', ['pregnancy']),
    ('how much do i take', ['dosing']),
    # "does not matter" negates no sign; sport words
    ('baclofen at breakfast or bedtime, or does it not matter', ['administration']),
    ('can i go jogging on baclofen', ['administration', 'precautions']),
    # what kind of medicine, pump or tablets, 'kindly tell', appetite, exercise, an animal's storage question, 'loads of' it
    ('does baclofen work on the nerves or the muscles', ['how-it-works']),
    ('tablets or a pump, which is better', ['common-questions', 'pump']),
    ('doctor sahib prescribed baclofen for my mother, kindly tell how to take it', ['administration']),
    ('does baclofen give you the munchies', ['common-questions', 'side-effects']),
    ('can i go to the gym on baclofen', ['administration', 'precautions']),
    ('the dog is fine, i just want to know where to store my tablets so he cant reach them', ['storage']),
    ('can taking loads of baclofen stop your breathing', ['overdose', 'side-effects']),
]


@pytest.mark.parametrize(("question", "topics"), CASES)
def test_everyday_wordings_get_the_right_topic_and_no_alarm(runner, question: str, topics: list[str]) -> None:  # noqa: ANN001
    data = ask_json(runner, question)
    assert data["emergency"] is False, question
    assert first_topic(data) in topics, (question, first_topic(data))


LONG_POSTS = [
    ('My dad is 79 and has had MS for twenty years. His new neurologist started him on baclofen last month and he seems to be coping well. My sister is worried because she read that some people get hooked on muscle relaxants. She would like to know what sort of medicine it is and whether it is addictive.',
     ['common-questions', 'how-it-works', 'overview', 'stopping']),
    ('My husband takes baclofen 10mg three times a day for his spinal injury. His dentist has given him amoxicillin for an abscess, just for a week. He feels fine right now. Is that combination ok, and is there anything to watch for?',
     ['interactions']),
    pytest.param("I've got a stiff leg after my stroke and my doctor mentioned baclofen, but the appointment is weeks away. My mate has baclofen and said he can give me a few of his to see if it helps. Is that sensible?",
                 ['overview', 'precautions'], marks=pytest.mark.xfail(strict=True, reason="topic model (session 9): the learnt prior outweighs the rules here; known regression, see README \"The topic model\"")),
    ('We have three kids under six and a nosy dog, and my wife has baclofen tablets and a bottle of the liquid. The kids can already climb onto the kitchen counter. Where should we keep her baclofen, and how do we get rid of an old bottle?',
     ['storage']),
]


@pytest.mark.parametrize(("post", "topics"), LONG_POSTS)
def test_a_long_post_is_answered_from_its_question_sentence(runner, post: str, topics: list[str]) -> None:  # noqa: ANN001
    data = ask_json(runner, post)
    assert data["emergency"] is False
    assert first_topic(data) in topics, first_topic(data)


def test_another_medicine_named_with_baclofen_is_never_called_safe(runner) -> None:  # noqa: ANN001
    """"can baclofen be added" to a major-group medicine: the interactions topic, led by the group's verdict."""
    data = ask_json(runner, "he is on 100mg gabapentin twice a day, can baclofen be added on")
    assert first_topic(data) == "interactions"
    assert data["notices"] and data["notices"][0]["kind"] == "warning"
    assert all("no interaction" not in n["text"].casefold() for n in data["notices"])


def test_a_short_message_is_answered_from_its_question_marker(runner) -> None:  # noqa: ANN001
    """Background before "kindly tell" (an uses-like "for my father's legs") does not outweigh it."""
    data = ask_json(runner, "the consultant gave baclofen for my uncle's stiff back, kindly tell where to keep it")
    assert first_topic(data) == "storage"


def test_a_question_that_points_back_is_read_with_the_sentence_before(runner) -> None:  # noqa: ANN001
    post = ("My cousin takes baclofen for her MS and I have spasms in my calves at night. "
            "She has offered to lend me a strip of her tablets so I can try them first. Would that be ok?")
    assert first_topic(ask_json(runner, post)) in {"overview", "precautions"}


def test_a_sentence_that_does_not_point_back_is_read_alone(runner) -> None:  # noqa: ANN001
    """A question sentence that names its subject and says no "it" or "that" is not merged with the
    sentence before it (here about missed doses)."""
    post = ("My grandad is 91 and has been on baclofen since his stroke. He missed two doses last week when he "
            "was in hospital. He has had three falls since. Could his baclofen be behind the falls?")
    assert first_topic(ask_json(runner, post)) in {"side-effects", "precautions"}
