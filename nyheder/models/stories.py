"""Positive stories from the neighbourhood, their index with feeds and the story-tip form."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, When
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from kvarter.absolute_urls import absolute_url
from kvarter.constants import LISTING_PAGE_SIZE
from kvarter.images import SHARE_IMAGE_SPEC
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

RELATED_STORIES = 3
FEED_ITEMS = 20


def with_card_images(stories):
    return stories.select_related("image").prefetch_related("image__renditions")


class StoryIndexPage(RoutableMixin, StaffRecipientsMixin, BodyPage):
    """The list of stories, their feeds and the "tip us about a story" form."""

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = ["nyheder.StoryPage"]
    max_count_per_parent = 1

    content_panels = BodyPage.panels_with(*StaffRecipientsMixin.panels)
    translatable_fields = [*BodyPage.translatable_fields, *StaffRecipientsMixin.translatable_fields]

    class Meta:
        verbose_name = _("story index page")

    # Listing ---------------------------------------------------------------

    def stories(self):
        """Every live, public story here, newest first, with what a card needs."""
        return with_card_images(
            StoryPage.objects.live()
            .public()
            .child_of(self)
            .select_related("locale")
            .prefetch_related("tags")
            .order_by("-date", "-pk")
        )

    def filter_options(self, stories):
        """The tags, focus areas and housing areas that stories here use, for the filter form."""
        story_ids = stories.values("pk")
        tags = (
            Tag.objects.filter(nyheder_storypagetag_items__content_object__in=story_ids)
            .distinct()
            .order_by("name")
        )
        # Stories point at the Danish focus area; list it under this language's title.
        used = FocusAreaPage.objects.filter(pk__in=stories.values("focus_area"))
        focus_areas = (
            FocusAreaPage.objects.filter(
                locale_id=self.locale_id, translation_key__in=used.values("translation_key")
            )
            .order_by("slug")
            .values_list("slug", "title")
        )
        housing_areas = (
            HousingArea.objects.filter(pk__in=stories.values("housing_area"))
            .order_by("name")
            .values_list("name", flat=True)
            .distinct()
        )
        return {
            "tag": [(tag.slug, tag.name) for tag in tags],
            "focus_area": list(dict(focus_areas).items()),
            "housing_area": [(name, name) for name in housing_areas],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = self.stories()
        form = StoryFilterForm(request.GET, options=self.filter_options(stories))
        # An unknown tag or area (an old link, a typo) lists nothing rather than failing.
        stories = form.filter(stories) if form.is_valid() else stories.none()
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


class StoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "nyheder.StoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


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
    tags = ClusterTaggableManager(through=StoryPageTag, verbose_name=_("tags"), blank=True)

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
                FieldPanel("tags"),
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
        # Tags stay Danish, like slugs, so a filter link works in every language.
        SynchronizedField("tags"),
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
        return StoryIndexPage.objects.filter(pk=self.get_parent().pk).first()

    def related_stories(self):
        """Three other stories: sharing a tag or the focus area first, then the newest."""
        shares_tag = Exists(
            StoryPageTag.objects.filter(
                content_object=OuterRef("pk"),
                tag__in=StoryPageTag.objects.filter(content_object=self).values("tag"),
            )
        )
        related = [When(shares_tag, then=1)]
        if self.focus_area_id:
            related.append(When(Q(focus_area_id=self.focus_area_id), then=1))
        return with_card_images(
            StoryPage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .annotate(related=Case(*related, default=0, output_field=IntegerField()))
            .order_by("-related", "-date", "-pk")
        )[:RELATED_STORIES]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_stories"] = self.related_stories()
        context["story_index"] = self.story_index
        return context

    def structured_data(self, request):
        """schema.org NewsArticle for search engines and link previews."""
        site = self.get_site()
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
