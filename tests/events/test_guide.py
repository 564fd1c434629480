"""The programme guide: dated views, filters in the address, pages, empty states, feeds.

Events made here take place in March 2031, far from the demo season, so dated
views of that month show only them.
"""

import datetime
import html
import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qsl, urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from events_plugin import occurrences
from events_plugin.models import (
    Audience,
    Domain,
    EventOccurrence,
    EventPage,
    EventSession,
    InstitutionPage,
    OccurrenceChange,
    ProgrammeIndexPage,
)
from events_plugin.selectors import upcoming_events

pytestmark = pytest.mark.django_db

MOSCOW = occurrences.TIME_ZONE
ATOM = "{http://www.w3.org/2005/Atom}"


def at(day, hour, minute=0):
    """A moment of March 2031 in Kazan."""
    return datetime.datetime(2031, 3, day, hour, minute, tzinfo=MOSCOW)


def programme(code="en"):
    return ProgrammeIndexPage.objects.get(locale__language_code=code)


def institution(slug="national-library", code="en"):
    return InstitutionPage.objects.get(slug=slug, locale__language_code=code)


def make_event(
    title,
    start,
    *,
    parent=None,
    minutes=90,
    rule="",
    event_type="concert",
    domain="music",
    audiences=("adults",),
    language="ru",
    registration=False,
    changes=(),
    image=None,
    slug=None,
):
    """A published event with one session, below ``parent`` (the programme)."""
    parent = parent or programme()
    page = EventPage(
        title=title,
        slug=slug or re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-"),
        introduction=f"About {title}.",
        event_type=event_type,
        domain=Domain.objects.get(slug=domain, locale_id=parent.locale_id),
        language=language,
        registration_required=registration,
        image=image,
    )
    page.sessions = [
        EventSession(
            start=start,
            end=start + datetime.timedelta(minutes=minutes),
            recurrence=rule,
        )
    ]
    page.occurrence_changes = list(changes)
    page.audiences = list(Audience.objects.filter(key__in=audiences))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def main_of(response):
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def listed(response):
    """Titles of the dates listed, in order (one per date)."""
    return [
        html.unescape(title)
        for title in re.findall(
            r'class="guide-item__title"><a href="[^"]*">([^<]*)</a>', main_of(response)
        )
    ]


def hrefs(response):
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"', main_of(response))]


def query_of(url):
    return sorted(parse_qsl(urlsplit(url).query))


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response


@pytest.fixture
def fixed_now(monkeypatch):
    """Wednesday 5 March 2031, 12:00 in Kazan, for ranges named from today."""
    moment = at(5, 12)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


GUIDE_ROUTES = [
    "",
    "today/",
    "tomorrow/",
    "weekend/",
    "day/2031-03-04/",
    "week/2031-03-04/",
    "month/2031-03/",
]


@pytest.mark.parametrize("code", ["ru", "tt", "en"])
@pytest.mark.parametrize("route", GUIDE_ROUTES)
def test_every_guide_view_renders_in_each_language(client, code, route):
    for page in (programme(code), institution(code=code)):
        response = get(client, page.url + route)
        content = response.content.decode()
        assert f'<html lang="{code}"' in content
        assert 'id="guide-heading"' in content
        assert '<form class="guide-filters__form" method="get"' in content


def test_day_view_lists_that_days_dates_under_its_heading(client):
    page = make_event("Organ evening", at(4, 18, 30))
    make_event("Next day concert", at(5, 18, 30))

    response = get(client, programme().url + "day/2031-03-04/")

    assert listed(response) == ["Organ evening"]
    content = main_of(response)
    assert '<h2 id="guide-heading">Tuesday, 4 March 2031</h2>' in content
    assert "18:30</time>–<time" in content and "20:00</time>" in content
    assert f'href="{page.url}"' in content
    assert "Tuesday, 4 March 2031 — Programme" in response.content.decode()


def test_week_view_runs_from_monday_to_sunday(client):
    make_event("Sunday concert", at(9, 12))
    make_event("Monday after", at(10, 12))
    make_event("Monday before", at(3, 9))

    response = get(client, programme().url + "week/2031-03-06/")

    assert listed(response) == ["Monday before", "Sunday concert"]
    assert "Week from 3 March to 9 March 2031" in main_of(response)


def test_dates_are_grouped_under_one_heading_per_day(client):
    make_event("Morning class", at(4, 9))
    make_event("Evening class", at(4, 19))
    make_event("Wednesday class", at(5, 9))

    content = main_of(get(client, programme().url + "week/2031-03-03/"))

    headings = re.findall(r'<h3 class="guide-day">([^<]*)</h3>', content)
    assert headings == ["Tuesday, 4 March 2031", "Wednesday, 5 March 2031"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Music concert", "Literature lecture", "Literature concert", "Class"}),
        ("?type=concert", {"Music concert", "Literature concert"}),
        ("?type=concert&domain=music", {"Music concert"}),
        ("?domain=music&domain=literature&type=lecture", {"Literature lecture"}),
        (
            "?type=concert&type=lecture&domain=literature",
            {"Literature lecture", "Literature concert"},
        ),
        ("?access=registration", {"Literature lecture"}),
        (
            "?access=free&access=registration",
            {"Music concert", "Literature lecture", "Literature concert", "Class"},
        ),
        ("?access=free&domain=literature", {"Literature concert"}),
        ("?audience=seniors", {"Class"}),
        ("?audience=seniors&audience=children", {"Class", "Music concert"}),
        ("?language=tt", {"Literature lecture"}),
        ("?language=tt&audience=seniors", set()),
    ],
)
def test_filters_narrow_across_parameters_and_widen_within_one(client, query, expected):
    make_event("Music concert", at(4, 18), audiences=("adults", "children"))
    make_event(
        "Literature lecture",
        at(4, 15),
        event_type="lecture",
        domain="literature",
        registration=True,
        language="tt",
    )
    make_event("Literature concert", at(5, 18), domain="literature")
    make_event(
        "Class",
        at(6, 10),
        event_type="sports_class",
        domain="sport",
        audiences=("seniors",),
    )

    response = get(client, programme().url + "week/2031-03-03/" + query)

    assert set(listed(response)) == expected


def test_institution_filter_keeps_the_events_of_the_chosen_institutions(client):
    make_event("Library talk", at(4, 15), parent=institution("national-library"))
    make_event(
        "School concert", at(4, 16), parent=institution("saydashev-music-school")
    )
    make_event("Department event", at(4, 17))
    url = programme().url + "day/2031-03-04/"

    assert listed(get(client, url + "?institution=national-library")) == [
        "Library talk"
    ]
    both = "?institution=national-library&institution=saydashev-music-school"
    assert listed(get(client, url + both)) == ["Library talk", "School concert"]
    # The institution's own guide shows its events only, and has no such filter.
    own = get(client, institution("national-library").url + "day/2031-03-04/")
    assert listed(own) == ["Library talk"]
    assert 'name="institution"' not in main_of(own)


def test_listing_names_the_institution_and_how_to_take_part(client):
    make_event(
        "Library course",
        at(4, 11),
        parent=institution("national-library"),
        registration=True,
    )
    make_event("Open concert", at(4, 18))

    content = main_of(get(client, programme().url + "day/2031-03-04/"))

    library = institution("national-library").title
    assert f'<p class="guide-item__institution">{html.escape(library)}</p>' in content
    assert content.count('class="guide-item__institution"') == 1
    assert "Registration required." in content
    assert "Free, no registration needed." in content
    assert '<span class="badge">Concert</span>' in content
    assert '<span class="badge badge--quiet">Music</span>' in content


def test_chosen_filters_travel_with_every_link_of_the_guide(client):
    make_event("Music concert", at(4, 18))
    url = programme().url + "day/2031-03-04/?domain=music&type=concert"

    response = get(client, url)

    content = main_of(response)
    # The form shows the choice it was sent and applies it to the same dates.
    assert re.search(r'name="domain" value="music" id="[^"]+" checked', content)
    assert re.search(r'name="type" value="concert" id="[^"]+" checked', content)
    assert 'action="/en/programme/day/2031-03-04/"' in content
    chosen = [("domain", "music"), ("type", "concert")]
    keeping = {
        "/en/programme/",
        "/en/programme/today/",
        "/en/programme/tomorrow/",
        "/en/programme/weekend/",
        "/en/programme/day/2031-03-03/",
        "/en/programme/day/2031-03-04/",
        "/en/programme/day/2031-03-05/",
        "/en/programme/week/2031-03-04/",
        "/en/programme/month/2031-03/",
        "/en/programme/calendar/",
        "/en/programme/feed/",
    }
    links = [h for h in hrefs(response) if urlsplit(h).path in keeping]
    assert {urlsplit(h).path for h in links} == keeping
    removing = {
        "/en/programme/day/2031-03-04/?type=concert",
        "/en/programme/day/2031-03-04/?domain=music",
        "/en/programme/day/2031-03-04/",  # "clear filters"
    }
    assert removing <= set(links)
    assert all(query_of(h) == chosen for h in set(links) - removing)
    # Following a link gives back the same choice.
    week = next(h for h in links if h.startswith("/en/programme/week/"))
    assert listed(get(client, week)) == ["Music concert"]


def test_head_advertises_the_filtered_calendar_and_news_feed(client):
    content = get(client, programme().url + "?domain=music").content.decode()
    head = content.split("</head>", 1)[0]

    assert re.search(
        r'<link rel="alternate" type="text/calendar" title="[^"]+" '
        r'href="/en/programme/calendar/\?domain=music">',
        head,
    )
    assert re.search(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" '
        r'href="/en/programme/feed/\?domain=music">',
        head,
    )
    assert "events/css/events.css" in head
    assert "Subscribe in your calendar app" in main_of_text(content)
    assert "News feed" in main_of_text(content)


def main_of_text(content):
    return content.split("<main", 1)[1].split("</main>", 1)[0]


def test_named_ranges_follow_the_clock(client, fixed_now):
    make_event("Wednesday evening", at(5, 18))
    make_event("Thursday morning", at(6, 10))
    make_event("Friday evening", at(7, 18))
    make_event("Saturday matinee", at(8, 12))
    make_event("Sunday evening", at(9, 18))
    make_event("Next Monday", at(10, 10))
    url = programme().url

    assert listed(get(client, url + "today/")) == ["Wednesday evening"]
    assert listed(get(client, url + "tomorrow/")) == ["Thursday morning"]
    assert listed(get(client, url + "weekend/")) == [
        "Saturday matinee",
        "Sunday evening",
    ]
    today = main_of(get(client, url + "today/"))
    assert "Today, Wednesday, 5 March 2031" in today
    assert 'href="/en/programme/today/" aria-current="page"' in today


def test_list_starts_now_and_marks_the_date_running_now(client, fixed_now):
    make_event("Finished this morning", at(5, 9))
    make_event("Running now", at(5, 11, 30))
    make_event("Later today", at(5, 18))

    response = get(client, programme().url)

    titles = listed(response)
    assert "Finished this morning" not in titles
    assert titles[:2] == ["Running now", "Later today"]
    content = main_of(response)
    running = content.split("Running now", 1)[1].split("</li>", 1)[0]
    later = content.split("Later today", 1)[1].split("</li>", 1)[0]
    assert '<span class="badge badge--live">Live now</span>' in running
    assert "badge--live" not in later


@pytest.mark.parametrize(
    "route",
    [
        "day/2031-02-30/",
        "day/2031-13-01/",
        "day/2031-00-10/",
        "day/0000-01-01/",
        "day/99999-01-01/",
        "day/1999-12-31/",
        "day/2031-3-4/",
        "day/tomorrow/",
        "week/2031-02-29/",
        "week/0000-12-01/",
        "month/2031-13/",
        "month/2031-00/",
        "month/0000-05/",
        "month/99999-01/",
        "month/2031-03-01/",
    ],
)
def test_impossible_dates_in_the_address_are_not_found(client, route):
    get(client, programme().url + route, status=404)
    get(client, institution().url + route, status=404)


def test_unknown_filter_values_are_left_out_and_named_while_the_rest_apply(client):
    make_event("Music concert", at(4, 18))
    make_event("Literature concert", at(4, 19), domain="literature")
    query = (
        "?domain=music&domain=no-such-domain&type=%3Cscript%3E&access=maybe"
        "&audience=&language=ru&page=x&unknown=1"
    )

    response = get(client, programme().url + "day/2031-03-04/" + query)

    assert listed(response) == ["Music concert"]
    content = main_of(response)
    notice = content.split('class="notice guide-notice"', 1)[1].split("</div>", 1)[0]
    assert "Subject: “no-such-domain”" in notice
    assert "Kind of event: “&lt;script&gt;”" in notice
    assert "Registration: “maybe”" in notice
    assert "<script>" not in content
    assert "Language" not in notice  # "ru" is a known language


@pytest.mark.parametrize("code", ["ru", "tt"])
def test_the_notice_is_in_the_page_language(client, code):
    response = get(client, programme(code).url + "?domain=nope")
    assert 'class="notice guide-notice"' in main_of(response)
    assert f'<html lang="{code}"' in response.content.decode()


def test_feeds_ignore_unknown_filter_values_too(client):
    url = programme().url
    for route in ("calendar/", "feed/"):
        assert get(client, url + route + "?domain=%00&type=x&page=2&access=")


@pytest.fixture
def daily_class():
    """Forty-five daily dates from 1 March: 31 in March, two pages of its month."""
    make_event("Daily class", at(1, 10), rule="FREQ=DAILY;COUNT=45")


@pytest.mark.parametrize(
    ("page", "shown"),
    [("", 1), ("1", 1), ("2", 2), ("x", 1), ("-2", 1), ("0", 1), ("2.5", 1),
     ("3", 2), ("999", 2), ("99999999999999999999999", 2)],
)  # fmt: skip
def test_page_numbers_are_clamped_to_the_pages_there_are(
    client, daily_class, page, shown
):
    response = get(client, programme().url + f"month/2031-03/?page={page}")

    content = main_of(response)
    assert f"Page {shown} of 2." in content
    pages = content.split('<nav class="pagination"', 1)[1].split("</nav>", 1)[0]
    assert re.search(
        rf'aria-current="page"><span class="visually-hidden">Page</span> {shown}<',
        pages,
    )
    first_day = "Saturday, 1 March 2031" if shown == 1 else "Friday, 21 March 2031"
    assert f'<h3 class="guide-day">{first_day}</h3>' in content


def test_pagination_keeps_the_filters_and_names_the_current_page(client, daily_class):
    response = get(client, programme().url + "month/2031-03/?domain=music&page=2")

    content = main_of(response)
    pages = content.split('<nav class="pagination" aria-label="', 1)[1]
    pages = html.unescape(pages.split("</nav>", 1)[0])
    assert 'href="/en/programme/month/2031-03/?domain=music"' in pages
    assert 'href="/en/programme/month/2031-03/?domain=music&page=2" aria-current' in (
        pages
    )
    assert listed(response) == ["Daily class"] * 11


def test_empty_day_suggests_the_next_matching_date_and_each_filter_to_remove(
    client,
):
    make_event("Far concert", at(20, 18))
    make_event("Near lecture", at(6, 18), event_type="lecture", domain="literature")

    response = get(client, programme().url + "day/2031-03-04/?domain=music")

    assert listed(response) == []
    content = main_of(response)
    empty = content.split('class="empty-state guide-empty"', 1)[1]
    assert "You looked for: Tuesday, 4 March 2031." in empty
    assert "Subject: <strong>Music</strong>" in empty
    assert '<a href="/en/programme/day/2031-03-04/">remove this filter</a>' in empty
    assert (
        "The next matching event is on "
        '<a href="/en/programme/day/2031-03-20/?domain=music">'
        "Thursday, 20 March 2031</a>."
    ) in empty
    assert '<a href="/en/programme/">See the whole programme</a>' in empty


def test_empty_institution_guide_links_to_the_whole_programme(client):
    response = get(client, institution().url + "day/2031-03-04/")
    assert '<a href="/en/programme/">See the whole programme</a>' in main_of(response)


def test_next_matching_date_skips_cancelled_dates(client):
    first = at(11, 10)
    make_event(
        "Weekly class",
        first,
        rule="FREQ=WEEKLY;COUNT=3",
        changes=[
            OccurrenceChange(original_start=first, change="cancelled", note="Closed")
        ],
    )

    content = main_of(get(client, programme().url + "day/2031-03-04/"))

    assert 'href="/en/programme/day/2031-03-18/">Tuesday, 18 March 2031</a>' in content


def test_month_grid_links_each_day_with_its_number_of_events(client):
    make_event("Early", at(4, 9))
    make_event("Late", at(4, 19))
    make_event("Wednesday", at(5, 9))

    content = main_of(get(client, programme().url + "month/2031-03/"))

    table = content.split("<table", 1)[1].split("</table>", 1)[0]
    assert "<caption>March 2031: the number of events each day." in table
    assert table.count('<th scope="col">') == 7
    assert '<span class="visually-hidden">Monday</span>' in table
    day_4 = table.split('href="/en/programme/day/2031-03-04/"', 1)[1].split("</a>")[0]
    assert "2 events" in day_4
    day_5 = table.split('href="/en/programme/day/2031-03-05/"', 1)[1].split("</a>")[0]
    assert "1 event" in day_5
    day_6 = table.split('href="/en/programme/day/2031-03-06/"', 1)[1].split("</a>")[0]
    assert "no events" in day_6
    # 1 March 2031 is a Saturday: five blank cells come before it.
    first_row = table.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert first_row.count("guide-month__blank") == 5
    # The month's dates are listed below the grid.
    assert content.index("</table>") < content.index("Early")
    assert re.search(
        r'href="/en/programme/month/2031-02/">.*Previous month.*\(February 2031\)',
        content,
    )
    assert re.search(
        r'href="/en/programme/month/2031-04/">Next month.*\(April 2031\)', content
    )


def test_month_grid_counts_only_the_filtered_dates(client):
    make_event("Concert", at(4, 9))
    make_event("Lecture", at(4, 19), event_type="lecture")
    content = main_of(get(client, programme().url + "month/2031-03/?type=lecture"))
    day_4 = content.split('href="/en/programme/day/2031-03-04/?type=lecture"', 1)[1]
    assert "1 event<" in day_4.split("</a>")[0]


def test_listing_marks_cancelled_moved_and_online_dates_with_their_notes(client):
    first = at(3, 10)
    make_event(
        "Weekly class",
        first,
        rule="FREQ=WEEKLY;COUNT=4",
        changes=[
            OccurrenceChange(
                original_start=first, change="cancelled", note="Holiday, no class"
            ),
            OccurrenceChange(
                original_start=first + datetime.timedelta(days=7),
                change="online",
                note="Hall closed",
            ),
            OccurrenceChange(
                original_start=first + datetime.timedelta(days=14),
                change="moved",
                new_start=at(18, 15),
                note="Moved to the afternoon",
            ),
        ],
    )

    content = main_of(get(client, programme().url + "month/2031-03/"))

    items = content.split('<li class="guide-item')[1:]
    assert len(items) == 4
    assert items[0].startswith(" guide-item--cancelled")
    assert '<span class="badge badge--cancelled">Cancelled</span>' in items[0]
    assert "Holiday, no class" in items[0]
    assert "online only" in items[1] and "Hall closed" in items[1]
    assert "moved from 17 March, 10:00" in items[2]
    assert "15:00</time>" in items[2] and "Moved to the afternoon" in items[2]


def test_event_thumbnail_is_shown_from_prefetched_renditions(client):
    image = get_image_model().objects.create(
        title="Stage", file=get_test_image_file(filename="stage.png")
    )
    make_event("Illustrated", at(4, 18), image=image)

    content = main_of(get(client, programme().url + "day/2031-03-04/"))

    thumbnail = content.split('<div class="guide-item__image">', 1)[1]
    assert thumbnail.lstrip().startswith("<img") and 'alt=""' in thumbnail


def guide_queries(client, url):
    client.get(url)  # warms caches and makes image renditions
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# The header menu costs one query per page type in it (programme, archive,
# hearings, standard pages); the rest is the guide's own.
GUIDE_QUERY_BOUND = 31


@pytest.mark.parametrize(
    "route",
    [
        "",
        "month/2031-03/",
        "week/2031-03-10/?domain=music&type=concert&audience=adults",
        "month/2031-03/?page=2",
        "day/2031-03-02/",  # empty: also looks for the next date
    ],
)
def test_guide_queries_do_not_grow_with_the_number_of_dates(
    client, route, django_assert_max_num_queries
):
    images = [
        get_image_model().objects.create(
            title=f"Image {n}", file=get_test_image_file(filename=f"image{n}.png")
        )
        for n in range(3)
    ]
    # Dates on 3, 10, 17 and 24 March: no view changes from empty to full below.
    make_event(
        "First",
        at(3, 10),
        parent=institution(),
        rule="FREQ=WEEKLY;COUNT=4",
        image=images[0],
    )
    pages = (programme(), institution())
    few = {page.pk: guide_queries(client, page.url + route) for page in pages}

    parents = [programme(), *InstitutionPage.objects.filter(locale=programme().locale)]
    for n in range(30):
        make_event(
            f"Event {n}",
            at(3 + n % 7, 9 + n % 10),
            parent=parents[n % len(parents)],
            rule="FREQ=WEEKLY;COUNT=4",
            audiences=("adults", "seniors"),
            image=images[n % 3],
        )
    assert EventOccurrence.objects.filter(start__year=2031).count() == 124

    many = {page.pk: guide_queries(client, page.url + route) for page in pages}
    assert many == few
    for page in pages:
        with django_assert_max_num_queries(GUIDE_QUERY_BOUND):
            client.get(page.url + route)


@pytest.mark.parametrize("route", ["calendar/?domain=music", "feed/?type=concert"])
def test_feed_queries_do_not_grow_with_the_number_of_events(
    client, route, django_assert_max_num_queries
):
    url = programme().url + route
    few = guide_queries(client, url)
    for n in range(30):
        make_event(f"Event {n}", at(3 + n % 7, 10), rule="FREQ=WEEKLY;COUNT=4")
    assert guide_queries(client, url) == few


def test_upcoming_events_read_the_stored_dates():
    index = programme("tt")
    concert = EventPage.objects.get(slug="tukay-evening", locale=index.locale)
    assert concert in [item["page"] for item in upcoming_events(index, limit=None)]

    # Without its stored dates an event has nothing coming, whatever its rules say.
    EventOccurrence.objects.filter(page=concert).delete()
    assert concert not in [item["page"] for item in upcoming_events(index, limit=None)]


def test_upcoming_events_give_each_event_once_with_its_next_date(fixed_now):
    make_event("Weekly", at(3, 10), rule="FREQ=WEEKLY;COUNT=4")
    make_event("Running", at(5, 11, 30))

    items = [
        item
        for item in upcoming_events(programme(), filters=None)
        if item["page"].title in ("Weekly", "Running")
    ]

    assert [item["page"].title for item in items] == ["Running", "Weekly"]
    assert items[0]["status"] == "live"
    assert items[1]["next"].start == at(10, 10)
    assert items[1]["status"] == "upcoming"


def atom(client, url):
    response = get(client, url)
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)  # noqa: S314 (our own response)


def test_atom_feed_lists_each_matching_coming_event_once_with_its_next_date(
    client, fixed_now
):
    make_event("Weekly music", at(3, 10), rule="FREQ=WEEKLY;COUNT=4")
    make_event("Literature evening", at(6, 18), domain="literature")

    feed = atom(client, programme().url + "feed/?domain=music")

    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert "Weekly music" in titles and titles.count("Weekly music") == 1
    assert "Literature evening" not in titles
    weekly = entries[titles.index("Weekly music")]
    assert (
        weekly.find(f"{ATOM}link").get("href").endswith("/en/programme/weekly-music/")
    )
    summary = weekly.findtext(f"{ATOM}summary")
    assert "Next date: Monday, 10 March 2031, 10:00" in summary
    assert "About Weekly music." in summary
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert feed.findtext(f"{ATOM}title") == "Programme: Music"
    alternate = feed.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate.endswith("/en/programme/?domain=music")


def test_atom_feed_speaks_the_page_language(client, fixed_now):
    make_event(
        "Еженедельный концерт",
        at(3, 10),
        parent=programme("ru"),
        rule="FREQ=WEEKLY;COUNT=4",
        slug="weekly-concert",
    )
    make_event("Weekly music", at(3, 10), rule="FREQ=WEEKLY;COUNT=4")

    feed = atom(client, programme("ru").url + "feed/")

    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    entries = {
        entry.findtext(f"{ATOM}title"): entry.findtext(f"{ATOM}summary")
        for entry in feed.findall(f"{ATOM}entry")
    }
    assert "Weekly music" not in entries
    assert "10 марта 2031, 10:00" in entries["Еженедельный концерт"]


def test_language_switcher_keeps_the_view_and_the_filters(client):
    response = client.get("/ru/programme/week/2026-11-23/?domain=music&type=concert")
    content = response.content.decode()
    assert 'href="/tt/programme/week/2026-11-23/?domain=music&amp;type=concert"' in (
        content
    )
    assert 'href="/en/programme/week/2026-11-23/?domain=music&amp;type=concert"' in (
        content
    )
