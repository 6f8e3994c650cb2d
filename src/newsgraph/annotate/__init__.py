"""annotate: spaCy + newsgraph components -> entities, quotes, events, agreements."""

from newsgraph.annotate.pipeline import PipelineOptions, annotate, build_nlp, get_nlp

__all__ = ["PipelineOptions", "annotate", "build_nlp", "get_nlp"]
