"""The `newsgraph_events_v1` component: PLOVER events with actors, place, date, modality."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate import docindex
from newsgraph.annotate.events.events import find_events

REQUIRES = ["doc.ents", "doc.sents", "token.dep", "token.head", "token.is_sent_start",
            "token.pos", "token.tag", "token.lemma", "token.ent_type", "token.ent_iob",
            "doc._.ng_entities",  # actors are the article's entities
            "doc._.ng_quotes",  # "we" in a quote is its speaker's country
            "doc._.ng_published"]  # relative dates ("on Tuesday") resolve against it
ASSIGNS = ["doc._.ng_events"]


class EventComponent:
    """Sets `doc._.ng_events` (a list of `record.Event`)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_events = find_events(doc)
        docindex.release(doc)
        return doc


@Language.factory("newsgraph_events_v1", default_config={}, requires=REQUIRES,
                  assigns=ASSIGNS)
def make_events(nlp: Language, name: str) -> EventComponent:
    return EventComponent()
