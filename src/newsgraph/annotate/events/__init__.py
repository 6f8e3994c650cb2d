"""PLOVER events (`newsgraph_events_v1`, see component.py)."""
