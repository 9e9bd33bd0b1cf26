"""The favicon at /favicon.ico (browsers ask for it there, whatever the page says) and the
web app manifest, so a resident can put the site on a phone's home screen."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control

DAY = 60 * 60 * 24


@cache_control(max_age=DAY, public=True)
def favicon(request):
    return redirect(static("kvarter/icons/favicon.ico"), permanent=True)


@cache_control(max_age=DAY, public=True)
def manifest(request):
    icons = [
        {"src": static("kvarter/icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        {"src": static("kvarter/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("kvarter/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("kvarter/icons/icon-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    data = {
        "name": settings.WAGTAIL_SITE_NAME,
        "short_name": settings.WAGTAIL_SITE_NAME,
        "lang": settings.LANGUAGE_CODE,
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#0b5c4a",
        "icons": icons,
    }
    return JsonResponse(data, content_type="application/manifest+json")
