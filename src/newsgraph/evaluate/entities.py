"""Score entities against hand-written gold (format: tests/gold/README.md, "Entities").

People: a predicted PERSON matches a gold person when its name is the gold name or one of
its aliases (compared without case, dots, brackets or apostrophe style); each gold person
matches at most one prediction, so a person split in two costs a false positive. On matched
people: role accuracy (the set of roles equals the gold set, compared in canonical
spelling), lenient role accuracy (the sets share a role, or both are empty), roles found
(of the roles the gold gives matched people, the share predicted) with role precision, and
affiliation accuracy (same country, under any of its names, or organisation, or both
none). Key non-person entities: recall by name and type, and affiliation accuracy where the
gold gives one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.annotate.entities.roles import normalize_role
from newsgraph.geo.countries import iso_of
from newsgraph.record import Article, Entity


@dataclass
class GoldPerson:
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None


@dataclass
class GoldEntity:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    affiliation: str | None = None
    has_affiliation: bool = False


@dataclass
class GoldDoc:
    id: str
    text: str
    title: str | None
    published: str | None
    people: list[GoldPerson]
    entities: list[GoldEntity]
    # "dev": looked at while the rules were written; "test2" and later: scored before any change
    split: str = "dev"
    batch: int = 1


@dataclass
class Error:
    doc: str
    what: str  # missed | spurious | role | affiliation | entity-missed | entity-affiliation
    gold: str = ""
    pred: str = ""


@dataclass
class Report:
    docs: int = 0
    gold_people: int = 0
    pred_people: int = 0
    matched: int = 0
    roles_exact: int = 0
    roles_overlap: int = 0
    gold_roles: int = 0
    pred_roles: int = 0
    roles_found: int = 0
    affiliation_right: int = 0
    gold_entities: int = 0
    entities_found: int = 0
    entity_aff_checked: int = 0
    entity_aff_right: int = 0
    errors: list[Error] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.pred_people if self.pred_people else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_people if self.gold_people else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def rate(self, n: int, d: int) -> float:
        return n / d if d else 0.0

    @property
    def role_accuracy(self) -> float:
        return self.rate(self.roles_exact, self.matched)

    @property
    def role_overlap(self) -> float:
        return self.rate(self.roles_overlap, self.matched)

    @property
    def role_recall(self) -> float:
        """Of the roles the gold gives the matched people, the share predicted."""
        return self.rate(self.roles_found, self.gold_roles)

    @property
    def role_precision(self) -> float:
        """Of the roles predicted for the matched people, the share in the gold."""
        return self.rate(self.roles_found, self.pred_roles)

    @property
    def affiliation_accuracy(self) -> float:
        return self.rate(self.affiliation_right, self.matched)

    @property
    def entity_recall(self) -> float:
        return self.rate(self.entities_found, self.gold_entities)

    @property
    def entity_affiliation_accuracy(self) -> float:
        return self.rate(self.entity_aff_right, self.entity_aff_checked)


def norm_name(name: str) -> str:
    t = name.replace("’", "'").replace("[", "").replace("]", "").replace(".", " ")
    return re.sub(r"\s+", " ", t).strip().casefold()


def same_affiliation(a: str | None, b: str | None) -> bool:
    """The same country or organisation: equal, or two names of one country ("Turkey",
    "Türkiye")."""
    if a == b:
        return True
    iso = iso_of(a) if a else None
    return iso is not None and iso == (iso_of(b) if b else None)


def norm_role(role: str) -> str:
    return normalize_role(role).casefold()


def _person(d: dict[str, Any]) -> GoldPerson:
    return GoldPerson(name=d["name"], aliases=list(d.get("aliases", [])),
                      roles=list(d.get("roles", [])), affiliation=d.get("affiliation"))


def _entity(d: dict[str, Any]) -> GoldEntity:
    return GoldEntity(name=d["name"], type=d["type"], aliases=list(d.get("aliases", [])),
                      affiliation=d.get("affiliation"), has_affiliation="affiliation" in d)


def load_gold(path: str | Path, split: str | None = None,
              batch: int | None = None) -> list[GoldDoc]:
    """Every *.json in a folder (only those of `split` and `batch` when given; a file without
    a split is "dev", one without a batch is batch 1); a clear ValueError names a file that is
    not gold."""
    root = Path(path)
    if not root.is_dir():
        raise ValueError(f"{path}: not a folder")
    docs = []
    for f in sorted(root.glob("*.json")):
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
            docs.append(GoldDoc(id=d["id"], text=d["text"], title=d.get("title"),
                                published=d.get("published"),
                                people=[_person(p) for p in d["people"]],
                                entities=[_entity(e) for e in d.get("entities", [])],
                                split=str(d.get("split", "dev")),
                                batch=int(d.get("batch", 1))))
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise ValueError(f"{f}: not an entities gold file ({e})") from e
    if not docs:
        raise ValueError(f"{path}: no *.json gold files")
    if split is not None:
        docs = [d for d in docs if d.split == split]
        if not docs:
            raise ValueError(f"{path}: no gold files in split {split!r}")
    if batch is not None:
        docs = [d for d in docs if d.batch == batch]
        if not docs:
            raise ValueError(f"{path}: no gold files in batch {batch}"
                             + (f" of split {split!r}" if split else ""))
    return docs


def _names(g: GoldPerson | GoldEntity) -> set[str]:
    return {norm_name(n) for n in [g.name, *g.aliases]}


def score_doc(gold: GoldDoc, pred: list[Entity], report: Report) -> None:
    report.docs += 1
    people = [e for e in pred if e.type == "PERSON"]
    report.gold_people += len(gold.people)
    report.pred_people += len(people)
    free = list(gold.people)
    for e in people:
        g = next((g for g in free if norm_name(e.name) in _names(g)), None)
        if g is None:
            report.errors.append(Error(gold.id, "spurious", pred=e.name))
            continue
        free.remove(g)
        report.matched += 1
        pr = {norm_role(r) for r in e.roles}
        gr = {norm_role(r) for r in g.roles}
        report.roles_exact += pr == gr
        report.roles_overlap += bool(pr & gr) or pr == gr
        report.gold_roles += len(gr)
        report.pred_roles += len(pr)
        report.roles_found += len(pr & gr)
        if pr != gr:
            report.errors.append(Error(gold.id, "role", f"{g.name}: {sorted(g.roles)}",
                                       str(sorted(e.roles))))
        if same_affiliation(e.affiliation, g.affiliation):
            report.affiliation_right += 1
        else:
            report.errors.append(Error(gold.id, "affiliation", f"{g.name}: {g.affiliation}",
                                       str(e.affiliation)))
    for g in free:
        report.errors.append(Error(gold.id, "missed", gold=g.name))
    for ge in gold.entities:
        report.gold_entities += 1
        found = next((e for e in pred if e.type == ge.type and norm_name(e.name) in _names(ge)),
                     None)
        if found is None:
            report.errors.append(Error(gold.id, "entity-missed", f"{ge.type} {ge.name}"))
            continue
        report.entities_found += 1
        if ge.has_affiliation:
            report.entity_aff_checked += 1
            if same_affiliation(found.affiliation, ge.affiliation):
                report.entity_aff_right += 1
            else:
                report.errors.append(Error(gold.id, "entity-affiliation",
                                           f"{ge.name}: {ge.affiliation}", str(found.affiliation)))


def evaluate(docs: Iterable[GoldDoc]) -> Report:
    """Annotate each gold text with the product pipeline and score it."""
    from newsgraph.annotate import annotate

    docs = list(docs)
    articles = [Article.new(d.text, title=d.title, published=d.published) for d in docs]
    report = Report()
    for gold, art in zip(docs, annotate(articles), strict=True):
        score_doc(gold, art.entities, report)
    return report
