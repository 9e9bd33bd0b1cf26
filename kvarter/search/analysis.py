"""How a text in one of the site's languages becomes the terms the search index holds.

The same analysis runs on the text when it is indexed and on what a resident types, on SQLite
and on PostgreSQL alike, so both databases find the same pages:

- every language: lower case (Turkish dotted and dotless i kept apart), Unicode NFC;
- Danish, English and Turkish: Snowball stemming ("frivillige" and "frivillig" meet at
  "frivil"), the same algorithms as PostgreSQL's `danish`, `english` and `turkish` configs.
  Turkish stems are then folded to ASCII, since many residents type on a Danish keyboard;
- Arabic and Urdu: short vowels (tashkeel) and tatweel removed, أ إ آ ٱ → ا, ة ۃ → ه,
  ى ی → ي, ک → ك, ہ → ه, Arabic-Indic digits → 0-9; Arabic is then Snowball-stemmed;
- Danish and English: accents other than æ, ø and å dropped (café, cafe);
- Somali: accents and apostrophes dropped, long vowels and doubled letters written once;
- Danish compounds: the tail parts of long words are indexed too ("sommerfest" also holds
  "fest"), so a word-start query on them finds the compound.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+")
MAX_QUERY_WORDS = 10
STEMMERS = {"da": "danish", "en": "english", "tr": "turkish"}
# Light stemming for Arabic (Larkey, Ballesteros and Connell's "light10"): the article and its
# clitics, then common suffixes, after normalisation. Snowball's Arabic stemmer leaves short
# words untouched, so "اعلان" and "الإعلان" would not meet.
ARABIC_PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال"]
ARABIC_SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"]
# Words whose surface form is indexed next to the stem, so that a query the stemmer reads
# differently (Turkish typed without its letters) still matches as the start of a word.
SURFACE_LANGUAGES = {"tr", "ar"}
ARABIC_SCRIPT = {"ar", "ur"}
# A compound's tail is indexed when it has at least this many letters, and the head too.
COMPOUND_LANGUAGES = {"da"}
MIN_PART, MIN_HEAD = 4, 3
TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ۃ": "ه",
        "ہ": "ه",
        "ۀ": "ه",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ک": "ك",
        "ؤ": "و",
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    }
)
TURKISH_FOLD = str.maketrans("çğıöşüâîû", "cgiosuaiu")
# Danish and English keep æ, ø and å, but café and cafe, Kvindecafé and kvindecafe are one word.
LATIN_ACCENTS = str.maketrans("áàâäéèêëíìîïóòôúùûüç", "aaaaeeeeiiiiooouuuuc")
SOMALI_APOSTROPHES = re.compile("['’ʼ`]")
REPEATED_LETTER = re.compile(r"(\w)\1+")


def _strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise(text, language):
    """`text` as the index sees its letters, before words are cut and stemmed."""
    text = unicodedata.normalize("NFC", text)
    if language == "tr":
        text = text.replace("İ", "i").replace("I", "ı")
    text = text.lower()
    if language in ARABIC_SCRIPT:
        text = TASHKEEL.sub("", text).translate(ARABIC_LETTERS)
    elif language in {"da", "en"}:
        text = text.translate(LATIN_ACCENTS)
    elif language == "so":
        text = REPEATED_LETTER.sub(r"\1", SOMALI_APOSTROPHES.sub("", _strip_accents(text)))
    return text


def words(text, language):
    """The normalised words of `text`, in order."""
    return WORD.findall(normalise(text, language))


@lru_cache(maxsize=8)
def _stemmer(language):
    algorithm = STEMMERS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def light_stem_arabic(word):
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    else:
        if word.startswith("و") and len(word) >= 4:
            word = word[1:]
    for suffix in ARABIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def stem(word, language):
    """The index term of one normalised word."""
    stemmer = _stemmer(language)
    if language == "ar":
        term = light_stem_arabic(word)
    else:
        term = stemmer.stemWord(word) if stemmer else word
    if language == "tr":
        term = term.translate(TURKISH_FOLD)
    return term


def fold(word, language):
    """A normalised word as it is compared for typos and compound parts."""
    return word.translate(TURKISH_FOLD) if language == "tr" else word


def compound_parts(word, language):
    """The tails of a long Danish word that may be words of their own: "sommerfest" → "merfest",
    "erfest", "rfest", "fest". Matched by word start, they find "fest" inside the compound."""
    if language not in COMPOUND_LANGUAGES or len(word) < MIN_HEAD + MIN_PART:
        return []
    return [word[start:] for start in range(MIN_HEAD, len(word) - MIN_PART + 1)]


def word_terms(word, language):
    """The terms one normalised word is indexed as: its stem, and in SURFACE_LANGUAGES also
    the (folded) word itself."""
    term = stem(word, language)
    surface = fold(word, language)
    if language in SURFACE_LANGUAGES and surface != term:
        return [term, surface]
    return [term]


def terms(text, language):
    """The stemmed terms of `text`, space-separated, as the index stores them."""
    return " ".join(t for word in words(text, language) for t in word_terms(word, language))


def parts(text, language):
    """The compound parts of the words of `text`, space-separated (see `compound_parts`)."""
    return " ".join(
        stem(part, language)
        for word in set(words(text, language))
        if not word.isdigit()
        for part in compound_parts(word, language)
    )


def query_words(query, language):
    """The distinct normalised words of a query, at most MAX_QUERY_WORDS of them."""
    return list(dict.fromkeys(words(query, language)))[:MAX_QUERY_WORDS]


def one_edit_apart(a, b):
    """True when `b` is `a` with one letter wrong, missing, added, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]
