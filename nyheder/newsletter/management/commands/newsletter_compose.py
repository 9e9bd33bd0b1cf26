"""Create the next newsletter edition as a draft from what is new, or say that nothing is."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from nyheder.newsletter.compose import ComposeError, compose_edition


def since_date(value):
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since must be a date as YYYY-MM-DD, not {value!r}.") from None
    # From the start of that day in Danish time.
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class Command(BaseCommand):
    help = (
        "Create a draft newsletter edition with the stories, events and Agerposten issue that "
        "are new since the last edition was sent (or since --since). Prints the new edition's id."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since",
            metavar="YYYY-MM-DD",
            help="Collect what is new since this date instead of since the last sent edition.",
        )

    def handle(self, *args, since=None, **options):
        since = since_date(since) if since else None
        try:
            edition = compose_edition(since=since)
        except ComposeError as error:
            raise CommandError(str(error)) from None
        if edition is None:
            self.stdout.write("Nothing is new since the last edition; no draft was created.")
            return
        self.stdout.write(str(edition.pk))
        self.stderr.write(f"Created the draft edition {edition.title!r} (id {edition.pk}).")
