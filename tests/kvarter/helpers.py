"""A small multilingual site for tests: a Danish tree, its English translation, and a site;
and the tasks worker, run in the test's own process."""

from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from kvarter.models import SiteSettings
from tests.factories import HomePageFactory

# The most SQL queries an uncached page of any type may run (issue 19), whatever its content.
PAGE_QUERY_LIMIT = 12


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


def translate_in_editor(page, locale, texts):
    """Translate `page` into `locale` as a translator does in wagtail-localize's editor: each
    segment whose Danish text is a key of `texts` gets its value, then the translation is
    published. Returns the published translation."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": texts[segment.string.data]},
            )
    translation_job, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    translation_job.save_target(publish=True)
    return page.get_translation(locale).specific


def sync_every_language(locales):
    """Keep every language's tree in step with the Danish one, as the site's locales are set up:
    wagtail-localize then gives each new Danish page a stand-in in every language."""
    for code, locale in locales.items():
        if code != settings.LANGUAGE_CODE:
            LocaleSynchronization.objects.create(locale=locale, sync_from=locales["da"])


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


# Sending needs the database task backend and its worker; the test settings run tasks at once.
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """What `manage.py db_worker` does, in this process, until no task is ready.

    The worker closes "old" database connections between tasks, as a request does. Inside a
    test's transaction that would close the test's own connection, so it is held open here,
    just as Django's test runner does for requests.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, interval=0, reload=False, startup_delay=False)
