"""Every mail the site sends, in each of the six languages, as its reader gets it: no source
string left in English, no Danish interface for a reader of another language, the reader's
direction at the root, and Danish content marked left to right in a right-to-left mail.

Staff mails (a new story tip, a new help request) are Danish whatever the sender's language:
they are checked for every sender's language, against the Danish catalogue.
"""

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.test import TestCase

import polib

from frivillig import emails as help_desk_mails
from nyheder.emails import send_tip_notification
from nyheder.models import StoryTip
from nyheder.newsletter import mails as subscriber_mails
from nyheder.newsletter.models import Subscriber
from nyheder.newsletter.rendering import render_edition
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.factories.frivillig import HelpDeskPageFactory, HelpRequestFactory
from tests.factories.newsletter import (
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    SubscriberFactory,
)
from tests.kvarter.helpers import translate
from tests.nyheder.helpers import add_story, create_story_site

LOCALE = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
RTL = {"ar", "ur"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
UNTRANSLATED_STORY = "Nye bænke langs Ågerstien"


def translations(language):
    """msgid -> what gettext shows in `language`; None where it shows the English source."""
    return {
        entry.msgid: entry.msgstr if entry.msgstr and "fuzzy" not in entry.flags else None
        for entry in polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
        if not entry.obsolete and not entry.msgid_plural
    }


def phrases(message):
    """The literal parts of a catalogue string that could only come from it: two words or more."""
    parts = (" ".join(part.split()) for part in PLACEHOLDER.split(message))
    return [part for part in parts if len(re.findall(r"\w{2,}", part)) >= 2]


def forbidden_phrases(language):
    """What a reader of `language` must not meet: the English source of a string that is not
    translated into their language, and the Danish wording of a string their language words
    otherwise."""
    readers, danish = translations(language), translations("da")
    found = set()
    for msgid, text in readers.items():
        # Where a language words a string like its English source, its catalogue says so.
        if language != "en" and text != msgid:
            found.update(phrases(msgid))
        shown = text or msgid
        danish_shown = danish.get(msgid) or msgid
        if language != "da" and shown != danish_shown:
            found.update(phrases(danish_shown))
    return found


class MailText(HTMLParser):
    """Each text of a mail's HTML with the language and direction it is shown in."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.root = {}
        self.stack = [("", "", "")]
        self.texts = []
        self.danish_elements = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.root = attrs
        if attrs.get("lang") == "da":
            self.danish_elements.append(attrs)
        if tag in VOID_ELEMENTS:
            return
        _tag, lang, direction = self.stack[-1]
        self.stack.append((tag, attrs.get("lang", lang), attrs.get("dir", direction)))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        text = " ".join(data.split())
        tag, lang, direction = self.stack[-1]
        if text and tag != "style":
            self.texts.append((text, lang, direction))


def visible_text(message):
    html = message.alternatives[0][0]
    texts = [text for text, _lang, _dir in MailText(html).texts]
    return " ".join([message.subject, *texts, " ".join(unescape(message.body).split())])


class EveryMailTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales, cls.stories, _culture, _area = create_story_site()
        cls.desk = HelpDeskPageFactory(parent=cls.home, to_address="frivillig@example.org")
        cls.translated_story = add_story(cls.stories, "haven", title="Æbler i fælleshaven")
        cls.story_titles = {"da": cls.translated_story.title}
        for code in LANGUAGES:
            if code != "da":
                title = f"{code}: apples in the garden"
                translate(cls.translated_story, cls.locales[code], title=title)
                cls.story_titles[code] = title
        cls.untranslated_story = add_story(cls.stories, "baenke", title=UNTRANSLATED_STORY)
        event = EventPageFactory(parent=EventIndexPageFactory(parent=cls.home))
        newsletters = NewsletterIndexPageFactory(parent=cls.home)
        cls.edition = NewsletterPageFactory(
            parent=newsletters,
            title="Nyhedsbrev juni",
            items=[
                ("story", {"story": cls.translated_story}),
                ("story", {"story": cls.untranslated_story}),
                (
                    "event",
                    {"event": event, "first_date": event.start.date(), "last_date": None},
                ),
            ],
        )

    def mails_for(self, language):
        """Every mail a resident who reads `language` can get, by name."""
        mail.outbox.clear()
        subscriber = SubscriberFactory(language=language, status=Subscriber.Status.PENDING)
        subscriber_mails.send_confirmation(subscriber)
        subscriber_mails.send_welcome(subscriber)
        subscriber_mails.send_already_subscribed(subscriber)
        help_request = HelpRequestFactory(language=language, page=self.desk)
        help_desk_mails.send_receipt(help_request)
        help_desk_mails.send_answer_notice(help_request)
        names = ["confirmation", "welcome", "already subscribed", "receipt", "answer notice"]
        mails = dict(zip(names, mail.outbox, strict=True))
        edition = render_edition(self.edition, language)
        mails["newsletter"] = mail.EmailMultiAlternatives(
            subject=edition.subject, body=edition.text, alternatives=[(edition.html, "text/html")]
        )
        return mails

    def staff_mails_about(self, language):
        mail.outbox.clear()
        tip = StoryTip.objects.create(
            page=self.stories, language=language, name="Amina", text="En god historie"
        )
        send_tip_notification(tip, ["redaktion@example.org"])
        help_request = HelpRequestFactory(language=language, page=self.desk)
        help_desk_mails.send_staff_notification(help_request, ["frivillig@example.org"])
        return dict(zip(["story tip", "help request"], mail.outbox, strict=True))


class EveryMailInEveryLanguageTests(EveryMailTestCase):
    def test_no_source_string_or_danish_interface_is_left(self):
        for language in LANGUAGES:
            forbidden = forbidden_phrases(language)
            for name, message in self.mails_for(language).items():
                with self.subTest(language=language, mail=name):
                    text = visible_text(message)
                    self.assertEqual([phrase for phrase in forbidden if phrase in text], [])

    def test_opening_a_mail_fetches_nothing_from_a_third_party(self):
        """Images come from the site; no stylesheet or font is loaded from anywhere else."""
        for language in ("da", "ar"):
            mails = {**self.mails_for(language), **self.staff_mails_about(language)}
            for name, message in mails.items():
                with self.subTest(language=language, mail=name):
                    html = message.alternatives[0][0]
                    self.assertEqual(re.findall(r"<link\b[^>]*>|@import[^;]*;", html), [])

    def test_staff_mails_are_danish_whatever_the_senders_language(self):
        forbidden = forbidden_phrases("da")
        for language in LANGUAGES:
            for name, message in self.staff_mails_about(language).items():
                with self.subTest(language=language, mail=name):
                    self.assertEqual(MailText(message.alternatives[0][0]).root["lang"], "da")
                    text = visible_text(message)
                    self.assertEqual([phrase for phrase in forbidden if phrase in text], [])

    def test_the_root_has_the_readers_language_and_direction(self):
        for language in LANGUAGES:
            direction = "rtl" if language in RTL else "ltr"
            for name, message in self.mails_for(language).items():
                with self.subTest(language=language, mail=name):
                    root = MailText(message.alternatives[0][0]).root
                    self.assertEqual(root.get("dir"), direction)
                    # A newsletter without a translation is a Danish edition: its root is
                    # Danish, and what the reader's language says is marked inside.
                    if name != "newsletter":
                        self.assertEqual(root.get("lang"), language)

    def test_danish_in_a_right_to_left_mail_is_marked_left_to_right(self):
        for language in sorted(RTL):
            for name, message in self.mails_for(language).items():
                with self.subTest(language=language, mail=name):
                    parsed = MailText(message.alternatives[0][0])
                    self.assertTrue(parsed.danish_elements)  # the organisation's address
                    for attrs in parsed.danish_elements:
                        self.assertEqual(attrs.get("dir"), "ltr", attrs)

    def test_newsletter_items_come_in_the_readers_language_and_danish_ones_are_marked(self):
        for language in LANGUAGES:
            parsed = MailText(render_edition(self.edition, language).html)
            shown = {text: (lang, direction) for text, lang, direction in parsed.texts}
            with self.subTest(language=language):
                self.assertIn(self.story_titles[language], shown)
                self.assertEqual(shown[UNTRANSLATED_STORY][:2], ("da", "ltr"))
                if language != "da":
                    self.assertNotIn(self.story_titles["da"], shown)
                    self.assertNotEqual(shown[self.story_titles[language]][0], "da")
