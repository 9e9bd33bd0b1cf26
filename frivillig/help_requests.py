"""What a resident sends to the help desk, and how staff answered it: the app's data model.

It names the page models by string only, so that forms, mails and the page models can all
import it; the mails themselves are sent by the page and the admin (emails.py), not from here.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone, translation
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .choices import (
    RETENTION,
    STATUS_TOKEN_MAX_AGE,
    STATUS_TOKEN_SALT,
    HelpRequestKind,
    HelpRequestStatus,
)


class HelpRequest(models.Model):
    """A resident's request to the help desk, and how staff answered it."""

    Status = HelpRequestStatus
    Kind = HelpRequestKind

    page = models.ForeignKey(
        "frivillig.HelpDeskPage",
        verbose_name=_("sent from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("preferred language"), max_length=8, choices=settings.LANGUAGES)
    kind = models.CharField(_("kind of help"), max_length=20, choices=HelpRequestKind.choices)
    description = models.TextField(_("description"), max_length=5000)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=HelpRequestStatus.choices,
        default=HelpRequestStatus.NEW,
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Only staff see these.")
    )
    answer = models.TextField(
        _("answer"), blank=True, help_text=_("The resident sees this on their status page.")
    )
    answer_guide = models.ForeignKey(
        "frivillig.GuidePage",
        verbose_name=_("guide as answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the status page, in the resident's language if translated."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("language", read_only=True),
                FieldPanel("kind", read_only=True),
                FieldPanel("description", read_only=True),
            ],
            heading=_("The request"),
        ),
        FieldPanel("status"),
        FieldPanel("assigned_to"),
        FieldPanel("answer"),
        FieldPanel("answer_guide"),
        FieldPanel("internal_notes"),
    ]

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}: {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if self.status == HelpRequestStatus.CLOSED:
            self.closed_at = self.closed_at or timezone.now()
        else:
            self.closed_at = None
        super().save(*args, **kwargs)

    # Status link ------------------------------------------------------------

    @property
    def status_token(self):
        signed = signing.dumps(self.pk, salt=STATUS_TOKEN_SALT)
        # Wagtail routes only letters, digits, "_" and "-" in a path: no ":" from the signer.
        return urlsafe_base64_encode(signed.encode())

    @classmethod
    def from_status_token(cls, token):
        """The request a status link points at, or None when forged, expired or deleted."""
        try:
            signed = urlsafe_base64_decode(token).decode()
            pk = signing.loads(signed, salt=STATUS_TOKEN_SALT, max_age=STATUS_TOKEN_MAX_AGE)
        except (ValueError, signing.BadSignature):
            return None
        return cls.objects.select_related("answer_guide").filter(pk=pk).first()

    def status_url(self):
        """The status page on the help desk in the resident's language, as a full URL.

        None without the help desk page: then there is no status page to link to.
        """
        if self.page is None:
            return None
        with translation.override(self.language):
            page = self.page.localized
            # subpage_url gives a path while the project has one site, a full URL with
            # several; joined onto the page's full URL, a mail gets a full URL either way.
            return urljoin(page.get_full_url(), page.subpage_url("status", self.status_token))

    def answer_guide_for_reader(self):
        guide = self.answer_guide
        return guide.localized if guide is not None and guide.live else None

    @classmethod
    def due_for_purge(cls, now=None):
        cutoff = (now or timezone.now()) - RETENTION
        return cls.objects.filter(status=HelpRequestStatus.CLOSED, closed_at__lt=cutoff)
