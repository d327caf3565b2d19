"""Drafts: unsaved form contents kept as the user types, per database and per user.

A draft lives in the user's local settings (QSettings), not in the shared
database: it is nobody else's business until it is submitted, and it must
survive a crash or a closed window. The key names the database file and the
signed-in user, so one member's draft is never offered to another::

    drafts.save(session, "intake", raw_dict)
    drafts.load(session, "intake")      # -> dict | None
    drafts.discard(session, "intake")

Values are JSON objects (strings, numbers, booleans, lists, dicts).

:class:`FormDraft` does this for a form of ordinary widgets (line edits,
validated fields, spin boxes, radio buttons, date edits): every change the
user makes is saved under the draft's name, :meth:`FormDraft.restore` puts
the values back, and changes made by the program (prefilling, resetting)
inside :meth:`FormDraft.quiet` are not taken for typing.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QDateEdit, QLineEdit, QSpinBox, QWidget

from ui.session import Session
from ui.widgets.fields import ValidatedField

log = logging.getLogger("ipguard.ui.widgets.drafts")

GROUP = "drafts"


def _key(session: Session, name: str) -> str:
    where = session.target_key
    db = hashlib.sha256(where.encode("utf-8")).hexdigest()[:16]
    return f"{GROUP}/{db}/u{session.user.id}/{name}"


def save(session: Session, name: str, data: dict[str, Any]) -> None:
    QSettings().setValue(_key(session, name), json.dumps(data, ensure_ascii=False))


def load(session: Session, name: str) -> dict[str, Any] | None:
    text = QSettings().value(_key(session, name))
    if not text:
        return None
    try:
        data = json.loads(str(text))
    except ValueError:
        log.warning("unreadable draft %s dropped", name)
        discard(session, name)
        return None
    return data if isinstance(data, dict) else None


def discard(session: Session, name: str) -> None:
    QSettings().remove(_key(session, name))


class FormDraft:
    """The named widgets of one form, kept as the draft ``name_of()`` of ``session_of()`` while the user types.

    ``name_of`` returns None while the form belongs to no case yet (nothing is saved then).
    """

    def __init__(self, session_of: Callable[[], Session], name_of: Callable[[], str | None],
                 fields: dict[str, QWidget]) -> None:  # fmt: skip
        self._session_of = session_of
        self._name_of = name_of
        self.fields = fields
        self._quiet = 0
        for widget in fields.values():
            _changed(widget).connect(self._keep)

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Changes made inside are the program's (prefill, reset, restore), not the user's: not saved."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def _keep(self, *_: object) -> None:
        name = self._name_of()
        if self._quiet or name is None:
            return
        save(self._session_of(), name, {key: _value(widget) for key, widget in self.fields.items()})

    def restore(self) -> bool:
        """Put the draft's values back into the form; False when there is none."""
        name = self._name_of()
        data = load(self._session_of(), name) if name is not None else None
        if not data:
            return False
        with self.quiet():
            for key, widget in self.fields.items():
                if key in data:
                    _set_value(widget, data[key])
        return True

    def discard(self) -> None:
        """Forget the draft (the form was submitted)."""
        name = self._name_of()
        if name is not None:
            discard(self._session_of(), name)


def _changed(widget: QWidget) -> Any:
    if isinstance(widget, ValidatedField):
        return widget.edit.textChanged
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    raise TypeError(f"no draft support for {type(widget).__name__}")


def _value(widget: QWidget) -> Any:
    if isinstance(widget, ValidatedField | QLineEdit):
        return widget.text()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QDateEdit):
        return widget.date().toString(Qt.DateFormat.ISODate)
    assert isinstance(widget, QAbstractButton)
    return widget.isChecked()


def _set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, ValidatedField | QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QDateEdit):
        day = QDate.fromString(str(value), Qt.DateFormat.ISODate)
        if day.isValid():
            widget.setDate(day)
    elif isinstance(widget, QAbstractButton) and value:
        widget.setChecked(True)  # only the chosen one of a group: unchecking an exclusive button does nothing
