"""The Agerposten app's fixed values: they sit below every other module here."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The number is the address: …/<year>/nr-<number>/.
ISSUE_SLUG = "nr-{number}"
# Addresses beyond these are no issue's, and neither database can look them up (a year must fit
# a date, a number PostgreSQL's integer): they answer 404 before any query.
MAX_ISSUE_NUMBER = 2**31 - 1


def is_plausible_year(year):
    return 1 <= year <= 9999


SEARCH_QUERY_MAX_LENGTH = 200


class PdfStatus(models.TextChoices):
    PROCESSING = "processing", _("Processing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class OcrStatus(models.TextChoices):
    NOT_NEEDED = "", _("Not needed")
    UNAVAILABLE = "unavailable", _("OCR not installed")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
