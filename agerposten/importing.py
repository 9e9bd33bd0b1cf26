"""One code path for every PDF: admin upload (processed by a task), the command and the demo.

`check_pdf` refuses bad files before anything is saved; `create_pdf` stores the document;
`process_pdf` makes the cover and the page texts; `import_issue` does all three at once and
creates or updates the issue page for a number, leaving nothing behind when it fails.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from django_tasks import task

from .models import IssuePage, IssuePdf, IssuePdfPage
from .pdf import PdfError, check_pdf, read_pdf
from .search import index_pages


def create_pdf(data, filename, title, stored_files=None):
    """The stored document and its IssuePdf, waiting for processing. PdfError for bad files."""
    page_count = check_pdf(data)
    document = get_document_model()(
        title=title, file=ContentFile(data, name=filename), file_size=len(data)
    )
    document.save()
    if stored_files is not None:
        stored_files.append(document.file)
    return IssuePdf.objects.create(
        document=document,
        status=IssuePdf.PROCESSING,
        page_count=page_count,
        file_size=len(data),
    )


def cover_alt_text(number):
    # Stored once, in the site's source language, as the image's description.
    return f"Forsiden af Agerposten nr. {number}"


def process_pdf(pdf, number, stored_files=None):
    """Make the cover image and store the text of every page. Raises PdfError."""
    with pdf.document.open_file() as handle:
        data = handle.read()
    cover_jpeg, texts = read_pdf(data)
    with transaction.atomic():
        cover = get_image_model()(
            title=f"Agerposten nr. {number}",
            description=cover_alt_text(number),
            file=ImageFile(io.BytesIO(cover_jpeg), name=f"agerposten-{number}-forside.jpg"),
        )
        cover.save()
        if stored_files is not None:
            stored_files.append(cover.file)
        pages = IssuePdfPage.objects.bulk_create(
            IssuePdfPage(pdf=pdf, number=n, text=text) for n, text in enumerate(texts, start=1)
        )
        index_pages(pages)
        pdf.cover = cover
        pdf.page_count = len(texts)
        pdf.has_text = any(texts)
        pdf.status = IssuePdf.READY
        pdf.error = ""
        pdf.save()


@task()
def process_uploaded_pdf(pdf_id, number):
    """Background processing of a PDF uploaded in the admin; failures are shown to the editor."""
    pdf = IssuePdf.objects.select_related("document").filter(pk=pdf_id).first()
    if pdf is None or pdf.status != IssuePdf.PROCESSING:
        return
    try:
        process_pdf(pdf, number)
    except (PdfError, OSError) as error:
        IssuePdf.objects.filter(pk=pdf_id).update(status=IssuePdf.FAILED, error=str(error)[:300])


def queue_processing(pdf, number):
    transaction.on_commit(lambda: process_uploaded_pdf.enqueue(pdf.pk, number))


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
                archive.add_child(instance=issue)
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
