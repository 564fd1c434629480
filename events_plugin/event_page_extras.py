"""What an event page offers beyond its text: schema.org markup, calendar links, player.

Plain functions of the page and its details (``selectors.event_details``), so the
template only prints what they return.
"""

import json
from datetime import UTC
from urllib.parse import urlencode

from blocks.video import parse_video_url

from . import occurrences

SCHEMA_TYPES = {
    "concert": "MusicEvent",
    "course": "EducationEvent",
    "lecture": "EducationEvent",
    "masterclass": "EducationEvent",
    "film_screening": "ScreeningEvent",
    "exhibition": "ExhibitionEvent",
    "sports_class": "SportsEvent",
}
SCHEMA_LANGUAGES = {"ru": "ru", "tt": "tt", "en": "en", "ru_tt": ["ru", "tt"]}
DESCRIPTION_LIMIT = 1000
# Escapes that keep JSON inert inside <script>, as django.utils.html.json_script does.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def featured_date(details):
    """The date the page is about: the one running now, else the next, else the last."""
    held = [date for date in details["upcoming"] if not date.cancelled]
    if held:
        return held[0]
    return details.get("last")


def schema_org(page, details, request):
    """schema.org ``Event`` of the page as a dict, for JSON-LD."""
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(page.event_type, "Event"),
        "name": page.title,
        "url": url,
        "isAccessibleForFree": True,
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if page.introduction:
        data["description"] = page.introduction[:DESCRIPTION_LIMIT]
    language = SCHEMA_LANGUAGES.get(page.language)
    if language:
        data["inLanguage"] = language
    date = featured_date(details)
    if date is not None:
        data["startDate"] = date.start.astimezone(occurrences.TIME_ZONE).isoformat()
        data["endDate"] = date.end.astimezone(occurrences.TIME_ZONE).isoformat()
        if date.moved:
            data["eventStatus"] = "https://schema.org/EventRescheduled"
            data["previousStartDate"] = date.original_start.astimezone(
                occurrences.TIME_ZONE
            ).isoformat()
        if date.online and page.venue_id:
            data["eventStatus"] = "https://schema.org/EventMovedOnline"
    if details["status"] == occurrences.OccurrenceStatus.CANCELLED:
        data["eventStatus"] = "https://schema.org/EventCancelled"

    places = []
    online_links = [p.url for p in details["platforms"] if p.url]
    for link in online_links[:1]:
        places.append({"@type": "VirtualLocation", "url": link})
    if page.venue_id:
        places.append(
            {
                "@type": "Place",
                "name": page.venue.name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": page.venue.address,
                    "addressLocality": "Kazan",
                    "addressCountry": "RU",
                },
            }
        )
    if places:
        data["location"] = places[0] if len(places) == 1 else places
    if online_links and page.venue_id:
        mode = "MixedEventAttendanceMode"
    elif page.venue_id and not online_links:
        mode = "OfflineEventAttendanceMode"
    else:
        mode = "OnlineEventAttendanceMode"
    data["eventAttendanceMode"] = f"https://schema.org/{mode}"

    institution = details.get("institution")
    organiser = {"@type": "Organization", "name": str(page.get_site().site_name)}
    if institution is not None:
        organiser = {
            "@type": "Organization",
            "name": institution.title,
            "url": institution.get_full_url(request),
        }
    data["organizer"] = organiser
    if page.image_id:
        rendition = page.image.get_rendition("fill-1200x675")
        data["image"] = [request.build_absolute_uri(rendition.url)]
    data["offers"] = {
        "@type": "Offer",
        "price": "0",
        "priceCurrency": "RUB",
        "availability": "https://schema.org/InStock",
        "url": url,
    }
    return data


def json_ld(data):
    """``data`` as JSON safe to print inside a <script> element."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


def _utc_stamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _local_stamp(moment):
    return moment.astimezone(occurrences.TIME_ZONE).strftime("%Y%m%dT%H%M%S")


def _details_text(page, url):
    return f"{page.introduction}\n\n{url}" if page.introduction else url


def _location(page, details):
    if page.venue_id:
        return f"{page.venue.name}, {page.venue.address}"
    links = [p.url for p in details["platforms"] if p.url]
    return links[0] if links else ""


def google_calendar_url(page, details, date, request):
    """Google Calendar's "new event" form filled with one date of the event."""
    url = page.get_full_url(request)
    params = {
        "action": "TEMPLATE",
        "text": page.title,
        "dates": f"{_utc_stamp(date.start)}/{_utc_stamp(date.end)}",
        "details": _details_text(page, url),
        "location": _location(page, details),
        "ctz": str(occurrences.TIME_ZONE),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(params)


def yandex_calendar_url(page, details, date, request):
    """Yandex Calendar's "new event" form filled with one date of the event."""
    url = page.get_full_url(request)
    params = {
        "name": page.title,
        "description": _details_text(page, url),
        "location": _location(page, details),
        "start": _local_stamp(date.start),
        "end": _local_stamp(date.end),
        "tz_id": str(occurrences.TIME_ZONE),
    }
    return "https://calendar.yandex.ru/event?" + urlencode(params)


def live_video(details):
    """The video to play on the page while the event is live, or None."""
    if details["status"] != occurrences.OccurrenceStatus.LIVE:
        return None
    for platform in details["platforms"]:
        video = parse_video_url(platform.url) if platform.url else None
        if video is not None:
            return video
    return None


def page_extras(page, details, request):
    """Everything above for the template: JSON-LD, calendar links, live player."""
    extras = {
        "json_ld": json_ld(schema_org(page, details, request)),
        "live_video": live_video(details),
        "calendar_date": None,
    }
    if extras["live_video"] is not None:
        # The shape the video block's template expects.
        extras["live_value"] = {
            "video": extras["live_video"],
            "title": page.title,
            "caption": "",
            "transcript_url": "",
        }
    date = featured_date(details)
    if date is not None and date.end > details["now"]:
        extras["calendar_date"] = date
        extras["google_calendar_url"] = google_calendar_url(
            page, details, date, request
        )
        extras["yandex_calendar_url"] = yandex_calendar_url(
            page, details, date, request
        )
    return extras
