"""The event judge: how likely a rule candidate is a real event of its coded type.

The rules propose candidates (trigger, category, mode, actors, modality, and the way of
stating an event that found them). `features` describes one candidate by named binary
features of the candidate, its parse and its sentence; the judge is a logistic regression
over them, trained on candidates from real news labelled by reading (see
`newsgraph.annotate.events.train`), and shipped as `data/event_judge.json` (the weight of
each feature, a bias, and the threshold below which an analyst's views hide an event).

`confidence` is the model's probability that the candidate is right (category right and at
least one actor right). Every event gets one; nothing is dropped here, the query, API and UI
hide what falls below the threshold. An event none of whose actors is resolved to an
entity or a country is kept below the threshold whatever the model says.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from newsgraph import lexicon
from newsgraph.annotate.plover import lemma
from newsgraph.record import EventActor

IRREALIS = {"if", "would", "could", "might", "may", "should", "unless", "whether"}
NEGATORS = {"not", "n't", "never", "no", "without", "nor"}


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _actor_features(actors: list[EventActor]) -> dict[str, str]:
    out: dict[str, str] = {}
    roles = {a.role for a in actors}
    out["n_actors"] = _bucket(len(actors), (0, 1, 2))
    out["roles"] = "+".join(sorted(roles)) or "none"
    resolved = [a for a in actors if a.id is not None or a.affiliation]
    out["resolved"] = _bucket(len(resolved), (0, 1))
    if any(a.name.isupper() and len(a.name) > 3 for a in actors):
        out["actor_caps"] = "1"  # a dateline ("DUBAI") read as an actor
    if any(a.id is None and not a.affiliation for a in actors):
        out["actor_unresolved"] = "1"
    return out


def _scope_features(anchor: Token, governor: Token, sent: Span) -> dict[str, str]:
    out: dict[str, str] = {}
    near = {c.lower_ for t in (anchor, governor) for c in t.children}
    if near & NEGATORS:
        out["neg_child"] = "1"
    before = {t.lower_ for t in sent.doc[max(sent.start, anchor.i - 4):anchor.i]}
    if before & NEGATORS:
        out["neg_before"] = "1"
    if before & IRREALIS:
        out["irrealis_before"] = "1"
    cur = governor
    for _ in range(6):  # the clause it hangs from: "when asked", "if they attack"
        if cur.dep_ in ("advcl", "ccomp", "relcl", "xcomp", "acl", "csubj"):
            out.setdefault("clause", cur.dep_)
            marks = [c.lower_ for c in cur.children if c.dep_ in ("mark", "advmod")]
            if marks:
                out.setdefault("clause_mark", marks[0])
        if cur.head == cur:
            break
        cur = cur.head
    return out


def _sentence_features(sent: Span, anchor: Token) -> dict[str, str]:
    text = sent.text
    out: dict[str, str] = {"len": _bucket(len(sent), (8, 15, 25, 40, 60))}
    if '"' in text or "\u201c" in text or "\u201d" in text:
        out["quote"] = "1"
    if text.rstrip().endswith("?"):
        out["question"] = "1"
    if sent.start == 0 or "\n" not in sent.doc.text[:sent.start_char]:
        out["first_par"] = "1"
    pos = (anchor.i - sent.start) / max(1, len(sent))
    out["where"] = _bucket(int(pos * 4), (0, 1, 2, 3))
    return out


def features(anchor: Token, governor: Token, rule: str, category: str, mode: str | None,
             modality: str, actors: list[EventActor], sent: Span) -> dict[str, str]:
    """The named features of one candidate (name -> value; a missing name is absent)."""
    lem = lemma(anchor)
    out: dict[str, str] = {
        "cat": category, "rule": rule.split(":")[0], "row": rule, "lem": lem,
        "lem_cat": f"{lem}|{category}", "mode": f"{category}|{mode}", "modality": modality,
        "cat_modality": f"{category}|{modality}", "pos": anchor.pos_, "dep": anchor.dep_,
        "head": lemma(anchor.head), "gov": lemma(governor),
    }
    for c in anchor.children:  # a name stands for its kind, not itself
        if c.dep_ in ("dobj", "pobj", "prt", "compound", "amod"):
            out[f"child_{c.dep_}"] = c.ent_type_ or lemma(c)
    out.update(_actor_features(actors))
    out["cat_resolved"] = f"{category}|{out['resolved']}"
    out.update(_scope_features(anchor, governor, sent))
    out.update(_sentence_features(sent, anchor))
    return out


@dataclass(frozen=True)
class Judge:
    weights: dict[str, float]
    bias: float
    threshold: float

    def confidence(self, feats: dict[str, str]) -> float:
        """The model's probability; an event with no actor resolved to an entity or a
        country stays below the threshold (an analyst cannot place it)."""
        z = self.bias + sum(self.weights.get(f"{k}={v}", 0.0) for k, v in feats.items())
        p = round(1.0 / (1.0 + math.exp(-z)), 3)
        if feats.get("resolved") == "0":
            return min(p, round(max(0.0, self.threshold - 0.01), 3))
        return p


@cache
def judge() -> Judge:
    """The shipped judge (data/event_judge.json); without the file every event gets 0.5
    and none is hidden."""
    doc = lexicon.event_judge()
    return Judge(dict(doc["weights"]), float(doc["bias"]), float(doc["threshold"]))
