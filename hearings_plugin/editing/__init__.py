"""The hearings admin: organisers' workbench, moderation queue and stage actions."""
