"""What the sections share: background work, forms, table models, labels, undo, settings."""
