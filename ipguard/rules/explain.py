"""Rule explanations as data, worded in the reader's language by one formatter.

A rule's reason is an :class:`Explanation`: a message key and typed
parameters (amounts, ratios, dates, codes, nested reasons). It is stored as
data (``{"key": ..., "params": {...}}``) and rendered by :func:`render` in
Chinese or English, so the same stored assessment reads in either window; the
documents render it in Chinese.

Each key is declared once with :func:`declare`: its wordings (registered in
:mod:`ipguard.messages`) and the kind of each parameter. The kind says how a
parameter is worded (money through :mod:`ipguard.money`, codes through their
labels) and how it is read back from old Chinese prose: :func:`parse` turns a
sentence stored by an earlier version into an explanation when one of the
candidate keys' Chinese wording reproduces it exactly, and otherwise keeps the
prose verbatim under the ``legacy`` key (flagged, never lost).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_UP, Decimal, InvalidOperation

from ipguard import messages
from ipguard.domain import IpType, LegalStatus
from ipguard.errors import ValidationError
from ipguard.money import format_yuan, parse_yuan, yuan_str, yuan_text

LEGACY = "legacy"

# The kinds of parameters: how each is worded in a language, how it is read back from Chinese prose.
YUAN = "yuan"  # an amount, stored as a yuan string ("1234.56"), worded "1,234.56元" / "1,234.56 yuan"
FIGURE = "figure"  # an amount stored as YUAN, worded as the figure only ("1,234.56"; the wording carries the unit)
YEARS = "years"  # a list of years, "、"-joined in Chinese ("2027、2028"), ", "-joined in English
PCT = "pct"  # a ratio ("0.1165"), worded as a percentage rounded up ("11.65%")
NUM = "num"  # a number worded as stored (a rate "0.50", a score, a multiple)
INT = "int"
DATE = "date"  # ISO, the same in both languages
TEXT = "text"  # the user's own words, names and numbers: shown as typed
IP_TYPE = "ip_type"  # an IpType code
LEGAL_STATUS = "legal_status"  # a LegalStatus code
FACTOR = "factor"  # a valuation factor code
CANDIDATES = "candidates"  # a list of amount-candidate names
REASONS = "reasons"  # a list of nested explanations, "；"-joined in Chinese
TERMS = "terms"  # a list of nested explanations, "＋"-joined in Chinese
NESTED = "nested"  # one nested explanation

_LIST_SEPARATORS = {REASONS: ("；", "; "), TERMS: ("＋", " + "), CANDIDATES: ("、", ", "), YEARS: ("、", ", ")}

_SPECS: dict[str, Mapping[str, str]] = {}


@dataclass(frozen=True)
class Explanation:
    """Why a rule came out as it did: a message key and its parameters (JSON values)."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def is_legacy(self) -> bool:
        """Prose stored by an earlier version that could not be read back into data."""
        return self.key == LEGACY

    def render(self, lang: str = messages.DEFAULT_LANGUAGE) -> str:
        return render(self, lang)

    def to_json(self) -> dict[str, object]:
        return {"key": self.key, "params": dict(self.params)}

    @classmethod
    def from_json(cls, data: object) -> Explanation:
        """An explanation from :meth:`to_json`; a plain string is old prose (kept verbatim, flagged)."""
        if isinstance(data, Mapping) and "key" in data:
            params = data.get("params") or {}
            return cls(str(data["key"]), dict(params) if isinstance(params, Mapping) else {})
        return legacy(str(data or ""))

    def __hash__(self) -> int:  # params is a dict: hash by its JSON-ish items
        return hash((self.key, repr(sorted(self.params.items(), key=lambda kv: kv[0]))))


def legacy(text: str) -> Explanation:
    return Explanation(LEGACY, {"text": text})


def explain(key: str, **params: object) -> Explanation:
    """An explanation of a declared key; amounts (fen) are stored as yuan strings, nested ones as data."""
    spec = _SPECS[key]
    unknown = set(params) - set(spec)
    if unknown:
        raise KeyError(f"{key}: undeclared parameters {sorted(unknown)}")
    return Explanation(key, {name: _store(spec[name], value) for name, value in params.items()})


def declare(entries: Mapping[str, tuple[str, str, Mapping[str, str]]]) -> None:
    """Declare keys as ``key: (zh, en, {param: kind})``; the wordings go to the message registry."""
    messages.register({key: (zh, en) for key, (zh, en, _kinds) in entries.items()})
    for key, (_zh, _en, kinds) in entries.items():
        _SPECS[key] = dict(kinds)


declare({
    LEGACY: ("{text}", "{text} [stored in Chinese by an earlier version]", {"text": TEXT}),
})


# ------------------------------------------------------------------ wording


def render(explanation: Explanation, lang: str = messages.DEFAULT_LANGUAGE) -> str:
    """The explanation worded in ``lang`` ("zh" or "en")."""
    spec = _SPECS.get(explanation.key, {})
    words = {name: _word(spec.get(name, TEXT), value, lang) for name, value in explanation.params.items()}
    return messages.render(explanation.key, words, lang)


def percent(ratio: Decimal) -> str:
    """A ratio as a percentage, rounded up to two places: 0.11641 -> '11.65%'."""
    return f"{(ratio * 100).quantize(Decimal('0.01'), rounding=ROUND_UP)}%"


def _store(kind: str, value: object) -> object:
    if kind in (YUAN, FIGURE) and isinstance(value, int) and not isinstance(value, bool):
        return yuan_str(value)
    if kind == YEARS:
        return [int(v) for v in value]  # type: ignore[attr-defined]
    if kind in (REASONS, TERMS):
        return [v.to_json() if isinstance(v, Explanation) else legacy(str(v)).to_json() for v in value]  # type: ignore[attr-defined]
    if kind == CANDIDATES:
        return [str(v) for v in value]  # type: ignore[attr-defined]
    if kind == NESTED and isinstance(value, Explanation):
        return value.to_json()
    if kind in (PCT, NUM) and isinstance(value, Decimal):
        return str(value)
    return value


def _word(kind: str, value: object, lang: str) -> str:
    try:
        if kind == YUAN:
            return yuan_text(parse_yuan(value, "amount", allow_negative=True), lang)
        if kind == FIGURE:
            return format_yuan(parse_yuan(value, "amount", allow_negative=True))
        if kind == YEARS:
            zh, en = _LIST_SEPARATORS[kind]
            return (en if lang == "en" else zh).join(str(int(v)) for v in value)  # type: ignore[attr-defined]
        if kind == PCT:
            return percent(Decimal(str(value)))
        if kind == IP_TYPE:
            ip = IpType(str(value))
            return ip.label_en if lang == "en" else ip.label
        if kind == LEGAL_STATUS:
            status = LegalStatus(str(value))
            return status.label_en if lang == "en" else status.label
        if kind in _LABELS:  # a code worded by its label (a valuation factor, a committee vote …)
            return _label(kind, str(value), lang)
        if kind == CANDIDATES:
            zh, en = _LIST_SEPARATORS[kind]
            return (en if lang == "en" else zh).join(candidate_label(str(v), lang) for v in value) or "—"  # type: ignore[attr-defined]
        if kind in (REASONS, TERMS):
            zh, en = _LIST_SEPARATORS[kind]
            return (en if lang == "en" else zh).join(render(Explanation.from_json(v), lang) for v in value)  # type: ignore[attr-defined]
        if kind == NESTED:
            return render(Explanation.from_json(value), lang)
    except (ValueError, TypeError, InvalidOperation, ValidationError):
        pass  # a figure that does not read as its kind is shown as stored
    return str(value)


# Labels of the things explanations name; the rules modules register theirs here (one home each).
_LABELS: dict[str, dict[str, tuple[str, str]]] = {"candidate": {}, "factor": {}}


def register_labels(kind: str, labels: Mapping[str, tuple[str, str]]) -> None:
    """Labels of the codes of ``kind``; a parameter of that kind is worded by them (and read back from Chinese)."""
    _LABELS.setdefault(kind, {}).update(labels)


def _label(kind: str, code: str, lang: str) -> str:
    pair = _LABELS[kind].get(code)
    return code if pair is None else (pair[1] if lang == "en" else pair[0])


def candidate_label(name: str, lang: str = messages.DEFAULT_LANGUAGE) -> str:
    return _label("candidate", name, lang)


def factor_label(code: str, lang: str = messages.DEFAULT_LANGUAGE) -> str:
    return _label("factor", code, lang)


# ------------------------------------------------------------------ reading old prose back


def parse(text: str, keys: Iterable[str]) -> Explanation:
    """Old Chinese prose as the first of ``keys`` whose Chinese wording reproduces it exactly, else legacy."""
    for key in keys:
        found = _parse_one(text, key)
        if found is not None:
            return found
    return legacy(text)


def parse_list(text: str, separator: str, keys: Iterable[str]) -> list[Explanation] | None:
    """Separator-joined prose, each part one of ``keys``; None when a part is not."""
    keys = tuple(keys)
    parts = [parse(part, keys) for part in text.split(separator)]
    return None if any(p.is_legacy for p in parts) else parts


# Parsers for the nested kinds (set by the modules that own the nested keys).
_NESTED_PARSERS: dict[str, Callable[[str], object | None]] = {}


def register_nested_parser(kind: str, parser: Callable[[str], object | None]) -> None:
    _NESTED_PARSERS[kind] = parser


def _parse_one(text: str, key: str) -> Explanation | None:
    spec = _SPECS[key]
    template = messages.render(key, {name: f"\x00{name}\x00" for name in spec}, "zh")
    pattern = "".join(
        f"(?P<{part}>.+?)" if i % 2 else re.escape(part) for i, part in enumerate(template.split("\x00"))
    )
    match = re.fullmatch(pattern, text, flags=re.S)
    if match is None:
        return None
    params: dict[str, object] = {}
    for name, raw in match.groupdict().items():
        value = _read(spec[name], raw)
        if value is None:
            return None
        params[name] = value
    found = Explanation(key, params)
    return found if render(found, "zh") == text else None  # only an exact round trip counts


def _read(kind: str, raw: str) -> object | None:
    try:
        if kind == YUAN:
            return yuan_str(parse_yuan(raw.removesuffix("元"), "amount", allow_negative=True)) if raw.endswith("元") else None
        if kind == FIGURE:
            return yuan_str(parse_yuan(raw, "amount", allow_negative=True))
        if kind == YEARS:
            return [int(part) for part in raw.split("、")]
        if kind == PCT:
            return str(Decimal(raw.removesuffix("%")) / 100) if raw.endswith("%") else None
        if kind == NUM:
            return str(Decimal(raw))
        if kind == INT:
            return int(raw)
        if kind == IP_TYPE:
            return next((t.value for t in IpType if t.label == raw), None)
        if kind == LEGAL_STATUS:
            return next((s.value for s in LegalStatus if s.label == raw), None)
        if kind in _LABELS:
            return next((code for code, (zh, _en) in _LABELS[kind].items() if zh == raw), None)
        if kind == CANDIDATES:
            names = {zh: code for code, (zh, _en) in _LABELS["candidate"].items()}
            parts = [] if raw == "—" else raw.split("、")
            return [names[p] for p in parts] if all(p in names for p in parts) else None
        if kind in _NESTED_PARSERS:
            return _NESTED_PARSERS[kind](raw)
    except (ValueError, InvalidOperation, ValidationError):
        return None
    return raw  # TEXT, DATE
