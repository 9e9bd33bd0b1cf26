"""The mails a subscriber gets besides the newsletter itself, and the staff's test send.

Each is in the subscriber's language, rendered from templates/email/ and queued through
kvarter.mail, which sends it in the worker and retries while the mail server is away: a slow
or broken mail server never fails a resident's sign-up, and the mail arrives once it is back.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kvarter.mail import queue_mail, render_mail, send_now

from . import links
from .messages import newsletter_reply_to
from .rendering import render_edition


def queue_to_subscriber(subscriber, template_name, context):
    mail = render_mail(template_name, subscriber.language, context)
    queue_mail(
        mail,
        [subscriber.email],
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        reply_to=newsletter_reply_to(),
    )


def send_confirmation(subscriber):
    """The double opt-in mail: its link opens a page whose button confirms."""
    queue_to_subscriber(
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
    queue_to_subscriber(
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
    queue_to_subscriber(
        subscriber,
        "email/already_subscribed",
        {
            "subject": _("You already get the newsletter from Charlottekvarteret"),
            "preheader": _("Nothing has changed. Your settings are one click away."),
            "preferences_url": links.preferences_url(subscriber),
        },
    )


def send_test(edition, language, address):
    """The edition's latest draft in `language`, to a member of staff, sent at once.

    No subscriber is made: the preferences and unsubscribe links keep their placeholder and
    lead to the "this link does not work" page, and there is no List-Unsubscribe header.
    """
    draft = edition.source_edition.get_latest_revision_as_object()
    mail = render_edition(draft, language)
    with translation.override(language):
        mail.subject = gettext("[Test] %(subject)s") % {"subject": mail.subject}
    return send_now(
        mail, [address], from_email=settings.NEWSLETTER_FROM_EMAIL, reply_to=newsletter_reply_to()
    )
