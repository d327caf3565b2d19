"""Bounded, neutral inputs: a zip bomb is refused from its directory, user text never becomes a formula."""

from __future__ import annotations

import tracemalloc
import zipfile

import pytest

from ipguard.errors import ValidationError
from ipguard.imports import xlsx_limits
from ipguard.imports.assets_xlsx import read_assets_xlsx


def _bomb(path, part_bytes: int) -> None:
    """A valid-looking xlsx whose shared strings expand to ``part_bytes``: ~KB on disk."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            chunk = b"A" * (1024 * 1024)
            for _ in range(part_bytes // len(chunk)):
                part.write(chunk)


def test_a_zip_bomb_is_refused_in_bounded_memory(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    _bomb(bomb, 2 * xlsx_limits.MAX_PART_BYTES)  # 128 MB uncompressed, ~130 KB on disk
    assert bomb.stat().st_size < 1024 * 1024
    tracemalloc.start()
    with pytest.raises(ValidationError) as err:
        read_assets_xlsx(bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (err.value.field, err.value.key) == ("file", "xlsx_too_large")
    assert peak < 16 * 1024 * 1024  # refused while reading, never inflated (128 MB)


def test_a_sheet_declaring_too_many_rows_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/worksheets/sheet1.xml", '<worksheet><dimension ref="A1:K100001"/><sheetData/></worksheet>')
    with pytest.raises(ValidationError) as err:
        xlsx_limits.check_xlsx(path, "xlsx", max_rows=xlsx_limits.MAX_BATCH_ROWS)
    assert (err.value.field, err.value.key) == ("xlsx", "xlsx_too_many_rows")


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_user_text_written_to_a_workbook_is_never_a_formula(text):
    assert xlsx_limits.neutral(text) == "'" + text
    assert xlsx_limits.neutral("上海张江") == "上海张江" and xlsx_limits.neutral(-5) == -5


@pytest.mark.parametrize("bad", ["A\x00B", "A\x1bB", "A\uffffB", "A\ufffeB", "A\ud800B", "A\u202eB", "A\u2066B", "A\nB", "A\x7fB"])
def test_names_refuse_control_non_characters_surrogates_and_bidi(bad):
    from ipguard.validators import check_text

    with pytest.raises(ValidationError) as err:
        check_text(bad, "company.name")
    assert (err.value.field, err.value.key) == ("company.name", "text_bad_character")
    assert "企业名称" in err.value.message("zh")


def test_free_text_keeps_line_breaks_but_not_other_controls():
    from ipguard.validators import check_text

    assert check_text("第一行\n第二行\t完", "comment", max_len=2000) == "第一行\n第二行\t完"
    assert check_text("上海　张江", "company.name") == "上海　张江"  # an ideographic space is fine
    with pytest.raises(ValidationError):
        check_text("意见\u202e反转", "comment", max_len=2000)
