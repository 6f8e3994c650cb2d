"""The component contract: each factory's `requires` / `assigns` say what it reads / writes.

What a component reads is found in its code: the modules of its package and every module of
`newsgraph.annotate` they import. The per-Doc cache (`docindex`) is counted by what a
component asks it for: an entity look-up reads `doc._.ng_entities`, the date list `doc.ents`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from spacy.language import Language

import newsgraph.annotate
import newsgraph.annotate.components as components
from newsgraph.annotate import docindex

FACTORY_PACKAGES = {
    "newsgraph_entities_v1": "newsgraph.annotate.entities",
    "newsgraph_quotes_v1": "newsgraph.annotate.quotes",
    "newsgraph_events_v1": "newsgraph.annotate.events",
    "newsgraph_agreements_v1": "newsgraph.annotate.agreements",
}
# Token and Doc attributes, by the name the code reads them with.
READS = {
    "dep_": "token.dep", "head": "token.head", "pos_": "token.pos", "tag_": "token.tag",
    "lemma_": "token.lemma", "ent_type_": "token.ent_type", "ent_iob_": "token.ent_iob",
    "is_sent_start": "token.is_sent_start", "SENT_START": "token.is_sent_start",
    "sent": "doc.sents", "sents": "doc.sents", "ents": "doc.ents",
}
# What asking the per-Doc cache reads.
DOCINDEX_READS = {"entity_at": "doc._.ng_entities", "entity_of": "doc._.ng_entities",
                  "dates": "doc.ents"}
ANNOTATE = Path(newsgraph.annotate.__file__).parent
# Every module of newsgraph.annotate, by dotted name.
MODULES = {
    ".".join(("newsgraph", "annotate", *p.relative_to(ANNOTATE).with_suffix("").parts)): p
    for p in ANNOTATE.rglob("*.py") if p.name != "__init__.py"
}


def _path(module: str) -> Path:
    return MODULES[module]


def _imports(module: str) -> set[str]:
    tree = ast.parse(_path(module).read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out & MODULES.keys()


def _closure(package: str) -> set[str]:
    todo = [m for m in MODULES if m.startswith(f"{package}.")]
    seen: set[str] = set()
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo.extend(_imports(m) - seen)
    return seen


def _reads_writes(package: str) -> tuple[set[str], set[str]]:
    """The attributes the package's code reads and the `doc._` ones it sets (parsed, so
    names in docstrings and comments do not count)."""
    reads: set[str] = set()
    writes: set[str] = set()
    names = {**READS, **DOCINDEX_READS}
    for module in _closure(package):
        if module == docindex.__name__:
            continue  # counted by what the component asks of it
        for node in ast.walk(ast.parse(_path(module).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) \
                    and node.value.attr == "_" and node.attr.startswith("ng_"):
                (writes if isinstance(node.ctx, ast.Store) else reads).add(
                    f"doc._.{node.attr}")
            elif isinstance(node, ast.Attribute) and node.attr in names:
                reads.add(names[node.attr])
            elif isinstance(node, ast.Name) and node.id in DOCINDEX_READS:
                reads.add(DOCINDEX_READS[node.id])
            elif isinstance(node, ast.Constant) and node.value in READS:
                reads.add(READS[node.value])
    return reads - writes, writes


@pytest.mark.parametrize("factory", sorted(FACTORY_PACKAGES))
def test_factory_declares_what_it_reads_and_writes(factory: str) -> None:
    meta = Language.get_factory_meta(factory)
    reads, writes = _reads_writes(FACTORY_PACKAGES[factory])
    assert sorted(meta.assigns) == sorted(writes)
    assert sorted(meta.requires) == sorted(reads)
    assert isinstance(meta.default_config, dict)


def test_reads_the_brief_names() -> None:
    """The reads that were once left out of the declarations."""
    req = {f: set(Language.get_factory_meta(f).requires) for f in FACTORY_PACKAGES}
    assert "doc._.ng_title" in req["newsgraph_entities_v1"]
    assert "doc._.ng_title" in req["newsgraph_quotes_v1"]
    assert {"doc._.ng_quotes", "doc._.ng_published", "doc._.ng_entities"} <= \
        req["newsgraph_events_v1"]


def test_every_factory_is_registered() -> None:
    assert sorted(components.FACTORIES.values()) == sorted(FACTORY_PACKAGES)


def test_analysis_finds_only_the_article_inputs_missing(nlp) -> None:  # type: ignore[no-untyped-def]
    """In the full pipeline every requirement is met by an earlier component, except the
    attributes `make_doc` sets from the Article before the pipeline runs."""
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    inputs = {f"doc._.{name}" for name in docindex.INPUTS}
    for pipe, missing in problems.items():
        assert set(missing) <= inputs, (pipe, missing)
        if pipe in components.FACTORIES:
            meta = nlp.get_pipe_meta(pipe)
            assert set(missing) == set(meta.requires) & inputs, pipe
