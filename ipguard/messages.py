"""Message catalog for errors raised by the core, in Chinese and English.

The core never formats user-facing text itself: an error carries a message
key, a field and parameters, and the caller renders it in the user's language.
Each module registers the keys it raises next to the code that raises them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_LANGUAGE = "zh"

_MESSAGES: dict[str, dict[str, str]] = {}
_FIELDS: dict[str, dict[str, str]] = {}


@dataclass(frozen=True)
class Text:
    """A message parameter that has both languages (a stage, a role, an action name).

    ``str()`` gives the Chinese text, so code that formats it directly keeps working.
    """

    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


def localize(value: object, lang: str) -> object:
    return value.get(lang) if isinstance(value, Text) else value


def register(messages: Mapping[str, tuple[str, str]]) -> None:
    """Register message templates as ``key: (zh, en)``; ``{name}`` placeholders."""
    for key, (zh, en) in messages.items():
        _MESSAGES[key] = _one_home(_MESSAGES, "message", key, zh, en)


def register_fields(fields: Mapping[str, tuple[str, str]]) -> None:
    """Register display labels for field names as ``field: (zh, en)``."""
    for key, (zh, en) in fields.items():
        _FIELDS[key] = _one_home(_FIELDS, "field label", key, zh, en)


def _one_home(table: dict[str, dict[str, str]], kind: str, key: str, zh: str, en: str) -> dict[str, str]:
    """The entry for ``key``; a second module registering other words for it is a bug, refused at import.

    (Otherwise the words shown would depend on which module happened to be imported last.)
    """
    entry = {"zh": zh, "en": en}
    if key in table and table[key] != entry:
        raise ValueError(f"{kind} {key!r} registered twice with different words: {table[key]} and {entry}")
    return entry


def field_label(field: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The label of a field, or the field name itself when none is registered.

    Nested fields such as ``ip_assets[2].number`` use the label of the last part
    and keep the index: "第3项 专利/登记号".
    """
    prefix = ""
    base = field
    if "]." in field:
        head, base = field.rsplit(".", 1)
        if head.endswith("]") and "[" in head:
            index = int(head[head.rindex("[") + 1 : -1]) + 1
            prefix = f"第{index}项 " if lang == "zh" else f"item {index} "
    labels = _FIELDS.get(base)
    return prefix + (labels.get(lang, labels["zh"]) if labels else base)


def render(key: str, params: Mapping[str, object], lang: str = DEFAULT_LANGUAGE) -> str:
    """Render a message; unknown keys degrade to the key and its parameters."""
    templates = _MESSAGES.get(key)
    if templates is None:
        return f"{key} {dict((k, localize(v, lang)) for k, v in params.items())}" if params else key
    template = templates.get(lang, templates["zh"])
    try:
        return template.format(**{k: localize(v, lang) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return template


def known_keys() -> set[str]:
    """Every registered message key (the rules look up their own reasons' keys by prefix)."""
    return set(_MESSAGES)
