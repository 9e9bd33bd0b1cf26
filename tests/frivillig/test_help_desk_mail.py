"""The help desk's mails: Danish for staff, the resident's language for them, and nothing lost
while the mail server is down (the one mail path queues them, the worker retries)."""

import smtplib

from django.conf import settings
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import override_settings
from django.utils import timezone

from django_tasks_db.models import DBTaskResult

from frivillig.models import HelpRequest
from tests.kvarter.helpers import DATABASE_TASKS, run_worker

from .test_help_desk import ARABIC_TEXT, HelpDeskTestCase


class MailServerDown(EmailBackend):
    """The locmem backend, refusing to send while `down` is set."""

    down = True

    def send_messages(self, messages):
        if MailServerDown.down:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


def html_part(message):
    (html, mimetype), *_ = message.alternatives
    assert mimetype == "text/html"
    return html


class StaffAndResidentMailTests(HelpDeskTestCase):
    def test_staff_are_told_in_danish_and_can_reply_to_the_resident(self):
        self.desk.from_address = "desk@example.org"
        self.desk.save_revision().publish()
        self.post(self.ar_desk, language="ar", kind="room", description=ARABIC_TEXT)

        staff, receipt = mail.outbox
        self.assertEqual(staff.reply_to, ["soeren@example.org"])
        self.assertEqual(staff.from_email, "desk@example.org")
        # The labels and the kind of help in Danish, from the Danish catalogue.
        for text in ["Navn: Søren Ærø Åberg", "Slags hjælp: Et lokale", "Svar på:", "Modtaget:"]:
            self.assertIn(text, staff.body)
            self.assertIn(text, html_part(staff))
        self.assertIn("En beboer har bedt frivilligdesken om hjælp.", staff.body)
        admin_line = "Besvar henvendelsen i administrationen: http://testserver/admin/"
        self.assertIn(admin_line, staff.body)
        self.assertIn('lang="da"', html_part(staff))
        self.assertIn(ARABIC_TEXT, html_part(staff))

        # The resident's receipt: in Arabic, right to left, from the same sender, no reply-to.
        self.assertEqual(receipt.from_email, "desk@example.org")
        self.assertEqual(receipt.reply_to, [])
        self.assertIn('dir="rtl"', html_part(receipt))
        self.assertIn("/ar/frivilligdesk/status/", html_part(receipt))

    def test_without_a_sender_on_the_page_the_site_default_is_used(self):
        self.post()
        self.assertEqual(
            [message.from_email for message in mail.outbox], [settings.DEFAULT_FROM_EMAIL] * 2
        )


@override_settings(EMAIL_BACKEND="tests.frivillig.test_help_desk_mail.MailServerDown")
class MailServerDownTests(HelpDeskTestCase):
    def setUp(self):
        super().setUp()
        MailServerDown.down = True
        self.addCleanup(setattr, MailServerDown, "down", True)

    def test_the_resident_is_thanked_and_the_request_kept(self):
        # Test settings run tasks at once: the failed send stays inside the task.
        response = self.post()
        self.assertRedirects(response, self.desk.url + "tak/")
        self.assertEqual(HelpRequest.objects.get().name, "Søren Ærø Åberg")
        self.assertEqual(mail.outbox, [])

    @override_settings(TASKS=DATABASE_TASKS)
    def test_the_mails_arrive_once_the_server_is_back(self):
        response = self.post()
        self.assertRedirects(response, self.desk.url + "tak/", fetch_redirect_response=False)
        self.assertTrue(HelpRequest.objects.exists())

        run_worker()  # the server is down: both mails wait for a retry
        self.assertEqual(mail.outbox, [])
        retries = DBTaskResult.objects.filter(status="READY")
        self.assertEqual(retries.count(), 2)
        self.assertTrue(all(retry.run_after > timezone.now() for retry in retries))

        MailServerDown.down = False
        retries.update(run_after=timezone.now())
        run_worker()
        self.assertEqual(
            sorted(message.to[0] for message in mail.outbox),
            ["frivillig@example.org", "soeren@example.org"],
        )
        self.assertTrue(all("æøå ÆØÅ" in message.body for message in mail.outbox))
