"""RSS and Atom feeds: one language's live, public stories, in full, with the hero image."""

import datetime

from django.test import TestCase

from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

import feedparser

from tests.factories import StoryPageFactory
from tests.kvarter.helpers import alias, translate
from tests.nyheder.helpers import add_story, create_story_site

FEEDS = {"rss": "rss20", "atom": "atom10"}


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, *_ = create_story_site()
        cls.en_index = translate(cls.index, cls.locales["en"], title="Stories")
        body = [("paragraph", RichText('<p>Hele historien om <a href="/da/">gården</a>.</p>'))]
        cls.story = add_story(
            cls.index, "haven", title="Haven blomstrer", date=datetime.date(2025, 5, 1), body=body
        )
        cls.translated = translate(
            cls.story,
            cls.locales["en"],
            title="The garden is in bloom",
            body=[("paragraph", RichText("<p>The whole story of the courtyard.</p>"))],
        )
        cls.untranslated = add_story(
            cls.index, "kun-dansk", title="Kun på dansk", date=datetime.date(2025, 6, 1)
        )
        alias(cls.untranslated, cls.locales["en"])
        StoryPageFactory(parent=cls.index, slug="kladde", title="Kladde", live=False)
        private = add_story(cls.index, "privat", title="Privat")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response, feedparser.parse(response.content)

    def test_feeds_parse_and_hold_only_that_languages_live_public_stories(self):
        expected = {
            "da": ["Kun på dansk", "Haven blomstrer"],
            "en": ["The garden is in bloom"],
        }
        for language, titles in expected.items():
            for kind, version in FEEDS.items():
                with self.subTest(language=language, kind=kind):
                    response, feed = self.parse(f"/{language}/historier/feed/{kind}/")
                    self.assertFalse(feed.bozo, feed.get("bozo_exception"))
                    self.assertEqual(feed.version, version)
                    self.assertIn(kind, response["Content-Type"])
                    self.assertEqual(feed.feed.language, language)
                    self.assertEqual([entry.title for entry in feed.entries], titles)

    def test_entries_carry_the_full_story_and_the_hero_image(self):
        for kind in FEEDS:
            with self.subTest(kind=kind):
                _, feed = self.parse(f"/da/historier/feed/{kind}/")
                entry = next(e for e in feed.entries if e.title == "Haven blomstrer")
                content = entry.get("content", [{}])[0].get("value") or entry.summary
                self.assertIn(self.story.intro, content)
                self.assertIn("Hele historien om", content)
                self.assertIn('href="http://localhost/da/"', content)
                self.assertEqual(entry.link, self.story.get_full_url())
                enclosure = entry.enclosures[0]
                self.assertEqual(enclosure.type, "image/jpeg")
                self.assertTrue(enclosure.href.startswith("http://localhost/media/"))
                self.assertEqual(entry.author, self.story.author.name)
