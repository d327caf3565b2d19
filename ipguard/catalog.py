"""Which product parameters apply: built-in files plus admin-edited versions.

The built-in TOML in ``resources/products`` is the default. An admin may save
an edited version (validated by :func:`ipguard.products.parse_product`) into
the database; the newest version effective on a date applies to new cases.
Every case records the version it was opened and assessed under, and the
exact text of that version is kept in the database, so an old case always
explains itself with the rules it was decided by.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import lru_cache

from ipguard import messages
from ipguard.auth import require_role
from ipguard.domain import Role
from ipguard.errors import NotFoundError, ValidationError
from ipguard.messages import Text
from ipguard.products import ChecklistItem, ProductParams, Tag, load_product, parse_product
from ipguard.store import Store
from ipguard.store.records import UserRecord
from ipguard.workdays import WorkCalendar

messages.register(
    {
        "product_version_exists": ("版本号 {version} 已存在，请使用新的版本号", "version {version} exists already; use a new version"),
        "product_code_mismatch": ("产品代码应为 {expected}，收到 {found}", "the product code must be {expected}, got {found}"),
    }
)


@lru_cache(maxsize=64)
def _parse_cached(text: str) -> ProductParams:
    return parse_product(text, "database")


def current_product(store: Store, code: str = "kuaiyidai", on: dt.date | None = None) -> ProductParams:
    """The parameters for new work on ``on``: the newest stored version effective then, else the built-in file."""
    builtin = load_product(code)
    text = store.repos.settings.latest_product_text(code, on)
    if text is None:
        return builtin
    stored = _parse_cached(text)
    # A newer built-in file (shipped with an upgrade) wins over an older edit.
    if builtin.effective_date > stored.effective_date and (on is None or builtin.effective_date <= on):
        return builtin
    return stored


def checklist_names(store: Store, lang: str, code: str = "kuaiyidai") -> dict[str, str]:
    """Materials-checklist names by item code in ``lang`` ("zh" or "en"), from the product in force.

    A case keeps the Chinese name its checklist was opened with; the English
    name (``label_en`` in the product file) is looked up by the item's code,
    from the product in force and then the built-in file (an edited version
    without English names still gets them). Codes with no name in ``lang`` are
    left out: the caller shows the name kept with the case.
    """
    return _names(store, lang, code, lambda product: product.checklist)


def tag_names(store: Store, lang: str, code: str = "kuaiyidai") -> dict[str, str]:
    """Target-client tag (三最七高) names by tag code in ``lang``, found as :func:`checklist_names` finds its names."""
    return _names(store, lang, code, lambda product: product.target_tags)


def _names(store: Store, lang: str, code: str, items: Callable[[ProductParams], Iterable[ChecklistItem | Tag]]) -> dict[str, str]:
    names: dict[str, str] = {}
    for product in (load_product(code), current_product(store, code)):
        for item in items(product):
            name = item.label_en if lang == "en" else item.label
            if name:
                names[item.code] = name
    return names


def product_name(product: ProductParams, lang: str) -> str:
    """The product's name in ``lang``; an English name missing from an edited or stored version comes from the built-in file."""
    if lang != "en":
        return product.name
    if product.name_en:
        return product.name_en
    try:
        return load_product(product.code).name_en or product.name
    except ValidationError:  # no built-in file of that code: the name as given
        return product.name


def product_version(store: Store, code: str, version: str) -> ProductParams:
    """A specific recorded version (what a case was decided under)."""
    text = store.repos.settings.product_version_text(code, version)
    if text is not None:
        return _parse_cached(text)
    builtin = load_product(code)
    if builtin.version == version:
        return builtin
    raise NotFoundError("not_found", what="产品参数版本", ident=f"{code}@{version}")


def remember(store: Store, product: ProductParams, user_id: int | None) -> None:
    """Keep the exact text of a version in the database (inside the caller's transaction)."""
    store.repos.settings.save_product_version(
        product.code, product.version, product.effective_date, product.raw_text, acting_user_id=user_id
    )


def save_edited_version(store: Store, text: str, user: UserRecord, expected_code: str = "kuaiyidai") -> ProductParams:
    """Validate an admin's edited parameter file and store it as a new version."""
    require_role(user, Role.ADMIN, Text("修改产品参数", "change the product parameters"), store)
    product = parse_product(text, "edit")
    if product.code != expected_code:
        raise ValidationError("code", "product_code_mismatch", expected=expected_code, found=product.code)
    builtin = load_product(product.code)
    known = {v.version for v in store.repos.settings.product_versions(product.code)} | {builtin.version}
    if product.version in known:
        raise ValidationError("version", "product_version_exists", version=product.version)
    with store.transaction():
        remember(store, product, user.id)
    return product


def calendar(store: Store) -> WorkCalendar:
    """The working-day calendar with the admin's holiday overrides."""
    return WorkCalendar(store.repos.settings.holiday_overrides())
