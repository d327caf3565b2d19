"""Choose and register the fonts the documents are set in, and say which characters they cover.

Documents are set in TrueType fonts found on this machine at run time (never
shipped with the app): the path an admin configured, the usual Windows fonts,
common Linux ones, and whatever fontconfig (``fc-list``) reports. CFF-outline
fonts (``OTTO``) are skipped because reportlab refuses them.

Roles (:class:`FontChoice`):

- ``name`` — the general face (tables, report text): a sans/黑 or 宋 face;
- ``serif_name`` — the body of letters and notices: a 仿宋 face where one is
  installed (GB/T 9704), else a 宋/明 face, else ``name``;
- ``bold_name`` — titles: a 黑/宋 face different from the body where possible;
- ``chain`` — every registered face in fallback order, ending with faces that
  cover CJK Extensions A and B (e.g. HanaMinA/B, SimSun-ExtB).

Each character is set in the first face of the chain that has its glyph
(:func:`runs`). A character no face covers is refused before anything is
rendered (:func:`check_coverage` raises ValidationError naming it and the
field). When no TrueType font exists at all, reportlab's built-in
``STSong-Light`` CID font is used (not embedded); it then only accepts
characters of GBK, which it maps faithfully.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ipguard import messages
from ipguard.errors import ValidationError

log = logging.getLogger("ipguard.documents")

FALLBACK_CID_FONT = "STSong-Light"

messages.register(
    {
        "glyph_missing": (
            "字符“{char}”（U+{codepoint}）没有可用的字体，不能出具文书；请安装覆盖该字符的字体（如 fonts-hanazono）或在设置中配置字体",
            "no installed font has the character “{char}” (U+{codepoint}); the document cannot be issued — install a font"
            " covering it (e.g. fonts-hanazono) or configure one in the settings",
        ),
    }
)


_SUPPLEMENTARY = re.compile(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", re.MULTILINE)


def _utf16_cmap_entries(text: str) -> str:
    """ToUnicode entries for characters beyond U+FFFF written as UTF-16BE surrogate pairs (as PDF requires)."""

    def pair(m: re.Match[str]) -> str:
        value = int(m.group(2), 16) - 0x10000
        return f"{m.group(1)} <{0xD800 + (value >> 10):04X}{0xDC00 + (value & 0x3FF):04X}>"

    return _SUPPLEMENTARY.sub(pair, text)


_cmap_wrapped = False


def _install_to_unicode_fix() -> None:
    """reportlab writes a code point above U+FFFF into a font's ToUnicode map as 5 hex digits, which
    readers misread (𠀀 copies out as a space). Wrap its public ``makeToUnicodeCMap`` once so such
    characters map as surrogate pairs and extract exactly."""
    from reportlab.pdfbase import ttfonts

    global _cmap_wrapped
    if _cmap_wrapped:
        return
    original = ttfonts.makeToUnicodeCMap

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        return _utf16_cmap_entries(original(fontname, subset))

    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
    _cmap_wrapped = True


@dataclass(frozen=True)
class FontChoice:
    """The fonts registered with reportlab for the documents (see the module docstring)."""

    name: str
    path: str | None
    subfont_index: int
    embedded: bool
    bold_name: str = ""
    serif_name: str = ""
    chain: tuple[str, ...] = ()
    paths: tuple[tuple[str, str], ...] = ()  # (reportlab name, file) of every face in the chain
    fangsong: bool = False  # a real 仿宋 face sets the letters' body

    @property
    def heading_name(self) -> str:
        return self.bold_name or self.name

    @property
    def body_name(self) -> str:
        return self.serif_name or self.name

    @property
    def faces(self) -> tuple[str, ...]:
        return self.chain or (self.name,)

    def font_for(self, ch: str, preferred: str | None = None) -> str | None:
        """The first face (``preferred`` first) that has a glyph for ``ch``; None when none has."""
        if preferred and covers(preferred, ch):
            return preferred
        for face in self.faces:
            if covers(face, ch):
                return face
        return None

    def missing(self, text: str) -> list[str]:
        """The characters of ``text`` no face covers, in order, once each."""
        out: list[str] = []
        for ch in text:
            if ch not in out and self.font_for(ch) is None:
                out.append(ch)
        return out


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
# 仿宋 for the body of letters, then 宋.
WINDOWS_SERIF_FONTS: tuple[tuple[str, int], ...] = (("simfang.ttf", 0), ("simsun.ttc", 0))
# Heavier face for titles, used only beside a different body font.
WINDOWS_BOLD_FONTS: tuple[tuple[str, int], ...] = (("simhei.ttf", 0), ("msyhbd.ttc", 0))
# CJK Extension A/B.
WINDOWS_EXTENSION_FONTS: tuple[tuple[str, int], ...] = (("simsunb.ttf", 0), ("mingliub.ttc", 0))

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
LINUX_SERIF_FONTS: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/arphic-uming/uming.ttc", 0),
)
LINUX_BOLD_FONTS: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
)
LINUX_EXTENSION_FONTS: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", 0),
    ("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf", 0),
)
# fontconfig patterns asked for more faces of each role (TrueType only is kept).
FC_SERIF = (":family=FangSong", ":family=仿宋", ":family=SimSun", ":family=AR PL UMing CN")
FC_EXTENSION = (":charset=3400", ":charset=20000")


def fontconfig_files(pattern: str) -> list[tuple[str, int]]:
    """TrueType files (and sub-font index) fontconfig matches for ``pattern``; [] without fontconfig."""
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        out = subprocess.run([exe, "--format", "%{file}|%{index}\n", pattern], capture_output=True, text=True,
                             timeout=10, check=False).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return []
    found: list[tuple[str, int]] = []
    for line in sorted(set(out.splitlines())):
        path, _, index = line.partition("|")
        if path.lower().endswith((".ttf", ".ttc")) and (index in ("", "0")):
            found.append((os.path.realpath(path), 0))
    return found


def system_candidates() -> list[tuple[str, int]]:
    """General font candidates on this machine, Windows first, then Linux."""
    found: list[tuple[str, int]] = []
    for directory in _windows_font_dirs():
        found.extend((str(directory / name), index) for name, index in WINDOWS_FONTS)
    found.extend(LINUX_FONTS)
    return found


def serif_candidates() -> list[tuple[str, int]]:
    """仿宋, then 宋/明 faces for the body of letters."""
    found: list[tuple[str, int]] = []
    for directory in _windows_font_dirs():
        found.extend((str(directory / name), index) for name, index in WINDOWS_SERIF_FONTS)
    found.extend(LINUX_SERIF_FONTS)
    for pattern in FC_SERIF:
        found.extend(fontconfig_files(pattern))
    return found


def bold_candidates() -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for directory in _windows_font_dirs():
        found.extend((str(directory / name), index) for name, index in WINDOWS_BOLD_FONTS)
    found.extend(LINUX_BOLD_FONTS)
    return found


def extension_candidates() -> list[tuple[str, int]]:
    """Faces covering CJK Extensions A and B."""
    found: list[tuple[str, int]] = []
    for directory in _windows_font_dirs():
        found.extend((str(directory / name), index) for name, index in WINDOWS_EXTENSION_FONTS)
    found.extend(LINUX_EXTENSION_FONTS)
    for pattern in FC_EXTENSION:
        found.extend(fontconfig_files(pattern))
    return found


_lock = threading.Lock()
_cache: dict[str | None, FontChoice] = {}


def clear_cache() -> None:
    """Forget earlier choices (tests). Registered fonts stay registered."""
    with _lock:
        _cache.clear()


def is_cff(path: str | os.PathLike[str], index: int = 0) -> bool:
    """True when the face is OpenType with CFF outlines (reportlab refuses those), in a collection too."""
    with open(path, "rb") as fh:
        head = fh.read(12)
        if head[:4] != b"ttcf":
            return head[:4] == b"OTTO"
        count = int.from_bytes(head[8:12], "big")
        if not 0 <= index < count:
            return False
        fh.seek(12 + 4 * index)
        fh.seek(int.from_bytes(fh.read(4), "big"))
        return fh.read(4) == b"OTTO"


def is_fangsong(path: str) -> bool:
    name = Path(path).name.lower()
    return "fang" in name or "仿宋" in name


def _font_name(path: str, index: int) -> str:
    stem = re.sub(r"[^A-Za-z0-9]+", "-", Path(path).stem).strip("-") or "font"
    return f"IPG-{stem}-{index}"


def _try_register(path: str, index: int) -> str | None:
    """Register one TrueType face; return its reportlab name, or None when unusable."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    _install_to_unicode_fix()
    try:
        if not os.path.isfile(path):
            return None
        if is_cff(path, index):
            log.debug("documents font skipped (CFF outlines, not supported by reportlab): %s", path)
            return None
        name = _font_name(path, index)
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
        return name
    except Exception as exc:  # a broken or unsupported file: try the next one
        log.warning("documents font skipped (%s): %s", exc, path)
        return None


def _usable(candidates: Iterable[tuple[str, int]]) -> Iterator[tuple[str, str, int]]:
    seen: set[tuple[str, int]] = set()
    for path, index in candidates:
        key = (os.path.normcase(os.path.realpath(path)), index)
        if key in seen:
            continue
        seen.add(key)
        name = _try_register(path, index)
        if name:
            yield name, path, index


def _first_usable(candidates: Iterable[tuple[str, int]]) -> tuple[str, str, int] | None:
    return next(_usable(candidates), None)


def _register_cid_fallback() -> FontChoice:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FALLBACK_CID_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
    return FontChoice(FALLBACK_CID_FONT, None, 0, False, FALLBACK_CID_FONT, FALLBACK_CID_FONT, (FALLBACK_CID_FONT,))


@lru_cache(maxsize=64)
def _cmap(name: str) -> frozenset[int] | None:
    """Code points a registered TrueType face maps to a glyph (None: not a TrueType face)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = pdfmetrics.getFont(name)
    if not isinstance(font, TTFont):
        return None
    return frozenset(code for code, glyph in font.face.charToGlyph.items() if glyph)


def covers(name: str, ch: str) -> bool:
    """Whether the registered face ``name`` prints ``ch`` as itself."""
    if ch in "\n\r\t":
        return True
    cmap = _cmap(name)
    if cmap is None:  # the CID fallback: only what GBK encodes maps faithfully
        try:
            ch.encode("gbk")
        except UnicodeEncodeError:
            return False
        return True
    return ord(ch) in cmap or ch == " "


def runs(text: str, font: FontChoice, preferred: str) -> list[tuple[str, str]]:
    """``text`` cut into (face, text) runs: each character in the first face that has it.

    A character no face has stays in ``preferred`` (it was refused before rendering).
    """
    out: list[tuple[str, str]] = []
    for ch in text:
        face = font.font_for(ch, preferred) or preferred
        if out and out[-1][0] == face:
            out[-1] = (face, out[-1][1] + ch)
        else:
            out.append((face, ch))
    return out


def choose_font(
    preferred_path: str | None,
    candidates: Sequence[tuple[str, int]],
    bold: Sequence[tuple[str, int]] = (),
    serif: Sequence[tuple[str, int]] = (),
    extension: Sequence[tuple[str, int]] = (),
) -> FontChoice:
    """Register the fonts: ``preferred_path``, then ``candidates``, then the CID fallback.

    ``preferred_path`` may carry a sub-font index as ``path.ttc#1``; it becomes the
    general face and is tried first for every role. Not cached.
    """
    first: list[tuple[str, int]] = []
    if preferred_path:
        preferred, _, face_index = str(preferred_path).partition("#")
        first.append((preferred, int(face_index) if face_index.isdigit() else 0))
        if not os.path.isfile(preferred):
            log.warning("documents font from settings not found: %s", preferred)
    general = list(_usable([*first, *candidates]))
    if not general:
        choice = _register_cid_fallback()
        log.warning("no TrueType Chinese font found; using %s (not embedded)", FALLBACK_CID_FONT)
        return choice
    name, path, index = general[0]
    serif_faces = list(_usable([*first, *serif]))
    serif_hit = serif_faces[0] if serif_faces else general[0]
    bold_hit = _first_usable(c for c in bold if os.path.normcase(c[0]) != os.path.normcase(serif_hit[1]))
    ext_faces = list(_usable(extension))
    chain: list[tuple[str, str]] = []
    for face_name, face_path, _i in [*general, *serif_faces, *([bold_hit] if bold_hit else []), *ext_faces]:
        if face_name not in (n for n, _p in chain) and face_path not in (p for _n, p in chain):
            chain.append((face_name, face_path))
    choice = FontChoice(
        name, path, index, True, bold_hit[0] if bold_hit else name, serif_hit[0],
        tuple(n for n, _p in chain), tuple(chain), is_fangsong(serif_hit[1]),
    )  # fmt: skip
    log.info("documents fonts: %s (index %d), body %s, headings %s, fallback chain %s", path, index, serif_hit[1],
             choice.bold_name, ", ".join(p for _n, p in chain))  # fmt: skip
    return choice


def resolve_font(preferred_path: str | None = None) -> FontChoice:
    """The fonts for documents, registered once per process (cached per ``preferred_path``)."""
    with _lock:
        cached = _cache.get(preferred_path)
        if cached is None:
            cached = choose_font(preferred_path, system_candidates(), bold_candidates(), serif_candidates(),
                                 extension_candidates())  # fmt: skip
            _cache[preferred_path] = cached
        return cached


# ---------------------------------------------------------------- coverage


def check_coverage(font: FontChoice, fields: Iterable[tuple[str, str]]) -> None:
    """Refuse (ValidationError on the field) the first character no configured face covers."""
    for name, text in fields:
        missing = font.missing(text)
        if missing:
            ch = missing[0]
            raise ValidationError(name, "glyph_missing", char=ch, codepoint=f"{ord(ch):04X}")


@dataclass(frozen=True)
class CoverageRow:
    """One block of characters and how much of it the configured fonts cover (the admin's view)."""

    block: str
    first: int
    last: int
    covered: int
    total: int
    faces: tuple[str, ...] = field(default=())


COVERAGE_BLOCKS: tuple[tuple[str, int, int], ...] = (
    ("基本汉字 CJK Unified Ideographs", 0x4E00, 0x9FFF),
    ("扩展A CJK Extension A", 0x3400, 0x4DBF),
    ("扩展B CJK Extension B", 0x20000, 0x2A6DF),
    ("中文标点 CJK Symbols and Punctuation", 0x3000, 0x303F),
    ("全角字符 Fullwidth Forms", 0xFF00, 0xFFEF),
)


@dataclass(frozen=True)
class FontReport:
    """What the documents are set in on this machine, for the settings page."""

    faces: tuple[tuple[str, str], ...]  # (role, file)
    embedded: bool
    fangsong: bool
    blocks: tuple[CoverageRow, ...]


def coverage_report(preferred_path: str | None = None) -> FontReport:
    """The faces in use and per Unicode block how many characters they cover."""
    font = resolve_font(preferred_path)
    paths = dict(font.paths)
    roles = [("通用 general", font.name), ("正文 body", font.body_name), ("标题 title", font.heading_name)]
    faces = [(role, paths.get(name, name)) for role, name in roles]
    faces += [("后备 fallback", p) for n, p in font.paths if n not in (font.name, font.body_name, font.heading_name)]
    rows = []
    for label, first, last in COVERAGE_BLOCKS:
        used: list[str] = []
        covered = 0
        for code in range(first, last + 1):
            face = font.font_for(chr(code))
            if face:
                covered += 1
                if face not in used:
                    used.append(face)
        rows.append(CoverageRow(label, first, last, covered, last - first + 1,
                                tuple(Path(paths.get(n, n)).name for n in used)))  # fmt: skip
    return FontReport(tuple(faces), font.embedded, font.fangsong, tuple(rows))
