"""From PDF bytes to a stored document with its cover and page texts, for every way in.

`create_pdf` stores the document (after `check_pdf` refused bad files); `process_pdf` makes the
cover and the page texts, at once (the command, the demo) or in the background after an upload
in the admin (`queue_processing`). Only the data model is used here, so that the admin form
can import it; importing.py, above the page models, turns a file into an issue page.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from django_tasks import task

from .constants import PdfStatus
from .issue_pdfs import IssuePdf, IssuePdfPage
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
        status=PdfStatus.PROCESSING,
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
        pdf.status = PdfStatus.READY
        pdf.error = ""
        pdf.save()


@task()
def process_uploaded_pdf(pdf_id, number):
    """Background processing of a PDF uploaded in the admin; failures are shown to the editor."""
    pdf = IssuePdf.objects.select_related("document").filter(pk=pdf_id).first()
    if pdf is None or pdf.status != PdfStatus.PROCESSING:
        return
    try:
        process_pdf(pdf, number)
    except (PdfError, OSError) as error:
        IssuePdf.objects.filter(pk=pdf_id).update(status=PdfStatus.FAILED, error=str(error)[:300])


def queue_processing(pdf, number):
    transaction.on_commit(lambda: process_uploaded_pdf.enqueue(pdf.pk, number))
