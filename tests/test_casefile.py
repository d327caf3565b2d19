"""The case file (电子档案, issue 18): attach, supersede, remove, limits, hostile names, search, seals."""

from __future__ import annotations

import io
import struct
import zlib

import pytest

from ipguard import casefile, intake
from ipguard.casefile.files import clean_name, detect
from ipguard.domain import Stage
from ipguard.errors import NotFoundError, ValidationError, WorkflowError
from ipguard.store import open_store
from ipguard.store.records import CaseFilter
from tests.workflow_helpers import approve, cast, open_case, to_committee


def make_pdf(text: str = "hello", pages: int = 1) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    for n in range(pages):
        pdf.drawString(72, 720, f"{text} page {n + 1}")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def make_png(width: int = 4, height: int = 3) -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "cf.db")
    yield s
    s.close()


@pytest.fixture
def c(store):
    return cast(store)


def test_attach_stores_identical_content_once_with_its_facts(store, c) -> None:
    case_id = open_case(store, c)
    pdf = make_pdf("business licence")
    first = casefile.attach(store, case_id, c.a, data=pdf, name="营业执照.pdf", checklist_code="business_license")
    second = casefile.attach(store, case_id, c.a, data=pdf, name="copy.pdf")
    repo = store.repos.attachments
    rows = repo.of_case(case_id)
    assert [r["id"] for r in rows] == [first, second]
    assert rows[0]["blob_id"] == rows[1]["blob_id"] and repo.blob_stats()["blobs"] == 1
    row = rows[0]
    import hashlib

    assert row["sha256"] == hashlib.sha256(pdf).hexdigest() and row["size"] == len(pdf) and row["kind"] == "pdf"
    assert row["name"] == "营业执照.pdf" and row["attached_by"] == c.a.id and row["attached_at"].startswith("2026-11-20T10:00")
    assert row["checklist_code"] == "business_license" and row["stage"] == "intake"
    assert rows[1]["checklist_code"] is None and rows[1]["stage"] == Stage.INTAKE.value
    assert repo.content(row["blob_id"]) == pdf
    audit = store.query("SELECT action, after_json FROM audit_log WHERE entity = 'attachment' ORDER BY seq")
    assert [a["action"] for a in audit] == ["attach", "attach"] and row["sha256"] in audit[0]["after_json"]
    assert store.check_rows() == []


def test_types_come_from_the_content_not_the_name(store, c) -> None:
    assert detect(make_pdf(), "x.jpg").kind == "pdf"
    assert detect(make_png(), "x.pdf").kind == "png"
    assert detect(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64, "a").kind == "jpeg"
    assert detect(b"II*\x00\x08\x00\x00\x00" + b"\x00" * 64, "a").kind == "tiff"
    assert detect(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "a.wps").kind == "ole"
    import openpyxl

    wb = openpyxl.Workbook()
    buf = io.BytesIO()
    wb.save(buf)
    assert detect(buf.getvalue(), "报表.xlsx").kind == "xlsx"
    case_id = open_case(store, c)
    with pytest.raises(ValidationError) as err:
        casefile.attach(store, case_id, c.a, data=b"MZ\x90\x00\x03" + b"\x00" * 200, name="invoice.pdf")
    assert "invoice.pdf" in err.value.message("zh") and "不能归档" in err.value.message("zh")
    assert "invoice.pdf" in err.value.message("en")
    with pytest.raises(ValidationError) as err:
        casefile.attach(store, case_id, c.a, data=b"just some text", name="notes.pdf")
    assert "notes.pdf" in err.value.message("zh")
    assert store.repos.attachments.of_case(case_id) == []


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "C:\\Windows\\x.pdf", "a/b.pdf", "invoice\u202efdp.exe",
                                  "bell\x07.pdf", "CON.pdf", "..", "  "])
def test_a_hostile_name_is_refused_naming_it(store, c, name) -> None:
    case_id = open_case(store, c)
    with pytest.raises(ValidationError) as err:
        casefile.attach(store, case_id, c.a, data=make_pdf(), name=name)
    message = err.value.message("zh")
    assert "文件名" in message and err.value.key == "attachment_name_hostile"
    visible = name.replace("\u202e", "\\u202e").replace("\x07", "\\u0007")
    assert visible in message
    assert store.repos.attachments.of_case(case_id) == []


def test_names_are_kept_readable_and_bounded() -> None:
    assert clean_name(" 报表:2026?.pdf ") == "报表_2026_.pdf"
    long = clean_name("长" * 300 + ".pdf")
    assert len(long) == 120 and long.endswith(".pdf")


def test_an_oversize_file_is_refused_naming_it_and_the_limit(store, c, tmp_path) -> None:
    case_id = open_case(store, c)
    store.repos.settings.set_many({"casefile.max_file_mb": 1}, acting_user_id=c.admin.id)
    big = tmp_path / "扫描件-全套.pdf"
    big.write_bytes(make_pdf() + b"\0" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError) as err:
        casefile.attach_path(store, case_id, c.a, big)
    assert "扫描件-全套.pdf" in err.value.message("zh") and "1 MB" in err.value.message("zh")
    with pytest.raises(ValidationError):
        casefile.attach(store, case_id, c.a, data=big.read_bytes(), name=big.name)
    assert casefile.size_limit(store) == 1024 * 1024
    assert store.repos.attachments.blob_stats() == {"blobs": 0, "bytes": 0, "attachments": 0}


def test_record_targets_and_unknown_targets(store, c) -> None:
    case_id = open_case(store, c)
    with pytest.raises(NotFoundError) as err:
        casefile.attach(store, case_id, c.a, data=make_pdf(), name="x.pdf", checklist_code="no_such_item")
    assert "no_such_item" in str(err.value)
    with pytest.raises(NotFoundError):
        casefile.attach(store, case_id, c.a, data=make_pdf(), name="x.pdf", record=("contract", 999))


def test_received_needs_a_file_or_a_paper_original(store, c) -> None:
    case_id = open_case(store, c)
    item = store.repos.cases.checklist(case_id)[0]
    with pytest.raises(ValidationError) as err:
        intake.set_checklist_item(store, case_id, item.code, "received", c.a)
    assert item.label in err.value.message("zh") and err.value.key == "checklist_needs_file"
    intake.set_checklist_item(store, case_id, item.code, "received", c.a, paper_original=True)
    assert store.repos.attachments.checklist_item(case_id, item.code)["paper_only"] == 1
    second = store.repos.cases.checklist(case_id)[1]
    att = casefile.attach(store, case_id, c.a, data=make_pdf(), name="f.pdf", checklist_code=second.code)
    intake.set_checklist_item(store, case_id, second.code, "received", c.a)
    assert store.repos.attachments.checklist_item(case_id, second.code)["paper_only"] == 0
    # The last file of a received item cannot go (the item would be received with nothing).
    with pytest.raises(WorkflowError) as err:
        casefile.remove(store, att, c.a)
    assert second.label in err.value.message("zh")
    intake.set_checklist_item(store, case_id, second.code, "pending", c.a)
    casefile.remove(store, att, c.a)
    assert store.repos.attachments.of_case(case_id) == [] and store.repos.attachments.blob_stats()["blobs"] == 0
    assert store.check_rows() == []


def test_before_the_committee_remove_deletes_the_bytes_and_restores_the_previous_version(store, c) -> None:
    case_id = open_case(store, c)
    old = casefile.attach(store, case_id, c.a, data=make_pdf("v1"), name="v1.pdf")
    new = casefile.supersede(store, old, c.a, data=make_pdf("v2"), name="v2.pdf", reason="清晰版")
    repo = store.repos.attachments
    assert [(r["id"], r["status"]) for r in repo.of_case(case_id)] == [(old, "superseded"), (new, "current")]
    with pytest.raises(WorkflowError):
        casefile.remove(store, old, c.a)  # an old version: only the current one is handled
    casefile.remove(store, new, c.a)
    assert [(r["id"], r["status"]) for r in repo.of_case(case_id)] == [(old, "current")]
    assert repo.blob_stats()["blobs"] == 1
    actions = [r["action"] for r in store.query("SELECT action FROM audit_log WHERE entity = 'attachment' ORDER BY seq")]
    assert actions == ["attach", "supersede", "remove"]


def test_after_the_committee_nothing_is_deleted_only_superseded_with_a_reason(store, c) -> None:
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    first = casefile.attach(store, case_id, c.a, data=make_pdf("report"), name="调查底稿.pdf")
    approve(store, case_id, c)
    with pytest.raises(WorkflowError) as err:
        casefile.remove(store, first, c.a)
    assert "保审会" in err.value.message("zh")
    with pytest.raises(ValidationError):
        casefile.supersede(store, first, c.a, data=make_pdf("report v2"), name="调查底稿v2.pdf", reason="")
    second = casefile.supersede(store, first, c.a, data=make_pdf("report v2"), name="调查底稿v2.pdf", reason="补充签字页")
    rows = store.repos.attachments.of_case(case_id)
    assert [(r["name"], r["status"], r["reason"], r["supersedes_id"]) for r in rows] == [
        ("调查底稿.pdf", "superseded", "", None), ("调查底稿v2.pdf", "current", "补充签字页", first)]
    assert rows[1]["id"] == second and store.repos.attachments.blob_stats()["blobs"] == 2
    with pytest.raises(WorkflowError):
        casefile.supersede(store, first, c.a, data=make_pdf("x"), name="x.pdf", reason="again")


def test_a_word_inside_an_attached_pdf_is_found_by_the_case_search(store, c) -> None:
    case_id = open_case(store, c)
    other = open_case(store, c, seed=2)
    casefile.attach(store, case_id, c.a, data=make_pdf("Quarterly VAT filing Zyxwvut Holdings"), name="tax.pdf")
    found = store.repos.cases.page(CaseFilter(text="Zyxwvut"))
    assert [r.id for r in found] == [case_id] and store.repos.cases.count(CaseFilter(text="zyxwvut")) == 1
    assert other not in {r.id for r in found}
    assert store.repos.cases.count(CaseFilter(text="not-in-any-file")) == 0


def test_seals_cover_the_blob_hash_and_audit_verify_checks_the_bytes(store, c) -> None:
    case_id = open_case(store, c)
    casefile.attach(store, case_id, c.a, data=make_pdf("sealed"), name="s.pdf")
    blob_id = store.scalar("SELECT id FROM blobs")
    digest = store.scalar("SELECT digest FROM row_seals WHERE tbl = 'blobs' AND row_id = ?", [blob_id])
    assert digest
    # Someone edits the bytes with the triggers dropped: the seal (over the sha256) still fits, the bytes do not.
    conn = store.db.conn
    conn.execute("DROP TRIGGER seal_blobs_update")
    conn.execute("UPDATE blobs SET content = ? WHERE id = ?", [make_pdf("forged"), blob_id])
    conn.commit()
    problems = store.check_rows()
    assert [(m.table, m.row_id, m.problem) for m in problems] == [("blobs", blob_id, "changed")]


def test_attachment_actions_need_a_staff_role(store, c) -> None:
    from ipguard.errors import PermissionDenied

    case_id = open_case(store, c)
    with pytest.raises(PermissionDenied):
        casefile.attach(store, case_id, c.members[0], data=make_pdf(), name="x.pdf")
