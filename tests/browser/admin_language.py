"""What a Danish editor reads in the admin: the visible strings of a screen, and which are English.

A string counts as English when it is a Wagtail or wagtail-localize msgid whose Danish differs
(so the catalogue missed it), or when it holds English-only words. Names, numbers, dates, URLs
and file names are not wording and are left out.
"""

import re
from functools import cache
from pathlib import Path

from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

import wagtail
import wagtail_localize

import polib

# Words that English admin text is made of and Danish text never uses.
# ("at", "to", "sort", "filter", "tags", "send", "sent", "have", "upload" are Danish words too.)
ENGLISH_WORDS = {
    "the", "and", "of", "your", "this", "these", "is", "are", "with", "you", "has",
    "been", "there", "which", "will", "not", "no", "yes", "or", "by", "from",
    "page", "pages", "edit", "editing", "choose", "delete", "save", "saved", "publish",
    "published", "unpublish", "schedule", "scheduled", "settings", "search", "image", "images",
    "document", "documents", "snippet", "snippets", "view", "draft", "preview", "history",
    "translate", "translation", "translations", "sync", "add", "new", "more", "select",
    "cancel", "submit", "workflow", "workflows", "comments", "comment", "locked", "lock",
    "unlock", "title", "date", "show", "all", "items", "latest", "recent", "changes",
    "language", "back", "help", "reports", "report", "collection", "usage",
    "created", "updated", "file", "files", "actions", "close", "open", "remove",
    "subscribers", "unsubscribed", "confirmed", "pending",
}  # fmt: skip
NOT_WORDING = re.compile(
    r"^[\W\d_]*$"  # numbers, dates, punctuation
    r"|^\S+@\S+$|^https?://|^/\S*$"  # addresses and paths
    r"|^\S+\.(jpe?g|png|pdf|webp|avif|svg|csv|xlsx)$",  # file names
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W\d_]+")

# Every visible text node, and the labels a screen reader or a mouse-over reads.
COLLECT_STRINGS = """() => {
  const strings = [];
  const visible = (el) => {
    if (!el || el.closest('[hidden], template, script, style, noscript')) return false;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return (box.width > 0 && box.height > 0 && style.visibility !== 'hidden')
      || el.closest('.w-sr-only, .visuallyhidden') !== null;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.textContent.trim() && visible(node.parentElement)) {
      strings.push(node.textContent);
    }
  }
  for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
    if (!visible(el)) continue;
    for (const name of ['aria-label', 'placeholder', 'title']) {
      if (el.getAttribute(name)) strings.push(el.getAttribute(name));
    }
  }
  for (const el of document.body.querySelectorAll('input[type=submit], input[type=button]')) {
    if (visible(el) && el.value) strings.push(el.value);
  }
  return strings;
}"""


def normalise(text):
    return " ".join(text.split())


@cache
def untranslated_when_shown():
    """English msgids of Wagtail and wagtail-localize that Danish translates to something else."""
    found = set()
    # The JS catalogues are read by Django's JavaScriptCatalog from the same paths.
    javascript = DjangoTranslation("da", domain="djangojs")
    with translation.override("da"):
        for package in (wagtail, wagtail_localize):
            root = Path(package.__path__[0])
            for source in root.glob("**/locale/en/LC_MESSAGES/*.po"):
                for entry in polib.pofile(str(source)):
                    if entry.obsolete or "%" in entry.msgid or "{" in entry.msgid:
                        continue
                    if entry.msgctxt:
                        danish = translation.pgettext(entry.msgctxt, entry.msgid)
                    elif source.stem == "djangojs":
                        danish = javascript.gettext(entry.msgid)
                    else:
                        danish = translation.gettext(entry.msgid)
                    if normalise(danish) != normalise(entry.msgid):
                        found.add(normalise(entry.msgid))
    return frozenset(found)


def is_wording(text):
    return not NOT_WORDING.search(text) and bool(WORD.search(text))


def is_english(text, exempt=()):
    text = normalise(text)
    if text in exempt or not is_wording(text):
        return False
    # Names and content inside a sentence ("Udforsk undersider af 'Image og kommunikation'").
    for name in exempt:
        text = text.replace(name, "")
    if text in untranslated_when_shown():
        return True
    words = {word.lower() for word in WORD.findall(text)}
    return bool(words & ENGLISH_WORDS)


def screen_strings(page):
    strings = {normalise(text) for text in page.evaluate(COLLECT_STRINGS)}
    return sorted(text for text in strings if is_wording(text))


def english_on_screen(page, exempt=()):
    """The visible strings of the screen, and those of them that are English."""
    strings = screen_strings(page)
    return strings, [text for text in strings if is_english(text, exempt)]
