"""The newsletter's management commands: compose, send and import subscribers."""

import datetime
import io
import tempfile
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from nyheder.newsletter.constants import CONSENT_VERSION, hash_email
from nyheder.newsletter.importing import MAX_FILE_BYTES
from nyheder.newsletter.models import (
    ConsentEvent,
    Delivery,
    NewsletterPage,
    Subscriber,
    Suppression,
)
from tests.factories import StoryIndexPageFactory
from tests.factories.newsletter import (
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    SubscriberFactory,
)
from tests.factories.nyheder import StoryPageFactory
from tests.kvarter.helpers import create_site, in_admin_language


def run(command, *args, **options):
    """Run a command; return (stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


class ComposeCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _locales = create_site()
        cls.newsletter = NewsletterIndexPageFactory(parent=cls.home)
        cls.stories = StoryIndexPageFactory(parent=cls.home)

    def test_prints_the_id_of_the_new_draft(self):
        StoryPageFactory(parent=self.stories).save_revision().publish()

        out, _err = run("newsletter_compose")

        edition = NewsletterPage.objects.get()
        self.assertEqual(out.strip(), str(edition.pk))
        self.assertFalse(edition.live)

    def test_nothing_new_says_so_and_creates_nothing(self):
        out, _err = run("newsletter_compose")

        self.assertIn("Nothing is new", out)
        self.assertFalse(NewsletterPage.objects.exists())

    def test_since_reaches_back_to_older_stories(self):
        story = StoryPageFactory(parent=self.stories)
        story.save_revision().publish()
        long_ago = timezone.now() - datetime.timedelta(days=100)
        type(story).objects.filter(pk=story.pk).update(first_published_at=long_ago)

        out, _err = run("newsletter_compose")
        self.assertIn("Nothing is new", out)

        day = (long_ago - datetime.timedelta(days=1)).date().isoformat()
        out, _err = run("newsletter_compose", since=day)
        edition = NewsletterPage.objects.get(pk=int(out))
        self.assertEqual([item.value["story"].pk for item in edition.items], [story.pk])

    def test_a_bad_date_is_one_clear_error(self):
        with self.assertRaisesMessage(CommandError, "YYYY-MM-DD"):
            run("newsletter_compose", since="24/11/2026")


class SendCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _locales = create_site()
        cls.edition = NewsletterPageFactory(parent__parent=cls.home)
        cls.readers = [SubscriberFactory(language=code) for code in ["da", "ar", "en"]]
        SubscriberFactory(status=Subscriber.Status.PENDING)

    def test_queues_every_confirmed_subscriber_once(self):
        out, _err = run("newsletter_send", str(self.edition.pk))

        self.assertIn(f"Queued {len(self.readers)} deliveries for edition {self.edition.pk}", out)
        # The test settings run tasks at once, so the worker's part is done too.
        self.assertCountEqual([m.to[0] for m in mail.outbox], [r.email for r in self.readers])

        out, _err = run("newsletter_send", str(self.edition.pk))

        self.assertIn(f"Queued 0 deliveries for edition {self.edition.pk}", out)
        self.assertEqual(len(mail.outbox), len(self.readers))
        self.assertEqual(Delivery.objects.filter(edition=self.edition).count(), len(self.readers))

    def test_an_unpublished_edition_is_refused(self):
        self.edition.unpublish()

        with self.assertRaises(CommandError):
            run("newsletter_send", str(self.edition.pk))
        self.assertFalse(Delivery.objects.exists())

    def test_an_unknown_id_is_refused(self):
        with self.assertRaisesMessage(CommandError, "999999"):
            run("newsletter_send", "999999")


class ImportCommandTests(TestCase):
    def setUp(self):
        self.folder = Path(tempfile.mkdtemp())

    def csv_file(self, text, encoding="utf-8"):
        path = self.folder / "liste.csv"
        path.write_bytes(text.encode(encoding))
        return path

    def import_file(self, path, source="papirliste fra sommerfesten 2026", language="en"):
        # The command speaks the active language; these tests read its English.
        with translation.override(language):
            return run("newsletter_import_subscribers", str(path), consent_source=source)

    def test_rows_become_confirmed_subscribers_with_the_consent_source(self):
        path = self.csv_file(
            "email,language\nAase@Example.org,da\nomar@example.org,ar\nny@example.org,\n"
        )

        out, err = self.import_file(path)

        subscribers = {s.email: s for s in Subscriber.objects.all()}
        self.assertEqual(
            set(subscribers), {"aase@example.org", "omar@example.org", "ny@example.org"}
        )
        self.assertEqual(subscribers["omar@example.org"].language, "ar")
        self.assertEqual(subscribers["ny@example.org"].language, "da")
        self.assertTrue(all(s.is_confirmed and s.confirmed_at for s in subscribers.values()))
        events = ConsentEvent.objects.filter(action=ConsentEvent.Action.IMPORTED)
        self.assertEqual(events.count(), 3)
        for event in events:
            self.assertIn("papirliste fra sommerfesten 2026", event.source)
            self.assertEqual(event.consent_version, CONSENT_VERSION)
            self.assertEqual(event.email_hash, hash_email(event.subscriber.email))
        self.assertIn("New subscribers: 3.", out)
        self.assertEqual(err, "")

    def test_invalid_lines_are_reported_with_their_line_numbers(self):
        path = self.csv_file(
            "email,language\ngod@example.org,da\nikke-en-adresse,da\n,en\nfin@example.org,xx\n"
        )

        out, err = self.import_file(path)

        self.assertEqual(Subscriber.objects.get().email, "god@example.org")
        lines = err.strip().splitlines()
        self.assertEqual([line.split(":")[0] for line in lines], ["Line 3", "Line 4", "Line 5"])
        self.assertIn("ikke-en-adresse", lines[0])
        self.assertIn("“xx”", lines[2])
        self.assertIn("Lines refused: 3.", out)

    def test_duplicates_are_merged(self):
        path = self.csv_file("email,language\nmor@example.org,tr\nMOR@example.org ,da\n")

        out, err = self.import_file(path)

        subscriber = Subscriber.objects.get()
        self.assertEqual(subscriber.language, "tr")
        self.assertEqual(subscriber.consent_events.count(), 1)
        self.assertIn("Lines refused: 1.", out)
        self.assertIn("line 2", err)

    def test_suppressed_addresses_are_never_subscribed_again(self):
        gone = SubscriberFactory(email="gik@example.org")
        gone.unsubscribe(source="preferences page")
        erased = SubscriberFactory(email="slettet@example.org")
        erased.erase(source="preferences page")
        Suppression.add("bounce@example.org", Suppression.Reason.BOUNCED)
        path = self.csv_file(
            "email,language\ngik@example.org,da\nslettet@example.org,da\nBounce@example.org,da\n"
        )

        out, err = self.import_file(path)

        self.assertEqual(Subscriber.objects.get(email="gik@example.org").status, "unsubscribed")
        self.assertFalse(Subscriber.objects.filter(email="slettet@example.org").exists())
        self.assertFalse(Subscriber.objects.filter(email="bounce@example.org").exists())
        self.assertFalse(ConsentEvent.objects.filter(action=ConsentEvent.Action.IMPORTED).exists())
        self.assertEqual(len(err.strip().splitlines()), 3)
        self.assertIn("erased or bounced: 3.", out)

    def test_existing_subscribers_are_kept_and_waiting_ones_confirmed(self):
        confirmed = SubscriberFactory(email="har@example.org", language="so")
        confirmed_at = confirmed.confirmed_at
        waiting = SubscriberFactory(email="venter@example.org", status=Subscriber.Status.PENDING)
        path = self.csv_file("email,language\nhar@example.org,da\nventer@example.org,da\n")

        out, _err = self.import_file(path)

        confirmed.refresh_from_db()
        waiting.refresh_from_db()
        self.assertEqual((confirmed.language, confirmed.confirmed_at), ("so", confirmed_at))
        self.assertFalse(confirmed.consent_events.exists())
        self.assertTrue(waiting.is_confirmed)
        self.assertEqual(waiting.consent_events.get().action, ConsentEvent.Action.IMPORTED)
        self.assertIn("Waiting ones confirmed: 1. Already subscribed, kept: 1.", out)

    def test_a_danish_excel_file_with_semicolons_and_bom_is_read(self):
        path = self.csv_file("\ufeffEmail;Language\nsoeren@bøgevej.dk;ur\n")

        self.import_file(path)

        subscriber = Subscriber.objects.get()
        self.assertEqual((subscriber.email, subscriber.language), ("soeren@bøgevej.dk", "ur"))

    def test_a_file_in_another_encoding_is_one_clear_line_and_nothing_is_imported(self):
        path = self.csv_file("email,language,navn\nsoeren@example.org,da,Søren\n", "latin-1")

        with self.assertRaises(CommandError) as raised:
            self.import_file(path)

        self.assertIn("UTF-8", str(raised.exception))
        self.assertEqual(len(str(raised.exception).splitlines()), 1)
        self.assertFalse(Subscriber.objects.exists())

    def test_a_file_without_an_email_column_is_refused(self):
        path = self.csv_file("adresse,sprog\nx@example.org,da\n")

        with self.assertRaisesMessage(CommandError, "no email column"):
            self.import_file(path)
        self.assertFalse(Subscriber.objects.exists())

    def test_an_empty_consent_source_is_refused(self):
        path = self.csv_file("email\nx@example.org\n")

        with self.assertRaises(CommandError):
            self.import_file(path, source="  ")
        self.assertFalse(Subscriber.objects.exists())

    def test_the_messages_are_in_the_sites_language(self):
        path = self.csv_file("email\nikke-en-adresse\n")

        out, err = self.import_file(path, language=settings.LANGUAGE_CODE)

        self.assertEqual(
            err.strip(),
            in_admin_language("Line %(line)s: %(reason)s")
            % {
                "line": 2,
                "reason": in_admin_language("“%(email)s” is not a valid e-mail address.")
                % {"email": "ikke-en-adresse"},
            },
        )
        self.assertNotIn("New subscribers", out)

    def test_a_file_over_the_limit_is_refused(self):
        path = self.csv_file("email\n" + "x@example.org\n" * (MAX_FILE_BYTES // 14 + 1))

        with self.assertRaisesMessage(CommandError, "Split it up"):
            self.import_file(path)
        self.assertFalse(Subscriber.objects.exists())

    def test_ten_thousand_rows_import_in_bulk_not_a_query_per_row(self):
        # Speed itself is measured in bench/; what keeps a big list fast is no query per row.
        rows = "".join(
            f"beboer{n}@example.org,{['da', 'ar', 'so'][n % 3]}\n" for n in range(10_000)
        )
        path = self.csv_file("email,language\n" + rows)

        with CaptureQueriesContext(connection) as queries:
            self.import_file(path)

        self.assertEqual(Subscriber.objects.confirmed().count(), 10_000)
        self.assertEqual(ConsentEvent.objects.count(), 10_000)
        # SQLite splits a bulk insert into statements of a few hundred rows.
        self.assertLess(len(queries), 10_000 / 20)
