"""Every page type of every app, walked: an editor creates each where it belongs, nowhere else.

The tree is declared on the child side (`parent_page_types`), so no app names another's page
types. This test holds the whole tree in one place, as the editors know it.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from tests.kvarter.helpers import create_site

# Every page type, and the page types an editor may create it under.
TREE = {
    "kvarter.HomePage": {"wagtailcore.Page"},
    "kvarter.PlanPage": {"kvarter.HomePage"},
    "kvarter.FocusAreaPage": {"kvarter.PlanPage"},
    "kvarter.ActivityPage": {"kvarter.FocusAreaPage"},
    "kvarter.StandardPage": {"kvarter.HomePage", "kvarter.PlanPage", "kvarter.StandardPage"},
    "kvarter.NetworkPage": {"kvarter.StandardPage"},
    "kvarter.ContactPage": {"kvarter.HomePage"},
    "arrangementer.EventIndexPage": {"kvarter.HomePage"},
    "arrangementer.EventPage": {"arrangementer.EventIndexPage"},
    "nyheder.StoryIndexPage": {"kvarter.HomePage"},
    "nyheder.StoryPage": {"nyheder.StoryIndexPage"},
    "newsletter.NewsletterIndexPage": {"kvarter.HomePage"},
    "newsletter.NewsletterPage": {"newsletter.NewsletterIndexPage"},
    "agerposten.ArchiveIndexPage": {"kvarter.HomePage"},
    "agerposten.IssuePage": {"agerposten.ArchiveIndexPage"},
    "frivillig.GuideIndexPage": {"kvarter.HomePage"},
    "frivillig.GuidePage": {"frivillig.GuideIndexPage"},
    "frivillig.HelpDeskPage": {"kvarter.HomePage"},
}


def model(label):
    return apps.get_model(label)


def project_page_models():
    return {
        page_model._meta.label
        for page_model in get_page_models()
        if page_model._meta.app_config.name in settings.PROJECT_APPS
    }


class PageTreeRulesTests(WagtailPageTestCase):
    def test_the_tree_names_every_page_type(self):
        self.assertEqual(project_page_models(), set(TREE))

    def test_each_page_type_has_exactly_its_parents(self):
        for child, parents in TREE.items():
            with self.subTest(child):
                self.assertAllowedParentPageTypes(model(child), {model(p) for p in parents})

    def test_each_page_type_has_exactly_its_children(self):
        # Wagtail's plain Page fits anywhere but is never offered to editors: not creatable.
        for parent in {"wagtailcore.Page", *TREE}:
            children = {model(child) for child, parents in TREE.items() if parent in parents}
            with self.subTest(parent):
                self.assertEqual(set(model(parent).creatable_subpage_models()), children)


class EditorCreatesEveryPageTypeTests(WagtailPageTestCase):
    """The admin's "add child page" form opens for each allowed place, and refuses the others."""

    @classmethod
    def setUpTestData(cls):
        cls.home, _locales = create_site()
        # One page of every type that can hold others, each in its own branch, so that
        # singletons (one plan, one archive …) are still free to be created under `home`.
        root = Page.get_first_root_node()
        cls.parents = {"wagtailcore.Page": root, "kvarter.HomePage": cls.home}
        building = root.add_child(instance=model("kvarter.HomePage")(title="Andet", slug="andet"))
        plan = building.add_child(
            instance=model("kvarter.PlanPage")(
                title="Plan",
                slug="plan",
                period_start="2012-07-01",
                period_end="2016-06-30",
                grant_amount=1,
            )
        )
        cls.parents["kvarter.PlanPage"] = plan
        cls.parents["kvarter.FocusAreaPage"] = plan.add_child(
            instance=model("kvarter.FocusAreaPage")(title="Område", slug="omraade")
        )
        cls.parents["kvarter.StandardPage"] = building.add_child(
            instance=model("kvarter.StandardPage")(title="Om", slug="om")
        )
        for label in [
            "arrangementer.EventIndexPage",
            "nyheder.StoryIndexPage",
            "newsletter.NewsletterIndexPage",
            "agerposten.ArchiveIndexPage",
            "frivillig.GuideIndexPage",
        ]:
            page_model = model(label)
            cls.parents[label] = building.add_child(
                instance=page_model(title=label, slug=page_model._meta.model_name)
            )
        cls.editor = get_user_model().objects.create_superuser("redaktion", "r@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def add_form(self, child, parent):
        meta = model(child)._meta
        url = f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/"
        return self.client.get(url).status_code

    def test_every_page_type_can_be_added_where_it_belongs(self):
        for child, parents in TREE.items():
            for parent in parents:
                with self.subTest(child=child, parent=parent):
                    self.assertEqual(self.add_form(child, self.parents[parent]), 200)

    def test_no_page_type_can_be_added_anywhere_else(self):
        for child, parents in TREE.items():
            for parent, parent_page in self.parents.items():
                if parent not in parents:
                    with self.subTest(child=child, parent=parent):
                        self.assertNotEqual(self.add_form(child, parent_page), 200)
