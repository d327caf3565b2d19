"""The project's exceptions.

Every error the core raises on purpose is an :class:`IpguardError`: it carries
a message key with parameters (rendered in Chinese or English by
:mod:`ipguard.messages`) and, for bad input, the field it concerns. Anything
else escaping the core is a bug.
"""

from __future__ import annotations

from ipguard import messages


class IpguardError(Exception):
    """Base of all expected errors: a message key, parameters, an optional field."""

    def __init__(self, key: str, field: str | None = None, **params: object) -> None:
        self.key = key
        self.field = field
        self.params = params
        super().__init__(self.message("zh"))

    def message(self, lang: str = messages.DEFAULT_LANGUAGE) -> str:
        """The full message, prefixed with the field's label when there is one."""
        text = messages.render(self.key, self.params, lang)
        if self.field:
            sep = "：" if lang == "zh" else ": "
            return f"{messages.field_label(self.field, lang)}{sep}{text}"
        return text

    def one_line(self, lang: str = messages.DEFAULT_LANGUAGE) -> str:
        """The message on one line, for the command line."""
        return " ".join(self.message(lang).split())


class ValidationError(IpguardError):
    """A value was rejected: ``field`` names it, the message says what is wrong."""

    def __init__(self, field: str, key: str, **params: object) -> None:
        super().__init__(key, field, **params)


class NotFoundError(IpguardError):
    """A record that the caller named does not exist."""


class ConflictError(IpguardError):
    """A save was based on a stale version, or a unique value is taken."""


class PermissionDenied(IpguardError):
    """The acting user lacks the role an action needs."""


class WorkflowError(IpguardError):
    """A transition or action is not allowed at the case's stage; says why."""


class StoreError(IpguardError):
    """The database cannot be opened or used (newer version, network path, corrupt)."""


LOGIN_FAILED = "login_failed"

messages.register(
    {
        "required": ("不能为空", "is required"),
        "not_found": ("找不到{what}：{ident}", "{what} not found: {ident}"),
        "stale_version": (
            "该案件已被其他人修改（当前版本 {current}，您的版本 {yours}），请刷新后重试",
            "this case was changed by someone else (version {current}, yours {yours}); reload and try again",
        ),
        "duplicate": ("{value} 已存在", "{value} already exists"),
        # Every refused sign-in reads the same, whether the app or a team server refused it (ipguard.auth,
        # ipguard.store.server_connection): nothing tells which of name, password or account was wrong.
        LOGIN_FAILED: ("用户名或密码不正确，或账号已停用", "wrong user name or password, or the account is disabled"),
    }
)
