"""Volunteering: "gør-det-selv" guides and the volunteer help desk."""
