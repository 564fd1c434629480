"""Schedule engine of the cultural programme: recurrence, exceptions and status.

Works on plain values so that models, calendars and feeds share one answer to
"when does this session happen". Recurrence is expanded in wall-clock time of
TIME_ZONE; every datetime going in or out is timezone-aware.
"""

import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from itertools import islice

from dateutil.rrule import rrule, rrulestr

TIME_ZONE = zoneinfo.ZoneInfo("Europe/Moscow")
DEFAULT_LIMIT = 1000
NAMED_RANGES = ("today", "tomorrow", "weekend", "week", "month")

_FREQUENCIES = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")
_SUB_DAILY_FREQUENCIES = ("HOURLY", "MINUTELY", "SECONDLY")
# Slack around a window when asking the rule for candidate slots: wall-clock and
# absolute time can disagree by a DST offset; exact filtering happens afterwards.
_WINDOW_MARGIN = timedelta(days=1)
# Only a syntax check is possible without the session's start.
_PROBE_START = datetime(2000, 1, 1)


class OccurrenceChange(StrEnum):
    """What an exception does to one occurrence of a recurring session."""

    CANCELLED = "cancelled"
    MOVED = "moved"
    ONLINE = "online"


# Plain-string aliases, for model choices that carry their own labels.
CANCELLED = OccurrenceChange.CANCELLED.value
MOVED = OccurrenceChange.MOVED.value
ONLINE = OccurrenceChange.ONLINE.value


class OccurrenceStatus(StrEnum):
    """Where an event stands in time, as computed by `status()`."""

    UPCOMING = "upcoming"
    LIVE = "live"
    ENDED = "ended"
    ARCHIVED = "archived"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class OccurrenceException:
    """A change to the single occurrence scheduled to start at `original_start`."""

    original_start: datetime
    change: str
    new_start: datetime | None = None
    new_end: datetime | None = None
    note: str = ""

    def __post_init__(self):
        _require_aware(self.original_start, "original_start")
        if self.change not in set(OccurrenceChange):
            raise ValueError(
                f"Unknown occurrence change {self.change!r}; expected one of: "
                f"{', '.join(OccurrenceChange)}."
            )
        for name in ("new_start", "new_end"):
            if getattr(self, name) is not None:
                _require_aware(getattr(self, name), name)
        if self.change == OccurrenceChange.MOVED and self.new_start is None:
            raise ValueError("A moved occurrence needs a new start.")
        if self.new_start and self.new_end and self.new_end <= self.new_start:
            raise ValueError("The new end of a moved occurrence must follow its start.")


@dataclass(frozen=True)
class Occurrence:
    """One concrete occurrence of a session, after its exception was applied.

    `original_start` is the slot given by the rule and stays stable across moves
    (iCalendar RECURRENCE-ID); `key` identifies the session and is passed through.
    """

    start: datetime
    end: datetime
    original_start: datetime
    cancelled: bool = False
    moved: bool = False
    online: bool = False
    note: str = ""
    key: object = None


def validate_rule(
    rule: str, start: datetime | None = None, *, limit: int = DEFAULT_LIMIT
) -> None:
    """Raise ValueError unless `rule` is an acceptable RRULE (empty means none).

    Without `start` only the rule itself is checked; with it, also UNTIL against
    the start, the start being an occurrence, and the number of occurrences.
    """
    if not rule.strip():
        return
    if start is None:
        params = _parse_params(rule, limit)
        _build_rrule(params, _PROBE_START)
    else:
        _require_aware(start, "start")
        _checked_rrule(rule, start, limit)


def expand(
    start: datetime,
    end: datetime,
    rule: str = "",
    exceptions: Iterable[OccurrenceException] = (),
    *,
    window_start: datetime | None = None,
    window_end: datetime | None = None,
    key: object = None,
    include_cancelled: bool = True,
    limit: int = DEFAULT_LIMIT,
) -> list[Occurrence]:
    """The occurrences of a session overlapping [window_start, window_end), by start.

    Exceptions are applied before filtering, so a moved occurrence shows up where
    it moved to; of two exceptions for one slot the later wins. Either window
    bound may be None (open).
    """
    _require_session(start, end)
    for value, name in ((window_start, "window_start"), (window_end, "window_end")):
        if value is not None:
            _require_aware(value, name)
    if window_start and window_end and window_end <= window_start:
        raise ValueError("window_end must be after window_start.")
    exceptions = tuple(exceptions)
    recurrence = _checked_rrule(rule, start, limit)
    naive_start = _first_slot(start, recurrence)
    wall_duration = _local_naive(end) - _local_naive(start)
    changes = {_instant(exc.original_start): exc for exc in exceptions}

    slots = _candidate_slots(
        recurrence,
        naive_start,
        wall_duration,
        exceptions,
        window_start,
        window_end,
    )
    occurrences = []
    for slot in slots:
        original = _localise(slot)
        occurrence = _apply(
            Occurrence(
                start=original,
                end=_localise(slot + wall_duration),
                original_start=original,
                key=key,
            ),
            changes.get(_instant(original)),
            wall_duration,
        )
        if occurrence.cancelled and not include_cancelled:
            continue
        if _overlaps(occurrence.start, occurrence.end, window_start, window_end):
            occurrences.append(occurrence)
    occurrences.sort(
        key=lambda occurrence: (occurrence.start, occurrence.original_start)
    )
    return occurrences


def unmatched_exceptions(
    start: datetime,
    end: datetime,
    rule: str = "",
    exceptions: Iterable[OccurrenceException] = (),
    *,
    limit: int = DEFAULT_LIMIT,
) -> list[OccurrenceException]:
    """The exceptions whose `original_start` is not an occurrence of the session."""
    _require_session(start, end)
    recurrence = _checked_rrule(rule, start, limit)
    naive_start = _first_slot(start, recurrence)
    return [
        exception
        for exception in exceptions
        if not _is_slot(recurrence, naive_start, exception.original_start)
    ]


def status(
    occurrences: Sequence[Occurrence],
    now: datetime,
    *,
    has_recording: bool = False,
    archive_after: timedelta = timedelta(days=1),
) -> str:
    """Where an event stands at `now`, from all its occurrences (cancelled included).

    Precedence: cancelled (every occurrence is) > live (one is running) >
    upcoming (one is still ahead, or no dates are set yet) > archived (recording,
    last ended more than `archive_after` ago) > ended.
    """
    _require_aware(now, "now")
    if not occurrences:
        return OccurrenceStatus.UPCOMING
    held = [occurrence for occurrence in occurrences if not occurrence.cancelled]
    if not held:
        return OccurrenceStatus.CANCELLED
    if current_occurrence(held, now):
        return OccurrenceStatus.LIVE
    if next_occurrence(held, now):
        return OccurrenceStatus.UPCOMING
    last_end = max(occurrence.end for occurrence in held)
    if has_recording and now - last_end > archive_after:
        return OccurrenceStatus.ARCHIVED
    return OccurrenceStatus.ENDED


def next_occurrence(
    occurrences: Iterable[Occurrence], now: datetime
) -> Occurrence | None:
    """The earliest non-cancelled occurrence starting after `now`, if any."""
    _require_aware(now, "now")
    ahead = [o for o in occurrences if not o.cancelled and o.start > now]
    return min(ahead, key=lambda occurrence: occurrence.start, default=None)


def current_occurrence(
    occurrences: Iterable[Occurrence], now: datetime
) -> Occurrence | None:
    """The non-cancelled occurrence running at `now` (earliest started), if any."""
    _require_aware(now, "now")
    running = [o for o in occurrences if not o.cancelled and o.start <= now < o.end]
    return min(running, key=lambda occurrence: occurrence.start, default=None)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """[start, end) of the local day; an aware datetime stands for its local date."""
    day = _local_date(day)
    return _day_start(day), _day_start(day + timedelta(days=1))


def week_bounds(day: date) -> tuple[datetime, datetime]:
    """[Monday 00:00, next Monday 00:00) of the week containing `day`."""
    monday = _local_date(day) - timedelta(days=_local_date(day).weekday())
    return _day_start(monday), _day_start(monday + timedelta(days=7))


def month_bounds(day: date) -> tuple[datetime, datetime]:
    """[first day 00:00, first day of next month 00:00) of the month of `day`."""
    first = _local_date(day).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return _day_start(first), _day_start(following)


def named_range(name: str, today: date) -> tuple[datetime, datetime]:
    """[start, end) of a programme-guide range seen from `today` (see NAMED_RANGES).

    "weekend" runs from Saturday 00:00 to Monday 00:00; on Sunday it starts today.
    """
    today = _local_date(today)
    if name == "today":
        return day_bounds(today)
    if name == "tomorrow":
        return day_bounds(today + timedelta(days=1))
    if name == "weekend":
        weekday = today.weekday()
        first = today if weekday == 6 else today + timedelta(days=5 - weekday)
        return _day_start(first), _day_start(today + timedelta(days=7 - weekday))
    if name == "week":
        return week_bounds(today)
    if name == "month":
        return month_bounds(today)
    raise ValueError(
        f"Unknown range {name!r}; expected one of: {', '.join(NAMED_RANGES)}."
    )


def _require_aware(value: datetime, name: str) -> None:
    if not isinstance(value, datetime):
        raise ValueError(f"{name} must be a datetime.")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime.")


def _require_session(start: datetime, end: datetime) -> None:
    _require_aware(start, "start")
    _require_aware(end, "end")
    if end <= start:
        raise ValueError("A session must end after it starts.")


def _local_naive(value: datetime) -> datetime:
    return value.astimezone(TIME_ZONE).replace(tzinfo=None)


def _localise(naive: datetime) -> datetime:
    # The round trip through UTC moves wall times that fall into a DST gap forward.
    return naive.replace(tzinfo=TIME_ZONE).astimezone(UTC).astimezone(TIME_ZONE)


def _instant(value: datetime) -> datetime:
    # Aware datetimes sharing a tzinfo compare by wall time; UTC compares instants.
    return value.astimezone(UTC)


def _local_date(value: date) -> date:
    if isinstance(value, datetime):
        _require_aware(value, "day")
        return value.astimezone(TIME_ZONE).date()
    return value


def _day_start(day: date) -> datetime:
    return _localise(datetime.combine(day, time()))


def _overlaps(
    start: datetime,
    end: datetime,
    window_start: datetime | None,
    window_end: datetime | None,
) -> bool:
    return (window_end is None or start < window_end) and (
        window_start is None or end > window_start
    )


def _parse_params(rule: str, limit: int) -> dict[str, str]:
    text = rule.strip().upper().removeprefix("RRULE:")
    if "\n" in text or ":" in text:
        raise ValueError("Give a single RRULE without DTSTART or other properties.")
    params = {}
    for part in filter(None, (part.strip() for part in text.split(";"))):
        name, separator, value = (piece.strip() for piece in part.partition("="))
        if not separator or not name or not value:
            raise ValueError(f"Malformed recurrence rule part {part!r}.")
        if name in params:
            raise ValueError(f"The recurrence rule repeats {name}.")
        params[name] = value
    frequency = params.get("FREQ")
    if frequency is None:
        raise ValueError("The recurrence rule has no FREQ.")
    if frequency in _SUB_DAILY_FREQUENCIES:
        raise ValueError("Recurrence more frequent than daily is not supported.")
    if frequency not in _FREQUENCIES:
        raise ValueError(f"Unknown recurrence frequency {frequency!r}.")
    if "UNTIL" in params and "COUNT" in params:
        raise ValueError("A recurrence rule cannot have both UNTIL and COUNT.")
    if "UNTIL" not in params and "COUNT" not in params:
        raise ValueError("A recurrence rule must end: give UNTIL or COUNT.")
    if "COUNT" in params:
        if not params["COUNT"].isdigit() or int(params["COUNT"]) < 1:
            raise ValueError("COUNT must be a positive whole number.")
        if int(params["COUNT"]) > limit:
            raise ValueError(f"A session may recur at most {limit} times.")
    return params


def _parse_until(value: str) -> datetime:
    """UNTIL as a naive local wall time: UTC if it ends in Z, else local."""
    try:
        if value.endswith("Z"):
            until = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            return _local_naive(until)
        if "T" in value:
            return datetime.strptime(value, "%Y%m%dT%H%M%S")
        # A bare date includes the whole of that day.
        day = datetime.strptime(value, "%Y%m%d").date()
    except ValueError as error:
        raise ValueError(f"Invalid UNTIL {value!r} in the recurrence rule.") from error
    return datetime.combine(day, time(23, 59, 59))


def _build_rrule(params: dict[str, str], naive_start: datetime) -> rrule:
    # dateutil refuses a UTC UNTIL with a naive DTSTART, so UNTIL is set apart.
    until = _parse_until(params["UNTIL"]) if "UNTIL" in params else None
    text = ";".join(
        f"{name}={value}" for name, value in params.items() if name != "UNTIL"
    )
    try:
        recurrence = rrulestr(text, dtstart=naive_start)
        if until is not None:
            recurrence = recurrence.replace(until=until)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise ValueError(f"The recurrence rule cannot be parsed: {error}") from error
    if not isinstance(recurrence, rrule):
        raise ValueError("The recurrence rule cannot be parsed.")
    return recurrence


def _checked_rrule(rule: str, start: datetime, limit: int) -> rrule | None:
    if not rule.strip():
        return None
    params = _parse_params(rule, limit)
    naive_start = _local_naive(start).replace(microsecond=0)
    recurrence = _build_rrule(params, naive_start)
    if "UNTIL" in params and _parse_until(params["UNTIL"]) < naive_start:
        raise ValueError("The recurrence rule ends (UNTIL) before the session starts.")
    first = next(iter(recurrence), None)
    if first is None:
        raise ValueError("The recurrence rule produces no occurrences.")
    if first != naive_start:
        raise ValueError(
            f"The session start is not an occurrence of the recurrence rule; "
            f"its first occurrence would be {first:%Y-%m-%d %H:%M}."
        )
    if sum(1 for _ in islice(recurrence, limit + 1)) > limit:
        raise ValueError(f"A session may recur at most {limit} times.")
    return recurrence


def _first_slot(start: datetime, recurrence: rrule | None) -> datetime:
    naive_start = _local_naive(start)
    return naive_start if recurrence is None else naive_start.replace(microsecond=0)


def _is_slot(recurrence: rrule | None, naive_start: datetime, value: datetime) -> bool:
    slot = _local_naive(value)
    if _instant(_localise(slot)) != _instant(value):
        return False
    if recurrence is None:
        return slot == naive_start
    return bool(recurrence.between(slot, slot, inc=True))


def _candidate_slots(
    recurrence: rrule | None,
    naive_start: datetime,
    wall_duration: timedelta,
    exceptions: Sequence[OccurrenceException],
    window_start: datetime | None,
    window_end: datetime | None,
) -> list[datetime]:
    """Rule slots that may overlap the window once exceptions are applied."""
    if recurrence is None:
        return [naive_start]
    if window_start is None and window_end is None:
        return list(recurrence)
    after = naive_start
    if window_start is not None:
        after = _local_naive(window_start) - wall_duration - _WINDOW_MARGIN
    before = datetime.max
    if window_end is not None:
        before = _local_naive(window_end) + _WINDOW_MARGIN
    slots = set(recurrence.between(after, before, inc=True))
    # A move can bring an occurrence in from far outside the window.
    for exception in exceptions:
        if exception.change != OccurrenceChange.MOVED:
            continue
        new_start, new_end = _moved_span(exception, wall_duration)
        if _overlaps(new_start, new_end, window_start, window_end) and _is_slot(
            recurrence, naive_start, exception.original_start
        ):
            slots.add(_local_naive(exception.original_start))
    return sorted(slots)


def _moved_span(
    exception: OccurrenceException, wall_duration: timedelta
) -> tuple[datetime, datetime]:
    new_start = exception.new_start.astimezone(TIME_ZONE)
    if exception.new_end is not None:
        return new_start, exception.new_end.astimezone(TIME_ZONE)
    return new_start, _localise(_local_naive(new_start) + wall_duration)


def _apply(
    occurrence: Occurrence,
    exception: OccurrenceException | None,
    wall_duration: timedelta,
) -> Occurrence:
    if exception is None:
        return occurrence
    if exception.change == OccurrenceChange.CANCELLED:
        return replace(occurrence, cancelled=True, note=exception.note)
    if exception.change == OccurrenceChange.ONLINE:
        return replace(occurrence, online=True, note=exception.note)
    new_start, new_end = _moved_span(exception, wall_duration)
    return replace(
        occurrence, start=new_start, end=new_end, moved=True, note=exception.note
    )
