"""Bad PDFs are refused with one clear sentence, in the admin and by the command, and leave
nothing behind."""

import datetime
import io
import tempfile
from contextlib import redirect_stderr
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import TestCase, override_settings
from django.utils import timezone
from django.utils.html import escape

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from agerposten.management.commands.agerposten_import import Command, parse_file_name
from agerposten.models import IssuePage, IssuePdf
from agerposten.pdf import MAX_PAGES
from agerposten.processing import resume_abandoned_work
from tests.factories.agerposten import (
    ArchiveIndexPageFactory,
    encrypted_pdf,
    make_issue,
    many_pages_pdf,
    pdf_with_pages,
    zero_pages_pdf,
)
from tests.kvarter.helpers import DATABASE_TASKS, create_site, in_admin_language, run_worker

from .helpers import row_counts, stored_files


def bad_files():
    good = pdf_with_pages("Forside", "Side to", "Side tre")
    return {
        "not a PDF": b"GIF89a not a newspaper at all",
        "a PDF name on a text file": b"Dette er ikke en PDF.\n",
        "encrypted": encrypted_pdf(),
        "truncated": good[: len(good) // 2],
        "corrupt": good[:200] + b"\x00" * 500 + good[700:],
        "zero pages": zero_pages_pdf(),
        "absurd page count": many_pages_pdf(MAX_PAGES + 1),
    }


class CommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)
        cls.bad = bad_files()

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp())

    def write(self, name, data):
        path = self.folder / name
        path.write_bytes(data)
        return path

    def test_one_file_is_imported_at_once(self):
        path = self.write("issue.pdf", pdf_with_pages("Forside", "Blomsterbedet"))
        out = io.StringIO()
        call_command("agerposten_import", str(path), number=5, date="2025-04-01", stdout=out)
        issue = IssuePage.objects.get(number=5)
        self.assertEqual(issue.date, datetime.date(2025, 4, 1))
        self.assertTrue(issue.live)
        self.assertEqual(issue.pdf.status, IssuePdf.READY)
        self.assertIn("Imported 1, updated 0, failed 0.", out.getvalue())

    def test_every_bad_file_fails_with_one_line_and_leaves_nothing(self):
        before, files_before = row_counts(), stored_files()
        for problem, data in self.bad.items():
            with self.subTest(problem):
                path = self.write("bad.pdf", data)
                with self.assertRaises(CommandError) as raised:
                    call_command("agerposten_import", str(path), number=9, date="2025-01-01")
                message = str(raised.exception)
                self.assertTrue(message.startswith("bad.pdf: "), message)
                self.assertNotIn("\n", message)
                self.assertEqual(row_counts(), before)
                self.assertEqual(stored_files(), files_before)

    def test_the_command_line_gets_one_line_and_exit_code_1(self):
        if connection.vendor != "sqlite":
            self.skipTest("run_from_argv closes the connection, which ends a PostgreSQL test")
        path = self.write("bad.pdf", self.bad["encrypted"])
        stderr = io.StringIO()
        with redirect_stderr(stderr), self.assertRaises(SystemExit) as exited:
            Command().run_from_argv(
                [
                    "manage.py",
                    "agerposten_import",
                    str(path),
                    "--number",
                    "3",
                    "--date",
                    "2025-01-01",
                ]
            )
        self.assertEqual(exited.exception.code, 1)
        lines = stderr.getvalue().strip().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertNotIn("Traceback", stderr.getvalue())

    def test_bad_arguments_are_one_clear_error(self):
        path = self.write("issue.pdf", pdf_with_pages("Forside"))
        for options in [{}, {"number": 4, "date": "1. marts"}, {"number": 0, "date": "2025-01-01"}]:
            with self.subTest(options), self.assertRaises(CommandError):
                call_command("agerposten_import", str(path), **options)
        with self.assertRaises(CommandError):
            call_command(
                "agerposten_import", str(self.folder / "missing.pdf"), number=1, date="2025-01-01"
            )

    def test_a_folder_imports_named_files_and_sums_up(self):
        make_issue(self.archive, 40, datetime.date(2025, 1, 1))
        self.write("agerposten-40-2025-01-02.pdf", pdf_with_pages("Rettet forside"))
        self.write("nr41_2025-03-01.pdf", pdf_with_pages("Forside", "Marts"))
        self.write("2025-06-01_nr42.pdf", pdf_with_pages("Forside", "Juni"))
        self.write("agerposten-43-2025-09-01.pdf", self.bad["encrypted"])
        self.write("forside.pdf", pdf_with_pages("Uden nummer"))
        self.write("notes.txt", b"not a PDF and ignored")
        out = io.StringIO()
        with self.assertRaises(CommandError) as raised:
            call_command("agerposten_import", str(self.folder), stdout=out)
        self.assertEqual(
            str(raised.exception),
            "Imported 2, updated 1, skipped 0, failed 2; 0 pages read by OCR.",
        )
        self.assertIn("agerposten-43-2025-09-01.pdf", out.getvalue())
        self.assertIn("forside.pdf", out.getvalue())
        self.assertEqual(sorted(IssuePage.objects.values_list("number", flat=True)), [40, 41, 42])
        self.assertEqual(IssuePage.objects.get(number=40).date, datetime.date(2025, 1, 2))

    def test_file_name_patterns(self):
        expected = (42, datetime.date(2026, 3, 1))
        for name in [
            "agerposten-42-2026-03-01.pdf",
            "Agerposten_42_2026-03-01.PDF",
            "agerposten-nr-42-2026-03-01.pdf",
            "nr42_2026-03-01.pdf",
            "nr-42-2026-03-01.pdf",
            "2026-03-01_nr42.pdf",
            "2026-03-01-agerposten-42.pdf",
        ]:
            self.assertEqual(parse_file_name(name), expected, name)
        for name in ["agerposten.pdf", "nr42.pdf", "agerposten-42-2026-13-01.pdf"]:
            self.assertIsNone(parse_file_name(name), name)


@override_settings(WAGTAILADMIN_BASE_URL="http://testserver")
class AdminUploadTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.archive = ArchiveIndexPageFactory(parent=cls.home)
        cls.editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def post_issue(self, number, data, name="nummer.pdf", title=""):
        form = nested_form_data(
            {
                "title": title,
                "number": str(number),
                "date": "2026-03-01",
                "intro": "",
                "toc": streamfield([("entry", {"title": "Nyt fra haven", "page": "2"})]),
            }
        )
        if data is not None:
            form["pdf_file"] = SimpleUploadedFile(name, data, content_type="application/pdf")
        return self.client.post(f"/admin/pages/add/agerposten/issuepage/{self.archive.pk}/", form)


class AdminUploadTests(AdminUploadTestCase):
    def test_an_upload_is_queued_and_processed_in_the_background(self):
        data = pdf_with_pages("Forside", "Haveholdet")
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            response = self.post_issue(42, data)
        self.assertEqual(response.status_code, 302)
        issue = IssuePage.objects.get(number=42)
        self.assertEqual(issue.title, "Agerposten nr. 42")
        self.assertEqual(issue.slug, "nr-42")
        # The editor got the page back before any processing happened.
        self.assertEqual(issue.pdf.status, IssuePdf.PROCESSING)
        self.assertContains(
            self.client.get(f"/admin/pages/{issue.pk}/edit/"),
            in_admin_language(
                "The PDF is being processed: its cover and text will be ready in a minute. "
                "You can save, publish or leave this page meanwhile."
            ),
        )
        for callback in callbacks:
            callback()
        issue.pdf.refresh_from_db()
        self.assertEqual(issue.pdf.status, IssuePdf.READY)
        self.assertEqual(issue.pdf.pages.get(number=2).text.count("Haveholdet"), 1)
        self.assertIsNotNone(issue.pdf.cover)
        edit_page = self.client.get(f"/admin/pages/{issue.pk}/edit/")
        self.assertNotContains(
            edit_page,
            in_admin_language(
                "The PDF is being processed: its cover and text will be ready in a minute. "
                "You can save, publish or leave this page meanwhile."
            ),
        )
        self.assertContains(edit_page, issue.pdf.document.title)

    def test_a_failure_in_processing_is_shown_with_its_reason(self):
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            self.post_issue(42, pdf_with_pages("Forside"))
        issue = IssuePage.objects.get(number=42)
        # The file was damaged on disk after the check.
        Path(issue.pdf.document.file.path).write_bytes(b"%PDF-1.4 broken")
        for callback in callbacks:
            callback()
        issue.pdf.refresh_from_db()
        self.assertEqual(issue.pdf.status, IssuePdf.FAILED)
        self.assertEqual(
            issue.pdf.error,
            in_admin_language("The PDF is damaged or incomplete and cannot be read."),
        )
        self.assertContains(
            self.client.get(f"/admin/pages/{issue.pk}/edit/"), escape(issue.pdf.error)
        )

    def test_every_bad_file_is_a_form_error_and_leaves_nothing(self):
        before, files_before = row_counts(), stored_files()
        for problem, data in bad_files().items():
            with self.subTest(problem):
                response = self.post_issue(7, data)
                self.assertEqual(response.status_code, 200)
                self.assertIn("pdf_file", response.context["form"].errors)
                self.assertEqual(row_counts(), before)
                self.assertEqual(stored_files(), files_before)

    def test_a_new_issue_needs_a_pdf(self):
        response = self.post_issue(7, None)
        self.assertIn("pdf_file", response.context["form"].errors)

    def test_a_duplicate_number_is_a_form_error(self):
        make_issue(self.archive, 42)
        before = row_counts()
        response = self.post_issue(42, pdf_with_pages("Forside"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("number", response.context["form"].errors)
        self.assertEqual(row_counts(), before)


@override_settings(WAGTAILADMIN_BASE_URL="http://testserver", TASKS=DATABASE_TASKS)
class AbandonedProcessingTests(AdminUploadTestCase):
    """A worker killed while it reads an upload leaves its task "running" for good; the issue
    must not say "processing" for ever."""

    def upload_left_by_a_dead_worker(self):
        with self.captureOnCommitCallbacks(execute=True):  # queued for the worker
            self.post_issue(42, pdf_with_pages("Forside", "Haveholdet"))
        pdf = IssuePage.objects.get(number=42).pdf
        # What a worker killed mid-task leaves behind: its task marked running, then silence.
        started = timezone.now() - datetime.timedelta(minutes=11)
        DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, started_at=started)
        IssuePdf.objects.filter(pk=pdf.pk).update(worked_on_at=started, created_at=started)
        return pdf

    def test_a_starting_worker_reads_an_upload_a_dead_worker_left(self):
        pdf = self.upload_left_by_a_dead_worker()
        run_worker()  # the new worker's start queues it again, then runs it
        pdf.refresh_from_db()
        self.assertEqual(pdf.status, IssuePdf.READY)
        self.assertEqual(pdf.pages.get(number=2).text.count("Haveholdet"), 1)

    def test_a_live_workers_upload_is_not_taken_from_it(self):
        pdf = self.upload_left_by_a_dead_worker()
        IssuePdf.objects.filter(pk=pdf.pk).update(worked_on_at=timezone.now())
        resume_abandoned_work()
        self.assertFalse(DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists())

    def test_resuming_twice_queues_it_once(self):
        self.upload_left_by_a_dead_worker()
        later = timezone.now() + datetime.timedelta(minutes=20)
        resume_abandoned_work()
        resume_abandoned_work(now=later)
        self.assertEqual(DBTaskResult.objects.filter(status=TaskResultStatus.READY).count(), 1)
