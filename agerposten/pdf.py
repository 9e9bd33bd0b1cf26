"""Reading Agerposten PDFs with pypdfium2: checking them, their cover and the text of each page."""

import io
import re

from django.utils.translation import gettext as _

import pypdfium2

MAX_FILE_SIZE = 100 * 1024 * 1024
# No issue of a neighbourhood paper has more; a larger count means a wrong or hostile file.
MAX_PAGES = 500
COVER_WIDTH = 800
# A4 is 595 × 842 points, a broadsheet 1,100 × 1,600: a side beyond 2,000 points (70 cm) is no
# newspaper page, and reading it by OCR at 300 dpi would need gigabytes.
MAX_PAGE_POINTS = 2000
# Control characters (other than line breaks) are no text; \x02 and \x03 mark search hits.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class PdfError(Exception):
    """A file that cannot be an issue; the message is one sentence for the editor."""


def open_pdf(data):
    """The opened pypdfium2 document, or PdfError saying what is wrong with the file."""
    if len(data) > MAX_FILE_SIZE:
        raise PdfError(_("The file is larger than 100 MB."))
    if not data.lstrip()[:5] == b"%PDF-":
        raise PdfError(_("The file is not a PDF."))
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if getattr(error, "err_code", None) == pypdfium2.raw.FPDF_ERR_PASSWORD:
            raise PdfError(_("The PDF is protected by a password.")) from None
        raise PdfError(_("The PDF is damaged or incomplete and cannot be read.")) from None
    page_count = len(document)
    if page_count == 0:
        document.close()
        raise PdfError(_("The PDF has no pages."))
    if page_count > MAX_PAGES:
        document.close()
        raise PdfError(
            _("The PDF has %(count)d pages; an issue can have at most %(max)d.")
            % {"count": page_count, "max": MAX_PAGES}
        )
    return document


def check_pdf(data):
    """The page count of a usable PDF; raises PdfError otherwise.

    Every page is loaded, with its text, so that damage inside the file is found now, while
    the editor can still upload another file, not later in the background.
    """
    document = open_pdf(data)
    try:
        for number, page in enumerate(document, start=1):
            width, height = page.get_size()
            page.get_textpage().close()
            page.close()
            if max(width, height) > MAX_PAGE_POINTS:
                raise PdfError(
                    _(
                        "Page %(number)d is %(width)d × %(height)d cm; a page can be at most "
                        "70 × 70 cm."
                    )
                    % {"number": number, "width": width / 72 * 2.54, "height": height / 72 * 2.54}
                )
        return len(document)
    except pypdfium2.PdfiumError:
        raise PdfError(_("The PDF is damaged or incomplete and cannot be read.")) from None
    finally:
        document.close()


def clean_text(text):
    return CONTROL_CHARACTERS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def read_pdf(data):
    """(cover JPEG bytes, [text of page 1, page 2, …]) of a usable PDF."""
    document = open_pdf(data)
    try:
        first = document[0]
        scale = COVER_WIDTH / first.get_width()
        cover = first.render(scale=scale).to_pil().convert("RGB")
        out = io.BytesIO()
        cover.save(out, format="JPEG", quality=85)
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(clean_text(textpage.get_text_range()))
            textpage.close()
            page.close()
        return out.getvalue(), texts
    except pypdfium2.PdfiumError:
        raise PdfError(_("The PDF is damaged or incomplete and cannot be read.")) from None
    finally:
        document.close()


def render_pages(data, numbers, width):
    """{page number: WebP bytes of the page, `width` pixels wide} for pages of a usable PDF."""
    document = open_pdf(data)
    try:
        images = {}
        for number in numbers:
            page = document[number - 1]
            image = page.render(scale=width / page.get_width()).to_pil().convert("RGB")
            out = io.BytesIO()
            image.save(out, format="WEBP", quality=70)
            images[number] = out.getvalue()
            page.close()
        return images
    except pypdfium2.PdfiumError:
        raise PdfError(_("The PDF is damaged or incomplete and cannot be read.")) from None
    finally:
        document.close()
