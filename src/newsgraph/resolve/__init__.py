"""resolve: cross-article merging, as pure functions from rows to results.

Each module takes the stored per-article rows it needs as dataclasses and returns what the
resolved tables hold, also as dataclasses; none of them touches a database. `newsgraph.store`
loads the rows (in a fixed order: publication date, then id), calls them in turn (entities,
duplicates, events, agreements, commitments) and saves the results, so the result depends
only on which articles are stored, not on the order or the number of runs that stored them:

    entities.resolve_entities(rows)              -> [ResolvedEntity]
    dedup.find_copies(sketches)                  -> [Copy]
    events.resolve_events(inputs, originals)     -> [ResolvedEvent]
    agreements.resolve_agreements(mentions, texts) -> [ResolvedAgreement]
    commitments.resolve_commitments(inputs)      -> [Commitment]
"""
