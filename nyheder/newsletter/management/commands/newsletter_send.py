"""Queue a published newsletter edition for every confirmed subscriber; the worker sends it."""

from django.core.management.base import BaseCommand, CommandError

from nyheder.newsletter.sending import SendError, edition_for_id, queue_edition


class Command(BaseCommand):
    help = (
        "Queue edition ID for sending to every confirmed subscriber who has not received it. "
        "The tasks worker (manage.py db_worker) sends it."
    )

    def add_arguments(self, parser):
        parser.add_argument("edition_id", type=int, metavar="ID", help="The edition's page id.")

    def handle(self, *args, edition_id, **options):
        try:
            edition = edition_for_id(edition_id)
            queued = queue_edition(edition)
        except SendError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Queued {queued} deliveries for edition {edition.pk} ({edition.title}). "
            "The worker (manage.py db_worker) sends them."
        )
