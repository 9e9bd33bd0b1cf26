"""Store the dates of every live event again, from a year back to 18 months ahead.

The worker does this by itself once a day and publishing does it for one event; run it by hand
after restoring a database, or to see at once what a deploy of stored dates gives.
"""

from django.core.management.base import BaseCommand

from arrangementer.models import Occurrence, OccurrenceWindow


class Command(BaseCommand):
    help = "Store the dates of every live event (the worker does this once a day)."

    def handle(self, *args, **options):
        count = Occurrence.refresh_all()
        window = OccurrenceWindow.objects.get()
        period = f"{window.stored_from:%Y-%m-%d} to {window.stored_until:%Y-%m-%d}"
        self.stdout.write(f"{count} dates stored, {period}.")
