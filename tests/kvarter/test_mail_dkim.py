"""DKIM: with a key configured, the SMTP transport signs every mail, editions included, and the
record `manage.py dkim_dns_record` prints is the one a receiving server verifies them with."""

import re
import shutil
import subprocess
import tempfile
import unittest
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import SimpleTestCase, TestCase, override_settings

import dkim

from kvarter import mail as kvarter_mail
from kvarter.mail import render_mail, send_now
from nyheder.models import StoryTip
from nyheder.newsletter import sending
from tests.factories.newsletter import NewsletterPageFactory, SubscriberFactory
from tests.kvarter.helpers import DATABASE_TASKS, create_site, run_worker
from tests.nyheder.smtp_sink import SmtpSink
from tests.nyheder.test_newsletter_transports import mail_settings

OPENSSL = shutil.which("openssl")
SELECTOR = "kvarter2026"
DOMAIN = "charlottekvarteret.dk"


def new_private_key(directory, name="dkim.pem"):
    """A fresh 2048-bit RSA key in PEM, made as docs/deploy.md says to make one."""
    path = Path(directory) / name
    subprocess.run([OPENSSL, "genrsa", "-out", path, "2048"], check=True, capture_output=True)
    return path


def published_record():
    """The name and value of what `dkim_dns_record` prints, as DNS would answer for the name."""
    out = StringIO()
    call_command("dkim_dns_record", stdout=out)
    name, _class, _type, strings = out.getvalue().strip().split(" ", 3)
    return name, "".join(re.findall(r'"([^"]*)"', strings)).encode()


def verifies(raw, record):
    """Whether a receiving server that looks the key up in DNS finds the signature good."""
    name, value = record

    def dns(query, timeout=5):
        return value if query.decode() == name else b""

    return dkim.verify(raw, dnsfunc=dns)


@unittest.skipUnless(OPENSSL, "openssl is not installed: it makes the test's key")
class DKIMSigningTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _locales = create_site()

    def setUp(self):
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        self.key_path = new_private_key(directory.name)
        kvarter_mail.dkim_private_key.cache_clear()
        self.addCleanup(kvarter_mail.dkim_private_key.cache_clear)
        self.sink = SmtpSink().__enter__()
        self.addCleanup(self.sink.__exit__, None, None, None)
        dkim_settings = override_settings(
            EMAIL_BACKEND="kvarter.mail.DKIMBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=self.sink.port,
            EMAIL_USE_TLS=False,
            DKIM_PRIVATE_KEY="",
            DKIM_PRIVATE_KEY_PATH=str(self.key_path),
            DKIM_SELECTOR=SELECTOR,
            DKIM_DOMAIN=DOMAIN,
            DEFAULT_FROM_EMAIL=f"Charlottekvarteret <noreply@{DOMAIN}>",
            NEWSLETTER_FROM_EMAIL=f"Charlottekvarteret <nyhedsbrev@{DOMAIN}>",
            TASKS=DATABASE_TASKS,
        )
        dkim_settings.enable()
        self.addCleanup(dkim_settings.disable)

    def test_the_record_prints_as_a_zone_file_line_for_the_selector(self):
        out = StringIO()
        call_command("dkim_dns_record", stdout=out)
        name = re.escape(f"{SELECTOR}._domainkey.{DOMAIN}.")
        self.assertRegex(
            out.getvalue(), rf'^{name} IN TXT "v=DKIM1; k=rsa; p=[A-Za-z0-9+/=" ]+"\n$'
        )

    def test_a_mail_is_signed_and_verifies_with_the_published_record(self):
        mail = render_mail(
            "email/story_tip_staff",
            "da",
            {
                "subject": "Æblefest i gården",
                "tip": StoryTip(name="Åse", text="Æbler – øl – ål", language="da"),
                "admin_url": "http://localhost/admin/",
            },
        )
        send_now(mail, ["redaktion@example.org"])
        self.sink.wait_for(1)
        raw = self.sink.raw[0]
        self.assertTrue(raw.startswith(b"DKIM-Signature:"), raw[:200])
        record = published_record()
        self.assertTrue(verifies(raw, record))
        # A server that finds another key (an old one, or a forgery's) does not accept it.
        other_key = new_private_key(self.key_path.parent, "other.pem")
        kvarter_mail.dkim_private_key.cache_clear()
        with override_settings(DKIM_PRIVATE_KEY_PATH=str(other_key)):
            self.assertFalse(verifies(raw, published_record()))

    def test_an_edition_is_signed_with_its_one_click_unsubscribe_headers(self):
        SubscriberFactory(language="ar", email="layla@example.org")
        sending.queue_edition(NewsletterPageFactory(parent__parent=self.home))
        run_worker()
        self.sink.wait_for(1)
        raw = self.sink.raw[0]
        record = published_record()
        self.assertTrue(verifies(raw, record))
        signature = self.sink.messages[0]["DKIM-Signature"]
        signed = {name.strip().lower() for name in re.search(r"h=([^;]+)", signature)[1].split(":")}
        self.assertLessEqual(
            {"from", "to", "subject", "list-id", "list-unsubscribe", "list-unsubscribe-post"},
            signed,
        )
        # Changing where the one-click unsubscribe goes breaks the signature.
        tampered = re.sub(rb"(List-Unsubscribe:\s*<https?://)", rb"\1evil.example/", raw)
        self.assertNotEqual(tampered, raw)
        self.assertFalse(verifies(tampered, record))


class DKIMSettingsTests(SimpleTestCase):
    def test_smtp_with_a_key_signs_and_without_one_does_not(self):
        with tempfile.NamedTemporaryFile(suffix=".pem") as key:
            backend, _host, _port, _anymail = mail_settings(
                EMAIL_HOST="smtp.example.org", DKIM_PRIVATE_KEY_PATH=key.name, DKIM_SELECTOR="s1"
            )
        self.assertEqual(backend, "kvarter.mail.DKIMBackend")
        backend, _host, _port, _anymail = mail_settings(EMAIL_HOST="smtp.example.org")
        self.assertEqual(backend, "django.core.mail.backends.smtp.EmailBackend")

    def test_a_key_without_a_selector_stops_the_site_from_starting(self):
        with self.assertRaises(subprocess.CalledProcessError) as raised:
            mail_settings(EMAIL_HOST="smtp.example.org", DKIM_PRIVATE_KEY_PATH="/run/dkim.pem")
        self.assertIn("DKIM_SELECTOR", raised.exception.stderr)

    @override_settings(DKIM_PRIVATE_KEY="", DKIM_PRIVATE_KEY_PATH="")
    def test_the_record_command_without_a_key_says_what_to_set(self):
        kvarter_mail.dkim_private_key.cache_clear()
        with self.assertRaisesMessage(CommandError, "DKIM_PRIVATE_KEY_PATH"):
            call_command("dkim_dns_record")
