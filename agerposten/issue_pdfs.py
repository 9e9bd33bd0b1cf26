"""The data model of the archive: an uploaded PDF and the text of each of its pages.

It knows no page model, so that processing, forms and the page models can all import it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kvarter.search import query as site_search

from .constants import OcrStatus, PdfStatus
from .search import LANGUAGE, WORD, unindex_pages


class IssuePdf(models.Model):
    """One uploaded PDF and what processing found in it; shared by an issue's translations."""

    PROCESSING = PdfStatus.PROCESSING
    READY = PdfStatus.READY
    FAILED = PdfStatus.FAILED

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+"
    )
    cover = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=PdfStatus.choices)
    error = models.CharField(_("reason"), max_length=300, blank=True)
    page_count = models.PositiveIntegerField(_("pages"))
    file_size = models.PositiveBigIntegerField(_("file size (bytes)"))
    has_text = models.BooleanField(_("has searchable text"), default=False)
    # OCR of the pages without a text layer (ocr.py): how many there are, how many are done so
    # far (the progress the editor sees), how many gave text, and how many of those are unsure.
    ocr_status = models.CharField(
        _("OCR"), max_length=20, choices=OcrStatus.choices, blank=True, default=""
    )
    ocr_pages = models.PositiveIntegerField(_("pages to read by OCR"), default=0)
    ocr_done = models.PositiveIntegerField(_("pages done by OCR"), default=0)
    ocr_read = models.PositiveIntegerField(_("pages read by OCR"), default=0)
    ocr_low_confidence = models.PositiveIntegerField(_("pages with low confidence"), default=0)
    ocr_error = models.CharField(_("OCR problem"), max_length=300, blank=True)
    # SHA-256 of the file as uploaded (before OCR changed it): a bulk import skips what it has.
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # The last sign of life of the worker reading this PDF (processing.resume_abandoned_work).
    worked_on_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("issue PDF")
        verbose_name_plural = _("issue PDFs")

    def __str__(self):
        return self.document.title

    @property
    def ocr_summary(self):
        """ "OCR: 16 of 16 pages read, 3 pages with low confidence", for the editor."""
        summary = ngettext(
            "OCR: %(read)d of %(count)d page read",
            "OCR: %(read)d of %(count)d pages read",
            self.ocr_pages,
        ) % {"read": self.ocr_read, "count": self.ocr_pages}
        if self.ocr_low_confidence:
            summary += ngettext(
                ", %(low)d page with low confidence",
                ", %(low)d pages with low confidence",
                self.ocr_low_confidence,
            ) % {"low": self.ocr_low_confidence}
        return summary

    def delete_with_files(self):
        """Remove this PDF, its document, cover, page images and search index rows: nothing
        left behind."""
        unindex_pages(list(self.pages.values_list("pk", flat=True)))
        for page in self.pages.exclude(image=""):
            page.image.delete(save=False)
        if self.cover_id:
            self.cover.delete()
        self.document.delete()  # cascades to this row and its pages


class IssuePdfPage(models.Model):
    """The text of one page of an issue, for search and the HTML text version."""

    pdf = models.ForeignKey(IssuePdf, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField(_("page"))
    text = models.TextField(_("text"), blank=True)
    # Pages read by OCR: the scan as an image, each word's box on it ([word, left, top, width,
    # height] in ocr.BOX_SCALE units of the page) and Tesseract's mean confidence (0-100).
    ocr = models.BooleanField(_("text recognised automatically"), default=False)
    confidence = models.FloatField(_("OCR confidence"), null=True, blank=True)
    low_confidence = models.BooleanField(_("low OCR confidence"), default=False)
    words = models.JSONField(_("word boxes"), default=list, blank=True)
    image = models.ImageField(
        _("page image"),
        upload_to="agerposten/pages/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True)
    image_height = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("issue page text")
        verbose_name_plural = _("issue page texts")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["pdf", "number"], name="agerposten_unique_pdf_page")
        ]

    def __str__(self):
        return f"{self.pdf} p. {self.number}"

    def marks(self, query_words):
        """The boxes of the words the search matched (`search.query_words` of the query): by
        stem, as a compound part ("fest" in "Sommerfesten") or through a typo's correction
        ("frivilig"), as the search and its snippets do. Each is {word, x, y, width, height}
        in ocr.BOX_SCALE units of the page."""
        if not query_words:
            return []
        return [
            {"word": word, "x": x, "y": y, "width": width, "height": height}
            for word, x, y, width, height in self.words
            if any(site_search.is_hit(part, LANGUAGE, query_words) for part in WORD.findall(word))
        ]
