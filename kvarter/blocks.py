"""The StreamField blocks shared by every app's pages."""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from kvarter.images import require_description


def require_image_description(value):
    """A struct block's chosen image (its `image` child) has a description, its alt text."""
    try:
        require_description(value.get("image"))
    except ValidationError as error:
        raise StructBlockValidationError(block_errors={"image": error}) from None
    return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading")
        preview_value = {"text": "Fællesskab i gården", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        label = _("Image")
        description = _("An image with an optional caption; alt text comes from the image")
        preview_value = {"caption": "Beboere planter krydderurter i højbedene"}

    def clean(self, value):
        return require_image_description(super().clean(value))


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("Something a resident or volunteer said")
        preview_value = {
            "text": "Her hjælper vi hinanden, og det kan man mærke.",
            "attribution": "Frivillig i lektiecaféen",
        }


class LinkStructValue(blocks.StructValue):
    @cached_property
    def url(self):
        page = self.get("page")
        if page and page.live:
            return page.localized.url
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("Or an external link"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("external_url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": _("Choose a page or enter an external link.")}
            )
        return value

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A prominent link to a page or another site")
        value_class = LinkStructValue
        preview_value = {"text": "Kontakt os", "external_url": "https://example.org/"}


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    facts = blocks.ListBlock(blocks.CharBlock(max_length=200), label=_("Facts"))

    class Meta:
        icon = "list-ul"
        template = "blocks/fact_box_block.html"
        label = _("Fact box")
        description = _("A short list of facts in a box")
        preview_value = {
            "title": "Fakta",
            "facts": ["Periode: 2012–2016", "Bevilling: 13,3 mio. kr."],
        }


YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def youtube_video_id(url):
    """The video ID of a YouTube watch, short or embed URL, or None."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    candidate = None
    if host == "youtu.be":
        candidate = parsed.path.strip("/")
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [None])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            candidate = parsed.path.split("/")[2]
    return candidate if candidate and YOUTUBE_ID.match(candidate) else None


class VideoStructValue(blocks.StructValue):
    @cached_property
    def video_id(self):
        return youtube_video_id(self.get("url"))

    @property
    def embed_url(self):
        return f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1"

    @property
    def watch_url(self):
        return f"https://www.youtube.com/watch?v={self.video_id}"


class VideoBlock(blocks.StructBlock):
    """A YouTube video that loads only when the reader asks for it: no request to YouTube before."""

    url = blocks.URLBlock(label=_("YouTube address"))
    title = blocks.CharBlock(
        label=_("Title"), max_length=160, help_text=_("What the video shows, in a few words.")
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not youtube_video_id(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": _("Paste the address of a YouTube video.")}
            )
        return value

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video")
        description = _("A YouTube video that loads only when the reader presses play")
        value_class = VideoStructValue
        preview_value = {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Byg-selv-sammen i gården",
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    fact_box = FactBoxBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
