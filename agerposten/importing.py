"""A PDF file becomes an issue page: for the `agerposten_import` command and the demo.

`import_issue` stores and processes the PDF at once (processing.py) and creates or updates the
issue page for a number, leaving nothing behind when it fails.
"""

from django.db import transaction

from kvarter.languages import add_child_in_every_language

from .models import IssuePage
from .processing import create_pdf, process_pdf


def import_issue(archive, number, date, data, filename, title=""):
    """Create or update issue `number` in `archive` from PDF bytes, processed at once.

    Returns (issue, created). Raises PdfError; then nothing is saved and no file is left.
    """
    stored_files = []
    try:
        with transaction.atomic():
            existing = IssuePage.objects.child_of(archive).filter(number=number).first()
            pdf = create_pdf(data, filename, f"Agerposten nr. {number}", stored_files)
            process_pdf(pdf, number, stored_files)
            if existing is None:
                issue = IssuePage(
                    number=number, date=date, title=title, pdf=pdf, locale=archive.locale
                )
                issue.full_clean(exclude=["path", "depth", "url_path", "translation_key"])
                add_child_in_every_language(archive, issue)
            else:
                issue = existing.specific
                old_pdf = issue.pdf
                issue.date = date
                issue.pdf = pdf
                if title:
                    issue.title = title
                issue.full_clean()
                issue.save()
                # Translations share the PDF; aliases follow when the issue is published.
                IssuePage.objects.filter(translation_key=issue.translation_key).update(pdf=pdf)
                if old_pdf is not None:
                    old_pdf.delete_with_files()
            issue.save_revision().publish()
    except Exception:
        for stored in stored_files:
            stored.storage.delete(stored.name)
        raise
    return issue, existing is None
