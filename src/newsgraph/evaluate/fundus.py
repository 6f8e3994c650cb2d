"""Extraction scores on the fundus format: body, title, date, authors and language, per
language, for newsgraph beside bare trafilatura in the same run.

A fundus folder holds `<country>/<Publisher>_<YYYY_MM_DD>.html.gz` pages and, per publisher,
`<country>/<Publisher>.json` with the expected values of each parser version; a publisher's
pages sorted by date pair with its versions sorted by version number. `<country>/meta.info`
gives each page's url. The expected body is fundus's own plain text: the summary, then each
section's headline and paragraphs, joined by blank lines.

Scores: body with the benchmark's 4-token shingle metric (`evaluate/extraction.py`); title
exact after Unicode (NFKC), case and whitespace normalisation; publication date the same day;
authors set F1 over names normalised the same way, averaged over pages. The expected language
is the page's `<html lang>` primary subtag, except for the pages listed in
`data/fundus_languages.tsv` (checked by hand: attribute missing or wrong).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.evaluate.extraction import PageScore, Report, score_page
from newsgraph.record import parse_day

SYSTEMS = ("newsgraph", "trafilatura")
_PAGE = re.compile(r"^(?P<publisher>.+)_(?P<day>\d{4}_\d{2}_\d{2})\.html\.gz$")
_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)
# Codes that name the same language as the detector's code.
_LANG_ALIASES = {"nb": "no", "iw": "he", "in": "id"}


@dataclass
class FundusPage:
    id: str  # <country>/<Publisher>_<YYYY_MM_DD>
    path: Path
    url: str | None
    body: str
    title: str | None
    published: dt.date | None
    authors: list[str] | None  # None: the parser gives no authors for this publisher
    language: str | None
    language_from: str  # "html lang", "checked" or "none"


@dataclass
class Extracted:
    """What one system returned for one page; `error` says why it refused the page."""

    text: str = ""
    title: str | None = None
    published: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    error: str | None = None


# ---------------------------------------------------------------- the reader


def gold_body(body: dict[str, Any]) -> str:
    """fundus's plain text of an article body: summary, then headline and paragraphs of each
    section, one blank line between any two."""
    parts = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        parts.extend(section.get("headline") or [])
        parts.extend(section.get("paragraphs") or [])
    return "\n\n".join(p for p in parts if p)


def version_key(name: str) -> tuple[int, ...]:
    """"V1" < "V1_1" < "V2" < "V10"."""
    return tuple(int(n) for n in re.findall(r"\d+", name))


def html_language(html: bytes) -> str | None:
    """The primary subtag of `<html lang=...>`, lower case, aliases folded."""
    m = _HTML_LANG.search(html[:100_000])
    if not m:
        return None
    code = m.group(1).decode("ascii").lower()
    return _LANG_ALIASES.get(code, code)


def checked_languages() -> dict[str, str]:
    text = resources.files("newsgraph").joinpath("data", "fundus_languages.tsv") \
        .read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            page, code = line.split("\t")[:2]
            out[page.strip()] = code.strip()
    return out


def load_fundus(folder: str | Path) -> list[FundusPage]:
    """Every page of a fundus folder with its expected values. ValueError (one line) for a
    folder that is not one."""
    root = Path(folder)
    if not root.is_dir():
        raise ValueError(f"{folder}: not a folder")
    checked = checked_languages()
    pages = [p for country in sorted(d for d in root.iterdir() if d.is_dir())
             for p in _country_pages(country, checked)]
    if not pages:
        raise ValueError(f"{folder}: no fundus pages (<country>/<Publisher>_<YYYY_MM_DD>"
                         ".html.gz with <country>/<Publisher>.json)")
    return pages


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValueError(f"{path}: cannot read as JSON ({e})") from None


def _country_pages(country: Path, checked: dict[str, str]) -> Iterator[FundusPage]:
    meta_path = country / "meta.info"
    meta = _read_json(meta_path) if meta_path.is_file() else {}
    by_publisher: dict[str, list[Path]] = {}
    for f in sorted(country.iterdir()):
        m = _PAGE.match(f.name)
        if m and f.is_file():
            by_publisher.setdefault(m["publisher"], []).append(f)
    for publisher, files in sorted(by_publisher.items()):
        expected_path = country / f"{publisher}.json"
        if not expected_path.is_file():
            continue
        versions = _read_json(expected_path)
        names = sorted(versions, key=version_key)
        # one publisher's names differ only in the day: name order is date order
        for f, version in zip(files, names, strict=False):
            url = (meta.get(f.name) or {}).get("url")
            yield _page(country.name, f, url, versions[version], checked)


def _page(country: str, path: Path, url: str | None, exp: dict[str, Any],
          checked: dict[str, str]) -> FundusPage:
    pid = f"{country}/{path.name[: -len('.html.gz')]}"
    lang, source = checked.get(pid), "checked"
    if lang is None:
        lang = html_language(gzip.decompress(path.read_bytes()))
        source = "html lang" if lang else "none"
    authors = exp.get("authors")
    return FundusPage(id=pid, path=path, url=url, body=gold_body(exp.get("body") or {}),
                      title=exp.get("title") or None,
                      published=parse_day(exp.get("publishing_date")),
                      authors=list(authors) if isinstance(authors, list) else None,
                      language=lang, language_from=source)


# ---------------------------------------------------------------- the scorers


def normalise(text: str) -> str:
    """NFKC, case-folded, one space between words, no punctuation around the ends, no
    invisible format characters (soft hyphens, zero-width spaces: a reader does not see
    them)."""
    text = "".join(c for c in unicodedata.normalize("NFKC", text)
                   if unicodedata.category(c) != "Cf")
    text = " ".join(text.casefold().split())
    return text.strip(" .,;:|-–—\"'«»“”‘’()[]")


def title_match(expected: str | None, got: str | None) -> bool:
    return expected is not None and got is not None and normalise(expected) == normalise(got)


def same_day(expected: dt.date | None, got: dt.date | None) -> bool:
    return expected is not None and expected == got


def authors_f1(expected: list[str], got: list[str]) -> float:
    """Set F1 over normalised names; two empty lists agree."""
    e = {normalise(a) for a in expected} - {""}
    g = {normalise(a) for a in got} - {""}
    if not e and not g:
        return 1.0
    tp = len(e & g)
    return 2 * tp / (len(e) + len(g)) if tp else 0.0


# ---------------------------------------------------------------- the two systems


def run_newsgraph(html: bytes, url: str | None) -> Extracted:
    from newsgraph.errors import BadInput
    from newsgraph.extract import extract

    try:
        art = extract(html, url=url, hint="html")
    except BadInput as e:
        return Extracted(error=str(e))
    except Exception as e:  # noqa: BLE001 - a crash on one page scores 0 for that page only
        return Extracted(error=f"internal error ({e.__class__.__name__}: {e})")
    return Extracted(text=art.text, title=art.title, published=art.published,
                     authors=list(art.authors), language=art.language)


def run_trafilatura(html: bytes, url: str | None) -> Extracted:
    """`trafilatura.extract` with its defaults for the body, its metadata extractor for
    title, date and authors."""
    import trafilatura
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    try:
        text = trafilatura.extract(html, url=url)
        tree = load_html(html)
        meta = extract_metadata(tree, default_url=url) if tree is not None else None
    except Exception as e:  # noqa: BLE001
        return Extracted(error=f"internal error ({e.__class__.__name__}: {e})")
    if not text:
        return Extracted(error="no text")
    if meta is None:
        return Extracted(text=text)
    authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()]
    return Extracted(text=text, title=meta.title, published=parse_day(meta.date),
                     authors=authors)


def _run_page(args: tuple[str, str, str | None]) -> tuple[str, Extracted, Extracted]:
    pid, path, url = args
    html = gzip.decompress(Path(path).read_bytes())
    return pid, run_newsgraph(html, url), run_trafilatura(html, url)


def extract_all(pages: list[FundusPage], workers: int = 1, progress: bool = False
                ) -> dict[str, dict[str, Extracted]]:
    """{page id: {system: what it returned}}."""
    jobs = [(p.id, str(p.path), p.url) for p in pages]
    results: Iterable[tuple[str, Extracted, Extracted]]
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
    results = pool.map(_run_page, jobs, chunksize=2) if pool else map(_run_page, jobs)
    out: dict[str, dict[str, Extracted]] = {}
    try:
        for i, (pid, ng, tf) in enumerate(results, start=1):
            out[pid] = {"newsgraph": ng, "trafilatura": tf}
            if progress:
                print(f"\r{i}/{len(jobs)} pages", end="", file=sys.stderr, flush=True)
    finally:
        if pool:
            pool.shutdown()
        if progress:
            print(file=sys.stderr)
    return out


# ---------------------------------------------------------------- the report


@dataclass
class Scores:
    """One system on one slice of the pages."""

    body: Report = field(default_factory=Report)
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    authors: list[float] = field(default_factory=list)
    languages: list[bool] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def add(self, page: FundusPage, got: Extracted) -> None:
        self.body.pages.append(score_page(page.id, page.body, got.text, got.error))
        if got.error:
            self.refused.append(page.id)
        if page.title is not None:
            self.titles.append(title_match(page.title, got.title))
        if page.published is not None:
            self.dates.append(same_day(page.published, got.published))
        if page.authors is not None:
            self.authors.append(authors_f1(page.authors, got.authors))
        if page.language is not None:
            self.languages.append(got.language == page.language)


def mean(values: list[bool] | list[float]) -> float | None:
    return sum(values) / len(values) if values else None


@dataclass
class FundusReport:
    pages: int
    # slice ("all" or a language code) -> system -> scores
    slices: dict[str, dict[str, Scores]]
    # where the expected languages came from: {"html lang": n, "checked": n, "none": n}
    language_from: dict[str, int]

    def body_pages(self, system: str) -> list[PageScore]:
        return self.slices["all"][system].body.pages


def score(pages: list[FundusPage], got: dict[str, dict[str, Extracted]]) -> FundusReport:
    slices: dict[str, dict[str, Scores]] = {}
    sources: dict[str, int] = {}
    for page in pages:
        sources[page.language_from] = sources.get(page.language_from, 0) + 1
        for key in ("all", page.language or "?"):
            by_system = slices.setdefault(key, {s: Scores() for s in SYSTEMS})
            for system in SYSTEMS:
                by_system[system].add(page, got.get(page.id, {}).get(system)
                                      or Extracted(error="not run"))
    return FundusReport(pages=len(pages), slices=slices, language_from=sources)


def evaluate_fundus(folder: str | Path, *, workers: int = 1,
                    progress: bool = False) -> FundusReport:
    pages = load_fundus(folder)
    return score(pages, extract_all(pages, workers, progress))


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _row(name: str, n: int, s: Scores) -> str:
    lang = _cell(mean(s.languages)) if s.languages and name == "newsgraph" else "-"
    return (f"| {name} | {n} | {s.body.f1:.3f} | {_cell(mean(s.titles))} | "
            f"{_cell(mean(s.dates))} | {_cell(mean(s.authors))} | {lang} | "
            f"{len(s.refused)} |")


def format_report(report: FundusReport) -> list[str]:
    """A Markdown table: each slice (all pages, then each language by page count) with a row
    per system."""
    lines = ["| slice / system | pages | body F1 | title | date | authors F1 | language "
             "| refused |", "|---|---|---|---|---|---|---|---|"]
    order = sorted((k for k in report.slices if k != "all"),
                   key=lambda k: (-len(report.slices[k]["newsgraph"].body.pages), k))
    for key in ["all", *order]:
        by_system = report.slices[key]
        n = len(by_system["newsgraph"].body.pages)
        lines.append(f"| **{key}** | | | | | | | |")
        lines.extend(_row(system, n, by_system[system]) for system in SYSTEMS)
    sources = ", ".join(f"{k} {v}" for k, v in sorted(report.language_from.items()))
    lines.append("")
    lines.append(f"expected language from: {sources}")
    return lines
