"""Copies found incrementally: the stored articles a new one is compared with are counted by
the index of sketch values (`store.incremental._compared`); in any batching the copies end
as a full rebuild finds them."""

from __future__ import annotations

import random

from graph_fixtures import build
from newsgraph.store import Store

LINES = [
    "The port authority said on Tuesday that cargo volumes rose for a third month in a row.",
    "Officials credited new cranes at the container terminal and shorter customs checks.",
    "Shipping lines have added two weekly services to ports on the other side of the strait.",
    "The authority expects the expansion of the eastern quay to be finished next spring.",
    "Unions said the longer shifts needed more staff and asked for talks on pay.",
    "A spokesman for the ministry of transport declined to comment on the negotiations.",
]


def _articles() -> list:  # type: ignore[type-arg]
    story = " ".join(LINES)
    short = " ".join(LINES[:2])
    return [
        build(story, "2024-03-05"),
        build(story + " Reporting by the business desk.", "2024-03-06"),   # a wire copy
        build(" ".join(LINES[:5]), "2024-03-06"),                          # most of it
        build(short, "2024-03-07"),                                        # a short one
        build(short + " Edited by the night desk.", "2024-03-08"),         # its copy
        build(" ".join(reversed(LINES)), "2024-03-09"),                    # the same lines
        build("Rain closed the northern highway for two days.", "2024-03-09"),
    ]


def _duplicates(st: Store) -> list[tuple[str, str, float]]:
    return sorted(st.conn.execute("SELECT article_id, duplicate_of, similarity FROM "
                                  "duplicates").fetchall())


def test_copies_in_any_batching_end_as_one_rebuild() -> None:
    arts = _articles()
    for seed in range(8):
        rng = random.Random(seed)
        order = rng.sample(arts, len(arts))
        cuts = sorted(rng.sample(range(1, len(arts)), rng.randint(1, 4)))
        with Store() as st:
            for lo, hi in zip([0, *cuts], [*cuts, len(arts)], strict=True):
                st.write_articles(order[lo:hi])
                st.resolve()
            got = _duplicates(st)
            st.resolve(full=True)
            assert got == _duplicates(st), seed
            assert got, "the sample has no copies"
