"""Where mail goes: files by default, SMTP with EMAIL_HOST (in dev too), or an ESP with anymail."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.core import mail
from django.test import SimpleTestCase, TestCase, override_settings

from nyheder.newsletter import sending
from nyheder.newsletter.models import Delivery
from tests.factories.newsletter import NewsletterPageFactory, SubscriberFactory
from tests.kvarter.helpers import DATABASE_TASKS, create_site, run_worker

ROOT = Path(__file__).resolve().parents[2]
PRINT_MAIL_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps([s.EMAIL_BACKEND, getattr(s, 'EMAIL_HOST', ''), "
    "getattr(s, 'EMAIL_PORT', None), s.ANYMAIL]))"
)


def mail_settings(**environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("EMAIL_", "ANYMAIL_", "POSTMARK_"))
    }
    env.update({"DJANGO_SETTINGS_MODULE": "kvartersite.settings.dev", **environment})
    output = subprocess.run(
        [sys.executable, "-c", PRINT_MAIL_SETTINGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


class TransportSettingsTests(SimpleTestCase):
    def test_files_in_var_mail_by_default(self):
        backend, _host, _port, _anymail = mail_settings()
        self.assertEqual(backend, "django.core.mail.backends.filebased.EmailBackend")

    def test_smtp_when_the_environment_names_a_host_even_in_dev(self):
        backend, host, port, _anymail = mail_settings(
            EMAIL_HOST="smtp.example.org", EMAIL_PORT="2525"
        )
        self.assertEqual(backend, "django.core.mail.backends.smtp.EmailBackend")
        self.assertEqual((host, port), ("smtp.example.org", 2525))

    def test_an_esp_through_anymail_with_its_own_settings(self):
        backend, _host, _port, anymail = mail_settings(
            ANYMAIL_ESP="postmark",
            POSTMARK_SERVER_TOKEN="server-token",
            ANYMAIL_WEBHOOK_SECRET="hook:secret",
        )
        self.assertEqual(backend, "anymail.backends.postmark.EmailBackend")
        self.assertEqual(anymail["POSTMARK_SERVER_TOKEN"], "server-token")
        self.assertEqual(anymail["WEBHOOK_SECRET"], "hook:secret")


@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND="anymail.backends.test.EmailBackend")
class AnymailSendingTests(TestCase):
    """What an ESP gets: one message per reader, tracking off, and the delivery to match events."""

    @classmethod
    def setUpTestData(cls):
        home, _locales = create_site()
        cls.edition = NewsletterPageFactory(parent__parent=home)
        cls.readers = [SubscriberFactory(language=code) for code in ["da", "ar", "ur"]]

    def test_each_reader_gets_a_message_without_tracking_and_with_the_delivery_id(self):
        sending.queue_edition(self.edition)
        run_worker()

        self.assertEqual(len(mail.outbox), len(self.readers))
        for message in mail.outbox:
            params = message.anymail_test_params
            delivery = Delivery.objects.get(subscriber__email=message.to[0])
            self.assertIs(params["track_opens"], False)
            self.assertIs(params["track_clicks"], False)
            self.assertEqual(params["metadata"]["delivery"], str(delivery.pk))
            self.assertIn("List-Unsubscribe-Post", params["extra_headers"])
            # The ESP's message id, which its webhook events refer to.
            self.assertEqual(delivery.message_id, str(mail.outbox.index(message)))
            self.assertEqual(delivery.state, "sent")
