"""Signing up: double opt-in, no enumeration, flood protection, and the form on every page."""

import datetime
import re
import time
from io import StringIO
from unittest import mock
from urllib.parse import urlsplit

from django.core import mail, signing
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Site

from kvarter import spam
from nyheder.newsletter.constants import CONSENT_VERSION, hash_email
from nyheder.newsletter.models import ConsentEvent, Subscriber, Suppression
from nyheder.newsletter.models.subscribers import hash_ip
from nyheder.newsletter.tokens import CONFIRM_SALT, confirm_token, preferences_token
from tests.factories import EventPageFactory, StoryIndexPageFactory, StoryPageFactory
from tests.factories.newsletter import (
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    SubscriberFactory,
)
from tests.kvarter.helpers import create_site, translate

SIGN_UP_URL = "/da/nyhedsbrev/tilmeld/"
THANKS_URL = "/da/nyhedsbrev/tilmeld/tak/"


def link_in(message, name):
    """The path of the newsletter link `name` (e.g. "bekraeft") in both parts of a mail."""
    pattern = rf"https?://[^\s\"'<>]+/nyhedsbrev/{name}/[^\s\"'<>]+/"
    text_links = re.findall(pattern, message.body)
    html_links = re.findall(pattern, message.alternatives[0].content)
    assert text_links, f"no {name} link in the text part"
    assert set(text_links) == set(html_links), "the text and HTML parts link differently"
    return urlsplit(text_links[0]).path


def main_content(response):
    """The page's <main>: what the reader is told, without the header's language links."""
    return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)


class SignUpTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()

    def setUp(self):
        cache.clear()  # the rate limit counts in the cache

    def sign_up(self, email, language="da", url=SIGN_UP_URL, **fields):
        data = {"email": email, "language": language, "consent": "on", "website": "", **fields}
        return self.client.post(url, data)


class DoubleOptInTests(SignUpTestCase):
    def test_a_resident_signs_up_on_the_arabic_site_and_confirms_from_the_mail(self):
        response = self.sign_up("Layla.Hassan@Ærø.dk", language="ar", url="/ar/nyhedsbrev/tilmeld/")
        self.assertRedirects(response, "/ar/nyhedsbrev/tilmeld/tak/")
        self.assertContains(self.client.get(response["Location"]), 'dir="rtl"')

        subscriber = Subscriber.objects.get()
        self.assertEqual(subscriber.email, "layla.hassan@ærø.dk")
        self.assertEqual(subscriber.language, "ar")
        self.assertEqual(subscriber.status, Subscriber.Status.PENDING)
        signed_up = subscriber.consent_events.get()
        self.assertEqual(signed_up.action, ConsentEvent.Action.SUBSCRIBED)
        self.assertEqual(signed_up.consent_version, CONSENT_VERSION)
        self.assertEqual(signed_up.ip_hash, hash_ip("127.0.0.1"))
        self.assertTrue(signed_up.source)

        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["layla.hassan@ærø.dk"])
        confirm_path = link_in(mail.outbox[0], "bekraeft")
        self.assertTrue(confirm_path.startswith("/ar/"))

        page = self.client.get(confirm_path)
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, 'dir="rtl"')
        self.assertContains(page, 'method="post"')
        subscriber.refresh_from_db()
        self.assertEqual(subscriber.status, Subscriber.Status.PENDING)

        confirmed = self.client.post(confirm_path)
        self.assertEqual(confirmed.status_code, 200)
        subscriber.refresh_from_db()
        self.assertTrue(subscriber.is_confirmed)
        self.assertEqual(
            list(subscriber.consent_events.order_by("pk").values_list("action", flat=True)),
            [ConsentEvent.Action.SUBSCRIBED, ConsentEvent.Action.CONFIRMED],
        )
        self.assertEqual(len(mail.outbox), 2)
        preferences_path = link_in(mail.outbox[1], "indstillinger")
        self.assertContains(confirmed, f'href="{preferences_path}"')
        self.assertEqual(self.client.get(preferences_path).status_code, 200)

    def test_opening_the_confirm_link_does_not_confirm(self):
        self.sign_up("scanner@example.org")
        confirm_path = link_in(mail.outbox[0], "bekraeft")
        for _ in range(3):  # what a mail provider's link scanner does
            self.assertEqual(self.client.get(confirm_path).status_code, 200)
            self.client.head(confirm_path)
        self.assertEqual(Subscriber.objects.get().status, Subscriber.Status.PENDING)
        self.assertEqual(len(mail.outbox), 1)
        self.assertFalse(ConsentEvent.objects.filter(action=ConsentEvent.Action.CONFIRMED))

    def test_confirming_twice_confirms_once_and_welcomes_once(self):
        self.sign_up("twice@example.org")
        confirm_path = link_in(mail.outbox[0], "bekraeft")
        first = self.client.post(confirm_path)
        second = self.client.post(confirm_path)
        again = self.client.get(confirm_path)
        self.assertEqual(main_content(first), main_content(second))
        self.assertEqual(main_content(first), main_content(again))
        self.assertEqual(len(mail.outbox), 2)
        self.assertEqual(
            ConsentEvent.objects.filter(action=ConsentEvent.Action.CONFIRMED).count(), 1
        )

    def test_an_unsubscribed_reader_who_signs_up_again_must_confirm_again(self):
        reader = SubscriberFactory(email="back@example.org", status=Subscriber.Status.UNSUBSCRIBED)
        Suppression.add(reader.email, Suppression.Reason.UNSUBSCRIBED)
        self.sign_up("back@example.org", language="tr")
        reader.refresh_from_db()
        self.assertEqual(reader.status, Subscriber.Status.PENDING)
        self.assertEqual(reader.language, "tr")
        self.assertTrue(Suppression.is_suppressed(reader.email))  # until they confirm

        self.client.post(link_in(mail.outbox[0], "bekraeft"))
        reader.refresh_from_db()
        self.assertTrue(reader.is_confirmed)
        self.assertFalse(Suppression.is_suppressed(reader.email))

    def test_leaving_wins_over_an_older_confirm_link(self):
        self.sign_up("leaver@example.org")
        old_confirm_path = link_in(mail.outbox[0], "bekraeft")
        self.client.post(old_confirm_path)
        # What the mail program posts for the List-Unsubscribe header of any newsletter.
        token = preferences_token(Subscriber.objects.get())
        self.client.post(f"/da/nyhedsbrev/afmeld/{token}/", {"List-Unsubscribe": "One-Click"})

        for method in (self.client.get, self.client.post):
            self.assertEqual(method(old_confirm_path).status_code, 404)
        reader = Subscriber.objects.get()
        self.assertEqual(reader.status, Subscriber.Status.UNSUBSCRIBED)
        self.assertTrue(Suppression.is_suppressed(reader.email))

    def test_after_leaving_a_new_sign_up_sends_a_link_that_works(self):
        self.sign_up("return@example.org")
        first_link = link_in(mail.outbox[0], "bekraeft")
        reader = Subscriber.objects.get()
        reader.unsubscribe(source="test")
        later = timezone.now() + datetime.timedelta(minutes=5)
        with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
            self.sign_up("return@example.org")
            new_link = link_in(mail.outbox[-1], "bekraeft")
            self.assertEqual(self.client.post(first_link).status_code, 404)
            self.client.post(new_link)
        reader.refresh_from_db()
        self.assertTrue(reader.is_confirmed)


class BadLinkTests(SignUpTestCase):
    def test_forged_expired_and_erased_links_get_the_same_friendly_page(self):
        reader = SubscriberFactory(status=Subscriber.Status.PENDING)
        good = confirm_token(reader)
        forged = good[:-2] + ("AA" if not good.endswith("AA") else "BB")
        eight_days_ago = time.time() - 8 * 24 * 60 * 60
        with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
            expired = signing.TimestampSigner(salt=CONFIRM_SALT).sign(reader.key)
        erased_reader = SubscriberFactory(status=Subscriber.Status.PENDING)
        erased = confirm_token(erased_reader)
        erased_reader.erase(source="test")

        responses = [
            self.client.get(f"/ur/nyhedsbrev/bekraeft/{token}/")
            for token in [forged, expired, erased, "not-a-token"]
        ]
        for response in responses:
            self.assertEqual(response.status_code, 404)
            self.assertContains(response, 'dir="rtl"', status_code=404)
            self.assertEqual(main_content(response), main_content(responses[0]))
        self.assertNotIn(reader.email, responses[0].content.decode())

        for token in [forged, expired, erased]:
            self.assertEqual(self.client.post(f"/da/nyhedsbrev/bekraeft/{token}/").status_code, 404)
        reader.refresh_from_db()
        self.assertEqual(reader.status, Subscriber.Status.PENDING)


class EnumerationAndFloodTests(SignUpTestCase):
    def test_every_kind_of_address_gets_the_same_answer(self):
        SubscriberFactory(email="pending@example.org", status=Subscriber.Status.PENDING)
        SubscriberFactory(email="member@example.org", language="so")
        SubscriberFactory(email="left@example.org", status=Subscriber.Status.UNSUBSCRIBED)
        responses = [
            self.sign_up(address, language="en")
            for address in [
                "new@example.org",
                "pending@example.org",
                "member@example.org",
                "left@example.org",
            ]
        ]
        for response in responses:
            self.assertEqual(response.status_code, responses[0].status_code)
            self.assertEqual(response["Location"], responses[0]["Location"])
            self.assertEqual(response.content, responses[0].content)
            self.assertEqual(response.cookies.keys(), responses[0].cookies.keys())

        # Only each mailbox's owner learns the difference, from the mail they get.
        self.assertEqual(len(mail.outbox), 4)
        member_mail = next(m for m in mail.outbox if m.to == ["member@example.org"])
        link_in(member_mail, "indstillinger")
        self.assertNotIn("/bekraeft/", member_mail.body)
        # A stranger cannot change a subscriber's language by signing them up again.
        self.assertEqual(Subscriber.objects.get(email="member@example.org").language, "so")
        self.assertTrue(Subscriber.objects.get(email="member@example.org").is_confirmed)

    def test_at_most_three_mails_a_day_go_to_one_address(self):
        for address in ["flood@example.org", "FLOOD@example.org ", "flood@example.org"] * 2:
            cache.clear()  # not the per-IP limit: many IPs can target one address
            self.assertRedirects(self.sign_up(address), THANKS_URL)
        self.assertEqual(len(mail.outbox), 3)
        self.assertEqual(Subscriber.objects.count(), 1)

        # A day later the address may get a mail again.
        ConsentEvent.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
        self.sign_up("flood@example.org")
        self.assertEqual(len(mail.outbox), 4)

    def test_many_sign_ups_from_one_ip_are_refused_with_429(self):
        rate = int(spam.POST_RATE.split("/")[0])
        # One rate window for the whole test, however slow the database.
        with mock.patch("django_ratelimit.core._get_window", return_value=0):
            statuses = [self.sign_up(f"reader{n}@example.org").status_code for n in range(rate + 2)]
        self.assertEqual(statuses, [302] * rate + [429, 429])
        self.assertEqual(Subscriber.objects.count(), rate)

    def test_a_bot_filling_the_honeypot_is_told_it_worked_but_nothing_happens(self):
        response = self.sign_up("bot@example.org", website="https://spam.example")
        self.assertRedirects(response, THANKS_URL)
        self.assertFalse(Subscriber.objects.exists())
        self.assertFalse(ConsentEvent.objects.exists())
        self.assertEqual(mail.outbox, [])


class FormErrorTests(SignUpTestCase):
    def test_an_invalid_address_is_explained_in_arabic_and_the_input_kept(self):
        response = self.sign_up("ikke-en-adresse", language="ar", url="/ar/nyhedsbrev/tilmeld/")
        self.assertEqual(response.status_code, 200)
        with translation.override("ar"):
            expected = translation.gettext("Enter a valid email address.")
        self.assertNotEqual(expected, "Enter a valid email address.")  # Django's Arabic catalogue
        self.assertContains(response, expected)
        self.assertContains(response, 'value="ikke-en-adresse"')
        self.assertContains(response, 'id="form-errors"')
        self.assertContains(response, 'href="#newsletter-email"')
        self.assertContains(response, 'dir="rtl"')
        self.assertFalse(Subscriber.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_signing_up_needs_consent_and_a_known_language(self):
        response = self.sign_up("ok@example.org", consent="", language="xx")
        form = response.context["form"]
        self.assertIn("consent", form.errors)
        self.assertIn("language", form.errors)
        self.assertFalse(Subscriber.objects.exists())


class FormOnEveryPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        index = StoryIndexPageFactory(parent=cls.home)
        cls.story = StoryPageFactory(parent=index, slug="gaarden", title="Gården")
        cls.ar_story = translate(cls.story, cls.locales["ar"], title="الفناء")
        # The first page view would create the site settings, and so start a new cache generation.
        for setting in settings_registry:
            setting.for_site(Site.objects.get(is_default_site=True))

    def setUp(self):
        cache.clear()

    def test_the_footer_of_a_story_page_links_to_the_sign_up_page(self):
        page = self.client.get("/da/historier/gaarden/")
        # One form per page: the footer links to the form rather than repeating it.
        self.assertContains(page, 'href="/da/nyhedsbrev/tilmeld/"')
        self.assertNotContains(page, 'class="newsletter-form"')

    def test_the_home_page_form_signs_a_reader_up(self):
        page = self.client.get("/da/")
        self.assertContains(page, 'action="/da/nyhedsbrev/tilmeld/"')
        self.assertContains(page, 'id="home-newsletter-email"')
        self.assertNotContains(page, "csrfmiddlewaretoken")

        response = self.client.post(
            "/da/nyhedsbrev/tilmeld/",
            {"email": "footer@example.org", "language": "da", "consent": "on", "website": ""},
        )
        self.assertRedirects(response, THANKS_URL)
        self.assertEqual(mail.outbox[0].to, ["footer@example.org"])

    def test_the_arabic_page_is_right_to_left_and_offers_arabic_first(self):
        page = self.client.get("/ar/")
        self.assertContains(page, 'dir="rtl"')
        self.assertContains(page, '<option value="ar" selected>')

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_the_form_keeps_pages_cacheable(self):
        self.client.get("/da/historier/gaarden/")
        self.assertEqual(self.client.get("/da/historier/gaarden/")["X-Page-Cache"], "hit")

    def test_the_home_page_has_one_form_with_unique_ids(self):
        html = self.client.get("/da/").content.decode()
        self.assertEqual(html.count('class="newsletter-form"'), 1)
        self.assertIn('id="home-newsletter-email"', html)
        ids = re.findall(r'\bid="([^"]+)"', html)
        self.assertEqual(len(ids), len(set(ids)))

    def test_the_sign_up_page_holds_its_own_form_only(self):
        html = self.client.get("/da/nyhedsbrev/tilmeld/").content.decode()
        self.assertEqual(html.count('class="newsletter-form"'), 1)

    def test_the_address_field_reads_left_to_right_on_a_right_to_left_page(self):
        page = self.client.get("/ar/")
        self.assertContains(page, 'id="home-newsletter-email"')
        self.assertRegex(page.content.decode(), r'<input type="email"[^>]* dir="ltr"[^>]*id="home')


class NewsletterPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()

    def test_the_sign_up_page_works_without_a_newsletter_page(self):
        response = self.client.get(SIGN_UP_URL)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'id="newsletter-email"')
        self.assertIsNone(response.context["newsletter_page"])

    def test_the_newsletter_page_has_the_form_and_the_archive(self):
        index = NewsletterIndexPageFactory(parent=self.home)
        sent = NewsletterPageFactory(parent=index, title="Nyhedsbrev marts")
        draft = NewsletterPageFactory(parent=index, title="Kladde april", live=False)
        response = self.client.get("/da/nyhedsbrev/")
        self.assertContains(response, 'id="newsletter-email"')
        self.assertContains(response, sent.title)
        self.assertNotContains(response, draft.title)
        self.assertContains(self.client.get(SIGN_UP_URL), 'href="/da/nyhedsbrev/"')

    def test_the_archive_renders_with_the_same_queries_for_2_or_20_editions(self):
        index = NewsletterIndexPageFactory(parent=self.home)
        counts = []
        for total in [2, 20]:
            while index.get_children().count() < total:
                NewsletterPageFactory(parent=index)
            self.client.get("/da/nyhedsbrev/")  # site settings and renditions, made once
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get("/da/nyhedsbrev/")
            self.assertEqual(len(response.context["editions"]), total)
            counts.append(len(queries))
        self.assertEqual(counts[0], counts[1])

    def test_an_edition_shows_its_live_items_and_leaves_out_the_rest(self):
        index = NewsletterIndexPageFactory(parent=self.home)
        stories = StoryIndexPageFactory(parent=self.home)
        story = StoryPageFactory(parent=stories, slug="hoest", title="Høstfest i gården")
        gone = StoryPageFactory(parent=stories, slug="gone", title="Afpubliceret historie")
        event = EventPageFactory(parent__parent=self.home, title="Lektiecafé")
        day = timezone.localtime(event.start).date()
        edition = NewsletterPageFactory(
            parent=index,
            slug="marts",
            items=[
                ("story", {"story": story}),
                ("story", {"story": gone}),
                ("event", {"event": event, "first_date": day, "last_date": day}),
            ],
        )
        gone.unpublish()
        response = self.client.get(f"/da/nyhedsbrev/{edition.slug}/")
        self.assertContains(response, story.title)
        self.assertContains(response, story.url)
        self.assertNotContains(response, gone.title)
        self.assertContains(response, event.title)
        self.assertContains(response, f'datetime="{timezone.localtime(event.start).isoformat()}"')


class PurgeTests(SignUpTestCase):
    def test_purge_deletes_only_sign_ups_left_unconfirmed_for_a_week(self):
        self.sign_up("forgot@example.org")
        self.sign_up("came-back@example.org")
        confirmed = SubscriberFactory(email="member@example.org")
        eight_days_ago = timezone.now() - datetime.timedelta(days=8)
        Subscriber.objects.update(created_at=eight_days_ago)
        ConsentEvent.objects.update(created_at=eight_days_ago)
        # Signed up again today: their new link is still valid.
        self.sign_up("came-back@example.org")
        self.sign_up("fresh@example.org")

        out = StringIO()
        call_command("newsletter_purge", stdout=out)
        self.assertEqual(re.search(r"\d+", out.getvalue()).group(0), "1")
        self.assertEqual(
            set(Subscriber.objects.values_list("email", flat=True)),
            {"came-back@example.org", "fresh@example.org", confirmed.email},
        )
        # The log of the purged sign-up stays, without the address.
        left = ConsentEvent.objects.filter(email_hash=hash_email("forgot@example.org")).get()
        self.assertIsNone(left.subscriber)
