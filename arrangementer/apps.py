from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArrangementerConfig(AppConfig):
    """Events. The home page's "what's on", the calendar link in its <head> and the demo events
    reach the base app through Wagtail hooks (wagtail_hooks.py), which Wagtail loads itself."""

    name = "arrangementer"
    label = "arrangementer"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"
