"""The test suite against a PostgreSQL server (issue 20): on when ``IPGUARD_TEST_PG`` is set.

``IPGUARD_TEST_PG`` is a libpq connection string of a role that may create
databases (scripts/pg_cluster.sh starts a throwaway cluster and sets it). A
template database is migrated once per run; each test gets a clone of it
(CREATE DATABASE … TEMPLATE, a file copy) and drops it afterwards.

Roles are cluster-wide: the template has none; each clone gets its own group
roles and GRANTs (ipguard.store.server_roles, named after the clone), and
dropping a clone drops exactly the roles it made — its group roles and the
login roles of the users its test created — so the next test can create the
same user names again. Login roles are named after the users, cluster-wide:
two runs that create the same user names at once need two clusters (each
helper and CI start their own, scripts/pg_cluster.sh).
"""

from __future__ import annotations

import hashlib
import os

import psycopg
import pytest
from psycopg import sql

DSN = os.environ.get("IPGUARD_TEST_PG", "")
ACTIVE = bool(DSN)
_TEMPLATE = f"ipguard_test_template_{os.getpid()}"  # runs side by side on one cluster keep apart
_made_template = False

# Window tests that open the database by its file path (ui/session.py ``db_path``, the background tasks and
# exports that reopen ``store.path``, the file backups of the settings page, sign-in in the window): not yet
# on the server, so left out of the server run until the window opens a server (the lead's part of issue 20).
# Remove an entry once its test passes with IPGUARD_TEST_PG set; parametrised tests are named without [...].
WINDOW_NOT_YET_ON_SERVER = frozenset({
    "tests/ui/test_backup_ui.py::test_a_damaged_backup_is_refused_and_nothing_changes",
    "tests/ui/test_backup_ui.py::test_auto_backup_failure_is_shown_never_raised",
    "tests/ui/test_backup_ui.py::test_auto_backup_off_by_environment",
    "tests/ui/test_backup_ui.py::test_auto_backup_runs_in_the_background_and_reports_in_the_status_bar",
    "tests/ui/test_backup_ui.py::test_backup_into_an_unusable_folder_shows_the_core_message",
    "tests/ui/test_backup_ui.py::test_backup_now_writes_a_verified_file_and_lists_it",
    "tests/ui/test_backup_ui.py::test_cancelled_confirmation_changes_nothing",
    "tests/ui/test_backup_ui.py::test_reopen_signs_in_again_on_the_restored_file",
    "tests/ui/test_backup_ui.py::test_restore_brings_back_the_data_and_reopens",
    "tests/ui/test_backup_ui.py::test_restore_runs_off_the_ui_thread_with_the_window_disabled_and_busy",
    "tests/ui/test_backup_ui.py::test_settings_page_has_the_backup_section",
    "tests/ui/test_backup_ui.py::test_start_launches_the_auto_backup_after_the_window_is_shown",
    "tests/ui/test_case_end_to_end.py::test_one_case_from_intake_to_in_force_through_the_widgets",
    "tests/ui/test_case_list.py::test_export_runs_in_background",
    "tests/ui/test_case_list_issue15.py::test_multi_select_exports_every_selected_case",
    "tests/ui/test_dashboard.py::test_dashboard_in_english_names_stages_amounts_and_reminders_in_english",
    "tests/ui/test_english_case_tabs.py::test_case_tabs_show_no_chinese_in_the_english_window",
    "tests/ui/test_english_stage_notes.py::test_the_english_window_words_the_cores_sentences_in_english",
    "tests/ui/test_explanations_english.py::test_screening_and_valuation_tabs_word_the_explanations_in_the_window_language",
    "tests/ui/test_language_live.py::test_switching_language_live_updates_every_page_and_open_case",
    "tests/ui/test_my_work_and_corrections.py::test_overdue_items_first_and_in_the_count",
    "tests/ui/test_my_work_and_corrections.py::test_signatures_show_on_each_signers_list_and_leave_it_when_signed",
    "tests/ui/test_my_work_and_corrections.py::test_switching_user_reloads_the_list",
    "tests/ui/test_my_work_and_corrections.py::test_votes_due_counted_on_the_dashboard_and_in_the_navigation",
    "tests/ui/test_per_user_and_confirm.py::test_help_menu_lists_the_shortcuts_and_the_version",
    "tests/ui/test_reports_page.py::test_bad_month_shows_the_error_and_writes_nothing",
    "tests/ui/test_reports_page.py::test_cancel_leaves_no_file",
    "tests/ui/test_reports_page.py::test_generates_report_in_background_and_opens_it",
    "tests/ui/test_session_ended.py::test_a_disabled_users_next_click_shows_why_and_asks_for_a_sign_in",
    "tests/ui/test_session_ended.py::test_cancelling_the_sign_in_closes_the_window",
    "tests/ui/test_session_ended.py::test_the_message_follows_the_interface_language",
    "tests/ui/test_shell.py::test_bank_saved_with_percentages_as_basis_points",
    "tests/ui/test_shell.py::test_bank_share_of_120_percent_is_refused_naming_the_field",
    "tests/ui/test_shell.py::test_general_settings_save_without_the_guarantor_figures",
    "tests/ui/test_shell.py::test_holiday_override_added_and_removed",
    "tests/ui/test_shell.py::test_language_switch_to_english_changes_visible_labels",
    "tests/ui/test_shell.py::test_last_page_and_geometry_are_remembered",
    "tests/ui/test_shell.py::test_navigation_by_click_and_ctrl_number",
    "tests/ui/test_shell.py::test_net_assets_are_recorded_with_an_effective_date_and_shown_in_the_history",
    "tests/ui/test_shell.py::test_plugged_in_page_receives_ctrl_n_ctrl_f_and_f5",
    "tests/ui/test_shell.py::test_product_parameters_with_negative_rate_refused_naming_the_key",
    "tests/ui/test_shell.py::test_settings_models_pass_the_model_tester",
    "tests/ui/test_shell.py::test_sign_in_with_wrong_password_shows_error_and_stays",
    "tests/ui/test_shell.py::test_switch_user_updates_title_and_settings_permissions",
    "tests/ui/test_shell.py::test_user_created_with_roles_appears_in_the_list",
    "tests/ui/test_shell.py::test_user_with_short_password_is_refused_and_nothing_saved",
    "tests/ui/test_tasks.py::test_off_ui_thread_uses_its_own_store_on_the_same_database",
    "tests/ui/test_tasks.py::test_signing_the_report_runs_off_the_ui_thread_with_the_window_actor",
    "tests/ui/test_workspace.py::test_open_from_case_list_shows_workspace_and_stage_bar",
    "tests/ui/test_workspace_later.py::test_post_loan_tab_in_english_shows_yuan_and_recovery_sources_in_english",
})


def label() -> str:
    return "PostgreSQL (IPGUARD_TEST_PG)" if ACTIVE else "SQLite"


def _admin() -> psycopg.Connection:
    return psycopg.connect(DSN, autocommit=True)


def _with_db(dbname: str) -> str:
    params = psycopg.conninfo.conninfo_to_dict(DSN)
    params["dbname"] = dbname
    return psycopg.conninfo.make_conninfo(**params)


def _ensure_template() -> None:
    global _made_template
    if _made_template:
        return
    from ipguard.store import server

    with _admin() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(_TEMPLATE)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(_TEMPLATE)))
    server.migrate(_with_db(_TEMPLATE), roles=False)  # each clone gets its own roles
    _made_template = True


def fresh_database(nodeid: str) -> str:
    """A new database with the latest schema for one test; its connection string."""
    _ensure_template()
    name = "t_" + hashlib.sha1(f"{nodeid}:{os.getpid()}".encode()).hexdigest()[:20]
    with _admin() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
            sql.Identifier(name), sql.Identifier(_TEMPLATE)))
    dsn = _with_db(name)
    _install_roles(dsn)
    return dsn


def _install_roles(dsn: str) -> None:
    from ipguard.store import server_roles
    from ipguard.store.pg import PgConnection, connect_raw

    conn = PgConnection(connect_raw(dsn))
    try:
        conn.begin_write()
        server_roles.install(conn)
        conn.commit()
    finally:
        conn.close()


def drop_database(dsn: str | None) -> None:
    if not dsn:
        return
    from ipguard.store import server_roles

    name = str(psycopg.conninfo.conninfo_to_dict(dsn)["dbname"])
    with _admin() as conn:
        roles = server_roles.database_roles(conn, name)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        for role in roles:  # its logins first, then its groups: nothing else on the cluster
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def empty_database(nodeid: str) -> str:
    """A new, empty database (no schema) for one test; its connection string (drop with :func:`drop_database`)."""
    name = "e_" + hashlib.sha1(f"{nodeid}:{os.getpid()}".encode()).hexdigest()[:20]
    with _admin() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return _with_db(name)


def select(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the SQLite run, leave out the tests of the server itself (``server_only``); on the server run,
    keep only those and the tests on the ``store`` fixture that are not about the SQLite file."""
    keep, drop = [], []
    for item in items:
        server_only = item.get_closest_marker("server_only") is not None
        if not ACTIVE:
            (drop if server_only else keep).append(item)
            continue
        uses_store = "store" in getattr(item, "fixturenames", ())
        pending = item.nodeid.split("[")[0] in WINDOW_NOT_YET_ON_SERVER
        wanted = server_only or (uses_store and item.get_closest_marker("sqlite_only") is None and not pending)
        (keep if wanted else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
