"""Registration of newsgraph's spaCy components (versioned factory names).

Importing this module registers the four factories and the `doc._.ng_*` attributes. Add the
components to any English pipeline that has a parser and NER, in this order:

    import newsgraph.annotate.components
    nlp.add_pipe("newsgraph_entities_v1")

Each factory lives in its package's `component.py`, with what it requires and assigns.
"""

from __future__ import annotations

from newsgraph.annotate.agreements import component as agreements
from newsgraph.annotate.entities import component as entities
from newsgraph.annotate.events import component as events
from newsgraph.annotate.quotes import component as quotes

# Pipe name -> factory name, in pipeline order.
FACTORIES = {
    "newsgraph_entities": "newsgraph_entities_v1",
    "newsgraph_quotes": "newsgraph_quotes_v1",
    "newsgraph_events": "newsgraph_events_v1",
    "newsgraph_agreements": "newsgraph_agreements_v1",
}

__all__ = ["FACTORIES", "agreements", "entities", "events", "quotes"]
