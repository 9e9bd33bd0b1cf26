"""Where an editor may create the archive and its issues."""

from django.contrib.auth import get_user_model

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from agerposten.models import ArchiveIndexPage, IssuePage
from kvarter.models import HomePage, StandardPage
from tests.kvarter.helpers import create_site


class ArchiveTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _locales = create_site()
        cls.editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_archive_goes_under_the_home_page_and_holds_issues(self):
        self.assertAllowedParentPageTypes(ArchiveIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ArchiveIndexPage, {IssuePage})
        self.assertAllowedParentPageTypes(IssuePage, {ArchiveIndexPage})
        self.assertAllowedSubpageTypes(IssuePage, set())
        self.assertCanCreateAt(HomePage, ArchiveIndexPage)
        self.assertCanNotCreateAt(StandardPage, ArchiveIndexPage)

    def test_an_editor_creates_the_archive_under_the_home_page(self):
        self.assertCanCreate(
            self.home,
            ArchiveIndexPage,
            nested_form_data(
                {
                    "title": "Agerposten",
                    "slug": "agerposten",
                    "intro": "Kvarterets egen avis – æøå.",
                    "body": streamfield([("paragraph", rich_text("<p>Alle numre.</p>"))]),
                }
            ),
        )
        archive = ArchiveIndexPage.objects.child_of(self.home).get()
        self.assertEqual(archive.intro, "Kvarterets egen avis – æøå.")
