"""Admin permissions for records that residents or the system make and staff only look at."""

from wagtail.permission_policies import ModelPermissionPolicy


class WithoutActionsPolicy(ModelPermissionPolicy):
    """Django's model permissions, less `actions`, which nobody may take, superusers included."""

    def __init__(self, model, actions, **kwargs):
        super().__init__(model, **kwargs)
        self.forbidden_actions = set(actions)

    def user_has_permission(self, user, action):
        return action not in self.forbidden_actions and super().user_has_permission(user, action)
