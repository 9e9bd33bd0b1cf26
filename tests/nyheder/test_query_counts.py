"""The story listing, a story and the home page run the same queries with 10x the stories."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tests.factories import FocusAreaPageFactory, PersonFactory
from tests.nyheder.helpers import add_story, create_story_site


class StoryQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, cls.culture, cls.area = create_story_site()
        cls.story = add_story(
            cls.index, "historien", topics=["unge"], focus_area=cls.culture, housing_area=cls.area
        )

    def add_stories(self, count, start):
        """`count` more stories, each with its own image, author, focus area and topics."""
        for n in range(start, start + count):
            add_story(
                self.index,
                f"historie-{n}",
                topics=["unge", f"emne-{n}"],
                author=PersonFactory(),
                focus_area=FocusAreaPageFactory(parent=self.culture.get_parent(), slug=f"omr-{n}"),
                housing_area=self.area,
            )

    def count_queries(self, url):
        self.client.get(url)  # renditions now exist, as for every visitor but the first
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def assertConstantQueries(self, url):
        self.add_stories(1, start=0)
        baseline = self.count_queries(url)
        self.add_stories(9, start=1)
        self.client.get(url)
        with self.assertNumQueries(baseline):
            self.client.get(url)

    def test_story_index(self):
        self.assertConstantQueries("/da/historier/")

    def test_filtered_story_index(self):
        self.assertConstantQueries("/da/historier/?topic=unge&page=1")

    def test_story_page_with_related_stories(self):
        self.assertConstantQueries("/da/historier/historien/")

    def test_home_page_with_latest_stories(self):
        self.assertConstantQueries("/da/")
