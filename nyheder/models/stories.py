"""Positive stories from the neighbourhood, their index with feeds and the story-tip form."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, When
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from kvarter.absolute_urls import absolute_url
from kvarter.constants import LISTING_PAGE_SIZE
from kvarter.images import SHARE_IMAGE_SPEC, prefetch_renditions
from kvarter.languages import READER_LANGUAGE_FIRST, language_of
from kvarter.models import (
    BodyPage,
    FocusAreaPage,
    HousingArea,
    HousingAreaMixin,
    RoutableMixin,
    StaffRecipientsMixin,
)
from kvarter.spam import rate_limit_response
from nyheder.emails import send_tip_notification
from nyheder.feeds import StoryAtomFeed, StoryRssFeed
from nyheder.forms import StoryFilterForm, StoryTipForm
from nyheder.models.topics import Topic, in_source_language

RELATED_STORIES = 3
FEED_ITEMS = 20


def with_card_images(stories):
    return stories.select_related("image").prefetch_related(prefetch_renditions("card"))


class StoryIndexPage(RoutableMixin, StaffRecipientsMixin, BodyPage):
    """The list of stories, their feeds and the "tip us about a story" form."""

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = ["nyheder.StoryPage"]
    max_count_per_parent = 1

    content_panels = BodyPage.panels_with(*StaffRecipientsMixin.panels)
    translatable_fields = [*BodyPage.translatable_fields, *StaffRecipientsMixin.translatable_fields]

    class Meta:
        verbose_name = _("story index page")
        verbose_name_plural = _("story index pages")

    # Listing ---------------------------------------------------------------

    def stories(self):
        """Every live, public story here, newest first, with what a card needs."""
        return with_card_images(
            StoryPage.objects.live()
            .public()
            .child_of(self)
            .select_related("locale")
            .prefetch_related("topics")
            .order_by("-date", "-pk")
        )

    @staticmethod
    def topics_used(stories):
        """The topics `stories` have, in the reader's language."""
        return Topic.for_reader(Topic.objects.filter(stories__in=stories.values("pk")).distinct())

    def filter_options(self, stories, topics):
        """The topics, focus areas and housing areas that stories here use, for the filter
        form, and the language of each topic and focus area (an untranslated one is Danish)."""
        # Stories point at the Danish focus area; list it under this language's title.
        used = FocusAreaPage.objects.filter(pk__in=stories.values("focus_area"))
        focus_areas = (
            FocusAreaPage.objects.filter(
                locale_id=self.locale_id, translation_key__in=used.values("translation_key")
            )
            .select_related("locale")
            .order_by("slug")
        )
        housing_areas = (
            HousingArea.objects.filter(pk__in=stories.values("housing_area"))
            .order_by("name")
            .values_list("name", flat=True)
            .distinct()
        )
        options = {
            "topic": [(topic.slug, topic.name) for topic in topics],
            "focus_area": [(area.slug, area.title) for area in focus_areas],
            "housing_area": [(name, name) for name in housing_areas],
        }
        languages = {
            "topic": {topic.slug: language_of(topic) for topic in topics},
            "focus_area": {area.slug: language_of(area) for area in focus_areas},
        }
        return options, languages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = self.stories()
        topics = self.topics_used(stories)
        options, option_languages = self.filter_options(stories, topics)
        form = StoryFilterForm(request.GET, options=options, option_languages=option_languages)
        # An unknown topic or area (an old link, a typo) lists nothing rather than failing.
        stories = form.filter(stories) if form.is_valid() else stories.none()
        active_slug = form.cleaned_data.get("topic") if form.is_valid() else ""
        context["active_topic"] = next((t for t in topics if t.slug == active_slug), None)
        paginator = Paginator(stories, LISTING_PAGE_SIZE)
        context["stories"] = paginator.get_page(request.GET.get("page"))
        context["filter_form"] = form
        context["filter_query"] = form.querystring()
        context["is_filtered"] = bool(form.querystring())
        return context

    # Sub-pages -------------------------------------------------------------

    @property
    def rss_url(self):
        return self.subpage_url("rss_feed")

    @property
    def atom_url(self):
        return self.subpage_url("atom_feed")

    @property
    def tip_url(self):
        return self.subpage_url("story_tip")

    @staticmethod
    def topics_by_key():
        """Every topic in the reader's language, for a listing that shows many stories'."""
        return Topic.for_reader_by_key()

    def feed_stories(self):
        """The stories written in this page's language: no untranslated stand-ins."""
        return (
            self.stories()
            .filter(locale_id=self.locale_id, alias_of__isnull=True)
            .select_related("author")[:FEED_ITEMS]
        )

    @path("feed/rss/", name="rss_feed")
    def rss_feed(self, request):
        return StoryRssFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return StoryAtomFeed(self)(request)

    @path("tip/", name="story_tip")
    def story_tip(self, request):
        if limited := rate_limit_response(request, "story-tip"):
            return limited
        if request.method == "POST":
            form = StoryTipForm(request.POST, request.FILES)
            if form.is_valid():
                if not form.is_spam():
                    tip = form.save(commit=False)
                    tip.page = self
                    tip.language = translation.get_language()
                    tip.save()
                    send_tip_notification(tip, self.staff_recipients())
                # Spam gets the same thank-you page, so a bot learns nothing.
                return redirect(self.subpage_url("story_tip_thanks"))
        else:
            form = StoryTipForm()
        return TemplateResponse(
            request, "nyheder/story_tip_form.html", {"page": self, "form": form}
        )

    @path("tip/tak/", name="story_tip_thanks")
    def story_tip_thanks(self, request):
        return TemplateResponse(request, "nyheder/story_tip_thanks.html", {"page": self})


class StoryPage(HousingAreaMixin, BodyPage):
    """A positive story from the neighbourhood."""

    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("Shown on the story; the newest stories come first."),
    )
    author = models.ForeignKey(
        "kvarter.Person",
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    focus_area = models.ForeignKey(
        "kvarter.FocusAreaPage",
        verbose_name=_("focus area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ParentalManyToManyField(
        "nyheder.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="stories",
        limit_choices_to=in_source_language,
    )

    parent_page_types = ["nyheder.StoryIndexPage"]
    subpage_types = []

    og_type = "article"

    content_panels = BodyPage.panels_with(
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("author"),
                FieldPanel("focus_area"),
                *HousingAreaMixin.panels,
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("About the story"),
        )
    )
    search_fields = [*BodyPage.search_fields, index.FilterField("date")]
    translatable_fields = [
        *BodyPage.translatable_fields,
        *HousingAreaMixin.translatable_fields,
        SynchronizedField("date"),
        SynchronizedField("author"),
        SynchronizedField("focus_area"),
        # Every language's story points at the Danish topics; templates show each topic in the
        # reader's language (Topic.for_reader).
        SynchronizedField("topics"),
    ]

    class Meta:
        verbose_name = _("story page")
        verbose_name_plural = _("story pages")

    @classmethod
    def newest(cls, ancestor):
        """Live, public stories anywhere below `ancestor`, newest first, ready for cards."""
        return with_card_images(
            cls.objects.live().public().descendant_of(ancestor).order_by("-date", "-pk")
        )

    @cached_property
    def story_index(self):
        # By the parent's path: one query, where get_parent() would be a second.
        return StoryIndexPage.objects.filter(path=self.path[: -self.steplen]).first()

    def topics_for_reader(self, by_key=None):
        return Topic.for_reader(self.topics.all(), by_key)

    def related_stories(self):
        """Three other stories: in the reader's language first, then sharing a topic or the
        focus area, then the newest."""
        story_topics = StoryPage._meta.get_field("topics").remote_field.through.objects
        shares_topic = Exists(
            story_topics.filter(
                storypage_id=OuterRef("pk"),
                topic_id__in=story_topics.filter(storypage_id=self.pk).values("topic_id"),
            )
        )
        related = [When(shares_topic, then=1)]
        if self.focus_area_id:
            related.append(When(Q(focus_area_id=self.focus_area_id), then=1))
        return with_card_images(
            StoryPage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .annotate(related=Case(*related, default=0, output_field=IntegerField()))
            .order_by(READER_LANGUAGE_FIRST, "-related", "-date", "-pk")
        )[:RELATED_STORIES]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_stories"] = self.related_stories()
        context["story_index"] = self.story_index
        return context

    def structured_data(self, request):
        """schema.org NewsArticle for search engines and link previews."""
        site = Site.find_for_request(request)  # kept on the request, unlike get_site()
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.intro,
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_published_at or timezone.now()).isoformat(),
            "inLanguage": self.content_language,
            "mainEntityOfPage": self.get_full_url(request),
            "publisher": {
                "@type": "Organization",
                "name": site.site_name if site else settings.WAGTAIL_SITE_NAME,
                "url": site.root_url if site else "",
            },
        }
        if self.image:
            data["image"] = [absolute_url(request, self.image.get_rendition(SHARE_IMAGE_SPEC).url)]
        if self.author:
            data["author"] = {"@type": "Person", "name": self.author.name}
        return data
