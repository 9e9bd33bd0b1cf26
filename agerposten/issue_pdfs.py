"""The data model of the archive: an uploaded PDF and the text of each of its pages.

It knows no page model, so that processing, forms and the page models can all import it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import PdfStatus
from .search import unindex_pages


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
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("issue PDF")
        verbose_name_plural = _("issue PDFs")

    def __str__(self):
        return self.document.title

    def delete_with_files(self):
        """Remove this PDF, its document, cover and search index rows: nothing left behind."""
        unindex_pages(list(self.pages.values_list("pk", flat=True)))
        if self.cover_id:
            self.cover.delete()
        self.document.delete()  # cascades to this row and its pages


class IssuePdfPage(models.Model):
    """The text of one page of an issue, for search and the HTML text version."""

    pdf = models.ForeignKey(IssuePdf, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField(_("page"))
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("issue page text")
        verbose_name_plural = _("issue page texts")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["pdf", "number"], name="agerposten_unique_pdf_page")
        ]

    def __str__(self):
        return f"{self.pdf} p. {self.number}"
