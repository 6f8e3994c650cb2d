"""Hand-built Article records for store and resolution tests (no spaCy needed).

`build(text, published, people=..., ...)` finds each name in the text to set its mention
spans, so a test reads like the article it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.record import Agreement, Article, Entity, Event, EventActor, Quote


@dataclass
class Ent:
    name: str
    type: str = "PERSON"
    affiliation: str | None = None
    roles: list[str] = field(default_factory=list)


@dataclass
class Ev:
    category: str
    actors: list[tuple[str, str]]          # (entity name, role)
    date: str | None = None
    modality: str = "occurred"
    location: str | None = None
    sentence: str = ""
    mode: str | None = None
    confidence: float | None = None


@dataclass
class Ag:
    name: str
    kind: str = "framework"
    parties: list[str] = field(default_factory=list)
    status: str = "proposed"


@dataclass
class Qt:
    text: str
    speaker: str
    kind: str = "direct"


def build(text: str, published: str | None, *, ents: list[Ent] | None = None,
          events: list[Ev] | None = None, agreements: list[Ag] | None = None,
          quotes: list[Qt] | None = None, title: str | None = None,
          source: str | None = None) -> Article:
    art = Article.new(text, title=title, published=published, source=source)
    by_name: dict[str, Entity] = {}
    for i, e in enumerate(ents or [], start=1):
        spans = []
        start = text.find(e.name)
        while start >= 0:
            spans.append([start, start + len(e.name)])
            start = text.find(e.name, start + 1)
        ent = Entity(id=f"e{i}", name=e.name, type=e.type, roles=list(e.roles),
                     affiliation=e.affiliation, mentions=spans)
        art.entities.append(ent)
        by_name[e.name] = ent
    for i, q in enumerate(quotes or [], start=1):
        s = text.find(q.text)
        spk = by_name.get(q.speaker)
        art.quotes.append(Quote(id=f"q{i}", text=q.text, kind=q.kind,  # type: ignore[arg-type]
                                span=[s, s + len(q.text)], speaker=q.speaker,
                                speaker_id=spk.id if spk else None, cue="said"))
    for i, ev in enumerate(events or [], start=1):
        actors = [EventActor(id=by_name[n].id if n in by_name else None, name=n,
                             role=role)  # type: ignore[arg-type]
                  for n, role in ev.actors]
        art.events.append(Event(id=f"v{i}", category=ev.category, mode=ev.mode, actors=actors,
                                location=ev.location, date=ev.date,
                                modality=ev.modality,  # type: ignore[arg-type]
                                sentence=ev.sentence or text[:120],
                                confidence=ev.confidence))
    for ag in agreements or []:
        s = text.find(ag.name)
        span = [s, s + len(ag.name)] if s >= 0 else [0, 0]
        art.agreements.append(Agreement(name=ag.name, kind=ag.kind, parties=list(ag.parties),
                                        status=ag.status, span=span))
    return art
