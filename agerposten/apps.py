from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgerpostenConfig(AppConfig):
    name = "agerposten"
    verbose_name = _("Agerposten")
    default_auto_field = "django.db.models.BigAutoField"
