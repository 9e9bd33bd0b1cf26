"""`manage.py frivillig_purge` deletes closed requests after 12 months, and nothing else."""

import datetime
import io

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from frivillig.choices import RETENTION
from frivillig.models import HelpRequest
from tests.factories.frivillig import HelpRequestFactory


class PurgeTests(TestCase):
    def purge(self):
        out = io.StringIO()
        call_command("frivillig_purge", stdout=out)
        return out.getvalue()

    def test_deletes_only_requests_closed_more_than_12_months_ago(self):
        now = timezone.now()
        day = datetime.timedelta(days=1)
        due = HelpRequestFactory(status=HelpRequest.Status.CLOSED)
        recent = HelpRequestFactory(status=HelpRequest.Status.CLOSED)
        old_but_open = HelpRequestFactory(status=HelpRequest.Status.ANSWERED)
        HelpRequest.objects.filter(pk=due.pk).update(closed_at=now - RETENTION - day)
        HelpRequest.objects.filter(pk=recent.pk).update(closed_at=now - RETENTION + day)
        HelpRequest.objects.filter(pk=old_but_open.pk).update(
            created_at=now - 3 * RETENTION, updated_at=now - 3 * RETENTION
        )

        self.assertIn("Deleted 1 ", self.purge())
        self.assertEqual(
            set(HelpRequest.objects.values_list("pk", flat=True)), {recent.pk, old_but_open.pk}
        )
        # Safe to run again: nothing more is due.
        self.assertIn("Deleted 0 ", self.purge())
        self.assertEqual(HelpRequest.objects.count(), 2)
