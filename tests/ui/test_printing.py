"""Printing sends the document's PDF (vector pages) to the printer, never a 1200-dpi page image."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from PySide6.QtPrintSupport import QPrinter

from ipguard.documents import render, samples
from ui.workspace import tab_documents as docs_mod


@pytest.fixture(scope="module")
def letter_pdf() -> bytes:
    return render(samples.intent_letter(), samples.LETTERHEAD)


def test_printing_to_a_pdf_file_gives_the_vector_document(qtbot, tmp_path, letter_pdf):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert docs_mod.send_to_printer(letter_pdf, printer) == "pdf"
    assert out.read_bytes() == letter_pdf
    assert out.stat().st_size < 500_000  # a 1200-dpi page image would be megabytes
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert "意向函" in text.replace(" ", "")


def test_a_cups_printer_gets_the_pdf_itself_with_copies_and_pages(qtbot, tmp_path, letter_pdf, monkeypatch):
    log = tmp_path / "lp.log"
    fake = tmp_path / "lp"
    fake.write_text(f"#!{sys.executable}\nimport sys, shutil\nopen({str(log)!r}, 'w').write(' '.join(sys.argv[1:]))\n"
                    f"shutil.copy(sys.argv[-1], {str(tmp_path / 'spooled.pdf')!r})\n")  # fmt: skip
    fake.chmod(0o755)
    monkeypatch.setattr(docs_mod, "system_spooler", lambda: str(fake))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setCopyCount(2)
    printer.setPrinterName("Office")
    if printer.printerName() != "Office":  # no printing system here: the dialog's choice, as it would be made
        monkeypatch.setattr(printer, "printerName", lambda: "Office", raising=False)
        monkeypatch.setattr(printer, "outputFormat", lambda: QPrinter.OutputFormat.NativeFormat, raising=False)
    assert docs_mod.send_to_printer(letter_pdf, printer) == "spooler"
    args = log.read_text()
    assert "-d Office" in args and "-n 2" in args and "-P 1-" in args
    assert (tmp_path / "spooled.pdf").read_bytes() == letter_pdf


def test_print_preview_zooms(qtbot, letter_pdf):
    dialog = docs_mod.PrintPreviewDialog(letter_pdf, "意向函")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if dialog.preview.view is None:
        pytest.skip("QtPdfWidgets unavailable")
    assert dialog.preview.page_count() >= 1
    dialog.zoom_in_button.click()
    first = dialog.zoom_factor()
    dialog.zoom_in_button.click()
    assert dialog.zoom_factor() > first
    dialog.zoom_out_button.click()
    dialog.zoom_out_button.click()
    assert dialog.zoom_factor() < first
