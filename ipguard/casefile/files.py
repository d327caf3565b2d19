"""One file offered to the case file: its name made safe, its type told by its content, its text.

* :func:`clean_name` keeps the original name for the record but refuses one
  that carries path parts (``/``, ``\\``, ``..``, a drive), control or
  invisible formatting characters (a right-to-left override can make
  ``invoice‮fdp.exe`` read as ``invoiceexe.pdf``) or a device name Windows
  reserves; characters Windows forbids in names become ``_``.
* :func:`detect` tells the type from the bytes (``puremagic``'s magic-number
  tables; an Office Open XML container is confirmed by its zip directory),
  never from the name. Accepted: PDF, JPEG, PNG, TIFF, Office Open XML
  (docx/xlsx/pptx, also what WPS saves by default) and OLE compound documents
  (doc/xls/ppt and the older WPS formats wps/et/dps). Anything else is
  refused naming what it was detected as.
* :func:`pdf_text` extracts the text of a PDF with ``pypdf`` for the case
  search, bounded in pages and characters; a PDF pypdf cannot read is still
  attached, just not searchable.
"""

from __future__ import annotations

import io
import logging
import unicodedata
import zipfile
from dataclasses import dataclass

from ipguard import messages
from ipguard.errors import ValidationError

log = logging.getLogger("ipguard.casefile")

MAX_NAME_CHARS = 120
MAX_TEXT_PAGES = 500
MAX_TEXT_CHARS = 2_000_000
_FORBIDDEN = '<>:"|?*'
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

messages.register(
    {
        "attachment_name_hostile": (
            "文件名“{name}”不能使用：{why}；请改名后再附加",
            "the file name “{name}” cannot be used: {why}; rename the file and attach it again",
        ),
        "attachment_type_refused": (
            "文件“{name}”的类型（{detected}）不能归档；可归档：PDF、JPEG、PNG、TIFF、Office/WPS 文档",
            "the file “{name}” is of a type that cannot be filed ({detected}); accepted: PDF, JPEG, PNG, TIFF, Office/WPS documents",
        ),
        "attachment_empty": ("文件“{name}”是空的", "the file “{name}” is empty"),
    }
)

_WHY = {
    "path": messages.Text("含有路径（/、\\ 或 ..）", "it contains path parts (/, \\ or ..)"),
    "control": messages.Text("含有控制字符或不可见的格式字符", "it contains control or invisible formatting characters"),
    "reserved": messages.Text("是 Windows 保留的设备名", "it is a device name Windows reserves"),
    "empty": messages.Text("为空", "it is empty"),
}

KIND_LABELS: dict[str, tuple[str, str]] = {
    "pdf": ("PDF", "PDF"),
    "jpeg": ("JPEG 图片", "JPEG image"),
    "png": ("PNG 图片", "PNG image"),
    "tiff": ("TIFF 图片", "TIFF image"),
    "docx": ("Word/WPS 文字（OOXML）", "Word/WPS document (OOXML)"),
    "xlsx": ("Excel/WPS 表格（OOXML）", "Excel/WPS workbook (OOXML)"),
    "pptx": ("PowerPoint/WPS 演示（OOXML）", "PowerPoint/WPS presentation (OOXML)"),
    "ole": ("Office/WPS 文档（OLE）", "Office/WPS document (OLE)"),
}
IMAGE_KINDS = ("jpeg", "png", "tiff")


@dataclass(frozen=True)
class FileType:
    kind: str  # a key of KIND_LABELS
    mime: str


def shown(name: str) -> str:
    """``name`` with control and formatting characters made visible (for messages)."""
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in name)


def clean_name(name: str, field: str = "file_name") -> str:
    """The name to record for a file called ``name``; refused (naming it) when hostile."""
    raw = str(name)
    why = None
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in raw):
        why = "control"
    elif "/" in raw or "\\" in raw or raw.strip() in (".", "..") or (len(raw) > 1 and raw[0].isascii() and raw[0].isalpha() and raw[1] == ":"):
        why = "path"
    text = unicodedata.normalize("NFC", raw).strip().rstrip(". ")
    if why is None and not text:
        why = "empty"
    if why is None and text.split(".")[0].strip().upper() in _RESERVED:
        why = "reserved"
    if why is not None:
        raise ValidationError(field, "attachment_name_hostile", name=shown(raw)[:200], why=_WHY[why])
    text = "".join("_" if ch in _FORBIDDEN else ch for ch in text)
    if len(text) > MAX_NAME_CHARS:
        _stem, dot, ext = text.rpartition(".")
        ext = ext if dot and len(ext) <= 10 else ""
        text = text[: MAX_NAME_CHARS - len(ext) - 1].rstrip() + ("." + ext if ext else "")
    return text


def _ooxml_kind(data: bytes) -> str | None:
    """docx/xlsx/pptx when ``data`` is an Office Open XML zip (read from its directory only)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, kind in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
        if any(n.startswith(prefix) for n in names):
            return kind
    return None


_MIMES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "tiff": "image/tiff",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "ole": "application/x-ole-storage",
}
_BY_EXTENSION = {".pdf": "pdf", ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".tif": "tiff", ".tiff": "tiff"}


def detect(data: bytes, name: str) -> FileType:
    """The type of ``data`` from its content; refused (naming the file and what it is) when not filed."""
    import puremagic

    if not data:
        raise ValidationError("file", "attachment_empty", name=name)
    try:
        matches = puremagic.magic_string(data)
    except (puremagic.PureError, ValueError):
        matches = []
    if data.startswith(_OLE):
        return FileType("ole", _MIMES["ole"])
    for match in matches:
        kind = _BY_EXTENSION.get(match.extension.lower())
        if kind == "pdf" and b"%PDF-" not in data[:1024]:
            continue
        if kind:
            return FileType(kind, _MIMES[kind])
    if data.startswith(b"PK\x03\x04"):
        kind = _ooxml_kind(data)
        if kind:
            return FileType(kind, _MIMES[kind])
    detected = (matches[0].name or matches[0].extension or "?") if matches else messages.Text("无法识别", "unrecognised")
    raise ValidationError("file", "attachment_type_refused", name=name, detected=detected)


def pdf_text(data: bytes) -> str:
    """The text of a PDF's first pages (for the search index); "" when pypdf cannot read it."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return ""
        parts: list[str] = []
        total = 0
        for page in reader.pages[:MAX_TEXT_PAGES]:
            text = page.extract_text() or ""
            parts.append(text)
            total += len(text)
            if total >= MAX_TEXT_CHARS:
                break
        return "\n".join(parts)[:MAX_TEXT_CHARS]
    except Exception as exc:  # pypdf raises many kinds of errors on a malformed file: it stays attached, unsearchable
        log.warning("no text extracted from a PDF: %s", exc)
        return ""
