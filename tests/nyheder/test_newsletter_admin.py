"""The newsletter in Wagtail's admin: subscribers, one-click compose, send, schedule, progress."""

import csv
import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core import mail
from django.test import SimpleTestCase, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import GroupPagePermission

from django_tasks_db.models import DBTaskResult

from nyheder.newsletter.admin_views import local_time
from nyheder.newsletter.constants import STAFF_LANGUAGE_NAMES, hash_email
from nyheder.newsletter.models import (
    ConsentEvent,
    Delivery,
    EditionSend,
    NewsletterPage,
    Subscriber,
    Suppression,
)
from tests.factories import StoryIndexPageFactory
from tests.factories.newsletter import (
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    SubscriberFactory,
)
from tests.factories.nyheder import StoryPageFactory
from tests.kvarter.helpers import create_site, in_admin_language

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


class SendTimeWordingTests(SimpleTestCase):
    def test_a_send_time_reads_as_the_editors_language_writes_dates(self):
        moment = timezone.make_aware(datetime.datetime(2026, 12, 1, 14, 30))
        with translation.override("da"):
            self.assertEqual(local_time(moment), "1. december 2026, 14:30")
        with translation.override("en"):
            self.assertEqual(local_time(moment), "Dec. 1, 2026, 14:30")


class NewsletterAdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.index = NewsletterIndexPageFactory(parent=cls.home)
        cls.edition = NewsletterPageFactory(parent=cls.index, title="Nyhedsbrev november")
        cls.edition.save_revision().publish()
        cls.readers = [
            SubscriberFactory(email=f"{name}@example.org", language=language)
            for name, language in [("da", "da"), ("da2", "da"), ("ar", "ar"), ("en", "en")]
        ]
        cls.waiting = SubscriberFactory(
            email="venter@example.org", status=Subscriber.Status.PENDING
        )
        cls.admin = get_user_model().objects.create_superuser(
            "redaktoer", "redaktoer@example.org", "pw"
        )

    def setUp(self):
        self.client.force_login(self.admin)

    def send_url(self, page=None):
        return reverse("newsletter_admin:send", args=[(page or self.edition).pk])

    def confirmed_send(self, data):
        """Ask to send, then confirm the audience the page named, as an editor does."""
        asked = self.client.post(self.send_url(), data)
        audience = asked.context["confirmation"]["audience"]
        return self.client.post(self.send_url(), {**data, "confirmed_audience": audience})


class SubscriberAdminTests(NewsletterAdminTestCase):
    index_url = reverse("newsletter_subscribers:index")

    def test_the_list_searches_by_address_and_filters_by_status_and_language(self):
        response = self.client.get(self.index_url, {"q": "venter"})
        self.assertContains(response, "venter@example.org")
        self.assertNotContains(response, "ar@example.org")

        response = self.client.get(self.index_url, {"status": "confirmed", "language": "ar"})
        self.assertContains(response, "ar@example.org")
        self.assertNotContains(response, "venter@example.org")
        self.assertNotContains(response, "en@example.org")

    def test_staff_export_the_list_as_csv(self):
        response = self.client.get(self.index_url, {"export": "csv"})

        self.assertEqual(response.status_code, 200)
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        self.assertEqual(len(rows[0]), 5)
        exported = {row[0]: row for row in rows[1:]}
        self.assertEqual(
            set(exported), {s.email for s in [*self.readers, self.waiting]}, "every subscriber"
        )
        self.assertIn("ar", exported["ar@example.org"])

    def test_the_inspect_view_shows_the_consent_log(self):
        reader = self.readers[0]
        reader.log(ConsentEvent.Action.SUBSCRIBED, "sign-up form on /da/nyhedsbrev/", "", "v1")
        reader.confirm(source="confirm link")

        response = self.client.get(reverse("newsletter_subscribers:inspect", args=[reader.pk]))

        self.assertContains(response, "sign-up form on /da/nyhedsbrev/")
        self.assertContains(response, "confirm link")

    def test_staff_cannot_add_or_edit_subscribers(self):
        reader = self.readers[0]
        add = self.client.post(
            reverse("newsletter_subscribers:add"), {"email": "ny@example.org", "language": "da"}
        )
        edit = self.client.post(
            reverse("newsletter_subscribers:edit", args=[reader.pk]),
            {"email": "andet@example.org", "language": "ar"},
        )

        self.assertNotEqual(add.status_code, 200)
        self.assertNotEqual(edit.status_code, 200)
        self.assertFalse(Subscriber.objects.filter(email="ny@example.org").exists())
        reader.refresh_from_db()
        self.assertEqual((reader.email, reader.language), ("da@example.org", "da"))

    def test_deleting_a_subscriber_erases_them_and_keeps_them_suppressed(self):
        reader = self.readers[2]

        response = self.client.post(reverse("newsletter_subscribers:delete", args=[reader.pk]))

        self.assertEqual(response.status_code, 302)
        self.assertFalse(Subscriber.objects.filter(pk=reader.pk).exists())
        self.assertEqual(
            Suppression.objects.get(email_hash=hash_email(reader.email)).reason,
            Suppression.Reason.ERASED,
        )
        erased = ConsentEvent.objects.get(action=ConsentEvent.Action.ERASED)
        self.assertIn(self.admin.username, erased.source)


class ComposeAdminTests(NewsletterAdminTestCase):
    def test_the_newsletter_page_has_a_compose_button(self):
        response = self.client.get(reverse("wagtailadmin_explore", args=[self.index.pk]))

        self.assertContains(response, reverse("newsletter_admin:compose", args=[self.index.pk]))

    def test_one_click_makes_a_draft_and_opens_it(self):
        stories = StoryIndexPageFactory(parent=self.home)
        StoryPageFactory(parent=stories).save_revision().publish()

        response = self.client.post(reverse("newsletter_admin:compose", args=[self.index.pk]))

        draft = NewsletterPage.objects.exclude(pk=self.edition.pk).get()
        self.assertRedirects(response, reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        self.assertFalse(draft.live)
        self.assertEqual(draft.owner, self.admin)

    def test_nothing_new_says_so(self):
        response = self.client.post(reverse("newsletter_admin:compose", args=[self.index.pk]))

        self.assertRedirects(response, reverse("wagtailadmin_explore", args=[self.index.pk]))
        self.assertEqual(
            messages_of(response),
            [
                in_admin_language(
                    "Nothing is new since the last edition was sent, so no draft was made."
                )
            ],
        )
        self.assertEqual(NewsletterPage.objects.count(), 1)

    def test_a_get_composes_nothing(self):
        StoryPageFactory(parent=StoryIndexPageFactory(parent=self.home)).save_revision().publish()

        response = self.client.get(reverse("newsletter_admin:compose", args=[self.index.pk]))

        self.assertEqual(response.status_code, 405)
        self.assertEqual(NewsletterPage.objects.count(), 1)


class SendAdminTests(NewsletterAdminTestCase):
    def test_the_edition_has_a_send_button(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.edition.pk]))

        self.assertContains(response, self.send_url())

    def test_the_send_page_names_the_number_of_subscribers_and_languages(self):
        response = self.client.get(self.send_url())

        confirmed = [r for r in self.readers if r.is_confirmed]
        audience = response.context["audience"]
        self.assertEqual(audience.subscribers, len(confirmed))
        self.assertEqual(audience.language_count, len({r.language for r in confirmed}))
        self.assertContains(response, response.context["audience_text"])
        self.assertIn(self.edition.title, response.context["audience_text"])
        self.assertIn(str(len(confirmed)), response.context["audience_text"])

    def test_a_send_without_confirmation_sends_nothing_and_asks(self):
        response = self.client.post(self.send_url(), {"action": "now"})

        self.assertEqual(response.status_code, 200)
        self.assertFalse(EditionSend.objects.exists())
        self.assertFalse(Delivery.objects.exists())
        self.assertEqual(mail.outbox, [])
        self.assertContains(response, 'name="confirmed_audience"')

    def test_the_confirmation_names_the_readers_in_each_language(self):
        response = self.client.post(self.send_url(), {"action": "now"})

        text = response.context["confirmation"]["text"]
        self.assertContains(response, text)
        self.assertIn(self.edition.title, text)
        self.assertIn(f" {len(self.readers)} ", text)
        languages = {r.language for r in self.readers}
        for language in languages:
            name = in_admin_language(STAFF_LANGUAGE_NAMES[language])
            count = sum(r.language == language for r in self.readers)
            self.assertIn(f"{name} ({count})", text)

    def test_a_stale_confirmation_sends_nothing_and_asks_again(self):
        asked = self.client.post(self.send_url(), {"action": "now"})
        SubscriberFactory(email="ny@example.org", language="so")

        response = self.client.post(
            self.send_url(),
            {"action": "now", "confirmed_audience": asked.context["confirmation"]["audience"]},
        )

        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["confirmation"]["stale"])
        self.assertIn(f" {len(self.readers) + 1} ", response.context["confirmation"]["text"])
        self.assertFalse(Delivery.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_send_now_sends_to_every_confirmed_subscriber(self):
        response = self.confirmed_send({"action": "now"})

        self.assertRedirects(response, self.send_url())
        self.assertCountEqual([m.to[0] for m in mail.outbox], [r.email for r in self.readers])
        self.assertFalse(Delivery.objects.filter(subscriber=self.waiting).exists())

        progress = self.client.get(reverse("newsletter_admin:progress", args=[self.edition.pk]))
        self.assertEqual(progress.json()["sent"], len(self.readers))
        self.assertEqual(progress.json()["status"], EditionSend.Status.FINISHED)

    def test_the_sends_list_leads_to_each_sends_page_and_edits_nothing(self):
        self.confirmed_send({"action": "now"})
        edition_send = EditionSend.objects.get()

        listing = self.client.get(reverse("newsletter_sends:index"))
        edit = self.client.post(
            reverse("newsletter_sends:edit", args=[edition_send.pk]), {"scheduled_for": ""}
        )

        self.assertContains(listing, f'href="{self.send_url()}"')
        self.assertContains(listing, "Nyhedsbrev november")
        self.assertNotEqual(edit.status_code, 200)
        self.assertNotContains(listing, reverse("newsletter_sends:add"))

    def test_the_newsletter_menu_holds_subscribers_and_sends(self):
        dashboard = self.client.get(reverse("wagtailadmin_home")).content.decode()

        self.assertIn(reverse("newsletter_subscribers:index"), dashboard)
        self.assertIn(reverse("newsletter_sends:index"), dashboard)

    def test_an_unpublished_edition_cannot_be_sent(self):
        self.edition.unpublish()

        page = self.client.get(self.send_url())
        self.assertContains(page, in_admin_language("Publish the edition before you send it."))
        self.assertNotContains(page, 'value="now"')

        response = self.client.post(self.send_url(), {"action": "now"})
        self.assertEqual(
            messages_of(response), [in_admin_language("Publish the edition before you send it.")]
        )
        self.assertFalse(Delivery.objects.exists())
        self.assertEqual(mail.outbox, [])

    @override_settings(TASKS=DATABASE_TASKS)
    def test_scheduling_queues_the_send_for_that_time(self):
        when = timezone.localtime() + datetime.timedelta(days=2)
        when = when.replace(second=0, microsecond=0)

        data = {"action": "schedule", "send_at": when.strftime("%Y-%m-%d %H:%M")}
        asked = self.client.post(self.send_url(), data)
        self.assertFalse(EditionSend.objects.exists())
        self.assertIn(str(len(self.readers)), asked.context["confirmation"]["text"])

        response = self.confirmed_send(data)

        self.assertRedirects(response, self.send_url())
        send = EditionSend.objects.get(edition=self.edition)
        self.assertEqual((send.status, send.scheduled_for), (EditionSend.Status.SCHEDULED, when))
        task = DBTaskResult.objects.get(task_path__endswith="start_scheduled_send")
        self.assertEqual(task.run_after, when)
        self.assertFalse(Delivery.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_a_time_in_the_past_cannot_be_scheduled(self):
        past = timezone.localtime() - datetime.timedelta(hours=1)

        response = self.client.post(
            self.send_url(), {"action": "schedule", "send_at": past.strftime("%Y-%m-%d %H:%M")}
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, in_admin_language("Choose a time in the future."))
        self.assertFalse(EditionSend.objects.exists())

    def test_an_editor_who_cannot_publish_cannot_send(self):
        editors = Group.objects.create(name="Skribenter")
        editors.permissions.add(Permission.objects.get(codename="access_admin"))
        GroupPagePermission.objects.create(
            group=editors, page=self.home, permission=Permission.objects.get(codename="change_page")
        )
        writer = get_user_model().objects.create_user("skribent", "skribent@example.org", "pw")
        writer.groups.add(editors)
        self.client.force_login(writer)

        page = self.client.get(self.send_url())
        response = self.client.post(self.send_url(), {"action": "now"})

        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, 'value="now"')
        # Wagtail answers a PermissionDenied in the admin with its dashboard and a message.
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertFalse(Delivery.objects.exists())

    def test_a_test_goes_to_me_in_the_chosen_language(self):
        response = self.client.post(
            reverse("newsletter_admin:send_test", args=[self.edition.pk]), {"language": "ar"}
        )

        self.assertRedirects(response, self.send_url())
        self.assertEqual([m.to for m in mail.outbox], [[self.admin.email]])
        self.assertFalse(Delivery.objects.exists())

    def test_without_an_address_on_my_account_no_test_is_sent(self):
        self.admin.email = ""
        self.admin.save()

        response = self.client.post(
            reverse("newsletter_admin:send_test", args=[self.edition.pk]), {"language": "da"}
        )

        self.assertEqual(
            messages_of(response),
            [
                in_admin_language(
                    "Your account has no e-mail address. Add one in your account settings first."
                )
            ],
        )
        self.assertEqual(mail.outbox, [])
