from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kvarter.mail import dkim_dns_record, dkim_private_key


class Command(BaseCommand):
    help = "Prints the DNS TXT record that publishes the DKIM key the mails are signed with."

    def handle(self, *args, **options):
        if not dkim_private_key():
            raise CommandError(
                _("No DKIM key is set: set DKIM_PRIVATE_KEY_PATH (or DKIM_PRIVATE_KEY).")
            )
        self.stdout.write(dkim_dns_record())
