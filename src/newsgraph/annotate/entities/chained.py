"""Roles said in a relative clause that follows the role phrase after a name, not the name
itself: "Steve Hale, senior director of policy at the Hale Center, and a Republican who
headed the Senate Budget Committee staff," -> Head; "Rita Toll, a longtime donor in Ohio,
who headed her family's company," -> Head; "Senator Tom Lowe, the Iowa Republican who is
chairman of the Senate Judiciary Committee," -> Chairman.

The phrase describes the person, so a clause on its head noun does too. The clause must
follow the phrase at once ("who" after its head, or ", who" after the phrase), and after a
comma the phrase must name no one else: in "Ann Lowe, an aide to Senator Kerr, who chairs
the panel," the clause is Kerr's. The clause is read by the relative-clause readers of
`appositions` ("who heads", "who is the director of") and `clauses` ("who was chief of
staff", "who served as").

`after_name` is the one reader of what follows a name that `people` calls: the role phrase
readers of `titles`, `inverted` and `appositions`, also after a party label in the US form
("Rep. Tom Lowe (D-Md.), chair of the Platform Committee," -> Chair), then the clause.
"""

from __future__ import annotations

from spacy.tokens import Span

from newsgraph.annotate.entities import appositions, clauses, inverted, parties
from newsgraph.annotate.entities.names import Scan
from newsgraph.annotate.entities.roles import Title
from newsgraph.annotate.entities.titles import merge_title, title_after


def after_name(ctx: Scan, end: int, sent: Span) -> tuple[Title, int] | None:
    """The role phrase after a name or after its party label ("Rep. Tom Lowe (D-Md.), chair
    of the committee,"), with a relative clause on its head ("a Republican who chairs")."""
    after = _phrase_after(ctx, end, sent)
    past = past_party(ctx, end, sent) if after is None else None
    if past is not None:
        after = _phrase_after(ctx, past, sent)
    if after is not None:
        clause = clause_after(ctx, past or end, after[1], sent)
        merge_title(after[0], clause[0] if clause is not None else Title())
    return after


def _phrase_after(ctx: Scan, end: int, sent: Span) -> tuple[Title, int] | None:
    return title_after(ctx, end, sent) or inverted.role_after_owner(ctx, end, sent) \
        or appositions.role_after(ctx, end, sent) or inverted.shared_after(ctx, end, sent) \
        or inverted.role_after_age(ctx, end, sent) or inverted.role_after_dash(ctx, end, sent)


def clause_after(ctx: Scan, end: int, stop: int, sent: Span) -> tuple[Title, int] | None:
    """The roles of a relative clause after the role phrase that runs from the name's end
    (token `end`) to token `stop`, and where the clause ends; None where there is none."""
    doc = ctx.doc
    if doc[end + 1].lower_ == "who":
        return _more(ctx, stop, sent, Title())  # "who founded X and is a Y"
    j = _place_after(ctx, stop, sent)
    if j < sent.end and doc[j].text == ",":
        if any(t.ent_type_ == "PERSON" or t.i in ctx.name_tokens for t in doc[end:stop]):
            return None  # "an aide to Senator Kerr, who chairs ...": Kerr's clause
        j += 1
    if j + 2 >= sent.end or doc[j].lower_ != "who":
        return None
    found = appositions.relative_at(ctx, j + 1, sent)
    if found is not None and found[0].roles:
        return _more(ctx, found[1], sent, found[0]) or found
    return _more(ctx, j, sent, Title())


def _place_after(ctx: Scan, stop: int, sent: Span) -> int:
    """Past "from Texas" after the phrase ("a Republican representative from Texas who
    chairs ..."): where the clause may start."""
    doc = ctx.doc
    if stop + 2 >= sent.end or doc[stop].lower_ != "from":
        return stop
    k = stop + 1
    while k < min(sent.end, stop + 5) and doc[k].text[:1].isupper() and (
            doc[k].ent_type_ == "GPE" or k in ctx.hit_at):
        k += 1
    return k if k > stop + 1 else stop


def _more(ctx: Scan, stop: int, sent: Span, title: Title) -> tuple[Title, int] | None:
    """Posts of the clause from token `stop`, "who" or the "and" of a second verb ("who
    founded the institute and is a national committeeman"), merged into `title`."""
    doc = ctx.doc
    if stop + 2 >= sent.end or doc[stop].lower_ not in ("who", "and"):
        return (title, stop) if title.roles else None
    for post in clauses.relative_from(ctx, stop + 1, sent, [t.lower_ for t in doc],
                                      articles=True):
        merge_title(title, post)
    return (title, stop) if title.roles else None


def past_party(ctx: Scan, end: int, sent: Span) -> int | None:
    """The comma after a party label that follows the name ("Rep. Tom Lowe (D-Md.), chair
    of ...", "Sen. Ann Kerr, D-Va., chairman of ..."): where a role phrase after the label
    starts, as if right after the name; None where no label and comma follow."""
    doc = ctx.doc
    m = parties.ABBREVIATION_RE.match(ctx.text, doc[end - 1].idx + len(doc[end - 1]))
    if m is None:
        return None
    stop = m.end() - 1 if ctx.text[m.end() - 1] == "," else m.end()
    while stop < len(ctx.text) and ctx.text[stop] in " \t":
        stop += 1
    k = next((t.i for t in doc[end:sent.end] if t.idx == stop), None)
    return k if k is not None and doc[k].text == "," and k + 2 < sent.end else None
