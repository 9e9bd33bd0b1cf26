"""The newsletter's public URLs, under /<language>/nyhedsbrev/ (see kvartersite.urls)."""

from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("tilmeld/", views.subscribe, name="subscribe"),
    path("tilmeld/tak/", views.subscribed, name="subscribed"),
    path("bekraeft/<str:token>/", views.confirm, name="confirm"),
    path("indstillinger/<str:token>/", views.preferences, name="preferences"),
    path("afmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
