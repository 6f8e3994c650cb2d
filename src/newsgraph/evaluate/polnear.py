"""Quote attribution scored against PolNeAR-style BRAT gold (newspaper articles).

A folder holds `text/<stem>.txt` (the article, headline on the first line) and
`attributions/<stem>_<annotator>.ann` (BRAT standoff: `T` spans labelled Source, Cue, Content,
Attribution; `E` lines tie one attribution's parts together). Where an article has several
annotators' files, the first in name order is the gold.

Each text goes through the normal route (`newsgraph.analyze_many`: extract, then annotate),
and the predicted quotes are mapped back onto the file's offsets line by line (extraction
keeps a paragraph's characters; it may drop the headline or debris lines around them).

- headline: a quote in the title (`Quote.in_title`) is mapped onto the file's line that holds
  the title.
- found: a gold attribution is found when a predicted quote's words overlap its content's
  words with an F1 (Dice) of at least MATCH_MIN, one to one, best overlaps first (the pieces
  of a quote broken by its cue, each lying inside the content, count together); reported
  for direct attributions (content inside quotation marks) and for all kinds.
- speaker right: of the found attributions with a gold source, those where the source's words
  meet the predicted speaker's name or the words of the mention it was attributed through.
- precision: the share of predicted quotes whose words overlap some gold content with F1 of
  at least MATCH_MIN.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.annotate.quotes.quotemarks import find_segments, quoted_mask
from newsgraph.record import Article, Quote

MATCH_MIN = 0.5
# A gold content is direct when this share of its words lies inside quotation marks.
DIRECT_SHARE = 0.8
# A predicted piece counts toward a broken gold content when this share of its words is in it.
PIECE_INSIDE = 0.8
_TOKEN = re.compile(r"\w+", re.UNICODE)
# Words that do not identify a source when comparing it with a speaker.
_NOT_SOURCE = frozenset("""
the a an of and his her their its to in on for at by with from said says mr mrs ms dr
""".split())

Spans = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    content: Spans
    source: Spans
    cue: Spans
    direct: bool = False


@dataclass
class PolDoc:
    id: str
    text: str
    attributions: list[GoldAttribution]


@dataclass
class Rate:
    hit: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else 1.0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.hit += ok


@dataclass
class Case:
    doc: str
    what: str  # "missed" | "speaker" | "spurious"
    text: str
    gold_source: str | None = None
    pred_speaker: str | None = None
    kind: str = ""
    cue: str | None = None


@dataclass
class PolReport:
    docs: int = 0
    direct_found: Rate = field(default_factory=Rate)
    all_found: Rate = field(default_factory=Rate)
    direct_speaker: Rate = field(default_factory=Rate)
    all_speaker: Rate = field(default_factory=Rate)
    precision: Rate = field(default_factory=Rate)
    cases: list[Case] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- gold


def _spans(field_: str) -> Spans:
    out = []
    for part in field_.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def parse_ann(ann: str, text: str) -> list[GoldAttribution]:
    """The attributions of one BRAT file; raises ValueError on a malformed line."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, offsets = cols[1].partition(" ")
            if label in ("Source", "Cue", "Content"):
                spans[cols[0]] = _spans(offsets)
        elif line.startswith("E") and len(cols) >= 2:
            roles: dict[str, list[str]] = {}
            for arg in cols[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            events.append(roles)
    mask = quoted_mask(text, find_segments(text))
    out = []
    for roles in events:
        content = [s for ref in roles.get("Content", []) for s in spans.get(ref, [])]
        if not content:
            continue
        att = GoldAttribution(
            content=content,
            source=[s for ref in roles.get("Source", []) for s in spans.get(ref, [])],
            cue=[s for ref in roles.get("Cue", []) for s in spans.get(ref, [])])
        att.direct = _is_direct(text, mask, content)
        out.append(att)
    return out


def _is_direct(text: str, mask: bytearray, content: Spans) -> bool:
    words = [m.start() for a, b in content for m in _TOKEN.finditer(text, a, b)]
    if not words:
        return False
    inside = sum(1 for w in words if w < len(mask) and mask[w])
    return inside >= DIRECT_SHARE * len(words)


def load_polnear(path: str | Path, limit: int | None = None) -> list[PolDoc]:
    """The articles of a PolNeAR-style folder (the first `limit` in name order); raises
    ValueError naming what is wrong."""
    root = Path(path)
    texts, anns = root / "text", root / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise ValueError(f"{path}: not a PolNeAR folder (needs text/ and attributions/)")
    by_stem: dict[str, Path] = {}
    for f in sorted(anns.glob("*.ann")):
        by_stem.setdefault(f.stem.rsplit("_", 1)[0], f)
    docs = []
    for t in sorted(texts.glob("*.txt")):
        if t.stem not in by_stem:
            continue
        text = t.read_text(encoding="utf-8")
        try:
            atts = parse_ann(by_stem[t.stem].read_text(encoding="utf-8"), text)
        except (ValueError, IndexError) as e:
            raise ValueError(f"{by_stem[t.stem]}: not a BRAT attribution file ({e})") from e
        docs.append(PolDoc(t.stem, text, atts))
        if limit is not None and len(docs) >= limit:
            break
    if not docs:
        raise ValueError(f"{path}: no article with an attribution file")
    return docs


# ---------------------------------------------------------------- offsets


def line_map(original: str, extracted: str) -> list[tuple[int, list[int]]]:
    """(start in extracted, original offset of each of its characters) for each line of the
    extracted text found, in order, in the original; runs of spaces (no-break spaces
    included) may differ."""
    out = []
    cursor = 0
    pos = 0
    for line in extracted.split("\n"):
        if line.strip():
            words = line.split()
            m = re.compile(r"\s+".join(map(re.escape, words))).search(original, cursor)
            if m is not None:
                out.append((pos, _walk(line, original, m.start())))
                cursor = m.end()
        pos += len(line) + 1
    return out


def _walk(line: str, original: str, at: int) -> list[int]:
    offsets = []
    k = at
    for ch in line:
        if ch.isspace():
            offsets.append(k)
            while k < len(original) and original[k].isspace():
                k += 1
            continue
        while k < len(original) and original[k] != ch and original[k].isspace():
            k += 1
        offsets.append(k)
        k += 1
    offsets.append(k)
    return offsets


def to_original(lines: list[tuple[int, list[int]]], a: int, b: int) -> tuple[int, int] | None:
    for start, offsets in lines:
        n = len(offsets) - 1
        if start <= a <= start + n:
            return offsets[a - start], offsets[min(b - start, n)]
    return None


# ---------------------------------------------------------------- scoring


def _tokens(text: str, spans: Spans) -> set[int]:
    return {m.start() for a, b in spans for m in _TOKEN.finditer(text, a, b)}


def _words(text: str, spans: Spans) -> set[str]:
    return {m.group().lower() for a, b in spans for m in _TOKEN.finditer(text, a, b)}


def _dice(g: set[int], p: set[int]) -> float:
    inter = len(g & p)
    return 2 * inter / (len(g) + len(p)) if inter else 0.0


@dataclass
class _Pred:
    quote: Quote
    tokens: set[int]
    speaker_words: set[str]


def _predictions(doc: PolDoc, art: Article) -> list[_Pred]:
    body = line_map(doc.text, art.text)
    # A quote in the headline has offsets into the title, which extraction took from the
    # file's first line.
    head = line_map(doc.text, art.title) if art.title else []
    out = []
    for q in art.quotes:
        lines = head if q.in_title else body
        span = to_original(lines, q.span[0], q.span[1])
        if span is None:
            continue
        words = {w.lower() for w in _TOKEN.findall(q.speaker or "")}
        if q.speaker_span is not None:
            sp = to_original(lines, q.speaker_span[0], q.speaker_span[1])
            if sp is not None:
                words |= _words(doc.text, [sp])
        out.append(_Pred(q, _tokens(doc.text, [span]), words))
    return out


def _match(gold: list[set[int]], preds: list[_Pred]) -> dict[int, list[int]]:
    """gold index -> the predicted quotes matched to it, one to one, best overlaps first. A
    gold content broken by its cue ('"A," he said, "B."') may be matched by the pieces that
    lie inside it, taken together."""
    cands: list[tuple[float, int, tuple[int, ...]]] = []
    for i, g in enumerate(gold):
        inside = []
        for j, p in enumerate(preds):
            d = _dice(g, p.tokens)
            if d >= MATCH_MIN:
                cands.append((d, i, (j,)))
            if p.tokens and len(p.tokens & g) >= PIECE_INSIDE * len(p.tokens):
                inside.append(j)
        if len(inside) >= 2:
            union = set().union(*(preds[j].tokens for j in inside))
            d = _dice(g, union)
            if d >= MATCH_MIN:
                cands.append((d, i, tuple(inside)))
    cands.sort(key=lambda c: (-c[0], len(c[2])))
    match: dict[int, list[int]] = {}
    used: set[int] = set()
    for _, i, group in cands:
        if i not in match and not used.intersection(group):
            match[i] = list(group)
            used.update(group)
    return match


def score_doc(doc: PolDoc, art: Article, report: PolReport) -> None:
    report.docs += 1
    preds = _predictions(doc, art)
    gold = [_tokens(doc.text, g.content) for g in doc.attributions]
    match = _match(gold, preds)
    used = {j for group in match.values() for j in group}
    for i, g in enumerate(doc.attributions):
        found = i in match
        report.all_found.add(found)
        if g.direct:
            report.direct_found.add(found)
        if not found:
            report.cases.append(Case(doc.id, "missed", _clip(doc.text, g.content),
                                     _clip(doc.text, g.source) or None,
                                     kind="direct" if g.direct else "other",
                                     cue=_clip(doc.text, g.cue) or None))
            continue
        src = _words(doc.text, g.source) - _NOT_SOURCE
        if not src:
            continue
        p = preds[match[i][0]]
        ok = any(src & preds[j].speaker_words for j in match[i])
        report.all_speaker.add(ok)
        if g.direct:
            report.direct_speaker.add(ok)
        if not ok:
            report.cases.append(Case(doc.id, "speaker", _clip(doc.text, g.content),
                                     _clip(doc.text, g.source), p.quote.speaker,
                                     kind="direct" if g.direct else "other"))
    for j, p in enumerate(preds):
        hit = j in used or any(_dice(g, p.tokens) >= MATCH_MIN for g in gold)
        report.precision.add(hit)
        if not hit:
            report.cases.append(Case(doc.id, "spurious", _clip(p.quote.text, None), None,
                                     p.quote.speaker, kind=p.quote.kind))


def _clip(text: str, spans: Spans | None, n: int = 100) -> str:
    s = text if spans is None else " ... ".join(text[a:b] for a, b in spans)
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n - 3] + "..."


def evaluate(docs: list[PolDoc], n_process: int = 1) -> PolReport:
    """Analyse every text through the normal route and score its quotes."""
    import newsgraph

    report = PolReport()
    arts = newsgraph.analyze_many([d.text for d in docs], n_process=n_process,
                                  skip_bad=False)
    for doc, art in zip(docs, arts, strict=True):
        score_doc(doc, art, report)
    return report
