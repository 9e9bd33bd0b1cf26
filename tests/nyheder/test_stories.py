"""Story pages and their listing, as editors build them and residents read them."""

import datetime
import json
import re

from django.test import TestCase
from django.utils import translation

from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from kvarter.models import HomePage, StandardPage
from nyheder.models import StoryIndexPage, StoryPage
from nyheder.models.stories import RELATED_STORIES
from tests.factories import FocusAreaPageFactory, StandardPageFactory, StoryPageFactory
from tests.kvarter.helpers import alias, home_section, translate
from tests.nyheder.helpers import add_story, create_story_site

LATEST_STORIES = "nyheder/home_latest_stories.html"


def in_language(language, message):
    with translation.override(language):
        return translation.gettext(message)


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
        cls.old = add_story(cls.index, "gammel", date=datetime.date(2025, 3, 1), topics=["unge"])
        cls.new = add_story(
            cls.index,
            "ny",
            date=datetime.date(2025, 6, 1),
            topics=["film"],
            focus_area=cls.culture,
            housing_area=cls.area,
        )
        cls.middle = add_story(cls.index, "midt", date=datetime.date(2025, 4, 1), topics=["film"])

    def listed(self, query=""):
        response = self.client.get(f"/da/historier/{query}")
        self.assertEqual(response.status_code, 200)
        return [page.pk for page in response.context["stories"]]

    def test_newest_first(self):
        self.assertEqual(self.listed(), [self.new.pk, self.middle.pk, self.old.pk])

    def test_filters_by_topic_focus_area_and_housing_area(self):
        self.assertEqual(self.listed("?topic=film"), [self.new.pk, self.middle.pk])
        self.assertEqual(self.listed("?focus_area=kultur"), [self.new.pk])
        self.assertEqual(self.listed("?housing_area=Agerhusene"), [self.new.pk])
        self.assertEqual(self.listed("?topic=film&focus_area=kultur"), [self.new.pk])

    def test_unknown_filters_list_nothing_and_say_so(self):
        for query in [
            "?topic=findes-ikke",
            "?focus_area=nej",
            "?housing_area=%27%3B--",
            "?topic=a&topic=b",
        ]:
            with self.subTest(query=query):
                self.assertEqual(self.listed(query), [])
        response = self.client.get("/da/historier/?topic=findes-ikke")
        self.assertContains(response, 'href="/da/historier/"')

    def test_bad_page_numbers_show_a_valid_page(self):
        for page in ["abc", "0", "-1", "999", "1.5"]:
            with self.subTest(page=page):
                self.assertEqual(len(self.listed(f"?page={page}")), 3)

    def test_pagination_keeps_the_filter(self):
        for n in range(12):
            add_story(self.index, f"film-{n}", topics=["film"], image=None)
        response = self.client.get("/da/historier/?topic=film")
        self.assertContains(response, 'href="?topic=film&amp;page=2"')

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


class ReaderLanguageTests(TestCase):
    """An Arabic reader: teasers prefer Arabic stories, full listings keep date order and mark
    the Danish ones, and the filter's Danish options say they are Danish."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, cls.culture, cls.area = create_story_site()
        arabic = cls.locales["ar"]
        translate(cls.home, arabic, title="مرحبا")
        translate(cls.index, arabic, title="قصص")
        cls.translated_area = translate(cls.culture, arabic, title="الثقافة")
        cls.danish_only = [
            add_story(cls.index, f"nyhed-{n}", date=datetime.date(2025, 7, n + 1), topics=["film"])
            for n in range(3)
        ]
        older = add_story(
            cls.index, "arabisk", date=datetime.date(2025, 5, 1), focus_area=cls.culture
        )
        cls.arabic_story = translate(older, arabic, title="قصة بالعربية")
        for story in cls.danish_only:
            alias(story, arabic)
        cls.untranslated_area = FocusAreaPageFactory(
            parent=cls.culture.get_parent(), slug="unge", title="Unge"
        )
        alias(cls.untranslated_area, arabic)
        youth = add_story(
            cls.index, "unge", date=datetime.date(2025, 4, 1), focus_area=cls.untranslated_area
        )
        alias(youth, arabic)

    def test_home_teaser_puts_stories_in_the_readers_language_first(self):
        stories = home_section(self.client.get("/ar/"), LATEST_STORIES)["stories"]
        self.assertEqual(stories[0].pk, self.arabic_story.pk)
        self.assertEqual([story.alias_of_id is not None for story in stories], [False, True, True])

    def test_listing_keeps_date_order_and_marks_each_danish_story(self):
        response = self.client.get("/ar/historier/")
        stories = list(response.context["stories"])
        self.assertEqual(stories, sorted(stories, key=lambda story: story.date, reverse=True))
        html = response.content.decode()
        for story in stories:
            title = re.search(rf'<h3 class="card__title"([^>]*)><a href="{story.url}"', html)
            marked = ' lang="da" dir="ltr"' if story.alias_of_id else ""
            self.assertEqual(title.group(1), marked, story.title)

    def test_filter_options_in_danish_are_marked_and_the_interface_ones_are_not(self):
        response = self.client.get("/ar/historier/")
        self.assertContains(response, '<option value="film" lang="da" dir="ltr">film</option>')
        self.assertContains(response, '<option value="unge" lang="da" dir="ltr">Unge</option>')
        self.assertContains(response, '<option value="kultur">الثقافة</option>')
        self.assertNotContains(response, '<option value="" lang="da"')

    def test_related_stories_in_the_readers_language_first(self):
        story = add_story(self.index, "anden", date=datetime.date(2024, 1, 1))
        other = translate(story, self.locales["ar"], title="قصة أخرى")
        related = list(self.client.get(self.arabic_story.url).context["related_stories"])
        self.assertEqual(related[0].pk, other.pk)


class StoryPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, cls.culture, cls.area = create_story_site()
        cls.story = add_story(
            cls.index,
            "sommerfest",
            title='Sommerfest </script><script>alert("x")</script>',
            date=datetime.date(2025, 6, 21),
            topics=["unge", "fællesskab"],
            focus_area=cls.culture,
            housing_area=cls.area,
        )
        cls.same_topic = add_story(
            cls.index, "samme-emne", date=datetime.date(2024, 1, 1), topics=["unge"]
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

    def test_shows_date_author_topics_and_areas(self):
        response = self.get()
        self.assertContains(response, '<time datetime="2025-06-21">21. juni 2025</time>', html=True)
        self.assertContains(response, self.story.author.name)
        self.assertContains(response, 'href="/da/historier/?topic=unge"')
        self.assertContains(response, 'href="/da/historier/?focus_area=kultur"')
        self.assertContains(response, 'href="/da/historier/?housing_area=Agerhusene"')
        self.assertContains(response, 'href="/da/historier/tip/"')

    def test_related_stories_share_a_topic_or_focus_area_before_the_newest(self):
        related = list(self.get().context["related_stories"])
        self.assertEqual(len(related), RELATED_STORIES)
        self.assertEqual({page.pk for page in related[:2]}, {self.same_topic.pk, self.same_area.pk})
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


class TopicTests(TestCase):
    """A topic is translated once, as a snippet, and every story shows it in the reader's
    language; one still waiting for its translation is marked Danish."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, _culture, _area = create_story_site()
        arabic = cls.locales["ar"]
        translate(cls.home, arabic, title="مرحبا")
        translate(cls.index, arabic, title="قصص")
        story = add_story(cls.index, "have", topics=["Kultur", "Natur"])
        cls.culture = story.topics.get(slug="kultur")
        cls.culture_in_arabic = cls.culture.copy_for_translation(arabic)
        cls.culture_in_arabic.name = "الثقافة"
        cls.culture_in_arabic.save()
        cls.arabic_story = translate(story, arabic, title="حديقة الحي")
        cls.untranslated = alias(add_story(cls.index, "koncert", topics=["Kultur"]), arabic)

    def test_a_translated_story_keeps_the_danish_topics_and_shows_them_in_arabic(self):
        self.assertEqual(
            set(self.arabic_story.topics.values_list("pk", flat=True)),
            set(
                self.arabic_story.get_translation(self.locales["da"]).topics.values_list(
                    "pk", flat=True
                )
            ),
        )
        response = self.client.get(self.arabic_story.url)
        self.assertContains(
            response, '<a href="/ar/historier/?topic=kultur">الثقافة</a>', html=True
        )
        self.assertContains(
            response,
            '<a href="/ar/historier/?topic=natur" lang="da" dir="ltr">Natur</a>',
            html=True,
        )

    def test_an_untranslated_story_shows_its_topics_in_arabic_too(self):
        response = self.client.get(self.untranslated.url)
        self.assertContains(
            response, '<a href="/ar/historier/?topic=kultur">الثقافة</a>', html=True
        )

    def test_the_arabic_filter_names_the_topic_in_arabic_and_finds_every_story(self):
        response = self.client.get("/ar/historier/?topic=kultur")
        listed = {story.pk for story in response.context["stories"]}
        self.assertEqual(listed, {self.arabic_story.pk, self.untranslated.pk})
        self.assertContains(response, '<option value="kultur" selected>الثقافة</option>', html=True)
        heading = in_language("ar", "Stories about “%(topic_name)s”") % {
            "topic_name": "<span>الثقافة</span>"
        }
        self.assertContains(response, heading)

    def test_a_topic_without_translation_is_marked_danish_in_the_heading(self):
        response = self.client.get("/ar/historier/?topic=natur")
        self.assertContains(response, '<span lang="da" dir="ltr">Natur</span>')

    def test_the_arabic_feed_names_the_topics_in_arabic(self):
        feed = self.client.get("/ar/historier/feed/rss/").content.decode()
        self.assertIn("<category>الثقافة</category>", feed)
        self.assertIn("<category>Natur</category>", feed)
        self.assertNotIn("<category>Kultur</category>", feed)

    def test_editors_choose_among_the_danish_topics(self):
        form_class = StoryPage.get_edit_handler().get_form_class()
        form = form_class(instance=self.arabic_story.get_translation(self.locales["da"]))
        choices = set(form.fields["topics"].queryset)
        self.assertIn(self.culture, choices)
        self.assertNotIn(self.culture_in_arabic, choices)
