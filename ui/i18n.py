"""Interface language: Chinese source strings, English through Qt's translator.

The approach (see ``docs/translations.md``):

* Every user-visible string in ``ui/`` is written **in Simplified Chinese**
  inside ``translate("<Context>", "中文")`` (this module's :func:`translate`,
  a thin wrapper of ``QCoreApplication.translate``). Chinese is the default
  interface, so it needs no ``.qm`` file at all.
* English lives in ``resources/i18n/ipguard_en.ts`` (sources extracted by
  ``pyside6-lupdate``) and its compiled ``ipguard_en.qm``, both committed and
  rebuilt by ``scripts/build_translations.py``.
* Qt's own ``qtbase_zh_CN.qm`` is loaded for Chinese so standard buttons read
  确定/取消.
* Write the context and the text as string literals (``lupdate`` reads the
  call); do not call a helper named ``tr`` with two arguments (``lupdate``
  would take the second one as a disambiguation comment). For strings in
  tables defined at import time, mark them with ``QT_TRANSLATE_NOOP(ctx, s)``
  and translate when shown.
* Switching language at run time (:func:`switch_language`) reinstalls the
  translators; Qt then sends ``QEvent.LanguageChange`` to every widget, and
  widgets that show translated text rebuild it in ``changeEvent`` (the main
  window relabels its navigation, actions and pages that offer
  ``retranslate()``).

Messages of the core (:class:`ipguard.errors.IpguardError`) are not Qt
strings: they carry both languages and are rendered with
``exc.message(current_language())``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ipguard.data_files import resource_path

log = logging.getLogger("ipguard.ui.i18n")

LANGUAGES: dict[str, str] = {"zh": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh"
I18N_DIR = resource_path("i18n")

# Role names as shown in the interface (translated here; the core also has Role.label_en).
ROLE_NAMES: dict[str, str] = {
    "account_manager": QT_TRANSLATE_NOOP("Roles", "客户经理(A角)"),
    "risk_manager": QT_TRANSLATE_NOOP("Roles", "风控经理(B角)"),
    "committee_member": QT_TRANSLATE_NOOP("Roles", "保审会委员"),
    "operations": QT_TRANSLATE_NOOP("Roles", "业务运营/法务"),
    "admin": QT_TRANSLATE_NOOP("Roles", "管理员"),
}

# Legal status of an IP asset (the core's LegalStatus.label is Chinese only).
LEGAL_STATUS_NAMES: dict[str, str] = {
    "valid": QT_TRANSLATE_NOOP("LegalStatus", "有效"),
    "pending": QT_TRANSLATE_NOOP("LegalStatus", "审查中"),
    "fee_unpaid": QT_TRANSLATE_NOOP("LegalStatus", "欠缴年费"),
    "lapsed": QT_TRANSLATE_NOOP("LegalStatus", "已失效"),
    "invalidated": QT_TRANSLATE_NOOP("LegalStatus", "已宣告无效"),
}

# Committee votes (ipguard.workflow.committee.VOTES) as shown in the interface.
VOTE_NAMES: dict[str, str] = {
    "approve": QT_TRANSLATE_NOOP("Votes", "同意"),
    "approve_with_conditions": QT_TRANSLATE_NOOP("Votes", "有条件同意"),
    "decline": QT_TRANSLATE_NOOP("Votes", "不同意"),
}

# Materials-checklist item states.
CHECKLIST_STATUS_NAMES: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("Checklist", "已收"),
    "missing": QT_TRANSLATE_NOOP("Checklist", "缺失"),
    "pending": QT_TRANSLATE_NOOP("Checklist", "待收"),
}

_state: dict[str, object] = {"lang": DEFAULT_LANGUAGE, "translators": []}


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate ``text`` (Chinese source) in ``context`` into the interface language."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def role_label(role: str) -> str:
    """The translated name of a role (``Role`` member or its value)."""
    value = str(getattr(role, "value", role))
    return QCoreApplication.translate("Roles", ROLE_NAMES.get(value, value))


def stage_label(stage: object) -> str:
    """A case stage's name in the interface language (the core's ``Stage`` has both)."""
    return str(getattr(stage, "label_en" if current_language() == "en" else "label", stage))


def ip_type_label(ip_type: object) -> str:
    """An IP type's name (``IpType`` member or value) in the interface language."""
    from ipguard.domain import IpType

    try:
        member = IpType(str(getattr(ip_type, "value", ip_type)))
    except ValueError:
        return str(ip_type)
    return member.label_en if current_language() == "en" else member.label


def legal_status_label(status: object) -> str:
    """An IP asset's legal status (``LegalStatus`` member or value) in the interface language."""
    value = str(getattr(status, "value", status))
    return QCoreApplication.translate("LegalStatus", LEGAL_STATUS_NAMES.get(value, value))


def vote_label(vote: str) -> str:
    """A committee vote (``approve`` …) in the interface language."""
    return QCoreApplication.translate("Votes", VOTE_NAMES.get(vote, vote))


def checklist_status_label(status: str) -> str:
    """A checklist item's state (``received`` / ``missing`` / ``pending``) in the interface language."""
    return QCoreApplication.translate("Checklist", CHECKLIST_STATUS_NAMES.get(status, status))


def colon() -> str:
    """The colon after a caption: full-width in Chinese, ": " in English (no full-width marks in English)."""
    return ": " if current_language() == "en" else "："


def current_language() -> str:
    """``"zh"`` or ``"en"``: the language translators are installed for."""
    return str(_state["lang"])


def normalize(lang: str | None) -> str:
    """A known language code for ``lang`` (``zh_CN``, ``en-US`` …), default Chinese."""
    text = (lang or "").strip().lower().replace("-", "_")
    if text.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def app_qm_path(lang: str) -> Path:
    return I18N_DIR / f"ipguard_{lang}.qm"


def install_translations(lang: str | None) -> str:
    """Install the translators for ``lang`` on the running application; returns the language used.

    Chinese: Qt's ``qtbase_zh_CN.qm`` (standard dialogs and buttons).
    English: the app's ``ipguard_en.qm`` (Qt's own strings are English already).
    A missing file is logged, never fatal: the interface stays in Chinese.
    """
    app = QCoreApplication.instance()
    lang = normalize(lang)
    if lang == _state["lang"] and _state["translators"]:
        return lang  # already installed: no LanguageChange storm
    for old in list(_state["translators"]):  # type: ignore[arg-type]
        if app is not None:
            app.removeTranslator(old)
    translators: list[QTranslator] = []
    if lang == "zh":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", qt_dir):
            translators.append(qt)
        else:
            log.warning("Qt's qtbase_zh_CN.qm not found in %s", qt_dir)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        own = QTranslator(app)
        if own.load(str(app_qm_path(lang))):
            translators.append(own)
        else:
            log.warning("translation %s not found; the interface stays in Chinese", app_qm_path(lang))
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if app is not None:
        for translator in translators:
            app.installTranslator(translator)
    _state["translators"] = translators
    _state["lang"] = lang
    return lang


def remove_translations() -> None:
    """Uninstall the translators (at exit, before the application object goes)."""
    app = QCoreApplication.instance()
    for old in list(_state["translators"]):  # type: ignore[arg-type]
        if app is not None:
            app.removeTranslator(old)
    _state["translators"] = []


def switch_language(lang: str) -> str:
    """Change the interface language at run time (widgets receive LanguageChange)."""
    return install_translations(lang)
