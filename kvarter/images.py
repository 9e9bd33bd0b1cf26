"""Responsive image sizes, shared by the templates and the demo loader that pre-renders them;
and the alt text every image shown to a reader needs."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

IMAGE_FORMATS = ["avif", "webp", "jpeg"]

IMAGE_SIZES = {
    "hero": {
        "widths": ["fill-640x320", "fill-1280x640"],
        "sizes": "(min-width: 72rem) 72rem, 100vw",
    },
    "card": {
        "widths": ["fill-400x225", "fill-800x450"],
        "sizes": "(min-width: 60rem) 22rem, (min-width: 40rem) 45vw, 100vw",
    },
    "content": {
        "widths": ["max-640x640", "max-1280x1280"],
        "sizes": "(min-width: 48rem) 44rem, 100vw",
    },
    # Agerposten front pages: A4, portrait.
    "cover": {
        "widths": ["fill-300x424", "fill-600x848"],
        "sizes": "(min-width: 40rem) 14rem, 50vw",
    },
    # The cover on an issue's own page, shown 16rem (256 px) wide.
    "cover_large": {
        "widths": ["fill-256x362", "fill-512x724"],
        "sizes": "16rem",
    },
    "portrait": {
        "widths": ["fill-160x160", "fill-320x320"],
        "sizes": "8rem",
    },
}


def filter_specs(size):
    """Every rendition filter spec a size needs, one per width and format."""
    return [
        f"{width}|format-{image_format}"
        for image_format in IMAGE_FORMATS
        for width in IMAGE_SIZES[size]["widths"]
    ]


def prefetch_renditions(size, lookup="image__renditions"):
    """The renditions of a listing's images, in one query for the whole listing.

    All of them, not only `size`'s: Wagtail takes a prefetched list as every rendition the
    image has, and would create a missing one again (IntegrityError) for the share image or
    a feed's enclosure."""
    return Prefetch(lookup)


# The one image link previews (Open Graph) and feed enclosures use.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def alt_text(image):
    """What a screen reader reads for the image: its description. Never its title, which is
    usually a file name ("hero")."""
    return image.description or ""


def require_description(image):
    """Where an editor chooses an image, it must say what it shows: ValidationError if not."""
    if image is not None and not image.description.strip():
        raise ValidationError(
            _(
                "The image “%(title)s” has no description, so a reader who cannot see it "
                "learns nothing from it. Describe what it shows on the image's page in Images, "
                "then save again, or choose another image."
            ),
            code="image_without_description",
            params={"title": image.title},
        )
