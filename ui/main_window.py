"""The main window: navigation, pages, shortcuts, status bar, remembered layout.

Pages plug in through a small registry::

    window.add_page("cases", QT_TRANSLATE_NOOP("Nav", "案件"), "mdi6.briefcase-outline", CaseListPage(session))
    window.add_page("reports", QT_TRANSLATE_NOOP("Nav", "报表"), "mdi6.chart-box-outline", lambda: ReportsPage(session))
    window.show_page("cases")

``title`` is a Chinese source string of the ``Nav`` translation context
(shown translated); ``icon`` is a qtawesome name (see :mod:`ui.icons`). The
page is a widget or a factory returning one: a factory runs when the page is
first shown or asked for with :meth:`~MainWindow.page` (start-up builds only
the page it shows; the default pages, listed in :mod:`ui.pages.registry`,
are all factories). ``page_created``
is emitted for each page widget, and :meth:`~MainWindow.built_pages` lists
those already made. Adding a key again replaces that page in place. A page
may offer these optional methods, which the window calls when present (on
pages already built; a page built later starts current):

* ``refresh()`` — F5, and after a user switch;
* ``retranslate()`` — after the interface language changed. A page built
  from a factory that does not offer it is rebuilt instead (the one shown at
  once, the others when next shown), keeping what ``save_state()`` returned
  and handing it to the new page's ``restore_state(state)`` when offered;
* ``on_user_changed()`` — after "switch user" (else ``refresh()``);
* ``new_case()`` (cases page) — Ctrl+N, besides the ``new_case_requested`` signal;
* ``focus_search()`` (cases page) — Ctrl+F.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ipguard.store.records import UserRecord
from ui import database_files as files
from ui import errors as uierrors
from ui.help_menu import install_help_menu
from ui.i18n import role_label, translate
from ui.icons import icon
from ui.pages.my_work import install_my_work
from ui.pages.registry import PageFactory as PageFactory  # re-exported
from ui.pages.registry import default_pages as standard_pages
from ui.session import Session
from ui.tasks import install_busy_indicator
from ui.workspace import desk

log = logging.getLogger("ipguard.ui")

SETTINGS_GROUP = "main_window"
NAV_ROLE = Qt.ItemDataRole.UserRole


def clamp_to_screen(widget: QWidget) -> None:
    """Move and shrink ``widget`` so it lies on an available screen (a monitor may be gone)."""
    frame = widget.frameGeometry()
    screen = QGuiApplication.screenAt(frame.center()) or QGuiApplication.primaryScreen()
    if screen is None:
        return
    avail = screen.availableGeometry()
    # The frame (title bar, borders) counts: the whole window, status bar included, must be on the screen.
    extra_w, extra_h = frame.width() - widget.width(), frame.height() - widget.height()
    width = max(min(widget.width(), avail.width() - extra_w), widget.minimumWidth())
    height = max(min(widget.height(), avail.height() - extra_h), widget.minimumHeight())
    x = min(max(frame.x(), avail.x()), avail.x() + avail.width() - width - extra_w)
    y = min(max(frame.y(), avail.y()), avail.y() + avail.height() - height - extra_h)
    widget.resize(width, height)
    widget.move(x, y)


class PageStack(QStackedWidget):
    """A QStackedWidget whose pages scroll: each page is held in a resizable QScrollArea.

    A plain stack is as large as its largest page's minimum, so one wide page (the dashboard in
    English) or one tall page (the settings) pushed the window past a 1366×768 screen; here such a
    page scrolls instead. The Python-side API (``addWidget``, ``insertWidget``, ``removeWidget``,
    ``indexOf``, ``widget``, ``currentWidget``, ``setCurrentWidget``) speaks of the pages themselves.
    """

    @staticmethod
    def _wrap(page: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setObjectName(f"pageScroll_{page.objectName() or type(page).__name__}")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(page)
        return area

    def _area(self, page: QWidget) -> QWidget | None:
        for i in range(self.count()):
            area = super().widget(i)
            if area is page or (isinstance(area, QScrollArea) and area.widget() is page):
                return area
        return None

    @staticmethod
    def _page(area: QWidget | None) -> QWidget | None:
        return area.widget() if isinstance(area, QScrollArea) else area

    def addWidget(self, page: QWidget) -> int:  # type: ignore[override]
        return super().addWidget(self._wrap(page))

    def insertWidget(self, index: int, page: QWidget) -> int:  # type: ignore[override]
        return super().insertWidget(index, self._wrap(page))

    def removeWidget(self, page: QWidget) -> None:  # type: ignore[override]
        area = self._area(page)
        if area is None:
            return
        super().removeWidget(area)
        if isinstance(area, QScrollArea):
            area.takeWidget()  # the page goes back to the caller, the scroll area goes
            area.deleteLater()

    def indexOf(self, page: QWidget) -> int:  # type: ignore[override]
        area = self._area(page)
        return super().indexOf(area) if area is not None else -1

    def widget(self, index: int) -> QWidget | None:  # type: ignore[override]
        return self._page(super().widget(index))

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]
        return self._page(super().currentWidget())

    def setCurrentWidget(self, page: QWidget) -> None:  # type: ignore[override]
        area = self._area(page)
        if area is not None:
            super().setCurrentWidget(area)


class MainWindow(QMainWindow):
    """The application window for one signed-in :class:`~ui.session.Session`."""

    new_case_requested = Signal()
    # File → 打开数据库… / 最近打开 / 新建演示数据库: the app opens the path in a new window.
    database_requested = Signal(object)  # Path
    page_changed = Signal(str)
    page_created = Signal(str, object)  # key, the page widget just made (or added)

    def __init__(self, session: Session, *, default_pages: bool = True) -> None:
        super().__init__()
        self.session = session
        self._pages: dict[str, tuple[str, QWidget]] = {}  # key -> (title, widget or placeholder)
        self._factories: dict[str, PageFactory] = {}  # pages not built yet
        self._makers: dict[str, PageFactory] = {}  # every page's factory, to rebuild it in another language
        self._saved_state: dict[str, object] = {}  # key -> state to restore into the page when it is rebuilt
        self._badges: dict[str, str] = {}  # key -> text after the navigation title, e.g. "（3）"
        self._starting = True  # no page is built until the start page is known
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(self.nav.iconSize() * 1.4)
        self.nav.setMinimumWidth(120)
        self.nav.setMaximumWidth(260)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 14px; } QListWidget#navigation::item { padding: 8px 6px; }")
        self.stack = PageStack()  # pages scroll rather than grow the window past the screen
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([150, 1000])
        self.setCentralWidget(self.splitter)
        self.nav.currentRowChanged.connect(self._on_nav_row)
        self._build_actions()
        install_help_menu(self)  # 帮助: shortcuts (F1) and version
        self._build_status_bar()
        session.signals.user_changed.connect(self._on_user_changed)
        session.signals.session_ended.connect(self.on_session_ended)
        self._signing_in_again = False
        session.signals.language_changed.connect(lambda _lang: self.retranslate_all(rebuild=True))
        if default_pages:
            for key, title, icon_name, widget in standard_pages(session):
                self.add_page(key, title, icon_name, widget)
            self.case_desk = self._install_case_desk()  # the case workspace opens from any page's case_opened signal

            install_my_work(self)  # the 待办 count in the navigation, recent cases
        self.retranslate()
        self.restore_layout()
        self._starting = False
        self._on_nav_row(self.nav.currentRow())  # build and show the start page

    def _install_case_desk(self) -> desk.CaseDeskPage:
        """Add the case page and open cases from every page's ``case_opened``."""
        page = desk.CaseDeskPage(self.session)
        self.add_page(desk.PAGE_KEY, desk.PAGE_TITLE, "mdi6.folder-open-outline", page)
        self.set_page_hidden(desk.PAGE_KEY, True)

        def open_case(case_id: int) -> None:
            page.open_case(case_id)
            self.set_page_hidden(desk.PAGE_KEY, False)
            self.show_page(desk.PAGE_KEY)

        def back() -> None:
            if self.page("cases") is not None:
                self.show_page("cases")
            if not page.workspaces():
                self.set_page_hidden(desk.PAGE_KEY, True)

        def connect_page(_key: str, widget: QWidget) -> None:
            signal = getattr(widget, "case_opened", None)
            if signal is not None:
                signal.connect(open_case)

        for key, widget in self.built_pages():  # pages not built yet connect when they are (page_created)
            connect_page(key, widget)
        self.page_created.connect(connect_page)
        page.back_requested.connect(back)
        return page

    # -- page registry -------------------------------------------------------------

    def add_page(self, key: str, title: str, icon_name: str, widget: QWidget | PageFactory) -> None:
        """Add a page (or replace the page registered under ``key``) with its navigation entry.

        ``widget`` is the page, or a factory called when the page is first shown or asked for.
        """
        factory = None if isinstance(widget, QWidget) else widget
        if factory is not None:
            widget = QWidget()  # placeholder in the stack until the page is built
            widget.setObjectName(f"pagePlaceholder_{key}")
        if key in self._pages:
            old = self._pages[key][1]
            index = self.stack.indexOf(old)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            item = self._nav_item(key)
        else:
            self.stack.addWidget(widget)
            item = QListWidgetItem()
            item.setData(NAV_ROLE, key)
            self.nav.addItem(item)
        item.setIcon(icon(icon_name))
        item.setText(translate("Nav", title))
        item.setToolTip(translate("Nav", title))
        self._pages[key] = (title, widget)
        self._saved_state.pop(key, None)
        if factory is not None:
            self._factories[key] = factory
            self._makers[key] = factory
        else:
            self._factories.pop(key, None)
            self._makers.pop(key, None)
            self.page_created.emit(key, widget)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def page(self, key: str) -> QWidget | None:
        """The page registered under ``key`` (built now if it was not yet), or None."""
        return self._build(key) if key in self._pages else None

    def built_pages(self) -> list[tuple[str, QWidget]]:
        """(key, widget) of the pages already built, in navigation order."""
        return [(key, self._pages[key][1]) for key in self.page_keys() if key not in self._factories]

    def _built(self, key: str | None) -> QWidget | None:
        if key is None or key not in self._pages or key in self._factories:
            return None
        return self._pages[key][1]

    def _build(self, key: str) -> QWidget:
        title, current = self._pages[key]
        factory = self._factories.pop(key, None)
        if factory is None:
            return current
        widget = factory()
        state = self._saved_state.pop(key, None)
        restore = getattr(widget, "restore_state", None)
        if state is not None and callable(restore):
            try:
                restore(state)
            except Exception:  # a state that no longer fits must not lose the page
                log.exception("page %s: state not restored", key)
        index = self.stack.indexOf(current)
        shown = self.stack.currentWidget() is current
        self.stack.insertWidget(index, widget)
        if shown:
            self.stack.setCurrentWidget(widget)
        self.stack.removeWidget(current)
        current.deleteLater()
        self._pages[key] = (title, widget)
        log.debug("page %s built", key)
        self.page_created.emit(key, widget)
        return widget

    def page_keys(self) -> list[str]:
        """Keys in navigation order."""
        return [self.nav.item(i).data(NAV_ROLE) for i in range(self.nav.count())]

    def current_key(self) -> str | None:
        item = self.nav.currentItem()
        return item.data(NAV_ROLE) if item else None

    def show_page(self, key: str) -> QWidget:
        """Switch to the page registered under ``key``; returns it."""
        item = self._nav_item(key)
        self.nav.setCurrentItem(item)
        return self._build(key)

    def set_nav_badge(self, key: str, text: str) -> None:
        """Text shown after a page's navigation title (the 待办 count); "" removes it."""
        self._badges[key] = text
        item = self._nav_item(key)
        item.setText(translate("Nav", self._pages[key][0]) + text)
        item.setToolTip(item.text())
        # A longer entry widens the navigation (up to its maximum) rather than being cut off.
        needed = min(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8, self.nav.maximumWidth())
        sizes = self.splitter.sizes()
        if sizes and sizes[0] < needed:
            self.splitter.setSizes([needed, max(sizes[1] - (needed - sizes[0]), 0), *sizes[2:]])

    def set_page_hidden(self, key: str, hidden: bool) -> None:
        """Hide or show a page's navigation entry (the case page has none while no case is open)."""
        self._nav_item(key).setHidden(hidden)

    def nav_text(self, key: str) -> str:
        """The navigation entry's text as shown (title and badge)."""
        return self._nav_item(key).text()

    def _nav_item(self, key: str) -> QListWidgetItem:
        for i in range(self.nav.count()):
            if self.nav.item(i).data(NAV_ROLE) == key:
                return self.nav.item(i)
        raise KeyError(key)

    def _on_nav_row(self, row: int) -> None:
        if row < 0 or self._starting:
            return
        key = self.nav.item(row).data(NAV_ROLE)
        self.stack.setCurrentWidget(self._build(key))
        self.page_changed.emit(key)

    def _call_page(self, key: str | None, method: str) -> bool:
        """Call ``method`` on a page already built (one built later starts current)."""
        widget = self._built(key)
        func = getattr(widget, method, None)
        if callable(func):
            func()
            return True
        return False

    # -- actions and shortcuts ------------------------------------------------------

    def _action(self, icon_name: str, shortcut: QKeySequence | str | None, slot) -> QAction:
        action = QAction(icon(icon_name) if icon_name else QIcon(), "", self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.page_actions = [
            self._action("", f"Ctrl+{n}", lambda _=False, i=n - 1: self._show_index(i)) for n in range(1, 6)
        ]
        self.new_case_action = self._action("mdi6.plus", "Ctrl+N", self.request_new_case)
        self.search_action = self._action("", "Ctrl+F", self.focus_search)
        self.refresh_action = self._action("mdi6.refresh", QKeySequence.StandardKey.Refresh, self.refresh_current)
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.switch_user_action = self._action("mdi6.account-switch", "Ctrl+Shift+L", self.switch_user)
        self.quit_action = self._action("mdi6.exit-to-app", "Ctrl+Q", self.close)
        self.open_db_action = self._action("mdi6.folder-open-outline", "Ctrl+O", self.open_database)
        self.open_server_action = self._action("mdi6.server-network", None, self.open_server)
        self.new_demo_action = self._action("", None, self.new_demo_database)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.new_case_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.open_db_action)
        self.file_menu.addAction(self.open_server_action)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addAction(self.new_demo_action)
        self.file_menu.addSeparator()
        for action in (self.switch_user_action, self.quit_action):
            self.file_menu.addAction(action)
        self.view_menu = self.menuBar().addMenu("")
        for action in (*self.page_actions, self.search_action, self.refresh_action):
            self.view_menu.addAction(action)

    def _show_index(self, index: int) -> None:
        keys = self.page_keys()
        if 0 <= index < len(keys):
            self.show_page(keys[index])

    def request_new_case(self) -> None:
        """Ctrl+N: open the cases page and ask it for a new case (signal + ``new_case()``)."""
        if "cases" in self._pages:
            self.show_page("cases")
            self._call_page("cases", "new_case")
        self.new_case_requested.emit()

    def focus_search(self) -> None:
        """Ctrl+F: open the cases page and focus its search box."""
        if "cases" in self._pages:
            self.show_page("cases")
            self._call_page("cases", "focus_search")

    def refresh_current(self) -> None:
        """F5: reload the current page."""
        if self._call_page(self.current_key(), "refresh"):
            self.show_message(translate("MainWindow", "已刷新"))

    # -- databases -------------------------------------------------------------------

    def open_database(self) -> None:
        """Ctrl+O: choose a database file and open it (in a new window, after signing in)."""
        path = files.ask_database_to_open(self)
        if path is not None:
            self.database_requested.emit(path)

    def open_server(self) -> None:
        """File → 连接团队服务器…: the team's PostgreSQL server (in a new window, after signing in there)."""
        server = files.ask_server_to_open(self)
        if server is not None:
            self.database_requested.emit(server)

    def new_demo_database(self) -> None:
        """Write a demo database where the user says (never over a real one) and open it."""
        path = files.ask_demo_target(self)
        if path is not None and files.make_demo(self, path):
            self.database_requested.emit(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = self.session.target_key
        paths = [p for p in files.recent_databases() if (p if isinstance(p, str) else str(p.resolve())) != current
                 and p != self.session.target]
        for path in paths:
            action = self.recent_menu.addAction(files.display_target(path))
            action.triggered.connect(lambda _=False, p=path: self.database_requested.emit(p))
        if not paths:
            self.recent_menu.addAction(translate("MainWindow", "（无）")).setEnabled(False)

    # -- users ---------------------------------------------------------------------

    def prompt_sign_in(self) -> UserRecord | None:
        """Ask for another user's credentials (tests replace this)."""
        from ui.dialogs.login import LoginDialog

        dialog = LoginDialog(self.session.store, self)
        return dialog.user if uierrors.exec_dialog(dialog) else None

    def switch_user(self) -> None:
        """Sign in as another user in the same window (pages adapt to the new roles)."""
        user = self.prompt_sign_in()
        if user is None:
            return
        self.session.user = user
        self.session.signals.user_changed.emit()

    def on_session_ended(self) -> None:
        """The signed-in user can no longer act (disabled since the window opened): the message was shown;
        close the open forms and ask for a sign-in. Someone signing in carries on in this window (as after
        "switch user"); cancelling closes it."""
        if self._signing_in_again:
            return
        self._signing_in_again = True
        try:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.reject()
            user = self.prompt_sign_in()
            if user is None:
                log.info("sign-in ended and not renewed: closing the window")
                self.close()
                return
            self.session.user = user
            self.session.signals.user_changed.emit()
        finally:
            self._signing_in_again = False

    def _on_user_changed(self) -> None:
        for key in self._pages:
            if not self._call_page(key, "on_user_changed"):
                self._call_page(key, "refresh")
        self.retranslate()
        self.show_message(translate("MainWindow", "已切换为 {name}").format(name=self.session.user.display_name))

    # -- status bar and title --------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy_indicator = install_busy_indicator(bar)  # shown while work runs off the UI thread (ui.tasks)
        self.user_label = QLabel()
        self.roles_label = QLabel()
        self.db_label = QLabel()
        for label in (self.user_label, self.roles_label, self.db_label):
            label.setStyleSheet("padding: 0 10px; border-left: 1px solid #c8c8c8;")
            bar.addPermanentWidget(label)
        self.db_label.setStyleSheet("padding: 0 10px; border-left: 1px solid #c8c8c8; color: #555;")

    def show_message(self, text: str, timeout_ms: int = 5000) -> None:
        """A transient message in the status bar."""
        self.statusBar().showMessage(text, timeout_ms)

    def retranslate(self) -> None:
        """Relabel everything this window owns in the current language."""
        user = self.session.user
        where = self.session.db_path.name if not self.session.is_server else files.display_target(self.session.target)
        self.setWindowTitle(f"ipguard — {where} — {user.display_name}")
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            title = translate("Nav", self._pages[item.data(NAV_ROLE)][0])
            item.setText(title + self._badges.get(item.data(NAV_ROLE), ""))
            item.setToolTip(f"{title} (Ctrl+{i + 1})" if i < len(self.page_actions) else title)
        names = [translate("Nav", self._pages[k][0]) for k in self.page_keys()]
        for action, name in zip(self.page_actions, names + [""] * len(self.page_actions), strict=False):
            action.setText(translate("MainWindow", "转到“{page}”").format(page=name) if name else "")
        self.new_case_action.setText(translate("MainWindow", "新建案件(&N)"))
        self.search_action.setText(translate("MainWindow", "搜索案件(&F)"))
        self.refresh_action.setText(translate("MainWindow", "刷新(&R)"))
        self.switch_user_action.setText(translate("MainWindow", "切换用户(&S)…"))
        self.quit_action.setText(translate("MainWindow", "退出(&Q)"))
        self.open_db_action.setText(translate("MainWindow", "打开数据库(&O)…"))
        self.open_server_action.setText(translate("MainWindow", "连接团队服务器(&T)…"))
        self.recent_menu.setTitle(translate("MainWindow", "最近打开(&R)"))
        self.new_demo_action.setText(translate("MainWindow", "新建演示数据库(&D)…"))
        self.file_menu.setTitle(translate("MainWindow", "文件(&F)"))
        self.view_menu.setTitle(translate("MainWindow", "视图(&V)"))
        self.user_label.setText(translate("MainWindow", "用户：{name}").format(name=user.display_name))
        roles = "、".join(role_label(r) for r in sorted(user.roles))
        self.roles_label.setText(translate("MainWindow", "角色：{roles}").format(roles=roles or "—"))
        self.db_label.setText(translate("MainWindow", "数据库：{path}").format(path=files.display_target(self.session.target)))
        self.db_label.setToolTip(self.session.store.location())

    def retranslate_all(self, *, rebuild: bool = False) -> None:
        """Relabel the window and ask every page built to ``retranslate()``.

        With ``rebuild`` (the language was switched: ``session.lang`` is the new one), a page without
        ``retranslate()`` is rebuilt from its factory, keeping its state (see the module docstring).
        """
        self.retranslate()
        for key in self.page_keys():
            if not self._call_page(key, "retranslate") and rebuild:
                self._rebuild(key)

    def _rebuild(self, key: str) -> None:
        """Drop a built page for a new one from its factory: now if shown, else when next shown."""
        widget = self._built(key)
        maker = self._makers.get(key)
        if widget is None or maker is None:
            return
        save = getattr(widget, "save_state", None)
        if callable(save):
            self._saved_state[key] = save()
        placeholder = QWidget()
        placeholder.setObjectName(f"pagePlaceholder_{key}")
        shown = self.stack.currentWidget() is widget
        self.stack.insertWidget(self.stack.indexOf(widget), placeholder)
        if shown:
            self.stack.setCurrentWidget(placeholder)
        self.stack.removeWidget(widget)
        widget.hide()
        widget.deleteLater()
        self._pages[key] = (self._pages[key][0], placeholder)
        self._factories[key] = maker
        if shown:
            self._build(key)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_all()  # pages without retranslate() are rebuilt on session.signals.language_changed
        super().changeEvent(event)

    # -- remembered layout -----------------------------------------------------------

    def restore_layout(self) -> None:
        """Geometry, splitter and last page from QSettings, clamped onto the screen."""
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        geometry = settings.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        splitter = settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        last = settings.value("last_page")
        settings.endGroup()
        clamp_to_screen(self)
        if isinstance(last, str) and last in self._pages:
            self.show_page(last)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("splitter", self.splitter.saveState())
        if self.current_key():
            settings.setValue("last_page", self.current_key())
        settings.endGroup()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_clamped_shown", False):  # the frame's size is known once shown: fit it again
            self._clamped_shown = True
            QTimer.singleShot(0, self._fit_screen)

    def _fit_screen(self) -> None:
        clamp_to_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
