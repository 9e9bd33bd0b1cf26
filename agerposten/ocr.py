"""OCR for scanned pages: OCRmyPDF over Tesseract with its Danish language data.

OCRmyPDF reads the pages that have no text layer (it leaves the others alone) and writes a text
layer into the PDF, so that a reader's own PDF viewer can search it too. Its two-step hOCR API
keeps Tesseract's hOCR of each page, and that gives what the site needs beyond the text: every
word's box on the page (the highlight on the page view) and its confidence (pages marked
"may contain errors"). Without Tesseract or OCRmyPDF installed, `ocr_unavailable_reason` says so
and scanned pages stay unsearchable; nothing else changes.
"""

import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from .pdf import PdfError

try:  # optional: the site runs without OCR, and says so in the admin
    import ocrmypdf
    from ocrmypdf.api import _hocr_to_ocr_pdf, _pdf_to_hocr
except ImportError:  # pragma: no cover - depends on the installation
    ocrmypdf = None

LANGUAGE = "dan"
# Tesseract's mean word confidence (0-100) below which a page is marked "may contain errors".
LOW_CONFIDENCE = 80
# A page Tesseract is still reading after this many seconds is given up (and counted unread).
PAGE_TIMEOUT = 180
# Boxes are stored in these units of the page's width and height, so they fit any image size.
BOX_SCALE = 10000
BBOX = re.compile(r"bbox (\d+) (\d+) (\d+) (\d+)")
WCONF = re.compile(r"x_wconf (\d+)")


@dataclass
class PageOcr:
    """What Tesseract read on one page: its text, word boxes and mean confidence."""

    text: str = ""
    # [word, left, top, width, height], in BOX_SCALE units of the page
    words: list = field(default_factory=list)
    confidence: float = 0.0
    image: bytes = b""  # the page as WebP, for the page view (processing.py)

    @property
    def low_confidence(self):
        return bool(self.text) and self.confidence < LOW_CONFIDENCE


def ocr_unavailable_reason():
    """None when OCR can run here; otherwise the sentence the admin shows."""
    if ocrmypdf is None or shutil.which("tesseract") is None:
        return _(
            "OCR is not installed on this server, so scanned pages cannot be read and are not "
            "found by search. Install tesseract-ocr, tesseract-ocr-dan and ocrmypdf "
            "(see docs/agerposten.md), then run OCR again."
        )
    languages = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, check=False
    ).stdout.split()
    if LANGUAGE not in languages:
        return _("Tesseract has no Danish language data on this server: install tesseract-ocr-dan.")
    return None


def _class_of(element):
    return element.get("class", "")


def parse_hocr(hocr):
    """A PageOcr from Tesseract's hOCR of one page."""
    root = ElementTree.fromstring(hocr)
    page = next(e for e in root.iter() if _class_of(e) == "ocr_page")
    _, _, page_width, page_height = map(int, BBOX.search(page.get("title")).groups())
    words, confidences, paragraphs = [], [], []
    for paragraph in (e for e in page.iter() if _class_of(e) == "ocr_par"):
        lines = []
        for line in (e for e in paragraph.iter() if _class_of(e) in {"ocr_line", "ocr_caption"}):
            line_words = []
            for word in (e for e in line.iter() if _class_of(e) == "ocrx_word"):
                text = "".join(word.itertext()).strip()
                if not text:
                    continue
                x0, y0, x1, y1 = map(int, BBOX.search(word.get("title")).groups())
                confidence = WCONF.search(word.get("title"))
                confidences.append(int(confidence.group(1)) if confidence else 0)
                words.append(
                    [
                        text,
                        round(x0 * BOX_SCALE / page_width),
                        round(y0 * BOX_SCALE / page_height),
                        round((x1 - x0) * BOX_SCALE / page_width),
                        round((y1 - y0) * BOX_SCALE / page_height),
                    ]
                )
                line_words.append(text)
            if line_words:
                lines.append(" ".join(line_words))
        if lines:
            paragraphs.append("\n".join(lines))
    return PageOcr(
        text="\n\n".join(paragraphs),
        words=words,
        confidence=round(sum(confidences) / len(confidences), 1) if confidences else 0.0,
    )


def run_ocr(data, pages, redo=False, progress=None, jobs=None):
    """(PDF bytes with a text layer, {page number: PageOcr}) for the scanned `pages` of `data`.

    Pages with a text layer are left alone; with `redo`, the text OCR put there before is read
    again. `progress(count)` is called from this thread while Tesseract works. Raises PdfError.
    """
    with tempfile.TemporaryDirectory(prefix="agerposten-ocr-") as tmp:
        source, work, output = Path(tmp, "in.pdf"), Path(tmp, "work"), Path(tmp, "out.pdf")
        source.write_bytes(data)
        work.mkdir()
        options = {
            "jobs": jobs,
            "progress_bar": False,
            "mode": "redo" if redo else "skip",
            "pages": ",".join(str(n) for n in pages),
        }
        # OCRmyPDF runs in a thread of its own (Tesseract in its pool); this thread counts the
        # pages it has read and reports them, so `progress` may use this thread's database
        # connection.
        errors = []
        worker = threading.Thread(
            target=_run_pipeline, args=(source, work, output, options, errors), daemon=True
        )
        worker.start()
        reported = 0
        while worker.is_alive():
            worker.join(1)
            count = len(list(work.glob("*_ocr_hocr.hocr")))
            if progress is not None and count != reported:
                progress(count)
                reported = count
        if errors:
            raise errors[0]
        results = {}
        for number in pages:
            hocr = work / f"{number:06d}_ocr_hocr.hocr"
            results[number] = parse_hocr(hocr.read_bytes()) if hocr.exists() else PageOcr()
        return output.read_bytes(), results


def _run_pipeline(source, work, output, options, errors):
    try:
        _pdf_to_hocr(
            source,
            work,
            language=[LANGUAGE],
            tesseract_timeout=PAGE_TIMEOUT,
            **options,
        )
        _hocr_to_ocr_pdf(
            work,
            output,
            jobs=options["jobs"],
            progress_bar=False,
            # The reader's PDF, not an archival PDF/A: no Ghostscript pass, no colour changes.
            output_type="pdf",
            optimize=0,
        )
    except ocrmypdf.exceptions.EncryptedPdfError:
        errors.append(PdfError(_("The PDF is protected by a password.")))
    except ocrmypdf.exceptions.ExitCodeException as error:
        reason = str(error) or type(error).__name__
        errors.append(PdfError(_("OCR could not read this PDF: %(reason)s") % {"reason": reason}))
    except Exception as error:  # reported to the editor; the worker goes on
        reason = str(error) or type(error).__name__
        errors.append(PdfError(_("OCR failed: %(reason)s") % {"reason": reason}))
