"""The `newsgraph_entities_v1` component: the article's people, places and organisations."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate import docindex
from newsgraph.annotate.entities.entities import find_entities

REQUIRES = ["doc.ents", "doc.sents", "token.dep", "token.head", "token.is_sent_start",
            "token.pos", "token.tag", "token.ent_type", "token.ent_iob",
            "doc._.ng_title"]  # a name in the headline gives a person's country
ASSIGNS = ["doc._.ng_entities"]


class EntityComponent:
    """Sets `doc._.ng_entities` (a list of `record.Entity`, ids e1, e2, ... in text order)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_entities = find_entities(doc)
        docindex.release(doc)
        return doc


@Language.factory("newsgraph_entities_v1", default_config={}, requires=REQUIRES,
                  assigns=ASSIGNS)
def make_entities(nlp: Language, name: str) -> EntityComponent:
    return EntityComponent()
