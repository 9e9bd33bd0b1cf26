"""The language-leak check: a resident who reads Arabic, Urdu, Somali or English meets Danish
only as marked content, never in the interface, and a Danish fragment on a right-to-left page
keeps its left-to-right order.

Danish content is recognised by comparing each page with its Danish version: a text that also
stands on the Danish page is Danish content (names and numbers aside). Danish interface text is
recognised by the Danish catalogue: a string whose translation in the reader's language differs.
"""

import re
from pathlib import Path

import polib
import pytest

from tests.browser.helpers import PAGE_TYPES

LOCALE = Path(__file__).resolve().parents[2] / "locale"
READER_LANGUAGES = ["ar", "ur", "so", "en"]
RTL = {"ar", "ur"}
# Dates are interface: Django writes these names in Danish only when the reader is Danish.
DANISH_DATE_WORDS = re.compile(
    r"\b(januar|februar|marts|maj|juni|juli|oktober|mandag|tirsdag|onsdag|torsdag|fredag|"
    r"lørdag|søndag|Mandag|Tirsdag|Onsdag|Torsdag|Fredag|Lørdag|Søndag)\b"
)
# Addresses and file extensions (".ics") read alike in every language.
ADDRESS = re.compile(r"\S+@\S+|\w+://\S+|\bwww\.\S+|(?<!\w)\.\w+")
# Django writes file sizes alike in Danish and English ("995 bytes").
FILE_SIZE = re.compile(r"\b\d[\d.,]*\s?(bytes|KB|MB|GB)\b")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")

# Every visible text, with the language and direction it is shown in. Attributes that a screen
# reader reads out count as text of their element.
COLLECT_TEXTS = """() => {
  const texts = [];
  const add = (text, element) => {
    text = text.replace(/\\s+/g, " ").trim();
    if (!text) return;
    const marked = element.closest("[lang]");
    texts.push({
      text,
      lang: marked ? marked.getAttribute("lang").split("-")[0] : "",
      // A fragment marked on its own (a page's title in the menu), not a region of the page.
      whole: marked !== null && marked !== document.documentElement
        && marked.textContent.replace(/\\s+/g, " ").trim() === text,
      direction: getComputedStyle(element).direction,
      date: element.closest("time") !== null,
      where: element.outerHTML.slice(0, 120),
    });
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (element.closest("script, style, template, noscript")) continue;
    if (!element.checkVisibility()) continue;
    add(walker.currentNode.textContent, element);
  }
  const spoken = ["aria-label", "placeholder", "alt", "title"];
  for (const element of document.body.querySelectorAll(spoken.map((n) => `[${n}]`).join())) {
    for (const name of spoken) {
      if (element.hasAttribute(name)) add(element.getAttribute(name), element);
    }
  }
  add(document.title, document.documentElement);
  return texts;
}"""


def catalogue(language):
    entries = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    return {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgid for entry in entries}


def danish_interface_patterns(language):
    """The Danish interface strings that the reader's language translates differently."""
    danish, readers = catalogue("da"), catalogue(language)
    patterns = []
    for key, danish_text in danish.items():
        if readers.get(key, key[1]) == danish_text or len(danish_text) < 4:
            continue
        parts = PLACEHOLDER.split(danish_text)
        if len(parts) > 1 and len(re.findall(r"\w+", " ".join(parts))) < 2:
            continue  # "Hver %(weekday)s" would match any sentence that starts with "Hver"
        regex = ".+?".join(re.escape(" ".join(part.split())) for part in parts)
        patterns.append(re.compile(f"^{regex}$"))
    return patterns


def reader_interface(language):
    """Every interface string as the reader sees it: in English, "E-mail" is Danish too."""
    return {text.rstrip(":") for text in catalogue(language).values()}


def is_wording(text):
    """Text made of words, not only names, numbers, addresses and punctuation: a lower-case
    word outside e-mail and web addresses, file extensions and file sizes."""
    text = FILE_SIZE.sub(" ", ADDRESS.sub(" ", text))
    return any(word[0].islower() for word in re.findall(r"[^\W\d_]{3,}", text))


@pytest.fixture(scope="module")
def danish_texts(browser, live_site):
    """The Danish texts of each page, by path, read once."""
    context = browser.new_context(base_url=live_site)
    tab = context.new_page()
    texts = {}

    def read(path):
        if path not in texts:
            tab.goto(f"/da/{path}")
            texts[path] = {item["text"] for item in tab.evaluate(COLLECT_TEXTS)}
        return texts[path]

    yield read
    context.close()


@pytest.mark.parametrize("language", READER_LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_danish_appears_only_as_marked_content(page, danish_texts, page_type, language):
    path = PAGE_TYPES[page_type]
    response = page.goto(f"/{language}/{path}")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    danish = danish_texts(path)
    interface = danish_interface_patterns(language)
    own_interface = reader_interface(language)
    leaks = []
    for item in page.evaluate(COLLECT_TEXTS):
        text, marked_danish = item["text"], item["lang"] == "da"
        if (
            not marked_danish
            and text in danish
            and is_wording(text)
            and text.rstrip(":") not in own_interface
        ):
            leaks.append(f"Danish content not marked lang=da: {text!r} in {item['where']}")
        danish_fragment = marked_danish and item["whole"]
        if not danish_fragment and any(pattern.match(text) for pattern in interface):
            leaks.append(f"Danish interface: {text!r} in {item['where']}")
        if item["date"] and DANISH_DATE_WORDS.search(text):
            leaks.append(f"Danish date: {text!r} in {item['where']}")
        if language in RTL and marked_danish and item["direction"] != "ltr":
            leaks.append(f"Danish laid out right to left: {text!r} in {item['where']}")
    assert leaks == [], f"/{language}/{path}:\n" + "\n".join(leaks)
