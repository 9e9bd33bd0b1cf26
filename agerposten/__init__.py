"""The archive of Agerposten, the neighbourhood paper: PDF issues searchable down to the page."""
