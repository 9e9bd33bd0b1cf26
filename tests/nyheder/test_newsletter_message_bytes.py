"""The bytes an edition and the subscriber mails leave as: quoted-printable lines within 76
octets once the reader's token is in, a Message-ID and List-Id on the sender's domain, and
replies to NEWSLETTER_REPLY_TO."""

import email
import email.policy
import re
from email.utils import parseaddr
from types import SimpleNamespace

from django.test import SimpleTestCase, TestCase, override_settings

from nyheder.newsletter import sending
from nyheder.newsletter.constants import TOKEN_PLACEHOLDER
from nyheder.newsletter.messages import MessageTemplate
from nyheder.newsletter.models import RenderedEdition, Subscriber
from nyheder.newsletter.tokens import preferences_token
from tests.factories.newsletter import NewsletterPageFactory, SubscriberFactory
from tests.kvarter.helpers import DATABASE_TASKS, create_site, run_worker

from .smtp_sink import SmtpSink

SENDER = "Charlottekvarteret <nyhedsbrev@charlottekvarteret.dk>"


def quoted_printable_lines(raw):
    """Every encoded line of the message's quoted-printable parts, as the octets sent."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    lines = []
    for part in message.walk():
        if part.get("Content-Transfer-Encoding") == "quoted-printable":
            lines += part.get_payload(decode=False).encode("ascii").splitlines()
    return lines


def decoded_parts(raw):
    message = email.message_from_bytes(raw, policy=email.policy.default)
    return {
        part.get_content_type(): part.get_content()
        for part in message.walk()
        if not part.is_multipart()
    }


def smtp(sink):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=sink.port,
        EMAIL_USE_TLS=False,
        TASKS=DATABASE_TASKS,
    )


class PersonalisedLinesTests(SimpleTestCase):
    """Wherever a token falls on a line of the prebuilt message, its line stays within 76."""

    def test_a_token_anywhere_on_a_line_keeps_every_line_within_76_octets(self):
        reader = Subscriber(pk=1, key="k" * 32, email="layla@example.org", language="ar")
        token = preferences_token(reader)
        for offset in range(90):
            for filler in ["x", "æ", "ب", " "]:
                lead = filler * offset
                html = (
                    f'<html><body><p>{lead}<a href="http://localhost/ar/nyhedsbrev/'
                    f'indstillinger/{TOKEN_PLACEHOLDER}/">{lead}</a>{TOKEN_PLACEHOLDER}'
                    f"{lead}{TOKEN_PLACEHOLDER}</p>{'y' * 1000}</body></html>"
                )
                rendered = SimpleNamespace(
                    language="ar", subject="Nyhedsbrev", html=html, text=f"{lead}\n"
                )
                template = MessageTemplate(rendered, 1, "http://localhost")
                with self.subTest(offset=offset, filler=filler):
                    message = template.for_delivery(SimpleNamespace(pk=1, subscriber=reader))
                    self.assertIsNotNone(message.prebuilt, "the template's bytes were not used")
                    lines = quoted_printable_lines(message.prebuilt)
                    self.assertTrue(lines)
                    self.assertLessEqual(max(map(len, lines)), 76)
                    sent_html = decoded_parts(message.prebuilt)["text/html"]
                    self.assertEqual(sent_html, html.replace(TOKEN_PLACEHOLDER, token))


@override_settings(
    NEWSLETTER_FROM_EMAIL=SENDER,
    DEFAULT_FROM_EMAIL="Charlottekvarteret <noreply@charlottekvarteret.dk>",
    NEWSLETTER_REPLY_TO="redaktionen@charlottekvarteret.dk",
)
class SentEditionBytesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _locales = create_site()
        cls.edition = NewsletterPageFactory(parent__parent=cls.home)
        cls.readers = [SubscriberFactory(language=code) for code in ["da", "ar", "ur"]]

    def send_edition(self):
        with SmtpSink() as sink, smtp(sink):
            sending.queue_edition(self.edition)
            run_worker()
            sink.wait_for(len(self.readers))
        return sink

    def test_every_quoted_printable_line_of_what_is_sent_is_within_76_octets(self):
        sink = self.send_edition()
        # The fast path (a template's bytes with the token put in) is what sent them.
        for render in RenderedEdition.objects.all():
            self.assertIsNotNone(MessageTemplate(render, self.edition.pk, "").prebuilt)
        for raw, message in zip(sink.raw, sink.messages, strict=True):
            reader = Subscriber.objects.get(email=message["To"])
            with self.subTest(reader.language):
                lines = quoted_printable_lines(raw)
                self.assertTrue(lines, "the HTML part is quoted-printable")
                long_lines = [line for line in lines if len(line) > 76]
                self.assertEqual(long_lines, [])
                html = decoded_parts(raw)["text/html"]
                self.assertIn(f"/indstillinger/{preferences_token(reader)}/", html)
                self.assertNotIn(TOKEN_PLACEHOLDER, html)
                self.assertNotRegex(html, "QP-TOKEN")

    def test_an_edition_names_the_senders_domain_its_list_and_where_replies_go(self):
        sink = self.send_edition()
        message_ids = set()
        for message in sink.messages:
            message_id = message["Message-ID"]
            self.assertRegex(message_id, r"^<[^@<>]+@charlottekvarteret\.dk>$")
            message_ids.add(message_id)
            self.assertEqual(
                message["List-Id"], "Charlottekvarteret <newsletter.charlottekvarteret.dk>"
            )
            self.assertEqual(message["Reply-To"], "redaktionen@charlottekvarteret.dk")
            self.assertEqual(parseaddr(message["From"])[1], "nyhedsbrev@charlottekvarteret.dk")
        self.assertEqual(len(message_ids), len(self.readers))

    def test_the_confirmation_names_the_senders_domain_and_where_replies_go(self):
        with SmtpSink() as sink, smtp(sink):
            self.client.post(
                "/da/nyhedsbrev/tilmeld/",
                {"email": "karen@example.org", "language": "da", "consent": "on"},
            )
            run_worker()
            sink.wait_for(1)
        message = sink.messages[0]
        self.assertRegex(message["Message-ID"], r"^<[^@<>]+@charlottekvarteret\.dk>$")
        self.assertEqual(message["Reply-To"], "redaktionen@charlottekvarteret.dk")
        self.assertIsNone(message["List-Id"])  # one mail to one person, not a list's post

    @override_settings(NEWSLETTER_REPLY_TO="")
    def test_without_a_reply_address_there_is_no_reply_to(self):
        sink = self.send_edition()
        self.assertTrue(all(message["Reply-To"] is None for message in sink.messages))
        self.assertTrue(re.search(rb"\r\nList-Id: ", sink.raw[0]))
