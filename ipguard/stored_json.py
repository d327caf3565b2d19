"""Values read back from stored JSON, their types checked.

Assessments and other results are stored as JSON and rebuilt with their
``from_json`` constructors. JSON comes back as ``object``; these readers say
what each value must be and raise ``TypeError`` (which the readers' callers
treat like any unreadable record) when it is not, instead of trusting it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def as_int(value: object) -> int:
    """An integer stored as a JSON number or a numeric string."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return int(value)


def as_list(value: object) -> Sequence[object]:
    """A JSON array (a missing value reads as empty)."""
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return value


def as_mapping(value: object) -> Mapping[str, object]:
    """A JSON object (a missing value reads as empty)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return value


def as_optional_str(value: object) -> str | None:
    return None if value is None else str(value)
