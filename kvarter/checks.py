"""Deploy checks (`manage.py check --deploy`) on what the settings alone cannot tell."""

from django.core import checks
from django.db import DatabaseError

from wagtail.models import Site


@checks.register(checks.Tags.security, deploy=True)
def site_root_is_https(app_configs, **kwargs):
    """Links in mails and feeds are built from the default site's root URL; RFC 8058 and Gmail
    honour a one-click unsubscribe only over https, and a reader should never get http links."""
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # not migrated yet: nothing to check
        return []
    if site is None or site.root_url.startswith("https://"):
        return []
    return [
        checks.Error(
            f"The default site's root URL is {site.root_url}, not https.",
            hint="In the admin's Settings → Sites, set the port to 443 (Wagtail then builds "
            "https links), or behind a proxy on another port, serve https there.",
            id="kvarter.E001",
        )
    ]
