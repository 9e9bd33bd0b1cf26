"""A small multilingual site for tests: a Danish tree, its English translation, and a site."""

from django.conf import settings
from django.utils import translation

from wagtail.models import Locale, Page, Site

from kvarter.models import SiteSettings
from tests.factories import HomePageFactory


def create_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


def create_site():
    """A Danish home page as the default site's root, with every locale created."""
    locales = create_locales()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="forside", locale=locales["da"])
    site, _created = Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()  # Wagtail's welcome page
    # As on a real site, the settings exist before the first reader comes (Wagtail would make
    # them on the first page view, which also starts a new page-cache generation).
    SiteSettings.for_site(site)
    return home, locales


def translate(page, locale, **fields):
    """A published translation of `page` into `locale`, with the given field values."""
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def alias(page, locale):
    """What wagtail-localize's tree sync makes for an untranslated page: an alias."""
    return page.copy_for_translation(locale, copy_parents=True, alias=True)


def in_admin_language(message):
    """The message as staff see it: the admin and background tasks speak the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return translation.gettext(message)


def home_section(response, template):
    """The context of the home page's section rendered from `template` (kvarter/sections.py)."""
    [section] = [s for s in response.context["home_sections"] if s.template == template]
    return section.context
