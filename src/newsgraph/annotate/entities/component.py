"""The `newsgraph_entities_v1` component: the article's people, places and organisations."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate import docindex
from newsgraph.annotate.entities.entities import find_entities
from newsgraph.annotate.entities.retype import people_from_places

REQUIRES = ["doc.ents", "doc.sents", "token.dep", "token.head", "token.is_sent_start",
            "token.pos", "token.tag", "token.ent_type", "token.ent_iob",
            "doc._.ng_title"]  # a name in the headline gives a person's country
ASSIGNS = ["doc._.ng_entities"]


class EntityComponent:
    """Sets `doc._.ng_entities` (a list of `record.Entity`, ids e1, e2, ... in text order)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_entities = people_from_places(doc, find_entities(doc))
        docindex.release(doc)
        return doc


@Language.factory("newsgraph_entities_v1", default_config={}, requires=REQUIRES,
                  assigns=ASSIGNS)
def make_entities(nlp: Language, name: str) -> EntityComponent:
    """The entities component. It takes no config: its tables are read from
    `newsgraph.lexicon` and the gazetteer at import, into module constants that many helpers
    share, so a configured table could not reach all of them without threading it through
    each:
    - `titles.tsv` (title heads, modifiers, honorifics): `entities/roles.py`, used by
      `names`, `labels`, `people` (its matcher patterns), `titles` and `affiliation`;
    - `nicknames.tsv` (column coref): `entities/coref.py`, through `_full`, which `Person`,
      `affiliation` and `entities` call;
    - the place and institution files (`capitals.tsv`, `country_aliases.tsv`, `demonyms.tsv`,
      `governments.tsv`, `intl_orgs.tsv`, `offices.tsv`, `regions.txt`): `annotate/gazetteer`
      and `entities/affiliation`, shared with the other components.
    """
    return EntityComponent()
