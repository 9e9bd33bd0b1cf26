"""The residents' site search: find, rank, mark and explain.

Pages in the reader's language come first; Danish pages that have no translation in it follow,
marked as Danish. Each word of the query matches a word that starts like it (after stemming),
a part of a Danish compound, or, when the word is not in the index at all, a word one letter
away, which is then offered as "Did you mean …?". The database finds the candidates
(FTS5 on SQLite, a tsvector on PostgreSQL); the ranking is done here, the same on both.

The number of queries does not depend on the amount of content: one for the vocabulary, one
per language searched, one for the shown page of results and one for their stand-ins.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from wagtail import hooks
from wagtail.models import Locale, Page

from kvarter.models import SearchDocument, SearchWord

from . import analysis
from .backend import FTS_TABLE

CANDIDATES = 300
MAX_RESULTS = 100
MAX_CORRECTIONS = 3
# A word shorter than this only matches itself, not every word that starts with it.
MIN_PREFIX = 3
MIN_TYPO_WORD = 4
SNIPPET_BEFORE, SNIPPET_AFTER = 70, 170
# What a query word earns in a page, by where and how it matches.
TITLE_WORD, TITLE_START, TITLE_PART, BODY_WORD, BODY_START, PART = 12, 8, 6, 4, 2.5, 2
CORRECTED = 0.6


@dataclass
class QueryWord:
    word: str
    stem: str
    corrections: list = field(default_factory=list)  # (word, stem) one letter away
    surface: str = ""  # the word as written, where the index holds that too

    @property
    def alternatives(self):
        own = [(self.stem, 1.0)] + ([(self.surface, 1.0)] if self.surface else [])
        return own + [(term, CORRECTED) for word, stem in self.corrections for term in {stem, word}]


@dataclass
class Hit:
    page_id: int
    language: str
    content_type_id: int
    score: float
    fallback: bool
    query_words: list
    document: SearchDocument = None
    page: Page = None
    kind: str = ""
    kind_label: str = ""

    @property
    def title(self):
        return self.document.title

    @property
    def date(self):
        return self.document.date

    @property
    def language_name(self):
        """The content's language in its own words (Dansk, العربية), as the switcher names it."""
        return dict(settings.LANGUAGES).get(self.language, self.language)

    @property
    def snippet(self):
        return snippet(self.document, self.query_words)


@dataclass
class Outcome:
    hits: list
    suggestion: str = ""
    kinds: list = field(default_factory=list)  # (key, label, count)


def search_kinds():
    """{page model: what a resident calls it}, from the `kvarter_search_kinds` hooks, so that
    an app can give its page types a shorter name than their verbose_name:

        @hooks.register("kvarter_search_kinds")
        def search_kinds():
            return {StoryPage: _("Story")}
    """
    found = {}
    for fn in hooks.get_hooks("kvarter_search_kinds"):
        found.update(fn())
    return found


def kind_of(content_type_id, known):
    """(filter key, label) of a page type: the name an app gives it, else its model's name."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model._meta.model_name, known.get(model) or capfirst(model._meta.verbose_name)


def vocabulary(words_by_language):
    """{language: indexed words that may be one letter from, or start like, a query word}."""
    wanted = [
        (language, word)
        for language, words in words_by_language.items()
        for word in words
        if len(word) >= MIN_TYPO_WORD
    ]
    found = {language: set() for language in words_by_language}
    if not wanted:
        return found
    rows = SearchWord.objects.filter(
        Q(head__in={w[:2] for _, w in wanted}) | Q(tail__in={w[-2:] for _, w in wanted}),
        language__in={language for language, _ in wanted},
        length__gte=min(len(w) for _, w in wanted) - 1,
    )
    for language, word in rows.values_list("language", "word"):
        found[language].add(word)
    return found


def corrections(word, known):
    """Indexed words one letter from `word`, when `word` is not, and starts none, of them."""
    if len(word) < MIN_TYPO_WORD or any(w.startswith(word) for w in known):
        return []
    close = [w for w in known if analysis.one_edit_apart(word, w)]
    # A wrong letter or swap before a missing or extra one, then the alphabet, for stability.
    close.sort(key=lambda w: (len(w) != len(word), w))
    return close[:MAX_CORRECTIONS]


def analyse_query(query, language, known):
    result = []
    for word in analysis.query_words(query, language):
        folded = analysis.fold(word, language)
        close = corrections(folded, known) if known is not None else []
        result.append(
            QueryWord(
                word=word,
                stem=analysis.stem(word, language),
                corrections=[(w, analysis.stem(w, language)) for w in close],
                surface=folded
                if language in analysis.SURFACE_LANGUAGES
                and folded != analysis.stem(word, language)
                else "",
            )
        )
    return result


def _match_terms(query_words):
    """Every alternative of every word, and whether it may match as a word start."""
    terms = {}
    for qword in query_words:
        for stem, _weight in qword.alternatives:
            if stem:
                terms[stem] = len(stem) >= MIN_PREFIX
    return terms


def _sqlite_candidates(terms, allowed_sql, allowed_params, language):
    match = " OR ".join(f'"{term}"*' if prefix else f'"{term}"' for term, prefix in terms.items())
    sql = (
        f"SELECT d.page_id, d.language, p.content_type_id, d.title_terms, d.terms, d.parts "
        f"FROM {FTS_TABLE} JOIN kvarter_searchdocument d ON d.page_id = {FTS_TABLE}.rowid "
        f"JOIN wagtailcore_page p ON p.id = d.page_id "
        f"WHERE {FTS_TABLE} MATCH %s AND d.language = %s AND d.page_id IN ({allowed_sql}) "
        f"ORDER BY bm25({FTS_TABLE}, 10.0, 3.0, 1.0), d.page_id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, language, *allowed_params, CANDIDATES])
        return cursor.fetchall()


def _postgresql_candidates(terms, allowed_sql, allowed_params, language):
    tsquery = " | ".join(f"{term}:*" if prefix else term for term, prefix in terms.items())
    sql = (
        "SELECT d.page_id, d.language, p.content_type_id, d.title_terms, d.terms, d.parts "
        "FROM kvarter_searchdocument d JOIN wagtailcore_page p ON p.id = d.page_id, "
        "to_tsquery('simple'::regconfig, %s) q "
        f"WHERE d.search_vector @@ q AND d.language = %s AND d.page_id IN ({allowed_sql}) "
        "ORDER BY ts_rank(d.search_vector, q) DESC, d.page_id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [tsquery, language, *allowed_params, CANDIDATES])
        return cursor.fetchall()


def _word_score(alternatives, title_terms, terms, parts):
    """The best score of one query word's alternatives in a page's terms, each given as
    " term term … " (a space on both sides), so that a whole term is " stem " and a term's
    start " stem": plain substring searches, with no per-term loop in Python."""
    best = 0.0
    for stem, weight in alternatives:
        prefix = len(stem) >= MIN_PREFIX
        if f" {stem} " in title_terms:
            score = TITLE_WORD
        elif prefix and f" {stem}" in title_terms:
            score = TITLE_START
        elif prefix and _inside_a_term(stem, title_terms):
            score = TITLE_PART
        elif f" {stem} " in terms:
            score = BODY_WORD
        elif prefix and f" {stem}" in terms:
            score = BODY_START
        elif prefix and f" {stem}" in parts:
            score = PART
        else:
            score = 0.0
        best = max(best, score * weight)
    return best


def _inside_a_term(stem, spaced_terms):
    """Whether `stem` is in a term after its first MIN_HEAD letters ("fest" in "sommerfest")."""
    return re.search(rf"[^ ]{{{analysis.MIN_HEAD}}}{re.escape(stem)}", spaced_terms) is not None


def rank(rows, query_words, fallback):
    """Hits for candidate rows, best first: pages that match more of the words, then the
    better matches (title before body, whole word before word start before compound part)."""
    hits = []
    for page_id, language, content_type_id, title_terms, terms, parts in rows:
        title_terms, terms, parts = f" {title_terms} ", f" {terms} ", f" {parts} "
        scores = [
            _word_score(qword.alternatives, title_terms, terms, parts) for qword in query_words
        ]
        matched = sum(1 for score in scores if score)
        if not matched:
            continue
        hits.append(
            Hit(
                page_id=page_id,
                language=language,
                content_type_id=content_type_id,
                score=matched * 100 + sum(scores),
                fallback=fallback,
                query_words=query_words,
            )
        )
    if not hits:
        return []
    # Leave out pages that match only a small part of a longer query.
    best = max(hit.score // 100 for hit in hits)
    hits = [hit for hit in hits if hit.score // 100 >= max(1, best - 1)]
    hits.sort(key=lambda hit: (-hit.score, hit.page_id))
    return hits[:MAX_RESULTS]


def _allowed(locale, fallback_for=None):
    pages = Page.objects.live().public().filter(locale=locale)
    if fallback_for is not None:
        translated = Page.objects.filter(locale=fallback_for, alias_of__isnull=True)
        pages = pages.exclude(translation_key__in=translated.values("translation_key"))
    return pages.order_by().values("id").query.sql_with_params()


def search(query, locale, kind=None):
    """An Outcome for `query` typed by a reader of `locale`'s language, optionally of one kind."""
    language = locale.language_code
    groups = [(language, locale, None)]
    if language != settings.LANGUAGE_CODE:
        danish = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        groups.append((settings.LANGUAGE_CODE, danish, locale))
    words = {lang: analysis.query_words(query, lang) for lang, _, _ in groups}
    folded = {lang: [analysis.fold(w, lang) for w in ws] for lang, ws in words.items()}
    known = vocabulary(folded)
    find = _postgresql_candidates if connection.vendor == "postgresql" else _sqlite_candidates
    hits, suggestion = [], ""
    for lang, group_locale, fallback_for in groups:
        query_words = analyse_query(query, lang, known[lang])
        terms = _match_terms(query_words)
        if not terms:
            continue
        sql, params = _allowed(group_locale, fallback_for)
        hits += rank(find(terms, sql, params, lang), query_words, fallback_for is not None)
        if lang == language and any(qword.corrections for qword in query_words):
            suggestion = " ".join(
                qword.corrections[0][0] if qword.corrections else qword.word
                for qword in query_words
            )
    known_kinds = search_kinds()
    counts = {}
    for hit in hits:
        hit.kind, hit.kind_label = kind_of(hit.content_type_id, known_kinds)
        key = (hit.kind, hit.kind_label)
        counts[key] = counts.get(key, 0) + 1
    if kind:
        hits = [hit for hit in hits if hit.kind == kind]
    return Outcome(
        hits=hits,
        suggestion=suggestion,
        kinds=sorted(((key, label, n) for (key, label), n in counts.items()), key=lambda k: -k[2]),
    )


def load(hits, locale):
    """Give the hits of one page of results their document and page: two queries."""
    documents = SearchDocument.objects.filter(page_id__in=[hit.page_id for hit in hits])
    by_id = {doc.page_id: doc for doc in documents.select_related("page", "page__locale")}
    stand_ins = {
        page.alias_of_id: page
        for page in Page.objects.filter(
            locale=locale, alias_of_id__in=[hit.page_id for hit in hits if hit.fallback]
        ).select_related("locale")
    }
    loaded = []
    for hit in hits:
        if hit.page_id not in by_id:
            continue
        hit.document = by_id[hit.page_id]
        # A Danish page is opened through its stand-in, so the interface stays the reader's.
        hit.page = stand_ins.get(hit.page_id, hit.document.page)
        loaded.append(hit)
    return loaded


def is_hit(word, language, query_words):
    """Whether a word of a text is one the query found: by stem, word start, correction or,
    in Danish, as a compound part. The snippets mark these; Agerposten boxes them on scans."""
    normalised = analysis.fold(analysis.normalise(word, language), language)
    stem = analysis.stem(analysis.normalise(word, language), language)
    for qword in query_words:
        for alternative, _weight in qword.alternatives:
            if stem == alternative or (
                len(alternative) >= MIN_PREFIX and stem.startswith(alternative)
            ):
                return True
        if len(qword.word) >= analysis.MIN_PART and language in analysis.COMPOUND_LANGUAGES:
            part = analysis.fold(qword.word, language)
            if normalised.find(part, analysis.MIN_HEAD) >= 0:
                return True
    return False


WORD_IN_TEXT = re.compile(r"\w+")


def highlight(text, language, query_words, verdicts=None):
    """A piece of `text` around its first hit, escaped, with the hits in <mark>.

    A text repeats its words, and so do the pages of one search: each word is judged once,
    kept in `verdicts` (a dict the caller may share between the texts of one query).
    """
    text = " ".join(text.split())
    found = []
    verdicts = {} if verdicts is None else verdicts
    for match in WORD_IN_TEXT.finditer(text):
        if found and match.start() > found[0].start() + SNIPPET_AFTER:
            break  # past the end of the piece shown
        word = match.group()
        if word not in verdicts:
            verdicts[word] = is_hit(word, language, query_words)
        if verdicts[word]:
            found.append(match)
    if not found:
        start, end = 0, SNIPPET_BEFORE + SNIPPET_AFTER
    else:
        start = max(0, found[0].start() - SNIPPET_BEFORE)
        end = found[0].start() + SNIPPET_AFTER
    if start:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    parts, position = [], start
    for match in found:
        if match.start() < start or match.end() > end:
            continue
        parts += [escape(text[position : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        position = match.end()
    parts.append(escape(text[position:end]))
    return mark_safe(
        ("… " if start else "") + "".join(parts).strip() + (" …" if end < len(text) else "")
    )


def snippet(document, query_words):
    return highlight(document.text or document.title, document.language, query_words)
