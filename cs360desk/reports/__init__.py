"""Report writers: PDF (reportlab), xlsx (openpyxl) and calendars, from DTOs only."""
