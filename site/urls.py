from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from kvarter import views as kvarter_views
from kvarter import web_app
from kvarter.admin_views import PageChooserInContentLanguage, ThrottledPasswordResetView
from kvarter.health import healthz
from kvarter.sitemaps import AllLocalesSitemap

urlpatterns = [
    path("", kvarter_views.front_door, name="root"),
    # Before Wagtail's own chooser at this address: see PageChooserInContentLanguage.
    path(
        "admin/choose-page/",
        PageChooserInContentLanguage.as_view(),
        name="choose_page_in_content_language",
    ),
    # Before Wagtail's own, which it replaces with the same name.
    path(
        "admin/password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLocalesSitemap}}, name="sitemap"),
    path("robots.txt", kvarter_views.robots_txt, name="robots_txt"),
    path("favicon.ico", web_app.favicon, name="favicon"),
    path("manifest.webmanifest", web_app.manifest, name="manifest"),
    path("healthz", healthz, name="healthz"),
    # ESP tracking webhooks (bounces, complaints), behind ANYMAIL_WEBHOOK_SECRET's basic auth.
    path("anymail/", include("anymail.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", kvarter_views.search, name="search"),
    path("nyhedsbrev/", include("nyheder.newsletter.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "kvarter.views.bad_request"
handler404 = "kvarter.views.page_not_found"
handler500 = "kvarter.views.server_error"
