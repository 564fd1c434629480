"""Demo content of the cultural programme."""

import datetime

from django.utils import timezone

from dateutil.rrule import rrulestr

from cms.accounts.roles import grant_institution_editors
from cms.seed import ensure_child_page, ensure_snippet, ensure_translations

from . import demo_content, occurrences
from .models import (
    Audience,
    Domain,
    EventPage,
    EventPlatform,
    EventSession,
    InstitutionPage,
    OccurrenceChange,
    ProgrammeIndexPage,
)

PROGRAMME = {
    "ru": {
        "title": "Программа",
        "introduction": (
            "Бесплатные онлайн-события учреждений культуры Казани: трансляции, "
            "концерты, мастер-классы, лекции, курсы, виртуальные экскурсии."
        ),
    },
    "tt": {
        "title": "Программа",
        "introduction": (
            "Казан мәдәният учреждениеләренең бушлай онлайн-чаралары: "
            "трансляцияләр, концертлар, мастер-класслар, лекцияләр, курслар, "
            "виртуаль экскурсияләр."
        ),
    },
    "en": {
        "title": "Programme",
        "introduction": (
            "Free online events of Kazan's cultural institutions: livestreams, "
            "concerts, masterclasses, lectures, courses and virtual tours."
        ),
    },
}

LANGUAGES = ("ru", "tt", "en")


def seed_demo(home, stdout=None):
    """The programme guide, domains, institutions and events in three languages."""
    index = ensure_child_page(
        home,
        ProgrammeIndexPage,
        "programme",
        {**PROGRAMME["ru"], "show_in_menus": True},
    )
    ensure_translations(index, {code: PROGRAMME[code] for code in ("tt", "en")})
    domains = _seed_domains()
    institutions = _seed_institutions(index)
    today = timezone.localdate()
    for spec in demo_content.EVENTS:
        parent = institutions.get(spec["institution"], index)
        _seed_event(parent, spec, domains, today)
    if stdout:
        stdout.write("Programme: ready in ru, tt, en.")
    return index


def _seed_domains():
    domains = {}
    for slug, ru, tt, en in demo_content.DOMAINS:
        domain = ensure_snippet(Domain, {"slug": slug}, {"name": ru})
        ensure_translations(domain, {"tt": {"name": tt}, "en": {"name": en}})
        domains[slug] = domain
    return domains


def _seed_institutions(index):
    institutions = {}
    for spec in demo_content.INSTITUTIONS:
        texts = {
            code: {"title": spec[code][0], "introduction": spec[code][1]}
            for code in LANGUAGES
        }
        page = ensure_child_page(
            index,
            InstitutionPage,
            spec["slug"],
            {**texts["ru"], "kind": spec["kind"], "address": spec["address"]},
        )
        ensure_translations(page, {code: texts[code] for code in ("tt", "en")})
        # Each institution's editors edit its subtree and nothing else.
        grant_institution_editors(page)
        institutions[spec["slug"]] = page
    return institutions


def _seed_event(parent, spec, domains, today):
    if EventPage.objects.filter(slug=spec["slug"]).exists():
        return
    days, hour, minute = spec["start"]
    start = datetime.datetime.combine(
        today + datetime.timedelta(days=days),
        datetime.time(hour, minute),
        tzinfo=occurrences.TIME_ZONE,
    )
    if spec["rule"]:
        # A repeating session starts on the first day its rule names.
        start = rrulestr(spec["rule"], dtstart=start)[0]
    end = start + datetime.timedelta(minutes=spec["minutes"])
    session = EventSession(start=start, end=end, recurrence=spec["rule"])
    dates = occurrences.expand(start, end, spec["rule"])

    def changes(code):
        return [
            OccurrenceChange(
                original_start=dates[position].original_start,
                change=change,
                new_start=new_start,
                note=notes[code],
            )
            for position, change, new_start, notes in spec["changes"]
        ]

    texts = {
        code: {
            "title": spec[code][0],
            "introduction": spec[code][1],
            "occurrence_changes": changes(code),
        }
        for code in LANGUAGES
    }
    ru_texts = {k: v for k, v in texts["ru"].items() if k != "occurrence_changes"}
    page = ensure_child_page(
        parent,
        EventPage,
        spec["slug"],
        {
            **ru_texts,
            "event_type": spec["type"],
            "domain": domains[spec["domain"]],
            "language": spec["language"],
            "registration_required": spec["registration"],
            "capacity": spec["capacity"],
        },
        children={
            "sessions": [session],
            "occurrence_changes": changes("ru"),
            "platforms": [
                EventPlatform(platform=platform, url=url)
                for platform, url in spec["platforms"]
            ],
            "audiences": list(Audience.objects.filter(key__in=spec["audiences"])),
        },
    )
    ensure_translations(page, {code: texts[code] for code in ("tt", "en")})
