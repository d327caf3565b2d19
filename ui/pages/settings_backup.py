"""Settings → 备份与恢复: back up now, the backups in the backup folder, restore from one (admins only).

* "立即备份" runs :func:`ipguard.backup.backup` on a worker thread (its own
  connection from the database path) and reports the verified file;
* the list shows :func:`ipguard.backup.list_backups` of the backup folder
  (setting ``backup.dir``, else ``backups`` beside the database);
* "从备份恢复…" asks for a clear confirmation, runs
  :func:`ipguard.backup.restore` (which refuses a backup that fails its checks
  and then changes nothing, and keeps a copy of the current file first) on a
  worker thread with the busy indicator, the window disabled meanwhile, then
  closes the window and signs in again on the restored file: nothing in
  memory from before the restore survives (:func:`reopen_after_restore`).

Dialogs go through :mod:`ui.errors` and :meth:`BackupPanel.choose_backup_file`,
which tests replace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipguard.errors import IpguardError
from ui import errors as uierrors
from ui.backup_tasks import error_message
from ui.file_size import size_text
from ui.i18n import translate
from ui.pages.settings_common import Column, RecordTableModel, SettingsPanel, fit_columns, make_table, selected_record
from ui.session import Session
from ui.tasks import Task, run_blocking

log = logging.getLogger("ipguard.ui")

LABELS = {"auto": "自动", "manual": "手动", "pre-restore": "恢复前", "pre-restore-raw": "恢复前（原样复制）"}


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def reopen_after_restore(panel: BackupPanel) -> None:
    """Ask the application to close the window and sign in again on the restored file.

    Everything the old window held (the signed-in user, pages, cached rows)
    belonged to the database as it was before the restore, so none of it is
    reused; :func:`ui.app.reopen` does it (the application layer owns windows).
    """
    panel.session.signals.database_replaced.emit()


class ServerBackupNote(SettingsPanel):
    """On a team server: backups and restores are the server administrator's (``ipguard server backup``,
    PostgreSQL's pg_dump); a workstation neither copies nor replaces the shared database."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        note = QLabel(
            translate(
                "Backup",
                "当前连接的是团队服务器（{server}）。服务器数据库由系统管理员用 ipguard server backup"
                "（PostgreSQL 的 pg_dump）按计划备份，并在服务器上校验和恢复；工作站不备份也不恢复共享数据库。"
                "需要恢复某个时点的数据时，请联系系统管理员（见 docs/team-server.md）。",
            ).format(server=session.store.location())
        )
        note.setObjectName("serverBackupNote")
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(note)
        layout.addStretch(1)


def backup_panel(session: Session, parent: QWidget | None = None) -> SettingsPanel:
    """Settings → 备份与恢复 for this database: the file's backups, or the note for a team server."""
    return ServerBackupNote(session, parent) if session.is_server else BackupPanel(session, parent)


class BackupPanel(SettingsPanel):
    """Back up now, list the backups, restore from one."""

    backup_finished = Signal(object)  # BackupResult
    backup_failed = Signal(object)  # the exception
    restored = Signal(object)  # RestoreResult

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._tasks: list[Task] = []  # kept until the panel goes (a pool thread may still be returning)
        self.folder: Path | None = None
        layout = QVBoxLayout(self)
        box = QGroupBox(translate("Backup", "数据库备份"))
        inner = QVBoxLayout(box)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.folder_label)
        self.auto_label = QLabel()
        self.auto_label.setWordWrap(True)
        self.auto_label.setStyleSheet("color: #555;")
        inner.addWidget(self.auto_label)
        row = QHBoxLayout()
        self.backup_button = QPushButton(translate("Backup", "立即备份"))
        self.backup_button.setObjectName("backupNow")
        self.restore_button = QPushButton(translate("Backup", "从所选备份恢复…"))
        self.restore_button.setObjectName("restoreSelected")
        self.restore_file_button = QPushButton(translate("Backup", "从其他备份文件恢复…"))
        self.reload_button = QPushButton(translate("Backup", "刷新列表"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_other_file)
        self.reload_button.clicked.connect(self.refresh)
        for button in (self.backup_button, self.restore_button, self.restore_file_button, self.reload_button):
            row.addWidget(button)
        row.addStretch(1)
        inner.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.status)
        self.model = RecordTableModel(
            [
                Column("备份时间", lambda b: b.taken_at.strftime("%Y-%m-%d %H:%M:%S")),
                Column("类别", lambda b: translate("Backup", LABELS.get(b.label, b.label))),
                Column("大小", lambda b: size_text(_file_size(b.path)), align_right=True),
                Column("文件", lambda b: b.path.name),
            ],
            self._load,
            self,
        )
        self.table = make_table(self.model)
        self.table.setObjectName("backupList")
        inner.addWidget(self.table, 1)
        note = QLabel(
            translate(
                "Backup",
                "备份使用 SQLite 在线备份，程序打开时也可安全进行；每个备份写入后都会校验（完整性、审计链、存档文书）。"
                "存档的文书保存在数据库中，随备份一起保存。恢复前会先把当前数据库备份一份（类别“恢复前”）。",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        inner.addWidget(note)
        layout.addWidget(box, 1)
        self.edit_widgets += [self.backup_button, self.restore_button, self.restore_file_button]
        self.refresh()

    # -- list ------------------------------------------------------------------------------

    def _load(self) -> list[Any]:
        from ipguard.backup import list_backups

        return list_backups(self.folder) if self.folder is not None else []

    def refresh(self) -> None:
        from ipguard.backup import backup_folder

        repo = self.session.store.repos.settings
        try:
            self.folder = backup_folder(self.session.store)
            self.folder_label.setText(translate("Backup", "备份文件夹：{path}（在“文书与公司”中修改）").format(path=self.folder))
        except IpguardError as exc:
            self.folder = None
            self.folder_label.setText(translate("Backup", "备份文件夹不可用：{reason}").format(reason=error_message(exc)))
        if repo.get("backup.auto_daily"):
            self.auto_label.setText(
                translate("Backup", "每天首次启动程序时自动备份；自动备份保留最近 {days} 天的每日一份和最近 {months} 个月的每月一份。").format(
                    days=repo.get("backup.keep_daily"), months=repo.get("backup.keep_monthly")
                )
            )
        else:
            self.auto_label.setText(translate("Backup", "自动备份已关闭。"))
        self.model.reload()
        fit_columns(self.table)
        self.apply_permissions()

    def apply_permissions(self) -> None:
        super().apply_permissions()
        if not (self.is_admin or not self.admin_only):
            for widget in self.edit_widgets:
                widget.setToolTip(translate("Backup", "只有管理员可以备份和恢复数据库"))

    def backups(self) -> list[Any]:
        return [self.model.record(i) for i in range(self.model.rowCount())]

    # -- back up now -------------------------------------------------------------------------

    def backup_now(self) -> Task | None:
        """Start a verified backup into the backup folder on a worker thread."""
        if self.folder is None:
            self.refresh()
            if self.folder is None:
                uierrors.message_box(self, QMessageBox.Icon.Warning, translate("Backup", "无法备份"), self.folder_label.text())
                return None
        from ipguard.backup import backup

        db_path, folder = self.session.db_path, self.folder
        task = Task(lambda: backup(db_path, folder, label="manual"), "manual backup", label=translate("Backup", "正在备份…"))
        task.signals.finished.connect(self._on_backup_finished)
        task.signals.failed.connect(self._on_backup_failed)
        self._tasks.append(task)
        self.backup_button.setEnabled(False)
        self.status.setText(translate("Backup", "正在备份…"))
        return task.start()

    @Slot(object)
    def _on_backup_finished(self, result: Any) -> None:
        self.backup_button.setEnabled(self.is_admin)
        text = translate("Backup", "已备份到 {path}（{size}，已校验）").format(path=result.path, size=size_text(result.size))
        self.status.setText(text)
        self._status_bar(text)
        self.refresh()
        self.backup_finished.emit(result)

    @Slot(object)
    def _on_backup_failed(self, exc: Any) -> None:
        self.backup_button.setEnabled(self.is_admin)
        self.status.setText(translate("Backup", "备份失败：{reason}").format(reason=error_message(exc)))
        uierrors.show_error(self, exc)
        self.backup_failed.emit(exc)

    def _status_bar(self, text: str) -> None:
        window = self.window()
        show = getattr(window, "show_message", None)
        if callable(show):
            show(text, 15_000)

    # -- restore -------------------------------------------------------------------------------

    def choose_backup_file(self) -> Path | None:
        """Ask for a backup file (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Backup", "选择备份文件"),
            str(self.folder or ""),
            translate("Backup", "ipguard 备份 (*.sqlite);;所有文件 (*)"),
        )
        return Path(path) if path else None

    def restore_selected(self) -> bool:
        chosen = selected_record(self.table)
        if chosen is None:
            uierrors.inform(self, translate("Backup", "请先在列表中选择一个备份。"))
            return False
        return self.restore_from(chosen.path)

    def restore_other_file(self) -> bool:
        path = self.choose_backup_file()
        return self.restore_from(path) if path is not None else False

    def _off_ui_thread(self, work: Callable[[], Any]) -> Any:
        """Run a restore step on a pool thread with the busy indicator; the result (or exception) here.

        The whole window is disabled meanwhile: its connection is closed during
        the restore, so nothing in it may run until the restore has ended.
        """
        return run_blocking(work, translate("Backup", "正在恢复数据库…"), disable=[self.window()], name="restore")

    def restore_from(self, path: Path) -> bool:
        """Confirm, restore ``path`` into the database, then reopen it; False when cancelled or refused."""
        from ipguard.restore_service import restore_as

        if not self.is_admin:
            return False
        question = translate(
            "Backup",
            "将用备份“{name}”替换当前数据库“{db}”的全部内容。\n\n"
            "该备份之后录入的所有数据（案件、审批、文书等）都会从当前数据库中消失。"
            "恢复前程序会先把当前数据库备份一份（类别“恢复前”），需要时可以再恢复回来。\n\n"
            "恢复完成后，程序会关闭当前窗口并重新打开数据库，请重新登录。"
            "其他电脑上若也打开了此数据库，请先让他们退出程序。\n\n确定要恢复吗？",
        ).format(name=path.name, db=self.session.db_path)
        if not uierrors.ask(self, translate("Backup", "从备份恢复"), question):
            return False
        self.status.setText(translate("Backup", "正在恢复数据库…"))
        try:
            # The admin check is in the core; the window's own connection is let go meanwhile.
            result = restore_as(self.session.store, self.session.user, path, run=self._off_ui_thread)
        except IpguardError as exc:  # a refused backup: the database was not touched
            log.warning("restore from %s refused: %s", path, exc.message("en"))
            self.status.setText(translate("Backup", "未恢复：{reason}").format(reason=error_message(exc)))
            uierrors.show_error(self, exc)
            return False
        log.info("database %s restored from %s", self.session.db_path, path)
        pre = result.pre_restore.path if result.pre_restore else "—"
        uierrors.inform(
            self,
            translate("Backup", "已从备份“{name}”恢复数据库。\n恢复前的数据库已备份到：{pre}\n\n程序现在重新打开数据库，请重新登录。").format(
                name=path.name, pre=pre
            ),
        )
        self.restored.emit(result)
        reopen_after_restore(self)
        return True
