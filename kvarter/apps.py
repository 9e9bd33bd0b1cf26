from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KvarterConfig(AppConfig):
    name = "kvarter"
    verbose_name = _("Charlottekvarteret")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from kvarter import checks  # noqa: F401, PLC0415 - registers the deploy checks
        from kvarter.page_cache import connect_signals  # noqa: PLC0415 - needs loaded models

        connect_signals()
