"""Score PLOVER events against hand-coded gold sentences (`tests/gold/events/*.jsonl`).

Each gold sentence is analysed on its own (with its article's publication date). A gold
event is matched to a predicted event of the same sentence whose trigger shares a word with
one of the gold trigger words (one-to-one; a same-category prediction is preferred).

- category accuracy: gold events whose matched prediction has the right category; a gold
  event with no match counts as wrong.
- macro-F1: per-category F1 (unmatched predictions are false positives, unmatched gold
  events false negatives), averaged over the categories present in the gold.
- modality accuracy: as category accuracy, for modality; also reported over matched events.
- actor F1: over matched events, gold actor names against predicted ones (a country under
  any of its names, a person by surname), micro-averaged; also with roles required to agree.
- dates and places: over matched events whose gold gives one, the share resolved to the
  same ISO date / naming the same place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from newsgraph.annotate.plover import CATEGORIES
from newsgraph.record import Article, Event

T = TypeVar("T")

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class GoldEvent:
    trigger: list[str]
    category: str
    modality: str
    mode: str | None = None
    actors: list[tuple[str, str]] = field(default_factory=list)  # (name, role)
    location: str | None = None
    date: str | None = None


@dataclass
class GoldSentence:
    id: str
    text: str
    published: str | None
    events: list[GoldEvent]
    split: str = "all"


@dataclass
class Pair:
    """A gold event and the prediction matched to it (None when missed)."""

    sentence: GoldSentence
    gold: GoldEvent
    pred: Event | None


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EventReport:
    sentences: int
    gold_events: int
    predicted_events: int
    matched: int
    category_accuracy: float
    macro_f1: float
    modality_accuracy: float
    modality_accuracy_matched: float
    actors: PRF
    actors_with_roles: PRF
    per_category: dict[str, PRF]
    # over matched events whose gold gives a date / a place: (right, of how many)
    dates: tuple[int, int]
    places: tuple[int, int]
    pairs: list[Pair]
    unmatched_predictions: list[tuple[GoldSentence, Event]]


def gold_lines(path: str | Path, what: str, make: Callable[[dict[str, Any]], T]) -> list[T]:
    """`make` over each JSON line of a `.jsonl` file or of every `.jsonl` file in a folder;
    a line `make` cannot read is a ValueError naming the file, the line and `what` it is not."""
    p = Path(path)
    files = sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    if not files:
        raise ValueError(f"{path}: no .jsonl gold files")
    out: list[T] = []
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                out.append(make(json.loads(line)))
            except (KeyError, TypeError, json.JSONDecodeError) as e:
                raise ValueError(f"{f}:{n}: not {what} ({e})") from e
    return out


def _gold_sentence(d: dict[str, Any]) -> GoldSentence:
    events = [GoldEvent(
        trigger=list(e["trigger"]), category=e["category"],
        modality=e["modality"], mode=e.get("mode"),
        actors=[(a["name"], a["role"]) for a in e.get("actors", [])],
        location=e.get("location"), date=e.get("date")) for e in d["events"]]
    return GoldSentence(id=d["id"], text=d["text"], published=d.get("published"),
                        events=events, split=d.get("split", "all"))


def load_gold(path: str | Path) -> list[GoldSentence]:
    """Gold sentences from a `.jsonl` file or every `.jsonl` file in a folder."""
    return gold_lines(path, "a gold event line", _gold_sentence)


def predict(sentences: list[GoldSentence], nlp: Language | None = None
            ) -> list[list[Event]]:
    """Run the full pipeline on each gold sentence (one document each): `nlp`, or the
    process-wide pipeline when None."""
    from newsgraph.annotate import annotate

    arts = (Article.new(s.text, published=s.published) for s in sentences)
    return [a.events for a in annotate(arts, nlp=nlp)]


def predictor_with(verb_rules: str) -> Callable[[list[GoldSentence]], list[list[Event]]]:
    """A `predict` through a pipeline whose events component reads the verb rules of file
    `verb_rules` (a changed copy of data/verb_rules.tsv); the table is read here, so a
    missing or malformed file fails before any sentence is run."""
    from newsgraph.annotate import build_nlp

    nlp = build_nlp({"newsgraph_events": {"verb_rules": verb_rules}})
    return lambda sentences: predict(sentences, nlp=nlp)


# ------------------------------------------------------------------ matching

def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w'’+-]+", text.lower())}


def _match(gold: list[GoldEvent], pred: list[Event]) -> tuple[list[Event | None], list[Event]]:
    taken: set[int] = set()
    out: list[Event | None] = []
    for g in gold:
        gw = set().union(*(_words(t) for t in g.trigger))
        options = [i for i, p in enumerate(pred)
                   if i not in taken and _words(p.trigger or "") & gw]
        options.sort(key=lambda i: pred[i].category != g.category)
        if options:
            taken.add(options[0])
            out.append(pred[options[0]])
        else:
            out.append(None)
    return out, [p for i, p in enumerate(pred) if i not in taken]


def _country(name: str) -> str | None:
    from newsgraph.annotate.gazetteer import lookup_country

    return lookup_country(name)


def same_actor(gold: str, pred: str) -> bool:
    """Do two actor names denote the same actor? (countries by any name; people by surname)"""
    cg, cp = _country(gold), _country(pred)
    if cg or cp:
        return cg is not None and cg == cp
    g, p = _words(gold), _words(pred)
    if not g or not p:
        return False
    gl = re.findall(r"[\w'’-]+", gold.lower())[-1]
    pl = re.findall(r"[\w'’-]+", pred.lower())[-1]
    return gl in p or pl in g


def _actor_counts(gold: list[tuple[str, str]], pred: Event, roles: bool) -> PRF:
    prf = PRF()
    used: set[int] = set()
    for name, role in gold:
        hit = next((i for i, a in enumerate(pred.actors) if i not in used
                    and same_actor(name, a.name) and (not roles or a.role == role)), None)
        if hit is None:
            prf.fn += 1
        else:
            used.add(hit)
            prf.tp += 1
    prf.fp += len(pred.actors) - len(used)
    return prf


def score(sentences: list[GoldSentence], predictions: Iterable[list[Event]]) -> EventReport:
    pairs: list[Pair] = []
    extra: list[tuple[GoldSentence, Event]] = []
    n_pred = 0
    for s, preds in zip(sentences, predictions, strict=True):
        n_pred += len(preds)
        found, rest = _match(s.events, preds)
        pairs.extend(Pair(s, g, f) for g, f in zip(s.events, found, strict=True))
        extra.extend((s, r) for r in rest)
    per: dict[str, PRF] = {c: PRF() for c in CATEGORIES}
    for pr in pairs:
        if pr.pred is not None and pr.pred.category == pr.gold.category:
            per[pr.gold.category].tp += 1
        else:
            per[pr.gold.category].fn += 1
            if pr.pred is not None:
                per.setdefault(pr.pred.category, PRF()).fp += 1
    for _, ev in extra:
        per.setdefault(ev.category, PRF()).fp += 1
    present = {pr.gold.category for pr in pairs}
    matched = [pr for pr in pairs if pr.pred is not None]
    actors, actors_roles = PRF(), PRF()
    for pr in matched:
        assert pr.pred is not None
        for acc, roles in ((actors, False), (actors_roles, True)):
            c = _actor_counts(pr.gold.actors, pr.pred, roles)
            acc.tp += c.tp
            acc.fp += c.fp
            acc.fn += c.fn
    dated = [m for m in matched if m.gold.date]
    placed = [m for m in matched if m.gold.location]
    # a date coarser than a day ("2021", "2025-W26") is carried in `period`, not `date`
    dates = (sum(1 for m in dated if m.pred and m.gold.date in (m.pred.date, m.pred.period)),
             len(dated))
    places = (sum(1 for m in placed if m.pred and m.pred.location and (
        m.gold.location or "").lower() in m.pred.location.lower()), len(placed))
    n = len(pairs) or 1
    return EventReport(
        sentences=len(sentences), gold_events=len(pairs), predicted_events=n_pred,
        matched=len(matched),
        category_accuracy=sum(1 for m in matched if m.pred and m.pred.category ==
                              m.gold.category) / n,
        macro_f1=sum(per[c].f1 for c in present) / (len(present) or 1),
        modality_accuracy=sum(1 for m in matched if m.pred and m.pred.modality ==
                              m.gold.modality) / n,
        modality_accuracy_matched=sum(1 for m in matched if m.pred and m.pred.modality ==
                                      m.gold.modality) / (len(matched) or 1),
        actors=actors, actors_with_roles=actors_roles,
        per_category={c: per[c] for c in CATEGORIES if c in present or per[c].fp},
        dates=dates, places=places, pairs=pairs, unmatched_predictions=extra)


def evaluate(path: str | Path, split: str = "all",
             predictor: Callable[[list[GoldSentence]], list[list[Event]]] = predict
             ) -> EventReport:
    sentences = [s for s in load_gold(path) if split in ("all", s.split)]
    if not sentences:
        raise ValueError(f"{path}: no gold sentences in split {split!r}")
    return score(sentences, predictor(sentences))
