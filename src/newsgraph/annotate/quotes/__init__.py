"""Quotes and their speakers (`newsgraph_quotes_v1`, see component.py)."""
