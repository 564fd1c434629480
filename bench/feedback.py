"""Residents' feedback at scale: a much-rated event page and concurrent ratings.

``python -m bench.feedback`` makes a fresh database per backend (SQLite in
var/bench/run-feedback-*/, and a throw-away PostgreSQL database when the server
answers), migrates it, seeds the small demo season and, in a child process with
production settings:

1. adds an event with 10,000 ratings and 5,000 comments (bulk-inserted, threaded,
   in ru, tt and en) and renders its page with Django's test ``Client``: p50/p95
   and SQL queries, beside an event with one rating and one comment;
2. rates fresh events from many accounts at once, N threads at a time, through
   ``cms.feedback.ratings.rate`` and through the rating endpoint, with double
   clicks (the same account twice at the same moment), and counts ratings per
   second, then lost and duplicated ratings (rows against accounts, the stored
   aggregate against a recount).

``bench.run`` (``make bench``) runs the same steps in process on its own demo
database. It reports figures and never judges them.
"""

import argparse
import datetime
import json
import logging
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
RESULTS_FILE = BENCH_DIR / "feedback-results.json"
DEFAULT_POSTGRESQL_URL = "postgresql://postgres@127.0.0.1:5432/kazan_bench_feedback"
DATABASES = ("sqlite", "postgresql")
HOST = "127.0.0.1"
BATCH = 500
COMMENT_LANGUAGES = ("ru", "ru", "tt", "ru", "en", "ru", "tt", "ru")
TEXTS = {
    "ru": "Спасибо за трансляцию! Звук был хороший, смотрели всей семьёй.",
    "tt": "Оештыручыларга зур рәхмәт! Бик ошады.",
    "en": "Thank you, a lovely evening; the subtitles helped a lot.",
}
# SQLite answers "database is locked" when writers collide; the bench retries
# as a resident clicking again would, and reports how often.
LOCK_RETRIES = 50


def make_accounts(prefix, count):
    """``count`` residents with unusable passwords, joined long ago (so the
    new-account rate limit does not apply), in creation order."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    user_model = get_user_model()
    joined = timezone.now() - datetime.timedelta(days=365)
    users = []
    for number in range(count):
        user = user_model(
            username=f"{prefix}.{number:05d}",
            email=f"{prefix}.{number:05d}@example.org",
            first_name=("Гульнара", "Ильдар", "Anna", "Алсу")[number % 4],
            last_name=("Хасанова", "Сафин", "Kellerman", "Галиева")[number % 4],
            date_joined=joined,
        )
        user.set_unusable_password()
        users.append(user)
    user_model.objects.bulk_create(users, batch_size=BATCH)
    return list(
        user_model.objects.filter(username__startswith=f"{prefix}.").order_by(
            "username"
        )
    )


def make_held_event(slug):
    """A live event under the Russian programme whose one date began yesterday."""
    from django.utils import timezone

    from events_plugin.models import (
        Domain,
        EventPage,
        EventSession,
        ProgrammeIndexPage,
    )

    index = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    start = timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(days=1)
    page = EventPage(
        title=f"Концерт {slug}",
        slug=slug,
        event_type="concert",
        domain=Domain.objects.filter(locale__language_code="ru").first(),
        registration_required=False,
    )
    page.sessions = [EventSession(start=start, end=start + datetime.timedelta(hours=2))]
    index.add_child(instance=page)
    return page


def build_rated_event(ratings_count, comments_count, *, slug=None, users=None):
    """An event with ``ratings_count`` ratings (every seventh by a registered
    attendee) and ``comments_count`` comments in threads of one to four,
    aggregate recounted; its Russian page."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from cms.feedback import ratings
    from cms.feedback.models import PageFeedback, Rating
    from events_plugin.demo_feedback import CommentRow, insert_comments
    from events_plugin.models import Registration

    slug = slug or f"rated-{os.urandom(4).hex()}"
    page = make_held_event(slug)
    needed = max(ratings_count, min(comments_count, 200), 1)
    users = users or make_accounts(slug, needed)
    feedback = ratings.feedback_for(page, create=True)
    attendees = [
        user for number, user in enumerate(users[:ratings_count]) if not number % 7
    ]
    Registration.objects.bulk_create(
        [
            Registration(
                event_key=page.translation_key,
                user=user,
                status=Registration.Status.CONFIRMED,
                language="ru",
                confirmed_at=timezone.now(),
            )
            for user in attendees
        ],
        batch_size=BATCH,
    )
    Rating.objects.bulk_create(
        [
            Rating(
                feedback=feedback,
                user=user,
                # Mostly fours and fives, some lower: a well-liked concert.
                score=(5, 4, 5, 3, 4, 5, 2, 4, 5, 1)[number % 10],
                language=COMMENT_LANGUAGES[number % len(COMMENT_LANGUAGES)],
                by_attendee=not number % 7,
            )
            for number, user in enumerate(users[:ratings_count])
        ],
        batch_size=BATCH,
    )
    ratings.recount(feedback)
    rows = []
    started = timezone.now() - datetime.timedelta(hours=20)
    position = 0
    while len(rows) < comments_count:
        # A comment, then 0..3 replies; every third reply answers the one above.
        root = len(rows)
        for depth in range(min(position % 4 + 1, comments_count - len(rows))):
            language = COMMENT_LANGUAGES[len(rows) % len(COMMENT_LANGUAGES)]
            reply_to = None
            if depth:
                reply_to = (
                    len(rows) - 1 if depth == 2 and rows[-1].reply_to == root else root
                )
            rows.append(
                CommentRow(
                    users[len(rows) % len(users)],
                    f"{TEXTS[language]} [{len(rows)}]",
                    language,
                    started + datetime.timedelta(seconds=len(rows)),
                    reply_to=reply_to,
                )
            )
        position += 1
    insert_comments(ContentType.objects.get_for_model(PageFeedback), feedback.pk, rows)
    return page


def measure_page(client, path, requests):
    """SQL queries of one warm request, then p50/p95 of ``requests`` more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm-up: site root paths, content types, templates
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    query_count = len(queries)
    latencies = []
    for _request in range(requests):
        started = time.perf_counter()
        client.get(path)
        latencies.append(time.perf_counter() - started)
    p50, p95 = _percentiles(latencies)
    return {
        "url": path,
        "status": response.status_code,
        "requests": requests,
        "p50_ms": round(p50 * 1000, 2),
        "p95_ms": round(p95 * 1000, 2),
        "sql_queries": query_count,
        "bytes": len(response.content),
    }


def _percentiles(latencies):
    if len(latencies) > 1:
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        return cuts[49], cuts[94]
    return (latencies[0], latencies[0]) if latencies else (0.0, 0.0)


def page_bench(ratings_count, comments_count, requests):
    """The event page with many ratings and comments beside one with one each."""
    from django.test import Client

    started = time.perf_counter()
    large = build_rated_event(ratings_count, comments_count)
    built = time.perf_counter() - started
    small = build_rated_event(1, 1)
    client = Client(HTTP_HOST=HOST)
    rows = []
    for label, page, count, comments in (
        ("1 rating, 1 comment", small, 1, 1),
        (
            f"{ratings_count:,} ratings, {comments_count:,} comments",
            large,
            ratings_count,
            comments_count,
        ),
    ):
        row = measure_page(client, page.url, requests)
        row.update(step=label, ratings=count, comments=comments)
        rows.append(row)
    rows[-1]["built_seconds"] = round(built, 1)
    return rows


@dataclass
class RaceResult:
    via: str
    threads: int
    accounts: int
    double_clicks: int
    submissions: int
    seconds: float
    refused: int
    refusals: list
    lock_retries: int
    rows: int
    lost: int
    duplicated: int
    aggregate_matches: bool

    @property
    def per_second(self):
        return round(self.submissions / self.seconds, 1) if self.seconds else 0.0

    def as_dict(self):
        return {**self.__dict__, "per_second": self.per_second}


def _address(number):
    """A distinct client address per account, so the per-address limit is not hit."""
    return f"10.{number // 65025 % 250}.{number // 255 % 255}.{number % 255 + 1}"


def _is_lock(error):
    return "locked" in str(error).lower()


def rate_race(threads, accounts, *, via="core", double_every=5, users=None):
    """``accounts`` residents rate one fresh event, ``threads`` at a time; every
    ``double_every``-th clicks twice at the same moment. Then the rows and the
    aggregate are checked against the accounts and a recount."""
    from django.conf import settings
    from django.db import OperationalError, connection
    from django.test import Client

    from cms.feedback import ratings
    from cms.feedback.models import PageFeedback, Rating

    page = make_held_event(f"race-{via}-{threads}-{os.urandom(3).hex()}")
    users = users or make_accounts(page.slug, accounts)
    sessions = {}
    if via == "http":
        for user in users:
            client = Client()
            client.force_login(user)
            sessions[user.pk] = client.cookies[settings.SESSION_COOKIE_NAME].value
    url = f"/ru/ratings/{page.pk}/"
    tasks = [(number, user) for number, user in enumerate(users)]
    lock = threading.Lock()
    counters = {"submissions": 0, "refused": 0, "retries": 0}
    expected = {}
    refusals = []

    def submit(number, user, score, client):
        for _attempt in range(LOCK_RETRIES):
            try:
                if via == "core":
                    ratings.rate(page, user, score, language="ru")
                    ok = True
                else:
                    client.cookies[settings.SESSION_COOKIE_NAME] = sessions[user.pk]
                    response = client.post(
                        url,
                        {"score": str(score)},
                        HTTP_ACCEPT="application/json",
                        REMOTE_ADDR=_address(number),
                    )
                    ok = response.status_code < 400
                with lock:
                    counters["submissions"] += 1
                    if not ok:
                        counters["refused"] += 1
                        refusals.append(response.status_code)
                return ok
            except OperationalError as error:
                if not _is_lock(error):
                    raise
                with lock:
                    counters["retries"] += 1
                time.sleep(0.005)
        raise RuntimeError("gave up after repeated 'database is locked'")

    def worker():
        client = Client(HTTP_HOST=HOST) if via == "http" else None
        try:
            while True:
                with lock:
                    if not tasks:
                        return
                    number, user = tasks.pop()
                score = number % 5 + 1
                if double_every and not number % double_every:
                    # A double click: the same account, twice at once; the
                    # second score is the one a resident would mean.
                    barrier = threading.Barrier(2)
                    other_client = Client(HTTP_HOST=HOST) if via == "http" else None
                    second = 6 - score

                    def click(
                        value, own_client, barrier=barrier, number=number, user=user
                    ):
                        barrier.wait()
                        try:
                            submit(number, user, value, own_client)
                        finally:
                            connection.close()

                    helper = threading.Thread(target=click, args=(second, other_client))
                    helper.start()
                    barrier.wait()
                    submit(number, user, score, client)
                    helper.join()
                    with lock:
                        expected[user.pk] = {score, second}
                else:
                    submit(number, user, score, client)
                    with lock:
                        expected[user.pk] = {score}
        finally:
            connection.close()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    # A locked SQLite database reaches the endpoint as an exception, which
    # Django logs as a server error; the bench counts it as a retry instead.
    request_log = logging.getLogger("django.request")
    level = request_log.level
    request_log.setLevel(logging.CRITICAL)
    started = time.perf_counter()
    try:
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
    finally:
        request_log.setLevel(level)
    seconds = time.perf_counter() - started
    feedback = PageFeedback.objects.get(translation_key=page.translation_key)
    stored = dict(Rating.objects.filter(feedback=feedback).values_list("user", "score"))
    rows = Rating.objects.filter(feedback=feedback).count()
    before = (feedback.rating_count, feedback.rating_total, feedback.distribution)
    recounted = ratings.recount(PageFeedback.objects.get(pk=feedback.pk))
    after = (recounted.rating_count, recounted.rating_total, recounted.distribution)
    lost = sum(1 for user in users if user.pk not in stored)
    wrong = sum(
        1 for pk, score in stored.items() if score not in expected.get(pk, set())
    )
    return RaceResult(
        via=via,
        threads=threads,
        accounts=len(users),
        double_clicks=sum(
            1
            for number in range(len(users))
            if double_every and not number % double_every
        ),
        submissions=counters["submissions"],
        seconds=round(seconds, 3),
        refused=counters["refused"],
        refusals=sorted(set(refusals)),
        lock_retries=counters["retries"],
        rows=rows,
        lost=lost + wrong,
        duplicated=rows - len(stored),
        aggregate_matches=before == after and after[0] == rows,
    )


def run_feedback_bench(
    ratings_count=10_000,
    comments_count=5_000,
    requests=30,
    threads=(4, 8),
    accounts=400,
    vias=("core", "http"),
    http_on_sqlite=False,
):
    """Both parts on the configured database; prints and returns the figures."""
    from django.db import connection, connections

    vendor = connection.vendor
    print(
        f"\nResidents' feedback on {vendor}: an event page with {ratings_count:,} "
        f"ratings and {comments_count:,} comments"
    )
    pages = page_bench(ratings_count, comments_count, requests)
    print_page_table(pages, requests)
    races = []
    for via in vias:
        if via == "http" and vendor == "sqlite" and not http_on_sqlite:
            # SQLite's writers collide on every request's extra writes (session,
            # activity log): minutes for a few dozen accounts. See the README.
            print("\nThe endpoint race is skipped on SQLite (--http-on-sqlite).")
            continue
        for count in threads:
            races.append(rate_race(count, accounts, via=via).as_dict())
    print_race_table(races, vendor)
    connections.close_all()
    return {"database": vendor, "page": pages, "ratings": races}


def print_page_table(rows, requests):
    print(f"In process, Django test client, {requests} requests each")
    width = max(len(row["step"]) for row in rows)
    header = (
        f"{'event page':<{width}} {'p50 ms':>8} {'p95 ms':>8} {'SQL':>5} "
        f"{'KiB':>6} {'status':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['step']:<{width}} {row['p50_ms']:>8.2f} {row['p95_ms']:>8.2f} "
            f"{row['sql_queries']:>5} {row['bytes'] / 1024:>6.0f} {row['status']:>7}"
        )


def print_race_table(rows, vendor):
    print(f"\nRatings under concurrency on {vendor} (every 5th account double-clicks)")
    header = (
        f"{'via':<5} {'threads':>7} {'accounts':>8} {'posts':>6} {'per s':>8} "
        f"{'refused':>7} {'retries':>7} {'rows':>6} {'lost':>5} {'dup':>4} "
        f"{'aggregate':>9}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['via']:<5} {row['threads']:>7} {row['accounts']:>8} "
            f"{row['submissions']:>6} {row['per_second']:>8.1f} {row['refused']:>7} "
            f"{row['lock_retries']:>7} {row['rows']:>6} {row['lost']:>5} "
            f"{row['duplicated']:>4} "
            f"{'= recount' if row['aggregate_matches'] else 'DIFFERS':>9}"
        )


# --------------------------------------------------------------------------
# The command: a fresh database per backend, the bench in a child process
# --------------------------------------------------------------------------


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def default_postgresql_url():
    """The server ``DATABASE_URL`` names (else 127.0.0.1), a database of our own."""
    from urllib.parse import urlsplit

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return DEFAULT_POSTGRESQL_URL
    return urlsplit(url)._replace(path="/kazan_bench_feedback").geturl()


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.feedback",
        description="An event page with many ratings and comments, and rating "
        "submissions per second under concurrency, on fresh databases.",
    )
    parser.add_argument(
        "--ratings", type=int, default=env_int("BENCH_FEEDBACK_RATINGS", 10_000)
    )
    parser.add_argument(
        "--comments", type=int, default=env_int("BENCH_FEEDBACK_COMMENTS", 5_000)
    )
    parser.add_argument(
        "--requests", type=int, default=env_int("BENCH_FEEDBACK_REQUESTS", 30)
    )
    parser.add_argument(
        "--threads",
        default=os.environ.get("BENCH_FEEDBACK_THREADS") or "4,8",
        help="thread counts of the rating race, comma-separated (default 4,8)",
    )
    parser.add_argument(
        "--accounts", type=int, default=env_int("BENCH_FEEDBACK_ACCOUNTS", 400)
    )
    parser.add_argument(
        "--via",
        default=os.environ.get("BENCH_FEEDBACK_VIA") or "core,http",
        help="how ratings are sent: core (ratings.rate), http (the endpoint)",
    )
    parser.add_argument(
        "--http-on-sqlite",
        action="store_true",
        help="race through the endpoint on SQLite too (slow: writers collide)",
    )
    parser.add_argument(
        "--databases",
        default=os.environ.get("BENCH_FEEDBACK_DATABASES") or ",".join(DATABASES),
        help="sqlite,postgresql (PostgreSQL skipped with a note when unreachable)",
    )
    parser.add_argument("--postgresql-url", default=default_postgresql_url())
    parser.add_argument("--results", type=Path, default=RESULTS_FILE)
    parser.add_argument("--keep", action="store_true", help="keep run directories")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.threads = [int(value) for value in args.threads.split(",") if value.strip()]
    args.via = [value.strip() for value in args.via.split(",") if value.strip()]
    args.databases = [
        value.strip() for value in args.databases.split(",") if value.strip()
    ]
    if set(args.via) - {"core", "http"} or set(args.databases) - set(DATABASES):
        parser.error("--via takes core,http and --databases sqlite,postgresql")
    if (
        args.ratings < 1
        or args.accounts < 1
        or not args.threads
        or min(args.threads) < 1
    ):
        parser.error("--ratings, --accounts and --threads must be at least 1")
    if args.comments < 0 or args.requests < 1:
        parser.error("--comments must not be negative and --requests at least 1")
    return args


def worker(args):
    import django

    django.setup()
    result = run_feedback_bench(
        ratings_count=args.ratings,
        comments_count=args.comments,
        requests=args.requests,
        threads=args.threads,
        accounts=args.accounts,
        vias=args.via,
        http_on_sqlite=args.http_on_sqlite,
    )
    Path(args.output).write_text(json.dumps(result, indent=2, default=str))


def run_backend(label, database_url, args):
    import subprocess

    from bench.archive import environment_for
    from bench.run import ThrowawayPostgresDatabase, manage

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix="run-feedback-", dir=BENCH_DIR))
    database = ThrowawayPostgresDatabase(database_url) if database_url else None
    try:
        if database:
            database.create()
        environment = environment_for(run_dir, database_url)
        print(f"\n{label}: fresh database in {run_dir.relative_to(BASE_DIR)}")
        manage(environment, "migrate", "--noinput")
        manage(environment, "seed_demo", "--without-accounts", "--season", "small")
        manage(environment, "collectstatic", "--noinput")
        output = run_dir / "result.json"
        command = [
            sys.executable,
            "-m",
            "bench.feedback",
            "--worker",
            "--ratings",
            str(args.ratings),
            "--comments",
            str(args.comments),
            "--requests",
            str(args.requests),
            "--threads",
            ",".join(str(count) for count in args.threads),
            "--accounts",
            str(args.accounts),
            "--via",
            ",".join(args.via),
            *(["--http-on-sqlite"] if args.http_on_sqlite else []),
            "--output",
            str(output),
        ]
        completed = subprocess.run(command, cwd=BASE_DIR, env=environment, check=False)
        if completed.returncode != 0 or not output.exists():
            return {"database": label, "error": f"exit status {completed.returncode}"}
        return json.loads(output.read_text())
    finally:
        if database:
            database.drop()
        if not args.keep:
            shutil.rmtree(run_dir, ignore_errors=True)


def main(argv=None):
    from bench.archive import postgresql_reachable

    args = parse_args(argv)
    if args.worker:
        worker(args)
        return None
    results = []
    for name in args.databases:
        if name == "sqlite":
            results.append(run_backend("sqlite", "", args))
            continue
        reachable, reason = postgresql_reachable(args.postgresql_url)
        if not reachable:
            print(f"\npostgresql: skipped, unreachable ({reason})")
            results.append({"database": "postgresql", "skipped": reason})
            continue
        results.append(run_backend("postgresql", args.postgresql_url, args))
    report = {
        "date": datetime.datetime.now(UTC).isoformat(timespec="seconds"),
        "ratings": args.ratings,
        "comments": args.comments,
        "threads": args.threads,
        "accounts": args.accounts,
        "cpus": os.cpu_count(),
        "results": results,
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nWritten to {args.results}")
    return report


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
