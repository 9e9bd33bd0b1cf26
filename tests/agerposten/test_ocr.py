"""Scanned issues are read by OCR: a word printed on a page is found by the site search and
marked, with its box, on that page's image."""

import datetime
import io
import shutil
import tempfile
import unittest
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from django.utils import translation

from agerposten.constants import OcrStatus
from agerposten.models import IssuePage
from agerposten.ocr import ocr_unavailable_reason, parse_hocr
from agerposten.pdf import read_pdf
from tests.agerposten.scans import scanned_issue, scanned_pdf
from tests.factories.agerposten import (
    ArchiveIndexPageFactory,
    encrypted_pdf,
    make_issue,
    pdf_with_pages,
)
from tests.kvarter.helpers import create_site

NEEDS_OCR = unittest.skipIf(
    shutil.which("tesseract") is None or ocr_unavailable_reason() is not None,
    "Tesseract with Danish (tesseract-ocr-dan) and ocrmypdf are not installed; .ci/run installs "
    "them",
)
PAGE_SEVEN_WORD = "Kartoffelfestival"


@NEEDS_OCR
class ScannedIssueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)
        data, cls.lines = scanned_issue(8)
        cls.lines[6].append(f"{PAGE_SEVEN_WORD} på plænen ved blok Æ")
        cls.data = scanned_pdf(cls.lines)
        cls.issue = make_issue(cls.archive, 61, datetime.date(2026, 11, 1), cls.data)
        cls.pdf = cls.issue.pdf

    def test_every_scanned_page_is_read_and_the_stored_pdf_has_a_text_layer(self):
        self.assertEqual(self.pdf.ocr_status, OcrStatus.DONE)
        self.assertEqual((self.pdf.ocr_pages, self.pdf.ocr_read), (8, 8))
        self.assertTrue(self.pdf.has_text)
        with translation.override("en"):
            self.assertEqual(self.pdf.ocr_summary, "OCR: 8 of 8 pages read")
        with translation.override("da"):
            self.assertEqual(self.pdf.ocr_summary, "OCR: 8 af 8 sider læst")
        with self.pdf.document.open_file() as handle:
            stored = handle.read()
        self.assertNotEqual(stored, self.data)
        self.assertEqual(self.pdf.file_size, len(stored))
        _, texts = read_pdf(stored)
        self.assertIn(PAGE_SEVEN_WORD, texts[6])
        page = self.pdf.pages.get(number=7)
        self.assertTrue(page.ocr)
        self.assertIn("Børnene plantede æbletræer ved søen", page.text)
        self.assertGreater(page.confidence, 80)
        self.assertFalse(page.low_confidence)

    def test_a_printed_word_is_found_by_the_site_search_and_marked_on_its_page(self):
        response = self.client.get("/da/search/", {"q": "kartoffelfest"})
        page_view = f"{self.issue.url}side-7/?q=kartoffelfest"
        self.assertContains(response, page_view)
        response = self.client.get(page_view)
        self.assertTemplateUsed(response, "agerposten/issue_page_scan.html")
        [mark] = response.context["marks"]
        self.assertEqual(mark["word"], PAGE_SEVEN_WORD)
        # The seventh line of the page, at the left margin (the scan's 250 px of 2480).
        self.assertAlmostEqual(mark["x"], 250 / 2480 * 10000, delta=60)
        self.assertAlmostEqual(mark["y"], (300 + 6 * 110) / 3508 * 10000, delta=120)
        self.assertContains(response, f'<rect x="{mark["x"]}" y="{mark["y"]}"')
        self.assertContains(response, f"{self.pdf.document.url}#page=7")
        self.assertContains(response, f"{PAGE_SEVEN_WORD} på plænen ved blok Æ")
        self.assertEqual(
            self.client.get(f"{self.issue.url}side-6/?q=kartoffelfest").context["marks"], []
        )

    def test_a_page_with_a_text_layer_is_left_alone(self):
        issue = make_issue(self.archive, 62, data=pdf_with_pages("Fællesspisning i beboerhuset"))
        self.assertEqual(issue.pdf.ocr_status, OcrStatus.NOT_NEEDED)
        self.assertFalse(issue.pdf.pages.get().ocr)


@NEEDS_OCR
class MarkedAsTheSearchMatchedTests(TestCase):
    """A hit found through a part of a compound or through a typo is boxed on the scan too."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        archive = ArchiveIndexPageFactory(parent=cls.home)
        lines = [["Side 1", "Sommerfesten i gården lørdag", "Vi søger en frivillig til grillen"]]
        cls.issue = make_issue(archive, 63, datetime.date(2026, 7, 1), scanned_pdf(lines))

    def marked_words(self, query):
        response = self.client.get(f"{self.issue.url}side-1/", {"q": query})
        marks = response.context["marks"]
        for mark in marks:
            self.assertContains(response, f'<rect x="{mark["x"]}" y="{mark["y"]}"')
        return [mark["word"] for mark in marks]

    def test_a_word_found_as_part_of_a_compound_is_marked(self):
        response = self.client.get("/da/search/", {"q": "fest"})
        self.assertContains(response, f"{self.issue.url}side-1/?q=fest")
        self.assertEqual(self.marked_words("fest"), ["Sommerfesten"])

    def test_a_word_found_through_a_typo_is_marked(self):
        response = self.client.get("/da/search/", {"q": "frivilig"})
        self.assertContains(response, f"{self.issue.url}side-1/?q=frivilig")
        self.assertEqual(self.marked_words("frivilig"), ["frivillig"])

    def test_only_the_matched_words_are_marked(self):
        self.assertEqual(self.marked_words("grill"), ["grillen"])
        self.assertEqual(self.marked_words("juletræ"), [])


@NEEDS_OCR
class BulkImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)

    def test_a_back_catalogue_of_scans_is_imported_and_a_rerun_skips_what_is_done(self):
        folder = Path(tempfile.mkdtemp())
        (folder / "agerposten-1-1998-03-01.pdf").write_bytes(scanned_issue(2)[0])
        (folder / "agerposten-2-1998-06-01.pdf").write_bytes(scanned_issue(3)[0])
        (folder / "agerposten-3-1998-09-01.pdf").write_bytes(encrypted_pdf())
        first = self.run_import(folder)
        self.assertIn("Imported 2, updated 0, skipped 0, failed 1; 5 pages read by OCR.", first)
        with translation.override(settings.LANGUAGE_CODE):  # the command speaks the site's
            ocr_line = IssuePage.objects.get(number=1).pdf.ocr_summary
            refused = translation.gettext("The PDF is protected by a password.")
        self.assertIn(f"agerposten-1-1998-03-01.pdf: Agerposten nr. 1, 2 pages ({ocr_line})", first)
        self.assertIn(f"agerposten-3-1998-09-01.pdf: {refused}", first)
        again = self.run_import(folder)
        self.assertIn("Imported 0, updated 0, skipped 2, failed 1; 0 pages read by OCR.", again)
        self.assertEqual(sorted(IssuePage.objects.values_list("number", flat=True)), [1, 2])

    def run_import(self, folder):
        out = io.StringIO()
        with self.assertRaises(CommandError) as raised:
            call_command("agerposten_import", str(folder), stdout=out)
        return f"{out.getvalue()}{raised.exception}"


class HocrTests(TestCase):
    def test_words_boxes_and_confidence_are_read_from_hocr(self):
        hocr = b"""<html xmlns="http://www.w3.org/1999/xhtml"><body>
        <div class='ocr_page' title='image "x.png"; bbox 0 0 2000 1000; ppageno 0'>
        <p class='ocr_par'><span class='ocr_line' title='bbox 100 100 900 150'>
        <span class='ocrx_word' title='bbox 100 100 500 150; x_wconf 90'>K\xc3\xa6lderen</span>
        <span class='ocrx_word' title='bbox 520 100 900 150; x_wconf 60'>\xc3\xa5bner</span>
        </span></p></div></body></html>"""
        result = parse_hocr(hocr)
        self.assertEqual(result.text, "Kælderen åbner")
        self.assertEqual(result.words[0], ["Kælderen", 500, 1000, 2000, 500])
        self.assertEqual(result.confidence, 75.0)
        self.assertTrue(result.low_confidence)
