"""Numbered schema migrations, recorded in the database by sqlite-utils.

Each step is a function registered on :data:`MIGRATIONS`; its name starts with
its number. Applied steps are listed in ``_sqlite_migrations``; the number of
known steps is also kept in ``PRAGMA user_version`` so that a file written by a
newer ipguard is recognised and refused. Never edit a released step: add one.
"""

from __future__ import annotations

import json
import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ipguard import clock
from ipguard.rules import stage_notes
from ipguard.rules.assess import Assessment
from ipguard.store import seals

MIGRATIONS = Migrations("ipguard")

_STAGES = (
    "'intake','screening','valuation','investigation','committee','intent_letter','bank_approval',"
    "'contracts','pledge_registration','disbursement','in_force','released','defaulted','recovery',"
    "'closed','declined','withdrawn'"
)
_IP_TYPES = "'invention_patent','utility_model','design_patent','trademark','software_copyright','copyright'"
_ROLES = "'account_manager','risk_manager','committee_member','operations','admin'"


def _script(db: Database, sql: str) -> None:
    """Run several statements inside the migration's transaction.

    ``executescript`` would COMMIT first, so statements run one by one; SQLite
    itself says where a statement ends (trigger bodies contain semicolons).
    """
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            db.execute(buffer)
            buffer = ""
    if buffer.strip():
        db.execute(buffer)


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    _script(
        db,
        f"""
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ({_ROLES})),
    PRIMARY KEY (user_id, role)
);
CREATE TABLE banks (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    branch TEXT NOT NULL,
    contact_name TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    bank_share_bp INTEGER NOT NULL DEFAULT 0 CHECK (bank_share_bp BETWEEN 0 AND 10000),
    reguarantor_name TEXT NOT NULL DEFAULT '',
    reguarantor_share_bp INTEGER NOT NULL DEFAULT 0 CHECK (reguarantor_share_bp BETWEEN 0 AND 10000),
    active INTEGER NOT NULL DEFAULT 1,
    UNIQUE (name, branch)
);
CREATE TABLE referrers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT '',
    contact_name TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE companies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    uscc TEXT NOT NULL UNIQUE,
    industry TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    founded_on TEXT,
    contact_name TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    small_micro INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE controllers (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL UNIQUE REFERENCES companies(id),
    name TEXT NOT NULL,
    resident_id TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT ''
);
CREATE TABLE ip_assets (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies(id),
    ip_type TEXT NOT NULL CHECK (ip_type IN ({_IP_TYPES})),
    number TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    owners TEXT NOT NULL DEFAULT '',
    sole_owner INTEGER NOT NULL DEFAULT 1,
    filing_date TEXT,
    grant_date TEXT,
    expiry_date TEXT,
    legal_status TEXT NOT NULL DEFAULT 'valid',
    nice_class INTEGER CHECK (nice_class IS NULL OR nice_class BETWEEN 1 AND 45),
    pledged INTEGER NOT NULL DEFAULT 0,
    licensed INTEGER NOT NULL DEFAULT 0,
    in_dispute INTEGER NOT NULL DEFAULT 0,
    used_in_main_products INTEGER NOT NULL DEFAULT 0,
    revenue_supported_fen INTEGER NOT NULL DEFAULT 0 CHECK (revenue_supported_fen >= 0),
    UNIQUE (ip_type, number),
    CHECK (grant_date IS NULL OR filing_date IS NULL OR grant_date >= filing_date),
    CHECK (expiry_date IS NULL OR grant_date IS NULL OR expiry_date >= grant_date)
);
CREATE INDEX ip_assets_company ON ip_assets(company_id);
CREATE INDEX ip_assets_number ON ip_assets(number);
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    case_no TEXT NOT NULL UNIQUE,
    company_id INTEGER NOT NULL REFERENCES companies(id),
    product_code TEXT NOT NULL,
    params_version TEXT NOT NULL,
    bank_id INTEGER REFERENCES banks(id),
    referrer_id INTEGER REFERENCES referrers(id),
    recommendation_opinion TEXT NOT NULL DEFAULT '',
    requested_amount_fen INTEGER NOT NULL CHECK (requested_amount_fen > 0),
    term_months INTEGER NOT NULL CHECK (term_months BETWEEN 1 AND 120),
    application_date TEXT NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ({_STAGES})),
    account_manager_id INTEGER REFERENCES users(id),
    risk_manager_id INTEGER REFERENCES users(id),
    target_tags TEXT NOT NULL DEFAULT '[]',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    stage_changed_at TEXT NOT NULL
);
CREATE INDEX cases_stage ON cases(stage);
CREATE INDEX cases_company ON cases(company_id);
CREATE INDEX cases_application_date ON cases(application_date);
CREATE INDEX cases_account_manager ON cases(account_manager_id);
CREATE INDEX cases_bank ON cases(bank_id);
CREATE TABLE financials (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    annual_sales_fen INTEGER NOT NULL CHECK (annual_sales_fen >= 0),
    net_assets_last_year_fen INTEGER NOT NULL,
    net_assets_current_fen INTEGER NOT NULL,
    existing_bank_loans_fen INTEGER NOT NULL DEFAULT 0 CHECK (existing_bank_loans_fen >= 0),
    company_credit_good INTEGER NOT NULL,
    controller_credit_good INTEGER NOT NULL,
    counter_guarantee INTEGER NOT NULL,
    major_negative_info INTEGER NOT NULL,
    negative_info_note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE case_assets (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    asset_id INTEGER NOT NULL REFERENCES ip_assets(id),
    PRIMARY KEY (case_id, asset_id)
);
CREATE INDEX case_assets_asset ON case_assets(asset_id);
CREATE TABLE checklist_items (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    required INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'received', 'missing')),
    status_date TEXT,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (case_id, code)
);
CREATE TABLE stage_events (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    at TEXT NOT NULL,
    on_date TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stage_events_case ON stage_events(case_id);
CREATE TABLE sequences (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE product_versions (
    code TEXT NOT NULL,
    version TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    toml_text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    PRIMARY KEY (code, version)
);
CREATE TABLE holiday_overrides (
    day TEXT PRIMARY KEY,
    is_workday INTEGER NOT NULL CHECK (is_workday IN (0, 1)),
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER,
    case_id INTEGER,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_case ON audit_log(case_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
""",
    )


@MIGRATIONS()
def m002_workflow(db: Database) -> None:
    """Records of the workflow after intake, and the document archive."""
    _script(
        db,
        """
ALTER TABLE cases ADD COLUMN guarantee_amount_fen INTEGER;
ALTER TABLE cases ADD COLUMN recognized_value_fen INTEGER;
ALTER TABLE cases ADD COLUMN fee_fen INTEGER;
ALTER TABLE cases ADD COLUMN justification TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN justified_by INTEGER REFERENCES users(id);
ALTER TABLE cases ADD COLUMN closed_reason TEXT NOT NULL DEFAULT '';
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    params_version TEXT NOT NULL,
    assessed_at TEXT NOT NULL,
    assessed_by INTEGER REFERENCES users(id),
    eligible INTEGER NOT NULL,
    result_json TEXT NOT NULL
);
CREATE INDEX assessments_case ON assessments(case_id);
CREATE TABLE investigation_reports (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    opinion TEXT NOT NULL DEFAULT '',
    a_user_id INTEGER REFERENCES users(id),
    a_signed_at TEXT,
    b_user_id INTEGER REFERENCES users(id),
    b_signed_at TEXT
);
CREATE TABLE committee_decisions (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    resolution_no TEXT NOT NULL UNIQUE,
    meeting_date TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('approve', 'approve_with_conditions', 'decline')),
    conditions_json TEXT NOT NULL DEFAULT '[]',
    decided_at TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id)
);
CREATE TABLE committee_attendance (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    member_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (case_id, member_id)
);
CREATE TABLE committee_votes (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    member_id INTEGER NOT NULL REFERENCES users(id),
    vote TEXT NOT NULL CHECK (vote IN ('approve', 'approve_with_conditions', 'decline')),
    comment TEXT NOT NULL DEFAULT '',
    voted_at TEXT NOT NULL,
    PRIMARY KEY (case_id, member_id)
);
CREATE TABLE intent_letters (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    letter_no TEXT NOT NULL UNIQUE,
    issue_date TEXT NOT NULL,
    approval_deadline TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'void'))
);
CREATE INDEX intent_letters_case ON intent_letters(case_id);
CREATE TABLE bank_decisions (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    decision TEXT NOT NULL CHECK (decision IN ('approved', 'refused')),
    approved_amount_fen INTEGER CHECK (approved_amount_fen IS NULL OR approved_amount_fen > 0),
    interest_rate TEXT NOT NULL DEFAULT '',
    term_months INTEGER,
    decided_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE contracts (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL CHECK (kind IN ('guarantee', 'counter_guarantee', 'pledge', 'loan')),
    contract_no TEXT NOT NULL,
    party TEXT NOT NULL DEFAULT '',
    signed_on TEXT NOT NULL,
    UNIQUE (case_id, kind, contract_no)
);
CREATE TABLE pledge_registrations (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    asset_id INTEGER NOT NULL REFERENCES ip_assets(id),
    submitted_on TEXT,
    registry TEXT NOT NULL DEFAULT '',
    registration_no TEXT NOT NULL DEFAULT '',
    registered_on TEXT,
    certificate_received INTEGER NOT NULL DEFAULT 0,
    deregistered_on TEXT,
    PRIMARY KEY (case_id, asset_id)
);
CREATE TABLE disbursement_checks (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    confirmed_by INTEGER REFERENCES users(id),
    confirmed_at TEXT,
    PRIMARY KEY (case_id, code)
);
CREATE TABLE loans (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    loan_amount_fen INTEGER NOT NULL CHECK (loan_amount_fen > 0),
    start_date TEXT NOT NULL,
    maturity_date TEXT NOT NULL,
    loan_contract_no TEXT NOT NULL DEFAULT '',
    fee_fen INTEGER NOT NULL DEFAULT 0,
    fee_paid_on TEXT,
    repaid_on TEXT,
    defaulted_on TEXT,
    CHECK (maturity_date > start_date)
);
CREATE INDEX loans_maturity ON loans(maturity_date);
CREATE TABLE compensations (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    paid_on TEXT NOT NULL,
    bank_share_fen INTEGER NOT NULL,
    reguarantor_share_fen INTEGER NOT NULL,
    retained_fen INTEGER NOT NULL,
    CHECK (bank_share_fen + reguarantor_share_fen + retained_fen = amount_fen)
);
CREATE TABLE recoveries (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    on_date TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    source TEXT NOT NULL CHECK (source IN ('cash', 'ip_disposal', 'guarantor', 'other')),
    asset_id INTEGER REFERENCES ip_assets(id),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX recoveries_case ON recoveries(case_id);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL CHECK (kind IN ('intent_letter', 'disbursement_notice', 'investigation_report', 'committee_resolution')),
    doc_no TEXT NOT NULL UNIQUE,
    issued_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'void')),
    sha256 TEXT NOT NULL,
    pdf BLOB NOT NULL,
    font TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    replaces_id INTEGER REFERENCES documents(id)
);
CREATE INDEX documents_case ON documents(case_id, kind)
""",
    )


# The search index rows, per case: number, company name and credit code, pledged asset numbers.
SEARCH_ROWS = """
    SELECT c.id, c.case_no || ' ' || co.name || ' ' || co.uscc || ' ' || COALESCE(
        (SELECT group_concat(a.number, ' ') FROM case_assets ca JOIN ip_assets a ON a.id = ca.asset_id
         WHERE ca.case_id = c.id), '')
    FROM cases c JOIN companies co ON co.id = c.company_id"""

# The triggers that keep the index current (also dropped and re-created around
# bulk inserts, which index their rows in one statement instead).
SEARCH_TRIGGERS: tuple[tuple[str, str], ...] = (
    ("case_search_case_insert", f"""CREATE TRIGGER case_search_case_insert AFTER INSERT ON cases BEGIN
    INSERT INTO case_search (rowid, body) {SEARCH_ROWS} WHERE c.id = NEW.id; END"""),
    ("case_search_asset_link", f"""CREATE TRIGGER case_search_asset_link AFTER INSERT ON case_assets BEGIN
    DELETE FROM case_search WHERE rowid = NEW.case_id;
    INSERT INTO case_search (rowid, body) {SEARCH_ROWS} WHERE c.id = NEW.case_id; END"""),
    ("case_search_asset_unlink", f"""CREATE TRIGGER case_search_asset_unlink AFTER DELETE ON case_assets BEGIN
    DELETE FROM case_search WHERE rowid = OLD.case_id;
    INSERT INTO case_search (rowid, body) {SEARCH_ROWS} WHERE c.id = OLD.case_id; END"""),
    ("case_search_company_update", f"""CREATE TRIGGER case_search_company_update AFTER UPDATE OF name, uscc ON companies BEGIN
    DELETE FROM case_search WHERE rowid IN (SELECT id FROM cases WHERE company_id = NEW.id);
    INSERT INTO case_search (rowid, body) {SEARCH_ROWS} WHERE c.company_id = NEW.id; END"""),
    ("case_search_asset_number", f"""CREATE TRIGGER case_search_asset_number AFTER UPDATE OF number ON ip_assets BEGIN
    DELETE FROM case_search WHERE rowid IN (SELECT case_id FROM case_assets WHERE asset_id = NEW.id);
    INSERT INTO case_search (rowid, body) {SEARCH_ROWS}
        WHERE c.id IN (SELECT case_id FROM case_assets WHERE asset_id = NEW.id); END"""),
)


@MIGRATIONS()
def m003_search_and_opinions(db: Database) -> None:
    """A trigram full-text index for the case search box; the B role's own opinion.

    The index's rowid is the case id, so updates are lookups, not scans.
    Triggers keep it current whatever writes the rows, so no code path can
    forget it.
    """
    db.execute("ALTER TABLE investigation_reports ADD COLUMN b_opinion TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE VIRTUAL TABLE case_search USING fts5(body, tokenize = 'trigram')")
    db.execute(f"INSERT INTO case_search (rowid, body) {SEARCH_ROWS}")
    for _name, sql in SEARCH_TRIGGERS:
        db.execute(sql)


@MIGRATIONS()
def m004_business_rules(db: Database) -> None:
    """The records the business rules need (issue 13).

    Intent letters state both the loan the bank is asked to approve and the
    guaranteed amount; a late bank approval keeps its override reason;
    contracts may carry their amount; each case keeps the terms fixed when the
    guarantee was given, the borrower's enterprise size and whether its
    assessment is stale; assets keep the co-owners' consent, the first
    publication date (software) and the certificate number; pledges keep
    their deregistration reference; companies record related parties.
    """
    _script(
        db,
        """
ALTER TABLE intent_letters ADD COLUMN loan_amount_fen INTEGER;
ALTER TABLE intent_letters ADD COLUMN guarantee_amount_fen INTEGER;
ALTER TABLE intent_letters ADD COLUMN term_months INTEGER;
ALTER TABLE bank_decisions ADD COLUMN late_override_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE contracts ADD COLUMN amount_fen INTEGER;
ALTER TABLE cases ADD COLUMN terms_fixed_on TEXT;
ALTER TABLE cases ADD COLUMN terms_bank_share_bp INTEGER;
ALTER TABLE cases ADD COLUMN terms_reguarantor_name TEXT;
ALTER TABLE cases ADD COLUMN terms_reguarantor_share_bp INTEGER;
ALTER TABLE cases ADD COLUMN terms_fee_rate TEXT;
ALTER TABLE cases ADD COLUMN terms_fee_basis TEXT;
ALTER TABLE cases ADD COLUMN enterprise_size TEXT;
ALTER TABLE cases ADD COLUMN assessment_stale INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ip_assets ADD COLUMN co_owner_consent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ip_assets ADD COLUMN first_published_on TEXT;
ALTER TABLE ip_assets ADD COLUMN certificate_no TEXT NOT NULL DEFAULT '';
ALTER TABLE pledge_registrations ADD COLUMN deregistration_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE companies ADD COLUMN employees INTEGER;
ALTER TABLE companies ADD COLUMN total_assets_fen INTEGER;
CREATE TABLE related_parties (
    company_id INTEGER NOT NULL REFERENCES companies(id),
    related_company_id INTEGER NOT NULL REFERENCES companies(id),
    relation TEXT NOT NULL CHECK (relation IN ('same_controller', 'parent_subsidiary', 'declared_group')),
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (company_id, related_company_id),
    CHECK (company_id <> related_company_id)
);
""",
    )
    # Cases approved before this step keep the bank terms in force now (the best record there is).
    db.execute(
        "UPDATE cases SET terms_fixed_on = (SELECT meeting_date FROM committee_decisions d WHERE d.case_id = cases.id),"
        " terms_bank_share_bp = (SELECT bank_share_bp FROM banks b WHERE b.id = cases.bank_id),"
        " terms_reguarantor_name = (SELECT reguarantor_name FROM banks b WHERE b.id = cases.bank_id),"
        " terms_reguarantor_share_bp = (SELECT reguarantor_share_bp FROM banks b WHERE b.id = cases.bank_id)"
        " WHERE id IN (SELECT case_id FROM committee_decisions WHERE decision IN ('approve', 'approve_with_conditions'))"
    )


@MIGRATIONS()
def m005_security(db: Database) -> None:
    """Failed sign-ins per user name (known or not), for backoff and lockout;
    row seals and the triggers that make every business write pass through
    ipguard (see ipguard.store.seals)."""
    db.execute(
        "CREATE TABLE sign_in_attempts (username TEXT PRIMARY KEY, failures INTEGER NOT NULL DEFAULT 0, "
        "locked_until TEXT, last_at TEXT NOT NULL)"
    )
    db.execute("CREATE TABLE row_seals (tbl TEXT NOT NULL, row_id INTEGER NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (tbl, row_id))")
    # The sealed tables that exist at this step (later steps seal the tables they add).
    existing = set(db.table_names())
    for sql in seals.triggers_sql([t for t in seals.SEALED_TABLES if t in existing]):
        db.execute(sql)


# The guarantor's net assets before they were versioned (the settings default, 15 亿元).
NET_ASSETS_DEFAULT_FEN = 150_000_000_000
# The effective date of the figures carried over from the settings: valid for every earlier month
# (ipguard.admin.SINCE_ALWAYS).
FIRST_EFFECTIVE_DATE = "1900-01-01"
# The guarantor's first figures (the settings' values, or the default on a new database): also written by
# the server schema's first step (ipguard.store.schema_pg).
FIRST_FIGURES_SQL = ("INSERT INTO guarantor_figures (effective_date, net_assets_fen, mainly_small_micro, note, recorded_at)"
                     " VALUES (?,?,?,?,?)")


def first_figures(net_assets_fen: int, mainly_small_micro: bool, at: str) -> list[object]:
    return [FIRST_EFFECTIVE_DATE, net_assets_fen, int(mainly_small_micro), "迁移前的设置值", at]


@MIGRATIONS()
def m006_net_assets_history(db: Database) -> None:
    """The guarantor's figures by effective date; case amendments; versions of banks and referrers.

    - ``guarantor_figures``: net assets and the "mainly small and micro" flag,
      each row valid from its effective date until the next (issue 13 item 2,
      issue 17 item 3). Seeded from the settings ``guarantor.net_assets_fen``
      and ``guarantor.mainly_small_micro`` (or their defaults), effective since
      always, and those settings are removed: the history is their one home.
    - ``case_amendments``: a case sent back before the committee after its
      decision; the decision, votes and every later record it set aside are
      kept whole in ``voided_json`` (issue 13 item 3).
    - ``banks.version``, ``referrers.version``: a save names the version it
      was read at (issue 14 item 7).
    """
    _script(
        db,
        """
CREATE TABLE guarantor_figures (
    id INTEGER PRIMARY KEY,
    effective_date TEXT NOT NULL,
    net_assets_fen INTEGER NOT NULL CHECK (net_assets_fen > 0),
    mainly_small_micro INTEGER NOT NULL DEFAULT 0 CHECK (mainly_small_micro IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users(id)
);
CREATE INDEX guarantor_figures_effective ON guarantor_figures(effective_date, id);
CREATE TABLE case_amendments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    amended_on TEXT NOT NULL,
    amended_at TEXT NOT NULL,
    amended_by INTEGER REFERENCES users(id),
    reason TEXT NOT NULL,
    from_stage TEXT NOT NULL,
    to_stage TEXT NOT NULL,
    voided_json TEXT NOT NULL
);
CREATE INDEX case_amendments_case ON case_amendments(case_id);
ALTER TABLE banks ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE referrers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
""",
    )
    settings = dict(db.execute(
        "SELECT key, value FROM settings WHERE key IN ('guarantor.net_assets_fen', 'guarantor.mainly_small_micro')").fetchall())
    net_assets = json.loads(settings.get("guarantor.net_assets_fen", "null")) or NET_ASSETS_DEFAULT_FEN
    small_micro = bool(json.loads(settings.get("guarantor.mainly_small_micro", "false")))
    db.execute(FIRST_FIGURES_SQL, first_figures(int(net_assets), small_micro, clock.now().isoformat(timespec="seconds")))
    db.execute("DELETE FROM settings WHERE key IN ('guarantor.net_assets_fen', 'guarantor.mainly_small_micro')")
    for sql in seals.triggers_sql(["guarantor_figures", "case_amendments"]):
        db.execute(sql)


def schema_version() -> int:
    """The number of migrations this version of ipguard knows."""
    return len(MIGRATIONS._migrations)


def known_names() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]


@MIGRATIONS()
def m007_case_file(db: Database) -> None:
    """The case file (电子档案, issue 18): files attached to a case, a checklist item or a stage record.

    ``blobs`` holds each distinct file once, keyed by its SHA-256, inside this
    database file: a backup, a restore, a crash and (later) the team server
    treat a file exactly as the record it belongs to — one transaction, one
    file to copy, nothing on disk to fall out of step. ``attachments`` says
    where a blob is attached, under which (sanitised) name, by whom and when;
    a superseded version stays with the reason it was replaced.
    ``blob_text`` is the derived full-text index of text extracted from PDFs
    (its rowid is the blob id). Row seals cover a blob's SHA-256, not its
    bytes (see :mod:`ipguard.store.seals`); the bytes are checked against the
    SHA-256 by ``ipguard audit verify`` and the export.
    """
    _script(
        db,
        """
CREATE TABLE blobs (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    kind TEXT NOT NULL,
    mime TEXT NOT NULL,
    content BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    checklist_code TEXT,
    record_kind TEXT CHECK (record_kind IS NULL OR record_kind IN
        ('intent_letter', 'bank_decision', 'contract', 'pledge_registration', 'deregistration', 'loan')),
    record_key TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL,
    blob_id INTEGER NOT NULL REFERENCES blobs(id),
    name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'superseded')),
    supersedes_id INTEGER REFERENCES attachments(id),
    reason TEXT NOT NULL DEFAULT '',
    attached_at TEXT NOT NULL,
    attached_by INTEGER REFERENCES users(id),
    CHECK (checklist_code IS NULL OR record_kind IS NULL)
);
CREATE INDEX attachments_case ON attachments(case_id, checklist_code);
CREATE INDEX attachments_blob ON attachments(blob_id);
ALTER TABLE checklist_items ADD COLUMN paper_only INTEGER NOT NULL DEFAULT 0;
CREATE VIRTUAL TABLE blob_text USING fts5(body, tokenize = 'trigram');
""",
    )
    for sql in seals.triggers_sql(["blobs", "attachments", "checklist_items"]):
        db.execute(sql)


@MIGRATIONS()
def m008_structured_explanations(db: Database) -> None:
    """Stored assessments: the Chinese prose of each reason becomes data (issue 19 item 3).

    A rule's reason, an amount candidate's source, a pledge obstacle and a
    valuation factor's detail were stored as Chinese sentences; they are now a
    message key and its parameters, worded in the reader's language. Each
    sentence is read back by the same wording that wrote it (only an exact
    round trip counts); one that cannot be is kept verbatim, flagged as legacy
    (see :mod:`ipguard.rules.explain`). An assessment that does not read at all
    is left as it was: :meth:`Assessment.from_json` still accepts the old form.
    """
    for row_id, text in db.execute("SELECT id, result_json FROM assessments").fetchall():
        try:
            converted = Assessment.from_json(json.loads(text)).to_json()
        except (ValueError, KeyError, TypeError, ArithmeticError):
            continue
        new_text = json.dumps(converted, ensure_ascii=False)
        if new_text != text:
            db.execute("UPDATE assessments SET result_json = ? WHERE id = ?", [new_text, row_id])


@MIGRATIONS()
def m009_structured_stage_notes(db: Database) -> None:
    """Stage events: the workflow's Chinese notes become data (issue 15 item 9).

    A move stored one note, the workflow's sentence ("担保额 1,000,000.00 元",
    "银行审批通过") or the user's words (a reason). The user's words stay in
    ``note``, verbatim; the workflow's go to ``said_json`` as a message key and
    its parameters, worded in the reader's language. An old note is read back
    by the wording that wrote it on a move into that stage (only an exact round
    trip counts); one that does not read back is the user's text on stages
    where users write notes, else kept verbatim as legacy prose, flagged (see
    :func:`ipguard.rules.stage_notes.read`). Audit entries are not rewritten
    (the chain): the audit view reads their old notes the same way.
    """
    db.execute("ALTER TABLE stage_events ADD COLUMN said_json TEXT NOT NULL DEFAULT ''")
    for row_id, stage, note in db.execute("SELECT id, to_stage, note FROM stage_events WHERE note <> ''").fetchall():
        said, user_text = stage_notes.read(stage, note)
        if said is not None:
            db.execute("UPDATE stage_events SET note = ?, said_json = ? WHERE id = ?",
                       [user_text, json.dumps(said.to_json(), ensure_ascii=False), row_id])


@MIGRATIONS()
def m010_case_reversals(db: Database) -> None:
    """Undoing the last stage step (撤销上一步, issue 15): each reversal with its reason and what it voided.

    ``case_reversals`` keeps, per reversal, the stages (from → to), the reason,
    who and when, and in ``voided_json`` the rows it took out of the live tables
    (a mistaken bank decision, mistaken contracts), whole, as they were — the
    way ``case_amendments`` keeps what an amendment set aside. Live tables then
    hold only records in force, so no reader can count a voided one.
    """
    _script(
        db,
        """
CREATE TABLE case_reversals (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    reversed_on TEXT NOT NULL,
    reversed_at TEXT NOT NULL,
    reversed_by INTEGER REFERENCES users(id),
    reason TEXT NOT NULL,
    from_stage TEXT NOT NULL,
    to_stage TEXT NOT NULL,
    voided_json TEXT NOT NULL
);
CREATE INDEX case_reversals_case ON case_reversals(case_id);
""",
    )
    for sql in seals.triggers_sql(["case_reversals"]):
        db.execute(sql)
