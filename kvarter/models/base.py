from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


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


class BasePage(HeroImageMixin, Page):
    """Every page on the site: a short intro for listings and search, plus a hero image."""

    intro = models.TextField(
        _("introduction"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences, shown at the top and in listings and search results."),
    )

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
        """The language this page's content is written in; an alias shows its original's."""
        if self.alias_of_id:
            return (
                Page.objects.filter(pk=self.alias_of_id)
                .values_list("locale__language_code", flat=True)
                .get()
            )
        return self.locale.language_code

    @property
    def is_fallback(self):
        """True when the reader's language has no translation, so Danish is shown instead.

        That is an alias kept in sync with the Danish page by wagtail-localize, or a page that
        Wagtail's routing fell back to (a language's missing home page).
        """
        return self.content_language != translation.get_language()
