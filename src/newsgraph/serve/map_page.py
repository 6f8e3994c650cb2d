"""The map: events where they happened, at the precision the text gives.

`/map` is a server-drawn SVG world map (`worldmap.py`) with the dyad page's filters
(countries, categories, modality, dates) as a plain GET form, so it works without
JavaScript; htmx swaps the results in place and `map.js` (d3-geo) shows the longitude and
latitude under the pointer. `/api/map` gives the same events as GeoJSON. An event the text
places only in a country shades that country and is never drawn at a point.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsgraph.geo import countries as geo_countries
from newsgraph.serve import charts, worldmap
from newsgraph.serve.api import MinConfidence, threshold
from newsgraph.serve.web import _date, queries, render
from newsgraph.store.geo import MapFilters, MapPoint, feature

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["map"])
LIST_LIMIT = 200


def _filters(country: list[str], category: list[str], modality: list[str],
             date_from: str | None, date_to: str | None,
             min_confidence: float | None = None) -> tuple[MapFilters, list[str]]:
    """The filters from a (possibly hand-edited) URL: unknown values are dropped."""
    isos = sorted({i for i in map(geo_countries.iso_of, country) if i is not None})
    names = [n for n in map(geo_countries.name_of, isos) if n]
    cats = [c for c in (v.strip().upper() for v in category) if c in charts.CATEGORIES]
    mods = [v for v in (x.strip().lower() for x in modality) if v in charts.MODALITIES]
    f = MapFilters(isos, cats, mods, _date(date_from, "date_from"), _date(date_to, "date_to"),
                   threshold(min_confidence))
    return f, names + _affiliation_names(names)


def _affiliation_names(names: list[str]) -> list[str]:
    """Actors' affiliations spell countries as pycountry's common names ("Russia")."""
    from newsgraph.resolve.countries import canonical_country

    return [c for c in map(canonical_country, names) if c and c not in names]


def _points(request: Request, f: MapFilters, names: list[str]) -> list[MapPoint]:
    return queries(request).st().map_points(f, names)


def _numeric() -> dict[str, int]:
    return {iso: c.isonumeric for iso, c in geo_countries.by_iso().items()}


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, country: list[str] = Query([]), category: list[str] = Query([]),
             modality: list[str] = Query([]), date_from: str | None = Query(None),
             date_to: str | None = Query(None),
             min_confidence: float | None = MinConfidence) -> HTMLResponse:
    f, names = _filters(country, category, modality, date_from, date_to, min_confidence)
    points = _points(request, f, names)
    drawn = worldmap.draw(points, _numeric())
    options = sorted({n for n in map(geo_countries.name_of,
                                     queries(request).st().map_countries()) if n})
    return render(request, "map.html", {
        "title": "Map", "map": drawn, "points": points[:LIST_LIMIT], "total": len(points),
        "countries": options, "chosen": [geo_countries.name_of(i) for i in f.countries],
        "all_categories": charts.CATEGORIES, "all_modalities": charts.MODALITIES,
        "categories": f.categories, "modalities": f.modalities, "date_from": f.date_from,
        "date_to": f.date_to, "min_confidence": f.min_confidence,
        "filters_active": bool(f.countries or f.categories or f.modalities or f.date_from
                               or f.date_to or min_confidence is not None),
        "api_url": "/api/map" + (("?" + request.url.query) if request.url.query else "")})


@api_router.get("/map")
def map_api(request: Request, country: list[str] = Query([]), category: list[str] = Query([]),
            modality: list[str] = Query([]), date_from: str | None = Query(None),
            date_to: str | None = Query(None),
            min_confidence: float | None = MinConfidence) -> dict[str, Any]:
    """Located event reports as a GeoJSON FeatureCollection: a Point for facility, city and
    admin1 precision; a null geometry (with `country`) for a country- or region-level
    event. Filters as on the map page (`country` by name, repeatable; `min_confidence`
    defaults to the event judge's threshold)."""
    f, names = _filters(country, category, modality, date_from, date_to, min_confidence)
    return {"type": "FeatureCollection",
            "features": [feature(p) for p in _points(request, f, names)]}
