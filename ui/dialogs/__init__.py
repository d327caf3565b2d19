"""Dialogs of the desktop client."""
