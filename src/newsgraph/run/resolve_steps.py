"""Resolution steps for one group of rows: the pure functions of `newsgraph.resolve`, fed
the rows of one connected component, one event window or one global step.

`run.spark` groups the rows of `run.resolve_rows` (by blocking-key component, by sketch
component, by category and date window) and calls these in its Python workers; each takes
the group's input rows by kind (plain dicts) and returns result rows as (table, row) pairs
with the columns of `RESULTS` (Spark DDL). A group clustered alone gives the clusters the
full rebuild gives it, because the steps only ever compare rows sharing a blocking key
(`resolve.blocks`), a sketch value (`resolve.dedup`), or a category and a few days
(`resolve.events`). Rows are put in the order the full rebuild reads them in.

Reports, quotes and mentions are named by (article id, local id or position) in the results,
not by their row number, which only the SQLite store gives them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsgraph.resolve import agreements, commitments, dedup, entities, events
from newsgraph.resolve.names import fold
from newsgraph.resolve.people import Row as EntityRow

if TYPE_CHECKING:
    import pandas as pd

Rows = dict[str, list[dict[str, Any]]]
Result = tuple[str, dict[str, Any]]

_REF = "article_id string, local_id string"
# Spark DDL of every result table, in the store's own columns (refs instead of row numbers).
RESULTS = {
    "entities": "id string, name string, type string, affiliation string, n_articles int, "
                "n_mentions int, first_date string, last_date string",
    "entity_links": f"{_REF}, entity_id string",
    "entity_aliases": "entity_id string, alias string, n_articles int",
    "entity_roles": "entity_id string, title string, first_date string, last_date string, "
                    "n_articles int",
    "entity_keys": f"key string, role string, {_REF}",
    "name_ids": "name_id string",
    "duplicates": "article_id string, duplicate_of string, similarity double",
    "events": "id string, category string, mode string, date string, first_date string, "
              "last_date string, location string, location_country string, modality string, "
              "n_reports int, n_articles int, n_independent int, sentence string",
    "event_links": f"{_REF}, event_id string",
    "event_actors": "event_id string, entity_id string, name string, role string, "
                    "affiliation string, n_reports int",
    "agreements": "id string, name string, kind string, parties string, status string, "
                  "first_date string, last_date string, n_mentions int, n_articles int",
    "agreement_aliases": "agreement_id string, alias string, n_mentions int",
    "agreement_links": "article_id string, ord int, agreement_id string",
    "agreement_status": "agreement_id string, article_id string, status string, "
                        "date string, evidence string",
    "commitments": "id string, article_id string, local_id string, date string, "
                   "speaker string, speaker_entity_id string, text string, cue string, "
                   "action string, deadline_text string, deadline_date string, "
                   "agreement_id string, outcome string, outcome_article_id string, "
                   "outcome_date string, outcome_evidence string",
}


def by_kind(kinds: Iterable[str], payloads: Iterable[str]) -> Rows:
    """A group's tagged input rows (kind, JSON) as lists of dicts by kind."""
    out: Rows = defaultdict(list)
    for kind, payload in zip(kinds, payloads, strict=True):
        out[kind].append(json.loads(payload))
    return out


def _stored_order(row: dict[str, Any], *ids: str) -> tuple[Any, ...]:
    """ORDER BY published, ids... as SQLite sorts (NULL first)."""
    published = row.get("published")
    return (published is not None, published or "", *(row[i] for i in ids))


# ---------------------------------------------------------------- entities


def entity_row(r: dict[str, Any]) -> EntityRow:
    return EntityRow(r["article_id"], r["local_id"], r["name"], r["type"], r["affiliation"],
                     json.loads(r["roles"]), r["n_mentions"], r["published"])


def entity_keys(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The blocking keys of per-article entities (the `entity_keys` rows of a rebuild)."""
    for r in rows:
        for key, role in entities.row_keys(entity_row(r)):
            yield {"key": key, "role": role, "article_id": r["article_id"],
                   "local_id": r["local_id"]}


def entity_group(rows: Rows) -> Iterator[Result]:
    """Cluster the per-article entities of some whole components (with the components whose
    clusters take ids from the same names: `name_ids`, resolved together)."""
    ents = sorted(rows["entity"], key=lambda r: _stored_order(r, "article_id", "local_id"))
    for e in entities.resolve_entities([entity_row(r) for r in ents]):
        yield "entities", {"id": e.id, "name": e.name, "type": e.type,
                           "affiliation": e.affiliation, "n_articles": e.n_articles,
                           "n_mentions": e.n_mentions, "first_date": e.first_date,
                           "last_date": e.last_date}
        yield "name_ids", {"name_id": e.name_id}
        for ref in e.links:
            ref_row = {"article_id": ref.article_id, "local_id": ref.local_id}
            yield "entity_links", {**ref_row, "entity_id": e.id}
            yield "entity_keys", {"key": "id:" + e.name_id, "role": "link", **ref_row}
        for a in e.aliases:
            yield "entity_aliases", {"entity_id": e.id, "alias": a.alias,
                                     "n_articles": a.n_articles}
        for role in e.roles:
            yield "entity_roles", {"entity_id": e.id, "title": role.title,
                                   "first_date": role.first_date,
                                   "last_date": role.last_date, "n_articles": role.n_articles}


# -------------------------------------------------------------- duplicates


def copies_group(rows: Rows, common: frozenset[int]) -> Iterator[Result]:
    """The wire copies among the articles of some whole sketch components; `common`: the values
    held by too many articles of the whole archive to be evidence (unsigned)."""
    arts = sorted(rows["article"], key=lambda r: _stored_order(r, "article_id"))
    items = [(r["article_id"], bytes.fromhex(r["sketch"])) for r in arts]
    for c in dedup.find_copies(items, common=common):
        yield "duplicates", {"article_id": c.article_id, "duplicate_of": c.duplicate_of,
                             "similarity": c.similarity}


# ------------------------------------------------------------------ events


def event_group(rows: Rows) -> Iterator[Result]:
    """Cluster the reports of some whole date windows of their categories (no report of
    another window is within reach of them, `events.cluster_reports`), given the entity
    links and names of their articles (repeated rows are harmless)."""
    refs: dict[int, tuple[str, str]] = {}
    reports, actors = [], []
    for r in rows["report"]:
        refs[r["pk"]] = (r["article_id"], r["local_id"])
        reports.append(events.ReportRow(
            r["pk"], r["article_id"], r["local_id"], r["category"], r["mode"], r["location"],
            r["location_country"], r["date"], r["modality"], r["sentence"], r["published"]))
        actors += [events.ActorRow(r["pk"], *a) for a in json.loads(r["actors"])]
    inputs = events.EventInputs(
        reports=reports, actors=actors,
        links={(x["article_id"], x["local_id"]): x["entity_id"] for x in rows["link"]},
        entities={x["id"]: events.EntityInfo(x["name"], x["type"], x["affiliation"])
                  for x in rows["entity"]},
        aliases=[(x["entity_id"], x["alias"]) for x in rows["alias"]],
        # in the order the store holds them: of two entities of an article with one name,
        # an actor of that name is the last one, as the rebuild reads them
        local_names=[(x["article_id"], x["local_id"], x["name"]) for x in sorted(
            rows["name"], key=lambda x: (x["article_id"], x["ord"]))])
    originals = {x["article_id"]: x["duplicate_of"] for x in rows["original"]}
    for ev in events.resolve_events(inputs, originals):
        yield "events", {k: getattr(ev, k) for k in (
            "id", "category", "mode", "date", "first_date", "last_date", "location",
            "location_country", "modality", "n_reports", "n_articles", "n_independent",
            "sentence")}
        for pk in ev.report_pks:
            article_id, local_id = refs[pk]
            yield "event_links", {"article_id": article_id, "local_id": local_id,
                                  "event_id": ev.id}
        for a in ev.actors:
            yield "event_actors", {"event_id": ev.id, "entity_id": a.entity_id,
                                   "name": a.name, "role": a.role,
                                   "affiliation": a.affiliation, "n_reports": a.n_reports}


def folded(alias: str) -> str:
    """How an event actor's name is looked up among the aliases."""
    return fold(alias)


# -------------------------------------------------------------- agreements


def agreements_all(rows: Rows) -> Iterator[Result]:
    """Every agreement, from every mention (one global step: mentions are few)."""
    ordered = sorted(rows["mention"], key=lambda r: _stored_order(r, "article_id", "ord"))
    where = {m["pk"]: (m["article_id"], m["ord"]) for m in ordered}
    mentions = [agreements.Mention(m["pk"], m["article_id"], m["name"], m["kind"],
                                   json.loads(m["parties"]), m["status"], m["start"],
                                   m["end"], m["published"], m["system"], m["recipient"])
                for m in ordered]
    texts = {x["article_id"]: x["text"] for x in rows["text"]}
    for g in agreements.resolve_agreements(mentions, texts):
        yield "agreements", {"id": g.id, "name": g.name, "kind": g.kind,
                             "parties": json.dumps(g.parties), "status": g.status,
                             "first_date": g.first_date, "last_date": g.last_date,
                             "n_mentions": g.n_mentions, "n_articles": g.n_articles}
        for alias, n in g.aliases.items():
            yield "agreement_aliases", {"agreement_id": g.id, "alias": alias, "n_mentions": n}
        for pk in g.mention_pks:
            article_id, ord_ = where[pk]
            yield "agreement_links", {"article_id": article_id, "ord": ord_,
                                      "agreement_id": g.id}
        for s in g.timeline:
            yield "agreement_status", {"agreement_id": g.id, "article_id": s.article_id,
                                       "status": s.status, "date": s.date,
                                       "evidence": s.evidence}


# ------------------------------------------------------------- commitments


def commitment_context(aliases: list[dict[str, Any]], places: list[dict[str, Any]],
                       statuses: list[dict[str, Any]], latest: str | None
                       ) -> commitments.CommitmentInputs:
    """What every quote is read against: the agreements (from `agreements_all`)."""
    by_article: dict[str, list[commitments.AgreementPlace]] = defaultdict(list)
    for p in sorted(places, key=lambda p: (p["article_id"], p["start"] is not None,
                                           p["start"] or 0)):
        by_article[p["article_id"]].append(
            commitments.AgreementPlace(p["agreement_id"], p["start"], p["end"]))
    by_agreement: dict[str, list[commitments.StatusRow]] = defaultdict(list)
    for s in sorted(statuses, key=lambda s: (s["agreement_id"], s["date"] is not None,
                                             s["date"] or "", s["article_id"], s["status"])):
        by_agreement[s["agreement_id"]].append(
            commitments.StatusRow(s["status"], s["article_id"], s["date"], s["evidence"]))
    return commitments.CommitmentInputs(
        aliases=[(a["agreement_id"], a["alias"]) for a in aliases],
        places=dict(by_article), statuses=dict(by_agreement), latest=latest)


def commitments_part(quotes: list[dict[str, Any]], context: commitments.CommitmentInputs
                     ) -> Iterator[Result]:
    """The commitments made by some of the quotes (each quote makes its own)."""
    ordered = sorted(quotes, key=lambda r: _stored_order(r, "article_id", "local_id"))
    refs = {q["pk"]: q["local_id"] for q in ordered}
    context.quotes = [commitments.QuoteRow(
        q["pk"], q["article_id"], q["local_id"], q["published"], q["speaker"],
        q["entity_id"], q["text"], q["start"], q["end"], q["entity_type"]) for q in ordered]
    for c in commitments.resolve_commitments(context):
        yield "commitments", {
            "id": c.id, "article_id": c.article_id, "local_id": refs[c.quote_pk],
            "date": c.date, "speaker": c.speaker, "speaker_entity_id": c.speaker_entity_id,
            "text": c.text, "cue": c.cue, "action": c.action,
            "deadline_text": c.deadline_text, "deadline_date": c.deadline_date,
            "agreement_id": c.agreement_id, "outcome": c.outcome,
            "outcome_article_id": c.outcome_article_id, "outcome_date": c.outcome_date,
            "outcome_evidence": c.outcome_evidence}


# ------------------------------------------------------- in a Python worker


def group_frame(frame: pd.DataFrame, step: Callable[[Rows], Iterable[Result]]
                ) -> pd.DataFrame:
    """applyInPandas body: one group's tagged rows (group, kind, payload) in, its results
    (group, table, payload) out."""
    import pandas as pd

    group = str(frame["group"].iloc[0]) if len(frame) else ""
    out = [(group, table, json.dumps(row, ensure_ascii=False))
           for table, row in step(by_kind(frame["kind"], frame["payload"]))]
    return pd.DataFrame(out, columns=["group", "table", "payload"])


def key_frames(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas body: per-article entities in, their blocking keys out."""
    import pandas as pd

    cols = ["key", "role", "article_id", "local_id"]
    for frame in frames:
        yield pd.DataFrame(list(entity_keys(frame.to_dict("records"))), columns=cols)


def alias_frames(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas body: entity aliases with the folded form event actors are looked up by."""
    for frame in frames:
        frame = frame.copy()
        frame["folded"] = [folded(a) for a in frame["alias"]]
        yield frame


def commitment_frames(frames: Iterator[pd.DataFrame], context: str
                      ) -> Iterator[pd.DataFrame]:
    """mapInPandas body: quotes with their speakers' entities (JSON `payload`) in,
    commitments out; `context`: the agreements' aliases, places and statuses and the latest
    publication date, as JSON."""
    import pandas as pd

    c = json.loads(context)
    for frame in frames:
        inputs = commitment_context(c["aliases"], c["places"], c["statuses"], c["latest"])
        quotes = [json.loads(p) for p in frame["payload"]]
        out = [("", table, json.dumps(row, ensure_ascii=False))
               for table, row in commitments_part(quotes, inputs)]
        yield pd.DataFrame(out, columns=["group", "table", "payload"])
