"""Reusable form widgets (validated fields, the IP asset editor)."""
