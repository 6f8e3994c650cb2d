"""The verb rules of `data/verb_rules.tsv` and the small engine that applies them.

Each row names verbs, a condition on their arguments and the sense it gives (the file's
header explains the columns). `refine` tries the rows that name a verb in the order of the
file; the first whose condition holds gives the sense, and a verb no row gives a sense to
keeps its lexicon sense. The conditions and result functions are the named functions of
`verb_conditions`; the word lists a row names with @list are those of
`data/plover_lexicon.json`. A row that names an unknown condition, list, category or mode
stops the table from loading, with its line number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Token

from newsgraph import lexicon
from newsgraph.annotate.events.verb_conditions import CONDITIONS, RESULTS, Groups, VerbArgs
from newsgraph.annotate.plover import Sense, lemma

_TEST = re.compile(r"^(?P<neg>not\s+)?(?P<name>[a-z_]+)(?:\((?P<args>[^()]*)\))?$")
_SENSE = re.compile(r"^(?P<cat>[A-Z]+)(?:/(?P<mode>[a-z-]+))?$")


@dataclass(frozen=True)
class Test:
    """One condition of a row, as written ("not prep(from)")."""

    name: str
    negate: bool
    fn: Callable[..., bool]
    groups: Groups

    def holds(self, args: VerbArgs) -> bool:
        return bool(self.fn(args, *self.groups)) != self.negate


@dataclass(frozen=True)
class Rule:
    """One row of the table."""

    line: int
    verbs: str  # the three columns as written
    when: str
    then: str
    lemmas: frozenset[str]  # verbs named by lemma or @list
    categories: frozenset[str]  # verbs named by the category of their lexicon sense
    excluded: frozenset[str]
    any_verb: bool  # "*"
    tests: tuple[Test, ...]
    sense: Sense | None = None  # a fixed result: CATEGORY or CATEGORY/mode
    fn: Callable[..., Sense | None] | None = None  # a result function
    fn_groups: Groups = ()

    def may_name(self, lem: str) -> bool:
        """Whether the row can apply to verb `lem` (category rows: for some sense)."""
        return lem not in self.excluded and (
            self.any_verb or bool(self.categories) or lem in self.lemmas)

    def applies(self, args: VerbArgs) -> bool:
        named = args.lemma not in self.excluded and (
            self.any_verb or args.lemma in self.lemmas or args.sense.category in self.categories)
        return named and all(t.holds(args) for t in self.tests)

    def give(self, args: VerbArgs) -> Sense | None:
        if self.then == "keep":
            return args.sense
        if self.fn is not None:
            return self.fn(args, *self.fn_groups)
        return self.sense


@dataclass
class VerbRules:
    rules: tuple[Rule, ...]
    _by_lemma: dict[str, tuple[Rule, ...]] = field(default_factory=dict, repr=False)

    def for_lemma(self, lem: str) -> tuple[Rule, ...]:
        """The rows that may apply to verb `lem`, in the order of the file."""
        found = self._by_lemma.get(lem)
        if found is None:
            found = tuple(r for r in self.rules if r.may_name(lem))
            self._by_lemma[lem] = found
        return found

    def refine(self, v: Token, sense: Sense) -> Sense | None:
        """The sense of trigger verb `v` given its arguments, or None when it is no event."""
        args = VerbArgs(v, sense, lemma(v))
        rule = self._first(args)
        return sense if rule is None else rule.give(args)

    def explain(self, v: Token, sense: Sense) -> Rule | None:
        """The row that gives `v` its sense (None: no row does, the lexicon sense stands)."""
        return self._first(VerbArgs(v, sense, lemma(v)))

    def _first(self, args: VerbArgs) -> Rule | None:
        for rule in self.for_lemma(args.lemma):
            if rule.applies(args):
                return rule
        return None


# ------------------------------------------------------------------ reading the table


class RuleError(ValueError):
    """A row of the verb rules that names something unknown."""


def _words(name: str, line: int, text: str) -> frozenset[str]:
    """Words and @lists of an argument group."""
    out: set[str] = set()
    lists = lexicon.plover_lexicon().lists
    for w in text.split():
        if w.startswith("@"):
            if w[1:] not in lists:
                raise RuleError(f"{name}:{line}: no word list {w}")
            out |= lists[w[1:]]
        else:
            out.add(w)
    return frozenset(out)


def _groups(name: str, line: int, args: str | None) -> Groups:
    if args is None:
        return ()
    return tuple(_words(name, line, g) for g in args.split(";"))


def _tests(name: str, line: int, when: str) -> tuple[Test, ...]:
    if when == "-":
        return ()
    tests = []
    for part in when.split(" and "):
        m = _TEST.match(part.strip())
        if m is None:
            raise RuleError(f"{name}:{line}: cannot read condition {part!r}")
        reg = CONDITIONS.get(m["name"])
        if reg is None:
            raise RuleError(f"{name}:{line}: no condition {m['name']!r}")
        groups = _groups(name, line, m["args"])
        if len(groups) != reg.groups:
            raise RuleError(f"{name}:{line}: {m['name']} takes {reg.groups} argument "
                            f"group(s), not {len(groups)}")
        tests.append(Test(m["name"], bool(m["neg"]), reg.fn, groups))
    return tuple(tests)


def _fixed_sense(name: str, line: int, then: str) -> Sense | None:
    """The sense written as CATEGORY or CATEGORY/mode, checked against the PLOVER scheme."""
    m = _SENSE.match(then)
    if m is None:
        return None
    scheme = lexicon.plover_scheme()
    if m["cat"] not in scheme.categories:
        raise RuleError(f"{name}:{line}: {m['cat']} is no PLOVER category")
    if m["mode"] is not None and m["mode"] not in scheme.modes[m["cat"]]:
        raise RuleError(f"{name}:{line}: {m['mode']} is no mode of {m['cat']}")
    return Sense(m["cat"], m["mode"])


def _rule(name: str, line: int, verbs: str, when: str, then: str) -> Rule:
    lemmas: set[str] = set()
    categories: set[str] = set()
    excluded: set[str] = set()
    for v in verbs.split():
        if v.startswith("-"):
            excluded.add(v[1:])
        elif v.isupper():
            if v not in lexicon.plover_scheme().categories:
                raise RuleError(f"{name}:{line}: {v} is no PLOVER category")
            categories.add(v)
        elif v != "*":
            lemmas |= _words(name, line, v)
    base = Rule(line, verbs, when, then, frozenset(lemmas), frozenset(categories),
                frozenset(excluded), "*" in verbs.split(), _tests(name, line, when))
    if then in ("keep", "none"):
        return base
    sense = _fixed_sense(name, line, then)
    if sense is not None:
        return replace(base, sense=sense)
    m = _TEST.match(then)
    reg = RESULTS.get(m["name"]) if m is not None and not m["neg"] else None
    if m is None or reg is None:
        raise RuleError(f"{name}:{line}: cannot read result {then!r}")
    groups = _groups(name, line, m["args"])
    if not reg.groups - reg.optional <= len(groups) <= reg.groups:
        raise RuleError(f"{name}:{line}: {m['name']} takes {reg.groups} argument group(s)")
    return replace(base, fn=reg.fn, fn_groups=groups)


def rules(name: str = "verb_rules.tsv") -> VerbRules:
    """The verb rules of data file `name` (a shipped name or an absolute path), read once:
    `rules()` and `rules("verb_rules.tsv")` are the same table."""
    return _read_rules(name)


@cache
def _read_rules(name: str) -> VerbRules:
    out = []
    for line, row in lexicon.tsv_lines(name):
        if len(row) != 3:
            raise RuleError(f"{name}:{line}: {len(row)} columns, expected verbs, when, then")
        out.append(_rule(name, line, *row))
    return VerbRules(tuple(out))


def refine(v: Token, sense: Sense) -> Sense | None:
    """The sense of trigger verb `v` given its arguments (the shipped table)."""
    return rules().refine(v, sense)
