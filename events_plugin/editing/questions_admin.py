"""Admin surface: questions (registers its hooks on import)."""
