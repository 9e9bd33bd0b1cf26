from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLocalesSitemap(Sitemap):
    """Every live, public page of every language; untranslated stand-ins are left out."""

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
            .order_by("locale_id", "path")
            .defer_streamfields()
            .specific()
        )
