"""Every form's mail takes the one path (kvarter/mail.py): queued, and retried by the worker.

With the mail server down, the story-tip form and the help desk answer as usual and keep what
the resident sent; the mails arrive once a real SMTP server is up again.
"""

import time

from django.core.cache import cache
from django.test import TestCase, override_settings
from django.utils import timezone

from django_tasks_db.models import DBTaskResult

from kvarter import spam
from kvarter.mail import queue_mail, render_mail
from nyheder.models import StoryTip
from tests.factories.frivillig import HelpDeskPageFactory
from tests.factories.nyheder import StoryIndexPageFactory
from tests.kvarter.helpers import DATABASE_TASKS, create_site, run_worker
from tests.nyheder.smtp_sink import SmtpSink


def smtp_settings(sink):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=sink.port,
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=5,
        TASKS=DATABASE_TASKS,
    )


def text_part(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def bring_retries_forward():
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


class MailServerDownTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _locales = create_site()
        cls.stories = StoryIndexPageFactory(parent=cls.home, to_address="redaktion@example.org")
        cls.desk = HelpDeskPageFactory(parent=cls.home, to_address="frivillig@example.org")

    def setUp(self):
        cache.clear()  # the rate limit counts in the cache

    def resident_fields(self):
        return {
            "name": "Hodan Warsame",
            "email": "hodan@example.org",
            "phone": "",
            "website": "",
            "form_started": spam.sign_start_time(time.time() - 30),
        }

    def test_a_story_tip_while_the_server_is_down_is_kept_and_mailed_later(self):
        sink = SmtpSink()  # not started yet: nothing listens on its port
        with smtp_settings(sink):
            response = self.client.post(
                "/so/historier/tip/",
                {**self.resident_fields(), "text": "Carruurtu waxay rinjiyeeyeen darbiga."},
            )
            self.assertEqual(response.status_code, 302)
            self.assertEqual(StoryTip.objects.get().language, "so")
            run_worker()
            retry = DBTaskResult.objects.get(status="READY")
            self.assertGreater(retry.run_after, timezone.now())

            with sink:
                bring_retries_forward()
                run_worker()
                sink.wait_for(1)
        message = sink.messages[0]
        self.assertEqual(sink.envelopes, [["redaktion@example.org"]])
        self.assertEqual(message["Reply-To"], "hodan@example.org")
        # Staff read it in Danish, labels included, whatever the sender's language.
        self.assertIn("Nyt historietip fra Hodan Warsame", message["Subject"])
        self.assertIn("Foto: nej", text_part(message))
        self.assertIn("Carruurtu waxay rinjiyeeyeen darbiga.", text_part(message))

    def test_a_help_request_while_the_server_is_down_is_kept_and_both_mails_arrive(self):
        sink = SmtpSink()
        with smtp_settings(sink):
            response = self.client.post(
                self.desk.url,
                {
                    **self.resident_fields(),
                    "language": "so",
                    "kind": "room",
                    "description": "Waxaan u baahanahay qol shir.",
                    "consent": "on",
                },
            )
            self.assertEqual(response.status_code, 302)
            run_worker()
            self.assertEqual(DBTaskResult.objects.filter(status="READY").count(), 2)

            with sink:
                bring_retries_forward()
                run_worker()
                sink.wait_for(2)
        recipients = sorted(address for envelope in sink.envelopes for address in envelope)
        self.assertEqual(recipients, ["frivillig@example.org", "hodan@example.org"])


class QueueMailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        create_site()

    def test_a_queued_mail_has_a_text_and_an_html_part(self):
        mail = render_mail(
            "email/story_tip_staff",
            "da",
            {
                "subject": "Æblefest i gården",
                "tip": StoryTip(name="Åse", text="Æbler – øl – ål", language="da"),
                "admin_url": "http://testserver/admin/",
            },
        )
        with SmtpSink() as sink, smtp_settings(sink):
            queue_mail(mail, ["redaktion@example.org"])
            run_worker()
            sink.wait_for(1)
        message = sink.messages[0]
        self.assertEqual(message["Subject"], "Æblefest i gården")
        self.assertIn("Æbler – øl – ål", text_part(message))
        html = message.get_body(preferencelist=("html",)).get_content()
        self.assertIn("Æbler – øl – ål", html)

    def test_a_mail_to_nobody_is_not_queued(self):
        mail = render_mail(
            "email/story_tip_staff",
            "da",
            {"subject": "Tom", "tip": StoryTip(name="X", text="Y"), "admin_url": "/"},
        )
        with override_settings(TASKS=DATABASE_TASKS):
            queue_mail(mail, [""])
        self.assertFalse(DBTaskResult.objects.exists())
