"""One item per event with the period of its dates, in place of one item per date.

Existing editions keep what they announced: the items of one event become a single item at the
place of the first, whose period runs from its first announced date to its last.
"""

import datetime
import json
from zoneinfo import ZoneInfo

from django.conf import settings

import wagtail.fields
from django.db import migrations


def merge_event_items(stream):
    """The stream (a list of {"type", "value", "id"}) with one event item per event."""
    local = ZoneInfo(settings.TIME_ZONE)
    merged, by_event = [], {}
    for child in stream:
        value = child.get("value") or {}
        if child.get("type") != "event" or "starts_at" not in value:
            merged.append(child)
            continue
        day = datetime.datetime.fromisoformat(value["starts_at"]).astimezone(local).date()
        existing = by_event.get(value.get("event"))
        if existing is None:
            item = {
                "type": "event",
                "value": {
                    "event": value.get("event"),
                    "first_date": day.isoformat(),
                    "last_date": day.isoformat(),
                },
                "id": child.get("id"),
            }
            by_event[value.get("event")] = item
            merged.append(item)
        else:
            existing["value"]["first_date"] = min(existing["value"]["first_date"], day.isoformat())
            existing["value"]["last_date"] = max(existing["value"]["last_date"], day.isoformat())
    return merged


def forwards(apps, schema_editor):
    newsletter_page = apps.get_model("newsletter", "NewsletterPage")
    revision = apps.get_model("wagtailcore", "Revision")
    content_type = apps.get_model("contenttypes", "ContentType")
    for page in newsletter_page.objects.all():
        raw = page.items.raw_data if hasattr(page.items, "raw_data") else page.items
        newsletter_page.objects.filter(pk=page.pk).update(items=merge_event_items(list(raw)))
    # Drafts and older revisions too, so that reverting or publishing one keeps its dates.
    page_type = content_type.objects.filter(app_label="newsletter", model="newsletterpage").first()
    if page_type is None:
        return
    for row in revision.objects.filter(base_content_type=page_type).iterator():
        items = row.content.get("items")
        if not items:
            continue
        stream = json.loads(items) if isinstance(items, str) else items
        merged = merge_event_items(stream)
        row.content["items"] = json.dumps(merged) if isinstance(items, str) else merged
        row.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ('wagtailcore', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('newsletter', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='newsletterpage',
            name='items',
            field=wagtail.fields.StreamField([('story', 1), ('event', 5), ('issue', 7)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'label': 'story', 'page_type': ['nyheder.StoryPage']}), 1: ('wagtail.blocks.StructBlock', [[('story', 0)]], {}), 2: ('wagtail.blocks.PageChooserBlock', (), {'label': 'event', 'page_type': ['arrangementer.EventPage']}), 3: ('wagtail.blocks.DateBlock', (), {'help_text': 'The first day whose dates this edition announces.', 'label': 'dates from'}), 4: ('wagtail.blocks.DateBlock', (), {'help_text': 'The last day whose dates it announces. Empty: only the first day.', 'label': 'dates until', 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('event', 2), ('first_date', 3), ('last_date', 4)]], {}), 6: ('wagtail.blocks.PageChooserBlock', (), {'label': 'issue', 'page_type': ['agerposten.IssuePage']}), 7: ('wagtail.blocks.StructBlock', [[('issue', 6)]], {})}, help_text='Stories, events and the Agerposten issue, in the order readers see them.', verbose_name='items'),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
