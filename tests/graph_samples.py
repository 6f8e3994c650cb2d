"""Hand-built articles shared by the resolve, query and export tests (no spaCy)."""

from __future__ import annotations

from graph_fixtures import Ag, Ent, Ev, Qt, build
from newsgraph.record import Article

# A 2+2 ministerial reported seven ways: a wire copy, the day itself, a joint statement,
# a later meeting, another kind of event and a denial.
PEOPLE = [Ent("Antony Blinken", affiliation="United States"),
          Ent("Lloyd Austin", affiliation="United States"),
          Ent("S. Jaishankar", affiliation="India"),
          Ent("Rajnath Singh", affiliation="India"),
          Ent("India", "GPE"), Ent("United States", "GPE")]
MEET = [("Antony Blinken", "source"), ("Lloyd Austin", "source"),
        ("S. Jaishankar", "target"), ("Rajnath Singh", "target")]

WIRE = ("Secretary Blinken and Secretary Austin will host Indian Minister of External Affairs "
        "S. Jaishankar and Minister of Defense Rajnath Singh for the fourth U.S.-India 2+2 "
        "Ministerial Dialogue in Washington on April 11. The Ministerial will review progress "
        "on defense, science and technology, climate, and global health cooperation. "
        "India and the United States are major defense partners.")


def event_articles():  # type: ignore[no-untyped-def]
    return [
        # announced a few days before: planned, dated April 11
        build(WIRE, "2022-04-07", ents=PEOPLE,
              events=[Ev("CONSULT", MEET, "2022-04-11", "planned", "Washington")]),
        # the same release reprinted by another outlet (a wire copy)
        build(WIRE + " Reporting by the newsroom.", "2022-04-08", ents=PEOPLE,
              events=[Ev("CONSULT", MEET, "2022-04-11", "planned", "Washington")]),
        # opening remarks on the day
        build("Secretary Blinken: Welcome to the 2+2 with S. Jaishankar and Rajnath Singh.",
              "2022-04-11", ents=PEOPLE,
              events=[Ev("CONSULT", MEET[:1] + MEET[2:3], "2022-04-11", "occurred",
                         "Washington")]),
        # joint statement the next day, a different wording of the actors
        build("Lloyd Austin and Rajnath Singh held the 2+2 dialogue with their counterparts.",
              "2022-04-12", ents=PEOPLE,
              events=[Ev("CONSULT", [("Lloyd Austin", "source"), ("Rajnath Singh", "target")],
                         "2022-04-11", "occurred")]),
        # another meeting of two of the same people, two weeks later: another event
        build("Antony Blinken met S. Jaishankar again in New York.", "2022-04-26",
              ents=PEOPLE,
              events=[Ev("CONSULT", [("Antony Blinken", "source"), ("S. Jaishankar", "target")],
                         "2022-04-25", "occurred", "New York")]),
        # same day, same people, but a different kind of event
        build("India and the United States agreed to expand cooperation.", "2022-04-11",
              ents=PEOPLE,
              events=[Ev("AGREE", [("India", "source"), ("United States", "target")],
                         "2022-04-11")]),
        # same day, same people, but denied: never the same event as one that happened
        build("Antony Blinken did not meet S. Jaishankar on the sidelines.", "2022-04-11",
              ents=PEOPLE,
              events=[Ev("CONSULT", [("Antony Blinken", "source"), ("S. Jaishankar", "target")],
                         "2022-04-11", "negated")]),
    ]


# One agreement under several names, and other frameworks that are not it.
FEB = ("To advance defense ties further, the leaders announced plans to sign this year a new "
       "ten-year Framework for the U.S.-India Major Defense Partnership in the 21st Century.")
SEED_QUOTE = ("we hope we can finalize some big outstanding US defence sales to India, and then "
              "formally sign a new 10-year Framework for the US-India Major Defence Partnership. "
              "which we hope to do very shortly.")
SEED = f'Hegseth went on to say, "{SEED_QUOTE}"'
LATER = ("Secretary Hegseth and Minister Rajnath Singh signed the Framework for the U.S.-India "
         "Major Defense Partnership in Kuala Lumpur.")
US_IN = ["United States", "India"]


def agreement_articles():  # type: ignore[no-untyped-def]
    return [
        build(FEB, "2025-02-13", agreements=[Ag(
            "Framework for the U.S.-India Major Defense Partnership in the 21st Century",
            parties=US_IN, status="planned")]),
        build(SEED, "2025-07-02", ents=[Ent("Pete Hegseth", affiliation="United States"),
                                        Ent("Hegseth", affiliation="United States")],
              quotes=[Qt(SEED_QUOTE, "Hegseth")],
              agreements=[Ag("US defence sales to India", kind="arms-sale", parties=US_IN),
                          Ag("10-year Framework for the US-India Major Defence Partnership",
                             parties=US_IN, status="proposed")]),
        build("Other trade news: a Joint Statement on Framework for United States-Indonesia "
              "Agreement on Reciprocal Trade, and a Framework for a United States-Thailand "
              "Agreement on Reciprocal Trade.", "2025-07-22",
              agreements=[Ag("Framework for United States-Indonesia Agreement on Reciprocal "
                             "Trade", kind="framework", status="agreed"),
                          Ag("Framework for a United States-Thailand Agreement on Reciprocal "
                             "Trade", kind="framework", status="agreed")]),
        build("The U.S.-Mexico Bicentennial Framework for Security, Public Health, and Safe "
              "Communities was launched.", "2021-10-08",
              agreements=[Ag("U.S.-Mexico Bicentennial Framework for Security, Public Health, "
                             "and Safe Communities", status="agreed")]),
        build("Phase II of the Bicentennial Framework for Security began.", "2023-01-10",
              agreements=[Ag("Bicentennial Framework for Security", status="implemented",
                             parties=["Mexico", "United States"])]),
    ]


# The same statement in German and English, for the language filters.
def language_articles(de_confidence: float, en_confidence: float) -> list[Article]:
    de = build("Olaf Scholz sprach in Berlin. \"Wir halten zusammen,\" sagte Olaf Scholz.",
               "2025-07-02", title="Scholz in Berlin", ents=[Ent("Olaf Scholz")],
               quotes=[Qt("Wir halten zusammen,", "Olaf Scholz")])
    en = build("Olaf Scholz spoke in Berlin. \"We stand together,\" Olaf Scholz said.",
               "2025-07-01", title="Scholz speaks", ents=[Ent("Olaf Scholz")],
               quotes=[Qt("We stand together,", "Olaf Scholz")])
    de.language, de.language_confidence = "de", de_confidence
    en.language, en.language_confidence = "en", en_confidence
    return [de, en]
