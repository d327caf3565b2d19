"""intent_letter_s: render one intent letter (the sample) to PDF, font already registered.

The warm-up render imports reportlab and registers the Chinese font; the
measured renders are what a user waits for on the second letter onwards.
"""

from __future__ import annotations

from benchmarks._util import median_time


def measure(repeat: int) -> tuple[dict[str, float], dict[str, object]]:
    from ipguard.documents import render, samples
    from ipguard.documents.fonts import resolve_font

    letter, letterhead = samples.intent_letter(), samples.LETTERHEAD
    size = len(render(letter, letterhead))
    figure = median_time(lambda: render(letter, letterhead), repeat, warmup=2)
    font = resolve_font(None)
    return {"intent_letter_s": figure}, {"intent_letter_pdf_bytes": size, "font": str(getattr(font, "name", font))}
