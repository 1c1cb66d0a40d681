"""The Initiative section: the stage stepper, moving to the next stage, champion and sponsor."""
