"""Stored JSON is read back with its types checked, not trusted."""

import pytest

from ipguard.stored_json import as_int, as_list, as_mapping, as_optional_str


def test_readers_accept_what_to_json_writes():
    assert as_int(12) == 12 and as_int("12") == 12
    assert list(as_list([1, 2])) == [1, 2] and list(as_list(None)) == []
    assert dict(as_mapping({"a": 1})) == {"a": 1} and dict(as_mapping(None)) == {}
    assert as_optional_str(None) is None and as_optional_str("x") == "x"


@pytest.mark.parametrize(
    ("reader", "value"),
    [(as_int, True), (as_int, 1.5), (as_int, [1]), (as_list, "abc"), (as_list, {"a": 1}), (as_mapping, [1]), (as_mapping, "x")],
)
def test_readers_refuse_the_wrong_shape(reader, value):
    # a string is iterable and a bool is an int: neither may pass for a list or a count
    with pytest.raises(TypeError):
        reader(value)
