from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NyhederConfig(AppConfig):
    name = "nyheder"
    verbose_name = _("Stories")
    default_auto_field = "django.db.models.BigAutoField"
