"""Newsletter messages: built once per language and batch, then personalised by substitution.

Building a MIME message costs more than handing it to an SMTP server, so a batch builds each
language's message once, with placeholders for the address, the token and the Message-ID, and
every reader's copy is those bytes with their own values put in. The ordinary attributes
(body, HTML part, headers) are personalised too, so ESP backends, which never use the MIME
form, and the test outbox see an ordinary message.
"""

from email.utils import parseaddr
from functools import cache, cached_property

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import DNS_NAME, make_msgid

from .constants import TOKEN_PLACEHOLDER
from .links import newsletter_url
from .tokens import preferences_token

TO_PLACEHOLDER = "newsletter-reader@placeholder.invalid"
MESSAGE_ID_PLACEHOLDER = "<newsletter-message-id@placeholder.invalid>"


class PrebuiltMIME:
    """Stands in for email.message.Message where Django's mail backends only serialise it."""

    def __init__(self, data):
        self.data = data  # CRLF line ends, as SMTP wants them

    def as_bytes(self, unixfrom=False, linesep="\n"):
        return self.data if linesep == "\r\n" else self.data.replace(b"\r\n", linesep.encode())

    def get_charset(self):
        return None


class NewsletterMessage(EmailMultiAlternatives):
    prebuilt = None

    def message(self):
        return PrebuiltMIME(self.prebuilt) if self.prebuilt else super().message()


class MessageTemplate:
    """One language's edition as a message, ready to be copied for each reader."""

    def __init__(self, rendered, edition_id, root_url):
        self.rendered = rendered
        self.edition_id = edition_id
        self.unsubscribe_url = (
            newsletter_url("unsubscribe", rendered.language, TOKEN_PLACEHOLDER, root_url)
            + f"?edition={edition_id}"
        )

    def build(self, token, address, message_id):
        message = NewsletterMessage(
            subject=self.rendered.subject,
            body=self.rendered.text.replace(TOKEN_PLACEHOLDER, token),
            from_email=settings.NEWSLETTER_FROM_EMAIL,
            to=[address],
            headers={
                "List-Unsubscribe": (
                    f"<{self.unsubscribe_url.replace(TOKEN_PLACEHOLDER, token)}>, "
                    f"<mailto:{settings.NEWSLETTER_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>"
                ),
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Message-ID": message_id,
            },
        )
        html = self.rendered.html.replace(TOKEN_PLACEHOLDER, token)
        message.attach_alternative(html, "text/html")
        # Read by django-anymail, ignored by SMTP: no tracking pixels or rewritten links.
        message.track_opens = False
        message.track_clicks = False
        message.tags = ["newsletter"]
        return message

    @cached_property
    def prebuilt(self):
        """The placeholder message's bytes, or None if encoding split a placeholder."""
        data = (
            self.build(TOKEN_PLACEHOLDER, TO_PLACEHOLDER, MESSAGE_ID_PLACEHOLDER)
            .message()
            .as_bytes(linesep="\r\n")
        )
        tokens = 1 + self.rendered.html.count(TOKEN_PLACEHOLDER)
        tokens += self.rendered.text.count(TOKEN_PLACEHOLDER)
        intact = (
            data.count(TOKEN_PLACEHOLDER.encode()) == tokens
            and data.count(TO_PLACEHOLDER.encode()) == 1
            and data.count(MESSAGE_ID_PLACEHOLDER.encode()) == 1
        )
        return data if intact else None

    def for_delivery(self, delivery):
        token = preferences_token(delivery.subscriber)
        address = delivery.subscriber.email
        message_id = make_msgid(domain=DNS_NAME)
        message = self.build(token, address, message_id)
        # The delivery comes back with the ESP's webhook events.
        message.metadata = {"delivery": str(delivery.pk), "edition": str(self.edition_id)}
        if self.prebuilt and address.isascii():
            message.prebuilt = (
                self.prebuilt.replace(TOKEN_PLACEHOLDER.encode(), token.encode())
                .replace(TO_PLACEHOLDER.encode(), address.encode())
                .replace(MESSAGE_ID_PLACEHOLDER.encode(), message_id.encode())
            )
        return message


def send_message(connection, message):
    """Send one reader's message over `connection`, opening it if it is not open.

    Django's SMTP backend parses both addresses of every message again; a message built from
    a template goes to smtplib as the bytes it already is, which is what keeps an edition about
    as fast as a bare smtplib loop (bench/newsletter_send.py). Other backends get the message.
    """
    connection.open()
    if message.prebuilt and isinstance(connection, SMTPBackend):
        connection.connection.sendmail(
            envelope_address(message.from_email), message.to, message.prebuilt
        )
    else:
        connection.send_messages([message])


@cache
def envelope_address(from_email):
    return parseaddr(from_email)[1]
