"""Composing a draft edition from what is new: stories, event dates and the newest Agerposten."""

import datetime
import importlib

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import SimpleTestCase, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from agerposten.models import IssuePage
from arrangementer.recurrence import local
from arrangementer.wording import dates_text
from nyheder.newsletter.compose import ComposeError, compose_edition
from nyheder.newsletter.models import EditionSend, NewsletterPage
from nyheder.newsletter.rendering import render_edition
from tests.factories import EventIndexPageFactory, EventPageFactory, StoryIndexPageFactory
from tests.factories.agerposten import ArchiveIndexPageFactory
from tests.factories.newsletter import NewsletterIndexPageFactory
from tests.factories.nyheder import StoryPageFactory
from tests.kvarter.helpers import create_site, sync_every_language, translate


def published(page, when=None):
    """Publish `page` as an editor would; `when` backdates its first publication."""
    page.save_revision().publish()
    if when is not None:
        type(page).objects.filter(pk=page.pk).update(first_published_at=when)
    page.refresh_from_db()
    return page


def mark_sent(edition, started_at=None):
    """Record that `edition` went out, as sending does."""
    return EditionSend.objects.create(
        edition=edition,
        status=EditionSend.Status.FINISHED,
        started_at=started_at or timezone.now(),
        finished_at=started_at or timezone.now(),
    )


def items_of(edition, block_type):
    return [item.value for item in edition.items if item.block_type == block_type]


class ComposeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.newsletter = NewsletterIndexPageFactory(parent=cls.home)
        cls.stories = StoryIndexPageFactory(parent=cls.home)
        cls.events = EventIndexPageFactory(parent=cls.home)
        cls.editor = get_user_model().objects.create_user("redaktor", "redaktor@example.org")

    def story(self, title, when=None):
        return published(StoryPageFactory(parent=self.stories, title=title), when)

    def test_new_stories_become_a_draft_under_the_newsletter_page(self):
        old = self.story("Sommerfesten", timezone.now() - datetime.timedelta(days=40))
        new = self.story("Nyt legehus i gården")

        edition = compose_edition(owner=self.editor)

        self.assertIsInstance(edition, NewsletterPage)
        self.assertEqual(edition.get_parent().pk, self.newsletter.pk)
        self.assertEqual(edition.locale, self.locales["da"])
        self.assertFalse(edition.live)
        self.assertEqual(edition.owner, self.editor)
        self.assertEqual(edition.revisions.count(), 1)
        self.assertTrue(edition.intro)
        self.assertIn(str(timezone.localdate().year), edition.title)
        chosen = [value["story"].pk for value in items_of(edition, "story")]
        self.assertEqual(chosen, [new.pk])
        self.assertNotIn(old.pk, chosen)

    def test_only_danish_live_public_stories_are_collected(self):
        story = self.story("Fællesspisning")
        translate(story, self.locales["en"], title="Community dinner")
        draft = StoryPageFactory(parent=self.stories, title="Kladde", live=False)

        edition = compose_edition()

        chosen = [value["story"].pk for value in items_of(edition, "story")]
        self.assertEqual(chosen, [story.pk])
        self.assertNotIn(draft.pk, chosen)

    def weekly_cafe(self, hour, **repeat):
        """The "Kvindecafé", two hours every week (or every `repeat_interval` weeks) from the day
        after tomorrow at `hour`; returns the event and its first start."""
        first = local(timezone.now() + datetime.timedelta(days=2)).replace(
            hour=hour, minute=0, second=0, microsecond=0
        )
        event = EventPageFactory(
            parent=self.events,
            title="Kvindecafé",
            start=first,
            end=first + datetime.timedelta(hours=2),
            frequency="weekly",
            **repeat,
        )
        return event, first

    def test_a_repeating_event_is_one_item_listing_its_dates_without_cancelled_ones(self):
        event, first = self.weekly_cafe(17, repeat_count=10)
        dates = [first + datetime.timedelta(weeks=week) for week in range(10)]
        cancelled, moved = dates[1], dates[2]
        moved_to = moved + datetime.timedelta(days=1, hours=1)
        event.occurrence_changes.create(original_date=cancelled.date(), cancelled=True)
        event.occurrence_changes.create(original_date=moved.date(), new_start=moved_to)
        published(event)
        far_away = timezone.now() + datetime.timedelta(days=45)
        published(
            EventPageFactory(
                parent=self.events, start=far_away, end=far_away + datetime.timedelta(hours=1)
            )
        )

        edition = compose_edition()

        [listed] = items_of(edition, "event")
        self.assertEqual(listed["event"].pk, event.pk)
        # The edition announces the dates of the coming 30 days, to the end of the last one.
        self.assertEqual(listed["first_date"], timezone.localdate())
        last_day = timezone.localdate() + datetime.timedelta(days=30)
        self.assertEqual(listed["last_date"], last_day)
        planned = sorted([moved_to] + [d for d in dates if d not in (cancelled, moved)])
        shown = [o.start for o in listed.occurrences() if not o.is_cancelled]
        self.assertEqual(shown, [d for d in planned if local(d).date() <= last_day])
        self.assertEqual(
            [o.original_start for o in listed.occurrences() if o.is_cancelled], [cancelled]
        )
        with translation.override("da"):
            line = listed.when()
            self.assertEqual(line, dates_text(shown))
            self.assertNotIn(date_format(cancelled, "j. F"), line.replace(" og ", ", "))
            self.assertIn(date_format(cancelled.date(), "j. F"), listed.cancelled())

    def test_rendered_edition_has_one_item_per_event_with_its_dates_in_one_line(self):
        event, _first = self.weekly_cafe(10, repeat_interval=2, repeat_count=6)
        published(event)
        edition = compose_edition()

        last_day = timezone.localdate() + datetime.timedelta(days=30)
        starts = [s for s in event.schedule.original_starts() if local(s).date() <= last_day]
        rendered = render_edition(edition, "da")
        with translation.override("da"):
            line = dates_text(starts)
        for part in (rendered.html, rendered.text):
            self.assertEqual(part.count("Kvindecafé"), 1)
            self.assertIn(line, part)
        published(edition)
        page = self.client.get(edition.url)
        self.assertEqual(page.content.decode().count("Kvindecafé</a>"), 1)
        self.assertContains(page, line)

    def test_nothing_new_since_the_last_sent_edition_creates_nothing(self):
        self.story("Gårdmøde", timezone.now() - datetime.timedelta(days=3))
        soon = timezone.now() + datetime.timedelta(days=5)
        published(EventPageFactory(parent=self.events, start=soon, end=soon))
        first = compose_edition()
        mark_sent(first)
        pages_before = NewsletterPage.objects.count()

        self.assertIsNone(compose_edition())
        self.assertEqual(NewsletterPage.objects.count(), pages_before)

    def test_an_event_date_the_last_edition_did_not_list_is_new(self):
        soon = timezone.now() + datetime.timedelta(days=5)
        published(EventPageFactory(parent=self.events, start=soon, end=soon))
        mark_sent(compose_edition())
        later = timezone.now() + datetime.timedelta(days=9)
        added = published(EventPageFactory(parent=self.events, start=later, end=later))

        edition = compose_edition()

        self.assertIsNotNone(edition)
        self.assertIn(added.pk, [value["event"].pk for value in items_of(edition, "event")])

    def test_stories_are_new_since_the_last_edition_went_out(self):
        before = self.story("Før udsendelsen", timezone.now() - datetime.timedelta(days=10))
        sent = compose_edition()
        mark_sent(sent, timezone.now() - datetime.timedelta(days=5))
        after = self.story("Efter udsendelsen", timezone.now() - datetime.timedelta(days=1))

        edition = compose_edition()

        chosen = [value["story"].pk for value in items_of(edition, "story")]
        self.assertEqual(chosen, [after.pk])
        self.assertNotIn(before.pk, chosen)

    def test_since_overrides_the_last_sent_edition(self):
        old = self.story("Gammel historie", timezone.now() - datetime.timedelta(days=60))

        edition = compose_edition(since=timezone.now() - datetime.timedelta(days=90))

        self.assertEqual([value["story"].pk for value in items_of(edition, "story")], [old.pk])

    def test_items_come_as_stories_then_events_then_the_newest_agerposten_issue(self):
        archive = ArchiveIndexPageFactory(parent=self.home)
        issues = []
        for number, day in [(11, datetime.date(2026, 9, 1)), (12, datetime.date(2026, 10, 1))]:
            issue = IssuePage(number=number, date=day, title=f"Agerposten nr. {number}")
            archive.add_child(instance=issue)
            issues.append(published(issue))
        soon = timezone.now() + datetime.timedelta(days=4)
        published(EventPageFactory(parent=self.events, start=soon, end=soon))
        self.story("Ny bænk ved søen")

        edition = compose_edition()

        self.assertEqual([item.block_type for item in edition.items], ["story", "event", "issue"])
        self.assertEqual(items_of(edition, "issue")[0]["issue"].pk, issues[1].pk)

    def test_a_new_agerposten_issue_alone_is_worth_an_edition(self):
        archive = ArchiveIndexPageFactory(parent=self.home)
        issue = IssuePage(number=13, date=timezone.localdate(), title="Agerposten nr. 13")
        archive.add_child(instance=issue)
        published(issue)

        edition = compose_edition()

        self.assertEqual([item.block_type for item in edition.items], ["issue"])

    def test_two_editions_on_one_day_get_different_slugs(self):
        self.story("Første")
        first = compose_edition()
        self.story("Anden")
        second = compose_edition()

        self.assertNotEqual(first.slug, second.slug)

    def test_without_a_danish_newsletter_page_it_says_so(self):
        self.newsletter.delete()
        self.story("Historie uden nyhedsbrev")

        with self.assertRaises(ComposeError):
            compose_edition()


class ComposedEditionInEveryLanguageTests(TestCase):
    """A composed edition reaches every language, as an edition made in the admin does."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.newsletter = NewsletterIndexPageFactory(parent=cls.home)
        stories = StoryIndexPageFactory(parent=cls.home)
        EventIndexPageFactory(parent=cls.home)
        sync_every_language(cls.locales)
        published(StoryPageFactory(parent=stories, title="Nyt legehus i gården"))

    def test_published_edition_has_an_address_and_a_place_in_each_languages_archive(self):
        edition = published(compose_edition())
        for code, locale in self.locales.items():
            with self.subTest(language=code):
                copy = edition.get_translation(locale)
                response = self.client.get(copy.url)
                self.assertEqual(response.status_code, 200)
                archive = self.client.get(self.newsletter.get_translation(locale).url)
                self.assertIn(copy.pk, [e.pk for e in archive.context["editions"]])

    def test_draft_edition_is_not_shown_in_any_language(self):
        edition = compose_edition()
        arabic = edition.get_translation(self.locales["ar"])
        self.assertFalse(arabic.live)
        self.assertEqual(self.client.get(arabic.url).status_code, 404)


class EditionsFromBeforeTests(SimpleTestCase):
    """Migration newsletter.0002: editions with one item per date keep what they announced."""

    def test_the_dates_of_one_event_become_one_item_with_their_period(self):
        migration = importlib.import_module(
            "nyheder.newsletter.migrations.0002_event_items_with_dates"
        )
        story = {"type": "story", "value": {"story": 3}, "id": "s"}
        stream = [
            story,
            {
                "type": "event",
                "value": {"event": 7, "starts_at": "2026-12-08T09:00:00Z"},
                "id": "a",
            },
            {
                "type": "event",
                "value": {"event": 8, "starts_at": "2026-12-09T16:00:00Z"},
                "id": "b",
            },
            {
                "type": "event",
                "value": {"event": 7, "starts_at": "2026-12-22T09:00:00Z"},
                "id": "c",
            },
            # 23:30 UTC is already the next day in Copenhagen.
            {
                "type": "event",
                "value": {"event": 7, "starts_at": "2027-01-04T23:30:00Z"},
                "id": "d",
            },
        ]
        merged = migration.merge_event_items(stream)
        self.assertEqual(merged[0], story)
        self.assertEqual(
            [item["value"] for item in merged[1:]],
            [
                {"event": 7, "first_date": "2026-12-08", "last_date": "2027-01-05"},
                {"event": 8, "first_date": "2026-12-09", "last_date": "2026-12-09"},
            ],
        )
        self.assertEqual([item["id"] for item in merged], ["s", "a", "b"])


class EditionPageQueryCountTests(TestCase):
    def test_more_dates_of_an_event_cost_no_more_queries(self):
        home, _locales = create_site()
        newsletters = NewsletterIndexPageFactory(parent=home)
        first = local(timezone.now() + datetime.timedelta(days=1)).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
        event = published(
            EventPageFactory(
                parent=EventIndexPageFactory(parent=home),
                start=first,
                end=first + datetime.timedelta(hours=2),
                frequency="weekly",
                repeat_count=20,
            )
        )
        counts = []
        for weeks in (1, 8):
            edition = NewsletterPage(
                title=f"Nyhedsbrev {weeks}",
                slug=f"nyhedsbrev-{weeks}",
                items=[
                    (
                        "event",
                        {
                            "event": event,
                            "first_date": first.date(),
                            "last_date": first.date() + datetime.timedelta(weeks=weeks),
                        },
                    )
                ],
            )
            newsletters.add_child(instance=edition)
            published(edition)
            self.client.get(edition.url)
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(edition.url)
            self.assertEqual(len(response.context["edition_items"]["event"]), 1)
            counts.append(len(queries))
        self.assertEqual(counts[0], counts[1])
