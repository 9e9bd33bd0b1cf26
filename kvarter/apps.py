from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KvarterConfig(AppConfig):
    name = "kvarter"
    verbose_name = _("Charlottekvarteret")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from kvarter import checks, furniture, page_cache  # noqa: F401, PLC0415 - need loaded models

        page_cache.connect_signals()
        furniture.connect_signals()
