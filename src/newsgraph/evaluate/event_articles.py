"""Score events against article-level gold: every event a reader would code in an article.

Gold (`tests/gold/event_articles/*.jsonl`): one article a line, `{id, source, title, text,
events: [{category, actors: [names], where}]}`; `where` quotes the words that state the
event (for the reader, not scored). An event stated twice in the article is one gold event.

Each article runs through the whole pipeline. Only events an analyst would be shown count:
those with `confidence` at or above `min_confidence` (the judge's threshold by default).

- precision: shown events that match a gold event of the same article (same PLOVER
  category and at least one actor in common: a predicted actor's name or its country against
  a gold actor name, as `events.same_actor` decides);
- recall: gold events matched by at least one shown event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.evaluate.events import PRF, gold_lines, same_actor
from newsgraph.record import Article, Event

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class GoldArticle:
    id: str
    text: str
    title: str | None
    events: list[tuple[str, list[str]]]  # (category, actor names)
    source: str = ""


@dataclass
class ArticleReport:
    articles: int
    gold_events: int
    shown: int
    precision: float
    recall: float
    per_category: dict[str, PRF] = field(default_factory=dict)
    wrong: list[tuple[str, Event]] = field(default_factory=list)
    missed: list[tuple[str, str, list[str]]] = field(default_factory=list)


def _gold_article(d: dict[str, Any]) -> GoldArticle:
    return GoldArticle(id=d["id"], text=d["text"], title=d.get("title"),
                       source=d.get("source", ""),
                       events=[(e["category"], list(e["actors"])) for e in d["events"]])


def load_articles(path: str | Path) -> list[GoldArticle]:
    return gold_lines(path, "an article gold line", _gold_article)


def predict(articles: list[GoldArticle], nlp: Language | None = None) -> list[list[Event]]:
    from newsgraph.annotate import annotate

    arts = (Article.new(a.text, title=a.title) for a in articles)
    return [a.events for a in annotate(arts, nlp=nlp)]


def _names(ev: Event) -> list[str]:
    out: list[str] = []
    for a in ev.actors:
        out.append(a.name)
        if a.affiliation:
            out.append(a.affiliation)
    return out


def matches(ev: Event, category: str, actors: list[str]) -> bool:
    """Is `ev` the gold event (category, actors)?"""
    return ev.category == category and any(
        same_actor(g, p) for g in actors for p in _names(ev) if p)


def score(articles: list[GoldArticle], predictions: list[list[Event]],
          min_confidence: float) -> ArticleReport:
    shown_n = right = found = gold_n = 0
    per: dict[str, PRF] = {}
    rep = ArticleReport(len(articles), 0, 0, 0.0, 0.0)
    for art, evs in zip(articles, predictions, strict=True):
        shown = [e for e in evs if (e.confidence or 0.0) >= min_confidence]
        shown_n += len(shown)
        gold_n += len(art.events)
        for e in shown:
            ok = any(matches(e, c, a) for c, a in art.events)
            right += ok
            prf = per.setdefault(e.category, PRF())
            prf.tp += ok
            prf.fp += not ok
            if not ok:
                rep.wrong.append((art.id, e))
        for c, a in art.events:
            hit = any(matches(e, c, a) for e in shown)
            found += hit
            if not hit:
                per.setdefault(c, PRF()).fn += 1
                rep.missed.append((art.id, c, a))
    rep.gold_events, rep.shown = gold_n, shown_n
    rep.precision = right / shown_n if shown_n else 0.0
    rep.recall = found / gold_n if gold_n else 0.0
    rep.per_category = dict(sorted(per.items()))
    return rep


def evaluate(path: str | Path, min_confidence: float | None = None,
             predictor: Callable[[list[GoldArticle]], list[list[Event]]] | None = None
             ) -> ArticleReport:
    """Article-level precision and recall of the events shown at `min_confidence` (the
    shipped judge's threshold when None)."""
    from newsgraph.annotate.events.judge import judge

    arts = load_articles(path)
    t = judge().threshold if min_confidence is None else min_confidence
    return score(arts, (predictor or predict)(arts), t)
