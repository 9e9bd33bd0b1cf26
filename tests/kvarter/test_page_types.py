"""Editors create the base app's page types in the admin (tree rules: tests/test_page_tree.py)."""

import datetime

from django.contrib.auth import get_user_model

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from kvarter.models import ActivityPage, ContactPage, NetworkPage, PlanPage, StandardPage
from tests.factories import (
    FocusAreaPageFactory,
    PartnerFactory,
    PlanPageFactory,
    StandardPageFactory,
)
from tests.kvarter.helpers import create_site


class EditorCreatesPagesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.partner = PartnerFactory(name="Landsbyggefonden")
        cls.editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_editor_creates_a_plan_with_funding_partners(self):
        self.assertCanCreate(
            self.home,
            PlanPage,
            nested_form_data(
                {
                    "title": "Mennesker i Fokus",
                    "slug": "mennesker-i-fokus",
                    "intro": "Planen for 2012–2016.",
                    "period_start": "2012-07-01",
                    "period_end": "2016-06-30",
                    "grant_amount": "13300000",
                    "funding_shares": inline_formset(
                        [{"partner": self.partner.pk, "share_percent": "75.00"}]
                    ),
                    "documents": inline_formset([]),
                    "body": streamfield([("heading", {"text": "Visionen", "level": "h2"})]),
                }
            ),
        )
        plan = PlanPage.objects.get(slug="mennesker-i-fokus")
        self.assertEqual(plan.period_start, datetime.date(2012, 7, 1))
        self.assertEqual(plan.funding_shares.get().partner, self.partner)

    def test_a_plan_that_ends_before_it_starts_is_refused(self):
        response = self.client.post(
            f"/admin/pages/add/kvarter/planpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title": "Baglæns plan",
                    "slug": "baglaens",
                    "period_start": "2016-06-30",
                    "period_end": "2012-07-01",
                    "grant_amount": "1000",
                    "funding_shares": inline_formset([]),
                    "documents": inline_formset([]),
                    "body": streamfield([]),
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("period_end", response.context["form"].errors)
        self.assertFalse(PlanPage.objects.filter(slug="baglaens").exists())

    def test_editor_creates_an_activity_in_a_focus_area(self):
        focus_area = FocusAreaPageFactory(parent=PlanPageFactory(parent=self.home))
        self.assertCanCreate(
            focus_area,
            ActivityPage,
            nested_form_data(
                {
                    "title": "De Aktive Unge",
                    "slug": "de-aktive-unge",
                    "when": "Onsdage",
                    "body": streamfield([]),
                }
            ),
        )

    def test_editor_creates_a_network_and_a_contact_page(self):
        networks = StandardPageFactory(parent=self.home, title="Kvarternetværk")
        self.assertCanCreate(
            networks,
            NetworkPage,
            nested_form_data(
                {
                    "title": "Netværket i Agerhusene",
                    "slug": "agerhusene",
                    "participants": "Afdelingsbestyrelsen\nPolitiet",
                    "body": streamfield([]),
                }
            ),
        )
        self.assertCanCreate(
            self.home,
            ContactPage,
            nested_form_data(
                {
                    "title": "Kontakt",
                    "slug": "kontakt",
                    "contact_people": inline_formset([]),
                    "body": streamfield([]),
                }
            ),
        )

    def test_only_one_plan_and_one_contact_page_per_language(self):
        PlanPageFactory(parent=self.home)
        self.assertFalse(PlanPage.can_create_at(self.home))
        self.assertTrue(StandardPage.can_create_at(self.home))
