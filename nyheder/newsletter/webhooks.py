"""What the ESP tells us after sending: bounces, spam complaints and unsubscribes.

django-anymail receives the ESP's webhook at /anymail/<esp>/tracking/, checks its basic auth
(ANYMAIL["WEBHOOK_SECRET"]) and sends the `tracking` signal with a normalised event, which
`handle_tracking_event` (connected in NewsletterConfig.ready) turns into a suppression and an
unsubscribe. ESPs deliver an event more than once when they are unsure it arrived, so each one
is handled only once.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from anymail.exceptions import AnymailWebhookValidationFailure

from .constants import SuppressionReason, normalize_email
from .models import Delivery, Subscriber, Suppression, TrackingEvent

logger = logging.getLogger(__name__)

# The anymail event type → (the Delivery field it stamps, the suppression reason, the log source).
HANDLED_EVENTS = {
    "bounced": ("bounced_at", SuppressionReason.BOUNCED, "bounce webhook"),
    "complained": ("complained_at", SuppressionReason.COMPLAINED, "complaint webhook"),
    "unsubscribed": ("unsubscribed_at", SuppressionReason.UNSUBSCRIBED, "unsubscribe webhook"),
}


def event_key(event):
    """The ESP's event id, or (for ESPs that send none for some events) what identifies it."""
    if event.event_id:
        return str(event.event_id)[:255]
    return f"{event.event_type}:{event.message_id}:{event.recipient}:{event.timestamp}"[:255]


def delivery_for(event):
    delivery_id = str((event.metadata or {}).get("delivery", ""))
    if delivery_id.isdigit():
        delivery = Delivery.objects.filter(pk=int(delivery_id)).first()
        if delivery is not None:
            return delivery
    if event.message_id:
        return Delivery.objects.filter(message_id=event.message_id).first()
    return None


def handle_tracking_event(sender, event, esp_name, **kwargs):
    # Without a secret anymail lets anyone post, and a forged bounce would unsubscribe anyone.
    if not settings.ANYMAIL.get("WEBHOOK_SECRET"):
        raise AnymailWebhookValidationFailure(
            "Newsletter webhooks are refused until ANYMAIL_WEBHOOK_SECRET is set."
        )
    if event.event_type not in HANDLED_EVENTS:
        return
    stamp_field, reason, source = HANDLED_EVENTS[event.event_type]
    with transaction.atomic():
        _record, created = TrackingEvent.objects.get_or_create(
            esp=esp_name, event_id=event_key(event), defaults={"event_type": event.event_type}
        )
        if not created:
            return  # handled when the ESP first delivered it
        delivery = delivery_for(event)
        address = normalize_email(event.recipient or "")
        subscriber = Subscriber.objects.filter(email=address).first() if address else None
        if subscriber is None and delivery is not None:
            subscriber = delivery.subscriber
        if subscriber is not None:
            subscriber.unsubscribe(source=source, reason=reason)
        elif address:
            # Not (or no longer) on the list: still keep the address from being imported again.
            Suppression.add(address, reason)
        if delivery is not None and getattr(delivery, stamp_field) is None:
            setattr(delivery, stamp_field, event.timestamp or timezone.now())
            delivery.save(update_fields=[stamp_field])
    logger.info(
        "%s %s event for delivery %s",
        esp_name,
        event.event_type,
        delivery.pk if delivery is not None else "(unknown)",
    )
