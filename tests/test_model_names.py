"""The admin names each kind of page and record in the plural the editor's language uses.

Without its own plural, Django adds an "s" to the translated name: "Agerposten-nummers" in the
Danish admin's list of issues instead of "Agerposten-numre".
"""

from django.apps import apps
from django.test import SimpleTestCase

PROJECT_APPS = {"kvarter", "nyheder", "newsletter", "arrangementer", "agerposten", "frivillig"}


class ModelNameTests(SimpleTestCase):
    def test_every_named_model_has_its_own_plural(self):
        for model in apps.get_models():
            meta = model._meta
            if meta.app_label in PROJECT_APPS and "verbose_name" in meta.original_attrs:
                with self.subTest(model=meta.label):
                    self.assertIn("verbose_name_plural", meta.original_attrs)
