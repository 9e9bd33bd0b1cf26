"""Import Agerposten PDFs: one file with --number and --date, or every PDF in a folder.

In a folder, the file name carries the number and the date (see FILE_NAME_PATTERNS), e.g.
agerposten-42-2026-03-01.pdf or nr42_2026-03-01.pdf. Re-importing a number updates that issue;
a file already imported as it is (same content and date) is skipped, so a rerun over a back
catalogue only does what is left. Scanned pages are read by OCR as they are imported.
"""

import datetime
import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Locale

from agerposten.constants import PdfStatus
from agerposten.importing import import_issue
from agerposten.models import ArchiveIndexPage, IssuePage
from agerposten.pdf import PdfError
from agerposten.processing import source_hash

FILE_NAME_PATTERNS = [
    # agerposten-42-2026-03-01.pdf, agerposten_42_2026-03-01.pdf
    re.compile(
        r"^agerposten[-_ ]?(?:nr\.?[-_ ]?)?(?P<number>\d+)[-_ ](?P<date>\d{4}-\d{2}-\d{2})$"
    ),
    # nr42_2026-03-01.pdf, nr-42-2026-03-01.pdf
    re.compile(r"^nr\.?[-_ ]?(?P<number>\d+)[-_ ](?P<date>\d{4}-\d{2}-\d{2})$"),
    # 2026-03-01_nr42.pdf, 2026-03-01-agerposten-42.pdf
    re.compile(
        r"^(?P<date>\d{4}-\d{2}-\d{2})[-_ ](?:agerposten[-_ ]?)?(?:nr\.?[-_ ]?)?(?P<number>\d+)$"
    ),
]


def parse_file_name(path):
    """(number, date) from a file name, or None when it matches no pattern."""
    stem = Path(path).stem.lower()
    for pattern in FILE_NAME_PATTERNS:
        match = pattern.match(stem)
        if match:
            try:
                return int(match["number"]), datetime.date.fromisoformat(match["date"])
            except ValueError:
                return None
    return None


class Command(BaseCommand):
    help = "Import Agerposten PDFs: their cover, page count and the text of every page."

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="A PDF file, or a folder of PDFs named with number and date."
        )
        parser.add_argument("--number", type=int, help="The issue number (for one file).")
        parser.add_argument("--date", help="The publication date, YYYY-MM-DD (for one file).")
        parser.add_argument("--title", default="", help="An optional title (for one file).")

    def handle(self, *args, path, number, date, title, **options):
        archive = ArchiveIndexPage.objects.filter(locale=Locale.get_default()).first()
        if archive is None:
            raise CommandError("There is no Agerposten archive page yet: create one in the admin.")
        source = Path(path)
        if source.is_file():
            file_path, issue_number, issue_date, issue_title = self.file_job(
                source, number, date, title
            )
            try:
                issue, created = import_issue(
                    archive, issue_number, issue_date, source.read_bytes(), source.name, issue_title
                )
            except (PdfError, ValidationError, OSError) as error:
                raise CommandError(f"{source.name}: {self.reason(error)}") from None
            self.report(source, issue)
            self.stdout.write(f"Imported {int(created)}, updated {int(not created)}, failed 0.")
            return
        if not source.is_dir():
            raise CommandError(f"{path}: no such file or folder.")
        jobs, failed = self.folder_jobs(source)
        imported = updated = skipped = ocr_pages = 0
        for file_path, issue_number, issue_date, issue_title in jobs:
            try:
                data = file_path.read_bytes()
                if self.already_imported(archive, issue_number, issue_date, data):
                    skipped += 1
                    continue
                issue, created = import_issue(
                    archive, issue_number, issue_date, data, file_path.name, issue_title
                )
            except (PdfError, ValidationError, OSError) as error:
                failed.append((file_path.name, self.reason(error)))
                continue
            imported += created
            updated += not created
            ocr_pages += issue.pdf.ocr_read
            self.report(file_path, issue)
        for name, reason in failed:
            self.stdout.write(f"Failed: {name}: {reason}")
        summary = (
            f"Imported {imported}, updated {updated}, skipped {skipped}, failed {len(failed)}; "
            f"{ocr_pages} pages read by OCR."
        )
        if failed:
            raise CommandError(summary)
        self.stdout.write(summary)

    @staticmethod
    def already_imported(archive, number, date, data):
        """The issue exists, processed, from this very file (as it was before OCR)."""
        return (
            IssuePage.objects.child_of(archive)
            .filter(
                number=number,
                date=date,
                pdf__status=PdfStatus.READY,
                pdf__source_hash=source_hash(data),
            )
            .exists()
        )

    def report(self, file_path, issue):
        line = f"{file_path.name}: {issue.title}, {issue.pdf.page_count} pages"
        if issue.pdf.ocr_status:
            line += f" ({issue.pdf.ocr_summary or issue.pdf.get_ocr_status_display()})"
        self.stdout.write(line)

    def file_job(self, file_path, number, date, title):
        if number is None or date is None:
            parsed = parse_file_name(file_path)
            if parsed is None:
                raise CommandError("Give --number and --date, e.g. --number 42 --date 2026-03-01.")
            number, date = number or parsed[0], date or parsed[1].isoformat()
        try:
            issue_date = datetime.date.fromisoformat(str(date))
        except ValueError:
            raise CommandError(f"--date {date}: use YYYY-MM-DD, e.g. 2026-03-01.") from None
        if number < 1:
            raise CommandError("--number must be 1 or more.")
        return file_path, number, issue_date, title

    def folder_jobs(self, folder):
        jobs, failed = [], []
        for file_path in sorted(folder.iterdir()):
            if file_path.suffix.lower() != ".pdf":
                continue
            parsed = parse_file_name(file_path)
            if parsed is None:
                failed.append((file_path.name, "the name carries no number and date."))
            else:
                jobs.append((file_path, *parsed, ""))
        return jobs, failed

    @staticmethod
    def reason(error):
        if isinstance(error, ValidationError):
            return " ".join(error.messages)
        return str(error)
