"""`baclofen ask`, the emergency classes the session-4 English held-out set (tests/ask_holdout_v7.yaml)
missed or raised falsely, through the real CLI (`run_cli`, `ask --json`): one test per class, in
wordings of our own (none is a held-out question). Each asserts the tool's emergency flag and its
words: the "what to do now" section of the right topic, the crisis line for self-harm."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli


def ask(question: str) -> dict:
    result = run_cli(["ask", "--json", question])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def lead(data: dict) -> str:
    """The first answer's topic and its words, one string."""
    first = data["results"][0]
    return first["topic"] + ": " + " ".join(first["text"])


def assert_emergency(question: str, topics: tuple[str, ...] = ("overdose",)) -> dict:
    data = ask(question)
    assert data["emergency"] is True, question
    assert data["results"] and data["results"][0]["topic"] in topics, (question, data["results"][:1])
    assert data["results"][0]["kind"] == "emergency", (question, lead(data))
    return data


def assert_no_alarm(question: str) -> dict:
    data = ask(question)
    assert data["emergency"] is False, (question, data["results"][:1])
    return data


# ---------------------------------------------------------------------------- taking idioms
@pytest.mark.parametrize("question", [
    "my brother polished off the rest of my baclofen last night",
    "she polished off 9 of her baclofen tablets",
    "he dropped 15 baclofen at a rave and now wont wake up",
    "my mate dropped 10 of my baclofen at a festival and now hes barely awake",
])
def test_a_taking_idiom_with_an_amount_is_an_overdose(question: str) -> None:
    assert_emergency(question)


@pytest.mark.parametrize("question", [
    "my 2 year old was chewing something and theres baclofen pills scattered everywhere",
    "found my toddler munching and the baclofen bottle is open with tablets all over the carpet",
    "my 4 yr old is eating something, there are baclofen tablets spilled on the floor",
])
def test_a_small_child_eating_near_spilled_tablets_is_an_overdose(question: str) -> None:
    data = assert_emergency(question)
    assert "notices" in data and not any("vet" in n["text"] for n in data["notices"])  # "carpet" is no pet


@pytest.mark.parametrize("question", [
    "i dropped 5 tablets on the floor, can i still take them",
    "dropped my bottle of baclofen and it smashed on the floor",
])
def test_a_tablet_that_fell_is_not_an_overdose(question: str) -> None:
    assert_no_alarm(question)


# ---------------------------------------------------------------------------- a whole pack
@pytest.mark.parametrize("question", [
    "demolished a whole blister of baclofen 10mg",
    "my son scoffed a whole strip of my baclofen",
    "hoovered up an entire box of baclofen",
    "my boyfriend necked a whole sleeve of baclofen",
    "she got through an entire strip of baclofen",
])
def test_a_whole_strip_blister_or_box_is_an_overdose(question: str) -> None:
    assert_emergency(question)


# ---------------------------------------------------------------------------- amounts in grams
@pytest.mark.parametrize("question", [
    "i took 1.5g of baclofen by accident",
    "swallowed about 2 grams of baclofen",
    "my dad had half a gram of baclofen in one go",
    "i had a gram of baclofen",
])
def test_an_amount_in_grams_over_the_day_s_maximum_is_an_overdose(question: str) -> None:
    assert_emergency(question)


@pytest.mark.parametrize("question", ["how many grams is 10mg", "is a gram of baclofen too much"])
def test_grams_only_asked_about_raise_no_alarm(question: str) -> None:
    assert_no_alarm(question)


# ---------------------------------------------------------------------------- a second dose in words
@pytest.mark.parametrize("question", [
    "i had my lunchtime dose and then had another because i forgot the first",
    "i think i had it again this morning, cant remember if i took the first one",
    "had my night tablets, then had a second lot by mistake",
])
def test_a_second_dose_told_in_words_is_an_overdose(question: str) -> None:
    assert_emergency(question)


# ---------------------------------------------------------------------------- floppy, cannot be roused
@pytest.mark.parametrize("question", [
    "my daughter is like a rag doll after her baclofen syrup",
    "he has gone all limp after his dose and we cant rouse him",
    "my husband went limp after taking extra baclofen",
    "grandad is barely conscious after his baclofen",
])
def test_floppy_or_unrousable_after_a_dose_is_an_overdose(question: str) -> None:
    assert_emergency(question)


def test_someone_on_baclofen_who_can_barely_be_roused_is_an_emergency() -> None:
    assert_emergency("mum can barely rouse after her tablets", topics=("overdose", "side-effects"))


@pytest.mark.parametrize("question", [
    "i have a limp from my stroke, will baclofen help",
    "my legs feel floppy in the mornings, is that the baclofen",
])
def test_a_limp_walk_or_floppy_legs_are_no_alarm(question: str) -> None:
    assert_no_alarm(question)


# ---------------------------------------------------------------------------- self-harm
@pytest.mark.parametrize("question", [
    "would 40 baclofen be enough to end it",
    "how many of these would it take to end it",
    "i just want to finish myself off with my baclofen",
    "thinking of ending it with my baclofen",
])
def test_ending_it_in_other_words_gets_the_crisis_line(question: str) -> None:
    data = ask(question)
    assert data["emergency"] is True
    assert data["notices"] and "crisis line" in data["notices"][0]["text"]
    assert all("mg" not in " ".join(r["text"]) for r in data["results"])  # never the dose numbers


def test_enough_to_end_the_spasms_is_no_crisis() -> None:
    data = assert_no_alarm("is 20mg enough to end the spasms")
    assert not any("crisis line" in n["text"] for n in data["notices"])


# ---------------------------------------------------------------------------- oral withdrawal
@pytest.mark.parametrize("question", [
    "she cant swallow her baclofen since friday and now shes hallucinating",
    "hes been unable to swallow his tablets for 3 days and is shaking and sweating",
    "not had any baclofen for 4 days, im sweating and shaking all over",
])
def test_days_without_doses_with_withdrawal_signs_is_an_emergency(question: str) -> None:
    assert_emergency(question, topics=("stopping", "missed-dose", "overdose"))


# ---------------------------------------------------------------------------- pump alarm and spasms back
@pytest.mark.parametrize("question", [
    "my pump keeps beeping and my spasms are back like before",
    "the pump alarm is going off and my legs are stiff again",
])
def test_a_pump_alarm_with_the_old_spasms_back_is_an_emergency(question: str) -> None:
    assert_emergency(question, topics=("pump", "stopping"))


@pytest.mark.parametrize("question", ["my pump beeped once, what does that mean",
                                      "how do i know if the pump alarm means its empty"])
def test_a_pump_alarm_with_no_signs_is_no_alarm(question: str) -> None:
    assert_no_alarm(question)


# ---------------------------------------------------------------------------- severe allergy
@pytest.mark.parametrize("question", [
    "my face puffed up after the first baclofen tablet",
    "started baclofen and now my lips are swelling up and i feel wheezy",
    "im wheezing and my tongue is swollen after baclofen",
])
def test_swelling_or_wheezing_after_a_dose_is_an_emergency(question: str) -> None:
    assert_emergency(question, topics=("side-effects", "precautions", "overdose"))


def test_wheezing_with_exercise_is_no_alarm() -> None:
    assert_no_alarm("i get a bit wheezy when i exercise, can i take baclofen")


@pytest.mark.parametrize("question", ["is wheezing a side effect of baclofen", "does baclofen cause wheezing"])
def test_wheezing_asked_about_is_answered_without_the_alarm(question: str) -> None:
    data = assert_no_alarm(question)
    assert data["results"] and data["results"][0]["topic"] in ("side-effects", "precautions")


# ---------------------------------------------------------------------------- false alarms
@pytest.mark.parametrize("question", [
    "im confused between the 10mg and 20mg tablets, which is mine",
    "a bit confused regarding when to take it",
    "i get confused between my baclofen and my tizanidine",
])
def test_confused_meaning_puzzled_is_no_alarm(question: str) -> None:
    assert_no_alarm(question)


@pytest.mark.parametrize("question", [
    "my son has had cerebral palsy and seizures since a baby, is baclofen ok",
    "i have had epilepsy and spasms since my teens, can i take baclofen",
    "he has autism and a seizure disorder, will baclofen interact with his keppra",
    "my wife has a seizure condition, can she take baclofen",
])
def test_a_long_standing_condition_is_no_alarm(question: str) -> None:
    data = assert_no_alarm(question)
    assert data["results"] and data["results"][0]["topic"] in ("precautions", "interactions", "uses")


def test_a_seizure_now_in_someone_with_a_seizure_disorder_is_still_an_emergency() -> None:
    assert_emergency("she has a seizure disorder and is having a seizure right now after her baclofen",
                     topics=("side-effects", "overdose", "stopping", "precautions"))


@pytest.mark.parametrize("question", [
    "taking sertraline 150mg, can i add baclofen",
    "i take gabapentin 900mg already, is baclofen ok with it",
    "already on tramadol 200mg a day, can i take baclofen too",
])
def test_another_medicine_s_dose_is_not_an_overdose(question: str) -> None:
    assert_no_alarm(question)


def test_a_large_amount_of_baclofen_itself_already_taken_is_still_an_overdose() -> None:
    assert_emergency("is 300mg of baclofen dangerous? already done it")
