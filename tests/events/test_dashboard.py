"""The organiser dashboard: ranking, filters, summaries, trends, CSV and access."""

import csv
import datetime
import io
import re

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest

from cms.accounts.roles import create_roles, grant_institution_editors
from cms.comments.models import Comment
from cms.feedback import ratings
from cms.feedback.models import PageFeedback, Rating
from events_plugin import dashboard
from events_plugin.models import (
    ArchiveViewCount,
    Attendance,
    Domain,
    EventPage,
    EventSession,
    InstitutionPage,
    ProgrammeIndexPage,
    Registration,
)
from tests.events.test_registration import (
    client_for,
    resident,
    staff_client,
)

pytestmark = pytest.mark.django_db

URL = "/admin/feedback-dashboard/"
CSV_URL = URL + "csv/"
COURSE = "computer-literacy-for-seniors"


def library():
    return InstitutionPage.objects.get(
        slug="national-library", locale__language_code="ru"
    )


def held_event(slug, *, days=-2, parent=None, event_type="lecture", domain=None):
    """A live event (Russian only) whose one date was ``days`` from now."""
    parent = parent or ProgrammeIndexPage.objects.get(locale__language_code="ru")
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    page = EventPage(
        title=f"Событие {slug}",
        slug=slug,
        event_type=event_type,
        domain=domain or Domain.objects.filter(locale__language_code="ru").first(),
        registration_required=True,
    )
    page.sessions = [EventSession(start=start, end=start + datetime.timedelta(hours=1))]
    parent.add_child(instance=page)
    return page


def rate_many(page, scores, prefix):
    for number, score in enumerate(scores):
        ratings.rate(page, resident(f"{prefix}{number}"), score, language="ru")


def register(page, user, *, status="confirmed", attended_on=None):
    registration = Registration.objects.create(
        event_key=page.translation_key, user=user, status=status
    )
    if attended_on is not None:
        Attendance.objects.create(registration=registration, date=attended_on)
    return registration


def comment_on(page, user, *, public=True, text="Спасибо!"):
    feedback = ratings.feedback_for(page, create=True)
    return Comment.objects.create(
        content_type=ContentType.objects.get_for_model(PageFeedback),
        object_pk=str(feedback.pk),
        site_id=1,
        user=user,
        comment=text,
        language="ru",
        is_public=public,
    )


def rows_by_key(user, **filters):
    return {
        row.key: row for row in dashboard.event_rows(user, dashboard.Filters(**filters))
    }


@pytest.fixture
def library_editor():
    create_roles()
    editor = resident("librarian")
    editor.groups.add(grant_institution_editors(library()))
    return editor


@pytest.fixture
def rated_events(admin_user):
    """Two events with known feedback: one well liked, one not."""
    liked = held_event("liked-lecture")
    disliked = held_event("disliked-lecture")
    rate_many(liked, [5, 5, 4], "fan")
    rate_many(disliked, [2], "critic")
    alice, bob = resident("alice"), resident("bob")
    register(liked, alice, attended_on=timezone.now())
    register(liked, bob)
    register(liked, resident("carl"), status="waitlisted")
    comment_on(liked, alice)
    comment_on(liked, bob, public=False)
    ArchiveViewCount.objects.create(translation_key=liked.translation_key, views=42)
    return liked, disliked


# The numbers


def test_each_event_is_one_row_with_its_ratings_registrations_and_comments(
    admin_user, rated_events
):
    liked, disliked = rated_events
    mean, weight = ratings.prior()

    rows = rows_by_key(admin_user)

    row = rows[liked.translation_key]
    assert row.ratings == 3
    assert row.average == pytest.approx(ratings.bayesian_average(3, 14, mean, weight))
    assert (row.registrations, row.attended, row.attendance_rate) == (2, 1, 0.5)
    assert row.comments == 1  # the hidden comment does not count
    assert row.views == 42
    assert rows[disliked.translation_key].average < row.average
    assert rows[disliked.translation_key].attendance_rate is None


def test_an_event_in_three_languages_is_one_row_titled_in_the_admins_language(
    admin_user,
):
    versions = {
        page.locale.language_code: page
        for page in EventPage.objects.filter(slug=COURSE).select_related("locale")
    }
    key = versions["ru"].translation_key

    for language in ("ru", "tt", "en"):
        with translation.override(language):
            rows = dashboard.event_rows(admin_user, dashboard.Filters())
        assert [row.key for row in rows].count(key) == 1
        row = next(row for row in rows if row.key == key)
        assert row.title == versions[language].title


def test_attendees_ratings_have_their_own_average(admin_user):
    page = held_event("attended-concert")
    attendee = resident("attendee")
    register(page, attendee)
    ratings.rate(page, attendee, 5, language="ru")
    ratings.rate(page, resident("passer-by"), 1, language="ru")

    row = rows_by_key(admin_user)[page.translation_key]

    assert (row.ratings, row.attendee_average) == (2, 5)


def test_sorting_puts_events_without_a_value_last_either_way(admin_user, rated_events):
    liked, disliked = rated_events
    unrated = held_event("unrated-lecture")
    rows = [
        row
        for row in dashboard.event_rows(admin_user, dashboard.Filters())
        if row.key
        in (liked.translation_key, disliked.translation_key, unrated.translation_key)
    ]

    best_first = dashboard.sort_rows(rows, "average", descending=True)
    worst_first = dashboard.sort_rows(rows, "average")

    assert [row.key for row in best_first] == [
        liked.translation_key,
        disliked.translation_key,
        unrated.translation_key,
    ]
    assert [row.key for row in worst_first][-1] == unrated.translation_key
    assert dashboard.parse_sort("-comments") == ("comments", True)
    assert dashboard.parse_sort("drop table") is None


def test_the_page_ranks_by_the_chosen_column_and_says_so_to_screen_readers(
    admin_client, rated_events
):
    liked, disliked = rated_events

    content = admin_client.get(URL, {"sort": "average"}).content.decode()

    assert content.index(disliked.title) < content.index(liked.title)
    heading = re.search(
        r'<th scope="col" aria-sort="ascending">\s*<a href="([^"]+)"', content
    )
    assert heading and "sort=-average" in heading.group(1)
    content = admin_client.get(URL).content.decode()
    assert content.index(liked.title) < content.index(disliked.title)
    assert 'aria-sort="descending"' in content


# Filters


def test_the_period_keeps_events_with_a_date_in_it(admin_user):
    recent = held_event("recent-lecture", days=-3)
    old = held_event("old-lecture", days=-60)
    start, end = dashboard.preset_period("last30")

    rows = rows_by_key(admin_user, start=start, end=end)

    assert recent.translation_key in rows
    assert old.translation_key not in rows
    first, last = dashboard.days_period(
        timezone.localdate() - datetime.timedelta(days=61),
        timezone.localdate() - datetime.timedelta(days=59),
    )
    assert set(rows_by_key(admin_user, start=first, end=last)) >= {old.translation_key}
    assert recent.translation_key not in rows_by_key(admin_user, start=first, end=last)


def test_presets_cover_the_season_from_september_and_the_calendar_year():
    start, end = dashboard.preset_period("season", datetime.date(2026, 3, 10))
    assert (timezone.localtime(start).date(), timezone.localtime(end).date()) == (
        datetime.date(2025, 9, 1),
        datetime.date(2026, 9, 1),
    )
    start, end = dashboard.preset_period("year", datetime.date(2026, 11, 2))
    assert timezone.localtime(start).date() == datetime.date(2026, 1, 1)
    assert timezone.localtime(end).date() == datetime.date(2027, 1, 1)


def test_domain_institution_and_type_filters(admin_user):
    domains = list(Domain.objects.filter(locale__language_code="ru")[:2])
    music = held_event("music-lecture", domain=domains[1])
    at_library = held_event(
        "library-masterclass", parent=library(), event_type="masterclass"
    )
    own = held_event("own-lecture")

    by_domain = rows_by_key(admin_user, domain=str(domains[1].translation_key))
    by_library = rows_by_key(admin_user, institution=str(library().translation_key))
    department = rows_by_key(admin_user, institution=dashboard.DEPARTMENT)
    masterclasses = rows_by_key(admin_user, event_type="masterclass")

    assert music.translation_key in by_domain and own.translation_key not in by_domain
    assert set(by_library) >= {at_library.translation_key}
    assert own.translation_key not in by_library
    assert own.translation_key in department
    assert at_library.translation_key not in department
    assert at_library.translation_key in masterclasses
    assert own.translation_key not in masterclasses
    assert rows_by_key(admin_user)[at_library.translation_key].institution_key == (
        library().translation_key
    )


def test_summaries_add_up_the_events_of_each_domain(admin_user):
    domain = Domain.objects.filter(locale__language_code="ru").last()
    first = held_event("first-in-domain", domain=domain)
    second = held_event("second-in-domain", domain=domain)
    rate_many(first, [5, 4], "a")
    rate_many(second, [3], "b")
    rows = dashboard.event_rows(
        admin_user, dashboard.Filters(domain=str(domain.translation_key))
    )

    (group,) = dashboard.group_rows(
        rows, "domain_key", dashboard.domain_names("ru"), "none"
    )

    assert group.name == domain.name
    assert group.events == len(rows)
    assert group.ratings == sum(row.ratings for row in rows) >= 3
    assert group.rating_total == sum(row.rating_total for row in rows)


def test_garbage_in_the_url_is_left_out_with_a_notice_never_a_500(admin_client):
    garbage = {
        "period": "forever",
        "start": "yesterday",
        "end": "2025-13-45",
        "domain": "not-a-domain",
        "institution": "<script>alert(1)</script>",
        "event_type": "rave",
        "metric": "'; DROP TABLE",
        "interval": "century",
        "sort": "-password",
        "p": "abc",
    }

    response = admin_client.get(URL, garbage)

    assert response.status_code == 200
    content = response.content.decode()
    with translation.override("ru"):
        notices = [
            gettext(
                "Some filters could not be used and were left out; see the "
                "messages beside them."
            ),
            gettext(
                "The ranking cannot be sorted that way; it is sorted by the "
                "average rating."
            ),
            gettext("There is no such page of the ranking; showing page %(number)s.")
            % {"number": 1},
        ]
    for notice in notices:
        assert notice in content
    assert "<script>alert(1)</script>" not in content
    for params in (
        {"start": "0001-01-01", "end": "9999-12-31"},
        {"start": "2026-05-01", "end": "2026-04-01"},
        {"p": "99999"},
        {"period": "dates"},
        {"p": "-3", "sort": ""},
    ):
        assert admin_client.get(URL, params).status_code == 200
        assert admin_client.get(CSV_URL, params).status_code == 200


# Charts and trends


def test_trends_count_per_week_and_average_the_scores_given(admin_user):
    today = timezone.localdate()
    start, end = dashboard.days_period(today - datetime.timedelta(days=27), today)
    filters = dashboard.Filters(start=start, end=end)
    two_weeks_ago = timezone.now() - datetime.timedelta(days=14)
    early_week = dashboard._bucket_start(timezone.localdate(two_weeks_ago), "week")
    before = {p.start: p for p in dashboard.trends(admin_user, filters, "week").points}
    page = held_event("trend-lecture", days=-20)
    rate_many(page, [5, 5], "early")
    rate_many(page, [4], "late")
    Rating.objects.filter(user__username__startswith="early").update(
        created_at=two_weeks_ago
    )

    found = dashboard.trends(admin_user, filters, "week")

    assert found.interval == "week"
    assert len(found.points) in (4, 5)
    assert [p.start for p in found.points] == sorted(before)
    after = {point.start: point for point in found.points}
    assert after[early_week].ratings == before[early_week].ratings + 2
    if not before[early_week].ratings:
        assert after[early_week].average == 5
    this_week = found.points[-1].start
    assert after[this_week].ratings == before[this_week].ratings + 1
    assert dashboard.trend_interval(filters) == "week"
    assert dashboard.trend_interval(dashboard.Filters()) == "month"


def test_the_page_draws_charts_with_a_text_alternative(admin_client, rated_events):
    liked, _disliked = rated_events
    ArchiveViewCount.objects.filter(translation_key=liked.translation_key).update(
        views=10**6
    )

    content = admin_client.get(URL, {"metric": "views"}).content.decode()

    assert content.count('role="img"') == 3
    assert 'aria-labelledby="dashboard-top-title dashboard-top-desc"' in content
    assert "<details>" in content
    top_table = content.split('id="dashboard-top-heading"', 1)[1].split("</section>")[0]
    assert liked.title in top_table


# Access and CSV


def test_an_institution_editor_sees_only_their_institutions_events(
    library_editor, rated_events
):
    liked, _disliked = rated_events
    at_library = held_event("library-lecture", parent=library())
    rate_many(at_library, [4], "reader")
    client = staff_client(library_editor)

    content = client.get(URL).content.decode()
    exported = client.get(CSV_URL).content.decode("utf-8-sig")

    assert at_library.title in content and at_library.title in exported
    assert liked.title not in content and liked.title not in exported
    keys = set(rows_by_key(library_editor))
    assert at_library.translation_key in keys
    assert liked.translation_key not in keys


def test_only_event_editors_may_open_it(admin_client, library_editor):
    create_roles()
    organiser = resident("organiser")
    organiser.groups.add(Group.objects.get(name="Hearing organiser"))
    someone = resident("someone")
    someone.user_permissions.add(Permission.objects.get(codename="access_admin"))

    assert admin_client.get(URL).status_code == 200
    assert staff_client(library_editor).get(URL).status_code == 200
    for user in (organiser, someone):
        assert staff_client(user).get(URL).status_code == 403
        assert staff_client(user).get(CSV_URL).status_code == 403
    assert client_for(resident("visitor")).get(URL).status_code == 302


def test_the_csv_opens_in_excel_with_translated_headings_and_no_formulas(
    admin_client, rated_events
):
    liked, _disliked = rated_events
    evil = held_event("evil-lecture")
    EventPage.objects.filter(pk=evil.pk).update(title='=HYPERLINK("http://evil")')
    rate_many(evil, [3], "mallory")

    response = admin_client.get(CSV_URL, {"sort": "-ratings"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="residents-feedback-'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    with translation.override("ru"):
        assert rows[0][:2] == [gettext("Event"), gettext("Type")]
        assert rows[0][5] == gettext("Average rating")
    titles = [row[0] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in titles
    assert titles.index(liked.title) < titles.index('\'=HYPERLINK("http://evil")')
    liked_row = rows[1 + titles.index(liked.title)]
    assert liked_row[6] == "3"  # ratings
    assert liked_row[10] == "50%" or liked_row[10].startswith("50")


# Bounded queries


def _queries(client, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, params or {})
    assert response.status_code == 200
    return len(captured)


def test_the_dashboard_costs_the_same_queries_for_few_or_many_events(
    admin_client, django_assert_max_num_queries
):
    first = held_event("size-0")
    rate_many(first, [4], "size0-")
    comment_on(first, resident("size0-commenter"))
    params = {"sort": "-comments", "metric": "comments"}
    _queries(admin_client, params)  # warm the caches a first visit fills
    few = _queries(admin_client, params)
    for number in range(1, 16):
        page = held_event(f"size-{number}", days=-number)
        rate_many(page, [number % 5 + 1], f"size{number}-")
        register(page, resident(f"size{number}-visitor"), attended_on=timezone.now())
        comment_on(page, resident(f"size{number}-commenter"))
        ArchiveViewCount.objects.create(translation_key=page.translation_key, views=9)

    many = _queries(admin_client, params)

    assert many == few
    with django_assert_max_num_queries(40):
        admin_client.get(URL, params)
    with django_assert_max_num_queries(25):
        admin_client.get(CSV_URL, params)


# The charts themselves


def test_a_bar_chart_is_a_named_image_and_escapes_its_labels():
    from events_plugin import charts

    svg = charts.bar_chart(
        [("<script>alert(1)</script>", 4.5), ("Лекция", 2)],
        chart_id="top chart",
        title="Top & best",
        description="Same numbers in the table.",
        value_label=lambda value: f"{value} ★",
    )

    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'aria-labelledby="top-chart-title top-chart-desc"' in svg
    assert '<title id="top-chart-title">Top &amp; best</title>' in svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert widths[0] == pytest.approx(2.25 * widths[1], rel=1e-2)
    assert "4.5 ★" in svg


def test_a_line_chart_breaks_at_missing_values_and_uses_round_steps():
    from events_plugin import charts

    svg = charts.line_chart(
        ["Jan", "Feb", "Mar", "Apr"],
        [("Ratings", [3, None, 7, 9]), ("Comments", [1, 2, 3, 4])],
        chart_id="trend",
        title="Trend",
        description="Lines",
        whole=True,
    )

    assert svg.count("<polyline") == 3  # the gap splits the first line in two
    assert 'stroke-dasharray="6 4"' in svg  # told apart by more than colour
    ticks = re.findall(r'<text x="50" y="[\d.]+" text-anchor="end"[^>]*>([^<]+)<', svg)
    assert ticks[:2] == ["0", "2"] and ticks[-1] == "10"
    assert charts.nice_step(233) == 50
    assert charts.nice_step(0.6, whole=True) == 1
