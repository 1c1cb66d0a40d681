"""The History section: every saved change, filtered, and bringing a deleted record back."""
