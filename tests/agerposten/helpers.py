from django.conf import settings

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from agerposten.models import IssuePage, IssuePdf, IssuePdfPage


def stored_files():
    """Every file in the media folder, so a test can see that nothing was left behind."""
    root = settings.MEDIA_ROOT
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def row_counts():
    return {
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "pdfs": IssuePdf.objects.count(),
        "page_texts": IssuePdfPage.objects.count(),
        "issues": IssuePage.objects.count(),
    }
