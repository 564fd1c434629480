"""Admin surface: wishes (registers its hooks on import)."""
