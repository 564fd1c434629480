"""Threads that race on PostgreSQL: the demo kept across transactional tests.

Race tests need committed rows and real row locks, so they are transactional
and PostgreSQL-only; SQLite serialises writers and would prove nothing.
"""

import threading

from django.db import connection

import pytest

from tests.snapshot import ensure_demo, take_demo_snapshot


def demo_snapshot_on_postgresql(django_db_blocker, skip_reason):
    """Body of a module-scoped fixture: the demo's rows, put back at the end."""
    if connection.vendor != "postgresql":
        pytest.skip(skip_reason)
    with django_db_blocker.unblock():
        snapshot = take_demo_snapshot()
    yield snapshot
    with django_db_blocker.unblock():
        ensure_demo(snapshot)


def run_together(*jobs, timeout):
    """Run each job in its own thread, released at once by a barrier.

    Returns each job's result, or the exception it raised, in job order.
    """
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        try:
            results[index] = job(barrier)
        except BaseException as error:  # reported in the test thread
            results[index] = error
        finally:
            # Each thread's own connection; left open it would keep the
            # test database from being dropped.
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, job))
        for index, job in enumerate(jobs)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
        assert not thread.is_alive(), "a job never finished: a deadlock?"
    return results
