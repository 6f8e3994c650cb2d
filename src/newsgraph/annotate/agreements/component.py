"""The `newsgraph_agreements_v1` component: named agreements and arms deals, with status."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate import docindex
from newsgraph.annotate.agreements.agreements import find_agreements

REQUIRES = ["doc.ents", "doc.sents", "token.dep", "token.head", "token.pos", "token.tag",
            "token.lemma", "token.ent_type", "token.ent_iob"]
ASSIGNS = ["doc._.ng_agreements"]


class AgreementComponent:
    """Sets `doc._.ng_agreements` (a list of `record.Agreement`)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_agreements = find_agreements(doc)
        docindex.release(doc)
        return doc


@Language.factory("newsgraph_agreements_v1", default_config={}, requires=REQUIRES,
                  assigns=ASSIGNS)
def make_agreements(nlp: Language, name: str) -> AgreementComponent:
    """The agreements component. It takes no config: it reads no table of its own (its
    words are constants of `agreements/agreements.py` and `agreements/arms.py`); it shares
    the gazetteer, the PLOVER lexicon (`annotate/plover`) and `annotate/modality` with the
    other components, read at import.
    """
    return AgreementComponent()
