"""evaluate: scoring against gold data."""
