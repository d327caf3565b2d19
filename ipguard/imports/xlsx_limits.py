"""Bounds on xlsx files read from users, checked on the zip directory first.

An xlsx is a zip of XML parts; openpyxl reads a shared-strings part whole, so
a 1 MB file can expand to gigabytes. Before openpyxl sees a file, its zip
directory (a few bytes per part, read without decompressing anything) must
show at most :data:`MAX_PARTS` parts, no part above :data:`MAX_PART_BYTES`
and no more than :data:`MAX_TOTAL_BYTES` in all, uncompressed; each sheet's
declared size (``<dimension ref="A1:K5001"/>``, read from its first bytes)
must stay within the caller's row limit. The limits are documented in
docs/security.md.

Text from users written back into a workbook goes through :func:`neutral`:
anything a spreadsheet would read as a formula gets a leading apostrophe-like
guard (a single quote prefix), so it stays text.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ipguard import messages
from ipguard.errors import ValidationError

MAX_PARTS = 2_000
MAX_PART_BYTES = 64 * 1024 * 1024  # one sheet of 10,000 wide rows is ~10 MB
MAX_TOTAL_BYTES = 128 * 1024 * 1024
MAX_BATCH_ROWS = 10_000  # rows of a batch screening workbook
_DIMENSION = re.compile(rb'<dimension[^>]*ref="[A-Z]{1,3}\d+(?::[A-Z]{1,3}(\d+))?"')
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")

messages.register(
    {
        "xlsx_too_large": (
            "工作簿“{name}”解压后过大（{part}：{size} 字节，上限 {limit} 字节），已拒绝",
            "the workbook “{name}” is too large uncompressed ({part}: {size} bytes, limit {limit}); refused",
        ),
        "xlsx_too_many_rows": (
            "工作簿“{name}”有 {rows} 行，超过上限 {limit} 行；请分成几个文件",
            "the workbook “{name}” has {rows} rows, more than the limit of {limit}; split it into several files",
        ),
    }
)


def check_xlsx(path: str | Path, field: str, *, max_rows: int) -> None:
    """Refuse ``path`` unless its zip directory and sheet sizes are within the limits."""
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_PARTS:
                raise ValidationError(field, "xlsx_too_large", name=name, part="(parts)", size=len(infos), limit=MAX_PARTS)
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > MAX_PART_BYTES:
                    raise ValidationError(field, "xlsx_too_large", name=name, part=info.filename, size=info.file_size, limit=MAX_PART_BYTES)
                if total > MAX_TOTAL_BYTES:
                    raise ValidationError(field, "xlsx_too_large", name=name, part="(total)", size=total, limit=MAX_TOTAL_BYTES)
            for info in infos:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    with zf.open(info) as part:
                        head = part.read(4096)  # bounded: the dimension comes first
                    m = _DIMENSION.search(head)
                    rows = int(m.group(1)) if m and m.group(1) else 0
                    if rows > max_rows + 1:  # + the header row
                        raise ValidationError(field, "xlsx_too_many_rows", name=name, rows=rows - 1, limit=max_rows)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        return  # not a readable zip: the reader's own "unreadable" refusal follows


def neutral(value: object) -> object:
    """``value`` as a workbook cell that can never be a formula (text only is changed)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
