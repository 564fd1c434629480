"""Read side of the hearings: querysets and values for pages, reports and feeds."""
