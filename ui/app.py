"""Starting the desktop client: application, database, sign-in, main window.

``ipguard`` (no subcommand) calls :func:`run_app`. The steps, each one a
function tests can call on its own:

1. :func:`ensure_application` — the QApplication, organization and application
   names set before any QSettings is read;
2. :func:`ui.errors.setup_logging`, :func:`~ui.errors.enable_faulthandler`,
   :func:`~ui.errors.install_excepthook` — logs and crash reports;
3. translations (:mod:`ui.i18n`): ``--lang``, else this workstation's choice,
   else the database's ``ui.language`` setting, else Chinese;
4. :func:`open_database` — ``--db PATH``, else the database opened last, else
   the default one under the user's data directory; on a first run with none
   of these, the user chooses: the demo database, an empty one, or a file
   (:mod:`ui.database_files`). A file that cannot be opened (locked, damaged,
   newer version, network share) is explained in a dialog with the core's
   message, never a traceback;
5. :func:`sign_in` — first-admin setup on an empty database, else sign-in;
6. :class:`ui.main_window.MainWindow`.

A team server (``--db postgresql://…`` or ``service=ipguard``; File →
连接团队服务器…) joins steps 4 and 5: the sign-in dialog connects as the
user's database login, so the server itself checks the password
(:func:`sign_in_to_server`).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

# isort: split
# First: sqlite_utils without numpy, before anything imports ipguard.store (see ui/lean_imports.py).
import ui.lean_imports  # noqa: F401

# isort: split
from ipguard import __version__
from ipguard.errors import IpguardError, StoreError
from ipguard.store import Store, open_store
from ipguard.store.dialect import is_postgres_target
from ipguard.store.probe import FileKind, probe
from ipguard.store.records import UserRecord
from ui import database_files as files
from ui import errors as uierrors
from ui import i18n
from ui.i18n import translate
from ui.icons import icon
from ui.pages.settings_general import LANGUAGE_KEY
from ui.session import Session

log = logging.getLogger("ipguard.ui")

ORGANIZATION = "ipguard"
APPLICATION = "ipguard"


def ensure_application() -> QApplication:
    """The running QApplication (created if needed) with names set for QSettings."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setOrganizationDomain("ipguard.local")
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("mdi6.shield-check-outline", "#1565c0"))  # empty if unknown, never raises
    return app  # type: ignore[return-value]


def workstation_language() -> str | None:
    value = QSettings().value(LANGUAGE_KEY)
    return str(value) if value else None


def open_database(path: Path, parent: QWidget | None = None) -> Store | None:
    """Open (or create) the database; explain a failure in a dialog and return None."""
    try:
        return open_store(path)
    except StoreError as exc:
        log.warning("cannot open %s: %s", path, exc.message("en"))
        text = exc.message(i18n.current_language())
    except OSError as exc:  # e.g. the folder cannot be created
        log.warning("cannot open %s: %s", path, exc)
        text = translate("App", "无法打开数据库“{path}”：{detail}").format(path=path, detail=exc)
    uierrors.message_box(parent, QMessageBox.Icon.Critical, translate("App", "无法打开数据库"), text)
    return None


def sign_in(store: Store, parent: QWidget | None = None) -> UserRecord | None:
    """First-admin setup when the database has no users, else the sign-in dialog; None if cancelled."""
    from ui.dialogs.login import LoginDialog, SetupAdminDialog

    if store.repos.users.count() == 0:
        dialog = SetupAdminDialog(store, parent)
    else:
        # On a demo database the first account is the admin: one field less to type.
        demo = store.path is not None and probe(store.path) is FileKind.IPGUARD_DEMO
        dialog = LoginDialog(store, parent, username="admin" if demo else "")
    return dialog.user if uierrors.exec_dialog(dialog) else None


def as_target(text: str | Path) -> Path | str:
    """``--db`` or a remembered database as the app holds it: a server's connection string, else a file path."""
    return str(text) if is_postgres_target(text) else Path(text).expanduser()


def sign_in_to_server(server: str, parent: QWidget | None = None) -> tuple[Store, UserRecord] | None:
    """Connect to a team server as the user signing in (the server checks the password); None if cancelled."""
    from ui.dialogs.login import LoginDialog

    dialog = LoginDialog(None, parent, server=server)
    accepted = uierrors.exec_dialog(dialog)
    if accepted and dialog.store is not None and dialog.user is not None:
        return dialog.store, dialog.user
    if dialog.store is not None:
        dialog.store.close()
    return None


def open_and_sign_in(target: Path | str, parent: QWidget | None = None) -> tuple[Store, UserRecord] | None:
    """The store and the signed-in user for ``target`` (a file or a server); None when refused or cancelled."""
    if isinstance(target, str):
        return sign_in_to_server(target, parent)
    store = open_database(target, parent)
    if store is None:
        return None
    user = sign_in(store, parent)
    if user is None:
        store.close()
        return None
    return store, user


def choose_start_database() -> Path | str | None:
    """No ``--db``: the database opened last, else the default one, else ask (first run)."""
    recent = files.recent_databases()
    if recent:
        return recent[0]
    if files.default_db_path().exists():
        return files.default_db_path()
    choice = files.ask_first_run(None)
    if choice == files.FIRST_RUN_DEMO:
        demo = files.default_demo_path()
        if probe(demo) is FileKind.IPGUARD_DEMO:
            return demo
        return demo if files.make_demo(None, demo) else None
    if choice == files.FIRST_RUN_EMPTY:
        return files.default_db_path()
    if choice == files.FIRST_RUN_OPEN:
        return files.ask_database_to_open(None)
    return None


def start(db_path: str | None, lang: str | None, *, hooks: bool = True):
    """Everything before the event loop; returns the shown MainWindow, or None when not signed in."""
    ensure_application()
    if hooks:
        uierrors.setup_logging()
        uierrors.enable_faulthandler()
        uierrors.install_excepthook()
    chosen = lang or workstation_language()
    i18n.install_translations(chosen)
    if hooks and uierrors.previous_crash:
        uierrors.message_box(
            None,
            QMessageBox.Icon.Warning,
            translate("App", "上次运行异常退出"),
            translate("App", "ipguard 上次运行时异常退出，崩溃记录已保存在：\n{path}\n如问题反复出现，请把该文件发给系统管理员。").format(
                path=uierrors.previous_crash[0]
            ),
        )
    path = as_target(db_path) if db_path else choose_start_database()
    if path is None:
        return None
    if isinstance(path, str):  # a team server: nothing is read before the user signs in
        signed_in = sign_in_to_server(path)
        if signed_in is None:
            return None
        return _show_window(*signed_in, path)
    store = open_database(path)
    if store is None:
        return None
    if chosen is None:
        try:
            stored = store.repos.settings.get("ui.language")
        except IpguardError:
            stored = None
        if i18n.normalize(stored) != i18n.current_language():
            i18n.install_translations(stored)
    user = sign_in(store)
    if user is None:
        store.close()
        return None
    return _show_window(store, user, path)


def _show_window(store: Store, user: UserRecord, path: Path | str):
    from ui.main_window import MainWindow

    app = ensure_application()
    files.remember(path)
    session = Session(store=store, user=user, lang=i18n.current_language())
    window = MainWindow(session)
    window.database_requested.connect(lambda requested: switch_database(window, requested))
    session.signals.database_replaced.connect(lambda: reopen(window))
    app.aboutToQuit.connect(store.close)
    window.show()
    log.info("signed in as %s on %s", user.username, store.location())
    if isinstance(path, Path):  # a server is backed up by its administrator (ipguard server backup)
        from ui.backup_tasks import start_auto_backup  # today's backup, on a worker thread, once the window is up

        QTimer.singleShot(0, window, lambda: start_auto_backup(window, path))
    return window


def switch_database(window, path: Path | str):
    """File → 打开数据库 / 连接团队服务器 / 最近打开 / 新建演示数据库: sign in on ``path`` (a file or a server)
    in a new window.

    The old window stays as it is until the new database is open and signed in;
    then it closes with its store. Returns the new window, or None (old one kept).
    """
    path = as_target(path)
    if path == window.session.target or (
        isinstance(path, Path) and window.session.store.path is not None and path.resolve() == window.session.store.path.resolve()
    ):
        return window
    signed_in = open_and_sign_in(path, window)
    if signed_in is None:
        return None
    new = _show_window(*signed_in, path)
    window.close()
    window.session.store.close()
    window.deleteLater()
    return new


def reopen(window):
    """After a restore: close ``window`` and its store, then sign in again on the restored file; the new window (or None).

    Everything the old window held (the signed-in user, pages, cached rows)
    belonged to the database as it was before the restore, so none of it is
    reused. If the user cancels the new sign-in, the program ends.
    """
    session = window.session
    db_path, lang = session.target, session.lang
    qt_app = QApplication.instance()
    quit_on_close = qt_app.quitOnLastWindowClosed()
    qt_app.setQuitOnLastWindowClosed(False)  # no window is visible between the old one and the new
    try:
        window.hide()
        session.store.close()
        new = start(str(db_path), lang, hooks=False)
    finally:
        qt_app.setQuitOnLastWindowClosed(quit_on_close)
    window.close()
    window.deleteLater()
    if new is None:
        qt_app.quit()
    return new


def run_app(db_path: str | None, lang: str | None) -> int:
    """Start the desktop client and run it until the window closes; the process exit status."""
    app = ensure_application()
    window = start(db_path, lang)
    if window is None:
        shutdown(app)
        return 1
    del window  # Qt owns it from here; shutdown() deletes it in order
    code = app.exec()
    shutdown(app)
    return code


def shutdown(app: QApplication) -> None:
    """Tear down in order after the event loop returned, while Python and Qt both still exist.

    Stray order at interpreter exit (a worker thread still running, Qt objects
    deleted by Python's finaliser after the QApplication, a store closed
    from a destructor) crashed one quit in eight ("Fatal Python error:
    bool_dealloc"). Here: running tasks are cancelled and the thread pool
    drained; every window is closed and deleted, with its page timers; the
    stores of their sessions are closed; the translators removed; and
    ``QApplication.shutdown()`` destroys the application object now rather
    than during finalisation.
    """
    import gc

    from ui import tasks

    tasks.shutdown()
    stores = []
    for widget in app.topLevelWidgets():
        session = getattr(widget, "session", None)
        if session is not None:
            stores.append(session.store)
        widget.close()
        widget.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    for store in stores:
        store.close()
    tasks.release()
    i18n.remove_translations()
    gc.collect()
    if hasattr(app, "shutdown"):  # PySide6 ≥ 6.? : destroy the application object explicitly
        app.shutdown()
