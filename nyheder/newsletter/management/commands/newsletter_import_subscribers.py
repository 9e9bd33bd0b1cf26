"""Import an existing mailing list as confirmed subscribers, with where their consent came from.

The CSV has the header `email,language` (language optional, default Danish); a file saved by
Danish Excel, with semicolons, works too. The rules are those of the admin's import
(nyheder/newsletter/importing.py). Messages are in the site's language.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from nyheder.newsletter.importing import (
    ImportFileError,
    Outcome,
    carry_out,
    plan_import,
    read_file,
)


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
            raise CommandError(_("--consent-source must say where the consent was given."))
        try:
            rows = read_file(file.read_bytes())
        except FileNotFoundError:
            raise CommandError(_("%(file)s does not exist.") % {"file": file}) from None
        except ImportFileError as error:
            raise CommandError(f"{file}: {error}") from None

        plan = plan_import(rows)
        result = carry_out(plan, source)
        for row in plan.rows:
            if row.outcome in (Outcome.REFUSE, Outcome.SUPPRESS):
                self.stderr.write(
                    _("Line %(line)s: %(reason)s") % {"line": row.line, "reason": row.reason}
                )
        counts = plan.counts
        # Labels before numbers, so that no count needs a plural form.
        self.stdout.write(
            _(
                "New subscribers: %(created)s. Waiting ones confirmed: %(confirmed)s. "
                "Already subscribed, kept: %(kept)s. Left out because they unsubscribed, "
                "were erased or bounced: %(suppressed)s. Lines refused: %(refused)s."
            )
            % {
                "created": result.created,
                "confirmed": result.confirmed,
                "kept": counts[Outcome.KEEP],
                "suppressed": counts[Outcome.SUPPRESS],
                "refused": counts[Outcome.REFUSE],
            }
        )
