"""Parts of the shared pages that other apps fill in, without the base app naming them.

An app registers a Wagtail hook that returns a `Section` (or None to leave it out):

- `kvarter_home_sections`: fn(page, request), on the home page;
- `kvarter_head_sections`: fn(page, request), inside <head> on every page (feed links);
- `kvarter_footer_sections`: fn(request), in the footer of every page.

Each section's template sees its context as `section`.
"""

from dataclasses import dataclass, field

from wagtail import hooks


@dataclass(frozen=True)
class Section:
    template: str
    context: dict = field(default_factory=dict)
    # Lower comes first.
    order: int = 50


def collect_sections(hook_name, *args):
    """The sections the apps' `hook_name` hooks give for `args`, in order."""
    sections = [section for fn in hooks.get_hooks(hook_name) if (section := fn(*args))]
    return sorted(sections, key=lambda section: section.order)
