"""Choose and register the Chinese font the documents are set in.

One TrueType font that covers Latin and CJK is embedded (as a subset) when one
can be found: the path an admin configured, else the usual Windows fonts, else
common Linux ones. CFF-outline fonts (``OTTO``) are skipped because reportlab
refuses them. When nothing usable exists, reportlab's built-in
``STSong-Light`` CID font is used (not embedded: the PDF reader supplies the
glyphs) so that a document is always produced.

Registration is done once per process and per preferred path; the choice is
logged on the ``ipguard.documents`` logger.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("ipguard.documents")

FALLBACK_CID_FONT = "STSong-Light"


@dataclass(frozen=True)
class FontChoice:
    """The font registered with reportlab for the documents.

    ``name`` is the reportlab font name to use in styles; ``bold_name`` is a
    heavier face when one exists (SimHei on Windows), else ``name`` again —
    never a fake bold, which would break text extraction.
    """

    name: str
    path: str | None
    subfont_index: int
    embedded: bool
    bold_name: str = ""

    @property
    def heading_name(self) -> str:
        return self.bold_name or self.name


def _windows_font_dirs() -> list[Path]:
    dirs = [Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts", Path("C:/Windows/Fonts")]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    unique: list[Path] = []
    for d in dirs:
        if d not in unique:
            unique.append(d)
    return unique


# (file name, sub-font index) in order of preference.
WINDOWS_FONTS: tuple[tuple[str, int], ...] = (
    ("simsun.ttc", 0),
    ("simhei.ttf", 0),
    ("msyh.ttc", 0),
    ("simfang.ttf", 0),
)
# Heavier face for titles, used only beside a different body font.
WINDOWS_BOLD_FONTS: tuple[tuple[str, int], ...] = (("simhei.ttf", 0), ("msyhbd.ttc", 0))

LINUX_FONTS: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    ("/usr/share/fonts/truetype/arphic-uming/uming.ttc", 0),
    ("/usr/share/fonts/truetype/arphic-ukai/ukai.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),
)


def system_candidates() -> list[tuple[str, int]]:
    """Body font candidates on this machine, Windows first, then Linux."""
    found: list[tuple[str, int]] = []
    for directory in _windows_font_dirs():
        found.extend((str(directory / name), index) for name, index in WINDOWS_FONTS)
    found.extend(LINUX_FONTS)
    return found


def bold_candidates() -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for directory in _windows_font_dirs():
        found.extend((str(directory / name), index) for name, index in WINDOWS_BOLD_FONTS)
    return found


_lock = threading.Lock()
_cache: dict[str | None, FontChoice] = {}


def clear_cache() -> None:
    """Forget earlier choices (tests). Registered fonts stay registered."""
    with _lock:
        _cache.clear()


def is_cff(path: str | os.PathLike[str]) -> bool:
    """True when the file is an OpenType font with CFF outlines (reportlab refuses those)."""
    with open(path, "rb") as fh:
        return fh.read(4) == b"OTTO"


def _font_name(path: str, index: int) -> str:
    stem = re.sub(r"[^A-Za-z0-9]+", "-", Path(path).stem).strip("-") or "font"
    return f"IPG-{stem}-{index}"


def _try_register(path: str, index: int) -> str | None:
    """Register one TrueType face; return its reportlab name, or None when unusable."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        if not os.path.isfile(path):
            return None
        if is_cff(path):
            log.info("documents font skipped (CFF outlines, not supported by reportlab): %s", path)
            return None
        name = _font_name(path, index)
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
        return name
    except Exception as exc:  # a broken or unsupported file: try the next one
        log.warning("documents font skipped (%s): %s", exc, path)
        return None


def _first_usable(candidates: Iterable[tuple[str, int]]) -> tuple[str, str, int] | None:
    for path, index in candidates:
        name = _try_register(path, index)
        if name:
            return name, path, index
    return None


def _register_cid_fallback() -> FontChoice:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FALLBACK_CID_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
    return FontChoice(FALLBACK_CID_FONT, None, 0, False, FALLBACK_CID_FONT)


def choose_font(
    preferred_path: str | None,
    candidates: Sequence[tuple[str, int]],
    bold: Sequence[tuple[str, int]] = (),
) -> FontChoice:
    """Register the first usable font: ``preferred_path``, then ``candidates``, then the CID fallback.

    ``preferred_path`` may carry a sub-font index as ``path.ttc#1``. Not cached.
    """
    ordered: list[tuple[str, int]] = []
    if preferred_path:
        path, _, index = str(preferred_path).partition("#")
        ordered.append((path, int(index) if index.isdigit() else 0))
        if not os.path.isfile(path):
            log.warning("documents font from settings not found: %s", path)
    ordered.extend(candidates)
    hit = _first_usable(ordered)
    if hit is None:
        choice = _register_cid_fallback()
        log.warning("no TrueType Chinese font found; using %s (not embedded)", FALLBACK_CID_FONT)
        return choice
    name, path, index = hit
    bold_hit = _first_usable(c for c in bold if os.path.normcase(c[0]) != os.path.normcase(path))
    choice = FontChoice(name, path, index, True, bold_hit[0] if bold_hit else name)
    log.info("documents font: %s (index %d, embedded), headings %s", path, index, choice.bold_name)
    return choice


def resolve_font(preferred_path: str | None = None) -> FontChoice:
    """The font for documents, registered once per process (cached per ``preferred_path``)."""
    with _lock:
        cached = _cache.get(preferred_path)
        if cached is None:
            cached = choose_font(preferred_path, system_candidates(), bold_candidates())
            _cache[preferred_path] = cached
        return cached
