"""The one path for every mail the site sends, except the newsletter editions' own batches.

A mail is rendered from `templates/email/<name>.mjml` (HTML through mjml-python) and
`<name>.txt` in the reader's language, at the moment it is asked for. It is then queued: the
tasks worker sends it through Django's e-mail API and retries with backoff while the mail
server is away. So a form answers as usual with the mail server down, and nothing is lost.

Every message, the editions' included, names its sender's domain in its Message-ID, and over
SMTP with a DKIM key configured (`DKIMBackend`) it leaves signed.
"""

import base64
import datetime
import logging
import smtplib
from dataclasses import asdict, dataclass
from email.utils import make_msgid, parseaddr
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import DNS_NAME
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wagtail.models import Site

import dkim
from django_tasks import task
from dkim.crypto import parse_pem_private_key
from mjml import mjml2html

from kvarter.languages import text_direction
from kvarter.models import SiteSettings

logger = logging.getLogger(__name__)


@dataclass
class RenderedMail:
    subject: str
    preheader: str
    html: str
    text: str


def default_site():
    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def site_root_url(site=None):
    """Mails have no request: links are built on the default Wagtail Site, as feeds are."""
    site = site or default_site()
    return site.root_url if site else "http://localhost"


def layout_context(reader_language, content_language=None):
    """What the base layout needs: directions, the site's name and the footer's address."""
    site = default_site()
    site_settings = SiteSettings.for_site(site) if site else None
    return {
        "reader": text_direction(reader_language),
        "content": text_direction(content_language or reader_language),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": site_root_url(site) + "/",
        "organisation_name": site_settings.organisation_name if site_settings else "",
        "postal_address": site_settings.address if site_settings else "",
    }


def mjml_to_html(source):
    """Every mail's HTML. No web fonts: MJML would link Google's stylesheet for "Roboto" in the
    font stack, a request to Google from each reader's mail program; system fonts read as well."""
    return mjml2html(source, fonts={})


def render_mail(template_name, language, context):
    """`template_name` without extension, e.g. "email/confirm", rendered in `language`.

    `context` must hold the "subject" and may hold a "preheader".
    """
    with translation.override(language):
        context = {**layout_context(language), **context}
        context["subject"] = str(context["subject"])
        context["preheader"] = str(context.get("preheader", ""))
        return RenderedMail(
            subject=context["subject"],
            preheader=context["preheader"],
            html=mjml_to_html(render_to_string(f"{template_name}.mjml", context)),
            text=render_to_string(f"{template_name}.txt", context).strip() + "\n",
        )


def retry_delay(attempt):
    """How long to wait after failed attempt number `attempt`: doubling from the first wait."""
    return datetime.timedelta(seconds=settings.MAIL_RETRY_SECONDS * 2 ** (attempt - 1))


def sender_domain(address):
    """The domain of `address` ("Name <user@domain>"), in the ASCII form headers carry."""
    domain = parseaddr(address)[1].rpartition("@")[2]
    return domain.encode("idna").decode("ascii") if domain else ""


def message_id(from_email):
    """A Message-ID on the sender's domain. Django would use the machine's name: "localhost",
    or a container's id, which mail filters count against a message."""
    return make_msgid(domain=sender_domain(from_email) or DNS_NAME)


def build_message(mail, to, *, from_email=None, headers=None, reply_to=None, connection=None):
    from_email = from_email or settings.DEFAULT_FROM_EMAIL
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text,
        from_email=from_email,
        to=list(to),
        reply_to=list(reply_to or []),
        headers={"Message-ID": message_id(from_email), **(headers or {})},
        connection=connection,
    )
    message.attach_alternative(mail.html, "text/html")
    # Read by django-anymail, ignored by SMTP: no tracking pixels or rewritten links.
    message.track_opens = False
    message.track_clicks = False
    return message


def send_now(mail, to, *, from_email=None, headers=None, reply_to=None):
    """Send at once, for a member of staff who waits for the result (a test send)."""
    message = build_message(mail, to, from_email=from_email, headers=headers, reply_to=reply_to)
    message.send()
    return message


def queue_mail(mail, to, *, from_email=None, headers=None, reply_to=None):
    """Hand the mail to the worker, which sends it and retries while the server is away."""
    to = [address for address in to if address]
    if not to:
        return
    envelope = {
        "to": to,
        "from_email": from_email or settings.DEFAULT_FROM_EMAIL,
        "headers": headers or {},
        "reply_to": list(reply_to or []),
    }
    deliver_mail.enqueue(asdict(mail), envelope)


@task()
def deliver_mail(mail, envelope, attempt=1):
    """Send one queued mail; on failure queue the next attempt, until MAIL_MAX_ATTEMPTS."""
    try:
        send_now(RenderedMail(**mail), **envelope)
    except Exception:
        # A backend that cannot wait (the tests' immediate one) records the failure instead.
        if attempt >= settings.MAIL_MAX_ATTEMPTS or not deliver_mail.get_backend().supports_defer:
            logger.error("Giving up on the mail %r to %s", mail["subject"], envelope["to"])
            raise
        delay = retry_delay(attempt)
        logger.warning("The mail %r failed; trying again in %s", mail["subject"], delay)
        deliver_mail.using(run_after=timezone.now() + delay).enqueue(mail, envelope, attempt + 1)


# DKIM (RFC 6376). The signature covers these headers, and each is signed once more than it
# occurs, so nobody can add one on the way: the one-click unsubscribe headers must be signed
# for mail programs to offer them (RFC 8058).
DKIM_HEADERS = (
    b"from",
    b"reply-to",
    b"to",
    b"cc",
    b"subject",
    b"date",
    b"message-id",
    b"mime-version",
    b"content-type",
    b"content-transfer-encoding",
    b"list-id",
    b"list-unsubscribe",
    b"list-unsubscribe-post",
)


@cache
def dkim_private_key():
    """The PEM key from DKIM_PRIVATE_KEY, or from the file DKIM_PRIVATE_KEY_PATH; b"" if none."""
    if settings.DKIM_PRIVATE_KEY:
        return settings.DKIM_PRIVATE_KEY.encode()
    if settings.DKIM_PRIVATE_KEY_PATH:
        return Path(settings.DKIM_PRIVATE_KEY_PATH).read_bytes()
    return b""


def dkim_domain():
    return settings.DKIM_DOMAIN or sender_domain(settings.DEFAULT_FROM_EMAIL)


def dkim_sign(data):
    """`data` (a whole message, CRLF line ends) with a DKIM-Signature header in front."""
    signature = dkim.sign(
        data,
        settings.DKIM_SELECTOR.encode(),
        dkim_domain().encode(),
        dkim_private_key(),
        canonicalize=(b"relaxed", b"relaxed"),
        include_headers=[*DKIM_HEADERS, *DKIM_HEADERS],
    )
    return signature + data


class DKIMSigning:
    """An smtplib connection that signs each message as the last step before it is sent."""

    def sendmail(self, from_addr, to_addrs, msg, mail_options=(), rcpt_options=()):
        if isinstance(msg, str):
            msg = msg.encode("ascii")  # what smtplib does with a str
        return super().sendmail(from_addr, to_addrs, dkim_sign(msg), mail_options, rcpt_options)


class DKIMSMTP(DKIMSigning, smtplib.SMTP):
    pass


class DKIMSMTPSSL(DKIMSigning, smtplib.SMTP_SSL):
    pass


class DKIMBackend(SMTPBackend):
    """Django's SMTP backend, signing every message with DKIM (settings DKIM_*).

    The signing is in the connection, so the editions' prebuilt messages, which go to smtplib
    as bytes (nyheder/newsletter/messages.py), are signed as every other mail is.
    """

    @property
    def connection_class(self):
        return DKIMSMTPSSL if self.use_ssl else DKIMSMTP


# OID 1.2.840.113549.1.1.1, rsaEncryption, in DER.
RSA_ENCRYPTION = bytes.fromhex("2a864886f70d010101")


def dkim_dns_record():
    """The TXT record that publishes the configured key's public half, as a zone file line.

    The key is given as X.509 SubjectPublicKeyInfo, as `openssl rsa -pubout` writes it.
    """
    key = parse_pem_private_key(dkim_private_key())
    rsa_public_key = der(0x30, der_integer(key["modulus"]) + der_integer(key["publicExponent"]))
    algorithm = der(0x30, der(0x06, RSA_ENCRYPTION) + der(0x05, b""))
    public_key = der(0x30, algorithm + der(0x03, b"\x00" + rsa_public_key))
    value = "v=DKIM1; k=rsa; p=" + base64.b64encode(public_key).decode("ascii")
    # A TXT string holds at most 255 characters; a longer value is given as several.
    strings = " ".join(f'"{value[start : start + 255]}"' for start in range(0, len(value), 255))
    return f"{settings.DKIM_SELECTOR}._domainkey.{dkim_domain()}. IN TXT {strings}"


def der(tag, content):
    """One DER element: tag, length, content."""
    length = len(content)
    if length < 0x80:
        return bytes([tag, length]) + content
    size = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(size)]) + size + content


def der_integer(number):
    """A non-negative INTEGER: a leading zero byte where the top bit would read as a sign."""
    return der(0x02, number.to_bytes(number.bit_length() // 8 + 1, "big"))
