"""Agreements and arms deals (`newsgraph_agreements_v1`, see component.py)."""
