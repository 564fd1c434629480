"""The feedback bench at a tiny size, so its code keeps working.

Figures are printed by `python -m bench.feedback`; nothing here asserts a time.
"""

import pytest

from bench import feedback
from tests.concurrency import demo_snapshot_on_postgresql
from tests.snapshot import ensure_demo


def test_arguments_are_read_and_checked():
    args = feedback.parse_args(["--threads", "2,3", "--via", "core", "--ratings", "5"])
    assert args.threads == [2, 3] and args.via == ["core"] and args.ratings == 5
    with pytest.raises(SystemExit):
        feedback.parse_args(["--via", "carrier-pigeon"])
    with pytest.raises(SystemExit):
        feedback.parse_args(["--threads", "0"])


@pytest.mark.django_db
def test_the_page_bench_reports_both_event_pages_with_their_queries():
    rows = feedback.page_bench(40, 15, requests=2)
    small, large = rows
    assert (small["ratings"], large["ratings"]) == (1, 40)
    assert small["status"] == large["status"] == 200
    assert 0 < large["sql_queries"] <= small["sql_queries"]
    assert large["p50_ms"] > 0 and large["requests"] == 2


@pytest.fixture(scope="module")
def demo_snapshot(django_db_setup, django_db_blocker):
    yield from demo_snapshot_on_postgresql(
        django_db_blocker, "the rating race needs PostgreSQL (DATABASE_URL)"
    )


@pytest.mark.postgresql
@pytest.mark.parametrize("via", ["core", "http"])
def test_the_rating_race_loses_and_duplicates_nothing(
    demo_snapshot, transactional_db, via
):
    ensure_demo(demo_snapshot)
    result = feedback.rate_race(4, 24, via=via, double_every=3)
    assert result.accounts == result.rows == 24
    assert result.double_clicks == 8
    assert result.submissions == 24 + 8
    assert (result.lost, result.duplicated, result.refused) == (0, 0, 0)
    assert result.aggregate_matches
    feedback.print_race_table([result.as_dict()], "postgresql")
