"""Printable documents (PDF, A4, Chinese): intent letter, disbursement notice,
investigation report and committee resolution.

Qt-free. Each document is described by a frozen dataclass in
:mod:`ipguard.documents.models`; :func:`render` lays it out with reportlab and
returns the PDF bytes. reportlab is imported only when a document is rendered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipguard.documents.models import (
    AmountLine,
    CommitteeResolution,
    CriterionLine,
    DisbursementNotice,
    IntentLetter,
    InvestigationReport,
    Letterhead,
    PledgedAssetLine,
    VoteLine,
)

if TYPE_CHECKING:
    from ipguard.documents.fonts import FontChoice

Document = IntentLetter | DisbursementNotice | InvestigationReport | CommitteeResolution

__all__ = [
    "AmountLine",
    "CommitteeResolution",
    "CriterionLine",
    "DisbursementNotice",
    "Document",
    "IntentLetter",
    "InvestigationReport",
    "Letterhead",
    "PledgedAssetLine",
    "VoteLine",
    "render",
]


def render(doc: Document, letterhead: Letterhead, *, font_path: str | None = None, audit_mark: str = "") -> bytes:
    """Render one document to PDF bytes; the same input always gives the same bytes.

    ``font_path`` is the font configured in settings (``path`` or ``path.ttc#index``);
    without it, or when it is unusable, a system Chinese font or the built-in
    fallback is used (see :func:`ipguard.documents.fonts.resolve_font`). ``audit_mark``
    (``ipguard-audit:COUNT:HASH``, :func:`ipguard.anchors.mark`) goes into /Keywords and
    the footer. Raises ValidationError naming the field when no configured font
    has a glyph for one of the document's characters.
    """
    from ipguard.documents.cjkwrap import ACTIVE_FONT
    from ipguard.documents.fonts import check_coverage, resolve_font

    font = resolve_font(font_path)
    check_coverage(font, text_fields(doc, letterhead))
    token = ACTIVE_FONT.set(font)
    try:
        return _render(doc, letterhead, font, audit_mark)
    finally:
        ACTIVE_FONT.reset(token)


def text_fields(doc: Document, letterhead: Letterhead) -> list[tuple[str, str]]:
    """Every text the document prints from data, as (field path, text): ``borrower_name``, ``assets[2].owner``."""
    import dataclasses

    out: list[tuple[str, str]] = []

    def walk(value: object, path: str) -> None:
        if isinstance(value, str):
            out.append((path, value))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
        elif isinstance(value, tuple | list):
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]")

    walk(letterhead, "letterhead")
    walk(doc, "")
    return out


def _render(doc: Document, letterhead: Letterhead, font: FontChoice, audit_mark: str) -> bytes:
    if isinstance(doc, IntentLetter):
        from ipguard.documents.intent_letter import render_intent_letter

        return render_intent_letter(doc, letterhead, font, audit_mark)
    if isinstance(doc, DisbursementNotice):
        from ipguard.documents.disbursement_notice import render_disbursement_notice

        return render_disbursement_notice(doc, letterhead, font, audit_mark)
    if isinstance(doc, InvestigationReport):
        from ipguard.documents.investigation_report import render_investigation_report

        return render_investigation_report(doc, letterhead, font, audit_mark)
    if isinstance(doc, CommitteeResolution):
        from ipguard.documents.committee_resolution import render_committee_resolution

        return render_committee_resolution(doc, letterhead, font, audit_mark)
    raise TypeError(f"not a printable document: {type(doc).__name__}")
