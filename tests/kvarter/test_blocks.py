from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase

from wagtail.blocks import StructBlock

from kvarter.blocks import BaseStreamBlock, CallToActionBlock, VideoBlock, youtube_video_id
from tests.factories import StandardPageFactory
from tests.kvarter.helpers import create_site


class CallToActionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, _locales = create_site()
        cls.target = StandardPageFactory(parent=cls.home, slug="frivillig", title="Bliv frivillig")

    def render(self, **value):
        block = CallToActionBlock()
        return block.render(block.to_python({"text": "Læs mere", **value}))

    def test_links_to_the_chosen_page(self):
        html = self.render(page=self.target.pk)
        self.assertIn('href="/da/frivillig/"', html)
        self.assertIn("Læs mere", html)

    def test_unpublished_page_leaves_no_broken_link(self):
        self.target.unpublish()
        self.assertNotIn("<a", self.render(page=self.target.pk))

    def test_unpublished_page_falls_back_to_the_external_link(self):
        self.target.unpublish()
        html = self.render(page=self.target.pk, external_url="https://example.org/frivillig")
        self.assertIn('href="https://example.org/frivillig"', html)

    def test_deleted_page_leaves_no_broken_link(self):
        page_id = self.target.pk
        self.target.delete()
        self.assertNotIn("<a", self.render(page=page_id))

    def test_editor_must_choose_a_page_or_a_link(self):
        block = CallToActionBlock()
        with self.assertRaises(ValidationError):
            block.clean(block.to_python({"text": "Læs mere"}))


class BlockDefinitionTests(SimpleTestCase):
    def test_every_struct_block_is_ready_for_the_editor(self):
        """Editors get an icon, a description and a preview for every block they can add."""
        for name, block in BaseStreamBlock().child_blocks.items():
            if isinstance(block, StructBlock):
                with self.subTest(block=name):
                    self.assertTrue(block.meta.icon)
                    self.assertTrue(block.meta.template)
                    self.assertTrue(block.meta.description)
                    self.assertTrue(block.meta.preview_value)


class VideoBlockTests(SimpleTestCase):
    def test_recognises_youtube_addresses(self):
        for url in [
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=10",
            "https://youtu.be/aqz-KE-bpKQ",
            "https://m.youtube.com/watch?v=aqz-KE-bpKQ",
            "https://www.youtube.com/embed/aqz-KE-bpKQ",
        ]:
            with self.subTest(url=url):
                self.assertEqual(youtube_video_id(url), "aqz-KE-bpKQ")

    def test_other_addresses_are_refused_with_a_message(self):
        block = VideoBlock()
        for url in ["https://vimeo.com/12345", "https://www.youtube.com/watch?v=<script>"]:
            with self.subTest(url=url), self.assertRaises(ValidationError):
                block.clean(block.to_python({"url": url, "title": "Film"}))

    def test_nothing_is_loaded_from_youtube_before_the_reader_asks(self):
        block = VideoBlock()
        html = block.render(
            block.to_python({"url": "https://youtu.be/aqz-KE-bpKQ", "title": "Byg-selv-sammen"})
        )
        self.assertNotIn("<iframe", html)
        self.assertNotIn('src="https://', html)
        self.assertIn('href="https://www.youtube.com/watch?v=aqz-KE-bpKQ"', html)
        self.assertIn("Byg-selv-sammen", html)
