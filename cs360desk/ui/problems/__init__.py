"""The Problems section: SARA problems ranked by the worksheet, edited phase by phase."""
