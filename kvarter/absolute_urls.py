from wagtail.models import Site


def absolute_url(request, path):
    """`path` on the site's configured host (from Wagtail's Site), not the request's Host header.

    Canonical links, feeds and link previews end up in caches and other sites, so they must
    not echo whatever Host a client sent.
    """
    if path.startswith(("http://", "https://")):
        return path
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return root + path
