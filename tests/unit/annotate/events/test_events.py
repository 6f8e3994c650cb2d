"""Event coding on single sentences: PLOVER category, modality, actors, place and date.

The sentences are written for the rules they exercise (not taken from the gold set), one
per codebook rule or modality marker.
"""

from __future__ import annotations

import pytest

from newsgraph.record import Event

pytestmark = pytest.mark.slow

PUB = "2025-07-02"  # a Wednesday


def events(text: str, published: str | None = PUB) -> list[Event]:
    import newsgraph

    return newsgraph.analyze(text, published=published).events


def only(text: str, published: str | None = PUB) -> Event:
    found = events(text, published)
    assert len(found) == 1, [(e.category, e.trigger, e.modality) for e in found]
    return found[0]


CATEGORY_CASES = [
    ("Prime Minister Albanese met President Macron in Paris on Monday.", "CONSULT"),
    ("The foreign ministers of Brazil and Argentina held talks in Brasilia.", "CONSULT"),
    ("Chancellor Scholz spoke by phone with President Ramaphosa.", "CONSULT"),
    ("The two governments agreed to expand trade in critical minerals.", "AGREE"),
    ("Kenya pledged to send police officers to Haiti.", "AGREE"),
    ("Norway and Sweden signed a border agreement on Friday.", "SUPPORT"),
    ("The Foreign Minister welcomed Ghana's decision to join the coalition.", "SUPPORT"),
    ("Japanese and Philippine forces conducted joint exercises in the South China Sea.",
     "COOPERATE"),
    ("Germany provided $500 million in military assistance to Ukraine.", "AID"),
    ("The militia released 20 hostages on Sunday.", "RETREAT"),
    ("The Secretary urged Azerbaijan to reopen the Lachin corridor.", "REQUEST"),
    ("The ministers condemned the attack on the embassy.", "ACCUSE"),
    ("Hungary vetoed the resolution.", "REJECT"),
    ("The junta threatened to expel the French ambassador.", "THREATEN"),
    ("Thousands of farmers protested outside the parliament in Brussels.", "PROTEST"),
    ("The Treasury imposed sanctions on three Iranian shipping companies.", "SANCTION"),
    ("Russia deployed additional troops to the border with Finland.", "MOBILIZE"),
    ("Police arrested two opposition leaders in Dhaka.", "COERCE"),
    ("Rebels attacked an army base near Goma, killing five soldiers.", "ASSAULT"),
    ("Germany announced a new military aid package for Ukraine.", "AID"),
    ("Hungary blocked the resolution on Ukraine.", "REJECT"),
    ("Protesters clashed with police in Nairobi.", "PROTEST"),
]


@pytest.mark.parametrize("text,category", CATEGORY_CASES, ids=[c[1] for c in CATEGORY_CASES])
def test_category(text: str, category: str) -> None:
    cats = [e.category for e in events(text)]
    assert category in cats, cats


@pytest.mark.parametrize("text", [
    "The measure will meet the needs of farmers.",  # "meet" a need is no meeting
    "She spoke about climate finance for an hour.",  # a speech, not a consultation
    "The company will deploy new technologies in its factories.",  # not troops
    "We must seize the moment.",  # not a seizure
    "The bill, commonly called the Farm Bill, passes every five years.",  # "called" a name
    "Pardon me, I misspoke.",  # not a pardon
    "Revenue declined by four percent last year.",  # no refusal
])
def test_not_an_event(text: str) -> None:
    assert events(text) == []


MODALITY_CASES = [
    ("The two presidents met in Geneva yesterday.", "occurred"),
    ("The two presidents will meet in Geneva next week.", "planned"),
    ("The minister is scheduled to visit Jakarta in May.", "planned"),
    ("Negotiators are meeting in Doha this week.", "ongoing"),
    ("India continues to provide humanitarian assistance to Sri Lanka.", "ongoing"),
    ("The two leaders did not meet during the summit.", "negated"),
    ("If Iran attacks Israel, the region could face a wider war.", "hypothetical"),
    ("The leaders look forward to meeting in Tokyo next spring.", "intended"),
    ("We hope to sign the agreement very shortly.", "intended"),
    ("Officials discussed the upcoming summit in Nairobi.", "planned"),
]


@pytest.mark.parametrize("text,modality", MODALITY_CASES, ids=[c[1] for c in MODALITY_CASES])
def test_modality(text: str, modality: str) -> None:
    found = [e.modality for e in events(text)]
    assert modality in found, found


def test_intended_signing_is_agree_and_done_signing_is_support() -> None:
    hoped = only("We hope to sign the agreement very shortly.")
    assert (hoped.category, hoped.modality) == ("AGREE", "intended")
    done = only("Norway and Sweden signed a border agreement on Friday.")
    assert (done.category, done.modality, done.date) == ("SUPPORT", "occurred", "2025-06-27")


def test_visitor_is_source_and_host_target() -> None:
    ev = only("President Ruto hosted Prime Minister Modi in Nairobi.")
    roles = {a.name.split()[-1]: a.role for a in ev.actors}
    assert roles == {"Modi": "source", "Ruto": "target"}
    assert (ev.location, ev.location_country) == ("Nairobi", "Kenya")


def test_both_sides_of_a_meeting_are_participants() -> None:
    ev = only("Finland and Estonia met in Tallinn.")
    assert {(a.name, a.role) for a in ev.actors} == {("Finland", "participant"),
                                                     ("Estonia", "participant")}


def test_country_adjective_is_the_country() -> None:
    ev = only("Brazilian police arrested the suspect.")
    assert [(a.name, a.role) for a in ev.actors] == [("Brazil", "source")]


def test_demand_takes_its_mode_from_the_act_demanded() -> None:
    ev = only("The Secretary urged Russia to withdraw its forces from Ukraine.")
    assert (ev.category, ev.mode) == ("REQUEST", "yield")
    assert ("Russia", "target") in {(a.name, a.role) for a in ev.actors}


@pytest.mark.parametrize("text,date", [
    ("The two presidents met on Tuesday.", "2025-07-01"),
    ("The two presidents will meet on Tuesday.", "2025-07-08"),
    ("The ministers spoke by phone yesterday.", "2025-07-01"),
    ("The delegation will visit Seoul next month.", "2025-08"),
])
def test_date_direction_follows_modality(text: str, date: str) -> None:
    ev = only(text)
    # a day goes in `date`; a coarser period in `period`, with `date` left null
    assert (ev.date if len(date) == 10 else ev.period) == date
    if len(date) != 10:
        assert ev.date is None


def test_relative_date_without_publication_date_stays_null() -> None:
    ev = only("The two presidents met on Tuesday.", published=None)
    assert ev.date is None and ev.date_text == "Tuesday"


def test_modality_inside_a_quote() -> None:
    ev = only('"We will never recognise the annexation," the minister said.')
    assert ev.modality == "negated"


def test_pronoun_subject_is_the_person_of_the_previous_sentence() -> None:
    found = events("Secretary Blinken met Foreign Minister Wang Yi in Beijing. "
                   "He urged China to stop supplying Russia.")
    urge = [e for e in found if e.category == "REQUEST"][0]
    assert {(a.name, a.role) for a in urge.actors} == {("Blinken", "source"),
                                                        ("China", "target")}


def test_pronoun_after_a_paragraph_break_stays_unresolved() -> None:
    found = events("Secretary Blinken met Foreign Minister Wang Yi in Beijing.\n\n"
                   "He urged China to stop supplying Russia.")
    urge = [e for e in found if e.category == "REQUEST"][0]
    assert [a.name for a in urge.actors] == ["China"]


def test_what_is_discussed_is_no_actor() -> None:
    ev = only("The two ministers discussed Taiwan.")
    assert ev.actors == []


@pytest.mark.parametrize("text,category,mode", [
    ("North Korea fired a ballistic missile into the sea.", "MOBILIZE", "weapons"),
    ("Hezbollah fired dozens of rockets at northern Israel.", "ASSAULT", "heavy-weapons"),
    ("The Council called for an immediate ceasefire in Gaza.", "REQUEST", "yield"),
    ("The regime blocked access to social media platforms.", "COERCE", "censor"),
])
def test_mode_from_the_arguments(text: str, category: str, mode: str) -> None:
    ev = only(text)
    assert (ev.category, ev.mode) == (category, mode)


def test_one_attack_told_by_two_verbs() -> None:
    ev = only("The militants ambushed a military convoy, killing 12 soldiers.")
    assert ev.category == "ASSAULT"


@pytest.mark.parametrize("text", [
    "Well, thank you very much, Foreign Minister.",  # politeness in a transcript
    "Welcome to the briefing.",
])
def test_transcript_courtesies_are_no_events(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize("text,category", [
    ("All three of those citizens were released from prison.", "RETREAT"),
    ("The leaders spoke about the war in Sudan.", "CONSULT"),
    ("India and the United States have deepened their defence cooperation.", "COOPERATE"),
])
def test_more_ways_to_say_it(text: str, category: str) -> None:
    assert [e.category for e in events(text)] == [category]


def test_intended_cooperation_is_agree() -> None:
    ev = only("The leaders intend to accelerate cooperation on critical minerals.")
    assert (ev.category, ev.modality) == ("AGREE", "intended")


@pytest.mark.parametrize("text", [
    "The troops mobilized near the border on Monday.",
    "Russian soldiers mobilized near the border on Monday.",
    "The army mobilized near the border on Monday.",
])
def test_forces_that_mobilize_without_an_object(text: str) -> None:
    """A plural subject ("troops", "soldiers") names armed forces as its singular does."""
    ev = only(text)
    assert (ev.category, ev.mode, ev.modality) == ("MOBILIZE", "troops", "occurred")


def test_a_crowd_that_mobilizes_is_no_troop_movement() -> None:
    assert not events("Thousands of protesters mobilized in the capital on Monday.")
