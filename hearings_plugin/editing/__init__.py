"""The hearings admin: organisers' workbench, moderation queue and stage actions.

``hooks`` registers the admin URLs (``hearings_admin`` namespace) and imports the
modules whose hooks add menus, buttons and views; wagtail_hooks.py imports it.
The package itself imports nothing, so the page model can use ``panels``.
"""
