from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from kvarter.absolute_urls import absolute_url
from kvarter.furniture import cached_furniture
from kvarter.languages import READER_LANGUAGE_FIRST
from kvarter.permissions import WithoutActionsPolicy
from kvarter.sections import Section

from .demo import load_stories
from .models import StoryIndexPage, StoryPage, StoryTip

# Staff read and delete tips; what a resident sent is never edited.
register_permission_policy(StoryTip, WithoutActionsPolicy(StoryTip, ["add", "change"]))


class StoryTipViewSet(ModelViewSet):
    model = StoryTip
    icon = "mail"
    menu_label = _("Story tips")
    add_to_admin_menu = True
    menu_order = 250
    url_namespace = "story_tips"
    url_prefix = "story-tips"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "created_at", "language", "email", "phone"]
    list_filter = ["language"]
    search_fields = ["name", "text", "email"]
    inspect_view_fields = ["created_at", "language", "name", "email", "phone", "text", "photo"]
    form_fields = ["name", "email", "phone", "text"]


@hooks.register("register_admin_viewset")
def register_story_tip_viewset():
    return StoryTipViewSet("story_tips")


@hooks.register("kvarter_home_sections")
def latest_stories(page, request):
    stories = StoryPage.newest(page).order_by(READER_LANGUAGE_FIRST, "-date", "-pk")[:3]
    return Section("nyheder/home_latest_stories.html", {"stories": stories}, order=10)


@hooks.register("kvarter_head_sections")
def story_feed_links(page, request):
    """<link rel="alternate"> to the RSS and Atom feeds of the reader's language."""

    def build():
        index = (
            StoryIndexPage.objects.live()
            .public()
            .filter(locale__language_code=translation.get_language())
            .order_by("path")
            .first()
        )
        if index is None:
            return None
        return {
            "title": index.title,
            "rss_url": absolute_url(request, index.rss_url),
            "atom_url": absolute_url(request, index.atom_url),
        }

    # The index has children, so a change to it starts a new generation of the furniture.
    context = cached_furniture(request, "story-feed-links", build)
    return Section("nyheder/feed_links.html", context) if context else None


@hooks.register("kvarter_page_cache_affected")
def story_feeds(page):
    """A story is also in its index's RSS and Atom feeds."""
    if not isinstance(page, StoryPage):
        return []
    return [
        index_url + index.reverse_subpage(feed)
        for index in StoryIndexPage.objects.ancestor_of(page)
        if (index_url := index.get_full_url())
        for feed in ("rss_feed", "atom_feed")
    ]


@hooks.register("kvarter_load_demo_content", order=20)
def load_demo_stories(loader, home):
    load_stories(loader, home)
