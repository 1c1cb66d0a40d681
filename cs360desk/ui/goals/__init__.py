"""The Goals & measures section: goals, measures, their dated values, chart and trend."""
