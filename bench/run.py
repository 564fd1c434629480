"""Serve the seeded demo with gunicorn and production settings; report its speed.

``python -m bench.run`` (``make bench``) builds a fresh site in a directory under
var/bench/, serves it on a free 127.0.0.1 port, sends a fixed number of requests
to each home page, the programme, one event page and /healthz, and prints
requests/s, latency percentiles and SQL queries per page; then it times the
protocol (HTML and PDF) and statistics of a public hearing with 5,000 submissions
(bench/hearings.py), an event page with 10,000 ratings and 5,000 comments and
ratings sent by many accounts at once (bench/feedback.py), and last loads and
searches 100,000 generated items of the video archive on each search backend
(bench/archive.py). The figures also go to
var/bench/results.json.
It reports figures and never judges them.
"""

import argparse
import atexit
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
RESULTS_FILE = BENCH_DIR / "results.json"
HOST = "127.0.0.1"
# The home pages, the programme guide (a season of 400 events by default) and an
# event page with a repeating schedule, a changed date and registration.
PROGRAMME = "/ru/programme/"
EVENT = "/ru/programme/national-library/computer-literacy-for-seniors/"
PAGES = ["/ru/", "/tt/", "/en/", PROGRAMME, EVENT]
CEILING = "/healthz"
STARTUP_TIMEOUT = 60
REQUEST_TIMEOUT = 30
SHUTDOWN_TIMEOUT = 15


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description="Requests/s, latency and SQL queries of the demo site's pages "
        "served by gunicorn with production settings.",
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=env_int("BENCH_REQUESTS", 2000),
        help="measured requests per URL (env BENCH_REQUESTS; default 2000)",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=env_int("BENCH_WARMUP", 100),
        help="unmeasured requests per URL first (env BENCH_WARMUP; default 100)",
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        default=env_int("BENCH_CONCURRENCY", 4),
        help="requests in flight at once (env BENCH_CONCURRENCY; default 4)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=env_int("BENCH_WORKERS", 2),
        help="gunicorn worker processes (env BENCH_WORKERS; default 2)",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", ""),
        help="a PostgreSQL database to create, bench on and drop, e.g. "
        "postgresql://postgres@127.0.0.1:5432/kazan_bench "
        "(env BENCH_DATABASE_URL; default: SQLite in the run directory)",
    )
    parser.add_argument(
        "--season",
        choices=["full", "small"],
        default=os.environ.get("BENCH_SEASON") or "full",
        help="demo season to seed: 'full' (400+ events per language, a few "
        "minutes to seed) or 'small' (env BENCH_SEASON; default full)",
    )
    parser.add_argument(
        "--hearing-submissions",
        type=int,
        default=env_int("BENCH_HEARING_SUBMISSIONS", 5000),
        help="submissions of the public hearing whose protocol, PDF and "
        "statistics are timed after the load test; 0 skips it "
        "(env BENCH_HEARING_SUBMISSIONS; default 5000)",
    )
    parser.add_argument(
        "--archive-items",
        type=int,
        default=env_int("BENCH_ARCHIVE_ITEMS", 100_000),
        help="generated video archive items loaded into each search backend, "
        "whose reindex and search are timed last (bench/archive.py); 0 skips "
        "it (env BENCH_ARCHIVE_ITEMS; default 100000)",
    )
    parser.add_argument(
        "--feedback-ratings",
        type=int,
        default=env_int("BENCH_FEEDBACK_RATINGS", 10_000),
        help="ratings of the event page timed after the hearing, with half as "
        "many comments, followed by concurrent ratings (bench/feedback.py); 0 "
        "skips it (env BENCH_FEEDBACK_RATINGS; default 10000)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the run directory under var/bench/ (database, static files, log)",
    )
    args = parser.parse_args(argv)
    for name in ("requests", "concurrency", "workers"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.warmup < 0:
        parser.error("--warmup must not be negative")
    if args.hearing_submissions < 0:
        parser.error("--hearing-submissions must not be negative")
    if args.archive_items < 0:
        parser.error("--archive-items must not be negative")
    if args.feedback_ratings < 0:
        parser.error("--feedback-ratings must not be negative")
    return args


class ThrowawayPostgresDatabase:
    """A PostgreSQL database created for one run and dropped after it.

    It refuses a name that already exists: it only ever drops what it created.
    """

    def __init__(self, url):
        parts = urlsplit(url)
        if parts.scheme not in {"postgres", "postgresql"}:
            raise SystemExit(f"--database-url must be a PostgreSQL URL, not {url!r}")
        self.url = url
        self.name = parts.path.lstrip("/")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,62}", self.name):
            raise SystemExit(f"unusable database name {self.name!r} in --database-url")
        # Created and dropped from the server's maintenance database.
        self.maintenance_url = urlunsplit(parts._replace(path="/postgres"))
        self.created = False

    def _execute(self, statement):
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.maintenance_url, autocommit=True) as connection:
            return connection.execute(
                sql.SQL(statement).format(name=sql.Identifier(self.name))
            )

    def create(self):
        import psycopg

        with psycopg.connect(self.maintenance_url, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [self.name]
            ).fetchone()
        if exists:
            raise SystemExit(
                f"database {self.name!r} already exists; the bench only drops "
                "databases it created, so name another one or drop it yourself"
            )
        self._execute("CREATE DATABASE {name}")
        self.created = True

    def drop(self):
        if self.created:
            self._execute("DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            self.created = False


def server_environment(run_dir, database_url):
    """Production settings, confined to the run directory and to 127.0.0.1."""
    environment = dict(os.environ)
    # Shared services named by the caller's environment stay out of the run.
    for name in (
        "REDIS_URL",
        "ELASTICSEARCH_URL",
        "EMAIL_HOST",
        "AWS_STORAGE_BUCKET_NAME",
    ):
        environment.pop(name, None)
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        DEBUG="false",
        VAR_DIR=str(run_dir),
        STATIC_ROOT=str(run_dir / "static"),
        MEDIA_ROOT=str(run_dir / "media"),
        DATABASE_URL=database_url or f"sqlite:///{run_dir / 'db.sqlite3'}",
        LOG_LEVEL="WARNING",
    )
    return environment


def manage(environment, *arguments):
    """Run one management command in a child process; stop the run if it fails."""
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout + completed.stderr)
        raise SystemExit(f"manage.py {' '.join(arguments)} failed")
    print(f"  manage.py {arguments[0]}: {time.perf_counter() - started:.1f} s")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def get(port, path, timeout=REQUEST_TIMEOUT):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


class GunicornServer:
    """gunicorn serving cms.wsgi on 127.0.0.1, stopped however the run ends."""

    def __init__(self, environment, workers, log_path):
        self.environment = environment
        self.workers = workers
        self.log_path = log_path
        self.port = free_port()
        self.process = None

    def start(self):
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(self.workers),
            "--log-level",
            "warning",
            "--graceful-timeout",
            str(SHUTDOWN_TIMEOUT - 5),
            "--no-control-socket",
        ]
        with self.log_path.open("w") as log:
            # Its own session: a Ctrl+C in the terminal reaches the bench, which
            # then stops gunicorn in order.
            self.process = subprocess.Popen(
                command,
                cwd=BASE_DIR,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        atexit.register(self.stop)
        self._wait_until_ready()

    def _wait_until_ready(self):
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited at start:\n{self._log_tail()}")
            try:
                if get(self.port, CEILING, timeout=2) == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer within {STARTUP_TIMEOUT} s")

    def _log_tail(self, lines=30):
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text().splitlines()[-lines:])

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(SHUTDOWN_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def load(port, path, requests, concurrency):
    """Send ``requests`` GETs, ``concurrency`` at a time; latencies in seconds."""
    tickets = iter(range(requests))
    lock = threading.Lock()
    latencies = []
    failures = Counter()

    def client():
        # http.client reopens the connection when the server closes it (gunicorn's
        # sync workers close after each response).
        connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
        own_latencies = []
        own_failures = Counter()
        try:
            while True:
                with lock:
                    if next(tickets, None) is None:
                        break
                started = time.perf_counter()
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException) as error:
                    own_failures[type(error).__name__] += 1
                    connection.close()
                    continue
                own_latencies.append(time.perf_counter() - started)
                if response.status != 200:
                    own_failures[f"HTTP {response.status}"] += 1
        finally:
            connection.close()
            with lock:
                latencies.extend(own_latencies)
                failures.update(own_failures)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return latencies, failures, elapsed


def summarise(path, latencies, failures, elapsed):
    if len(latencies) < 2:
        raise SystemExit(f"{path}: too few answers to measure; {dict(failures)}")
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "url": path,
        "requests": len(latencies),
        "failures": dict(failures),
        "seconds": round(elapsed, 3),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(cuts[49] * 1000, 2),
        "p95_ms": round(cuts[94] * 1000, 2),
        "p99_ms": round(cuts[98] * 1000, 2),
    }


def count_queries(environment, paths):
    """SQL queries per page, in this process, after one warm-up request each."""
    os.environ.update(environment)
    import django

    django.setup()
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    counts = {}
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code} in process")
        counts[path] = len(queries)
    connections.close_all()
    return counts


def print_table(rows):
    width = max(10, *(len(row["url"]) for row in rows))
    header = (
        f"{'URL':<{width}} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'÷ healthz':>10} {'SQL':>5} {'failed':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['url']:<{width}} {row['requests_per_second']:>8.1f} "
            f"{row['p50_ms']:>8.2f} {row['p95_ms']:>8.2f} {row['p99_ms']:>8.2f} "
            f"{row['ratio_to_healthz']:>10.3f} {row['sql_queries']:>5} "
            f"{sum(row['failures'].values()):>7}"
        )


def versions():
    from importlib.metadata import version

    return {name: version(name) for name in ("django", "wagtail", "gunicorn")}


def main(argv=None):
    args = parse_args(argv)
    # A plain `kill` of the bench still runs the clean-up below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=BENCH_DIR))
    database = (
        ThrowawayPostgresDatabase(args.database_url) if args.database_url else None
    )
    server = None
    try:
        if database:
            database.create()
        environment = server_environment(run_dir, args.database_url)
        print(f"Building the demo site in {run_dir.relative_to(BASE_DIR)}")
        manage(environment, "migrate", "--noinput")
        manage(environment, "seed_demo", "--season", args.season)
        manage(environment, "collectstatic", "--noinput")

        urls = [*PAGES, CEILING]
        queries = count_queries(environment, urls)

        server = GunicornServer(environment, args.workers, run_dir / "gunicorn.log")
        server.start()
        print(
            f"gunicorn: {args.workers} workers on {HOST}:{server.port}; "
            f"{args.requests} requests per URL after {args.warmup} warm-up, "
            f"concurrency {args.concurrency}"
        )
        rows = []
        for path in urls:
            if args.warmup:
                load(server.port, path, args.warmup, args.concurrency)
            row = summarise(
                path, *load(server.port, path, args.requests, args.concurrency)
            )
            row["sql_queries"] = queries[path]
            rows.append(row)
        server.stop()

        ceiling = next(row for row in rows if row["url"] == CEILING)
        for row in rows:
            row["ratio_to_healthz"] = round(
                row["requests_per_second"] / ceiling["requests_per_second"], 3
            )
        print()
        print_table(rows)
        hearing_rows = []
        hearing_page_rows = []
        if args.hearing_submissions:
            # After the load test, so the extra hearing does not touch its figures.
            from bench import hearings

            print(
                f"\nTiming a public hearing with {args.hearing_submissions} submissions"
            )
            hearing_rows = hearings.run(args.hearing_submissions)
            hearings.print_table(hearing_rows, args.hearing_submissions)
            from bench import hearing_page

            # The scale: four comments per submission.
            hearing_page_rows = hearing_page.run_hearing_page_bench(
                submissions=args.hearing_submissions,
                comments=4 * args.hearing_submissions,
                requests=50,
            )
        feedback_report = None
        if args.feedback_ratings:
            # On the bench's database, in this process, like the hearing page.
            from bench import feedback

            feedback_report = feedback.run_feedback_bench(
                ratings_count=args.feedback_ratings,
                comments_count=args.feedback_ratings // 2,
            )
        archive_report = None
        if args.archive_items:
            # Its own databases and processes; the figures also go to
            # var/bench/archive-results.json.
            from bench import archive

            print(f"\nVideo archive search with {args.archive_items:,} items")
            archive_argv = ["--items", str(args.archive_items)]
            archive_report = archive.main(
                [*archive_argv, "--keep"] if args.keep else archive_argv
            )
        # The production settings' default when the variable is unset.
        conn_max_age = int(environment.get("DATABASE_CONN_MAX_AGE") or 60)
        results = {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": "postgresql" if database else "sqlite",
            "database_conn_max_age": conn_max_age,
            "season": args.season,
            "workers": args.workers,
            "concurrency": args.concurrency,
            "requests_per_url": args.requests,
            "warmup_per_url": args.warmup,
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            **versions(),
            "results": rows,
            "hearing_submissions": args.hearing_submissions,
            "hearing": hearing_rows,
            "hearing_page": hearing_page_rows,
            "feedback_ratings": args.feedback_ratings,
            "feedback": feedback_report,
            "archive_items": args.archive_items,
            "archive": archive_report,
        }
        RESULTS_FILE.write_text(json.dumps(results, indent=2) + "\n")
        print(f"\nWritten to {RESULTS_FILE.relative_to(BASE_DIR)}")
    finally:
        if server:
            server.stop()
        if database:
            database.drop()
        if not args.keep:
            shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
