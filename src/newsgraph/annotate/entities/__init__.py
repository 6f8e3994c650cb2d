"""Entities: people, places and organisations (`newsgraph_entities_v1`, see component.py)."""
