"""Import an existing mailing list as confirmed subscribers, with where their consent came from.

The CSV has the header `email,language` (language optional, default Danish); a file saved by
Danish Excel, with semicolons, works too. Addresses that were unsubscribed, erased or bounced
are never subscribed again, whatever the file says.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from nyheder.newsletter.constants import CONSENT_VERSION, hash_email, normalize_email
from nyheder.newsletter.models import ConsentEvent, Subscriber, Suppression

CHUNK_SIZE = 1000
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@dataclass
class Row:
    line: int
    email: str
    language: str


@dataclass
class ImportResult:
    created: int = 0
    confirmed: int = 0
    kept: int = 0
    suppressed: list = field(default_factory=list)


def chunks(items, size=CHUNK_SIZE):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def read_rows(path):
    """The file's rows as (line number, dict with lower-case keys)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:
            header = file.readline()
            delimiter = ";" if ";" in header and "," not in header else ","
            file.seek(0)
            reader = csv.DictReader(file, delimiter=delimiter)
            columns = [(name or "").strip().lower() for name in reader.fieldnames or []]
            if "email" not in columns:
                raise CommandError(
                    f"{path} has no email column: its first line must be email,language."
                )
            reader.fieldnames = columns
            # line_num is the line a row ends on: its own line unless a quoted value spans lines.
            return [(reader.line_num, values) for values in reader]
    except FileNotFoundError:
        raise CommandError(f"{path} does not exist.") from None
    except UnicodeDecodeError:
        raise CommandError(
            f"{path} is not UTF-8 text. Save it as CSV in UTF-8 and run the import again."
        ) from None
    except csv.Error as error:
        raise CommandError(f"{path} is not a readable CSV file: {error}.") from None


def parse_row(line, values):
    """A Row, or raise ValueError with what is wrong with the line."""
    email = normalize_email(values.get("email") or "")
    language = (values.get("language") or "").strip().lower() or settings.LANGUAGE_CODE
    if not email:
        raise ValueError("no e-mail address")
    try:
        validate_email(email)
    except ValidationError:
        raise ValueError(f"{email!r} is not a valid e-mail address") from None
    if language not in LANGUAGE_CODES:
        raise ValueError(f"unknown language {language!r} (use one of {', '.join(LANGUAGE_CODES)})")
    return Row(line, email, language)


def imported_event(subscriber, source):
    return ConsentEvent(
        subscriber=subscriber,
        email_hash=hash_email(subscriber.email),
        action=ConsentEvent.Action.IMPORTED,
        source=source[:200],
        consent_version=CONSENT_VERSION,
        language=subscriber.language,
    )


@transaction.atomic
def import_rows(rows, source):
    """Subscribe `rows` (unique addresses) as confirmed; suppressed addresses are left out."""
    result = ImportResult()
    now = timezone.now()
    for chunk in chunks(rows):
        suppressed = set(
            Suppression.objects.filter(
                email_hash__in=[hash_email(row.email) for row in chunk]
            ).values_list("email_hash", flat=True)
        )
        existing = {
            subscriber.email: subscriber
            for subscriber in Subscriber.objects.filter(email__in=[row.email for row in chunk])
        }
        new, waiting = [], []
        for row in chunk:
            subscriber = existing.get(row.email)
            if hash_email(row.email) in suppressed or (
                subscriber is not None and subscriber.status == Subscriber.Status.UNSUBSCRIBED
            ):
                result.suppressed.append(row)
            elif subscriber is None:
                new.append(
                    Subscriber(
                        email=row.email,
                        language=row.language,
                        status=Subscriber.Status.CONFIRMED,
                        confirmed_at=now,
                    )
                )
            elif subscriber.status == Subscriber.Status.PENDING:
                # The list's owner vouches for the consent the confirmation mail asked for.
                subscriber.status = Subscriber.Status.CONFIRMED
                subscriber.confirmed_at = now
                waiting.append(subscriber)
            else:
                result.kept += 1
        created = Subscriber.objects.bulk_create(new)
        Subscriber.objects.bulk_update(waiting, ["status", "confirmed_at"])
        ConsentEvent.objects.bulk_create(
            [imported_event(subscriber, source) for subscriber in [*created, *waiting]]
        )
        result.created += len(created)
        result.confirmed += len(waiting)
    return result


class Command(BaseCommand):
    help = (
        "Import subscribers from a UTF-8 CSV file with the header email,language as confirmed "
        "subscribers. --consent-source says where their consent was given; it goes in the "
        "consent log. Unsubscribed, erased and bounced addresses are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, metavar="FILE.csv")
        parser.add_argument(
            "--consent-source",
            required=True,
            help='Where these people consented, e.g. "paper sign-up list, summer party 2026".',
        )

    def handle(self, *args, file, consent_source, **options):
        source = consent_source.strip()
        if not source:
            raise CommandError("--consent-source must say where the consent was given.")
        rows, seen, invalid, duplicates = [], set(), 0, 0
        for line, values in read_rows(file):
            try:
                row = parse_row(line, values)
            except ValueError as error:
                invalid += 1
                self.stderr.write(f"Line {line}: {error}; skipped.")
                continue
            if row.email in seen:
                duplicates += 1
                continue
            seen.add(row.email)
            rows.append(row)

        result = import_rows(rows, f"import: {source}")
        for row in result.suppressed:
            self.stderr.write(
                f"Line {row.line}: {row.email} unsubscribed, was erased or bounced before; "
                "not subscribed again."
            )
        self.stdout.write(
            f"Imported {result.created} new subscribers, confirmed {result.confirmed} who were "
            f"waiting, kept {result.kept} already subscribed; skipped "
            f"{len(result.suppressed)} unsubscribed or bounced, {invalid} invalid lines and "
            f"{duplicates} duplicates."
        )
