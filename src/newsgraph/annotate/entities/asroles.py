"""A post said with "as" after a verb of taking or losing it: "Khan was elected as mayor of
London", "Lewandowski was dismissed as Trump's campaign manager", "she was sworn in as
the agency's director" (the verbs: `data/role_words.tsv`, use "as_verb"). The subject of
the verb holds the post. A post comes bare, with "the" or with its holder's possessive; "as
a(n) ..." describes ("named as a suspect", "dismissed as an ineffective leader").
"""

from __future__ import annotations

from spacy.tokens import Span

from newsgraph import lexicon
from newsgraph.annotate.entities import appositions
from newsgraph.annotate.entities.names import Scan
from newsgraph.annotate.entities.roles import Title

AS_VERBS = lexicon.role_words().tagged("as_verb")
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def role_as(ctx: Scan, end: int, sent: Span) -> Title | None:
    """The post the name ending before token `end` takes or loses, as the subject of a
    verb with "as" (see the module docstring); None if none."""
    doc = ctx.doc
    subj = doc[end - 1]
    verb = subj.head
    if subj.dep_ not in SUBJECTS or verb.lower_ not in AS_VERBS \
            or not sent.start <= verb.i < sent.end:
        return None
    prep = next((c for c in verb.subtree if c.lower_ == "as" and c.dep_ == "prep"
                 and verb.i in (c.head.i, c.head.head.i) and c.i > verb.i), None)
    if prep is None or prep.i + 1 >= sent.end or doc[prep.i + 1].lower_ in ("a", "an"):
        return None  # "dismissed as an ineffective leader": a description, not a post
    found = appositions.phrase_at(ctx, prep.i + 1, sent)
    return found[0] if found is not None else None
