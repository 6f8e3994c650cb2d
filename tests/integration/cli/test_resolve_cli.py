"""`newsgraph resolve --db FILE [--full]`: incremental by default, both end the same."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from graph_samples import agreement_articles, event_articles
from newsgraph.cli import main
from newsgraph.store import Store


def _resolve(db: Path, *extra: str) -> str:
    result = CliRunner().invoke(main, ["resolve", "--db", str(db), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store(db) as st:
        return {t: sorted(st.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in ("entities", "entity_links", "events", "event_links", "agreements",
                          "commitments", "duplicates")}


def test_resolve_adds_new_articles_and_a_rebuild_agrees(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    events, agreements = event_articles(), agreement_articles()
    with Store(db) as st:
        st.write_articles(events)
    assert "incremental" in _resolve(db)
    with Store(db) as st:
        st.write_articles(agreements)
    out = _resolve(db)
    assert "agreements" in out
    incremental = _snapshot(db)
    assert incremental["agreements"] and incremental["events"]
    assert "full" in _resolve(db, "--full")
    assert _snapshot(db) == incremental


def test_a_missing_store_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["resolve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "does not exist" in result.output
