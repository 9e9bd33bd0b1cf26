"""Numbers every app's listings share."""

LISTING_PAGE_SIZE = 12
