from django.core.management.base import BaseCommand

from frivillig.models import HelpRequest


class Command(BaseCommand):
    help = "Deletes help requests closed more than 12 months ago. Safe to run daily."

    def handle(self, *args, **options):
        deleted, _ = HelpRequest.due_for_purge().delete()
        self.stdout.write(f"Deleted {deleted} closed help request(s).")
