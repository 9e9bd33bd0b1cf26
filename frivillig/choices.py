"""The fixed lists of the volunteering app: they sit below every other module here."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

# A status link keeps working while the request can still exist (see frivillig_purge).
STATUS_TOKEN_MAX_AGE = datetime.timedelta(days=2 * 365)
STATUS_TOKEN_SALT = "frivillig.help-request.status"
# Closed help requests are deleted this long after they were closed.
RETENTION = datetime.timedelta(days=365)


class Difficulty(models.TextChoices):
    EASY = "easy", _("Easy")
    MEDIUM = "medium", _("Medium")
    HARD = "hard", _("Hard")


class Topic(models.TextChoices):
    # A fixed list rather than tags: every label is translated in every language, and a
    # filter link works whatever language the reader uses.
    ASSOCIATIONS = "associations", _("Associations and boards")
    FUNDING = "funding", _("Money and funding")
    CULTURE = "culture", _("Culture and events")
    BUILDING = "building", _("Building and green spaces")
    CHILDREN = "children", _("Children and learning")
    COMMUNITY = "community", _("Food and community")


class HelpRequestStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class HelpRequestKind(models.TextChoices):
    PROJECT = "project", _("Starting a project")
    FUNDING = "funding", _("Funding")
    ROOM = "room", _("A room")
    VOLUNTEERS = "volunteers", _("Volunteers")
    OTHER = "other", _("Something else")
