"""Pages of the main window (one module each)."""
