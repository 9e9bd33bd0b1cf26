"""The Agerposten app's fixed values: they sit below every other module here."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The number is the address: …/<year>/nr-<number>/.
ISSUE_SLUG = "nr-{number}"
SEARCH_QUERY_MAX_LENGTH = 200


class PdfStatus(models.TextChoices):
    PROCESSING = "processing", _("Processing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
