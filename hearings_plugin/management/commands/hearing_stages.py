"""Record the stages the clock has brought hearings to, and tell their followers.

Run every minute by cron in production (docs/hearings-operations.md). A hearing
whose stage, computed from its dates and the clock, differs from the stage last
recorded gets one ``RecordStageAction``: the stage it is in now is recorded and
announced once, however many stages it passed since the last run. A second run
finds nothing to do and sends nothing.
"""

import logging

from django.core.management.base import BaseCommand
from django.utils import timezone

from hearings_plugin.actions import RecordStageAction
from hearings_plugin.models import HearingProcedure, Stage

logger = logging.getLogger(__name__)


def procedures_behind_the_clock(now=None):
    """Procedures whose recorded stage is not the stage their dates give now."""
    now = now or timezone.now()
    procedures = HearingProcedure.objects.exclude(
        recorded_stage=Stage.ARCHIVED
    ).order_by("pk")
    return [p for p in procedures if p.stage_at(now) != p.recorded_stage]


class Command(BaseCommand):
    help = (
        "Records the stage the clock has brought each public hearing to and sends "
        "the followers' letters. Safe to run every minute."
    )

    def handle(self, *args, **options):
        changed = failed = 0
        for procedure in procedures_behind_the_clock():
            try:
                if RecordStageAction(procedure).execute():
                    changed += 1
            except Exception:
                # One broken hearing must not keep the others at an old stage.
                failed += 1
                logger.exception("Recording the stage of hearing %s failed", procedure)
        if options["verbosity"] >= 1 and (changed or failed):
            self.stdout.write(
                f"Hearings that changed stage: {changed}; failed: {failed}."
            )
        if failed:
            logger.error("%s hearings could not record their stage", failed)
