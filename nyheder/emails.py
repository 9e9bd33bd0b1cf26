"""The mail that tells staff about a new story tip, in Danish whatever the sender's language."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from kvarter.mail import queue_mail, render_mail


def send_tip_notification(tip, recipients):
    if not recipients:
        return
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "story_tips:inspect", args=[tip.pk]
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("New story tip from %(name)s") % {"name": tip.name}
    mail = render_mail(
        "email/story_tip_staff",
        settings.LANGUAGE_CODE,
        {"subject": subject, "tip": tip, "admin_url": admin_url},
    )
    queue_mail(mail, recipients, reply_to=[tip.email] if tip.email else None)
