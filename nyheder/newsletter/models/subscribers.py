"""Subscribers, their consent log and suppressed addresses.

A subscriber's address is the only personal data. When they erase themselves, what is left is
a keyed hash of the address (constants.hash_email, so that an import never brings them back) and
the consent log entries, which carry such hashes, never the address.
"""

import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from ..constants import (
    CONSENT_VERSION,
    ConsentAction,
    SubscriberStatus,
    SuppressionReason,
    email_hashes,
    hash_email,
    normalize_email,
)
from ..tokens import confirm_key, preferences_key


def hash_ip(ip_address):
    # Keyed, so the log cannot be matched against a list of addresses; informative only.
    if not ip_address:
        return ""
    return salted_hmac("kvarter.newsletter.ip", ip_address).hexdigest()[:32]


def new_subscriber_key():
    return secrets.token_urlsafe(24)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=SubscriberStatus.CONFIRMED)

    def for_confirm_token(self, token):
        """The subscriber a confirm link belongs to, or None if forged, expired or erased, or
        made before the subscriber last left: leaving wins over an older confirmation."""
        signed = confirm_key(token)
        if signed is None:
            return None
        key, made_at = signed
        # The link's time is in whole seconds: leaving in that same second also wins.
        return self.filter(key=key).exclude(unsubscribed_at__gte=made_at).first()

    def for_preferences_token(self, token):
        """The subscriber a preferences or unsubscribe link belongs to, or None."""
        key = preferences_key(token)
        return self.filter(key=key).first() if key else None


class Subscriber(models.Model):
    Status = SubscriberStatus

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
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
        # Checked by the admin's import (Wagtail's permission policy calls it "import").
        permissions = [("import_subscriber", _("Can import subscribers"))]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.status == SubscriberStatus.CONFIRMED

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
        self.status = SubscriberStatus.CONFIRMED
        self.confirmed_at = timezone.now()
        self.unsubscribed_at = None
        self.save()
        # Confirming is a fresh, proven consent: a past unsubscribe no longer applies.
        Suppression.objects.filter(email_hash__in=email_hashes(self.email)).delete()
        self.log(ConsentAction.CONFIRMED, source, ip_address, consent_version)

    @transaction.atomic
    def unsubscribe(self, source, ip_address="", reason=SuppressionReason.UNSUBSCRIBED):
        if self.status != SubscriberStatus.UNSUBSCRIBED:
            self.status = SubscriberStatus.UNSUBSCRIBED
            self.unsubscribed_at = timezone.now()
            self.save()
            self.log(ConsentAction.UNSUBSCRIBED, source, ip_address)
        Suppression.add(self.email, reason)

    @transaction.atomic
    def change_language(self, language, source, ip_address=""):
        if language != self.language:
            self.language = language
            self.save()
            self.log(ConsentAction.LANGUAGE_CHANGED, source, ip_address)

    @transaction.atomic
    def erase(self, source, ip_address=""):
        """Delete the address and everything tied to it; keep only a hashed suppression."""
        self.log(ConsentAction.ERASED, source, ip_address)
        Suppression.add(self.email, SuppressionReason.ERASED)
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

    Reason = SuppressionReason

    email_hash = models.CharField(max_length=64, unique=True)
    reason = models.CharField(_("reason"), max_length=16, choices=SuppressionReason.choices)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return f"{self.email_hash[:12]}… ({self.get_reason_display()})"

    @classmethod
    @transaction.atomic
    def add(cls, address, reason):
        """Suppress the address, keeping the date of an earlier entry in an older hash form."""
        current, *older = email_hashes(address)
        earlier = cls.objects.filter(email_hash__in=older).order_by("created_at").first()
        if earlier and not cls.objects.filter(email_hash=current).exists():
            cls.objects.filter(email_hash__in=older).exclude(pk=earlier.pk).delete()
            earlier.email_hash, earlier.reason = current, reason
            earlier.save(update_fields=["email_hash", "reason"])
            return
        cls.objects.filter(email_hash__in=older).delete()
        cls.objects.update_or_create(email_hash=current, defaults={"reason": reason})

    @classmethod
    def is_suppressed(cls, address):
        return cls.objects.filter(email_hash__in=email_hashes(address)).exists()


class ConsentEvent(models.Model):
    """The append-only consent log: what happened, when, how, and which wording was shown."""

    Action = ConsentAction

    subscriber = models.ForeignKey(
        Subscriber,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consent_events",
    )
    email_hash = models.CharField(max_length=64, db_index=True)
    action = models.CharField(_("action"), max_length=20, choices=ConsentAction.choices)
    source = models.CharField(_("source"), max_length=200)
    ip_hash = models.CharField(_("IP address (hashed)"), max_length=32, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    # The staff user who made the entry, e.g. by importing a list; empty for the subscriber's own.
    recorded_by = models.CharField(_("recorded by"), max_length=150, blank=True)
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
