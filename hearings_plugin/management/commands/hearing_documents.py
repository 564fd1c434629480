"""Render the published protocols' and conclusions' PDFs that are not cached.

For cron after a deploy or a cache flush (docs/hearings-operations.md): every
live language version of every hearing with a published protocol or conclusion
gets its PDF rendered into the cache, so no reader's download has to wait for
WeasyPrint. PDFs already cached are left alone, so a second run renders nothing;
``--force`` renders them again. With the local-memory cache (no REDIS_URL) the
PDFs land in this command's own process and help no web worker: run it only
where the cache is shared (Redis).
"""

import logging

from django.core.management.base import BaseCommand, CommandError

from hearings_plugin.models import HearingProcedure
from hearings_plugin.views.results import prerender_result_pdfs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Renders into the cache the PDF of every published hearing protocol and "
        "conclusion not cached yet. Safe to run again: cached PDFs are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hearing",
            dest="references",
            action="append",
            default=[],
            metavar="REFERENCE",
            help="only this hearing (its reference, e.g. 2026/001); repeatable",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="render again the PDFs that are cached already",
        )

    def handle(self, *args, references, force, verbosity, **options):
        procedures = HearingProcedure.objects.filter(results__isnull=False)
        if references:
            procedures = procedures.filter(reference__in=references)
            missing = set(references) - set(
                procedures.values_list("reference", flat=True)
            )
            if missing:
                raise CommandError(
                    "No hearing with a published result: " + ", ".join(sorted(missing))
                )
        rendered = cached = failed = 0
        for procedure in procedures.distinct().order_by("pk"):
            try:
                done = prerender_result_pdfs(procedure, force=force)
            except Exception:
                # One broken hearing must not keep the others' PDFs from the cache.
                failed += 1
                logger.exception(
                    "Rendering the documents of hearing %s failed", procedure
                )
                continue
            for language, kind, seconds in done:
                if seconds is None:
                    cached += 1
                    continue
                rendered += 1
                if verbosity >= 2:
                    self.stdout.write(
                        f"{procedure.reference} {language} {kind}: {seconds:.1f} s"
                    )
        if verbosity >= 1:
            self.stdout.write(
                f"Hearing PDFs rendered: {rendered}; already cached: {cached}; "
                f"hearings failed: {failed}."
            )
        if failed:
            raise CommandError(f"{failed} hearing(s) failed; see the log.")
