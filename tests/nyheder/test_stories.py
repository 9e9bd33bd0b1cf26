"""Story pages and their listing, as editors build them and residents read them."""

import datetime
import json
import re

from django.test import TestCase

from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from kvarter.models import HomePage, StandardPage
from nyheder.models import StoryIndexPage, StoryPage
from nyheder.models.stories import RELATED_STORIES
from tests.factories import StandardPageFactory, StoryPageFactory
from tests.kvarter.helpers import home_section, translate
from tests.nyheder.helpers import add_story, create_story_site

LATEST_STORIES = "nyheder/home_latest_stories.html"


class PageTreeTests(WagtailPageTestCase):
    def test_story_index_lives_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertAllowedSubpageTypes(StoryPage, set())
        self.assertEqual(StoryIndexPage.max_count_per_parent, 1)

    def test_editors_cannot_put_a_story_elsewhere(self):
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertCanNotCreateAt(StandardPage, StoryPage)
        self.assertCanNotCreateAt(StandardPage, StoryIndexPage)


class ListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, cls.culture, cls.area = create_story_site()
        cls.old = add_story(cls.index, "gammel", date=datetime.date(2025, 3, 1), tags=["unge"])
        cls.new = add_story(
            cls.index,
            "ny",
            date=datetime.date(2025, 6, 1),
            tags=["film"],
            focus_area=cls.culture,
            housing_area=cls.area,
        )
        cls.middle = add_story(cls.index, "midt", date=datetime.date(2025, 4, 1), tags=["film"])

    def listed(self, query=""):
        response = self.client.get(f"/da/historier/{query}")
        self.assertEqual(response.status_code, 200)
        return [page.pk for page in response.context["stories"]]

    def test_newest_first(self):
        self.assertEqual(self.listed(), [self.new.pk, self.middle.pk, self.old.pk])

    def test_filters_by_tag_focus_area_and_housing_area(self):
        self.assertEqual(self.listed("?tag=film"), [self.new.pk, self.middle.pk])
        self.assertEqual(self.listed("?focus_area=kultur"), [self.new.pk])
        self.assertEqual(self.listed("?housing_area=Agerhusene"), [self.new.pk])
        self.assertEqual(self.listed("?tag=film&focus_area=kultur"), [self.new.pk])

    def test_unknown_filters_list_nothing_and_say_so(self):
        for query in ["?tag=findes-ikke", "?focus_area=nej", "?housing_area=%00", "?tag=a&tag=b"]:
            with self.subTest(query=query):
                self.assertEqual(self.listed(query), [])
        response = self.client.get("/da/historier/?tag=findes-ikke")
        self.assertContains(response, 'href="/da/historier/"')

    def test_bad_page_numbers_show_a_valid_page(self):
        for page in ["abc", "0", "-1", "999", "1.5"]:
            with self.subTest(page=page):
                self.assertEqual(len(self.listed(f"?page={page}")), 3)

    def test_pagination_keeps_the_filter(self):
        for n in range(12):
            add_story(self.index, f"film-{n}", tags=["film"], image=None)
        response = self.client.get("/da/historier/?tag=film")
        self.assertContains(response, 'href="?tag=film&amp;page=2"')

    def test_drafts_private_and_unpublished_stories_are_not_listed(self):
        draft = StoryPageFactory(parent=self.index, slug="kladde", live=False)
        unpublished = add_story(self.index, "trukket-tilbage")
        unpublished.unpublish()
        private = add_story(self.index, "privat")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
        )
        hidden = {draft.pk, unpublished.pk, private.pk}
        self.assertFalse(hidden & set(self.listed()))
        home = self.client.get("/da/")
        self.assertFalse(
            hidden & {page.pk for page in home_section(home, LATEST_STORIES)["stories"]}
        )
        sitemap = self.client.get("/sitemap.xml").content.decode()
        for slug in ["kladde", "trukket-tilbage", "privat"]:
            self.assertNotIn(f"/historier/{slug}/", sitemap)
        self.assertIn("/da/historier/ny/", sitemap)

    def test_home_page_shows_the_three_newest_stories(self):
        add_story(self.index, "nyeste", date=datetime.date(2025, 7, 1))
        response = self.client.get("/da/")
        expected = list(StoryPage.objects.live().order_by("-date").values_list("pk", flat=True))
        self.assertEqual(
            [page.pk for page in home_section(response, LATEST_STORIES)["stories"]], expected[:3]
        )


class StoryPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, cls.culture, cls.area = create_story_site()
        cls.story = add_story(
            cls.index,
            "sommerfest",
            title='Sommerfest </script><script>alert("x")</script>',
            date=datetime.date(2025, 6, 21),
            tags=["unge", "fællesskab"],
            focus_area=cls.culture,
            housing_area=cls.area,
        )
        cls.same_tag = add_story(
            cls.index, "samme-tag", date=datetime.date(2024, 1, 1), tags=["unge"]
        )
        cls.same_area = add_story(
            cls.index, "samme-omraade", date=datetime.date(2024, 1, 2), focus_area=cls.culture
        )
        cls.newest_unrelated = [
            add_story(cls.index, f"andet-{n}", date=datetime.date(2025, 1, n + 1)) for n in range(3)
        ]

    def get(self):
        response = self.client.get("/da/historier/sommerfest/")
        self.assertEqual(response.status_code, 200)
        return response

    def test_shows_date_author_tags_and_areas(self):
        response = self.get()
        self.assertContains(response, '<time datetime="2025-06-21">21. juni 2025</time>', html=True)
        self.assertContains(response, self.story.author.name)
        self.assertContains(response, 'href="/da/historier/?tag=unge"')
        self.assertContains(response, 'href="/da/historier/?focus_area=kultur"')
        self.assertContains(response, 'href="/da/historier/?housing_area=Agerhusene"')
        self.assertContains(response, 'href="/da/historier/tip/"')

    def test_related_stories_share_a_tag_or_focus_area_before_the_newest(self):
        related = list(self.get().context["related_stories"])
        self.assertEqual(len(related), RELATED_STORIES)
        self.assertEqual({page.pk for page in related[:2]}, {self.same_tag.pk, self.same_area.pk})
        newest = max(self.newest_unrelated, key=lambda page: page.date)
        self.assertEqual(related[2].pk, newest.pk)

    def test_canonical_open_graph_and_twitter_tags(self):
        html = self.get().content.decode()
        url = self.story.get_full_url()
        self.assertIn(f'<link rel="canonical" href="{url}">', html)
        self.assertIn('<meta property="og:type" content="article">', html)
        self.assertIn(f'<meta property="og:url" content="{url}">', html)
        self.assertRegex(
            html, r'<meta property="og:image" content="http://localhost/media/[^"]+\.jpg">'
        )
        self.assertIn('<meta name="twitter:card" content="summary_large_image">', html)

    def test_json_ld_news_article_parses_and_cannot_break_out_of_its_script(self):
        html = self.get().content.decode()
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        self.assertEqual(len(scripts), 1)
        self.assertNotIn("<script>alert", html)
        data = json.loads(scripts[0])
        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["headline"], self.story.title)
        self.assertEqual(data["datePublished"], "2025-06-21")
        self.assertEqual(data["author"]["name"], self.story.author.name)
        self.assertEqual(data["inLanguage"], "da")
        self.assertTrue(data["image"][0].startswith("http://localhost/media/"))
        self.assertIn("dateModified", data)
        self.assertIn("name", data["publisher"])

    def test_every_page_advertises_the_feeds_of_the_readers_language(self):
        translate(self.index, self.locales["en"], title="Stories")
        StandardPageFactory(parent=self.home, slug="om")
        cases = [("/da/om/", "da", "Historier"), ("/en/historier/", "en", "Stories")]
        cases.append(("/da/search/", "da", "Historier"))
        for url, language, title in cases:
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                self.assertIn(
                    f'type="application/rss+xml" title="{title} (RSS)" '
                    f'href="http://localhost/{language}/historier/feed/rss/"',
                    html,
                )
                self.assertIn(f'href="http://localhost/{language}/historier/feed/atom/"', html)
