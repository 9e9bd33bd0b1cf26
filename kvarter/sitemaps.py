from django.conf import settings

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLocalesSitemap(Sitemap):
    """Every live, public page of every language; untranslated stand-ins are left out.

    Each page lists its translations as hreflang alternates, with the Danish page as
    x-default, so a search engine shows a reader the page in their language.
    """

    def items(self):
        site = self.get_wagtail_site()
        root_pages = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in root_pages:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return (
            pages.live()
            .public()
            .filter(alias_of__isnull=True)
            .select_related("locale")
            .order_by("locale_id", "path")
            .defer_streamfields()
            .specific()
        )

    def alternates(self, pages):
        """{translation key: [{lang_code, location}]} for the keys with more than one language."""
        keys = {page.translation_key for page in pages}
        found = {}
        for translation in self.items().filter(translation_key__in=keys):
            found.setdefault(translation.translation_key, []).append(
                {
                    "lang_code": translation.locale.language_code,
                    "location": translation.get_full_url(self.request),
                }
            )
        for languages in found.values():
            danish = [a for a in languages if a["lang_code"] == settings.LANGUAGE_CODE]
            languages.extend({"lang_code": "x-default", "location": a["location"]} for a in danish)
        return {key: languages for key, languages in found.items() if len(languages) > 2}

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self.alternates(pages)
        urls = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = alternates.get(item.translation_key, [])
                urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
