"""Every image a reader is shown says what it shows: the editor is asked for a description where
an image is chosen, and a file title ("hero") is never read out as alt text."""

from django.contrib.auth import get_user_model

from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from frivillig.blocks import StepBlock
from kvarter.models import Person, StandardPage
from tests.factories import ImageFactory, StandardPageFactory
from tests.kvarter.helpers import create_site


class ChosenImageNeedsADescriptionTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()
        cls.undescribed = ImageFactory(title="hero", description="")
        cls.described = ImageFactory(title="gaard", description="Børn leger i gården")
        cls.editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def add_page(self, **fields):
        return self.client.post(
            f"/admin/pages/add/kvarter/standardpage/{self.home.pk}/",
            nested_form_data({"title": "Om kvarteret", "slug": "om", **fields}),
        )

    def test_a_page_image_without_a_description_is_refused_with_its_name(self):
        response = self.add_page(image=self.undescribed.pk, body=streamfield([]))
        self.assertEqual(response.status_code, 200)
        [error] = response.context["form"].errors.as_data()["image"]
        self.assertEqual(error.code, "image_without_description")
        self.assertIn("“hero”", error.messages[0])
        self.assertFalse(StandardPage.objects.filter(slug="om").exists())

    def test_a_page_image_with_a_description_is_saved(self):
        response = self.add_page(image=self.described.pk, body=streamfield([]))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(StandardPage.objects.get(slug="om").image, self.described)

    def test_an_image_block_without_a_description_is_refused(self):
        body = streamfield([("image", {"image": self.undescribed.pk, "caption": ""})])
        response = self.add_page(body=body)
        self.assertEqual(response.status_code, 200)
        [error] = response.context["form"].errors.as_data()["body"]
        self.assertIn("“hero”", str(error.as_json_data()))
        self.assertFalse(StandardPage.objects.filter(slug="om").exists())
        body = streamfield([("image", {"image": self.described.pk, "caption": ""})])
        self.assertEqual(self.add_page(body=body).status_code, 302)

    def test_a_persons_photo_without_a_description_is_refused(self):
        data = {
            "name": "Amina Hassan",
            "role": "Frivillig",
            "email": "",
            "phone": "",
            "photo": self.undescribed.pk,
            "locale": self.locales["da"].pk,
        }
        response = self.client.post("/admin/snippets/kvarter/person/add/", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Person.objects.exists())
        response = self.client.post(
            "/admin/snippets/kvarter/person/add/", {**data, "photo": self.described.pk}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Person.objects.get().photo, self.described)


class AltTextTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.locales = create_site()

    def test_an_image_saved_before_the_rule_is_shown_without_its_file_title(self):
        image = ImageFactory(title="hero", description="")
        StandardPageFactory(parent=self.home, slug="om", title="Om kvarteret", image=image)
        response = self.client.get("/da/om/")
        self.assertContains(response, 'alt=""')
        self.assertNotContains(response, 'alt="hero"')
        self.assertNotContains(response, 'content="hero"')

    def test_the_description_is_the_alt_text(self):
        image = ImageFactory(title="hero", description="Børn leger i gården")
        StandardPageFactory(parent=self.home, slug="om", title="Om kvarteret", image=image)
        self.assertContains(self.client.get("/da/om/"), 'alt="Børn leger i gården"')


class GuideStepImageTests(WagtailPageTestCase):
    def test_a_guide_steps_image_needs_a_description_too(self):
        block = StepBlock()
        step = {"title": "Find tre naboer", "text": "Spørg i opgangen.", "tip": ""}
        with self.assertRaises(StructBlockValidationError) as refused:
            block.clean(block.to_python({**step, "image": ImageFactory(description="").pk}))
        self.assertIn("image", refused.exception.block_errors)
        described = ImageFactory(description="En seddel ved postkasserne")
        cleaned = block.clean(block.to_python({**step, "image": described.pk}))
        self.assertEqual(cleaned["image"], described)
