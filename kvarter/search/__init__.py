"""The site search: per-language analysis, the index Wagtail keeps up to date, and the query.

See docs/search.md.
"""
