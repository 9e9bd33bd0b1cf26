"""The help desk's mails: a Danish notification for staff, a receipt in the resident's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _


def send_staff_notification(help_request, recipients):
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "help_requests:edit", args=[help_request.pk]
        )
        subject = _("New help request from %(name)s: %(kind)s") % {
            "name": help_request.name,
            "kind": help_request.get_kind_display(),
        }
        # Labels stay outside f-strings so that makemessages finds them.
        details = [
            (_("Name"), help_request.name),
            (_("E-mail"), help_request.email or "–"),
            (_("Phone"), help_request.phone or "–"),
            (_("Answer in"), help_request.get_language_display()),
            (_("Kind of help"), help_request.get_kind_display()),
            (_("Received"), f"{timezone.localtime(help_request.created_at):%d.%m.%Y %H:%M}"),
        ]
        lines = [
            _("A resident has asked the help desk for help."),
            "",
            *(f"{label}: {value}" for label, value in details),
            "",
            help_request.description,
            "",
            _("Answer the request in the admin: %(url)s") % {"url": admin_url},
        ]
    from_address = help_request.page.from_address if help_request.page else ""
    send_mail(subject, "\n".join(lines), from_address or None, recipients)


def send_receipt(help_request):
    with translation.override(help_request.language):
        subject = _("We have received your request")
        lines = [
            _("Dear %(name)s,") % {"name": help_request.name},
            "",
            _(
                "Thank you for writing to the volunteer help desk in Charlottekvarteret. "
                "We answer within a week, in the language you chose."
            ),
            "",
            "{}: {}".format(_("What you need help with"), help_request.get_kind_display()),
            "",
            help_request.description,
            "",
            _("See the status of your request and our answer here:"),
            help_request.status_url(),
            "",
            _("Keep this link to yourself: anyone who has it can see your request."),
        ]
    from_address = help_request.page.from_address if help_request.page else ""
    send_mail(subject, "\n".join(lines), from_address or None, [help_request.email])


def send_answer_notice(help_request):
    """Tells the resident, in their language, that the answer is on their status page."""
    with translation.override(help_request.language):
        subject = _("We have answered your request")
        lines = [
            _("Dear %(name)s,") % {"name": help_request.name},
            "",
            _("The volunteer help desk has answered your request. Read the answer here:"),
            help_request.status_url(),
        ]
    from_address = help_request.page.from_address if help_request.page else ""
    send_mail(subject, "\n".join(lines), from_address or None, [help_request.email])
