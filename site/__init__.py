"""Django project package, imported as `kvartersite` (see pyproject.toml)."""
