"""Registration of newsgraph's spaCy components (versioned factory names).

Add them to any English pipeline that has a parser and NER:

    import newsgraph.annotate.components
    nlp.add_pipe("newsgraph_entities_v1")
"""

from __future__ import annotations

from spacy.language import Language

from newsgraph.annotate.agreements import agreements as _agreements
from newsgraph.annotate.entities import entities as _entities
from newsgraph.annotate.events import events as _events
from newsgraph.annotate.quotes import quotes as _quotes

FACTORIES = {
    "newsgraph_entities": "newsgraph_entities_v1",
    "newsgraph_quotes": "newsgraph_quotes_v1",
    "newsgraph_events": "newsgraph_events_v1",
    "newsgraph_agreements": "newsgraph_agreements_v1",
}

@Language.factory("newsgraph_entities_v1", assigns=["doc._.ng_entities"],
                  requires=["doc.ents", "token.dep"])
def make_entities(nlp: Language, name: str) -> _entities.EntityComponent:
    return _entities.EntityComponent()


@Language.factory("newsgraph_quotes_v1", assigns=["doc._.ng_quotes"],
                  requires=["doc._.ng_entities"])
def make_quotes(nlp: Language, name: str) -> _quotes.QuoteComponent:
    return _quotes.QuoteComponent()


@Language.factory("newsgraph_events_v1", assigns=["doc._.ng_events"],
                  requires=["doc._.ng_entities"])
def make_events(nlp: Language, name: str) -> _events.EventComponent:
    return _events.EventComponent()


@Language.factory("newsgraph_agreements_v1", assigns=["doc._.ng_agreements"],
                  requires=["doc._.ng_entities"])
def make_agreements(nlp: Language, name: str) -> _agreements.AgreementComponent:
    return _agreements.AgreementComponent()
