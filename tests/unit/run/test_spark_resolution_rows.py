"""The rows resolution on Spark reads from shards are the rows a rebuild reads from SQLite.

Articles of the resolution sample (tests/fixtures/spark/resolve-sample.jsonl.gz), one with a
local id repeated, are stored in a store and turned into rows by `run.resolve_rows`; the
entities, event reports and actors, agreement mentions and sketches must be those
`store.resolved` loads (row numbers aside, which only the store gives).
"""

from __future__ import annotations

import dataclasses
import gzip
import json
from pathlib import Path

from newsgraph.record import Article
from newsgraph.resolve.dedup import unpack
from newsgraph.run import resolve_rows
from newsgraph.run.resolve_steps import entity_row
from newsgraph.store import Store, resolved
from paths import FIXTURES

SAMPLE = FIXTURES / "spark" / "resolve-sample.jsonl.gz"


def _articles(n: int) -> list[Article]:
    with gzip.open(SAMPLE, "rt", encoding="utf-8") as f:
        arts = [Article.from_dict(json.loads(line)) for line, _ in zip(f, range(n),
                                                                          strict=False)]
    # a repeated local id: the store keeps the first row, and so must the rows
    first = arts[0]
    first.entities.append(dataclasses.replace(first.entities[0], name="Someone Else"))
    first.events.append(dataclasses.replace(first.events[0], category="COERCE"))
    return arts


def _rows(arts: list[Article]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {t: [] for t in resolve_rows.SCHEMAS}
    for seq, art in enumerate(arts):
        for table, rows in resolve_rows.article_rows(art, "s", seq).items():
            out[table] += rows
    return out


def test_rows_are_what_the_rebuild_reads(tmp_path: Path) -> None:
    arts = _articles(6)
    rows = _rows(arts)
    with Store(tmp_path / "a.db") as st:
        st.write_articles(arts)
        conn = st.conn
        stored = resolved.load_entity_rows(conn)
        assert sorted(map(repr, stored)) == sorted(repr(entity_row(r)) for r in
                                                   rows["entities"])
        inputs = resolved.load_event_inputs(conn)
        by_pk = {r.pk: (r.article_id, r.local_id) for r in inputs.reports}
        assert sorted((r.article_id, r.local_id, r.category, r.mode, r.location,
                       r.location_country, r.date, r.modality, r.sentence, r.published)
                      for r in inputs.reports) == sorted(
            (r["article_id"], r["local_id"], r["category"], r["mode"], r["location"],
             r["location_country"], r["date"], r["modality"], r["sentence"], r["published"])
            for r in rows["reports"])
        actors = sorted(repr((*by_pk[a.report_pk], a.local_entity_id, a.name, a.role,
                              a.affiliation)) for a in inputs.actors)
        assert actors == sorted(repr((r["article_id"], r["local_id"], *a))
                                for r in rows["reports"] for a in json.loads(r["actors"]))
        mentions, texts = resolved.load_agreement_mentions(conn)
        assert sorted((m.article_id, m.name, m.status, m.start, m.end, m.date)
                      for m in mentions) == sorted(
            (r["article_id"], r["name"], r["status"], r["start"], r["end"], r["published"])
            for r in rows["mentions"])
        assert texts == {r["article_id"]: r["text"] for r in rows["articles"] if r["text"]}
        sketches = dict(resolved.load_sketches(conn))
        assert {r["article_id"]: r["sketch"] for r in rows["articles"]} == sketches
        assert sorted((r["value"], r["article_id"]) for r in rows["sketch"]) == sorted(
            (resolve_rows.signed(v), a) for a, s in sketches.items()
            for v in set(unpack(s)))
    assert "Someone Else" not in {r["name"] for r in rows["entities"]}
    assert len({r["pk"] for r in rows["reports"]}) == len(rows["reports"])


def test_only_quotes_that_can_make_a_commitment() -> None:
    arts = _articles(6)
    quotes = _rows(arts)["quotes"]
    kept = {(q["article_id"], q["local_id"]) for q in quotes}
    expected = {(a.id, q.id) for a in arts for q in a.quotes
                if not q.is_question and q.speaker is not None}
    assert kept == expected and kept
