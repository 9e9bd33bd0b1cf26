"""The mail that tells staff about a new story tip, in Danish whatever the sender's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _


def send_tip_notification(tip, recipients):
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "story_tips:inspect", args=[tip.pk]
        )
        subject = _("New story tip from %(name)s") % {"name": tip.name}
        lines = [
            _("A resident has sent a tip about a story to the website."),
            "",
            f"{_('Name')}: {tip.name}",
            f"{_('E-mail')}: {tip.email or '–'}",
            f"{_('Phone')}: {tip.phone or '–'}",
            f"{_('Language')}: {tip.get_language_display()}",
            f"{_('Received')}: {timezone.localtime(tip.created_at):%d.%m.%Y %H:%M}",
            f"{_('Photo')}: {_('yes') if tip.photo else _('no')}",
            "",
            tip.text,
            "",
            _("Read the tip in the admin: %(url)s") % {"url": admin_url},
        ]
    send_mail(subject, "\n".join(lines), None, recipients)
