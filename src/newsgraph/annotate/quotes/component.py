"""The `newsgraph_quotes_v1` component: direct, mixed and indirect quotes with speakers."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate import docindex
from newsgraph.annotate.quotes.quotes import find_quotes

REQUIRES = ["doc.sents", "token.dep", "token.head", "token.pos", "token.tag", "token.is_sent_start",
            "token.ent_type", "token.ent_iob",
            "doc._.ng_entities",  # a speaker is one of the article's entities
            "doc._.ng_title"]  # "X: ..." in the headline names the speaker
ASSIGNS = ["doc._.ng_quotes"]


class QuoteComponent:
    """Sets `doc._.ng_quotes` (a list of `record.Quote`)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_quotes = find_quotes(doc)
        docindex.release(doc)
        return doc


@Language.factory("newsgraph_quotes_v1", default_config={}, requires=REQUIRES,
                  assigns=ASSIGNS)
def make_quotes(nlp: Language, name: str) -> QuoteComponent:
    """The quotes component. It takes no config: its tables are read from `newsgraph.lexicon`
    at import, into module constants that many helpers share, so a configured table could
    not reach all of them without threading it through each:
    - `cue_verbs.tsv`: `quotes/cues.py` (SPEECH, STATEMENT, NEEDS_CLAUSE, the cue forms and
      BEFORE_QUOTE), used by most of `attribution` and by `quotes`; the same table gives
      `annotate/modality` its reporting verbs, which the events component reads too;
    - `titles.tsv` (transcript labels, honorifics, gendered forms): `quotes/transcripts.py`
      and `quotes/speakers.py`;
    - `groups.tsv` (speaker groups): `quotes/subjects.py`.
    """
    return QuoteComponent()
