"""A story index with stories under a Danish home page, shared by the nyheder tests."""

from unittest import mock

from django.core.management import call_command

from tests.factories import (
    FocusAreaPageFactory,
    HousingAreaFactory,
    ImageFactory,
    PlanPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)
from tests.kvarter.helpers import create_site


def create_story_site():
    home, locales = create_site()
    index = StoryIndexPageFactory(parent=home, intro="Gode historier fra kvarteret")
    plan = PlanPageFactory(parent=home, slug="planen")
    culture = FocusAreaPageFactory(parent=plan, slug="kultur", title="Kultur og fritid")
    area = HousingAreaFactory(name="Agerhusene", locale=locales["da"])
    return home, locales, index, culture, area


def add_story(index, slug, **fields):
    fields.setdefault("image", ImageFactory())
    return StoryPageFactory(parent=index, slug=slug, **fields)


# Sending needs the database task backend and its worker; the test settings run tasks at once.
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """What `manage.py db_worker` does, in this process, until no task is ready.

    The worker closes "old" database connections between tasks, as a request does. Inside a
    test's transaction that would close the test's own connection, so it is held open here,
    just as Django's test runner does for requests.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, interval=0, reload=False, startup_delay=False)
