"""The editor's side of OCR: what the status panel says, "Run OCR again", and what happens when
OCR is missing, fails, or a page cannot be read."""

import datetime
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from django.utils.html import escape

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from fpdf import FPDF

from agerposten.constants import OcrStatus
from agerposten.models import IssuePage, IssuePdf
from agerposten.pdf import PdfError, check_pdf
from tests.agerposten.helpers import row_counts, stored_files
from tests.agerposten.scans import page_lines, scanned_pdf
from tests.agerposten.test_ocr import NEEDS_OCR
from tests.factories.agerposten import ArchiveIndexPageFactory, make_issue
from tests.kvarter.helpers import create_site, in_admin_language

NOT_INSTALLED = "OCR is not installed here."


def in_site_language(function):
    with translation.override(settings.LANGUAGE_CODE):
        return function()


@override_settings(WAGTAILADMIN_BASE_URL="http://testserver")
class OcrAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)
        cls.editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def upload(self, number, data):
        form = nested_form_data(
            {
                "title": "",
                "number": str(number),
                "date": "2026-03-01",
                "intro": "",
                "toc": streamfield([]),
            }
        )
        form["pdf_file"] = SimpleUploadedFile("scan.pdf", data, content_type="application/pdf")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"/admin/pages/add/agerposten/issuepage/{self.archive.pk}/", form
            )
        self.assertEqual(response.status_code, 302)
        return IssuePage.objects.get(number=number)

    def edit_page(self, issue):
        return self.client.get(f"/admin/pages/{issue.pk}/edit/")

    @NEEDS_OCR
    def test_the_editor_is_told_how_ocr_went_and_can_run_it_again(self):
        # Page 2 is blank: OCR finds nothing to read there.
        issue = self.upload(50, scanned_pdf([page_lines(1), [], page_lines(3)]))
        pdf = issue.pdf
        self.assertEqual((pdf.status, pdf.ocr_status), (IssuePdf.READY, OcrStatus.DONE))
        self.assertEqual((pdf.ocr_pages, pdf.ocr_read), (3, 2))
        summary = in_site_language(lambda: pdf.ocr_summary)
        response = self.edit_page(issue)
        self.assertContains(response, escape(summary))
        self.assertContains(response, f"/admin/agerposten/{issue.pk}/ocr/")
        self.assertContains(response, in_admin_language("Run OCR again"))
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/admin/agerposten/{issue.pk}/ocr/")
        self.assertRedirects(response, f"/admin/pages/{issue.pk}/edit/")
        pdf.refresh_from_db()
        self.assertEqual((pdf.ocr_status, pdf.ocr_read), (OcrStatus.DONE, 2))
        self.assertIn("Side 3", pdf.pages.get(number=3).text)
        self.assertEqual(pdf.pages.count(), 3)

    def test_without_ocr_installed_the_admin_says_scanned_pages_need_it(self):
        with mock.patch("agerposten.processing.ocr_unavailable_reason", return_value="x"):
            issue = self.upload(51, scanned_pdf([page_lines(1), page_lines(2)]))
        pdf = issue.pdf
        self.assertEqual((pdf.status, pdf.ocr_status), (IssuePdf.READY, OcrStatus.UNAVAILABLE))
        self.assertFalse(pdf.has_text)
        with mock.patch("agerposten.models.ocr_unavailable_reason", return_value=NOT_INSTALLED):
            response = self.edit_page(issue)
        self.assertContains(response, NOT_INSTALLED)
        self.assertContains(
            response,
            in_site_language(
                lambda: (
                    translation.ngettext(
                        "%(counter)s page is a scan without text.",
                        "%(counter)s pages are scans without text.",
                        2,
                    )
                    % {"counter": 2}
                )
            ),
        )

    def test_ocr_failing_keeps_the_issue_and_says_why(self):
        files_before = stored_files()
        with mock.patch(
            "agerposten.processing.run_ocr", side_effect=PdfError("Tesseract crashed.")
        ):
            issue = self.upload(52, scanned_pdf([page_lines(1)]))
        pdf = issue.pdf
        self.assertEqual((pdf.status, pdf.ocr_status), (IssuePdf.READY, OcrStatus.FAILED))
        self.assertEqual(pdf.ocr_error, "Tesseract crashed.")
        self.assertContains(self.edit_page(issue), "Tesseract crashed.")
        # The document and its cover, nothing else: no page image, no second PDF.
        self.assertEqual(len(stored_files() - files_before), 2)

    def test_a_huge_page_is_refused_with_one_sentence_and_nothing_stored(self):
        pdf = FPDF(unit="pt", format=(20000, 20000))
        pdf.add_page()
        data = bytes(pdf.output())
        with (
            translation.override("en"),
            self.assertRaisesMessage(PdfError, "Page 1 is 705 × 705 cm; a page can be at most"),
        ):
            check_pdf(data)
        before, files_before = row_counts(), stored_files()
        with self.assertRaises(PdfError):
            make_issue(self.archive, 53, datetime.date(2026, 3, 1), data)
        self.assertEqual((row_counts(), stored_files()), (before, files_before))
