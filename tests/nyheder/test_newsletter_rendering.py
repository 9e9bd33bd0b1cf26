"""The edition mail and the subscriber mails: languages, direction, links, images and size."""

from html.parser import HTMLParser
from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import RequestFactory, TestCase
from django.utils import timezone, translation

from wagtail.models import Site

from kvarter.mail import site_root_url
from kvarter.models import SiteSettings
from nyheder.newsletter import links, mails
from nyheder.newsletter.constants import TOKEN_PLACEHOLDER
from nyheder.newsletter.messages import MessageTemplate
from nyheder.newsletter.models import Delivery, Subscriber
from nyheder.newsletter.rendering import GMAIL_CLIP_BYTES, STORY_IMAGE_SPEC, render_edition
from nyheder.newsletter.tokens import preferences_token
from tests.factories import EventIndexPageFactory, EventPageFactory, ImageFactory
from tests.factories.agerposten import ArchiveIndexPageFactory, make_issue
from tests.factories.newsletter import (
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    SubscriberFactory,
)
from tests.kvarter.helpers import translate
from tests.nyheder.helpers import add_story, create_story_site

POSTAL_ADDRESS = "Charlottegården 1\n2630 Høje-Taastrup"


class MailHTML(HTMLParser):
    """The parts of a mail's HTML the tests look at: the root, texts with a dir, images, links."""

    def __init__(self, html):
        super().__init__()
        self.root = {}
        self.directed = []
        self.images = []
        self.links = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.root = attrs
        if "dir" in attrs and tag != "html":
            self.directed.append(attrs)
        if tag == "img":
            self.images.append(attrs)
        if tag == "a":
            self.links.append(attrs["href"])


def in_language(language, message):
    with translation.override(language):
        return translation.gettext(message)


class EditionTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.stories, _culture, _area = create_story_site()
        SiteSettings.objects.update_or_create(
            site=Site.objects.get(is_default_site=True), defaults={"address": POSTAL_ADDRESS}
        )
        cls.events = EventIndexPageFactory(parent=cls.home)
        cls.newsletters = NewsletterIndexPageFactory(parent=cls.home)
        cls.story = add_story(
            cls.stories,
            "haven",
            title="Æbler i fælleshaven",
            intro="Høst på Ågade & omegn.",
            image=ImageFactory(file__width=1600, file__height=1000),
        )
        cls.plain_story = add_story(cls.stories, "uden-billede", title="Ny bænk", image=None)
        cls.event = EventPageFactory(parent=cls.events, title="Lektiecafé")
        cls.event_day = timezone.localtime(cls.event.start).date()
        cls.issue = make_issue(ArchiveIndexPageFactory(parent=cls.home), 41)
        cls.edition = NewsletterPageFactory(
            parent=cls.newsletters,
            title="Nyhedsbrev juni",
            preheader="Sommer i kvarteret",
            items=[
                ("story", {"story": cls.story}),
                ("story", {"story": cls.plain_story}),
                (
                    "event",
                    {"event": cls.event, "first_date": cls.event_day, "last_date": cls.event_day},
                ),
                ("issue", {"issue": cls.issue}),
            ],
        )


class DirectionTests(EditionTestCase):
    def assert_direction(self, html, language, direction):
        parsed = MailHTML(html)
        self.assertEqual((parsed.root["lang"], parsed.root["dir"]), (language, direction))
        # The text carries the direction too: clients that drop the <html> element keep it.
        self.assertTrue(parsed.directed)
        self.assertIn(f'dir="{direction}"', html.split("<body", 1)[1])

    def test_danish_edition_is_left_to_right(self):
        rendered = render_edition(self.edition, "da")
        self.assert_direction(rendered.html, "da", "ltr")
        self.assertNotIn('dir="rtl"', rendered.html)
        self.assertIn("text-align:left", rendered.html)
        self.assertEqual(rendered.subject, "Nyhedsbrev juni")
        self.assertEqual(rendered.preheader, "Sommer i kvarteret")

    def test_arabic_and_urdu_translations_are_right_to_left(self):
        titles = {"ar": "النشرة الإخبارية لشهر يونيو", "ur": "جون کا نیوز لیٹر"}
        for language, title in titles.items():
            translate(self.edition, self.locales[language], title=title, preheader="")
            with self.subTest(language):
                rendered = render_edition(self.edition, language)
                self.assert_direction(rendered.html, language, "rtl")
                self.assertIn("text-align:right", rendered.html)
                self.assertEqual(rendered.subject, title)
                # No preheader in the translation: none rather than the intro shown below it.
                self.assertEqual(rendered.preheader, "")
                self.assertIn(title, rendered.text)

    def test_untranslated_story_in_an_arabic_edition_is_marked_danish(self):
        translate(self.edition, self.locales["ar"], title="النشرة الإخبارية")
        parsed = MailHTML(render_edition(self.edition, "ar").html)
        self.assertIn({"lang": "da", "dir": "ltr"}, parsed.directed)


class FallbackTests(EditionTestCase):
    def test_language_without_translation_gets_danish_with_a_note(self):
        rendered = render_edition(self.edition, "tr")
        parsed = MailHTML(rendered.html)
        # The mail is the reader's; the Danish edition inside it is marked.
        self.assertEqual((parsed.root["lang"], parsed.root["dir"]), ("tr", "ltr"))
        self.assertIn({"lang": "da", "dir": "ltr"}, parsed.directed)
        # A Danish preheader would be the first thing the reader sees in the inbox.
        self.assertEqual(rendered.preheader, "")
        self.assertEqual(rendered.subject, "Nyhedsbrev juni")
        note = in_language(
            "tr", "This newsletter is not yet available in %(language)s, so you get it in Danish."
        ) % {"language": "Türkçe"}
        self.assertIn(note, rendered.html)
        self.assertIn(note, rendered.text)
        self.assertIn({"lang": "tr", "dir": "ltr"}, parsed.directed)

    def test_arabic_reader_of_a_danish_edition_gets_the_note_right_to_left(self):
        rendered = render_edition(self.edition, "ar")
        parsed = MailHTML(rendered.html)
        self.assertEqual((parsed.root["lang"], parsed.root["dir"]), ("ar", "rtl"))
        self.assertIn({"lang": "da", "dir": "ltr"}, parsed.directed)
        self.assertIn("العربية", rendered.html)

    def test_danish_readers_get_no_note(self):
        rendered = render_edition(self.edition, "da")
        self.assertNotIn("Danish", rendered.text)
        self.assertNotIn("dansk", rendered.text)

    def test_items_with_a_translation_come_in_the_readers_language(self):
        story = translate(self.story, self.locales["ar"], title="تفاح في الحديقة المشتركة")
        event = translate(self.event, self.locales["ar"], title="مقهى الواجبات المنزلية")
        rendered = render_edition(self.edition, "ar")
        links = MailHTML(rendered.html).links
        for page in (story, event):
            self.assertIn(page.title, rendered.html)
            self.assertIn(page.title, rendered.text)
            self.assertIn(page.full_url, links)
            self.assertIn("/ar/", page.full_url)
        # The untranslated story stays Danish and is marked so.
        self.assertIn("Ny bænk", rendered.html)
        self.assertNotIn(self.story.title, rendered.html)

    def test_event_date_and_time_are_joined_in_the_readers_language(self):
        rendered = render_edition(self.edition, "da")
        joined = in_language("da", "%(date)s at %(time)s") % {"date": "", "time": "17:00"}
        self.assertIn(joined.strip(), rendered.html)
        self.assertIn(joined.strip(), rendered.text)

    def test_a_translation_in_draft_is_not_sent(self):
        draft = self.edition.copy_for_translation(self.locales["en"], copy_parents=True)
        draft.title = "June newsletter"
        draft.save_revision()
        self.assertEqual(render_edition(self.edition, "en").subject, "Nyhedsbrev juni")


class ItemTests(EditionTestCase):
    def test_story_cards_have_absolute_600px_images_with_alt_text(self):
        parsed = MailHTML(render_edition(self.edition, "da").html)
        story_image = next(
            img for img in parsed.images if img["alt"] == self.story.image.description
        )
        self.assertTrue(story_image["src"].startswith("http://localhost/media/"))
        self.assertEqual(story_image["width"], "600")
        rendition = self.story.image.get_rendition(STORY_IMAGE_SPEC)
        self.assertEqual(rendition.width, 600)
        self.assertEqual(story_image["src"], "http://localhost" + rendition.url)
        self.assertIn(self.story.full_url, parsed.links)

    def test_story_without_image_still_renders(self):
        rendered = render_edition(self.edition, "da")
        self.assertIn("Ny bænk", rendered.html)
        self.assertIn(self.plain_story.full_url, MailHTML(rendered.html).links)
        # Only the story with an image and the Agerposten cover have one.
        self.assertEqual(len(MailHTML(rendered.html).images), 2)

    def test_deleted_and_unpublished_pages_are_left_out(self):
        self.plain_story.unpublish()
        self.event.delete()
        rendered = render_edition(self.edition, "da")
        for gone in ["Ny bænk", "Lektiecafé"]:
            self.assertNotIn(gone, rendered.html)
            self.assertNotIn(gone, rendered.text)
        self.assertIn("Æbler i fælleshaven", rendered.html)
        self.assertIn("Æbler i fælleshaven", rendered.text)

    def test_event_time_is_copenhagen_time(self):
        rendered = render_edition(self.edition, "da")
        self.assertIn("17:00", rendered.html)
        self.assertIn("17:00", rendered.text)
        self.assertNotIn("15:00", rendered.text)

    def test_agerposten_cover_links_to_the_issue(self):
        parsed = MailHTML(render_edition(self.edition, "da").html)
        cover = next(img for img in parsed.images if img["alt"] == self.issue.cover_alt)
        self.assertTrue(cover["src"].startswith("http://localhost/media/"))
        self.assertIn(self.issue.full_url, parsed.links)

    def test_agerposten_item_tells_the_page_count_in_both_parts(self):
        rendered = render_edition(self.edition, "da")
        pages = f"{self.issue.pdf.page_count} sider"
        self.assertIn(pages, rendered.html)
        self.assertIn(pages, rendered.text)

    def test_unicode_is_intact(self):
        rendered = render_edition(self.edition, "da")
        self.assertIn("Høst på Ågade &amp; omegn.", rendered.html)
        self.assertIn("Høst på Ågade & omegn.", rendered.text)
        self.assertIn("Høje-Taastrup", rendered.html)
        self.assertIn("Høje-Taastrup", rendered.text)


class LinkTests(EditionTestCase):
    def test_footer_links_carry_the_placeholder_in_the_readers_language(self):
        rendered = render_edition(self.edition, "ar")
        for name in ["preferences", "unsubscribe"]:
            url = links.newsletter_url(name, "ar", TOKEN_PLACEHOLDER)
            self.assertIn("/ar/", url)
            self.assertIn(url, MailHTML(rendered.html).links)
            self.assertIn(url, rendered.text)
        self.assertIn(self.edition.full_url, MailHTML(rendered.html).links)

    def test_view_in_browser_is_the_readers_translation_when_live(self):
        arabic = translate(self.edition, self.locales["ar"], title="النشرة الإخبارية")
        rendered = render_edition(self.edition, "ar")
        self.assertIn(arabic.full_url, MailHTML(rendered.html).links)
        self.assertIn(arabic.full_url, rendered.text)

    def test_the_plain_text_part_has_every_link_of_the_html(self):
        rendered = render_edition(self.edition, "ur")
        site_link = site_root_url() + "/"
        for url in set(MailHTML(rendered.html).links) - {site_link}:
            self.assertIn(url, rendered.text)

    def test_sending_puts_each_readers_token_in_the_links(self):
        reader = SubscriberFactory(language="ar")
        rendered = render_edition(self.edition, "ar")
        stored = SimpleNamespace(
            language="ar", subject=rendered.subject, html=rendered.html, text=rendered.text
        )
        delivery = Delivery(edition=self.edition, subscriber=reader, language="ar")
        message = MessageTemplate(stored, self.edition.pk, site_root_url()).for_delivery(delivery)
        html = message.alternatives[0][0]
        # The MIME form that SMTP sends is personalised as well as the message's attributes.
        mime = message.message().as_bytes().decode()
        for part in [message.body, html, mime]:
            self.assertNotIn(TOKEN_PLACEHOLDER, part)
            self.assertIn(links.preferences_url(reader), part)
            self.assertIn(links.unsubscribe_url(reader), part)
        self.assertIn(preferences_token(reader), message.extra_headers["List-Unsubscribe"])
        self.assertIn(f"To: {reader.email}", mime)


class SizeTests(EditionTestCase):
    def test_a_large_edition_stays_under_gmails_clipping_limit(self):
        long_intro = "Naboerne i Charlottekvarteret har lavet noget fint sammen. " * 6
        items = [
            ("story", {"story": add_story(self.stories, f"stor-{n}", intro=long_intro[:400])})
            for n in range(12)
        ]
        items += [
            ("event", {"event": self.event, "first_date": self.event_day, "last_date": None})
            for n in range(30)
        ]
        items.append(("issue", {"issue": self.issue}))
        edition = NewsletterPageFactory(
            parent=self.newsletters, intro=long_intro[:400], items=items
        )
        translate(edition, self.locales["ar"], title="النشرة الإخبارية", intro="مرحبا " * 60)
        for language in ["da", "ar", "tr"]:
            with self.subTest(language):
                rendered = render_edition(edition, language)
                self.assertEqual(len(MailHTML(rendered.html).images), 13)
                self.assertLess(len(rendered.html.encode()), GMAIL_CLIP_BYTES)


class PreviewTests(EditionTestCase):
    def test_email_preview_renders_the_unsaved_draft(self):
        draft = self.edition.get_latest_revision_as_object()
        draft.title = "Kladde: nyhedsbrev juli"
        response = draft.serve_preview(RequestFactory().get("/"), "email")
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        self.assertIn("Kladde: nyhedsbrev juli", content)
        self.assertNotIn("<mj-", content)
        self.assertEqual(MailHTML(content).root["lang"], "da")
        self.edition.refresh_from_db()
        self.assertEqual(self.edition.title, "Nyhedsbrev juni")

    def test_email_preview_of_an_arabic_translation_is_right_to_left(self):
        arabic = translate(self.edition, self.locales["ar"], title="النشرة الإخبارية")
        response = arabic.serve_preview(RequestFactory().get("/"), "email")
        parsed = MailHTML(response.content.decode())
        self.assertEqual((parsed.root["lang"], parsed.root["dir"]), ("ar", "rtl"))

    def test_email_preview_in_the_admin_is_not_blocked_by_the_sites_policy(self):
        """The admin's preview runs the page's request through the middleware: the mail's
        inline styles and images must be allowed there, scripts must not."""
        request = RequestFactory().get(f"/admin/pages/{self.edition.pk}/edit/preview/")
        request.user = get_user_model().objects.create_superuser("redaktion", "r@example.org")
        response = self.edition.make_preview_request(request, "email")
        policy = {
            directive.split()[0]: directive.split()[1:]
            for directive in response["Content-Security-Policy"].split(";")
            if directive.strip()
        }
        self.assertIn('style="', response.content.decode(), "the mail is styled inline")
        self.assertIn("'unsafe-inline'", policy["style-src"])
        self.assertIn("*", policy["img-src"])
        self.assertNotIn("script-src", policy)
        self.assertEqual(policy["default-src"], ["'none'"])
        self.assertEqual(policy["frame-ancestors"], ["'self'"], "shown in the admin's frame")

    def test_the_web_preview_keeps_the_sites_policy(self):
        request = RequestFactory().get(f"/admin/pages/{self.edition.pk}/edit/preview/")
        request.user = get_user_model().objects.create_superuser("redaktion", "r@example.org")
        response = self.edition.make_preview_request(request, "")
        self.assertIn("style-src 'self'", response["Content-Security-Policy"])
        self.assertNotIn("'unsafe-inline'", response["Content-Security-Policy"])


class SubscriberMailTests(EditionTestCase):
    def test_confirmation_is_in_the_subscribers_language_with_the_link_in_both_parts(self):
        for language in ["da", "ar"]:
            mail.outbox.clear()
            subscriber = SubscriberFactory(language=language, status=Subscriber.Status.PENDING)
            mails.send_confirmation(subscriber)
            with self.subTest(language):
                [message] = mail.outbox
                self.assertEqual(message.to, [subscriber.email])
                self.assertEqual(message.from_email, settings.NEWSLETTER_FROM_EMAIL)
                self.assertEqual(
                    message.subject,
                    in_language(
                        language,
                        "Confirm your subscription to the newsletter from Charlottekvarteret",
                    ),
                )
                html = message.alternatives[0][0]
                url = links.confirm_url(subscriber)
                self.assertIn(f"/{language}/", url)
                self.assertIn(url, message.body)
                self.assertIn(url, MailHTML(html).links)
                self.assertIn(in_language(language, "Confirm subscription"), html)
                self.assertIn("Høje-Taastrup", message.body)
                self.assertIn("Høje-Taastrup", html)

    def test_arabic_mails_are_right_to_left(self):
        subscriber = SubscriberFactory(language="ar")
        mails.send_welcome(subscriber)
        [message] = mail.outbox
        parsed = MailHTML(message.alternatives[0][0])
        self.assertEqual((parsed.root["lang"], parsed.root["dir"]), ("ar", "rtl"))
        self.assertIn({"dir": "rtl"}, parsed.directed)
        self.assertIn("العربية", message.body)

    def test_welcome_and_already_subscribed_hold_the_preferences_link(self):
        subscriber = SubscriberFactory(language="tr")
        mails.send_welcome(subscriber)
        mails.send_already_subscribed(subscriber)
        welcome, again = mail.outbox
        self.assertEqual(
            welcome.subject,
            in_language("tr", "Welcome to the newsletter from Charlottekvarteret"),
        )
        self.assertEqual(
            again.subject,
            in_language("tr", "You already get the newsletter from Charlottekvarteret"),
        )
        for message in [welcome, again]:
            url = links.preferences_url(subscriber)
            self.assertIn(url, message.body)
            self.assertIn(url, MailHTML(message.alternatives[0][0]).links)

    def test_test_send_goes_to_staff_without_a_subscriber_or_unsubscribe_header(self):
        draft = self.edition.get_latest_revision_as_object()
        draft.title = "Nyhedsbrev juni, rettet"
        draft.save_revision()
        mails.send_test(self.edition, "da", "redaktion@example.org")
        [message] = mail.outbox
        self.assertEqual(message.to, ["redaktion@example.org"])
        self.assertEqual(
            message.subject,
            in_language("da", "[Test] %(subject)s") % {"subject": "Nyhedsbrev juni, rettet"},
        )
        self.assertTrue(message.subject.startswith("[Test]"))
        self.assertNotIn("List-Unsubscribe", message.extra_headers)
        self.assertFalse(Subscriber.objects.exists())

    def test_test_send_in_a_language_without_translation(self):
        mails.send_test(self.edition, "so", "redaktion@example.org")
        [message] = mail.outbox
        self.assertIn("Soomaali", message.body)
        self.assertEqual(MailHTML(message.alternatives[0][0]).root["lang"], "so")
