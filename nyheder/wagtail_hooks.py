from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import NewsletterIndexPage, NewsletterPage, StoryTip, Subscriber
from .newsletter import admin_views as newsletter_admin


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Staff read and delete tips; what a resident sent is never edited."""

    def user_has_permission(self, user, action):
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)


register_permission_policy(StoryTip, ReadOnlyPermissionPolicy(StoryTip))


class StoryTipViewSet(ModelViewSet):
    model = StoryTip
    icon = "mail"
    menu_label = _("Story tips")
    add_to_admin_menu = True
    menu_order = 250
    url_namespace = "story_tips"
    url_prefix = "story-tips"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "created_at", "language", "email", "phone"]
    list_filter = ["language"]
    search_fields = ["name", "text", "email"]
    inspect_view_fields = ["created_at", "language", "name", "email", "phone", "text", "photo"]
    form_fields = ["name", "email", "phone", "text"]


@hooks.register("register_admin_viewset")
def register_story_tip_viewset():
    return StoryTipViewSet("story_tips")


# Newsletter (nyheder/newsletter/admin_views.py) ---------------------------------------------------

# Subscribers give their consent themselves; staff view, export and erase, never add or edit.
register_permission_policy(Subscriber, ReadOnlyPermissionPolicy(Subscriber))


@hooks.register("register_admin_viewset")
def register_newsletter_viewsets():
    return newsletter_admin.NewsletterViewSetGroup()


@hooks.register("register_admin_urls")
def register_newsletter_admin_urls():
    urls = [
        path("compose/<int:index_id>/", newsletter_admin.compose, name="compose"),
        path("editions/<int:page_id>/send/", newsletter_admin.send_edition, name="send"),
        path("editions/<int:page_id>/test/", newsletter_admin.send_test, name="send_test"),
        path("editions/<int:page_id>/progress/", newsletter_admin.send_progress, name="progress"),
    ]
    return [path("newsletter/", include((urls, "newsletter_admin")))]


@hooks.register("register_page_header_buttons")
def newsletter_page_header_buttons(page, user, view_name, next_url=None):
    specific_class = page.specific_class
    if specific_class is NewsletterIndexPage and page.permissions_for_user(user).can_add_subpage():
        # A POST through Wagtail's action controller: one click makes the draft.
        yield Button(
            _("Compose an edition"),
            icon_name="mail",
            priority=5,
            attrs={
                "data-controller": "w-action",
                "data-action": "w-action#post",
                "data-w-action-url-value": reverse("newsletter_admin:compose", args=[page.pk]),
            },
        )
    elif specific_class is NewsletterPage and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Send…"),
            url=reverse("newsletter_admin:send", args=[page.pk]),
            icon_name="mail",
            priority=5,
        )
