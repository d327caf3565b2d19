"""Settings: users and roles (create, change roles, deactivate, reset password)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipguard import admin
from ipguard.domain import Role
from ipguard.errors import ValidationError
from ipguard.store.records import UserRecord
from ui import errors as uierrors
from ui.i18n import role_label, translate
from ui.pages.settings_common import (
    Column,
    EditDialog,
    RecordTableModel,
    SettingsPanel,
    active_text,
    fit_columns,
    make_table,
    selected_record,
)
from ui.session import Session

USER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Settings", "用户名"), lambda u: u.username),
    Column(QT_TRANSLATE_NOOP("Settings", "姓名"), lambda u: u.display_name),
    Column(QT_TRANSLATE_NOOP("Settings", "角色"), lambda u: "、".join(role_label(r) for r in sorted(u.roles))),
    Column(QT_TRANSLATE_NOOP("Settings", "状态"), active_text),
)


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setObjectName(name)
    return edit


class UserDialog(EditDialog):
    """Create a user (user name, name, password twice, roles) or change an existing user's roles."""

    def __init__(self, panel: UsersPanel, user: UserRecord | None = None) -> None:
        super().__init__(self._save, panel)
        self.panel = panel
        self.existing = user
        self.saved: UserRecord | None = None
        self.setWindowTitle(translate("Settings", "新建用户") if user is None else translate("Settings", "修改角色"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit(user.username if user else "")
        self.username.setObjectName("username")
        self.display_name = QLineEdit(user.display_name if user else "")
        self.display_name.setObjectName("display_name")
        self.username.setReadOnly(user is not None)
        self.display_name.setReadOnly(user is not None)
        form.addRow(translate("Settings", "用户名"), self.username)
        form.addRow(translate("Settings", "姓名"), self.display_name)
        self.password = _password_edit("password")
        self.password2 = _password_edit("password2")
        if user is None:
            form.addRow(translate("Settings", "初始密码"), self.password)
            form.addRow(translate("Settings", "确认密码"), self.password2)
        roles_box = QWidget()
        roles_layout = QVBoxLayout(roles_box)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        self.role_checks: dict[Role, QCheckBox] = {}
        for role in Role:
            check = QCheckBox(role_label(role))
            check.setObjectName(f"role_{role.value}")
            check.setChecked(bool(user and role in user.roles))
            self.role_checks[role] = check
            roles_layout.addWidget(check)
        form.addRow(translate("Settings", "角色"), roles_box)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def roles(self) -> set[Role]:
        return {role for role, check in self.role_checks.items() if check.isChecked()}

    def _save(self) -> None:
        store, acting = self.panel.session.store, self.panel.session.user
        if self.existing is not None:
            self.saved = admin.set_roles(store, acting, self.existing.id, self.roles(), read=self.existing.roles)
            return
        if self.password.text() != self.password2.text():
            raise ValidationError("password", "password_mismatch")
        self.saved = admin.create_user(
            store, acting, self.username.text(), self.display_name.text(), self.password.text(), self.roles()
        )


class PasswordDialog(EditDialog):
    """Set a new password for a user (twice)."""

    def __init__(self, panel: UsersPanel, user: UserRecord) -> None:
        super().__init__(self._save, panel)
        self.panel = panel
        self.user = user
        self.setWindowTitle(translate("Settings", "重置密码：{name}").format(name=user.display_name))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.password = _password_edit("password")
        self.password2 = _password_edit("password2")
        form.addRow(translate("Settings", "新密码"), self.password)
        form.addRow(translate("Settings", "确认密码"), self.password2)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        if self.password.text() != self.password2.text():
            raise ValidationError("password", "password_mismatch")
        admin.reset_password(self.panel.session.store, self.panel.session.user, self.user.id, self.password.text())


class UsersPanel(SettingsPanel):
    """The user list with create / roles / deactivate / reset-password actions."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = RecordTableModel(USER_COLUMNS, lambda: session.store.repos.users.all(), self)
        self.table = make_table(self.model)
        self.table.setObjectName("usersTable")
        layout = QVBoxLayout(self)
        hint = QLabel(translate("Settings", "每位用户可以有多个角色；同一案件的A角与B角不能是同一人。停用的用户不能登录，历史记录保留。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(translate("Settings", "新建用户…"))
        self.roles_button = QPushButton(translate("Settings", "修改角色…"))
        self.active_button = QPushButton(translate("Settings", "停用/启用"))
        self.password_button = QPushButton(translate("Settings", "重置密码…"))
        for button, slot in (
            (self.new_button, self.create_user),
            (self.roles_button, self.edit_roles),
            (self.active_button, self.toggle_active),
            (self.password_button, self.reset_password),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.edit_widgets.append(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        fit_columns(self.table)
        self.apply_permissions()

    def _selected(self) -> UserRecord | None:
        user = selected_record(self.table)
        if user is None:
            uierrors.inform(self, translate("Settings", "请先在列表中选择一位用户"))
        return user

    def create_user(self) -> None:
        dialog = UserDialog(self)
        if uierrors.exec_dialog(dialog):
            self.refresh()
            self.session.signals.reference_data_changed.emit()

    def edit_roles(self) -> None:
        user = self._selected()
        if user is not None and uierrors.exec_dialog(UserDialog(self, user)):
            self.refresh()
            self.session.signals.reference_data_changed.emit()

    def toggle_active(self) -> None:
        user = self._selected()
        if user is None:
            return
        if user.id == self.session.user.id and user.active:
            uierrors.inform(self, translate("Settings", "不能停用当前登录的用户"))
            return
        question = (
            translate("Settings", "停用用户“{name}”？停用后不能登录，历史记录保留。")
            if user.active
            else translate("Settings", "重新启用用户“{name}”？")
        )
        if not uierrors.ask(self, translate("Settings", "用户"), question.format(name=user.display_name)):
            return
        if self.run(lambda: admin.set_active(self.session.store, self.session.user, user.id, not user.active)):
            self.refresh()

    def reset_password(self) -> None:
        user = self._selected()
        if user is not None and uierrors.exec_dialog(PasswordDialog(self, user)):
            uierrors.inform(self, translate("Settings", "已为 {name} 设置新密码").format(name=user.display_name))
