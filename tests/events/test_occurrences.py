from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from events_plugin import occurrences
from events_plugin.occurrences import (
    TIME_ZONE,
    OccurrenceChange,
    OccurrenceException,
    OccurrenceStatus,
    current_occurrence,
    day_bounds,
    expand,
    month_bounds,
    named_range,
    next_occurrence,
    status,
    unmatched_exceptions,
    validate_rule,
    week_bounds,
)

TERM_RULE = "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261231T235959Z"


def moscow(*args):
    return datetime(*args, tzinfo=TIME_ZONE)


# A term of evening classes: Tuesdays and Thursdays 18:30-20:00 from 1 September 2026.
CLASS_START = moscow(2026, 9, 1, 18, 30)
CLASS_END = moscow(2026, 9, 1, 20, 0)


def test_single_occurrence_without_rule_yields_the_session_itself():
    [occurrence] = expand(CLASS_START, CLASS_END, key=7)

    assert (occurrence.start, occurrence.end) == (CLASS_START, CLASS_END)
    assert occurrence.original_start == CLASS_START
    assert occurrence.key == 7
    assert not (occurrence.cancelled or occurrence.moved or occurrence.online)


def test_weekly_class_with_until_runs_every_tuesday_and_thursday_of_the_term():
    result = expand(CLASS_START, CLASS_END, TERM_RULE)

    assert len(result) == 36
    assert {occurrence.start.weekday() for occurrence in result} == {1, 3}
    assert result[-1].start == moscow(2026, 12, 31, 18, 30)
    assert [o.start for o in result] == sorted(o.start for o in result)


@pytest.mark.parametrize(("count", "last_day"), [(1, 1), (2, 3), (5, 15)])
def test_weekly_class_with_count_stops_after_count(count, last_day):
    result = expand(CLASS_START, CLASS_END, f"FREQ=WEEKLY;BYDAY=TU,TH;COUNT={count}")

    assert len(result) == count
    assert result[-1].start == moscow(2026, 9, last_day, 18, 30)


def test_recurring_class_keeps_its_wall_clock_time_in_moscow():
    start_in_utc = CLASS_START.astimezone(UTC)

    result = expand(start_in_utc, CLASS_END.astimezone(UTC), TERM_RULE)

    assert {(o.start.hour, o.start.minute) for o in result} == {(18, 30)}
    assert {(o.end.hour, o.end.minute) for o in result} == {(20, 0)}
    assert {o.start.tzinfo for o in result} == {TIME_ZONE}


def test_wall_clock_time_survives_a_dst_change_in_zones_that_have_one(monkeypatch):
    berlin = ZoneInfo("Europe/Berlin")
    monkeypatch.setattr(occurrences, "TIME_ZONE", berlin)
    start = datetime(2026, 10, 20, 18, 30, tzinfo=berlin)

    result = expand(start, start + timedelta(hours=1), "FREQ=WEEKLY;COUNT=3")

    assert [o.start.hour for o in result] == [18, 18, 18]
    assert [o.start.utcoffset() for o in result] == [
        timedelta(hours=2),
        timedelta(hours=1),
        timedelta(hours=1),
    ]


@pytest.mark.parametrize(
    ("window", "expected_days"),
    [
        # The 3 September class (18:30-20:00) spans the window start.
        ((moscow(2026, 9, 3, 19, 0), moscow(2026, 9, 9)), [3, 8]),
        # Ending exactly at the window start is not an overlap.
        ((moscow(2026, 9, 3, 20, 0), moscow(2026, 9, 9)), [8]),
        # Starting exactly at the window end is not an overlap either.
        ((moscow(2026, 9, 1), moscow(2026, 9, 3, 18, 30)), [1]),
        ((moscow(2026, 9, 4), moscow(2026, 9, 8)), []),
    ],
)
def test_window_keeps_occurrences_overlapping_it(window, expected_days):
    window_start, window_end = window

    result = expand(
        CLASS_START,
        CLASS_END,
        TERM_RULE,
        window_start=window_start,
        window_end=window_end,
    )

    assert [o.start.day for o in result] == expected_days


@pytest.mark.parametrize(
    ("window_start", "window_end"),
    [
        (moscow(2026, 10, 1), moscow(2026, 11, 1)),
        (None, moscow(2026, 9, 20)),
        (moscow(2026, 12, 20), None),
        (moscow(2025, 1, 1), moscow(2030, 1, 1)),
    ],
)
def test_windowed_expansion_matches_filtering_the_full_expansion(
    window_start, window_end
):
    exceptions = [
        OccurrenceException(
            moscow(2026, 12, 29, 18, 30), "moved", new_start=moscow(2026, 10, 2, 12)
        ),
        OccurrenceException(moscow(2026, 10, 6, 18, 30), "cancelled"),
    ]
    everything = expand(CLASS_START, CLASS_END, TERM_RULE, exceptions)

    windowed = expand(
        CLASS_START,
        CLASS_END,
        TERM_RULE,
        exceptions,
        window_start=window_start,
        window_end=window_end,
    )

    assert windowed == [
        o
        for o in everything
        if (window_end is None or o.start < window_end)
        and (window_start is None or o.end > window_start)
    ]


@pytest.mark.parametrize(("include_cancelled", "expected"), [(True, 2), (False, 1)])
def test_cancelled_occurrence_is_flagged_or_dropped(include_cancelled, expected):
    cancel = OccurrenceException(moscow(2026, 9, 3, 18, 30), "cancelled", note="Ill")

    result = expand(
        CLASS_START,
        CLASS_END,
        "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=2",
        [cancel],
        include_cancelled=include_cancelled,
    )

    assert len(result) == expected
    assert not result[0].cancelled
    if include_cancelled:
        assert result[1].cancelled
        assert result[1].note == "Ill"
        assert result[1].start == moscow(2026, 9, 3, 18, 30)


def test_moved_occurrence_takes_new_times_and_keeps_its_original_start():
    original = moscow(2026, 9, 3, 18, 30)
    move = OccurrenceException(original, "moved", new_start=moscow(2026, 9, 5, 11))

    result = expand(CLASS_START, CLASS_END, "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3", [move])

    moved = next(o for o in result if o.moved)
    assert (moved.start, moved.end) == (
        moscow(2026, 9, 5, 11),
        moscow(2026, 9, 5, 12, 30),
    )
    assert moved.original_start == original
    assert [o.start.day for o in result] == [1, 5, 8]


def test_moved_occurrence_uses_an_explicit_new_end():
    move = OccurrenceException(
        CLASS_START,
        OccurrenceChange.MOVED,
        new_start=moscow(2026, 9, 2, 10),
        new_end=moscow(2026, 9, 2, 16),
    )

    [occurrence] = expand(CLASS_START, CLASS_END, "", [move])

    assert occurrence.end == moscow(2026, 9, 2, 16)


def test_occurrence_moved_into_the_window_from_far_outside_appears_there():
    move = OccurrenceException(
        moscow(2026, 12, 31, 18, 30), "moved", new_start=moscow(2026, 9, 5, 11)
    )

    result = expand(
        CLASS_START,
        CLASS_END,
        TERM_RULE,
        [move],
        window_start=moscow(2026, 9, 5),
        window_end=moscow(2026, 9, 6),
    )

    assert [(o.start, o.original_start) for o in result] == [
        (moscow(2026, 9, 5, 11), moscow(2026, 12, 31, 18, 30))
    ]


def test_occurrence_moved_out_of_the_window_leaves_its_slot_empty():
    move = OccurrenceException(
        moscow(2026, 9, 3, 18, 30), "moved", new_start=moscow(2026, 11, 7, 11)
    )

    result = expand(
        CLASS_START,
        CLASS_END,
        TERM_RULE,
        [move],
        window_start=moscow(2026, 9, 3),
        window_end=moscow(2026, 9, 4),
    )

    assert result == []


def test_occurrence_switched_online_keeps_its_times():
    online = OccurrenceException(moscow(2026, 9, 3, 18, 30), "online", note="Zoom")

    result = expand(CLASS_START, CLASS_END, "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3", [online])

    assert [o.online for o in result] == [False, True, False]
    assert result[1].start == moscow(2026, 9, 3, 18, 30)
    assert result[1].note == "Zoom"


def test_exceptions_matching_no_occurrence_are_ignored_and_reported():
    matching = OccurrenceException(
        moscow(2026, 9, 3, 18, 30).astimezone(UTC), "cancelled"
    )
    wrong_time = OccurrenceException(moscow(2026, 9, 3, 19, 0), "cancelled")
    wrong_day = OccurrenceException(moscow(2026, 9, 2, 18, 30), "online")
    rule = "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3"

    result = expand(CLASS_START, CLASS_END, rule, [matching, wrong_time, wrong_day])

    assert [o.cancelled for o in result] == [False, True, False]
    assert not any(o.online for o in result)
    assert unmatched_exceptions(
        CLASS_START, CLASS_END, rule, [matching, wrong_time, wrong_day]
    ) == [wrong_time, wrong_day]


def test_exception_for_a_single_occurrence_matches_only_its_start():
    exact = OccurrenceException(CLASS_START, "cancelled")
    other = OccurrenceException(CLASS_START + timedelta(days=1), "cancelled")

    assert unmatched_exceptions(CLASS_START, CLASS_END, "", [exact, other]) == [other]


@pytest.mark.parametrize(
    "rule",
    [
        "",
        "FREQ=DAILY;COUNT=10",
        "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261231T235959Z",
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=1;COUNT=4",
        "freq=weekly;until=20261231",
    ],
)
def test_bounded_rules_are_accepted(rule):
    validate_rule(rule)
    validate_rule(rule, moscow(2026, 9, 1, 18, 30))


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=WEEKLY;BYDAY=TU,TH", "must end"),
        ("FREQ=HOURLY;COUNT=5", "more frequent than daily"),
        ("FREQ=MINUTELY;COUNT=5", "more frequent than daily"),
        ("FREQ=SECONDLY;COUNT=5", "more frequent than daily"),
        ("FREQ=FORTNIGHTLY;COUNT=5", "Unknown recurrence frequency"),
        ("BYDAY=TU;COUNT=5", "no FREQ"),
        ("every tuesday", "Malformed"),
        ("FREQ=WEEKLY;BYDAY=XX;COUNT=5", "cannot be parsed"),
        ("FREQ=WEEKLY;COUNT=0", "positive whole number"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20261231T235959Z", "both UNTIL and COUNT"),
        ("FREQ=WEEKLY;UNTIL=2026-12-31", "Invalid UNTIL"),
        ("FREQ=WEEKLY;UNTIL=20260801T000000Z", "before the session starts"),
        ("FREQ=WEEKLY;BYDAY=MO;COUNT=3", "not an occurrence"),
        ("FREQ=DAILY;COUNT=1001", "at most 1000"),
        ("FREQ=DAILY;UNTIL=20300101T000000Z", "at most 1000"),
    ],
)
def test_unacceptable_rules_are_refused(rule, message):
    with pytest.raises(ValueError, match=message):
        expand(CLASS_START, CLASS_END, rule)


def test_limit_is_configurable():
    with pytest.raises(ValueError, match="at most 4"):
        expand(CLASS_START, CLASS_END, "FREQ=DAILY;COUNT=5", limit=4)
    assert len(expand(CLASS_START, CLASS_END, "FREQ=DAILY;COUNT=5", limit=5)) == 5


NAIVE = datetime(2026, 9, 1, 18, 30)


@pytest.mark.parametrize(
    "call",
    [
        lambda: expand(NAIVE, CLASS_END),
        lambda: expand(CLASS_START, NAIVE + timedelta(hours=2)),
        lambda: expand(CLASS_START, CLASS_END, window_start=NAIVE),
        lambda: validate_rule("FREQ=DAILY;COUNT=2", NAIVE),
        lambda: OccurrenceException(NAIVE, "cancelled"),
        lambda: OccurrenceException(CLASS_START, "moved", new_start=NAIVE),
        lambda: status(expand(CLASS_START, CLASS_END), NAIVE),
        lambda: next_occurrence([], NAIVE),
        lambda: day_bounds(NAIVE),
    ],
)
def test_naive_datetimes_are_refused(call):
    with pytest.raises(ValueError, match="timezone-aware"):
        call()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"change": "postponed"}, "Unknown occurrence change"),
        ({"change": "moved"}, "needs a new start"),
        (
            {
                "change": "moved",
                "new_start": moscow(2026, 9, 2, 12),
                "new_end": moscow(2026, 9, 2, 11),
            },
            "must follow its start",
        ),
    ],
)
def test_inconsistent_exceptions_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        OccurrenceException(CLASS_START, **kwargs)


def test_session_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="end after it starts"):
        expand(CLASS_END, CLASS_START)


# Two sessions, 1 and 3 September 18:30-20:00.
TWO_SESSIONS = expand(CLASS_START, CLASS_END, "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=2")


@pytest.mark.parametrize(
    ("now", "has_recording", "expected"),
    [
        (moscow(2026, 8, 31, 12), False, "upcoming"),
        (moscow(2026, 9, 1, 18, 30), False, "live"),
        (moscow(2026, 9, 1, 19, 59), True, "live"),
        (moscow(2026, 9, 2, 12), True, "upcoming"),
        (moscow(2026, 9, 3, 19), False, "live"),
        (moscow(2026, 9, 3, 20, 0), False, "ended"),
        (moscow(2026, 9, 4, 19), True, "ended"),
        (moscow(2026, 9, 4, 20, 1), True, "archived"),
        (moscow(2026, 9, 10), False, "ended"),
    ],
)
def test_status_follows_the_timeline(now, has_recording, expected):
    assert status(TWO_SESSIONS, now, has_recording=has_recording) == expected


def test_status_of_an_event_with_every_occurrence_cancelled_is_cancelled():
    cancelled = [
        OccurrenceException(o.original_start, "cancelled") for o in TWO_SESSIONS
    ]
    result = expand(
        CLASS_START, CLASS_END, "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=2", cancelled
    )

    assert status(result, moscow(2026, 8, 1)) == OccurrenceStatus.CANCELLED
    assert status(result, moscow(2026, 10, 1), has_recording=True) == "cancelled"


def test_cancelled_occurrences_neither_run_nor_come_next():
    last_cancelled = expand(
        CLASS_START,
        CLASS_END,
        "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=2",
        [OccurrenceException(moscow(2026, 9, 3, 18, 30), "cancelled")],
    )
    now = moscow(2026, 9, 3, 19)

    assert current_occurrence(last_cancelled, now) is None
    assert next_occurrence(last_cancelled, moscow(2026, 9, 2)) is None
    assert status(last_cancelled, now) == "ended"


def test_next_and_current_occurrence_pick_the_right_session():
    assert next_occurrence(TWO_SESSIONS, moscow(2026, 9, 1)) == TWO_SESSIONS[0]
    assert next_occurrence(TWO_SESSIONS, moscow(2026, 9, 1, 19)) == TWO_SESSIONS[1]
    assert current_occurrence(TWO_SESSIONS, moscow(2026, 9, 1, 19)) == TWO_SESSIONS[0]
    assert current_occurrence(TWO_SESSIONS, moscow(2026, 9, 2)) is None


def test_event_without_dates_yet_counts_as_upcoming():
    assert status([], moscow(2026, 9, 1)) == "upcoming"


def test_change_constants_are_plain_strings_for_model_choices():
    assert [type(value) for value in (occurrences.CANCELLED, occurrences.MOVED)] == [
        str,
        str,
    ]
    assert occurrences.ONLINE == OccurrenceChange.ONLINE == "online"


# 25-31 May 2026 is Monday to Sunday.
@pytest.mark.parametrize(
    ("today", "saturday_or_today"),
    [
        (date(2026, 5, 25), date(2026, 5, 30)),
        (date(2026, 5, 26), date(2026, 5, 30)),
        (date(2026, 5, 27), date(2026, 5, 30)),
        (date(2026, 5, 28), date(2026, 5, 30)),
        (date(2026, 5, 29), date(2026, 5, 30)),
        (date(2026, 5, 30), date(2026, 5, 30)),
        (date(2026, 5, 31), date(2026, 5, 31)),
    ],
)
def test_weekend_runs_to_monday_and_starts_today_on_sunday(today, saturday_or_today):
    assert named_range("weekend", today) == (
        moscow(*saturday_or_today.timetuple()[:3]),
        moscow(2026, 6, 1),
    )


@pytest.mark.parametrize(
    ("name", "today", "expected"),
    [
        ("today", date(2026, 1, 31), (moscow(2026, 1, 31), moscow(2026, 2, 1))),
        ("tomorrow", date(2026, 1, 31), (moscow(2026, 2, 1), moscow(2026, 2, 2))),
        ("tomorrow", date(2026, 12, 31), (moscow(2027, 1, 1), moscow(2027, 1, 2))),
        ("week", date(2026, 5, 31), (moscow(2026, 5, 25), moscow(2026, 6, 1))),
        ("week", date(2026, 12, 30), (moscow(2026, 12, 28), moscow(2027, 1, 4))),
        ("month", date(2028, 2, 29), (moscow(2028, 2, 1), moscow(2028, 3, 1))),
        ("month", date(2026, 12, 31), (moscow(2026, 12, 1), moscow(2027, 1, 1))),
        # Late evening in UTC is already the next day in Moscow.
        (
            "today",
            datetime(2026, 1, 31, 22, tzinfo=UTC),
            (moscow(2026, 2, 1), moscow(2026, 2, 2)),
        ),
    ],
)
def test_named_ranges_cover_whole_local_days(name, today, expected):
    assert named_range(name, today) == expected


def test_calendar_bounds_agree_with_named_ranges():
    today = date(2026, 9, 3)

    assert day_bounds(today) == named_range("today", today)
    assert week_bounds(today) == (moscow(2026, 8, 31), moscow(2026, 9, 7))
    assert month_bounds(today) == (moscow(2026, 9, 1), moscow(2026, 10, 1))


def test_unknown_named_range_is_refused():
    with pytest.raises(ValueError, match="Unknown range"):
        named_range("fortnight", date(2026, 9, 3))
