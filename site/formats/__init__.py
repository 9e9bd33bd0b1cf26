"""Django locale data for the site's languages that Django does not ship (FORMAT_MODULE_PATH)."""
