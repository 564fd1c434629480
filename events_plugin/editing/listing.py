"""Admin surface for events: listing with filters, at-a-glance panel, bulk actions."""
