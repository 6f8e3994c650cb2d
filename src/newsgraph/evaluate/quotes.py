"""Quote extraction quality against hand-annotated gold (tests/gold/quotes/, format in
tests/gold/README.md).

Spans are compared as sets of word tokens. A predicted quote matches a gold quote when the
Dice overlap of their token sets is at least MATCH_MIN, one to one, best overlaps first.
Precision, recall and F1 count matched quotes; a token-level score (overlapping tokens over
all predicted / gold tokens) is reported beside it. Speaker accuracy is the share of matched
quotes whose speaker is the gold speaker (see `same_speaker`; a journalist's question has no
speaker and must be marked as a question).

The gold's guideline (tests/gold/README.md) leaves out attributed beliefs and reported speech
from unnamed or collective sources ("officials said that ..."); predicted quotes of those
kinds (kind `belief`, and indirect or mixed quotes whose `speaker_kind` is anonymous,
descriptor, document or unattributed) are outside what it annotates and are not scored here
(`in_scope`), nor are quotes in the headline (the gold's spans are into the text).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.record import Article, Quote

MATCH_MIN = 0.5
_TOKEN = re.compile(r"\w+", re.UNICODE)
# Words that are not part of a person's name when comparing speakers.
_NOT_NAME = frozenset("""
mr mrs ms dr sir president vice prime minister secretary general foreign external affairs
ambassador senator the of state us u s jr sr ii iii iv
""".split())


@dataclass
class GoldQuote:
    span: tuple[int, int]
    kind: str
    speaker: str | None
    is_question: bool = False
    text: str = ""


@dataclass
class GoldDoc:
    id: str
    text: str
    quotes: list[GoldQuote]
    title: str | None = None
    published: str | None = None
    split: str = "dev"  # "dev": looked at while writing rules; "test": only scored


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    gold_tokens: int = 0
    pred_tokens: int = 0
    overlap_tokens: int = 0
    speaker_checked: int = 0
    speaker_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def token_precision(self) -> float:
        return self.overlap_tokens / self.pred_tokens if self.pred_tokens else 1.0

    @property
    def token_recall(self) -> float:
        return self.overlap_tokens / self.gold_tokens if self.gold_tokens else 1.0

    @property
    def token_f1(self) -> float:
        return _f1(self.token_precision, self.token_recall)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_checked if self.speaker_checked else 1.0


@dataclass
class Error:
    doc: str
    what: str  # "missed" | "spurious" | "speaker"
    text: str
    gold_speaker: str | None = None
    pred_speaker: str | None = None


@dataclass
class Report:
    docs: int = 0
    direct: Counts = field(default_factory=Counts)
    all: Counts = field(default_factory=Counts)
    errors: list[Error] = field(default_factory=list)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# ---------------------------------------------------------------- gold


def load_gold(path: str | Path, split: str | None = None) -> list[GoldDoc]:
    """Every `*.json` gold file in the folder `path` (only those of `split` when given);
    raises ValueError naming a bad file."""
    folder = Path(path)
    if not folder.is_dir():
        raise ValueError(f"{path}: not a folder of gold JSON files")
    docs = []
    for f in sorted(folder.glob("*.json")):
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
            quotes = [GoldQuote(span=(int(q["span"][0]), int(q["span"][1])), kind=q["kind"],
                                speaker=q.get("speaker"),
                                is_question=bool(q.get("is_question", False)),
                                text=q.get("text", "")) for q in d["quotes"]]
            docs.append(GoldDoc(id=d["id"], text=d["text"], quotes=quotes,
                                title=d.get("title"), published=d.get("published"),
                                split=d.get("split", "dev")))
        except (OSError, ValueError, KeyError, TypeError, IndexError) as e:
            raise ValueError(f"{f}: not a quotes gold file ({type(e).__name__}: {e})") from e
    if split is not None:
        docs = [d for d in docs if d.split == split]
    if not docs:
        raise ValueError(f"{path}: no *.json gold files" + (f" in split {split!r}" if split
                                                              else ""))
    return docs


# ---------------------------------------------------------------- scoring


def _tokens(text: str, span: Iterable[int]) -> set[int]:
    s, e = span
    return {m.start() for m in _TOKEN.finditer(text, s, e)}


def _norm_name(name: str) -> list[str]:
    words = re.findall(r"[\w-]+", name.lower())
    return [w for w in words if w not in _NOT_NAME and len(w) > 1] or words


def same_speaker(pred: str | None, gold: str | None) -> bool:
    """Names match when equal after dropping titles, or when the surnames agree and the
    shorter name's words are all in the longer one ("Jaishankar" = "S. Jaishankar")."""
    if pred is None or gold is None:
        return pred is None and gold is None
    p, g = _norm_name(pred), _norm_name(gold)
    if p == g:
        return True
    if not p or not g or p[-1] != g[-1]:
        return False
    short, long_ = (p, g) if len(p) <= len(g) else (g, p)
    return all(w in long_ or any(x.startswith(w) for x in long_) for w in short)


def _match(text: str, gold: list[GoldQuote], pred: list[Quote]
           ) -> tuple[list[tuple[int, int]], list[set[int]], list[set[int]]]:
    gt = [_tokens(text, q.span) for q in gold]
    pt = [_tokens(text, q.span) for q in pred]
    pairs = []
    for i, g in enumerate(gt):
        for j, p in enumerate(pt):
            inter = len(g & p)
            if inter:
                dice = 2 * inter / (len(g) + len(p))
                if dice >= MATCH_MIN:
                    pairs.append((dice, i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out, gt, pt


_UNNAMED_KINDS = frozenset({"anonymous", "descriptor", "document", "unattributed"})


def in_scope(q: Quote) -> bool:
    """Whether the gold's guideline covers a quote of this kind and source."""
    if q.kind == "belief" or q.in_title:
        return False  # beliefs are not annotated, nor the headline (spans are into the text)
    return q.kind == "direct" or q.speaker_kind not in _UNNAMED_KINDS


def score_doc(doc: GoldDoc, pred: list[Quote], report: Report) -> None:
    report.docs += 1
    pred = [q for q in pred if in_scope(q)]
    for counts, kinds in ((report.direct, {"direct"}), (report.all, None)):
        gold = [q for q in doc.quotes if kinds is None or q.kind in kinds]
        preds = [q for q in pred if kinds is None or q.kind in kinds]
        pairs, gt, pt = _match(doc.text, gold, preds)
        counts.gold += len(gold)
        counts.pred += len(preds)
        counts.matched += len(pairs)
        g_all = set().union(*gt) if gt else set()
        p_all = set().union(*pt) if pt else set()
        counts.gold_tokens += len(g_all)
        counts.pred_tokens += len(p_all)
        counts.overlap_tokens += len(g_all & p_all)
        for i, j in pairs:
            g, p = gold[i], preds[j]
            counts.speaker_checked += 1
            ok = (same_speaker(p.speaker, g.speaker) and p.is_question == g.is_question)
            counts.speaker_right += ok
            if not ok and kinds is None:
                report.errors.append(Error(doc.id, "speaker", _clip(g.text or doc.text[
                    g.span[0]:g.span[1]]), g.speaker, p.speaker))
        if kinds is None:
            matched_g = {i for i, _ in pairs}
            matched_p = {j for _, j in pairs}
            for i, g in enumerate(gold):
                if i not in matched_g:
                    report.errors.append(Error(doc.id, "missed", _clip(
                        doc.text[g.span[0]:g.span[1]]), g.speaker))
            for j, p in enumerate(preds):
                if j not in matched_p:
                    report.errors.append(Error(doc.id, "spurious", _clip(p.text), None,
                                               p.speaker))


def _clip(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n - 3] + "..."


def evaluate(docs: list[GoldDoc]) -> Report:
    """Annotate every gold text with the pipeline and score its quotes."""
    from newsgraph.annotate import annotate

    arts = [Article.new(d.text, title=d.title, published=d.published) for d in docs]
    report = Report()
    for doc, art in zip(docs, annotate(arts), strict=True):
        score_doc(doc, art.quotes, report)
    return report
