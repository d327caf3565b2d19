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


def test_attach_stores_identical_content_once_with_its_facts(store, c) -> None:
    case_id = open_case(store, c)
    pdf = make_pdf("business licence")
    first = casefile.attach(store, case_id, c.a, data=pdf, name="营业执照.pdf", checklist_code="business_license", expected_version=store.repos.cases.get(case_id).version)
    second = casefile.attach(store, case_id, c.a, data=pdf, name="copy.pdf", expected_version=store.repos.cases.get(case_id).version)
    repo = store.repos.attachments
    rows = repo.of_case(case_id)
    assert [r.id for r in rows] == [first, second]
    assert rows[0].blob_id == rows[1].blob_id and repo.blob_stats()["blobs"] == 1
    row = rows[0]
    import hashlib

    assert row.sha256 == hashlib.sha256(pdf).hexdigest() and row.size == len(pdf) and row.kind == "pdf"
    assert row.name == "营业执照.pdf" and row.attached_by == c.a.id and row.attached_at.startswith("2026-11-20T10:00")
    assert row.checklist_code == "business_license" and row.stage is Stage.INTAKE
    assert rows[1].checklist_code is None and rows[1].stage is Stage.INTAKE
    assert repo.content(row.blob_id) == pdf
    audit = store.query("SELECT action, after_json FROM audit_log WHERE entity = 'attachment' ORDER BY seq")
    assert [a["action"] for a in audit] == ["attach", "attach"] and row.sha256 in audit[0]["after_json"]
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
        casefile.attach(store, case_id, c.a, data=b"MZ\x90\x00\x03" + b"\x00" * 200, name="invoice.pdf", expected_version=store.repos.cases.get(case_id).version)
    assert "invoice.pdf" in err.value.message("zh") and "不能归档" in err.value.message("zh")
    assert "invoice.pdf" in err.value.message("en")
    with pytest.raises(ValidationError) as err:
        casefile.attach(store, case_id, c.a, data=b"just some text", name="notes.pdf", expected_version=store.repos.cases.get(case_id).version)
    assert "notes.pdf" in err.value.message("zh")
    assert store.repos.attachments.of_case(case_id) == []


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "C:\\Windows\\x.pdf", "a/b.pdf", "invoice\u202efdp.exe",
                                  "bell\x07.pdf", "CON.pdf", "..", "  "])
def test_a_hostile_name_is_refused_naming_it(store, c, name) -> None:
    case_id = open_case(store, c)
    with pytest.raises(ValidationError) as err:
        casefile.attach(store, case_id, c.a, data=make_pdf(), name=name, expected_version=store.repos.cases.get(case_id).version)
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
        casefile.attach_path(store, case_id, c.a, big, expected_version=store.repos.cases.get(case_id).version)
    assert "扫描件-全套.pdf" in err.value.message("zh") and "1 MB" in err.value.message("zh")
    with pytest.raises(ValidationError):
        casefile.attach(store, case_id, c.a, data=big.read_bytes(), name=big.name, expected_version=store.repos.cases.get(case_id).version)
    assert casefile.size_limit(store) == 1024 * 1024
    assert store.repos.attachments.blob_stats() == {"blobs": 0, "bytes": 0, "attachments": 0}


def test_record_targets_and_unknown_targets(store, c) -> None:
    case_id = open_case(store, c)
    with pytest.raises(NotFoundError) as err:
        casefile.attach(store, case_id, c.a, data=make_pdf(), name="x.pdf", checklist_code="no_such_item", expected_version=store.repos.cases.get(case_id).version)
    assert "no_such_item" in str(err.value)
    with pytest.raises(NotFoundError):
        casefile.attach(store, case_id, c.a, data=make_pdf(), name="x.pdf", record=("contract", 999), expected_version=store.repos.cases.get(case_id).version)


def test_received_needs_a_file_or_a_paper_original(store, c) -> None:
    case_id = open_case(store, c)
    item = store.repos.cases.checklist(case_id)[0]
    with pytest.raises(ValidationError) as err:
        intake.set_checklist_item(store, case_id, item.code, "received", c.a, expected_version=store.repos.cases.get(case_id).version)
    assert item.label in err.value.message("zh") and err.value.key == "checklist_needs_file"
    intake.set_checklist_item(store, case_id, item.code, "received", c.a, paper_original=True, expected_version=store.repos.cases.get(case_id).version)
    assert store.repos.attachments.checklist_item(case_id, item.code).paper_only
    second = store.repos.cases.checklist(case_id)[1]
    att = casefile.attach(store, case_id, c.a, data=make_pdf(), name="f.pdf", checklist_code=second.code, expected_version=store.repos.cases.get(case_id).version)
    intake.set_checklist_item(store, case_id, second.code, "received", c.a, expected_version=store.repos.cases.get(case_id).version)
    assert not store.repos.attachments.checklist_item(case_id, second.code).paper_only
    # The last file of a received item cannot go (the item would be received with nothing).
    with pytest.raises(WorkflowError) as err:
        casefile.remove(store, att, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert second.label in err.value.message("zh")
    intake.set_checklist_item(store, case_id, second.code, "pending", c.a, expected_version=store.repos.cases.get(case_id).version)
    casefile.remove(store, att, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert store.repos.attachments.of_case(case_id) == [] and store.repos.attachments.blob_stats()["blobs"] == 0
    assert store.check_rows() == []


def test_before_the_committee_remove_deletes_the_bytes_and_restores_the_previous_version(store, c) -> None:
    case_id = open_case(store, c)
    old = casefile.attach(store, case_id, c.a, data=make_pdf("v1"), name="v1.pdf", expected_version=store.repos.cases.get(case_id).version)
    new = casefile.supersede(store, old, c.a, data=make_pdf("v2"), name="v2.pdf", reason="清晰版", expected_version=store.repos.cases.get(case_id).version)
    repo = store.repos.attachments
    assert [(r.id, r.status) for r in repo.of_case(case_id)] == [(old, "superseded"), (new, "current")]
    with pytest.raises(WorkflowError):
        casefile.remove(store, old, c.a, expected_version=store.repos.cases.get(case_id).version)  # an old version: only the current one is handled
    casefile.remove(store, new, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert [(r.id, r.status) for r in repo.of_case(case_id)] == [(old, "current")]
    assert repo.blob_stats()["blobs"] == 1
    actions = [r["action"] for r in store.query("SELECT action FROM audit_log WHERE entity = 'attachment' ORDER BY seq")]
    assert actions == ["attach", "supersede", "remove"]


def test_after_the_committee_nothing_is_deleted_only_superseded_with_a_reason(store, c) -> None:
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    first = casefile.attach(store, case_id, c.a, data=make_pdf("report"), name="调查底稿.pdf", expected_version=store.repos.cases.get(case_id).version)
    approve(store, case_id, c)
    with pytest.raises(WorkflowError) as err:
        casefile.remove(store, first, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert "保审会" in err.value.message("zh")
    with pytest.raises(ValidationError):
        casefile.supersede(store, first, c.a, data=make_pdf("report v2"), name="调查底稿v2.pdf", reason="", expected_version=store.repos.cases.get(case_id).version)
    second = casefile.supersede(store, first, c.a, data=make_pdf("report v2"), name="调查底稿v2.pdf", reason="补充签字页", expected_version=store.repos.cases.get(case_id).version)
    rows = store.repos.attachments.of_case(case_id)
    assert [(r.name, r.status, r.reason, r.supersedes_id) for r in rows] == [
        ("调查底稿.pdf", "superseded", "", None), ("调查底稿v2.pdf", "current", "补充签字页", first)]
    assert rows[1].id == second and store.repos.attachments.blob_stats()["blobs"] == 2
    with pytest.raises(WorkflowError):
        casefile.supersede(store, first, c.a, data=make_pdf("x"), name="x.pdf", reason="again", expected_version=store.repos.cases.get(case_id).version)


def test_a_word_inside_an_attached_pdf_is_found_by_the_case_search(store, c) -> None:
    case_id = open_case(store, c)
    other = open_case(store, c, seed=2)
    casefile.attach(store, case_id, c.a, data=make_pdf("Quarterly VAT filing Zyxwvut Holdings"), name="tax.pdf", expected_version=store.repos.cases.get(case_id).version)
    found = store.repos.cases.page(CaseFilter(text="Zyxwvut"))
    assert [r.id for r in found] == [case_id] and store.repos.cases.count(CaseFilter(text="zyxwvut")) == 1
    assert other not in {r.id for r in found}
    assert store.repos.cases.count(CaseFilter(text="not-in-any-file")) == 0


@pytest.mark.sqlite_only  # row seals are the file's defence; a server keeps none (its roles guard the rows)
def test_seals_cover_the_blob_hash_and_audit_verify_checks_the_bytes(store, c) -> None:
    case_id = open_case(store, c)
    casefile.attach(store, case_id, c.a, data=make_pdf("sealed"), name="s.pdf", expected_version=store.repos.cases.get(case_id).version)
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
        casefile.attach(store, case_id, c.members[0], data=make_pdf(), name="x.pdf", expected_version=store.repos.cases.get(case_id).version)


# -- export and verify -------------------------------------------------------------------------

def _filled_case(store, c):
    case_id = open_case(store, c)
    item = store.repos.cases.checklist(case_id)[0]
    first = casefile.attach(store, case_id, c.a, data=make_pdf("licence"), name="营业执照.pdf", checklist_code=item.code, expected_version=store.repos.cases.get(case_id).version)
    casefile.supersede(store, first, c.a, data=make_pdf("licence v2"), name="营业执照-清晰.pdf", reason="原件模糊", expected_version=store.repos.cases.get(case_id).version)
    casefile.attach(store, case_id, c.b, data=make_png(), name="现场照片.png", expected_version=store.repos.cases.get(case_id).version)
    return case_id


def test_export_writes_every_file_a_folder_per_stage_and_a_manifest(store, c, tmp_path) -> None:
    import hashlib
    import json
    import zipfile

    from ipguard.casefile.export import export_case_file, verify_zip
    from ipguard.documents.service import issue_document

    case_id = _filled_case(store, c)
    to_committee(store, case_id, c)
    issue_document(store, case_id, "investigation_report", c.a)
    case_no = store.repos.cases.get(case_id).case_no
    out = tmp_path / "档案.zip"
    result = export_case_file(store, case_id, c.a, out)
    assert result.files == 4
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read(f"{case_no}/manifest.json"))
        for entry in manifest["files"]:
            assert hashlib.sha256(zf.read(entry["path"])).hexdigest() == entry["sha256"]
    assert manifest["case_no"] == case_no and manifest["exported_by"] == c.a.display_name
    assert manifest["audit_head"]["count"] > 0 and len(manifest["audit_head"]["hash"]) == 64
    folders = {n.split("/")[1] for n in names if n.count("/") == 2}
    assert folders == {"01-受理", "04-尽职调查"} or "01-受理" in folders
    assert any(n.startswith(f"{case_no}/01-受理/") and n.endswith("营业执照.pdf") for n in names)
    statuses = {e["name"]: (e["status"], e.get("reason")) for e in manifest["files"] if e["source"] == "attachment"}
    assert statuses["营业执照.pdf"] == ("superseded", "") and statuses["营业执照-清晰.pdf"] == ("current", "原件模糊")
    assert any(e["source"] == "document" and e["kind"] == "investigation_report" for e in manifest["files"])
    report = verify_zip(out)
    assert report.ok and report.checked == 4 and report.case_no == case_no
    exported = store.query("SELECT after_json FROM audit_log WHERE entity = 'case_file' AND action = 'export'")
    assert len(exported) == 1 and result.sha256 in exported[0]["after_json"]


def test_verify_names_a_changed_a_missing_and_an_extra_file(store, c, tmp_path) -> None:
    import zipfile

    from ipguard.casefile.export import export_case_file, verify_zip

    case_id = _filled_case(store, c)
    out = tmp_path / "a.zip"
    export_case_file(store, case_id, c.a, out)
    with zipfile.ZipFile(out) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    pdfs = sorted(n for n in members if n.endswith(".pdf"))
    tampered = tmp_path / "b.zip"
    with zipfile.ZipFile(tampered, "w") as zf:
        for name, data in members.items():
            if name == pdfs[0]:
                zf.writestr(name, data[:-10] + bytes([data[-10] ^ 1]) + data[-9:])
            elif name != pdfs[1]:
                zf.writestr(name, data)
        zf.writestr(name.rsplit("/", 2)[0] + "/extra.txt", b"x")
    report = verify_zip(tampered)
    assert not report.ok
    text = "\n".join(report.problems)
    assert pdfs[0] in text and "SHA-256" in text and pdfs[1] in text and "extra.txt" in text


def test_verify_refuses_traversal_and_zip_bombs_without_extracting(tmp_path) -> None:
    import zipfile

    from ipguard.casefile.export import verify_zip

    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("../../outside.pdf", b"x")
        zf.writestr("/etc/passwd", b"x")
        zf.writestr("C:\\x.pdf", b"x")
    report = verify_zip(evil)
    assert not report.ok and sum("unsafe member name" in p for p in report.problems) == 3
    assert not (tmp_path.parent.parent / "outside.pdf").exists()
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("K/manifest.json", b"{}")
        zf.writestr("K/01/big.pdf", b"\0" * (64 * 1024 * 1024))
    report = verify_zip(bomb)
    assert not report.ok and any("zip bomb" in p for p in report.problems)
    not_zip = tmp_path / "x.zip"
    not_zip.write_bytes(b"nope")
    with pytest.raises(ValidationError) as err:
        verify_zip(not_zip)
    assert "x.zip" in err.value.message("zh")


def test_cli_export_and_verify(store, c, tmp_path, capsys, monkeypatch) -> None:
    import zipfile

    from ipguard.cli import main
    from tests import factories

    case_id = _filled_case(store, c)
    case_no = store.repos.cases.get(case_id).case_no
    db = store.dsn or str(store.path)  # a server: the command connects as --user with his password
    store.close()
    monkeypatch.setenv("IPGUARD_PASSWORD", factories.PASSWORD)
    out = tmp_path / "cli.zip"
    assert main(["casefile", "export", case_no, "--out", str(out), "--db", db, "--user", "am"]) == 0
    assert "3" in capsys.readouterr().out
    assert main(["casefile", "verify", str(out), "--lang", "en"]) == 0
    assert "case file intact" in capsys.readouterr().out
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr(f"{case_no}/01-受理/smuggled.pdf", b"%PDF-1.4")
    assert main(["casefile", "verify", str(out)]) == 1
    assert "smuggled.pdf" in capsys.readouterr().err
    assert main(["casefile", "export", case_no, "--out", db, "--db", db, "--user", "am"]) == 2


# -- backups --------------------------------------------------------------------------------

def test_backups_carry_the_case_file_and_restore_brings_every_blob_back(tmp_path) -> None:
    import hashlib
    import sqlite3

    from ipguard.backup import backup, restore, verify_backup
    from ipguard.errors import StoreError

    db = tmp_path / "live.db"
    with open_store(db) as store:
        c = cast(store)
        case_id = _filled_case(store, c)
        wanted = {r["sha256"] for r in store.query("SELECT sha256 FROM blobs")}
    assert len(wanted) == 3
    taken = backup(db, tmp_path / "bk")
    with open_store(db, create=False) as store:
        from ipguard import auth
        from tests import factories

        c_again = auth.sign_in(store, "am", factories.PASSWORD)
        for a in store.repos.attachments.of_case(case_id, current_only=True):
            if a.checklist_code is None:
                casefile.remove(store, a.id, c_again, expected_version=store.repos.cases.get(case_id).version)
        assert len(store.query("SELECT id FROM blobs")) == 2
    restore(db, taken.path, backup_dir=tmp_path / "pre", user_id=1)
    with open_store(db, create=False) as store:
        rows = store.query("SELECT id, sha256 FROM blobs")
        assert {r["sha256"] for r in rows} == wanted
        for r in rows:
            assert hashlib.sha256(store.repos.attachments.content(r["id"])).hexdigest() == r["sha256"]
        assert store.check_rows() == []
    # A backup whose attachment bytes were altered is refused, naming the blob.
    forged = tmp_path / "forged.sqlite"
    with sqlite3.connect(taken.path) as src, sqlite3.connect(forged) as dst:
        src.backup(dst)
    src.close()
    with sqlite3.connect(forged) as conn:
        conn.execute("DROP TRIGGER seal_blobs_update")
        conn.execute("UPDATE blobs SET content = x'00' WHERE id = (SELECT MIN(id) FROM blobs)")
    conn.close()
    with pytest.raises(StoreError) as err:
        verify_backup(forged)
    assert err.value.key == "backup_attachment_altered"
