"""Following news feeds: polite fetching, feed parsing, watch rounds, WARC archive, alerts.

`loop.watch` runs rounds (`round.run_round`) over the feeds a store follows; `fetch.Fetcher`
is the only code that talks to the network; `alerts` records new matches of saved queries.
"""
