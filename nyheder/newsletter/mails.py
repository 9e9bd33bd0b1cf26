"""The mails a subscriber gets besides the newsletter itself, and the staff's test send.

Each is in the subscriber's language: HTML from MJML plus a plain-text part, with the same links.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from django_tasks import task

from . import links
from .models import Subscriber
from .rendering import render_edition, render_mail
from .sending import retry_delay

logger = logging.getLogger(__name__)


def send_rendered(mail, address, headers=None):
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[address],
        headers=headers,
    )
    message.attach_alternative(mail.html, "text/html")
    # Read by django-anymail, ignored by SMTP: no tracking pixels or rewritten links.
    message.track_opens = False
    message.track_clicks = False
    message.send()
    return message


def send_to_subscriber(subscriber, template_name, context):
    mail = render_mail(template_name, subscriber.language, context)
    return send_rendered(mail, subscriber.email)


def send_confirmation(subscriber):
    """The double opt-in mail: its link opens a page whose button confirms."""
    return send_to_subscriber(
        subscriber,
        "email/confirm",
        {
            "subject": _("Confirm your subscription to the newsletter from Charlottekvarteret"),
            "preheader": _(
                "One click and you get the newsletter. Nothing happens if you ignore it."
            ),
            "confirm_url": links.confirm_url(subscriber),
        },
    )


def send_welcome(subscriber):
    return send_to_subscriber(
        subscriber,
        "email/welcome",
        {
            "subject": _("Welcome to the newsletter from Charlottekvarteret"),
            "preheader": _("You are subscribed. Here is how to change or stop it."),
            "language_name": dict(settings.LANGUAGES)[subscriber.language],
            "preferences_url": links.preferences_url(subscriber),
        },
    )


def send_already_subscribed(subscriber):
    """Sent instead of a confirmation when a subscribed address signs up again.

    The sign-up page answers exactly as for a new address, so only the mailbox's owner
    learns that the address is on the list.
    """
    return send_to_subscriber(
        subscriber,
        "email/already_subscribed",
        {
            "subject": _("You already get the newsletter from Charlottekvarteret"),
            "preheader": _("Nothing has changed. Your settings are one click away."),
            "preferences_url": links.preferences_url(subscriber),
        },
    )


def send_test(edition, language, address):
    """The edition's latest draft in `language`, to a member of staff.

    No subscriber is made: the preferences and unsubscribe links keep their placeholder and
    lead to the "this link does not work" page, and there is no List-Unsubscribe header.
    """
    draft = edition.source_edition.get_latest_revision_as_object()
    mail = render_edition(draft, language)
    with translation.override(language):
        mail.subject = gettext("[Test] %(subject)s") % {"subject": mail.subject}
    return send_rendered(mail, address)


SUBSCRIBER_MAILS = {
    "confirmation": send_confirmation,
    "welcome": send_welcome,
    "already_subscribed": send_already_subscribed,
}


@task()
def send_subscriber_mail(kind, subscriber_pk, attempt=1):
    """One of the mails above, sent by the worker and retried while the mail server is away.

    The sign-up and confirm pages queue their mail here: a slow or broken mail server must not
    fail a resident's request, and the saved sign-up still gets its mail once the server is back.
    """
    subscriber = Subscriber.objects.filter(pk=subscriber_pk).first()
    if subscriber is None:  # erased or purged in the meantime
        return
    try:
        SUBSCRIBER_MAILS[kind](subscriber)
    except Exception:
        if attempt >= settings.NEWSLETTER_MAX_ATTEMPTS:
            raise
        delay = retry_delay(attempt)
        logger.warning("The %s mail failed; trying again in %s", kind, delay, exc_info=True)
        send_subscriber_mail.using(run_after=timezone.now() + delay).enqueue(
            kind, subscriber_pk, attempt + 1
        )
