"""Importers of user-supplied files (spreadsheets) into validated domain objects."""
