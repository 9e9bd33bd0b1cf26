"""From PDF bytes to a stored document with its cover and page texts, for every way in.

`create_pdf` stores the document (after `check_pdf` refused bad files); `process_pdf` makes the
cover and the page texts, at once (the command, the demo) or in the background after an upload
in the admin (`queue_processing`). Pages without a text layer are read by OCR (ocr.py) when it
is installed: the stored PDF is replaced by one with a text layer, and each such page keeps its
image, word boxes and confidence; `rerun_ocr` (the admin's "Run OCR again") reads them anew.
Only the data model is used here, so that the admin form can import it; importing.py, above the
page models, turns a file into an issue page.
"""

import datetime
import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models, transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from .constants import OcrStatus, PdfStatus
from .issue_pdfs import IssuePdf, IssuePdfPage
from .ocr import ocr_unavailable_reason, run_ocr
from .pdf import PdfError, check_pdf, clean_text, read_pdf, render_pages
from .search import index_pages, unindex_pages

# The page view's image of a scanned page: wide enough for a desktop column, small on a phone.
PAGE_IMAGE_WIDTH = 1240
# A worker reading a PDF shows a sign of life at the start and after every OCR page (which
# Tesseract gives up on after 180 s); silence this long means the worker died.
ABANDONED_AFTER = datetime.timedelta(minutes=10)


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
        source_hash=source_hash(data),
    )


def source_hash(data):
    return hashlib.sha256(data).hexdigest()


def cover_alt_text(number):
    # Stored once, in the site's source language, as the image's description.
    return f"Forsiden af Agerposten nr. {number}"


def process_pdf(pdf, number, stored_files=None):
    """Make the cover image and store the text of every page, by OCR for scanned pages.

    Raises PdfError for a file that cannot be read; OCR failing is not an error of the issue:
    it is kept, without text on those pages, and the admin says why (`ocr_error`).
    """
    with pdf.document.open_file() as handle:
        data = handle.read()
    cover_jpeg, texts = read_pdf(data)
    scanned = [n for n, text in enumerate(texts, start=1) if not text]
    results = read_scanned_pages(pdf, data, scanned, stored_files) if scanned else {}
    with transaction.atomic():
        cover = get_image_model()(
            title=f"Agerposten nr. {number}",
            description=cover_alt_text(number),
            file=ImageFile(io.BytesIO(cover_jpeg), name=f"agerposten-{number}-forside.jpg"),
        )
        cover.save()
        if stored_files is not None:
            stored_files.append(cover.file)
        pages = [IssuePdfPage(pdf=pdf, number=n, text=text) for n, text in enumerate(texts, 1)]
        store_ocr_results(pdf, pages, results, stored_files)
        pages = IssuePdfPage.objects.bulk_create(pages)
        index_pages(pages)
        pdf.cover = cover
        pdf.page_count = len(texts)
        pdf.has_text = any(page.text for page in pages)
        pdf.status = PdfStatus.READY
        pdf.error = ""
        pdf.save()


def read_scanned_pages(pdf, data, numbers, stored_files=None, redo=False):
    """{page number: PageOcr} for the scanned pages, after replacing the stored PDF by one with
    their text layer; {} when OCR is not installed or fails (the reason is kept on `pdf`)."""
    pdf.ocr_pages, pdf.ocr_done, pdf.ocr_read, pdf.ocr_low_confidence = len(numbers), 0, 0, 0
    pdf.ocr_error = ""
    if ocr_unavailable_reason():
        pdf.ocr_status = OcrStatus.UNAVAILABLE
        return {}
    pdf.ocr_status = OcrStatus.RUNNING
    if pdf.pk:
        _save_ocr_state(pdf)

    def progress(count):
        IssuePdf.objects.filter(pk=pdf.pk).update(ocr_done=count, worked_on_at=timezone.now())

    try:
        new_data, results = run_ocr(data, numbers, redo=redo, progress=progress)
    except PdfError as error:
        pdf.ocr_status, pdf.ocr_error = OcrStatus.FAILED, str(error)[:300]
        return {}
    replace_document_file(pdf, new_data, stored_files)
    images = render_pages(new_data, numbers, PAGE_IMAGE_WIDTH)
    for number, result in results.items():
        result.image = images[number]
    pdf.ocr_status, pdf.ocr_done = OcrStatus.DONE, len(numbers)
    pdf.ocr_read = sum(1 for result in results.values() if result.text)
    pdf.ocr_low_confidence = sum(1 for result in results.values() if result.low_confidence)
    return results


def _save_ocr_state(pdf):
    IssuePdf.objects.filter(pk=pdf.pk).update(
        **{
            name: getattr(pdf, name)
            for name in ("ocr_status", "ocr_pages", "ocr_done", "ocr_read", "ocr_low_confidence")
        },
        ocr_error=pdf.ocr_error,
    )


def replace_document_file(pdf, data, stored_files=None):
    """The document's file becomes `data`; the old file goes once the transaction commits."""
    document = pdf.document
    old_file = document.file.name
    document.file.save(old_file.rsplit("/", 1)[-1], ContentFile(data), save=False)
    if stored_files is not None:
        stored_files.append(document.file)
    document.file_size = len(data)
    document._set_file_hash()  # Wagtail's own, as its upload view does
    document.save()
    pdf.file_size = len(data)
    storage = document.file.storage
    transaction.on_commit(lambda: storage.delete(old_file))


def store_ocr_results(pdf, pages, results, stored_files=None):
    """Put OCR's text, boxes, confidence and page image on the (unsaved) pages it read."""
    for page in pages:
        result = results.get(page.number)
        if result is None:
            continue
        page.text = clean_text(result.text)
        page.ocr = True
        page.words = result.words
        page.confidence = result.confidence
        page.low_confidence = result.low_confidence
        if page.image:
            page.image.delete(save=False)
        page.image.save(
            f"agerposten-{pdf.pk}-side-{page.number}.webp", ContentFile(result.image), save=False
        )
        if stored_files is not None:
            stored_files.append(page.image)


def rerun_ocr(pdf):
    """Read the scanned pages of a processed PDF again (the admin's "Run OCR again")."""
    pages = list(pdf.pages.all())
    numbers = [page.number for page in pages if page.ocr or not page.text]
    if not numbers:
        return
    stored_files = []
    with pdf.document.open_file() as handle:
        data = handle.read()
    try:
        results = read_scanned_pages(pdf, data, numbers, stored_files, redo=True)
        with transaction.atomic():
            changed = [page for page in pages if page.number in results]
            store_ocr_results(pdf, changed, results, stored_files)
            IssuePdfPage.objects.bulk_update(
                changed,
                [
                    "text",
                    "ocr",
                    "words",
                    "confidence",
                    "low_confidence",
                    "image",
                    "image_width",
                    "image_height",
                ],
            )
            unindex_pages([page.pk for page in changed])
            index_pages(changed)
            pdf.has_text = any(page.text for page in pages)
            pdf.save()
    except Exception:
        for stored in stored_files:
            stored.storage.delete(stored.name)
        raise


@task()
def process_uploaded_pdf(pdf_id, number):
    """Background processing of a PDF uploaded in the admin; failures are shown to the editor."""
    pdf = IssuePdf.objects.select_related("document").filter(pk=pdf_id).first()
    if pdf is None or pdf.status != PdfStatus.PROCESSING:
        return
    mark_worked_on(pdf)
    stored_files = []
    try:
        process_pdf(pdf, number, stored_files)
    except (PdfError, OSError) as error:
        for stored in stored_files:
            stored.storage.delete(stored.name)
        IssuePdf.objects.filter(pk=pdf_id).update(
            status=PdfStatus.FAILED, error=str(error)[:300], ocr_status=OcrStatus.NOT_NEEDED
        )


def queue_processing(pdf, number):
    transaction.on_commit(lambda: process_uploaded_pdf.enqueue(pdf.pk, number))


@task()
def rerun_ocr_task(pdf_id):
    """The admin's "Run OCR again", in the background."""
    pdf = IssuePdf.objects.select_related("document").filter(pk=pdf_id).first()
    if pdf is None or pdf.status != PdfStatus.READY:
        return
    mark_worked_on(pdf)
    try:
        rerun_ocr(pdf)
    except (PdfError, OSError) as error:
        IssuePdf.objects.filter(pk=pdf_id).update(
            ocr_status=OcrStatus.FAILED, ocr_error=str(error)[:300]
        )


def queue_ocr(pdf):
    IssuePdf.objects.filter(pk=pdf.pk).update(ocr_status=OcrStatus.RUNNING, ocr_done=0)
    transaction.on_commit(lambda: rerun_ocr_task.enqueue(pdf.pk))


def mark_worked_on(pdf):
    pdf.worked_on_at = timezone.now()
    IssuePdf.objects.filter(pk=pdf.pk).update(worked_on_at=pdf.worked_on_at)


def resume_abandoned_work(now=None):
    """Queue again the PDFs a dead worker left half read; the worker runs this when it starts
    and every minute. A killed worker's task stays marked as running and django-tasks-db never
    runs it again, so without this the issue would say "processing" for good."""
    silent_since = (now or timezone.now()) - ABANDONED_AFTER
    abandoned = IssuePdf.objects.filter(
        models.Q(worked_on_at__lt=silent_since) | models.Q(worked_on_at__isnull=True),
        created_at__lt=silent_since,
    )
    for task_function, pdfs in (
        (process_uploaded_pdf, abandoned.filter(status=PdfStatus.PROCESSING)),
        (rerun_ocr_task, abandoned.filter(status=PdfStatus.READY, ocr_status=OcrStatus.RUNNING)),
    ):
        for pdf in pdfs:
            tasks = DBTaskResult.objects.filter(
                task_path=task_function.module_path, args_kwargs__args__0=pdf.pk
            )
            last = tasks.order_by("-enqueued_at").first()
            if last is None or tasks.filter(status=TaskResultStatus.READY).exists():
                continue  # made by the command or the demo, not a task; or already queued
            mark_worked_on(pdf)
            task_function.enqueue(*last.args_kwargs["args"])
