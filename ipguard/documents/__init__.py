"""Printable documents (PDF, A4, Chinese): intent letter, disbursement notice,
investigation report and committee resolution.

Qt-free. Each document is described by a frozen dataclass in
:mod:`ipguard.documents.models`; :func:`render` lays it out with reportlab and
returns the PDF bytes. reportlab is imported only when a document is rendered.
"""

from __future__ import annotations

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


def render(doc: Document, letterhead: Letterhead, *, font_path: str | None = None) -> bytes:
    """Render one document to PDF bytes; the same input always gives the same bytes.

    ``font_path`` is the font configured in settings (``path`` or ``path.ttc#index``);
    without it, or when it is unusable, a system Chinese font or the built-in
    fallback is used (see :func:`ipguard.documents.fonts.resolve_font`).
    """
    from ipguard.documents.fonts import resolve_font

    font = resolve_font(font_path)
    if isinstance(doc, IntentLetter):
        from ipguard.documents.intent_letter import render_intent_letter

        return render_intent_letter(doc, letterhead, font)
    if isinstance(doc, DisbursementNotice):
        from ipguard.documents.disbursement_notice import render_disbursement_notice

        return render_disbursement_notice(doc, letterhead, font)
    if isinstance(doc, InvestigationReport):
        from ipguard.documents.investigation_report import render_investigation_report

        return render_investigation_report(doc, letterhead, font)
    if isinstance(doc, CommitteeResolution):
        from ipguard.documents.committee_resolution import render_committee_resolution

        return render_committee_resolution(doc, letterhead, font)
    raise TypeError(f"not a printable document: {type(doc).__name__}")
