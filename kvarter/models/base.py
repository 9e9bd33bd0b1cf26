import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kvarter.admin_forms import PageForm
from kvarter.blocks import BaseStreamBlock
from kvarter.furniture import any_view_restriction
from kvarter.languages import ReaderLanguageMixin, language_of

from .querysets import KvarterPageManager
from .site_settings import SiteSettings


class HeroImageMixin(models.Model):
    """A page's main image, used at the top of the page and in listings and search results."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Alt text comes from the image's description; set it in the image library."),
    )

    content_panels = [FieldPanel("image")]
    translatable_fields = [SynchronizedField("image")]

    class Meta:
        abstract = True


class BasePage(ReaderLanguageMixin, HeroImageMixin, Page):
    """Every page on the site: a short intro for listings and search, plus a hero image."""

    intro = models.TextField(
        _("introduction"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences, shown at the top and in listings and search results."),
    )

    objects = KvarterPageManager()

    base_form_class = PageForm
    # (icon, order) puts a top-level page among the header's shortcuts, the few things residents
    # come for, shown next to the menu on phones (icons from kvarter/icons.py).
    menu_shortcut = None

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        *HeroImageMixin.content_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        # Slugs stay Danish in every language so that a URL can be read out and typed.
        SynchronizedField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        *HeroImageMixin.translatable_fields,
    ]

    class Meta:
        abstract = True

    @cached_property
    def content_language(self):
        """The language this page's content is written in; an alias shows a Danish page."""
        return language_of(self)

    def get_view_restrictions(self):
        """Wagtail asks on every page view (two queries); none apply while no page at all is
        restricted, which the cache knows until a restriction is saved or deleted."""
        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def is_fallback(self):
        """True when the reader's language has no translation, so Danish is shown instead.

        That is an alias kept in sync with the Danish page by wagtail-localize, or a page that
        Wagtail's routing fell back to (a language's missing home page).
        """
        return self.content_language != translation.get_language()


class BodyPage(BasePage):
    """A page with the shared StreamField body, its panel, search and translation composed once.

    A page type with no fields of its own declares none of the three lists. One with fields
    of its own uses `panels_with()` and adds its entries to the other two lists.
    """

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]

    class Meta:
        abstract = True

    @staticmethod
    def panels_with(*panels):
        """The editor's panels: title, intro and image, then `panels`, then the body."""
        return [*BasePage.content_panels, *panels, FieldPanel("body")]


class RoutableMixin(RoutablePageMixin):
    """Wagtail's routable pages, with the one way to link to a sub-page."""

    def subpage_url(self, name, *args, request=None, **kwargs):
        return self.get_url(request) + self.reverse_subpage(
            name, args=args or None, kwargs=kwargs or None
        )


class HousingAreaMixin(models.Model):
    """The part of the neighbourhood a page is about; empty for the whole neighbourhood."""

    housing_area = models.ForeignKey(
        "kvarter.HousingArea",
        verbose_name=_("housing area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for the whole neighbourhood."),
    )

    panels = [FieldPanel("housing_area")]
    translatable_fields = [SynchronizedField("housing_area")]

    class Meta:
        abstract = True


class ContactPersonMixin(models.Model):
    """The member of staff residents can ask about a page."""

    contact_person = models.ForeignKey(
        "kvarter.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("contact_person")]
    translatable_fields = [SynchronizedField("contact_person")]

    class Meta:
        abstract = True


def split_addresses(text):
    """E-mail addresses written one a line or separated by commas or semicolons."""
    return [address for address in re.split(r"[\s,;]+", text or "") if address]


def validate_addresses(text):
    for address in split_addresses(text):
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError(
                _("%(address)s is not a valid e-mail address."), params={"address": address}
            ) from None


class StaffRecipientsMixin(models.Model):
    """Who on the staff is told about what residents send through a page's form.

    The field keeps the name of Wagtail's email-form field, so a page with that shape takes
    this one over. One list for every language: translators must not redirect residents' mail.
    """

    to_address = models.TextField(
        _("notifications go to"),
        blank=True,
        validators=[validate_addresses],
        help_text=_(
            "E-mail addresses, one a line or separated by commas, told about every new message. "
            "Empty: the contact address in the site settings."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("to_address", permission="superuser")], heading=_("Notifications")
        )
    ]
    translatable_fields = [SynchronizedField("to_address", overridable=False)]

    class Meta:
        abstract = True

    def staff_recipients(self):
        """The Danish page's addresses, or the site's contact address when there are none."""
        source = self.get_translation_or_none(Locale.get_default()) or self
        recipients = split_addresses(source.specific.to_address)
        if not recipients:
            email = SiteSettings.for_site(self.get_site()).email
            recipients = [email] if email else []
        return recipients
