from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from anymail.signals import tracking


class NewsletterConfig(AppConfig):
    name = "nyheder.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .webhooks import handle_tracking_event  # noqa: PLC0415 - it imports the models

        tracking.connect(handle_tracking_event, dispatch_uid="newsletter.tracking")
