"""Countries of people in US political news (composed sentences): US bodies and their
dotted acronyms, posts in public bodies, the heads and staff of private organisations,
journalists' beats, campaign staff, untitled politicians in sentences on party politics,
nationalities said after a name, and roles found late that name their country."""

from __future__ import annotations

import pytest

from newsgraph.record import Article, Entity

pytestmark = pytest.mark.slow

# Domestic evidence of the United States for the sentences below.
US = ("Republicans in the Senate and Democrats in Congress argued over the bill in Ohio and "
      "Texas on Monday. ")


def people(nlp, text: str) -> dict[str, Entity]:  # type: ignore[no-untyped-def]
    from newsgraph.annotate.pipeline import make_doc

    ents = nlp(make_doc(nlp, Article.new(text)))._.ng_entities
    return {e.name: e for e in ents if e.type == "PERSON"}


@pytest.mark.parametrize("text, name", [
    ("Last week, the F.B.I. director, James Dorn, recommended that no charges be filed.",
     "James Dorn"),
    ("That might sound strange to anyone listening to FBI Director Mark Hale's statement.",
     "Mark Hale"),
    ("Rep. Ann Sherman joked to Federal Reserve Chair Janet Bolt that rates would rise.",
     "Janet Bolt"),
    ("Robert Lane, a C.I.A. contractor who disappeared in 2007, was not freed.",
     "Robert Lane"),
    ("Judiciary Committee Chairman Chuck Hollis spoke with the nominee.", "Chuck Hollis"),
    ("Gregory Hill, the former deputy chief of mission for the U.S. Embassy in Tripoli, "
     "testified.", "Gregory Hill"),
])
def test_a_us_body_tells_the_country(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert people(nlp, US + text)[name].affiliation == "United States"


def test_an_office_before_a_foreign_leader_is_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Obama welcomed to the White House Prime Minister Ravi Kumar of India."
    assert people(nlp, text)["Ravi Kumar"].affiliation == "India"


@pytest.mark.parametrize("text, name", [
    ("Before the convention, Cleveland Police Chief Calvin Moore lobbied the city.",
     "Calvin Moore"),
    ("The affidavit was written by Marc Bell, a detective with the Jupiter Police "
     "Department.", "Marc Bell"),
    ('"It will be unprecedented," said Audrey Lane, national press secretary for the '
     "Republican committee organizing the convention.", "Audrey Lane"),
])
def test_a_post_in_a_public_body_takes_the_articles_country(nlp, text: str,  # type: ignore[no-untyped-def]
                                                           name: str) -> None:
    assert people(nlp, US + text)[name].affiliation == "United States"


@pytest.mark.parametrize("text, name", [
    ("CNN President Jeff Rook said the network would not pay candidates.", "Jeff Rook"),
    ("David Boss, president of the conservative advocacy group Citizens United, will take "
     "over.", "David Boss"),
    ('"This is a victory," said Judicial Watch President Tom Fenn.', "Tom Fenn"),
    ('"We will fight," said Cecile Rich, president of the Planned Parenthood Federation of '
     "America.", "Cecile Rich"),
    ('"It is remarkable," said American Unity Fund president Margaret Hale.', "Margaret Hale"),
    ('"This is the first step," said Steve Ward, director of communications for digital '
     "security firm FireEye.", "Steve Ward"),
])
def test_a_private_organisations_head_or_staff_acts_for_no_state(nlp, text: str,  # type: ignore[no-untyped-def]
                                                                 name: str) -> None:
    assert people(nlp, US + text)[name].affiliation is None


@pytest.mark.parametrize("text, name", [
    ("Trump praised Breitbart News' Washington Political Editor Matthew Boone on Monday.",
     "Matthew Boone"),
    ("The detective also interviewed Washington Post reporter Ben Terr, who saw it.",
     "Ben Terr"),
])
def test_a_journalists_beat_capital_is_no_country(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert people(nlp, US + text)[name].affiliation is None


def test_a_candidates_staff_are_no_officials_even_of_a_senator(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (US + "Sen. Ted Crane (R-Texas) campaigned in Iowa. Crane spokeswoman Catherine "
            "Fray said the claim was not true. The Crane campaign tweeted a video.")
    found = people(nlp, text)
    assert found["Catherine Fray"].affiliation is None
    assert found["Ted Crane"].affiliation == "United States"


def test_an_unnamed_employers_adviser_in_a_campaign_sentence_is_campaign_staff(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (US + "Donald Trumble's campaign was in turmoil. Much of the control of the "
            "campaign had been ceded to adviser Paul Mane.")
    assert people(nlp, text)["Paul Mane"].affiliation is None


@pytest.mark.parametrize("text, name", [
    ("The 2016 Republican field is split, with Mike Hale and Chris Crist calling for a "
     "stronger rule.", "Chris Crist"),
    ("Top Senate Democrats, including Harry Reeve, met the judge.", "Harry Reeve"),
    ("Donald Trumble and Senator Bernie Sand have both argued that jobs were lost.",
     "Donald Trumble"),
])
def test_an_untitled_politician_in_a_sentence_of_party_politics(nlp, text: str,  # type: ignore[no-untyped-def]
                                                                name: str) -> None:
    assert people(nlp, US + text)[name].affiliation == "United States"


@pytest.mark.parametrize("text, name", [
    ("Carole Bowe, 75, a retiree, supported Gov. John Kasich in the Republican primary.",
     "Carole Bowe"),
    ("Trump lit into Fox News's Megan Kell at a Republican debate.", "Megan Kell"),
    ('"You can understand that," said Stephen Vlad of the University of Texas School of Law '
     "about the Republican primary.", "Stephen Vlad"),
    ('"I know him well," said Clinton ally James Carv of the Democratic primary.',
     "James Carv"),
    ('"It will be tough," said Whit Ayer, who was Rubio\'s campaign pollster in the '
     "Republican primary.", "Whit Ayer"),
])
def test_a_private_person_in_an_election_sentence_takes_no_country(nlp, text: str,  # type: ignore[no-untyped-def]
                                                                   name: str) -> None:
    assert people(nlp, US + text)[name].affiliation is None


def test_a_count_after_a_name_is_no_age(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (US + "Hillary Clinton defeated Bernie Sand in the Democratic primary. Without "
            "superdelegates, Clinton leads Sand, 1,428 to 1,153.")
    assert people(nlp, text)["Bernie Sand"].affiliation == "United States"


def test_a_post_in_brackets_tells_a_private_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (US + "\"Roger Ail (Fox News Chairman and CEO) had three brief conversations with "
            "Donald Trumble about the debate,\" Fox News said.")
    assert people(nlp, text)["Roger Ail"].affiliation is None


def test_an_organisations_name_ending_in_a_party_label_is_no_party_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (US + "The party invited the Log Cabin Republicans, with a concert by The Voice "
            "winner Jermaine Paul.")
    assert people(nlp, text)["Jermaine Paul"].affiliation is None


@pytest.mark.parametrize("text, name", [
    ("Police killed the gunman, Omar Mat, 29, a U.S. citizen born in New York.", "Omar Mat"),
    ("And Siamak Nami, an Iranian-American businessman arrested in Tehran, was not freed.",
     "Siamak Nami"),
])
def test_a_nationality_after_the_name(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert people(nlp, text)[name].affiliation == "United States"


def test_a_role_found_late_that_names_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (US + "The emails were exchanges between Carter and Eric Fann, who was his chief "
            "of staff at the time and is now the acting secretary of the Army.")
    assert people(nlp, text)["Eric Fann"].affiliation == "United States"


def test_a_surname_that_is_a_country_is_no_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The Democrats were pleased. ''Read the statistics,'' said Representative Steve "
            "Israel, a Democrat from New York.")
    p = people(nlp, text)["Steve Israel"]
    assert p.affiliation == "United States" and p.roles == ["Representative"]


def test_georgia_is_the_us_state_in_a_us_story(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (US + "Two Cruz supporters - his Georgia chairman, Scott Jans, and former "
            "congressman Robert Barr - won two of the three delegate slots.")
    assert people(nlp, text)["Scott Jans"].affiliation != "Georgia"


def test_new_mexico_is_no_mention_of_mexico(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.annotate import gazetteer
    from newsgraph.annotate.pipeline import make_doc

    doc = nlp(make_doc(nlp, Article.new("Gary Jones, the former governor of New Mexico, "
                                        "and Chris Hale of New Jersey spoke.")))
    assert not any(h.place.country in ("Mexico", "Jersey") for h in gazetteer.find(doc))


def test_org_heads_helpers() -> None:
    from newsgraph.annotate.entities import orgheads

    assert orgheads.org_country("Homeland Security Investigations in San Diego") \
        == "United States"
    assert orgheads.org_country("U.S. Embassy in Tripoli") == "United States"
    assert orgheads.org_country("Republican committee") == "United States"
    assert orgheads.org_country("Washington Institute") is None
    text = "the California Public Utilities Commission (CPUC) said. CPUC President Ann Lee"
    assert not orgheads._private_org("CPUC", text)
    assert orgheads._private_org("CNN", text)
    assert orgheads._private_org("Judicial Watch", text)
