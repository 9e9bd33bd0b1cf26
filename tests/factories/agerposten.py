import datetime
import io

from fpdf import FPDF

from agerposten import models
from agerposten.demo import issue_pdf
from agerposten.importing import import_issue
from tests.factories.kvarter import BasePageFactory


class ArchiveIndexPageFactory(BasePageFactory):
    title = "Agerposten"
    slug = "agerposten"

    class Meta:
        model = models.ArchiveIndexPage


def pdf_with_pages(*page_texts):
    """A text PDF: one page per text (each a single article)."""
    return issue_pdf(
        "Agerposten", "Testnummer", [[(f"Side {n}", text)] for n, text in enumerate(page_texts, 1)]
    )


def scanned_pdf(pages=2):
    """Pages with drawings only, like a scan: no text layer."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.set_fill_color(120, 120, 120)
        pdf.rect(20, 20, 170, 250, style="F")
    return bytes(pdf.output())


def encrypted_pdf():
    pdf = FPDF()
    pdf.set_encryption(owner_password="ejer", user_password="hemmelig")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="Hemmeligt")
    return bytes(pdf.output())


def many_pages_pdf(count):
    pdf = FPDF()
    for _ in range(count):
        pdf.add_page()
    return bytes(pdf.output())


def zero_pages_pdf():
    """A well-formed PDF whose page tree is empty."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (3, xref))
    return out.getvalue()


def make_issue(archive, number, date=None, data=None, **kwargs):
    """An issue imported the way the command and the demo do it."""
    date = date or datetime.date(2026, 3, 1)
    data = data or pdf_with_pages(f"Nummer {number}", "Nyt fra kvarteret", "Mere nyt")
    issue, _ = import_issue(archive, number, date, data, f"agerposten-{number}.pdf", **kwargs)
    return issue
