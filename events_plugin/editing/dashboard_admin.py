"""Admin surface: dashboard (registers its hooks on import)."""
