"""Screenshots of the newsletter mail, in Danish and Arabic, at phone and desktop widths.

    .venv/bin/python scripts/newsletter_screenshots.py [EDITION_ID] [--output var/screenshots]

Renders an edition (default: the newest) from the project's database, the demo data after
`make run`, as subscribers get it. Writes newsletter-<language>.html and
newsletter-<language>-<width>.png for 375 and 600 px wide. Chromium gets the images from
MEDIA_ROOT directly, so no server needs to run, and every other request is blocked, as a
careful mail program would.
"""

import argparse
import os
import sys
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parent.parent
LANGUAGES = ["da", "ar"]
WIDTHS = [375, 600]
CHROMIUM = "/usr/bin/chromium"


def serve_media_only(root_url, media_url, media_root):
    prefix = root_url + media_url

    def handle(route):
        url = route.request.url.split("?", 1)[0]
        path = (media_root / url.removeprefix(prefix)).resolve()
        if url.startswith(prefix) and path.is_relative_to(media_root) and path.is_file():
            route.fulfill(path=path)
        else:
            route.abort()

    return handle


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition_id", nargs="?", type=int, help="default: the newest edition")
    parser.add_argument("--output", type=Path, default=BASE_DIR / "var" / "screenshots")
    args = parser.parse_args()

    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvartersite.settings.dev")
    django.setup()

    from django.conf import settings

    from playwright.sync_api import sync_playwright

    from kvarter.mail import site_root_url
    from nyheder.newsletter.models import NewsletterPage
    from nyheder.newsletter.rendering import render_edition

    editions = NewsletterPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    if args.edition_id:
        editions = editions.filter(pk=args.edition_id)
    edition = editions.order_by("-pk").first()
    if edition is None:
        sys.exit("No newsletter edition found: run `make run` (demo data) or compose one.")

    args.output.mkdir(parents=True, exist_ok=True)
    handle = serve_media_only(
        site_root_url(), settings.MEDIA_URL, Path(settings.MEDIA_ROOT).resolve()
    )
    # Rendered first: Playwright runs an event loop, in which Django refuses database queries.
    mails = {language: render_edition(edition, language) for language in LANGUAGES}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
        )
        for language, mail in mails.items():
            html_path = args.output / f"newsletter-{language}.html"
            html_path.write_text(mail.html, encoding="utf-8")
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 800})
                page.route("**/*", handle)
                page.set_content(mail.html, wait_until="load")
                png_path = args.output / f"newsletter-{language}-{width}.png"
                page.screenshot(path=png_path, full_page=True)
                page.close()
                print(png_path, f"({len(mail.html.encode()) / 1024:.1f} KB HTML)")
        browser.close()


if __name__ == "__main__":
    main()
