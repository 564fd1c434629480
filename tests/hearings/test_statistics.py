"""Statistics of one hearing and across hearings: figures, charts, bounded queries."""

from django.contrib.auth import get_user_model
from django.utils import translation

import pytest

from hearings_plugin import actions
from hearings_plugin.factories import make_hearing, make_verified_resident
from hearings_plugin.models import HearingIndexPage, Stage, Submission
from hearings_plugin.selectors import reports

from .conftest import submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    # The figures' labels are compared in English, the catalogues' source.
    with translation.override("en"):
        yield


def url(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args or None)


def figures(statistics, slug):
    breakdown = next(b for b in statistics.breakdowns if b.slug == slug)
    return {row.label: row.value for row in breakdown.rows}


@pytest.fixture
def busy_hearing(moderator):
    page = make_hearing(Stage.OPEN, translate_to=("tt",))
    tatar_page = page.get_translations().get(locale__language_code="tt").specific
    first = make_verified_resident("first")
    second = make_verified_resident("second")
    submit(page, first, district="kirovsky")
    submit(page, first, kind="remark", district="kirovsky")
    submit(tatar_page, second, category="other", kind="question")
    hidden = submit(page, second, kind="remark")
    actions.ModerateSubmissionAction(hidden, moderator, "hidden", "Спам").execute()
    return page


def test_hearing_statistics_count_participants_and_each_breakdown(busy_hearing):
    statistics = reports.hearing_statistics(busy_hearing.procedure)
    assert statistics.participants == 2
    assert statistics.submissions == 4
    assert figures(statistics, "kind") == {"Proposal": 1, "Remark": 2, "Question": 1}
    assert figures(statistics, "language") == {"Russian": 3, "Tatar": 1}
    assert figures(statistics, "moderation") == {
        "Awaiting moderation": 3,
        "Hidden from the public register": 1,
    }
    assert figures(statistics, "answer") == {"Not answered yet": 4}
    assert figures(statistics, "district") == {
        "Kirovsky district": 2,
        "District not given": 2,
    }
    assert sum(figures(statistics, "time").values()) == 4
    kinds = next(b for b in statistics.breakdowns if b.slug == "kind")
    assert [row.percent for row in kinds.rows] == [25.0, 50.0, 25.0]
    # The largest bar is the full width; the others in proportion.
    assert kinds.rows[1].width == 2 * kinds.rows[0].width


def test_the_statistics_page_draws_accessible_charts_with_tables(
    client, busy_hearing, django_assert_max_num_queries
):
    client.get(url(busy_hearing, "hearing_statistics"))  # warm Wagtail's caches
    with django_assert_max_num_queries(40) as captured:
        response = client.get(url(busy_hearing, "hearing_statistics"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('role="img"') == html.count('<svg class="bar-chart"') == 7
    assert html.count('<title id="chart-') == 7
    assert html.count("<table") == 7
    assert "<script" not in html
    assert "Валиев" not in html
    queries = len(captured)
    # More submissions, participants and days do not add queries.
    for number in range(6):
        submit(busy_hearing, make_verified_resident(f"more-{number}"))
    with django_assert_max_num_queries(queries):
        assert client.get(url(busy_hearing, "hearing_statistics")).status_code == 200


def test_statistics_across_hearings_add_district_topic_and_filter_by_year(
    client, busy_hearing, django_assert_max_num_queries
):
    before = reports.index_statistics()
    other = make_hearing(Stage.OPEN, district="sovetsky", topic="streets")
    submit(other, make_verified_resident("third"))
    after = reports.index_statistics()
    assert after.submissions - before.submissions == 1
    assert after.participants - before.participants == 1
    assert after.hearings - before.hearings == 1
    by_topic = figures(after, "topic")
    assert by_topic["Streets and roads"] >= 1
    assert figures(after, "hearing_district")["Sovetsky district"] >= 1
    year = busy_hearing.procedure.opens_at.year
    assert year in reports.statistics_years()
    index = HearingIndexPage.objects.get(locale__language_code="ru")
    client.get(url(index, "statistics"))
    with django_assert_max_num_queries(40):
        response = client.get(url(index, "statistics"), {"year": year})
    assert response.status_code == 200
    assert response.context["year"] == year
    assert (
        response.context["statistics"].submissions
        == Submission.objects.filter(procedure__opens_at__year=year).count()
    )


@pytest.mark.parametrize("year", ["1900", "abc", "99999999999999999999"])
def test_an_unknown_year_shows_all_years_with_a_notice(client, busy_hearing, year):
    index = HearingIndexPage.objects.get(locale__language_code="ru")
    response = client.get(url(index, "statistics"), {"year": year})
    assert response.status_code == 200
    assert response.context["unknown_year"] is True
    assert response.context["year"] is None


def test_statistics_count_a_deleted_account_as_its_own_participant(busy_hearing):
    get_user_model().objects.filter(username="first").delete()
    statistics = reports.hearing_statistics(busy_hearing.procedure)
    assert statistics.participants == 3
