"""Anchors: a chain head (entry count + head hash) kept outside the database.

``ipguard audit verify --against ANCHOR`` accepts
  * ``COUNT:HASH`` (what ``ipguard audit head`` prints, e.g. noted on paper);
  * a backup sidecar (``*.json`` written next to each backup: ``audit.count``,
    ``audit.head_hash``);
  * a PDF ipguard issued: its document information carries
    ``ipguard-audit:COUNT:HASH`` (in /Keywords), the head at issue.
A bare 64-hex hash is refused: without the count a deleted tail cannot be told.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ipguard import messages
from ipguard.errors import ValidationError

PDF_MARK = re.compile(rb"ipguard-audit:(\d{1,12}):([0-9a-f]{64})")
TEXT = re.compile(r"^\s*(\d{1,12})\s*[:/ ]\s*([0-9a-fA-F]{64})\s*$")
MAX_ANCHOR_FILE = 256 * 1024 * 1024  # a PDF larger than this is not one of ours

messages.register(
    {
        "anchor_unreadable": (
            "无法识别锚点：请给出“条数:链头哈希”、备份旁的 .json 说明文件，或本系统出具的 PDF",
            "anchor not recognised: give COUNT:HASH, a backup's .json sidecar, or a PDF ipguard issued",
        ),
    }
)
messages.register_fields({"anchor": ("锚点", "anchor")})


@dataclass(frozen=True)
class Anchor:
    count: int
    hash: str
    source: str

    def mark(self) -> str:
        """The text a document carries in its metadata."""
        return f"ipguard-audit:{self.count}:{self.hash}"


def mark(count: int, digest: str) -> str:
    """What to write into a document's /Keywords so it anchors the chain."""
    return f"ipguard-audit:{count}:{digest}"


def parse(value: str) -> Anchor:
    """The anchor named by ``value`` (text, sidecar or PDF); ValidationError("anchor") if none."""
    m = TEXT.match(value or "")
    if m:
        return Anchor(int(m.group(1)), m.group(2).lower(), "text")
    path = Path(value).expanduser()
    try:
        if not path.is_file() or path.stat().st_size > MAX_ANCHOR_FILE:
            raise ValidationError("anchor", "anchor_unreadable")
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("anchor", "anchor_unreadable") from exc
    if data.startswith(b"%PDF"):
        found = PDF_MARK.findall(data)
        if found:
            count, digest = found[-1]  # an incremental update appends; the last is current
            return Anchor(int(count), digest.decode(), f"pdf:{path.name}")
        raise ValidationError("anchor", "anchor_unreadable")
    try:
        side = json.loads(data.decode("utf-8"))
        audit = side["audit"]
        count, digest = int(audit["count"]), str(audit["head_hash"]).lower()
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise ValidationError("anchor", "anchor_unreadable") from exc
    if count < 0 or not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise ValidationError("anchor", "anchor_unreadable")
    return Anchor(count, digest, f"sidecar:{path.name}")
