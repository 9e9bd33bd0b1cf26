"""Admin sign-in and password reset cannot be guessed or flooded, and a locked-out editor is told
what happened in their language and can be unlocked with the documented command."""

import io

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

PASSWORD = "rigtig-adgangskode-42"


class AdminLoginTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = get_user_model().objects.create_superuser(
            "redaktoer", "redaktoer@example.org", PASSWORD
        )
        get_user_model().objects.create_superuser("kollega", "kollega@example.org", PASSWORD)

    def sign_in(self, username="redaktoer", password=PASSWORD, address="198.51.100.7"):
        return self.client.post(
            reverse("wagtailadmin_login"),
            {"username": username, "password": password},
            REMOTE_ADDR=address,
            HTTP_ACCEPT_LANGUAGE="da",
        )

    def signed_in(self):
        return "_auth_user_id" in self.client.session


class LockoutTests(AdminLoginTestCase):
    def test_twenty_wrong_passwords_then_the_right_one_does_not_get_in(self):
        for _ in range(20):
            self.sign_in(password="gæt")
        response = self.sign_in()
        self.assertEqual(response.status_code, 429)
        self.assertFalse(self.signed_in())

    def test_the_lockout_page_says_what_happened_in_danish(self):
        for _ in range(5):
            self.sign_in(password="gæt")
        response = self.sign_in()
        with translation.override("da"):
            heading = gettext("Sign-in locked for now")
        self.assertContains(response, heading, status_code=429)
        self.assertContains(response, 'lang="da"', status_code=429)
        self.assertContains(response, reverse("wagtailadmin_password_reset"), status_code=429)

    def test_a_few_typos_do_not_lock_anyone_out(self):
        for _ in range(4):
            self.sign_in(password="gæt")
        self.sign_in()
        self.assertTrue(self.signed_in())

    def test_another_editor_and_another_address_are_not_locked_out(self):
        for _ in range(6):
            self.sign_in(password="gæt")
        self.sign_in(username="kollega")
        self.assertTrue(self.signed_in())
        self.client.logout()
        self.sign_in(address="198.51.100.8")
        self.assertTrue(self.signed_in())

    def test_the_documented_command_unlocks_the_editor(self):
        for _ in range(6):
            self.sign_in(password="gæt")
        call_command("axes_reset_username", "redaktoer", stdout=io.StringIO())
        self.sign_in()
        self.assertTrue(self.signed_in())


class PasswordResetTests(AdminLoginTestCase):
    def ask_for_reset(self, email="redaktoer@example.org", address="198.51.100.7"):
        return self.client.post(
            reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address
        )

    def test_ten_resets_in_a_row_send_three_mails(self):
        responses = [self.ask_for_reset() for _ in range(10)]
        self.assertEqual(len(mail.outbox), 3)
        self.assertEqual([r.status_code for r in responses[3:]], [429] * 7)

    def test_capitals_and_spaces_do_not_reset_the_count(self):
        for email in ("redaktoer@example.org", "Redaktoer@Example.org", " REDAKTOER@example.org"):
            self.ask_for_reset(email)
        self.ask_for_reset("redaktoer@EXAMPLE.org ")
        self.assertEqual(len(mail.outbox), 3)

    def test_the_form_says_why_nothing_was_sent(self):
        for _ in range(3):
            self.ask_for_reset()
        with translation.override("da"):
            response = self.client.post(
                reverse("wagtailadmin_password_reset"),
                {"email": "redaktoer@example.org"},
                HTTP_ACCEPT_LANGUAGE="da",
            )
            message = gettext("Too many password resets were asked for. Try again in an hour.")
        self.assertContains(response, message, status_code=429)

    @override_settings(PASSWORD_RESET_RATES={"email": "100/h", "ip": "4/h"})
    def test_one_address_cannot_flood_many_accounts(self):
        for index in range(6):
            self.ask_for_reset(f"person{index}@example.org")
        self.ask_for_reset("kollega@example.org")
        self.ask_for_reset("kollega@example.org", address="198.51.100.9")
        self.assertEqual([message.to for message in mail.outbox], [["kollega@example.org"]])
