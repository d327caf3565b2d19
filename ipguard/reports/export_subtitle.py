"""The case-list export's subtitle: which cases, under which filters, exported when.

The workbook is a Chinese report like the monthly one (its columns are
Chinese), so the subtitle is worded in Chinese by default; the wordings live
in the message registry, in both languages, never as prose in the UI.
"""

from __future__ import annotations

import datetime as dt

from ipguard import messages

messages.register({
    "case_list.all_cases": ("全部案件", "all cases"),
    "case_list.selected": ("所选 {n} 件（{filters}）", "{n} selected ({filters})"),
    "case_list.exported_at": ("{filters}（导出时间 {at}）", "{filters} (exported {at})"),
})


def subtitle(filters: str, exported_at: dt.datetime, *, selected: int | None = None,
             lang: str = messages.DEFAULT_LANGUAGE) -> str:
    """``filters`` (the active filters in words, "" for none), the selection's size if only selected cases, the time."""
    text = filters or messages.render("case_list.all_cases", {}, lang)
    if selected is not None:
        text = messages.render("case_list.selected", {"n": f"{selected:,}", "filters": text}, lang)
    return messages.render("case_list.exported_at", {"filters": text, "at": f"{exported_at:%Y-%m-%d %H:%M}"}, lang)
