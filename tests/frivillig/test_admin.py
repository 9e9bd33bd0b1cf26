"""Staff work through help requests in the admin: filters, answering, and the CSV export."""

import csv
import io
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext

from frivillig.models import HelpRequest
from tests.factories.frivillig import GuidePageFactory, HelpRequestFactory
from tests.frivillig.helpers import create_volunteer_site


class HelpRequestAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.index, cls.desk = create_volunteer_site()
        cls.guide = GuidePageFactory(parent=cls.index, slug="start-en-forening")
        cls.new_ar = HelpRequestFactory(page=cls.desk, name="Amal", language="ar")
        cls.new_da = HelpRequestFactory(page=cls.desk, name="Søren Ærø", language="da")
        cls.closed = HelpRequestFactory(
            page=cls.desk, name="Ayşe", language="tr", status=HelpRequest.Status.CLOSED
        )
        cls.staff = get_user_model().objects.create_superuser(
            "staff", "staff@example.org", "password"
        )

    def setUp(self):
        self.client.force_login(self.staff)

    def names(self, query=""):
        response = self.client.get(reverse("help_requests:index") + query)
        self.assertEqual(response.status_code, 200)
        return {item.name for item in response.context["object_list"]}

    def test_filters_by_status_and_language(self):
        self.assertEqual(self.names(), {"Amal", "Søren Ærø", "Ayşe"})
        self.assertEqual(self.names("?status=new"), {"Amal", "Søren Ærø"})
        self.assertEqual(self.names("?language=ar"), {"Amal"})
        self.assertEqual(self.names("?status=closed&language=tr"), {"Ayşe"})

    def test_search(self):
        self.assertEqual(self.names("?q=Amal"), {"Amal"})

    def test_csv_export(self):
        response = self.client.get(reverse("help_requests:index") + "?export=csv&status=new")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"].split(";")[0], "text/csv")
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(content)))
        # Headings are the field names in the admin's language (Danish by default).
        with translation.override("da"):
            heading = capfirst(HelpRequest._meta.get_field("name").verbose_name)
        names = {row[rows[0].index(heading)] for row in rows[1:]}
        self.assertEqual(names, {"Amal", "Søren Ærø"})

    def test_answering_and_closing_a_request(self):
        url = reverse("help_requests:edit", args=[self.new_ar.pk])
        form = self.client.get(url)
        self.assertContains(form, self.new_ar.description)
        response = self.client.post(
            url,
            {
                "status": "closed",
                "assigned_to": self.staff.pk,
                "answer": "Vi har booket beboerhuset til jer.",
                "answer_guide": self.guide.pk,
                "internal_notes": "Ringet op tirsdag.",
            },
        )
        self.assertRedirects(response, reverse("help_requests:index"))
        self.assertEqual(mail.outbox, [])  # closing tells the resident nothing
        self.new_ar.refresh_from_db()
        self.assertEqual(self.new_ar.status, HelpRequest.Status.CLOSED)
        self.assertEqual(self.new_ar.answer_guide, self.guide)
        self.assertIsNotNone(self.new_ar.closed_at)
        # What the resident wrote cannot be changed by staff.
        self.assertEqual(self.new_ar.name, "Amal")

    def test_marking_a_request_answered_tells_the_resident_in_their_language(self):
        url = reverse("help_requests:edit", args=[self.new_ar.pk])
        data = {"status": "answered", "answer": "Velkommen!", "internal_notes": ""}
        self.client.post(url, data)
        (notice,) = mail.outbox
        self.assertEqual(notice.to, [self.new_ar.email])
        with translation.override("ar"):
            self.assertEqual(notice.subject, gettext("We have answered your request"))
        status_path = re.search(r"http://localhost(/\S+/status/\S+/)", notice.body).group(1)
        self.client.logout()
        self.assertContains(self.client.get(status_path), "Velkommen!")
        # Saving again without changing the status sends nothing more.
        self.client.force_login(self.staff)
        self.client.post(url, {**data, "internal_notes": "Fulgt op."})
        self.assertEqual(len(mail.outbox), 1)

    def test_reopening_clears_the_closed_time(self):
        self.closed.status = HelpRequest.Status.IN_PROGRESS
        self.closed.save()
        self.assertIsNone(self.closed.closed_at)

    def test_staff_cannot_add_requests(self):
        response = self.client.get(reverse("help_requests:index"))
        self.assertNotContains(response, reverse("help_requests:add"))

    def test_help_desk_is_not_listed_with_generic_form_submissions(self):
        response = self.client.get(reverse("wagtailforms:index"))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, self.desk.title)
