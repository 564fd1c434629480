"""Admin surface of residents' feedback and its personal data (hooks on import)."""

from . import admin_views, personal_data  # noqa: F401
