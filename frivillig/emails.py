"""The help desk's mails, through the site's one mail path (kvarter.mail).

Staff are told in Danish (settings.LANGUAGE_CODE) whatever the resident wrote in; the receipt
and the answer notice go to the resident in the language they chose. Each is rendered now,
from templates/email/help_request_*.{mjml,txt}, and queued: the worker sends it and retries
while the mail server is away, so the help desk answers as usual meanwhile.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from kvarter.mail import queue_mail, render_mail

from .help_requests import HelpRequest


def from_email(help_request):
    """The help desk's sender address, or None for the site's default."""
    page = help_request.page
    return page.sender_address() if page is not None else None


def send_staff_notification(help_request, recipients):
    if not recipients:
        return
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "help_requests:edit", args=[help_request.pk]
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("New help request from %(name)s: %(kind)s") % {
            "name": help_request.name,
            "kind": help_request.get_kind_display(),
        }
    mail = render_mail(
        "email/help_request_staff",
        settings.LANGUAGE_CODE,
        {"subject": subject, "help_request": help_request, "admin_url": admin_url},
    )
    queue_mail(
        mail,
        recipients,
        from_email=from_email(help_request),
        # Staff press "reply" to answer the resident directly.
        reply_to=[help_request.email] if help_request.email else None,
    )


def send_resident_mail(help_request, template_name, subject):
    """`template_name` to the resident, in their language, with the link to their status page.

    `subject` is lazy: render_mail translates it into the resident's language.
    """
    if not help_request.email:
        return
    status_url = help_request.status_url()
    if status_url is None:  # the help desk page is gone: there is no status page
        return
    mail = render_mail(
        template_name,
        help_request.language,
        {"subject": subject, "help_request": help_request, "status_url": status_url},
    )
    queue_mail(mail, [help_request.email], from_email=from_email(help_request))


# Receipts to one address per day. The receipt repeats what the sender wrote, so without a cap
# the form would mail anyone's text to any address; a resident who writes more often than this
# is still heard (staff get every request) and sees each request's status page after sending.
RECEIPTS_PER_DAY = 3


def receipts_sent_today(email):
    since = timezone.now() - datetime.timedelta(days=1)
    return HelpRequest.objects.filter(email__iexact=email, created_at__gte=since).count()


def send_receipt(help_request):
    # The request being answered is already saved, so it counts as one.
    if receipts_sent_today(help_request.email) > RECEIPTS_PER_DAY:
        return
    send_resident_mail(
        help_request,
        "email/help_request_receipt",
        gettext_lazy("We have received your request"),
    )


def send_answer_notice(help_request):
    """Tells the resident that the answer is on their status page."""
    send_resident_mail(
        help_request,
        "email/help_request_answered",
        gettext_lazy("We have answered your request"),
    )
