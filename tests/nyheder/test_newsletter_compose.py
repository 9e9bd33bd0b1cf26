"""Composing a draft edition from what is new: stories, event dates and the newest Agerposten."""

import datetime

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone

from agerposten.models import IssuePage
from arrangementer.recurrence import local
from nyheder.newsletter.compose import ComposeError, compose_edition
from nyheder.newsletter.models import EditionSend, NewsletterPage
from tests.factories import EventIndexPageFactory, EventPageFactory, StoryIndexPageFactory
from tests.factories.agerposten import ArchiveIndexPageFactory
from tests.factories.newsletter import NewsletterIndexPageFactory
from tests.factories.nyheder import StoryPageFactory
from tests.kvarter.helpers import create_site, translate


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

    def test_a_repeating_event_is_listed_once_per_date_without_cancelled_dates(self):
        first = local(timezone.now() + datetime.timedelta(days=2)).replace(
            hour=17, minute=0, second=0, microsecond=0
        )
        event = EventPageFactory(
            parent=self.events,
            start=first,
            end=first + datetime.timedelta(hours=2),
            frequency="weekly",
            repeat_count=10,
        )
        dates = [first + datetime.timedelta(weeks=week) for week in range(10)]
        cancelled = dates[1]
        event.occurrence_changes.create(original_date=cancelled.date(), cancelled=True)
        published(event)
        far_away = timezone.now() + datetime.timedelta(days=45)
        published(
            EventPageFactory(
                parent=self.events, start=far_away, end=far_away + datetime.timedelta(hours=1)
            )
        )

        edition = compose_edition()

        horizon = timezone.now() + datetime.timedelta(days=30)
        expected = [date for date in dates if date < horizon and date != cancelled]
        listed = items_of(edition, "event")
        self.assertEqual([value["event"].pk for value in listed], [event.pk] * len(expected))
        self.assertEqual([value["starts_at"] for value in listed], expected)
        self.assertEqual([value.local_start().hour for value in listed], [17] * len(expected))

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
