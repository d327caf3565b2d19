"""How a file's size reads in the window: "117 KB", "20.0 MB" (one wording for every list of files)."""

from __future__ import annotations


def size_text(size: int) -> str:
    """``size`` bytes as whole KB below one megabyte, else MB with one decimal."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 0) / 1024:.0f} KB"
