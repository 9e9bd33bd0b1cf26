import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kvarter.admin_forms import SnippetForm
from kvarter.languages import ReaderLanguageMixin


class Person(ReaderLanguageMixin, TranslatableMixin, index.Indexed, models.Model):
    """A member of staff or a volunteer. Demo people are invented."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=160)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    base_form_class = SnippetForm
    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("photo"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("photo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def phone_url(self):
        """The number as a tel: link (RFC 3966): digits and a leading +, without spaces."""
        number = re.sub(r"[^\d+]", "", self.phone)
        return f"tel:{number}" if number else ""


class Partner(ReaderLanguageMixin, TranslatableMixin, models.Model):
    """An organisation that funds or works with the plan."""

    name = models.CharField(_("name"), max_length=160)
    description = models.CharField(_("description"), max_length=250, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("website")]
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("description"),
        SynchronizedField("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name


class HousingArea(ReaderLanguageMixin, TranslatableMixin, models.Model):
    """A housing department (boligafdeling) in the neighbourhood."""

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    housing_organisation = models.CharField(_("housing organisation"), max_length=120, blank=True)

    panels = [FieldPanel("name"), FieldPanel("housing_organisation"), FieldPanel("description")]
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("housing_organisation"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("housing area")
        verbose_name_plural = _("housing areas")
        ordering = ["name"]

    def __str__(self):
        return self.name


class TranslatedLabel(ReaderLanguageMixin, TranslatableMixin, models.Model):
    """A short label that editors translate and readers filter by: an event category, a story's
    topic. The slug is synchronised, so a filter link works in every language."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    @classmethod
    def by_translation_key(cls, language_code):
        """The labels by translation key, in `language_code` where they are translated and in
        Danish where not yet: one query for a whole listing. Templates mark a Danish stand-in
        with its language.
        """
        labels = {}
        languages = {language_code, settings.LANGUAGE_CODE}
        for label in cls.objects.filter(locale__language_code__in=languages).select_related(
            "locale"
        ):
            if label.locale.language_code == language_code:
                labels[label.translation_key] = label
            else:
                labels.setdefault(label.translation_key, label)
        return labels


register_snippet(Person)
register_snippet(Partner)
register_snippet(HousingArea)
