"""Browser journeys run against a real server with the demo content, as a resident sees it."""

import email
import email.policy
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "var" / "screenshots"))


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if item.get_closest_marker("django_db"):
                # Playwright's event loop is open for the whole session, and Django refuses
                # database access under it, so every later database test would fail too.
                raise pytest.UsageError(
                    f"{item.nodeid}: a browser test reads the live server, not the test database"
                )


# The communications worker of the admin journeys: a superuser whose admin speaks Danish.
EDITOR = {"username": "redaktoer", "password": "browser-test-only"}
CREATE_EDITOR = f"""
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile
user = get_user_model().objects.create_superuser(
    {EDITOR["username"]!r}, "redaktoer@example.org", {EDITOR["password"]!r}
)
UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language="da")
"""


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """The demo site on a free port, built from scratch with migrate and load_demo_content."""
    var_dir = tmp_path_factory.mktemp("browser-var")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kvartersite.settings.dev",
        "VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'db.sqlite3'}",
        "REDIS_URL": "",
    }
    _manage(env, "migrate", "--noinput")
    _manage(env, "load_demo_content")
    _manage(env, "shell", "-c", CREATE_EDITOR)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # As `make run` does: the worker sends the newsletter's mails.
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base_url}/robots.txt", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                worker.kill()
                raise RuntimeError("The demo server did not start") from None
            time.sleep(0.3)
    yield base_url
    for process in (server, worker):
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/install_chromium.sh")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_site):
    context = browser.new_context(base_url=live_site, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside_requests = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(live_site) or request.url.startswith("data:")
            else outside_requests.append(request.url)
        ),
    )
    yield page
    context.close()
    assert outside_requests == [], f"third-party requests: {outside_requests}"


@pytest.fixture
def editor_page(page):
    """The page, logged in to the admin as the Danish-speaking editor."""
    page.goto("/admin/login/")
    page.fill("#id_username", EDITOR["username"])
    page.fill("#id_password", EDITOR["password"])
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    return page


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def mailbox(tmp_path_factory):
    """The mails the demo server wrote to its var/mail/ for one address, oldest first.

    The worker sends some of them, so this waits until `count` have arrived or time is up.
    """

    def read(address, count=1, timeout=20):
        deadline = time.monotonic() + timeout
        # "browser-var0", not pytest's "browser-varcurrent" link to the same folder.
        files = "browser-var[0-9]*/mail/*.log"
        while True:
            # Django's file backend appends each message to the file, then a line of dashes.
            messages = [
                email.message_from_bytes(raw.lstrip(), policy=email.policy.default)
                for path in sorted(tmp_path_factory.getbasetemp().glob(files))
                for raw in path.read_bytes().split(b"-" * 79)
                if raw.strip()
            ]
            found = [m for m in messages if address in (m["To"] or "")]
            if len(found) >= count or time.monotonic() > deadline:
                return found
            time.sleep(0.3)

    return read
