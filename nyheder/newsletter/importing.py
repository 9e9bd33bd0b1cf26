"""Importing an existing mailing list: the rules that the command and the admin share.

    read_file(data)        bytes → rows, or ImportFileError saying what is wrong with the file
      → plan_import(rows)  every row classified: added, confirmed, kept, refused or suppressed
      → carry_out(plan)    writes the plan's subscribers and consent entries, nothing else

Nothing is written before `carry_out`, so the admin can show the plan as a preview first.
Addresses that were unsubscribed, erased or bounced are never subscribed again, whatever the
file says.
"""

import csv
import hashlib
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import TextChoices
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import (
    CONSENT_VERSION,
    STAFF_LANGUAGE_NAMES,
    email_hashes,
    hash_email,
    normalize_email,
)
from .models import ConsentEvent, Subscriber, Suppression

# A neighbourhood's list is a few thousand addresses; a bigger file is most likely a mistake,
# and the admin keeps the upload in the session between the preview and the confirmation.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 20_000
CHUNK_SIZE = 1000
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# The first bytes of an .xlsx (a zip) and of an old .xls: a workbook, not a CSV export.
WORKBOOK_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


class ImportFileError(Exception):
    """A file that cannot be imported at all; the message is one sentence for staff."""


class Outcome(TextChoices):
    ADD = "add", _("New subscriber")
    CONFIRM = "confirm", _("Waiting for confirmation: will be confirmed")
    KEEP = "keep", _("Already subscribed: kept as they are")
    REFUSE = "refuse", _("Refused")
    SUPPRESS = "suppress", _("Stays out")


@dataclass
class PlannedRow:
    line: int
    email: str
    language: str
    outcome: str
    reason: str = ""

    @property
    def language_name(self):
        return STAFF_LANGUAGE_NAMES.get(self.language, self.language)


@dataclass
class ImportPlan:
    rows: list = field(default_factory=list)

    def of(self, outcome):
        return [row for row in self.rows if row.outcome == outcome]

    @property
    def counts(self):
        return {outcome: len(self.of(outcome)) for outcome in Outcome.values}

    @property
    def writes_anything(self):
        return bool(self.of(Outcome.ADD) or self.of(Outcome.CONFIRM))

    def fingerprint(self):
        """Changes whenever what the confirmation would write or leave out changes."""
        text = "\n".join(f"{r.line}|{r.email}|{r.language}|{r.outcome}" for r in self.rows)
        return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class ImportResult:
    created: int = 0
    confirmed: int = 0


def read_file(data):
    """The rows of a CSV file's bytes as (line number, dict with lower-case keys)."""
    return read_text(decode_file(data))


def decode_file(data):
    """The text of a CSV file's bytes, or ImportFileError if it is not one we can read."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            _("The file is %(size)s; at most %(limit)s can be imported at once. Split it up.")
            % {"size": filesizeformat(len(data)), "limit": filesizeformat(MAX_FILE_BYTES)}
        )
    if data.startswith(WORKBOOK_SIGNATURES):
        raise ImportFileError(
            _("This is an Excel workbook, not a CSV file. In Excel, save it as “CSV UTF-8”.")
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _("The file is not UTF-8 text. In Excel, save it as “CSV UTF-8” and try again.")
        ) from None
    if not text.strip():
        raise ImportFileError(_("The file is empty."))
    if "\x00" in text:
        raise ImportFileError(_("This is not a CSV file. Save the list as “CSV UTF-8”."))
    return text


def read_text(text):
    """The rows of a CSV file's text as (line number, dict with lower-case keys)."""
    header = text.split("\n", 1)[0]
    # Danish Excel separates with semicolons, since the comma is the decimal mark.
    delimiter = ";" if ";" in header and "," not in header else ","
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        columns = [(name or "").strip().lower() for name in reader.fieldnames or []]
        if "email" not in columns:
            raise ImportFileError(
                _("The file has no email column: its first line must be email,language.")
            )
        reader.fieldnames = columns
        rows = []
        for values in reader:
            if not any((value or "").strip() for value in values.values()):
                continue
            if len(rows) == MAX_ROWS:
                raise ImportFileError(
                    _("The file has more than %(limit)s rows. Split it up and import each part.")
                    % {"limit": MAX_ROWS}
                )
            # line_num is the line a row ends on: its own line unless a quoted value spans lines.
            rows.append((reader.line_num, values))
    except csv.Error as error:
        raise ImportFileError(
            _("The file is not a readable CSV file (%(error)s).") % {"error": error}
        ) from None
    if not rows:
        raise ImportFileError(_("The file has no rows below its first line."))
    return rows


def parse_row(values):
    """(email, language), or raise ValueError with what is wrong with the row."""
    raw_email = (values.get("email") or "").strip()
    email = normalize_email(raw_email)
    language = (values.get("language") or "").strip().lower() or settings.LANGUAGE_CODE
    if not email:
        raise ValueError(_("No e-mail address."))
    try:
        validate_email(email)
    except ValidationError:
        raise ValueError(
            _("“%(email)s” is not a valid e-mail address.") % {"email": raw_email}
        ) from None
    if language not in LANGUAGE_CODES:
        raise ValueError(
            _("Unknown language “%(language)s” (use one of %(codes)s).")
            % {"language": language, "codes": ", ".join(LANGUAGE_CODES)}
        )
    return email, language


def chunks(items, size=CHUNK_SIZE):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def plan_import(rows):
    """What importing `rows` would do to each, as the database stands now; writes nothing."""
    plan, first_line = ImportPlan(), {}
    valid = []
    for line, values in rows:
        try:
            email, language = parse_row(values)
        except ValueError as error:
            email = normalize_email(values.get("email") or "")
            plan.rows.append(PlannedRow(line, email, "", Outcome.REFUSE, str(error)))
            continue
        if email in first_line:
            reason = _("%(email)s is already on line %(line)s.") % {
                "email": email,
                "line": first_line[email],
            }
            plan.rows.append(PlannedRow(line, email, language, Outcome.REFUSE, str(reason)))
            continue
        first_line[email] = line
        row = PlannedRow(line, email, language, Outcome.ADD)
        plan.rows.append(row)
        valid.append(row)

    for chunk in chunks(valid):
        hashes = {row.email: email_hashes(row.email) for row in chunk}
        suppressed = dict(
            Suppression.objects.filter(
                email_hash__in=[form for forms in hashes.values() for form in forms]
            ).values_list("email_hash", "reason")
        )
        existing = {
            subscriber.email: subscriber
            for subscriber in Subscriber.objects.filter(email__in=[row.email for row in chunk])
        }
        for row in chunk:
            subscriber = existing.get(row.email)
            reason = next(filter(None, map(suppressed.get, hashes[row.email])), None)
            if subscriber is not None and subscriber.status == Subscriber.Status.UNSUBSCRIBED:
                reason = Suppression.Reason.UNSUBSCRIBED
            if reason:
                row.outcome = Outcome.SUPPRESS
                row.reason = str(
                    _("%(email)s is never subscribed again (%(reason)s).")
                    % {"email": row.email, "reason": Suppression.Reason(reason).label}
                )
            elif subscriber is None:
                row.outcome = Outcome.ADD
            elif subscriber.status == Subscriber.Status.PENDING:
                row.outcome = Outcome.CONFIRM
            else:
                row.outcome = Outcome.KEEP
    return plan


def imported_event(subscriber, source, imported_by):
    return ConsentEvent(
        subscriber=subscriber,
        email_hash=hash_email(subscriber.email),
        action=ConsentEvent.Action.IMPORTED,
        source=f"import: {source}"[:200],
        recorded_by=imported_by[:150],
        consent_version=CONSENT_VERSION,
        language=subscriber.language,
    )


@transaction.atomic
def carry_out(plan, source, imported_by=""):
    """Write `plan`: its new subscribers, confirm its waiting ones, and log each one's consent.

    `imported_by` is who imported: a staff user's name in the admin, empty for the command.
    """
    source = source.strip()
    if not source:
        raise ValueError("An import needs the source of the consent.")
    result = ImportResult()
    now = timezone.now()
    for chunk in chunks(plan.of(Outcome.ADD)):
        created = Subscriber.objects.bulk_create(
            Subscriber(
                email=row.email,
                language=row.language,
                status=Subscriber.Status.CONFIRMED,
                confirmed_at=now,
            )
            for row in chunk
        )
        ConsentEvent.objects.bulk_create(
            imported_event(subscriber, source, imported_by) for subscriber in created
        )
        result.created += len(created)
    for chunk in chunks(plan.of(Outcome.CONFIRM)):
        waiting = list(
            Subscriber.objects.filter(
                email__in=[row.email for row in chunk], status=Subscriber.Status.PENDING
            )
        )
        for subscriber in waiting:
            # The list's owner vouches for the consent the confirmation mail asked for.
            subscriber.status = Subscriber.Status.CONFIRMED
            subscriber.confirmed_at = now
        Subscriber.objects.bulk_update(waiting, ["status", "confirmed_at"])
        ConsentEvent.objects.bulk_create(
            imported_event(subscriber, source, imported_by) for subscriber in waiting
        )
        result.confirmed += len(waiting)
    return result
