"""The resolution steps as pure functions: rows in, results out, no database anywhere."""

from __future__ import annotations

import dataclasses

from newsgraph.resolve.agreements import Mention, resolve_agreements
from newsgraph.resolve.commitments import (
    AgreementPlace,
    CommitmentInputs,
    QuoteRow,
    StatusRow,
    resolve_commitments,
)
from newsgraph.resolve.dedup import find_copies, sketch
from newsgraph.resolve.entities import LocalRef, resolve_entities
from newsgraph.resolve.events import ActorRow, EntityInfo, EventInputs, ReportRow, resolve_events
from newsgraph.resolve.people import Row

US_IN = ["United States", "India"]


def _entity_rows() -> list[Row]:
    return [
        Row("a1", "e1", "Antony Blinken", "PERSON", "United States", ["Secretary of State"], 3,
            "2024-01-02"),
        Row("a2", "e1", "Blinken", "PERSON", None, [], 1, "2024-02-01"),
        Row("a2", "e2", "U.S.", "GPE", None, [], 2, "2024-02-01"),
        Row("a3", "e1", "United States of America", "ORG", None, [], 1, "2024-03-01"),
    ]


def test_entities_from_rows() -> None:
    found = resolve_entities(_entity_rows())
    assert [(e.type, e.name) for e in found] == [("GPE", "United States"),
                                                 ("PERSON", "Antony Blinken")]
    country, person = found
    assert country.links == [LocalRef("a2", "e2"), LocalRef("a3", "e1")]
    assert (country.n_articles, country.n_mentions) == (2, 3)
    assert person.links == [LocalRef("a1", "e1"), LocalRef("a2", "e1")]
    assert (person.affiliation, person.first_date, person.last_date) == (
        "United States", "2024-01-02", "2024-02-01")
    assert [(a.alias, a.n_articles) for a in person.aliases] == [("Antony Blinken", 1),
                                                                  ("Blinken", 2)]
    assert [(r.title, r.n_articles) for r in person.roles] == [("Secretary of State", 1)]


def test_entity_ids_depend_on_the_names_only() -> None:
    again = resolve_entities(_entity_rows())
    assert [e.id for e in again] == [e.id for e in resolve_entities(_entity_rows())]
    assert all(e.id.startswith("ent-") for e in again)


def test_copies_from_sketches() -> None:
    text = " ".join(f"word{i}" for i in range(200))
    copy = text.replace("word150", "changed")
    copies = find_copies([("a", sketch(text)), ("b", sketch("something else entirely here "
                                                            "and there")),
                          ("c", sketch(copy))])
    assert [(c.article_id, c.duplicate_of) for c in copies] == [("c", "a")]


def _event_inputs() -> EventInputs:
    def report(pk: int, article: str, date: str) -> ReportRow:
        return ReportRow(pk, article, "ev1", "consult", None, "New Delhi", "India", date,
                         "occurred", "Blinken met Jaishankar in New Delhi.", date)

    def both(pk: int, via_alias: bool = False) -> list[ActorRow]:
        second = (ActorRow(pk, None, "Jaishankar", "target", None) if via_alias
                  else ActorRow(pk, "e2", "S. Jaishankar", "target", None))
        return [ActorRow(pk, "e1", "Blinken", "source", None), second]

    return EventInputs(
        reports=[report(1, "a1", "2024-01-02"), report(2, "a2", "2024-01-02"),
                 report(3, "a3", "2024-06-01")],
        actors=[*both(1), *both(2, via_alias=True), *both(3)],
        links={("a1", "e1"): "ent-b", ("a1", "e2"): "ent-j", ("a2", "e1"): "ent-b",
               ("a3", "e1"): "ent-b", ("a3", "e2"): "ent-j"},
        entities={"ent-b": EntityInfo("Antony Blinken", "PERSON", "United States"),
                  "ent-j": EntityInfo("Subrahmanyam Jaishankar", "PERSON", "India")},
        aliases=[("ent-j", "Jaishankar"), ("ent-b", "Blinken")],
        local_names=[("a1", "e1", "Blinken"), ("a1", "e2", "S. Jaishankar")])


def test_events_from_rows() -> None:
    found = resolve_events(_event_inputs(), originals={"a2": "a1"})
    assert [(e.date, e.report_pks) for e in found] == [("2024-01-02", [1, 2]),
                                                       ("2024-06-01", [3])]
    meeting = found[0]
    assert meeting.category == "CONSULT" and meeting.location_country == "India"
    assert (meeting.n_reports, meeting.n_articles, meeting.n_independent) == (2, 2, 1)
    # the second report's "Jaishankar" has no local entity: its alias names one entity
    assert [(a.entity_id, a.name, a.role, a.affiliation, a.n_reports)
            for a in meeting.actors] == [
        ("ent-b", "Antony Blinken", "source", "United States", 2),
        ("ent-j", "Subrahmanyam Jaishankar", "target", "India", 2)]


FEB = "The leaders announced plans to sign the Framework for the U.S.-India Major Defense " \
      "Partnership. Other news followed."
OCT = "In Kuala Lumpur they signed the Framework for the US-India Major Defence Partnership."


def _mentions() -> list[Mention]:
    return [
        Mention(1, "a1", "Framework for the U.S.-India Major Defense Partnership", "framework",
                US_IN, "planned", 40, 95, "2025-02-13"),
        Mention(2, "a1", "the agreement", "agreement", [], "mentioned", None, None,
                "2025-02-13"),
        Mention(3, "a2", "Framework for the US-India Major Defence Partnership", "framework",
                ["India", "United States"], "signed", 35, 88, "2025-10-31"),
    ]


def test_agreements_from_rows() -> None:
    (ag,) = resolve_agreements(_mentions(), {"a1": FEB, "a2": OCT})
    assert ag.id.startswith("ag-") and ag.mention_pks == [1, 3]
    assert (ag.status, ag.first_date, ag.last_date, ag.n_articles) == (
        "signed", "2025-02-13", "2025-10-31", 2)
    assert sorted(ag.parties) == ["India", "United States"]
    assert len(ag.aliases) == 2 and sum(ag.aliases.values()) == 2
    assert [(s.article_id, s.status) for s in ag.timeline] == [("a1", "planned"),
                                                               ("a2", "signed")]
    assert ag.timeline[0].evidence.startswith("The leaders announced plans to sign")


QUOTE = "we hope to sign the Framework for the US-India Major Defence Partnership this year."


def _commitment_inputs(statuses: dict[str, list[StatusRow]], latest: str) -> CommitmentInputs:
    return CommitmentInputs(
        quotes=[QuoteRow(10, "a1", "q1", "2025-07-02", "Pete Hegseth", "ent-h", QUOTE, 100,
                         100 + len(QUOTE), "PERSON"),
                # an office is not a person who commits
                QuoteRow(11, "a1", "q2", "2025-07-02", "the ministry", None,
                         "we will sign it.", 300, 316, None)],
        aliases=[("ag-1", "Framework for the US-India Major Defence Partnership")],
        places={"a1": [AgreementPlace("ag-1", 120, 170)]},
        statuses=statuses, latest=latest)


def test_commitments_from_rows_followed_to_the_outcome() -> None:
    signed = {"ag-1": [StatusRow("signed", "a1", "2025-02-13", "before: not an outcome"),
                       StatusRow("signed", "a2", "2025-10-31", "They signed it.")]}
    (c,) = resolve_commitments(_commitment_inputs(signed, "2025-11-01"))
    assert (c.quote_pk, c.speaker, c.agreement_id, c.cue, c.action) == (
        10, "Pete Hegseth", "ag-1", "hope to", "sign")
    assert (c.deadline_text, c.deadline_date) == ("this year", "2025-12-31")
    assert (c.outcome, c.outcome_article_id, c.outcome_date) == ("fulfilled", "a2",
                                                                 "2025-10-31")


def test_a_deadline_passed_without_an_outcome_lapses() -> None:
    (c,) = resolve_commitments(_commitment_inputs({}, "2026-02-01"))
    assert c.outcome == "lapsed" and c.outcome_article_id is None
    (c,) = resolve_commitments(_commitment_inputs({}, "2025-11-01"))
    assert c.outcome == "open"


def test_results_are_plain_dataclasses() -> None:
    for result in (resolve_entities(_entity_rows())[0],
                   resolve_events(_event_inputs(), {})[0],
                   resolve_agreements(_mentions(), {"a1": FEB, "a2": OCT})[0]):
        assert dataclasses.is_dataclass(result)
