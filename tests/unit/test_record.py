import json

from newsgraph.record import Article, Entity, Quote, Removed, json_schema


def test_to_dict_has_design_keys_in_order() -> None:
    a = Article.new("Some text.", title="T")
    assert list(a.to_dict())[:12] == ["id", "title", "published", "authors", "url", "site",
                                      "text", "removed", "entities", "quotes", "events",
                                      "agreements"]


def test_id_is_hash_of_clean_text() -> None:
    assert Article.new("abc").id == Article.new("abc").id != Article.new("abd").id


def test_round_trip_through_json() -> None:
    a = Article.new("Hegseth said hello.", removed=[Removed("advertisement", "Advertisement")])
    a.entities.append(Entity(id="e1", name="Pete Hegseth", type="PERSON", mentions=[[0, 7]]))
    a.quotes.append(Quote(id="q1", text="hello", kind="indirect", span=[13, 18],
                          speaker="Pete Hegseth", speaker_id="e1", speaker_span=[0, 7],
                          cue="said"))
    b = Article.from_dict(json.loads(a.to_json()))
    assert b == a
    assert isinstance(b.entities[0], Entity)


def test_schema_validates_a_record() -> None:
    import jsonschema_rs

    schema = json_schema()
    a = Article.new("x", entities=[Entity(id="e1", name="X", type="ORG")])
    jsonschema_rs.validate(schema, a.to_dict())
    bad = a.to_dict()
    bad["quotes"] = [{"id": "q1"}]
    try:
        jsonschema_rs.validate(schema, bad)
    except jsonschema_rs.ValidationError:
        pass
    else:  # pragma: no cover
        raise AssertionError("schema accepted a quote without text/kind/span")


def test_shipped_schema_matches_code() -> None:
    from importlib.resources import files

    shipped = json.loads((files("newsgraph") / "schema" / "article.schema.json").read_text())
    assert shipped == json_schema(), \
        "run `newsgraph schema > src/newsgraph/schema/article.schema.json`"
