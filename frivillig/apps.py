from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrivilligConfig(AppConfig):
    name = "frivillig"
    verbose_name = _("Volunteering")
    default_auto_field = "django.db.models.BigAutoField"
