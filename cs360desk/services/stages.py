"""The stage history of initiatives: one row per stage reached, with its day and note.

Kept free of catalog imports so that catalog.ALL can list STAGE_CHANGE without a cycle.
"""

from __future__ import annotations

from cs360desk.db import models as m
from cs360desk.domain.records import StageChangeRecord
from cs360desk.services.entities import EntityService

STAGE_CHANGE = EntityService(
    m.StageChange, StageChangeRecord, "stage change", order_by=("reached_on", "id")
)
