"""Behind nginx every request arrives from the proxy; rate limits and the consent log must still
see each visitor, and no visitor may choose the address they are counted under."""

from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase, override_settings

from kvarter.security import ClientAddressMiddleware


def address_seen_by_the_view(remote_addr, trusted, **headers):
    seen = {}

    def view(request):
        seen["address"] = request.META["REMOTE_ADDR"]
        return HttpResponse()

    with override_settings(TRUSTED_PROXIES=trusted):
        middleware = ClientAddressMiddleware(view)
    middleware(RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers))
    return seen["address"]


class ClientAddressTests(SimpleTestCase):
    def test_the_proxys_header_names_the_visitor(self):
        address = address_seen_by_the_view(
            "172.18.0.5", ["172.16.0.0/12"], HTTP_X_REAL_IP="198.51.100.7"
        )
        self.assertEqual(address, "198.51.100.7")

    def test_a_visitor_who_is_not_a_proxy_cannot_claim_another_address(self):
        address = address_seen_by_the_view(
            "203.0.113.9", ["172.16.0.0/12"], HTTP_X_REAL_IP="198.51.100.7"
        )
        self.assertEqual(address, "203.0.113.9")

    def test_without_trusted_proxies_the_header_is_ignored(self):
        address = address_seen_by_the_view("127.0.0.1", [], HTTP_X_REAL_IP="198.51.100.7")
        self.assertEqual(address, "127.0.0.1")

    def test_x_forwarded_for_is_never_believed(self):
        # A client writes the first entry itself; nginx appends the real one.
        address = address_seen_by_the_view(
            "127.0.0.1", ["127.0.0.1"], HTTP_X_FORWARDED_FOR="10.9.9.9, 127.0.0.2"
        )
        self.assertEqual(address, "127.0.0.1")

    def test_a_header_that_is_not_one_address_keeps_the_proxys(self):
        for value in ("", "not-an-address", "198.51.100.7, 10.0.0.1", "\x00"):
            with self.subTest(value=value):
                address = address_seen_by_the_view("127.0.0.1", ["127.0.0.1"], HTTP_X_REAL_IP=value)
                self.assertEqual(address, "127.0.0.1")

    def test_ipv6_visitors_are_kept_in_canonical_form(self):
        address = address_seen_by_the_view("::1", ["::1"], HTTP_X_REAL_IP="2001:DB8:0:0:0:0:0:1")
        self.assertEqual(address, "2001:db8::1")
