"""Demo content of the cultural programme: institutions, venues and a season.

The season (``demo_season``) is some 1,200 pages with real wagtail-localize
translations; the seed makes them in one transaction, publishes each translation
as it is made and indexes every object once at the end, which leaves the site as
saving each page by hand would, in a fraction of the time.
"""

import contextlib
import datetime
import time

from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone

from wagtail_localize.models import Translation, TranslationSource

from dateutil.rrule import rrulestr

from cms.accounts.roles import grant_institution_editors
from cms.seed import (
    deferred_indexing,
    ensure_child_page,
    ensure_snippet,
    ensure_translations,
    import_translated_strings,
    string_segments,
)

from . import demo_archive, demo_content, demo_feedback, demo_season, occurrences
from .demo_images import ensure_domain_images
from .models import (
    ArchiveIndexPage,
    Audience,
    Domain,
    EventPage,
    EventPlatform,
    EventSession,
    InstitutionPage,
    OccurrenceChange,
    ProgrammeIndexPage,
    Registration,
    Venue,
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
TRANSLATIONS = ("tt", "en")


def seed_demo(home, stdout=None, *, season=None):
    """The programme guide, domains, institutions, venues and a season of events,
    and the video archive with the recordings of the events that took place.

    ``season`` is ``"full"`` (400 and more events per language, eight weeks back
    and ten ahead) or ``"small"`` (the hand-written events and three of each
    type, for the tests). Without it the seed keeps the size already on the site
    and gives a new site the full season.
    """
    started = time.perf_counter()
    suspended_indexing, index_archive = _archive_indexing()
    with transaction.atomic(), deferred_indexing(), suspended_indexing():
        index = ensure_child_page(
            home,
            ProgrammeIndexPage,
            "programme",
            {**PROGRAMME["ru"], "show_in_menus": True},
        )
        ensure_translations(index, {code: PROGRAMME[code] for code in TRANSLATIONS})
        _flush_on_commit()
        archive = ensure_child_page(
            home,
            ArchiveIndexPage,
            "archive",
            {**demo_archive.ARCHIVE["ru"], "show_in_menus": True},
        )
        ensure_translations(
            archive, {code: demo_archive.ARCHIVE[code] for code in TRANSLATIONS}
        )
        _flush_on_commit()
        domains = _seed_domains()
        images = ensure_domain_images(domains)
        venues = _seed_venues()
        institutions = _seed_institutions(index, images)
        existing = set(
            EventPage.objects.filter(locale=index.locale).values_list("slug", flat=True)
        )
        season = season or _season_on_site(existing)
        today = timezone.localdate()
        context = {
            "domains": domains,
            "venues": venues,
            "images": images,
            "audiences": {
                audience.key: audience for audience in Audience.objects.all()
            },
            "today": today,
            "now": timezone.now(),
        }
        hand_written = demo_content.EVENTS + demo_archive.PAST_EVENTS
        for number, spec in enumerate(hand_written):
            if spec["slug"] not in existing:
                parent = institutions.get(spec["institution"], index)
                _seed_event(parent, {"image": number, **spec}, context)
        created = []
        for spec in demo_season.season_plan(season):
            if spec["slug"] not in existing:
                parent = institutions.get(spec["institution"], index)
                created.append((spec, _seed_event(parent, spec, context)))
        _seed_registrations(created)
        recorded = _record_existing_events(index, existing, context)
        feedback = demo_feedback.seed_feedback(index, context["now"])
    if stdout:
        events = EventPage.objects.filter(locale=index.locale).count()
        stdout.write(
            f"Programme: {events} events in ru, tt, en ({season} season; "
            f"{len(created)} added in {time.perf_counter() - started:.0f} s; "
            f"recordings added to {recorded} earlier events)."
        )
        stdout.write(
            "Feedback: {ratings} ratings, {comments} comments, {questions} "
            "questions and {wishes} wishes added.".format(**feedback)
        )
    if index_archive is not None:
        index_archive(stdout=stdout)
    return index


def _archive_indexing():
    """The archive search's ``suspended_indexing`` and ``index_archive``.

    Without the search module the seed stores the content and indexes nothing.
    """
    try:
        from .search import index_archive, suspended_indexing
    except ImportError:
        return contextlib.nullcontext, None
    return suspended_indexing, index_archive


def _season_on_site(existing_slugs):
    """The season already seeded: small if every generated event on the site is
    one of the small season's, otherwise (and on a new site) full."""
    plan = demo_season.season_plan(demo_season.FULL)
    generated = {spec["slug"] for spec in plan} & existing_slugs
    small = {spec["slug"] for spec in plan if spec["small"]}
    if generated and generated <= small:
        return demo_season.SMALL
    return demo_season.FULL


def _seed_domains():
    domains = {}
    for slug, ru, tt, en in demo_content.DOMAINS:
        domain = ensure_snippet(Domain, {"slug": slug}, {"name": ru})
        ensure_translations(domain, {"tt": {"name": tt}, "en": {"name": en}})
        domains[slug] = domain
    return domains


def _seed_venues():
    """Venues by key; a fixed translation key finds each again after edits."""
    venues = {}
    for spec in demo_content.VENUES:
        texts = {
            code: dict(
                zip(
                    ("name", "address", "directions", "accessibility"),
                    spec[code],
                    strict=True,
                )
            )
            for code in LANGUAGES
        }
        venue = ensure_snippet(
            Venue,
            {"translation_key": demo_season.stable_uuid(spec["key"])},
            texts["ru"],
        )
        ensure_translations(venue, {code: texts[code] for code in TRANSLATIONS})
        venues[spec["key"]] = venue
    return venues


def _seed_institutions(index, images):
    institutions = {}
    for number, spec in enumerate(demo_content.INSTITUTIONS):
        texts = {
            code: {"title": spec[code][0], "introduction": spec[code][1]}
            for code in LANGUAGES
        }
        page = ensure_child_page(
            index,
            InstitutionPage,
            spec["slug"],
            {
                **texts["ru"],
                "kind": spec["kind"],
                "address": spec["address"],
                "image": _image(images, spec["domain"], number),
            },
        )
        ensure_translations(page, {code: texts[code] for code in TRANSLATIONS})
        _flush_on_commit()
        # Each institution's editors edit its subtree and nothing else.
        grant_institution_editors(page)
        institutions[spec["slug"]] = page
    return institutions


def _image(images, domain, number):
    variants = images.get(domain) or [None]
    return variants[number % len(variants)]


def _seed_event(parent, spec, context):
    """One event in Russian with its Tatar and English translations."""
    days, hour, minute = spec["start"]
    start = datetime.datetime.combine(
        context["today"] + datetime.timedelta(days=days),
        datetime.time(hour, minute),
        tzinfo=occurrences.TIME_ZONE,
    )
    if spec["rule"]:
        # A repeating session starts on the first day its rule names.
        start = rrulestr(spec["rule"], dtstart=start)[0]
    duration = datetime.timedelta(minutes=spec["minutes"])
    session = EventSession(start=start, end=start + duration, recurrence=spec["rule"])
    dates = occurrences.expand(start, start + duration, spec["rule"])

    def changes(code):
        result = []
        for position, change, new_start, notes in spec["changes"]:
            original = dates[position].original_start
            # The season gives a move as a shift from the planned start.
            if isinstance(new_start, datetime.timedelta):
                new_start = original + new_start
            result.append(
                OccurrenceChange(
                    original_start=original,
                    change=change,
                    new_start=new_start,
                    new_end=new_start + duration if new_start else None,
                    note=notes[code],
                )
            )
        return result

    texts = {
        code: {
            "title": spec[code][0],
            "introduction": spec[code][1],
            "occurrence_changes": changes(code),
        }
        for code in LANGUAGES
    }
    held = occurrences.expand(
        start,
        start + duration,
        spec["rule"],
        [change.as_exception() for change in changes("ru")],
    )
    # Recordings, people and subtitles of an event that took place: translatable
    # children in each language's texts, synchronised ones with the source.
    recorded = demo_archive.archive_children(spec, held, context["now"]) or {}
    for code, children in recorded.items():
        texts[code].update(children)
    venue = spec.get("venue")
    page = ensure_child_page(
        parent,
        EventPage,
        spec["slug"],
        {
            "title": texts["ru"]["title"],
            "introduction": texts["ru"]["introduction"],
            "event_type": spec["type"],
            "domain": context["domains"][spec["domain"]],
            "language": spec["language"],
            "registration_required": spec["registration"],
            "capacity": spec["capacity"],
            "joining_link": spec.get("joining_link", ""),
            "venue": context["venues"][venue] if venue else None,
            "image": _image(context["images"], spec["domain"], spec["image"]),
        },
        children={
            "sessions": [session],
            "occurrence_changes": changes("ru"),
            "platforms": [
                EventPlatform(platform=platform, url=url)
                for platform, url in spec["platforms"]
            ],
            "audiences": [context["audiences"][key] for key in spec["audiences"]],
            **recorded.get("ru", {}),
        },
    )
    ensure_translations(page, {code: texts[code] for code in TRANSLATIONS})
    _flush_on_commit()
    return page


def _record_existing_events(index, existing_slugs, context):
    """Recordings for events seeded before the archive, once their dates are over.

    Only events without recordings, people or subtitles get them, so editors'
    own ones are kept and a second run adds nothing. Returns how many events.
    """
    pages = (
        EventPage.objects.filter(
            locale=index.locale,
            slug__in=existing_slugs,
            recordings__isnull=True,
            people__isnull=True,
            subtitle_tracks__isnull=True,
        )
        .distinct()
        .prefetch_related("sessions", "occurrence_changes", "platforms")
    )
    count = 0
    for page in pages:
        spec = _existing_spec(page)
        recorded = demo_archive.archive_children(
            spec, page.get_occurrences(), context["now"]
        )
        if not recorded:
            continue
        _add_translated_children(page, recorded)
        count += 1
    return count


def _existing_spec(page):
    """What ``demo_archive`` needs to know about an event page on the site."""
    session = page.sessions.all()[0]
    parent = page.get_parent().specific
    spec = {
        "slug": page.slug,
        "type": page.event_type,
        "minutes": int((session.end - session.start).total_seconds() // 60),
        "platforms": [(p.platform, p.url) for p in page.platforms.all()],
        "institution": parent.slug if isinstance(parent, InstitutionPage) else None,
    }
    for version in EventPage.objects.filter(translation_key=page.translation_key):
        code = version.locale.language_code
        spec[code] = (version.title, version.introduction)
    for code in TRANSLATIONS:
        spec.setdefault(code, spec["ru"])
    return spec


def _add_translated_children(page, children):
    """Publish ``page`` with new children and its translations with theirs.

    The new strings are imported into the existing wagtail-localize
    translations, as a translator working on the updated source would.
    """
    for relation, items in children["ru"].items():
        setattr(page, relation, items)
    page.save_revision().publish()
    _flush_on_commit()
    source, _created = TranslationSource.update_or_create_from_instance(page)
    added = ("recordings", "people")
    source_strings = [
        segment
        for segment in string_segments(page)
        if segment.path.split(".")[0] in added
    ]
    for translation in Translation.objects.filter(source=source).select_related(
        "target_locale"
    ):
        code = translation.target_locale.language_code
        shadow = EventPage.objects.get(pk=page.pk)
        for relation in added:
            setattr(shadow, relation, children[code][relation])
        target_strings = [
            segment
            for segment in string_segments(shadow)
            if segment.path.split(".")[0] in added
        ]
        import_translated_strings(translation, source_strings, target_strings)
        _flush_on_commit()


def _seed_registrations(created):
    """Demo residents' places and waiting lists on the courses just created.

    Events that existed before keep the registrations they have.
    """
    booked = [(spec, page) for spec, page in created if spec.get("registrants")]
    if not booked:
        return
    residents = ensure_demo_residents()
    now = timezone.now()
    rows = []
    for number, (spec, page) in enumerate(booked):
        for resident, status in demo_season.registrations_for(number, spec):
            rows.append(
                Registration(
                    event_key=page.translation_key,
                    user=residents[resident],
                    status=status,
                    language=demo_season.resident_language(resident),
                    confirmed_at=now if status == "confirmed" else None,
                    cancelled_at=now if status == "cancelled" else None,
                )
            )
    Registration.objects.bulk_create(rows, batch_size=500)


def ensure_demo_residents():
    """The demo residents who register for courses, by number.

    They are data for the demo, not accounts to sign in with: their passwords
    are unusable.
    """
    user_model = get_user_model()
    accounts = demo_season.resident_accounts()
    emails = [email for email, _first, _last in accounts]
    existing = set(
        user_model.objects.filter(username__in=emails).values_list(
            "username", flat=True
        )
    )
    missing = []
    for email, first_name, last_name in accounts:
        if email in existing:
            continue
        user = user_model(
            username=email,
            email=email,
            first_name=first_name,
            last_name=last_name,
            email_verified=True,
        )
        user.set_unusable_password()
        missing.append(user)
    user_model.objects.bulk_create(missing)
    by_email = user_model.objects.in_bulk(emails, field_name="username")
    return {number: by_email[email] for number, email in enumerate(emails, start=1)}


def _flush_on_commit(using=DEFAULT_DB_ALIAS):
    """Run now the work left for after the commit, such as publishing translations.

    wagtail-localize publishes a translated page once the transaction commits.
    The seed runs in one transaction, so that would publish every translation at
    the very end, each in a transaction of its own; a translation is published
    here instead, inside the seed's transaction, as soon as it is made.
    """
    connection = connections[using]
    if not connection.in_atomic_block:
        return
    while connection.run_on_commit:
        pending, connection.run_on_commit = connection.run_on_commit, []
        for _savepoints, callback, *_robust in pending:
            callback()
