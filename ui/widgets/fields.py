"""Form fields that validate as the user types.

:class:`ValidatedField` is a line edit with a status mark (✓ / ✗) beside it
and a message line below it, so an error is never shown by colour alone.
The check is any function ``text -> Verdict``; helpers build verdicts from the
core's validators (:func:`core_check`), which raise
:class:`~ipguard.errors.ValidationError` with the message to show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ipguard import clock
from ipguard.errors import IpguardError
from ipguard.money import format_wan, parse_yuan, yuan_text
from ipguard.validators import check_date
from ui.i18n import current_language, translate

OK, BAD, NEUTRAL = "ok", "bad", "neutral"
_COLOURS = {OK: "#1b7f3b", BAD: "#c62828", NEUTRAL: "#666666"}
_MARKS = {OK: "✓", BAD: "✗", NEUTRAL: ""}


@dataclass(frozen=True)
class Verdict:
    state: str  # OK / BAD / NEUTRAL
    message: str = ""


def core_check(fn: Callable[[str], object], ok_message: Callable[[object], str] | str = "") -> Callable[[str], Verdict]:
    """A check from a core validator: its ValidationError message becomes the verdict's text."""

    def check(text: str) -> Verdict:
        if not text.strip():
            return Verdict(NEUTRAL)
        try:
            value = fn(text)
        except IpguardError as exc:
            return Verdict(BAD, exc.message(current_language()))
        return Verdict(OK, ok_message(value) if callable(ok_message) else ok_message)

    return check


def length_hint(length: int, fn: Callable[[str], object], what: str) -> Callable[[str], Verdict]:
    """For fixed-length codes: count the characters while typing, check once complete."""
    full = core_check(fn, translate("Fields", "{what}有效").format(what=what))

    def check(text: str) -> Verdict:
        compact = text.strip().replace(" ", "")
        if compact and len(compact) < length:
            return Verdict(NEUTRAL, translate("Fields", "已输入 {n} 位，共 {length} 位").format(n=len(compact), length=length))
        return full(text)

    return check


def money_check(field: str, *, allow_negative: bool = False, required: bool = True) -> Callable[[str], Verdict]:
    """Amounts in yuan as typed ("1,234,567.89"); the verdict repeats the figure (and in 万元 in Chinese)."""

    def check(text: str) -> Verdict:
        if not text.strip():
            # Not shouted at while the form is still empty; a required amount is enforced on save.
            return Verdict(NEUTRAL, translate("Fields", "必填") if required else "")
        try:
            fen = parse_yuan(text, field, allow_negative=allow_negative)
        except IpguardError as exc:
            return Verdict(BAD, exc.message(current_language()))
        lang = current_language()
        return Verdict(OK, yuan_text(fen, lang) if lang == "en" else f"{yuan_text(fen)}（{format_wan(fen)}）")

    return check


class ValidatedField(QWidget):
    """A QLineEdit with a ✓/✗ mark and a message line; ``verdict()`` is the latest check."""

    verdict_changed = Signal(str)

    def __init__(self, check: Callable[[str], Verdict], parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self._check = check
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.mark = QLabel(self)
        self.mark.setFixedWidth(self.fontMetrics().horizontalAdvance("✓✓"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        small = self.message.font()
        small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
        self.message.setFont(small)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(4)
        layout.setVerticalSpacing(1)
        layout.addWidget(self.edit, 0, 0)
        layout.addWidget(self.mark, 0, 1)
        layout.addWidget(self.message, 1, 0, 1, 2)
        self.setFocusProxy(self.edit)
        self._verdict = Verdict(NEUTRAL)
        self.edit.textChanged.connect(self.revalidate)
        self.revalidate()

    def set_check(self, check: Callable[[str], Verdict]) -> None:
        self._check = check
        self.revalidate()

    def revalidate(self) -> None:
        self.show_verdict(self._check(self.edit.text()))

    def show_verdict(self, verdict: Verdict) -> None:
        """Show a verdict (also used to show a save-time error on this field)."""
        self._verdict = verdict
        colour = _COLOURS[verdict.state]
        self.mark.setText(_MARKS[verdict.state])
        self.mark.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.mark.setAccessibleName({OK: translate("Fields", "有效"), BAD: translate("Fields", "有误"), NEUTRAL: ""}[verdict.state])
        self.message.setText(verdict.message)
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setVisible(bool(verdict.message))
        border = {BAD: f"border: 1px solid {colour};", OK: "", NEUTRAL: ""}[verdict.state]
        self.edit.setStyleSheet(f"QLineEdit {{ {border} }}" if border else "")
        self.edit.setAccessibleDescription(verdict.message)
        self.verdict_changed.emit(verdict.state)

    def verdict(self) -> Verdict:
        return self._verdict

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)


NO_DATE = QDate(1900, 1, 1)  # what date() returns for an empty field (kept for QDateEdit-style callers)


class OptionalDateEdit(QWidget):
    """A date typed from the keyboard, or picked from a calendar; it may be left empty.

    A QDateEdit's sections fight typing into an empty field ("未填0150618") and
    its calendar opened at 1900. Here the text is free: ``20261201``,
    ``2026-12-01`` and ``2026/12/1`` are read by the core's
    :func:`ipguard.validators.check_date` and shown back as ISO when the field
    is left; Tab moves on like any line edit. The calendar button opens at the
    field's date, or at today (:func:`ipguard.clock.today`) when empty. A text
    that is no date is kept (``iso()`` returns it so the core refuses it naming
    the field) and marked ✗ with the reason.
    """

    dateChanged = Signal(QDate)

    def __init__(self, parent: QWidget | None = None, *, empty_text: str | None = None, value: dt.date | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        empty = translate("Fields", "未填") if empty_text is None else empty_text
        self.edit.setPlaceholderText(translate("Fields", "{empty}（如 20261201）").format(empty=empty) if empty else "20261201")
        self.edit.setMaxLength(20)
        self.button = QToolButton(self)
        self.button.setArrowType(Qt.ArrowType.DownArrow)  # drawn by the style: no font or icon file needed
        self.button.setAccessibleName(translate("Fields", "选择日期"))
        self.button.setToolTip(translate("Fields", "选择日期"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field, not to the button
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        menu = QMenu(self.button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._open_calendar)
        self.calendar.clicked.connect(lambda day: (self.setDate(day), menu.close(), self.edit.setFocus()))
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self._value: dt.date | None = None
        self.edit.textChanged.connect(self._on_text)
        self.edit.editingFinished.connect(self._normalise)
        self.set_value(value)

    # -- QDateEdit-compatible API ------------------------------------------------------

    def date(self) -> QDate:
        return QDate(self._value) if self._value else NO_DATE

    def setDate(self, day: QDate) -> None:
        self.set_value(None if not day.isValid() or day == NO_DATE else day.toPython())  # type: ignore[arg-type]

    def setCalendarPopup(self, _on: bool) -> None:
        """The calendar is always offered (kept for QDateEdit-style callers)."""

    def setDisplayFormat(self, _fmt: str) -> None:
        """Dates are always shown as yyyy-MM-dd (kept for QDateEdit-style callers)."""

    # -- values -----------------------------------------------------------------------------

    def value(self) -> dt.date | None:
        return self._value

    def set_value(self, value: dt.date | None) -> None:
        self.edit.setText(value.isoformat() if value else "")

    def set_text(self, text: str) -> None:
        """Put text as typed (a stored ISO date, or a draft's raw text)."""
        self.edit.setText(text)

    def iso(self) -> str:
        """The date as ISO, "" when empty, or the raw text when it is no date (the core names the field)."""
        return self._value.isoformat() if self._value else self.edit.text().strip()

    def is_valid(self) -> bool:
        return self._value is not None or not self.edit.text().strip()

    def _parse(self, text: str) -> dt.date | None:
        if not text.strip():
            return None
        try:
            return check_date(text, "date", required=False)
        except IpguardError:
            return None

    def _on_text(self, text: str) -> None:
        value = self._parse(text)
        bad = value is None and bool(text.strip())
        self.edit.setStyleSheet("QLineEdit { border: 1px solid #c62828; }" if bad and not self.edit.hasFocus() else "")
        self.edit.setToolTip(translate("Fields", "“{text}”不是有效日期，可输入 20261201、2026-12-01 或 2026/12/1").format(text=text)
                             if bad else "")
        if value != self._value:
            self._value = value
            self.dateChanged.emit(self.date())

    def _normalise(self) -> None:
        if self._value and self.edit.text() != self._value.isoformat():
            self.edit.setText(self._value.isoformat())
        self._on_text(self.edit.text())

    def _open_calendar(self) -> None:
        self.calendar.setSelectedDate(QDate(self._value or clock.today()))
