"""Builds the demo site from `content.py`. Safe to run again: what exists is left alone."""

import datetime
import html
import io
import re
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import PageIndex

from kvarter.images import IMAGE_SIZES, filter_specs
from kvarter.models import (
    ActivityPage,
    ContactPage,
    ContactPerson,
    FocusAreaPage,
    FundingShare,
    HomePage,
    HousingArea,
    NetworkPage,
    Partner,
    Person,
    PlanDocument,
    PlanPage,
    SiteSettings,
    StandardPage,
)

from . import content
from .drawings import draw_scene, text_pdf

SOURCE_LANGUAGE = "da"
# Keys of a page definition that hold its child pages, not its own texts.
CHILD_PAGE_KEYS = {"activities"}
# How wagtail-localize stores the line breaks of a plain-text field in a segment.
LINE_BREAK_TAG = re.compile(r"<br\s*/?>")


def grant_to_staff(app_label, codenames):
    """Model permissions for Wagtail's "Moderators", the demo editor's group."""
    staff = Group.objects.filter(name="Moderators").first()
    if staff is not None:
        staff.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def segment_text(data):
    """A wagtail-localize segment's text as the demo writes it: a plain-text field's line
    breaks are stored as <br> tags."""
    return html.unescape(LINE_BREAK_TAG.sub("\n", data))


def segment_data(text):
    """The segment data for the demo's `text`, line breaks included."""
    return html.escape(text, quote=False).replace("\n", "<br/>")


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.created = 0
        self.images = {}
        self.people = {}
        self.partners = {}
        self.housing_areas = {}

    # Locales -------------------------------------------------------------

    def ensure_locales(self):
        self.locales = {}
        for code, _name in settings.LANGUAGES:
            self.locales[code], _ = Locale.objects.get_or_create(language_code=code)

    # Media ---------------------------------------------------------------

    def image(self, scene, seed=0):
        if scene is None:
            return None
        key = (scene, seed)
        if key not in self.images:
            name = content.IMAGE_TITLES[scene]
            title = f"Demo: {name} {seed}" if seed else f"Demo: {name}"
            image_model = get_image_model()
            image = image_model.objects.filter(title=title).first()
            if image is None:
                image = image_model(
                    title=title,
                    description=content.IMAGE_ALT[scene],
                    file=ImageFile(
                        io.BytesIO(draw_scene(scene, seed)), name=f"demo-{scene}-{seed}.jpg"
                    ),
                )
                image.save()
                self.created += 1
            self.images[key] = image
        return self.images[key]

    def prerender_renditions(self):
        """Make every responsive rendition now, so the first visitor does not wait for it."""
        for (scene, _seed), image in self.images.items():
            sizes = ["portrait"] if scene == "portrait" else IMAGE_SIZES
            image.get_renditions(*[spec for size in sizes for spec in filter_specs(size)])

    def plan_document(self):
        document_model = get_document_model()
        title = "Mennesker i Fokus – kort fortalt (demo)"
        document = document_model.objects.filter(title=title).first()
        if document is None:
            pdf = text_pdf(
                "Mennesker i Fokus 2012–2016",
                [
                    "Boligsocial helhedsplan for Charlottekvarteret (demodokument).",
                    "Periode: 1. juli 2012 – 30. juni 2016. Bevilling: 13,3 mio. kr.",
                    "Fire indsatsområder: uddannelse og beskæftigelse, beboernetværk,",
                    "kultur og fritid, samt image og kommunikation.",
                ],
            )
            document = document_model(
                title=title,
                file=ContentFile(pdf, name="mennesker-i-fokus-demo.pdf"),
                file_size=len(pdf),
            )
            document.save()
            self.created += 1
        return document

    # Snippets ------------------------------------------------------------

    def translated_snippet(self, model, lookup, values, translations):
        """The Danish snippet and one translation per language in `translations`."""
        source = model.objects.filter(locale=self.locales[SOURCE_LANGUAGE], **lookup).first()
        if source is None:
            source = model(locale=self.locales[SOURCE_LANGUAGE], **lookup, **values)
            for field, texts in translations.items():
                setattr(source, field, texts[SOURCE_LANGUAGE])
            source.save()
            self.created += 1
        languages = set.intersection(*(set(texts) for texts in translations.values()))
        for code in sorted(languages - {SOURCE_LANGUAGE}):
            if source.get_translation_or_none(self.locales[code]) is None:
                copy = source.copy_for_translation(self.locales[code])
                for field, texts in translations.items():
                    setattr(copy, field, texts[code])
                copy.save()
                self.created += 1
        return source

    def load_snippets(self):
        for area in content.HOUSING_AREAS:
            self.housing_areas[area["key"]] = self.translated_snippet(
                HousingArea,
                {"name": area["name"]},
                {"housing_organisation": area["housing_organisation"]},
                {"description": area["description"]},
            )
        for person in content.PEOPLE:
            self.people[person["key"]] = self.translated_snippet(
                Person,
                {"email": person["email"]},
                {
                    "name": person["name"],
                    "phone": person["phone"],
                    "photo": self.image(person["photo"], seed=person["key"]),
                },
                {"role": person["role"]},
            )
        for partner in content.PARTNERS:
            self.partners[partner["key"]] = self.translated_snippet(
                Partner,
                {"name": partner["name"]},
                {"website": partner["website"]},
                {"description": partner["description"]},
            )

    # Pages ---------------------------------------------------------------

    @staticmethod
    def body(blocks, code=SOURCE_LANGUAGE):
        stream = []
        for block_type, value in blocks:
            if block_type == "heading":
                stream.append(("heading", {"text": value[code], "level": "h2"}))
            elif block_type == "paragraph":
                stream.append(("paragraph", RichText(f"<p>{html.escape(value[code])}</p>")))
            elif block_type == "quote":
                stream.append(
                    (
                        "quote",
                        {"text": value["text"][code], "attribution": value["attribution"][code]},
                    )
                )
            elif block_type == "fact_box":
                stream.append(
                    (
                        "fact_box",
                        {"title": value["title"][code], "facts": [f[code] for f in value["facts"]]},
                    )
                )
            else:
                raise ValueError(f"Unknown demo block type: {block_type}")
        return stream

    @staticmethod
    def texts(data):
        """Every translatable text of a page definition, as a list of {language: text}."""
        found = []
        for key, value in data.items():
            if key in CHILD_PAGE_KEYS:
                continue
            if key == "body":
                for _block_type, block in value:
                    found.extend(DemoLoader.texts({"block": block}))
            elif isinstance(value, dict) and SOURCE_LANGUAGE in value:
                found.append(value)
            elif isinstance(value, dict):
                found.extend(DemoLoader.texts(value))
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        found.extend(DemoLoader.texts({"item": item}))
        return found

    def page(self, parent, model, data, **fields):
        """The Danish page under `parent`, created and published if missing."""
        existing = parent.get_children().filter(slug=data["slug"]).first()
        if existing is not None:
            return existing.specific
        page = model(
            slug=data["slug"],
            title=data["title"][SOURCE_LANGUAGE],
            intro=data["intro"][SOURCE_LANGUAGE],
            image=self.image(data.get("image")),
            locale=parent.locale if parent.depth > 1 else self.locales[SOURCE_LANGUAGE],
            body=self.body(data.get("body", [])),
            **fields,
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        self.pending_translations.append((page, data))
        return page

    def translate(self, page, data):
        """Translate `page` with wagtail-localize, from the texts in its definition."""
        languages = set.intersection(*(set(texts) for texts in self.texts(data)))
        source, _ = TranslationSource.get_or_create_from_instance(page)
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for code in sorted(languages - {SOURCE_LANGUAGE}):
            locale = self.locales[code]
            existing = page.get_translation_or_none(locale)
            if existing is not None and existing.alias_of_id is None:
                continue
            by_source = {texts[SOURCE_LANGUAGE]: texts[code] for texts in self.texts(data)}
            for segment in segments:
                text = by_source.get(segment_text(segment.string.data))
                if text is None:
                    continue
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={
                        "data": segment_data(text),
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    },
                )
            translation, _ = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            # wagtail-localize publishes on commit, which inside this transaction would run last,
            # from stale page objects; save a draft and publish it here instead.
            translation.save_target(publish=False)
            translated_page = translation.get_target_instance()
            translated_page.get_latest_revision().publish()
            self.created += 1

    def home_page(self):
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        old_root = site.root_page if site.pk else None
        if old_root is not None and isinstance(old_root.specific, HomePage):
            home = old_root.specific
        else:
            home = self.page(Page.get_first_root_node(), HomePage, content.HOME)
        # Feeds, sitemaps, mails and share links are absolute: point them where the site is
        # served, also when it has moved to another port since the last load.
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        hostname = base_url.hostname or "localhost"
        port = base_url.port or (443 if base_url.scheme == "https" else 80)
        if (site.hostname, site.port, site.root_page_id) != (hostname, port, home.pk):
            site.hostname, site.port, site.root_page = hostname, port, home
            site.site_name = "Charlottekvarteret"
            site.save()
        if old_root is not None and old_root.pk != home.pk and not old_root.get_children().exists():
            old_root.delete()  # Wagtail's "Welcome" page
        return home

    def load_pages(self):
        self.pending_translations = []
        home = self.home_page()
        plan = content.PLAN
        plan_page = self.page(
            home,
            PlanPage,
            plan,
            period_start=datetime.date.fromisoformat(plan["period_start"]),
            period_end=datetime.date.fromisoformat(plan["period_end"]),
            grant_amount=Decimal(plan["grant_amount"]),
            show_in_menus=True,
        )
        if not plan_page.funding_shares.exists():
            for partner in content.PARTNERS:
                FundingShare.objects.create(
                    page=plan_page,
                    partner=self.partners[partner["key"]],
                    share_percent=Decimal(partner["share_percent"]),
                )
            PlanDocument.objects.create(page=plan_page, document=self.plan_document())
            plan_page.save_revision().publish()
        for focus_area in content.FOCUS_AREAS:
            focus_page = self.page(plan_page, FocusAreaPage, focus_area)
            for activity in focus_area["activities"]:
                self.page(
                    focus_page,
                    ActivityPage,
                    activity,
                    when=activity["when"][SOURCE_LANGUAGE],
                    housing_area=self.housing_areas.get(activity["housing_area"]),
                    contact_person=self.people[activity["contact"]],
                )
        network_index = self.page(home, StandardPage, content.NETWORK_INDEX, show_in_menus=True)
        for network in content.NETWORKS:
            self.page(
                network_index,
                NetworkPage,
                network,
                housing_area=self.housing_areas[network["housing_area"]],
                participants=network["participants"][SOURCE_LANGUAGE],
                meeting_place=network["meeting_place"][SOURCE_LANGUAGE],
                meeting_time=network["meeting_time"][SOURCE_LANGUAGE],
                contact_person=self.people[network["contact"]],
            )
        contact = content.CONTACT
        contact_page = self.page(
            home,
            ContactPage,
            contact,
            address=contact["address"],
            opening_hours=contact["opening_hours"][SOURCE_LANGUAGE],
            show_in_menus=True,
        )
        if not contact_page.contact_people.exists():
            for key in contact["people"]:
                ContactPerson.objects.create(page=contact_page, person=self.people[key])
            contact_page.save_revision().publish()
        self.page(home, StandardPage, content.ABOUT, show_in_menus=True)
        accessibility = self.page(home, StandardPage, content.ACCESSIBILITY)
        # The other apps add their pages through this hook: kvarter names none of them.
        for load_app_content in hooks.get_hooks("kvarter_load_demo_content"):
            load_app_content(self, home)
        self.translate_pending()
        return home, accessibility

    def translate_pending(self):
        for page, data in self.pending_translations:
            self.translate(page, data)
        self.pending_translations = []

    def sync_locale_trees(self):
        """Untranslated pages become aliases of the Danish page in every other language."""
        # Created only now: syncing Wagtail's "Welcome" page would leave stray pages behind.
        source = self.locales[SOURCE_LANGUAGE]
        for code, locale in self.locales.items():
            if code != SOURCE_LANGUAGE:
                LocaleSynchronization.objects.get_or_create(
                    locale=locale, defaults={"sync_from": source}
                )
        page_index = PageIndex.from_database().sort_by_tree_position()
        for synchronisation in LocaleSynchronization.objects.all():
            synchronisation.sync_trees(page_index=page_index)

    def load_site_settings(self, site, accessibility_page):
        site_settings = SiteSettings.for_site(site)
        if site_settings.email:
            return
        for field, value in content.SITE.items():
            setattr(site_settings, field, value)
        site_settings.accessibility_statement_url = accessibility_page.full_url
        site_settings.save()
        self.created += 1

    def load_demo_editor(self):
        """The demo editor exists only when the settings ask for it (dev settings do)."""
        credentials = getattr(settings, "DEMO_EDITOR_CREDENTIALS", None)
        if not credentials:
            return None
        username, password = credentials
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model.objects.create_user(
                username=username,
                password=password,
                email=f"{username}@example.org",
                first_name="Demo",
                last_name="Redaktør",
            )
            self.created += 1
        # The admin follows the browser's language unless the editor chose one: the demo editor
        # works in Danish whatever the browser says.
        profile = UserProfile.get_for_user(user)
        if not profile.preferred_language:
            profile.preferred_language = "da"
            profile.save(update_fields=["preferred_language"])
        # Wagtail's "Moderators" may publish; staff here write, translate and publish themselves.
        staff = Group.objects.filter(name="Moderators").first()
        if staff is not None:
            staff.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label__in=["kvarter", "wagtail_localize"],
                    codename__regex=r"^(add|change|delete|submit)_(person|partner|housingarea"
                    r"|sitesettings|translation)$",
                )
            )
            user.groups.add(staff)
        return credentials

    @transaction.atomic
    def load(self):
        self.ensure_locales()
        self.load_snippets()
        home, accessibility = self.load_pages()
        self.sync_locale_trees()
        self.load_site_settings(Site.objects.get(root_page=home), accessibility)
        self.load_demo_editor()
        self.prerender_renditions()
