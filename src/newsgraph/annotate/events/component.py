"""The `newsgraph_events_v1` component: PLOVER events with actors, place, date, modality."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate import docindex
from newsgraph.annotate.events.events import find_events
from newsgraph.annotate.events.verb_rules import VerbRules
from newsgraph.annotate.events.verb_rules import rules as load_verb_rules

REQUIRES = ["doc.ents", "doc.sents", "token.dep", "token.head", "token.is_sent_start",
            "token.pos", "token.tag", "token.lemma", "token.ent_type", "token.ent_iob",
            "doc._.ng_entities",  # actors are the article's entities
            "doc._.ng_quotes",  # "we" in a quote is its speaker's country
            "doc._.ng_published"]  # relative dates ("on Tuesday") resolve against it
ASSIGNS = ["doc._.ng_events"]
DEFAULT_CONFIG = {"verb_rules": "verb_rules.tsv"}


class EventComponent:
    """Sets `doc._.ng_events` (a list of `record.Event`)."""

    def __init__(self, rules: VerbRules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_events = find_events(doc, self.rules)
        docindex.release(doc)
        return doc


@Language.factory("newsgraph_events_v1", default_config=DEFAULT_CONFIG, requires=REQUIRES,
                  assigns=ASSIGNS)
def make_events(nlp: Language, name: str, verb_rules: str) -> EventComponent:
    """The events component.

    Config: `verb_rules`, the table that gives a trigger verb its sense from its arguments:
    the name of a file in `newsgraph/data/` or an absolute path to a file in the same format
    (a copy of `data/verb_rules.tsv` with a row changed). A row that names something unknown
    stops the pipeline from being built, with the file and line.

    Read from `newsgraph.lexicon` at import, not configurable: the PLOVER lexicon and scheme
    (`plover_lexicon.json`, `plover_scheme.json`: the default senses of trigger words and
    the named word lists, held as constants by `annotate/plover.py`, `events/words.py` and
    `events/verb_senses.py` and used by most of the event helpers), the group words
    (`groups.tsv`, in `events/words.py` and `events/groups.py`), the actor title words
    (`titles.tsv`, in `events/actors.py`), the reporting verbs of `modality`
    (`cue_verbs.tsv`) and the gazetteer's places. A configured table could not reach those
    constants without threading it through each helper; the verb rules are applied in one
    place (`verb_senses.refine_verb`). A row of the verb rules names its @lists from the
    shipped lexicon.
    """
    return EventComponent(load_verb_rules(verb_rules))
