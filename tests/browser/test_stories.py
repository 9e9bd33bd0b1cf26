"""A resident reads a story with a video, in a real browser."""

from nyheder import demo as stories

VIDEO_STORY = next(story for story in stories.STORIES if "video" in story)
STORY_URL = f"/da/{stories.INDEX['slug']}/{VIDEO_STORY['slug']}/"


def test_video_loads_from_youtube_only_after_the_reader_presses_play(browser, live_site):
    # Its own context rather than the `page` fixture, which fails on any third-party request:
    # here one is expected, but only after the click.
    context = browser.new_context(base_url=live_site)
    page = context.new_page()
    outside = []
    page.on("request", lambda r: None if r.url.startswith(live_site) else outside.append(r.url))
    page.route("**/*youtube*/**", lambda route: route.abort())  # never reach the real YouTube
    try:
        page.goto(STORY_URL)
        page.wait_for_load_state("networkidle")
        assert page.locator(".video iframe").count() == 0
        assert outside == []
        page.get_by_role("button", name="Afspil video").click()
        src = page.locator(".video iframe").get_attribute("src")
        assert src.startswith("https://www.youtube-nocookie.com/embed/")
        page.wait_for_timeout(500)
        assert outside and all("youtube-nocookie.com" in url for url in outside)
    finally:
        context.close()
