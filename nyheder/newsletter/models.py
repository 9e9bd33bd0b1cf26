"""Subscribers, their consent log, suppressions, editions and one delivery per edition and reader.

A subscriber's address is the only personal data. When they erase themselves, what is left is
a SHA-256 hash of the address (so that an import never brings them back) and the consent log
entries, which carry hashes, never the address.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kvarter.models import BasePage
from kvarter.models.pages import BodyMixin

from .blocks import NewsletterItemsBlock

# Bump CONSENT_VERSION whenever CONSENT_TEXT changes: the log records which wording was shown.
CONSENT_VERSION = "2026-11-24"
CONSENT_TEXT = _(
    "Yes, send me the newsletter from Charlottekvarteret by e-mail, about once a month. "
    "I can unsubscribe at any time with one click."
)
PENDING_RETENTION_DAYS = 7
ARCHIVE_PAGE_SIZE = 24


def normalize_email(address):
    return address.strip().lower()


def hash_email(address):
    return hashlib.sha256(normalize_email(address).encode()).hexdigest()


def hash_ip(ip_address):
    # Keyed, so the log cannot be matched against a list of addresses; informative only.
    if not ip_address:
        return ""
    return salted_hmac("kvarter.newsletter.ip", ip_address).hexdigest()[:32]


def new_subscriber_key():
    return secrets.token_urlsafe(24)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("subscribed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    # The secret behind every token link; signed, so a token cannot be made without SECRET_KEY.
    key = models.CharField(max_length=40, unique=True, default=new_subscriber_key, editable=False)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    def log(self, action, source, ip_address="", consent_version=""):
        return ConsentEvent.objects.create(
            subscriber=self,
            email_hash=hash_email(self.email),
            action=action,
            source=source[:200],
            ip_hash=hash_ip(ip_address),
            consent_version=consent_version,
            language=self.language,
        )

    @transaction.atomic
    def confirm(self, source, ip_address="", consent_version=CONSENT_VERSION):
        self.status = self.Status.CONFIRMED
        self.confirmed_at = timezone.now()
        self.unsubscribed_at = None
        self.save()
        # Confirming is a fresh, proven consent: a past unsubscribe no longer applies.
        Suppression.objects.filter(email_hash=hash_email(self.email)).delete()
        self.log(ConsentEvent.Action.CONFIRMED, source, ip_address, consent_version)

    @transaction.atomic
    def unsubscribe(self, source, ip_address="", reason=None):
        reason = reason or Suppression.Reason.UNSUBSCRIBED
        if self.status != self.Status.UNSUBSCRIBED:
            self.status = self.Status.UNSUBSCRIBED
            self.unsubscribed_at = timezone.now()
            self.save()
            self.log(ConsentEvent.Action.UNSUBSCRIBED, source, ip_address)
        Suppression.add(self.email, reason)

    @transaction.atomic
    def change_language(self, language, source, ip_address=""):
        if language != self.language:
            self.language = language
            self.save()
            self.log(ConsentEvent.Action.LANGUAGE_CHANGED, source, ip_address)

    @transaction.atomic
    def erase(self, source, ip_address=""):
        """Delete the address and everything tied to it; keep only a hashed suppression."""
        self.log(ConsentEvent.Action.ERASED, source, ip_address)
        Suppression.add(self.email, Suppression.Reason.ERASED)
        self.delete()

    def export_data(self):
        """Everything we hold about this subscriber, for the "export my data" button."""
        return {
            "email": self.email,
            "language": self.language,
            "status": self.status,
            "signed_up": self.created_at.isoformat(),
            "confirmed": self.confirmed_at.isoformat() if self.confirmed_at else None,
            "unsubscribed": self.unsubscribed_at.isoformat() if self.unsubscribed_at else None,
            "consent_log": [
                {
                    "time": event.created_at.isoformat(),
                    "action": event.action,
                    "source": event.source,
                    "consent_version": event.consent_version,
                    "language": event.language,
                }
                for event in self.consent_events.order_by("created_at", "pk")
            ],
            "newsletters_received": [
                {
                    "edition": delivery.edition.title,
                    "sent": delivery.sent_at.isoformat() if delivery.sent_at else None,
                    "state": delivery.state,
                }
                for delivery in self.deliveries.select_related("edition").order_by("pk")
            ],
        }


class Suppression(models.Model):
    """An address that must not be (re)subscribed by an import, kept only as a hash."""

    class Reason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        ERASED = "erased", _("erased their data")
        BOUNCED = "bounced", _("hard bounce")
        COMPLAINED = "complained", _("spam complaint")

    email_hash = models.CharField(max_length=64, unique=True)
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return f"{self.email_hash[:12]}… ({self.get_reason_display()})"

    @classmethod
    def add(cls, address, reason):
        cls.objects.update_or_create(email_hash=hash_email(address), defaults={"reason": reason})

    @classmethod
    def is_suppressed(cls, address):
        return cls.objects.filter(email_hash=hash_email(address)).exists()


class ConsentEvent(models.Model):
    """The append-only consent log: what happened, when, how, and which wording was shown."""

    class Action(models.TextChoices):
        SUBSCRIBED = "subscribed", _("signed up")
        CONFIRMED = "confirmed", _("confirmed")
        IMPORTED = "imported", _("imported")
        LANGUAGE_CHANGED = "language_changed", _("changed language")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        ERASED = "erased", _("erased")

    subscriber = models.ForeignKey(
        Subscriber,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consent_events",
    )
    email_hash = models.CharField(max_length=64, db_index=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    source = models.CharField(_("source"), max_length=200)
    ip_hash = models.CharField(_("IP address (hashed)"), max_length=32, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("consent log entry")
        verbose_name_plural = _("consent log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        # Only the erase of a subscriber may touch an entry, and then only to unlink it.
        if not self._state.adding:
            raise ValueError("The consent log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The consent log is append-only.")


class NewsletterIndexPage(BodyMixin, BasePage):
    """The newsletter's own page: the sign-up form and the archive of past editions."""

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = ["nyheder.NewsletterPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, *BodyMixin.content_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.search_fields]
    translatable_fields = [*BasePage.translatable_fields, *BodyMixin.translatable_fields]

    class Meta:
        verbose_name = _("newsletter page")

    def editions(self):
        return NewsletterPage.objects.live().public().child_of(self).order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs):
        from .forms import SubscribeForm

        context = super().get_context(request, *args, **kwargs)
        context["editions"] = Paginator(self.editions(), ARCHIVE_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        context["subscribe_form"] = SubscribeForm.for_language(request.LANGUAGE_CODE)
        return context


class NewsletterPage(BasePage):
    """One edition: an intro and the chosen stories, events and Agerposten issue.

    As a page it has drafts, revisions, workflow, scheduling and translations, and once
    published it is the edition's "view in the browser" page in the public archive.
    """

    preheader = models.CharField(
        _("preheader"),
        max_length=140,
        blank=True,
        help_text=_("The line mail programs show after the subject. Empty: the introduction."),
    )
    items = StreamField(
        NewsletterItemsBlock(),
        verbose_name=_("items"),
        blank=True,
        help_text=_("Stories, events and the Agerposten issue, in the order readers see them."),
    )

    parent_page_types = ["nyheder.NewsletterIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("preheader"),
        FieldPanel("items"),
    ]
    search_fields = BasePage.search_fields
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("preheader"),
        # The Danish edition chooses the items; each one is shown in the reader's language.
        SynchronizedField("items"),
    ]

    preview_modes = [("", _("Web")), ("email", _("E-mail"))]

    class Meta:
        verbose_name = _("newsletter edition")
        verbose_name_plural = _("newsletter editions")

    @cached_property
    def source_edition(self):
        """The Danish original, which deliveries and send progress belong to."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return (
            NewsletterPage.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            ).first()
            or self
        )

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            from .rendering import preview_response

            return preview_response(self, request)
        return super().serve_preview(request, mode_name)


class EditionSend(models.Model):
    """The sending of one edition: when it was asked for, and how far it has come."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        SENDING = "sending", _("sending")
        FINISHED = "finished", _("finished")

    edition = models.OneToOneField(
        NewsletterPage, on_delete=models.CASCADE, related_name="send", verbose_name=_("edition")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED
    )
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter send")

    def __str__(self):
        return str(self.edition)


class RenderedEdition(models.Model):
    """An edition rendered once per language when sending starts; every reader gets this copy.

    The subscriber's token goes in at send time, in place of TOKEN_PLACEHOLDER.
    """

    send = models.ForeignKey(EditionSend, on_delete=models.CASCADE, related_name="renders")
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(max_length=255)
    html = models.TextField()
    text = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["send", "language"], name="unique_render_per_language")
        ]


class Delivery(models.Model):
    """One edition to one subscriber. The unique pair is what makes a re-send send nothing."""

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    edition = models.ForeignKey(NewsletterPage, on_delete=models.CASCADE, related_name="deliveries")
    # Kept when the subscriber erases themselves, so the edition's statistics stay true.
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    message_id = models.CharField(max_length=255, blank=True, db_index=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    complained_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "subscriber"], name="unique_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["edition", "state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.edition_id} → {self.subscriber_id} ({self.state})"


class TrackingEvent(models.Model):
    """ESP webhook events already handled, so that a redelivered event changes nothing."""

    esp = models.CharField(max_length=40)
    event_id = models.CharField(max_length=255)
    event_type = models.CharField(max_length=40)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["esp", "event_id"], name="unique_tracking_event")
        ]
