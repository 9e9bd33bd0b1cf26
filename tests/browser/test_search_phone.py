"""A resident searches on a 360 px phone in Danish, Arabic and Turkish, with a typo and with a
part of a Danish compound, and can judge each result: what it is, when, in which language,
with the words found marked; a typo offers the right spelling, and nothing is wider than the
screen."""

import pytest

PHONE = {"width": 360, "height": 780}

# (language, a misspelled query, the word offered instead, a title it still finds, the start
# of the word marked in that result)
TYPOS = [
    ("da", "frivilig", "frivillig", "Tolv frivillige bærer Agerposten ud", "frivillig"),
    ("ar", "متطوعيب", "متطوعين", "مكتب المتطوعين", "متطوع"),
    ("tr", "şenlğii", "senligi", "De Aktive Unge tüm mahalle için yaz şenliği düzenledi", "şenli"),
]
# (language, a part of a Danish compound, a title it finds): the Turkish reader finds the
# Danish page that is not translated yet, marked as Danish.
PARTS = [
    ("da", "fest", "Sommerfest i parken"),
    ("ar", "marked", "Loppemarked i fælleshaven"),
    ("tr", "marked", "Loppemarked i fælleshaven"),
]
LANGUAGE_NAMES = {"da": "Dansk", "ar": "العربية", "tr": "Türkçe"}

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def search(page, language, query):
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/search/")
    page.fill("#search-page-query", query)
    page.locator(".search-form--large button[type=submit]").click()
    page.wait_for_load_state()
    assert page.evaluate(OVERFLOW) <= 0, "the results page is wider than the phone"


def result_titled(page, title):
    results = page.locator(".search-result").filter(has=page.get_by_role("link", name=title))
    assert results.count() >= 1, f"{title!r} is not among the results"
    return results.first


def assert_judgeable(result, *, mark):
    """The result says its type, its date and its language, and marks the words found."""
    meta = result.locator(".search-result__meta")
    kind, language = meta.locator("span").first, meta.locator("span").last
    assert kind.inner_text().strip(), "the result does not say what it is"
    assert meta.locator("time[datetime]").count() == 1, "the result has no date"
    assert language.inner_text().strip(), "the result does not say its language"
    marks = [text.lower() for text in result.locator("mark").all_inner_texts()]
    assert any(mark in text for text in marks), f"{mark!r} is not marked in {marks}"


@pytest.mark.parametrize(("language", "typo", "suggestion", "title", "mark"), TYPOS)
def test_a_misspelled_word_finds_the_page_and_offers_the_right_spelling(
    page, screenshot_dir, language, typo, suggestion, title, mark
):
    search(page, language, typo)
    did_you_mean = page.locator(".search-suggestion a")
    assert did_you_mean.inner_text() == suggestion
    result = result_titled(page, title)
    assert_judgeable(result, mark=mark)
    assert LANGUAGE_NAMES[language] in result.locator(".search-result__meta").inner_text()
    page.screenshot(path=screenshot_dir / f"search-typo-{language}-360.png", full_page=True)
    did_you_mean.click()
    page.wait_for_load_state()
    assert page.locator(".search-suggestion").count() == 0
    result_titled(page, title)


@pytest.mark.parametrize(("language", "part", "title"), PARTS)
def test_a_part_of_a_danish_compound_finds_the_page(page, screenshot_dir, language, part, title):
    search(page, language, part)
    result = result_titled(page, title)
    assert_judgeable(result, mark=part)
    meta = result.locator(".search-result__meta").inner_text()
    if language == "da":
        assert LANGUAGE_NAMES["da"] in meta
    else:  # a Danish page found from another language says it is not translated yet
        assert LANGUAGE_NAMES["da"] in meta
    page.screenshot(path=screenshot_dir / f"search-part-{language}-360.png", full_page=True)
