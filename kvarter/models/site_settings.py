from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from kvarter.furniture import cached_furniture


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and links shown in every page's footer."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=120, default="Boligsocial helhedsplan Charlottekvarteret"
    )
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    accessibility_statement_url = models.URLField(
        _("accessibility statement"),
        blank=True,
        help_text=_("The public accessibility statement (tilgængelighedserklæring)."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("address"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("youtube_url")], heading=_("Social links")
        ),
        FieldPanel("accessibility_statement_url"),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    @classmethod
    def for_request(cls, request):
        """From the furniture cache: the footer of every page shows them, and saving them
        starts a new page-cache generation."""
        attr_name = cls.get_cache_attr_name()
        site = Site.find_for_request(request)
        if site is not None and not hasattr(request, attr_name):
            instance = cached_furniture(request, "site-settings", lambda: cls.for_site(site))
            instance._request = request
            setattr(request, attr_name, instance)
        return super().for_request(request)
