"""The verb rules table (data/verb_rules.tsv): what each row names exists, and a sample of
rows applied to composed sentences gives the sense they say, through the row expected."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph import lexicon
from newsgraph.annotate.events import verb_rules
from newsgraph.annotate.events.verb_conditions import CONDITIONS, RESULTS
from newsgraph.annotate.plover import VERBS, Sense, verb_sense


def test_every_row_names_known_conditions_functions_categories_and_modes() -> None:
    scheme = lexicon.plover_scheme()
    table = verb_rules.rules()
    assert len(table.rules) > 150
    for rule in table.rules:
        for test in rule.tests:
            assert test.name in CONDITIONS, rule.line
        assert rule.categories <= set(scheme.categories), rule.line
        if rule.then in ("keep", "none"):
            continue
        if rule.sense is not None:
            assert rule.sense.category in scheme.categories, rule.line
            assert rule.sense.mode is None or rule.sense.mode in scheme.modes[
                rule.sense.category], rule.line
        else:
            assert rule.then.split("(")[0] in RESULTS, rule.line


def test_every_verb_a_row_names_is_in_the_lexicon() -> None:
    # Only lexicon verbs are refined: a row for any other word would never apply. (A word
    # list may hold other words: @grow_verbs has "scale" and "step", no lexicon verbs.)
    for rule in verb_rules.rules().rules:
        named = {w.lstrip("-") for w in rule.verbs.split() if w.islower() and "@" not in w}
        assert named <= set(VERBS), (rule.line, named - set(VERBS))
        assert rule.excluded <= rule.lemmas, rule.line


def _table(tmp_path: Path, text: str) -> verb_rules.VerbRules:
    path = tmp_path / "rules.tsv"
    path.write_text(text, encoding="utf-8")
    return verb_rules.rules(str(path))


@pytest.mark.parametrize(("row", "message"), [
    ("meet\tno_such(x)\tkeep", "no condition 'no_such'"),
    ("meet\tobject_in(@no_list)\tkeep", "no word list @no_list"),
    ("meet\tprep_head_in(by)\tkeep", "takes 2 argument group(s), not 1"),
    ("meet\t-\tGREET", "GREET is no PLOVER category"),
    ("meet\t-\tCONSULT/lunch", "lunch is no mode of CONSULT"),
    ("meet\t-\tno_function", "cannot read result"),
    ("meet\t-", "2 columns"),
])
def test_a_row_naming_something_unknown_stops_the_table_with_its_line(
        tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(verb_rules.RuleError, match=re.escape(message)) as err:
        _table(tmp_path, "# a comment\n\n" + row + "\n")
    assert ":3:" in str(err.value)


# sentence, trigger verb, the sense expected (None: no event), the row that gives it
# (verbs and condition as written in the table).
CASES = [
    ("The wrongfully detained Americans returned home.", "detained", None,
     ("*", "dep(amod compound)")),
    ("The minister met the target set by parliament.", "met", None, ("meet", "object_in")),
    ("President Biden met Prime Minister Modi in Washington.", "met", ("CONSULT", None),
     ("meet", "-")),
    ("The two leaders spoke about the war.", "spoke", ("CONSULT", None),
     ("speak talk", "several_subjects and not prep(at to before on)")),
    ("Biden spoke by phone with Modi.", "spoke", ("CONSULT", "phone"),
     ("speak talk", "prep(with to) and prep(by)")),
    ("Russia called on Ukraine to surrender.", "called", ("REQUEST", None),
     ("call", "particle(on upon for)")),
    ("The leaders called it a success.", "called", None, ("call", "child(oprd)")),
    ("Thank you very much.", "Thank", None, ("thank", "not prep(for)")),
    ("The President welcomed Prime Minister Kishida to the White House.", "welcomed",
     ("CONSULT", "visit"), ("welcome", "prep(to) and object_entity(PERSON)")),
    ("India welcomed the decision.", "welcomed", ("SUPPORT", None), ("welcome", "-")),
    ("The United States is committed to the WTO.", "committed", ("SUPPORT", None),
     ("commit", "prep(to) and not prep_verb(to)")),
    ("The two countries shared intelligence on terrorist threats.", "shared",
     ("COOPERATE", "intelligence"), ("share", "object_in(intelligence data)")),
    ("North Korea launched missiles at Seoul.", "launched", ("ASSAULT", "heavy-weapons"),
     ("launch", "object_in(@weapons) and prep(at against on into)")),
    ("The United States sent troops to Poland.", "sent", ("MOBILIZE", "troops"),
     ("AID", "lemma(send) and object_in(@troops)")),
    ("Japan donated vaccines to Vietnam.", "donated", ("AID", "humanitarian"),
     ("AID", "lemma(donate)")),
    ("The United States provided an update on assistance.", "provided", None,
     ("AID", "has_object and every_object_head_in(@report_nouns)")),
    ("The government withdrew the bill.", "withdrew", ("CONCEDE", None),
     ("withdraw", "object_in(law bill")),
    ("The United States withdrew from the treaty.", "withdrew", ("SANCTION", "withdraw"),
     ("withdraw", "prep(from)")),
    ("The government allowed Venezuelans to participate in elections.", "allowed",
     ("CONCEDE", None), ("allow", "content_in(@freedom_acts)")),
    ("Pardon me.", "Pardon", None, ("pardon", "object_word(me us)")),
    ("The ministry warned of potential war crimes.", "warned", None,
     ("warn", "not personal_object")),
    ("The United States designated India as a major defense partner.", "designated",
     ("SUPPORT", None), ("designate", "designated_as(partner ally friend)")),
    ("The army imposed martial law on the province.", "imposed", ("COERCE", "martial-law"),
     ("impose", "object_in(law) and object_in(martial)")),
    ("Russia expelled two American diplomats.", "expelled", ("SANCTION", "expel"),
     ("expel", "object_in(diplomat")),
    ("The government expelled the journalist.", "expelled", ("COERCE", "deport"),
     ("expel", "object_in(journalist")),
    ("Moscow recalled its ambassador from Washington.", "recalled", ("SANCTION", "withdraw"),
     ("recall", "object_in(ambassador envoy diplomat)")),
    ("China deployed warships near Taiwan.", "deployed", ("MOBILIZE", "weapons"),
     ("deploy", "object_in(@weapons) and not object_in(@troops)")),
    ("Protesters clashed with police in the capital.", "clashed", ("PROTEST", "riot"),
     ("clash", "subject_in(")),
    ("The police dispersed the demonstration.", "dispersed", ("COERCE", "restrict"),
     ("disperse", "object_in(demonstration")),
    ("The president signed the bill into law.", "signed", None,
     ("sign", "prep_head_in(into; law)")),
    ("The two sides struck a deal.", "struck", ("AGREE", None),
     ("strike", "object_in(deal agreement bargain)")),
    ("The government closed its embassy in Kabul.", "closed", ("SANCTION", "sever"),
     ("close", "object_in(embassy consulate mission)")),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "word", "expected", "row"), CASES,
                         ids=[c[0][:40] for c in CASES])
def test_rows_on_composed_sentences(nlp, text: str, word: str,  # type: ignore[no-untyped-def]
                                    expected: tuple[str, str | None] | None,
                                    row: tuple[str, str]) -> None:
    doc = nlp(text)
    verb = next(t for t in doc if t.text == word)
    sense = verb_sense(verb)
    assert sense is not None
    got = verb_rules.refine(verb, sense)
    assert got == (Sense(*expected) if expected else None)
    rule = verb_rules.rules().explain(verb, sense)
    assert rule is not None
    assert rule.verbs == row[0] and rule.when.startswith(row[1]), (rule.line, rule.when)


@pytest.mark.slow
def test_first_row_that_applies_wins_and_no_row_keeps_the_lexicon_sense(  # type: ignore[no-untyped-def]
        nlp, tmp_path: Path) -> None:
    table = _table(tmp_path, "meet\tobject_in(target)\tnone\nmeet\t-\tCONSULT/visit\n"
                   "meet\t-\tnone\nCONSULT\tlemma(talk)\tSUPPORT\n")
    doc = nlp("The minister met the target. The minister met Modi. They talk.")
    met_target, met_modi = (t for t in doc if t.text == "met")
    talk = next(t for t in doc if t.text == "talk")
    consult = Sense("CONSULT")
    assert table.refine(met_target, consult) is None
    assert table.refine(met_modi, consult) == Sense("CONSULT", "visit")
    assert table.refine(talk, consult) == Sense("SUPPORT")  # a row for the category
    assert table.refine(talk, Sense("AGREE")) == Sense("AGREE")  # no row: kept
