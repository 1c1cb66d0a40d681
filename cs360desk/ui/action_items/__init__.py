"""The Action items section: the paged table of items, its filters and the item editor."""
