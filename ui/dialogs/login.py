"""Sign-in and first-admin setup.

Both dialogs show a refused attempt inline (a message naming the field, not
colour alone) and stay open; on success ``dialog.user`` holds the signed-in
:class:`~ipguard.store.records.UserRecord`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ipguard import auth, messages
from ipguard.errors import IpguardError, ValidationError
from ipguard.store import Store, open_store
from ipguard.store.records import UserRecord
from ui.database_files import display_path
from ui.errors import error_text
from ui.i18n import translate

# Field labels the users repository's errors refer to (registered here only if the core has not).
for _field, _labels in {
    "username": ("用户名", "user name"),
    "display_name": ("姓名", "name"),
    "password": ("密码", "password"),
    "roles": ("角色", "roles"),
}.items():
    if messages.field_label(_field) == _field:
        messages.register_fields({_field: _labels})


class _ErrorLabel(QLabel):
    """An inline error: a warning sign plus the message text."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText("⚠ " + text)
        self.setAccessibleName(text)
        self.show()


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def describe_target(target: Path | str) -> str:
    """The database as the sign-in and the status bar name it: a file's path, or a server's host and database."""
    if isinstance(target, Path):
        return display_path(target)
    from ipguard.store.server_connection import server_label  # psycopg only when a server is used

    return translate("Login", "团队服务器 {server}").format(server=server_label(target))


class LoginDialog(QDialog):
    """Sign in with user name and password.

    On a team server the password is checked by the server itself: the dialog connects as the user's
    database login (a new store when ``store`` is None and ``server`` names the server; on "switch user"
    the window's store reconnects as the new user, keeping the old connection when refused).
    """

    def __init__(self, store: Store | None, parent: QWidget | None = None, *, username: str = "",
                 server: str | None = None) -> None:
        super().__init__(parent)
        assert store is not None or server is not None
        self.store = store
        self.server = server
        self.user: UserRecord | None = None
        self.setWindowTitle(translate("Login", "登录 ipguard"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        header = QLabel(translate("Login", "知识产权快易贷 · 担保业务管理"))
        header.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(header)
        target: Path | str = server if store is None and server is not None else (store.path or store.dsn or "")  # type: ignore[union-attr]
        db_label = QLabel(translate("Login", "数据库：{path}").format(path=describe_target(target)))
        db_label.setWordWrap(True)
        db_label.setStyleSheet("color: #555;")
        layout.addWidget(db_label)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = _password_edit()
        self.password.setObjectName("password")
        user_label = QLabel(translate("Login", "用户名(&U)"))
        user_label.setBuddy(self.username)
        pass_label = QLabel(translate("Login", "密码(&P)"))
        pass_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(pass_label, self.password)
        layout.addLayout(form)
        self.error = _ErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Login", "登录"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    def try_sign_in(self) -> None:
        """Check the credentials; accept on success, otherwise show why and stay."""
        try:
            if not self.username.text().strip():
                raise ValidationError("username", "required")
            credentials = (self.username.text().strip(), self.password.text())
            if self.store is None:
                assert self.server is not None
                self.store = open_store(self.server, create=False, credentials=credentials)
            elif self.store.is_server:
                self.store.connect_as(credentials)
            self.user = auth.sign_in(self.store, self.username.text(), self.password.text())
        except IpguardError as exc:
            self.error.show_message(error_text(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()


class SetupAdminDialog(QDialog):
    """First run: create the first administrator (the database has no users)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user: UserRecord | None = None
        self.setWindowTitle(translate("Login", "首次使用：创建管理员"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "Login",
                "这是一个新的数据库，还没有任何用户。请创建第一个管理员账户；之后用它登录，在“设置”中添加其他用户。",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.password = _password_edit()
        self.password.setObjectName("password")
        self.password2 = _password_edit()
        self.password2.setObjectName("password2")
        rows = (
            (translate("Login", "用户名(&U)"), self.username),
            (translate("Login", "姓名(&N)"), self.display_name),
            (translate("Login", "密码(&P)"), self.password),
            (translate("Login", "确认密码(&C)"), self.password2),
        )
        for text, edit in rows:
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
        layout.addLayout(form)
        self.error = _ErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Login", "创建并登录"))
        self.buttons.accepted.connect(self.try_create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.display_name.setFocus()

    def try_create(self) -> None:
        """Create the admin through the users repository (audited); show a refusal inline."""
        try:
            if self.password.text() != self.password2.text():
                self.error.show_message(translate("Login", "两次输入的密码不一致"))
                self.password2.setFocus()
                return
            # Of several workstations setting up at once, exactly one wins (checked in the core).
            self.user = auth.setup_first_admin(self.store, self.username.text(), self.display_name.text(), self.password.text())
        except IpguardError as exc:
            self.error.show_message(error_text(exc))
            return
        self.accept()
