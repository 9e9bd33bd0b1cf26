"""Importing subscribers in the admin: upload, preview, confirm; the same rules as the command."""

import io
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from nyheder.newsletter.importing import MAX_FILE_BYTES, Outcome
from nyheder.newsletter.models import ConsentEvent, Subscriber, Suppression
from tests.factories.newsletter import SubscriberFactory
from tests.kvarter.helpers import in_admin_language

UPLOAD_URL = reverse("newsletter_import:upload")
PREVIEW_URL = reverse("newsletter_import:preview")
SOURCE = "papirlister fra sommerfesten 2026"

# One row of every kind: new, waiting, already subscribed, suppressed three ways, refused.
MIXED_FILE = (
    "email;language\n"
    "ny@example.org;ar\n"
    "venter@example.org;da\n"
    "har@example.org;da\n"
    "gik@example.org;da\n"
    "slettet@example.org;da\n"
    "bounce@example.org;da\n"
    "ikke-en-adresse;da\n"
    "fremmed@example.org;xx\n"
    "NY@example.org;da\n"
)


def csv_upload(text, name="liste.csv", encoding="utf-8-sig"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


class ImportTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser(
            "redaktoer", "redaktoer@example.org", "pw"
        )

    def setUp(self):
        self.client.force_login(self.admin)

    def make_subscribers_of_every_kind(self):
        SubscriberFactory(email="venter@example.org", status=Subscriber.Status.PENDING)
        SubscriberFactory(email="har@example.org", language="so")
        SubscriberFactory(email="gik@example.org").unsubscribe(source="preferences page")
        SubscriberFactory(email="slettet@example.org").erase(source="preferences page")
        Suppression.add("bounce@example.org", Suppression.Reason.BOUNCED)

    def upload(self, text, source=SOURCE, **kwargs):
        return self.client.post(
            UPLOAD_URL, {"file": csv_upload(text, **kwargs), "consent_source": source}
        )

    def preview(self, text):
        self.upload(text)
        return self.client.get(PREVIEW_URL)

    def confirm(self, preview):
        return self.client.post(PREVIEW_URL, {"fingerprint": preview.context["fingerprint"]})

    def outcomes(self, preview):
        return {
            row.line: row.outcome for group in preview.context["groups"] for row in group["rows"]
        }


class PreviewTests(ImportTestCase):
    def test_the_preview_classifies_every_row_and_writes_nothing(self):
        self.make_subscribers_of_every_kind()
        subscribers_before = list(Subscriber.objects.values_list("email", "status"))
        events_before = ConsentEvent.objects.count()

        preview = self.preview(MIXED_FILE)

        self.assertEqual(
            self.outcomes(preview),
            {
                2: Outcome.ADD,
                3: Outcome.CONFIRM,
                4: Outcome.KEEP,
                5: Outcome.SUPPRESS,
                6: Outcome.SUPPRESS,
                7: Outcome.SUPPRESS,
                8: Outcome.REFUSE,
                9: Outcome.REFUSE,
                10: Outcome.REFUSE,
            },
        )
        reasons = {
            row.line: row.reason for group in preview.context["groups"] for row in group["rows"]
        }
        self.assertIn("ikke-en-adresse", reasons[8])
        self.assertIn("xx", reasons[9])
        self.assertIn("2", reasons[10])
        for line in (8, 9, 10, 5, 6, 7):
            self.assertContains(preview, reasons[line])
        self.assertEqual(
            list(Subscriber.objects.values_list("email", "status")), subscribers_before
        )
        self.assertEqual(ConsentEvent.objects.count(), events_before)

    def test_the_upload_survives_the_preview_without_uploading_again(self):
        self.upload(MIXED_FILE)

        first = self.client.get(PREVIEW_URL)
        again = self.client.get(PREVIEW_URL)

        self.assertEqual(first.context["fingerprint"], again.context["fingerprint"])
        self.assertEqual(again.context["source"], SOURCE)

    def test_a_consent_source_is_required(self):
        response = self.upload(MIXED_FILE, source="  ")

        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors["consent_source"])
        self.assertRedirects(self.client.get(PREVIEW_URL), UPLOAD_URL)


class BadFileTests(ImportTestCase):
    def assert_refused(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["form"].errors["file"], [in_admin_language(message)])
        self.assertRedirects(self.client.get(PREVIEW_URL), UPLOAD_URL)

    def test_an_empty_file(self):
        self.assert_refused(self.upload(""), "The file is empty.")

    def test_another_encoding(self):
        self.assert_refused(
            self.upload("email\nsøren@example.org\n", encoding="latin-1"),
            "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8” and try again.",
        )

    def test_an_excel_workbook(self):
        response = self.client.post(
            UPLOAD_URL,
            {
                "file": SimpleUploadedFile("liste.xlsx", b"PK\x03\x04rest of a zip"),
                "consent_source": SOURCE,
            },
        )
        self.assert_refused(
            response,
            "This is an Excel workbook, not a CSV file. In Excel, save it as “CSV UTF-8”.",
        )

    def test_no_email_column(self):
        self.assert_refused(
            self.upload("adresse,sprog\nx@example.org,da\n"),
            "The file has no email column: its first line must be email,language.",
        )

    def test_only_a_header(self):
        self.assert_refused(
            self.upload("email,language\n"), "The file has no rows below its first line."
        )

    def test_a_huge_file(self):
        rows = "".join(f"beboer{n}@example.org,da\n" for n in range(MAX_FILE_BYTES // 20))
        response = self.upload("email,language\n" + rows)

        self.assertEqual(response.status_code, 200)
        [error] = response.context["form"].errors["file"]
        with translation.override(settings.LANGUAGE_CODE):
            self.assertIn(filesizeformat(MAX_FILE_BYTES), error)
        self.assertFalse(Subscriber.objects.exists())


class ConfirmTests(ImportTestCase):
    def test_the_confirmation_writes_exactly_the_previewed_rows(self):
        self.make_subscribers_of_every_kind()
        preview = self.preview(MIXED_FILE)

        response = self.confirm(preview)

        self.assertRedirects(response, reverse("newsletter_subscribers:index"))
        new = Subscriber.objects.get(email="ny@example.org")
        self.assertEqual((new.status, new.language), (Subscriber.Status.CONFIRMED, "ar"))
        self.assertTrue(Subscriber.objects.get(email="venter@example.org").is_confirmed)
        self.assertEqual(Subscriber.objects.get(email="har@example.org").language, "so")
        self.assertEqual(Subscriber.objects.get(email="gik@example.org").status, "unsubscribed")
        self.assertFalse(Subscriber.objects.filter(email="slettet@example.org").exists())
        self.assertFalse(Subscriber.objects.filter(email="bounce@example.org").exists())
        imported = ConsentEvent.objects.filter(action=ConsentEvent.Action.IMPORTED)
        self.assertCountEqual(
            [event.subscriber.email for event in imported],
            [
                row.email
                for group in preview.context["groups"]
                for row in group["rows"]
                if row.outcome in (Outcome.ADD, Outcome.CONFIRM)
            ],
        )
        for event in imported:
            self.assertIn(SOURCE, event.source)
            self.assertEqual(event.recorded_by, "redaktoer")
        # The consent log says who imported them.
        reader = imported.first().subscriber
        log = self.client.get(reverse("newsletter_subscribers:inspect", args=[reader.pk]))
        self.assertContains(log, "<td>redaktoer</td>", html=True)

    def test_a_second_import_of_the_same_file_adds_nothing(self):
        self.confirm(self.preview(MIXED_FILE))
        subscribers = list(Subscriber.objects.order_by("email").values_list("email", "status"))
        events = ConsentEvent.objects.count()

        preview = self.preview(MIXED_FILE)

        self.assertFalse(preview.context["writes_anything"])
        self.assertNotContains(preview, 'name="fingerprint"')
        self.assertEqual(self.confirm(preview).status_code, 302)
        self.assertEqual(
            list(Subscriber.objects.order_by("email").values_list("email", "status")), subscribers
        )
        self.assertEqual(ConsentEvent.objects.count(), events)

    def test_a_stale_preview_imports_nothing_and_shows_the_new_one(self):
        SubscriberFactory(email="ny@example.org")
        preview = self.preview(MIXED_FILE)
        Subscriber.objects.get(email="ny@example.org").unsubscribe(source="one-click")

        response = self.confirm(preview)

        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["stale"])
        self.assertEqual(self.outcomes(response)[2], Outcome.SUPPRESS)
        self.assertFalse(ConsentEvent.objects.filter(action=ConsentEvent.Action.IMPORTED).exists())

    def test_without_a_stored_upload_the_confirmation_imports_nothing(self):
        response = self.client.post(PREVIEW_URL, {"fingerprint": "x"})

        self.assertRedirects(response, UPLOAD_URL)
        self.assertFalse(Subscriber.objects.exists())


class PermissionTests(ImportTestCase):
    def make_staff(self, *codenames):
        group = Group.objects.create(name="Kommunikation")
        group.permissions.add(
            *Permission.objects.filter(codename__in=["access_admin", "view_subscriber", *codenames])
        )
        user = get_user_model().objects.create_user("kommunikation", "k@example.org", "pw")
        user.groups.add(group)
        self.client.force_login(user)

    def test_staff_without_the_permission_cannot_import_or_see_the_menu_item(self):
        self.make_staff()

        dashboard = self.client.get(reverse("wagtailadmin_home"))
        upload = self.client.post(
            UPLOAD_URL, {"file": csv_upload("email\nx@example.org\n"), "consent_source": SOURCE}
        )
        confirm = self.client.post(PREVIEW_URL, {"fingerprint": "x"})

        self.assertNotContains(dashboard, UPLOAD_URL)
        for response in (upload, confirm):
            self.assertRedirects(
                response, reverse("wagtailadmin_home"), fetch_redirect_response=False
            )
        self.assertFalse(Subscriber.objects.exists())

    def test_staff_with_the_permission_import(self):
        self.make_staff("import_subscriber")

        self.assertContains(self.client.get(reverse("wagtailadmin_home")), UPLOAD_URL)
        self.confirm(self.preview("email\nx@example.org\n"))

        self.assertTrue(Subscriber.objects.get(email="x@example.org").is_confirmed)


class SameAsTheCommandTests(ImportTestCase):
    def state(self):
        return (
            sorted(Subscriber.objects.values_list("email", "language", "status")),
            sorted(
                ConsentEvent.objects.filter(action=ConsentEvent.Action.IMPORTED).values_list(
                    "email_hash", "source", "language"
                )
            ),
        )

    def test_the_command_and_the_admin_give_the_same_result(self):
        self.make_subscribers_of_every_kind()
        path = Path(tempfile.mkdtemp()) / "liste.csv"
        path.write_text(MIXED_FILE)
        with transaction.atomic():
            call_command(
                "newsletter_import_subscribers",
                str(path),
                consent_source=SOURCE,
                stdout=io.StringIO(),
                stderr=io.StringIO(),
            )
            by_command = self.state()
            transaction.set_rollback(True)
        self.assertFalse(Subscriber.objects.filter(email="ny@example.org").exists())

        self.confirm(self.preview(MIXED_FILE))

        self.assertEqual(self.state(), by_command)
