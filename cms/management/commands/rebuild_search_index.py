"""Write every document of the search indexes again, resumably, on each backend."""

import sys
import time
import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from tqdm import tqdm

from cms.models import SearchRebuild
from cms.plugins import get_search_sources
from cms.search.backends.base import SearchError
from cms.search.service import (
    DATABASE_BACKEND,
    ELASTICSEARCH_BACKEND,
    SearchService,
    make_backend,
)

BACKEND_CHOICES = ("database", "elasticsearch", "all")


class Command(BaseCommand):
    help = (
        "Rebuilds the search indexes from the plugins' documents on the database "
        "and Elasticsearch backends. Searches keep answering from the previous "
        "documents until each rebuild finishes. An interrupted rebuild resumes "
        "where it stopped when the command runs again."
    )
    # `sources`: source instances instead of the plugins' (for callers in code).
    stealth_options = ("sources",)

    def add_arguments(self, parser):
        parser.add_argument(
            "--index",
            action="append",
            dest="indexes",
            metavar="NAME",
            help="Only this index (e.g. archive); may be repeated. By default all.",
        )
        parser.add_argument(
            "--backend",
            choices=BACKEND_CHOICES,
            default="all",
            help=(
                "Where to write: 'database', 'elasticsearch' (needs "
                "ELASTICSEARCH_URL) or 'all' configured backends (the default)."
            ),
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=200,
            help="Documents read and written together (default 200).",
        )
        parser.add_argument(
            "--restart",
            action="store_true",
            help="Start afresh instead of resuming an interrupted rebuild.",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Ask nothing (for scripts).",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.interactive = options["interactive"]
        batch_size = options["batch_size"]
        if batch_size < 1:
            raise CommandError(_("The batch size must be at least 1."))
        sources = options.get("sources")
        if sources is None:
            sources = [source_class() for source_class in get_search_sources()]
        indexes = options["indexes"]
        if indexes:
            known = {source.index_name for source in sources}
            unknown = sorted(set(indexes) - known)
            if unknown:
                raise CommandError(
                    _("Unknown index %(names)s; the indexes are: %(known)s.")
                    % {"names": ", ".join(unknown), "known": ", ".join(sorted(known))}
                )
            sources = [source for source in sources if source.index_name in indexes]
        for source in sources:
            for backend in self.backends(source.index_name, options["backend"]):
                self.rebuild(source, backend, batch_size, options["restart"])

    def backends(self, index_name, choice):
        if choice == "elasticsearch" and not settings.ELASTICSEARCH_URL:
            raise CommandError(
                _(
                    "The Elasticsearch backend is not configured: set "
                    "ELASTICSEARCH_URL to rebuild it."
                )
            )
        try:
            if choice == "database":
                return [make_backend(DATABASE_BACKEND, index_name)]
            if choice == "elasticsearch":
                return [make_backend(ELASTICSEARCH_BACKEND, index_name)]
            return SearchService(index_name).backends
        except SearchError as error:
            raise CommandError(
                _("The search backend cannot be used: %(reason)s") % {"reason": error}
            ) from error

    def rebuild(self, source, backend, batch_size, restart):
        """Write every document of `source` to `backend` under one rebuild token."""
        label = _("%(index)s on %(backend)s") % {
            "index": source.index_name,
            "backend": backend.name,
        }
        state = (
            SearchRebuild.objects.filter(
                index_name=source.index_name,
                backend=backend.name,
                finished_at__isnull=True,
            )
            .order_by("-started_at", "-pk")
            .first()
        )
        resume = state is not None and not restart
        if state is not None and restart:
            self.abandon(state, label)
        started = time.monotonic()
        written = 0
        try:
            if resume:
                self.log(
                    _(
                        "Resuming the unfinished rebuild of %(label)s after "
                        "%(processed)d documents (position %(position)s)."
                    )
                    % {
                        "label": label,
                        "processed": state.processed,
                        "position": state.position or "-",
                    }
                )
                backend.begin_rebuild(state.token, resume=True)
            else:
                state = SearchRebuild.objects.create(
                    index_name=source.index_name,
                    backend=backend.name,
                    token=uuid.uuid4().hex,
                    total=source.count(),
                )
                backend.begin_rebuild(state.token)
            after_pk = int(state.position) if state.position else None
            with self.progress_bar(label, state) as bar:
                for last_pk, documents in source.batches(
                    after_pk=after_pk, size=batch_size
                ):
                    if documents:
                        backend.index(documents, rebuild=state.token)
                    written += len(documents)
                    state.position = str(last_pk)
                    state.processed += len(documents)
                    state.total = max(state.total, state.processed)
                    state.save(update_fields=["position", "processed", "total"])
                    bar.total = state.total
                    bar.update(len(documents))
                count_before = backend.count()
                removed = backend.finish_rebuild(state.token)
                if not isinstance(removed, int):
                    removed = max(count_before - backend.count(), 0)
        except KeyboardInterrupt:
            raise CommandError(
                _(
                    "Interrupted: the rebuild of %(label)s stopped after "
                    "%(processed)d documents. Run the command again to resume it, "
                    "or with --restart to start afresh."
                )
                % {"label": label, "processed": state.processed if state else 0},
                returncode=130,
            ) from None
        except SearchError as error:
            raise CommandError(
                _(
                    "The rebuild of %(label)s failed: %(reason)s. Its position is "
                    "kept: run the command again to resume it."
                )
                % {"label": label, "reason": error}
            ) from error
        state.total = state.processed
        state.finished_at = timezone.now()
        state.save(update_fields=["total", "finished_at"])
        seconds = max(time.monotonic() - started, 0.001)
        self.stdout.write(
            _(
                "%(label)s: %(written)d documents written, %(removed)d stale "
                "removed, %(seconds).1f s, %(rate).0f documents/s."
            )
            % {
                "label": label,
                "written": written,
                "removed": removed,
                "seconds": seconds,
                "rate": written / seconds,
            },
            self.style.SUCCESS,
        )

    def abandon(self, state, label):
        """Forget an unfinished rebuild; its documents are replaced by the new one."""
        if self.interactive and sys.stdin.isatty():
            answer = input(
                _(
                    "The rebuild of %(label)s is unfinished (%(processed)d "
                    "documents). Start afresh? [y/N] "
                )
                % {"label": label, "processed": state.processed}
            )
            if answer.strip().lower() not in ("y", "yes", "д", "да"):
                raise CommandError(_("Nothing was changed."))
        SearchRebuild.objects.filter(pk=state.pk).delete()
        self.log(
            _("The unfinished rebuild of %(label)s is abandoned.") % {"label": label}
        )

    def progress_bar(self, label, state):
        stream = getattr(self.stderr, "_out", sys.stderr)
        isatty = getattr(stream, "isatty", None)
        return tqdm(
            total=state.total,
            initial=state.processed,
            desc=str(label),
            unit=_("doc"),
            file=stream,
            disable=self.verbosity == 0 or not (isatty and isatty()),
            dynamic_ncols=True,
        )

    def log(self, message):
        if self.verbosity > 0:
            self.stdout.write(message)
