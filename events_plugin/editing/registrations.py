"""Admin surface for registrations: attendance and the CSV of registrations."""
