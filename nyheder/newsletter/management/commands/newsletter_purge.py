"""Delete sign-ups that were never confirmed, once their confirm links have expired."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from nyheder.newsletter.constants import PENDING_RETENTION_DAYS
from nyheder.newsletter.models import ConsentEvent, Subscriber


def expired_sign_ups(now=None):
    """Pending subscribers with no sign-up in the retention period.

    Someone who unsubscribed long ago and signed up again yesterday is pending with an old
    created_at; their latest sign-up in the consent log is what counts.
    """
    cutoff = (now or timezone.now()) - datetime.timedelta(days=PENDING_RETENTION_DAYS)
    recent_sign_ups = ConsentEvent.objects.filter(
        action=ConsentEvent.Action.SUBSCRIBED,
        created_at__gte=cutoff,
        subscriber__isnull=False,  # NOT IN with a NULL in the list would match nothing
    ).values("subscriber_id")
    return Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, created_at__lt=cutoff
    ).exclude(pk__in=recent_sign_ups)


class Command(BaseCommand):
    help = (
        f"Delete newsletter sign-ups that were not confirmed within {PENDING_RETENTION_DAYS} "
        "days. Their consent log entries stay, without the address."
    )

    def handle(self, *args, **options):
        # Only subscribers are deleted; their consent log entries are unlinked, not counted.
        count, _by_model = expired_sign_ups().delete()
        self.stdout.write(
            f"Deleted {count} pending sign-up(s) older than {PENDING_RETENTION_DAYS} days."
        )
