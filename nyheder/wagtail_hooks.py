from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import StoryTip


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
