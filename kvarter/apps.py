from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KvarterConfig(AppConfig):
    name = "kvarter"
    verbose_name = _("Charlottekvarteret")
    default_auto_field = "django.db.models.BigAutoField"
