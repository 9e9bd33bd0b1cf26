"""What residents send: a tip about a story."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StoryTip(models.Model):
    """A resident's tip about a story, sent with the form on the story index.

    The photo is a plain file under media/story-tips/ with a random name, not a Wagtail image:
    a resident's unreviewed photo must not turn up in editors' image chooser. Staff who want to
    use it download it and add it to the image library after asking the sender.
    """

    page = models.ForeignKey(
        "nyheder.StoryIndexPage",
        verbose_name=_("sent from"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    text = models.TextField(_("the story"), max_length=5000)
    photo = models.FileField(
        _("photo"),
        blank=True,
        upload_to="story-tips/%Y/%m/",
    )

    class Meta:
        verbose_name = _("story tip")
        verbose_name_plural = _("story tips")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({timezone.localtime(self.created_at):%d.%m.%Y %H:%M})"
