"""Translatable topics in place of free tags: each tag a story had becomes a Danish topic
(same name and slug, the slug made ASCII), and every story, in every language, keeps it.
0003 then removes the tags."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify

import modelcluster.fields

import nyheder.models.topics


def tags_to_topics(apps, schema_editor):
    StoryPageTag = apps.get_model("nyheder", "StoryPageTag")
    StoryPage = apps.get_model("nyheder", "StoryPage")
    Topic = apps.get_model("nyheder", "Topic")
    Locale = apps.get_model("wagtailcore", "Locale")
    tagged = StoryPageTag.objects.select_related("tag").order_by("pk")
    if not tagged.exists():
        return
    locale = (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        or Locale.objects.order_by("pk").first()
    )
    story_topic = StoryPage._meta.get_field("topics").remote_field.through
    topics = {}
    for item in tagged:
        if item.tag_id not in topics:
            topics[item.tag_id], _created = Topic.objects.get_or_create(
                locale=locale,
                slug=slugify(item.tag.slug) or f"topic-{item.tag_id}",
                defaults={"name": item.tag.name, "translation_key": uuid.uuid4()},
            )
        story_topic.objects.get_or_create(
            storypage_id=item.content_object_id, topic_id=topics[item.tag_id].pk
        )


class Migration(migrations.Migration):

    dependencies = [
        ('nyheder', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='Topic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(max_length=80, verbose_name='name')),
                ('slug', models.SlugField(help_text='Used in the web address of the stories about this topic.', max_length=80, verbose_name='slug')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'topic',
                'verbose_name_plural': 'topics',
                'ordering': ['name'],
                'abstract': False,
            },
        ),
        migrations.AddField(
            model_name='storypage',
            name='topics',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to=nyheder.models.topics.in_source_language, related_name='stories', to='nyheder.topic', verbose_name='topics'),
        ),
        migrations.AddConstraint(
            model_name='topic',
            constraint=models.UniqueConstraint(fields=('slug', 'locale'), name='unique_topic_slug'),
        ),
        migrations.AlterUniqueTogether(
            name='topic',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.RunPython(tags_to_topics, migrations.RunPython.noop),
    ]
