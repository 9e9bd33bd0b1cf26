"""Newsletter messages: built once per language and batch, then personalised by substitution.

Building a MIME message costs more than handing it to an SMTP server, so a batch builds each
language's message once, with placeholders for the address, the token and the Message-ID, and
every reader's copy is those bytes with their own values put in. The ordinary attributes
(body, HTML part, headers) are personalised too, so ESP backends, which never use the MIME
form, and the test outbox see an ordinary message.

A token is longer than its placeholder, so the quoted-printable parts of the template are
encoded here rather than by the email package: no placeholder is split across lines, and each
counts as long as the longest token, so every line stays within 76 octets once the reader's
token is in (RFC 2045; SpamAssassin flags longer ones as MIME_QP_LONG_LINE).
"""

import re
from email.utils import formataddr, parseaddr
from functools import cache, cached_property
from types import SimpleNamespace

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend

from kvarter.mail import message_id, sender_domain

from .constants import TOKEN_PLACEHOLDER
from .links import newsletter_url
from .models import Subscriber
from .tokens import preferences_token

TO_PLACEHOLDER = "newsletter-reader@placeholder.invalid"
MESSAGE_ID_PLACEHOLDER = "<newsletter-message-id@placeholder.invalid>"
# In the quoted-printable parts each token is put in as two halves, between which a line may
# break: a whole token (76 characters) cannot fit on a line beside the soft line break.
TOKEN_HEAD = "QP-TOKEN-HEAD"
TOKEN_TAIL = "QP-TOKEN-TAIL"
QP_LINE_LENGTH = 76  # octets per encoded line, soft line break included (RFC 2045)


@cache
def token_width():
    """The length of the longest token a subscriber can have: one for the longest key."""
    longest_key = "k" * Subscriber._meta.get_field("key").max_length
    return len(preferences_token(SimpleNamespace(key=longest_key)))


def token_halves(token):
    half = token_width() // 2
    return token[:half], token[half:]


def quoted_printable(text, widths):
    """`text` as UTF-8 in quoted-printable with "\n" line ends, where each string in `widths`
    stays whole on one line and counts as the width given for it."""
    atoms = re.compile("|".join([*map(re.escape, widths), "=[0-9A-F]{2}", "."]))
    lines = []
    for line in text.encode().decode("latin-1").translate(QP_ENCODE).splitlines():
        if line.endswith((" ", "\t")):  # whitespace that ends a line must be encoded
            line = line[:-1] + f"={ord(line[-1]):02X}"
        piece, used = [], 0
        for atom in atoms.findall(line):
            size = widths.get(atom, len(atom))
            if piece and used + size > QP_LINE_LENGTH - 1:  # room for the soft break, "="
                lines.append("".join(piece) + "=")
                piece, used = [], 0
            piece.append(atom)
            used += size
        lines.append("".join(piece))
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")


# Octets that quoted-printable writes as they are: printable ASCII but "=", space, tab and the
# line ends; any other octet becomes "=XX".
QP_ENCODE = {
    octet: f"={octet:02X}"
    for octet in range(256)
    if not (33 <= octet <= 126 and octet != ord("=")) and chr(octet) not in " \t\r\n"
}


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
            reply_to=newsletter_reply_to(),
            headers={
                "List-Id": list_id(),
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
        mime = self.build(TOKEN_PLACEHOLDER, TO_PLACEHOLDER, MESSAGE_ID_PLACEHOLDER).message()
        head, tail = (len(half) for half in token_halves("x" * token_width()))
        for part in mime.walk():
            if part.get("Content-Transfer-Encoding") == "quoted-printable":
                text = part.get_payload(decode=True).decode(part.get_content_charset())
                text = text.replace(TOKEN_PLACEHOLDER, TOKEN_HEAD + TOKEN_TAIL)
                part.set_payload(quoted_printable(text, {TOKEN_HEAD: head, TOKEN_TAIL: tail}))
        data = mime.as_bytes(linesep="\r\n")
        tokens = 1 + self.rendered.html.count(TOKEN_PLACEHOLDER)
        tokens += self.rendered.text.count(TOKEN_PLACEHOLDER)
        halves = data.count(TOKEN_HEAD.encode())
        intact = (
            data.count(TOKEN_PLACEHOLDER.encode()) + halves == tokens
            and data.count(TOKEN_TAIL.encode()) == halves
            and data.count(TO_PLACEHOLDER.encode()) == 1
            and data.count(MESSAGE_ID_PLACEHOLDER.encode()) == 1
        )
        return data if intact else None

    def for_delivery(self, delivery):
        token = preferences_token(delivery.subscriber)
        address = delivery.subscriber.email
        reader_message_id = message_id(settings.NEWSLETTER_FROM_EMAIL)
        message = self.build(token, address, reader_message_id)
        # The delivery comes back with the ESP's webhook events.
        message.metadata = {"delivery": str(delivery.pk), "edition": str(self.edition_id)}
        if self.prebuilt and address.isascii() and len(token) <= token_width():
            head, tail = token_halves(token)
            message.prebuilt = (
                self.prebuilt.replace(TOKEN_PLACEHOLDER.encode(), token.encode())
                .replace(TOKEN_HEAD.encode(), head.encode())
                .replace(TOKEN_TAIL.encode(), tail.encode())
                .replace(TO_PLACEHOLDER.encode(), address.encode())
                .replace(MESSAGE_ID_PLACEHOLDER.encode(), reader_message_id.encode())
            )
        return message


def newsletter_reply_to():
    """Where a reply goes: NEWSLETTER_REPLY_TO, if set, rather than a sender nobody reads."""
    return [settings.NEWSLETTER_REPLY_TO] if settings.NEWSLETTER_REPLY_TO else []


def list_id():
    """The newsletter's List-Id (RFC 2919) on the sender's domain, by which mail programs and
    filters know its mails as one list."""
    label = "newsletter." + sender_domain(settings.NEWSLETTER_FROM_EMAIL)
    return formataddr((settings.WAGTAIL_SITE_NAME, label))


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
