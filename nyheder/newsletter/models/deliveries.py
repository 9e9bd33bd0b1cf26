"""The sending of an edition: its rendered copies, one delivery per reader, and ESP events."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..constants import DeliveryState, SendStatus


class EditionSend(models.Model):
    """The sending of one edition: when it was asked for, and how far it has come."""

    Status = SendStatus

    edition = models.OneToOneField(
        "newsletter.NewsletterPage",
        on_delete=models.CASCADE,
        related_name="edition_send",
        verbose_name=_("edition"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SendStatus.choices, default=SendStatus.SCHEDULED
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
        verbose_name_plural = _("newsletter sends")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.edition)


class RenderedEdition(models.Model):
    """An edition rendered once per language when sending starts; every reader gets this copy.

    The subscriber's token goes in at send time, in place of TOKEN_PLACEHOLDER.
    """

    edition_send = models.ForeignKey(EditionSend, on_delete=models.CASCADE, related_name="renders")
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(max_length=255)
    html = models.TextField()
    text = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["edition_send", "language"], name="unique_render_per_language"
            )
        ]


class Delivery(models.Model):
    """One edition to one subscriber. The unique pair is what makes a re-send send nothing."""

    State = DeliveryState

    edition = models.ForeignKey(
        "newsletter.NewsletterPage", on_delete=models.CASCADE, related_name="deliveries"
    )
    # Kept when the subscriber erases themselves, so the edition's statistics stay true.
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    state = models.CharField(
        max_length=8, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
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
