"""RSS 2.0 and Atom feeds of one language's stories, with the full text and the hero image."""

import datetime
import re

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed

from kvarter.absolute_urls import absolute_url
from kvarter.images import SHARE_IMAGE_SPEC

HREF_OR_SRC = re.compile(r'\b(href|src)="/(?!/)')
SRCSET = re.compile(r'\bsrcset="([^"]*)"')
SRCSET_ITEM = re.compile(r"(^|,\s*)/(?!/)")


def absolute_urls(html, root_url):
    """Root-relative links and images made absolute: feed readers show the body off the site."""
    html = HREF_OR_SRC.sub(lambda m: f'{m.group(1)}="{root_url}/', html)
    return SRCSET.sub(
        lambda m: (
            'srcset="' + SRCSET_ITEM.sub(lambda n: f"{n.group(1)}{root_url}/", m.group(1)) + '"'
        ),
        html,
    )


class StoryRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.root_url = absolute_url(request, "")
        self.language = self.index_page.locale.language_code
        return self.index_page

    def title(self, index_page):
        return f"{index_page.title} · Charlottekvarteret"

    def link(self, index_page):
        return index_page.get_full_url(self.request)

    def description(self, index_page):
        return index_page.intro

    def feed_url(self, index_page):
        return absolute_url(self.request, self.request.path)

    def items(self, index_page):
        self.topics_by_key = index_page.topics_by_key()
        return index_page.feed_stories()

    def item_title(self, story):
        return story.title

    def item_link(self, story):
        return story.get_full_url(self.request)

    def item_guid(self, story):
        return story.get_full_url(self.request)

    def item_description(self, story):
        """The whole story: intro and rendered body, with absolute links."""
        html = render_to_string(
            "nyheder/story_feed_item.html", {"page": story, "request": self.request}
        )
        return absolute_urls(html, self.root_url)

    def item_pubdate(self, story):
        published = story.first_published_at or timezone.now()
        # The story's own date, at the time of day it was first published.
        return timezone.make_aware(
            datetime.datetime.combine(story.date, timezone.localtime(published).time())
        )

    def item_updateddate(self, story):
        return story.last_published_at

    def item_author_name(self, story):
        return story.author.name if story.author else None

    def item_categories(self, story):
        return [topic.name for topic in story.topics_for_reader(self.topics_by_key)]

    def item_enclosures(self, story):
        if story.image is None:
            return []
        rendition = story.image.get_rendition(SHARE_IMAGE_SPEC)
        return [
            Enclosure(
                absolute_url(self.request, rendition.url),
                str(rendition.file.size),
                "image/jpeg",
            )
        ]


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index_page):
        return index_page.intro
