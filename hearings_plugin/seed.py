"""Demo content of the public hearings: the index and a hearing in every stage.

Each hearing is a Russian page with real wagtail-localize translations into
Tatar and English, generated PDF documents and dates relative to the seed day.
Its submissions are the legal record a real hearing would have: the open one
receives them through :class:`SubmitAction`; past ones, whose period is over,
get rows numbered as the action numbers them, received within the period. The
seed finds everything again by slug and procedure, so running it twice adds
nothing.
"""

import datetime
import random
import time
import uuid
import zoneinfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from cms.comments.actions import LOG_HIDDEN, PostCommentAction, comments_of
from cms.comments.models import Comment
from cms.seed import deferred_indexing, ensure_child_page, ensure_translations

from . import demo_content, demo_documents
from .actions import SubmissionData, SubmitAction, identity_for_confirmation
from .models import (
    CommentPeriodChange,
    HearingDocument,
    HearingIndexPage,
    HearingPage,
    HearingResult,
    Stage,
    Submission,
)

HEARINGS = {
    "ru": {
        "title": "Общественные обсуждения",
        "introduction": (
            "Проекты градостроительных решений Казани: читайте материалы и "
            "направляйте предложения и замечания в период обсуждения."
        ),
    },
    "tt": {
        "title": "Иҗтимагый фикер алышулар",
        "introduction": (
            "Казанның шәһәр төзелеше карарлары проектлары: материалларны укыгыз "
            "һәм фикер алышу чорында тәкъдимнәр һәм искәрмәләр җибәрегез."
        ),
    },
    "en": {
        "title": "Public hearings",
        "introduction": (
            "Kazan's urban development drafts: read the materials and submit "
            "proposals and remarks during the comment period."
        ),
    },
}

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
TRANSLATIONS = ("tt", "en")
FULL, SMALL = "full", "small"
# Demo participants: data for the demo, not accounts to sign in with.
PARTICIPANT_USERNAME = "demo.participant.{:03d}"
PARTICIPANTS = {FULL: 300, SMALL: 40}
DEMO_NAMESPACE = uuid.UUID("5b0a3c8e-8f61-4bd3-9a55-1f0f5d1c2a7e")
HOURS = {"announced": 10, "opens": 9, "closes": 18, "protocol": 12, "conclusion": 12}


def seed_demo(home, stdout=None, *, season=None):
    """The hearings index and six hearings, from announced to archived.

    ``season`` sets how many submissions the concluded General Plan gets:
    ``"full"`` (about 400) or ``"small"`` (30, for the tests); a hearing that
    already has submissions keeps them.
    """
    started = time.perf_counter()
    with deferred_indexing():
        index = ensure_child_page(
            home,
            HearingIndexPage,
            "hearings",
            {**HEARINGS["ru"], "show_in_menus": True},
        )
        ensure_translations(index, {code: HEARINGS[code] for code in TRANSLATIONS})
        today = timezone.localdate(timezone=MOSCOW)
        added = commented = 0
        for spec in demo_content.HEARINGS:
            page = seed_hearing(index, spec, today)
            added += seed_submissions(page, spec, season or FULL)
            commented += seed_discussion(page, spec, season or FULL)
    if stdout:
        stdout.write(
            f"Public hearings: {len(demo_content.HEARINGS)} hearings in ru, tt, en "
            f"({added} submissions and {commented} comments added in "
            f"{time.perf_counter() - started:.0f} s)."
        )
    return index


def hearing_dates(spec, today):
    """The hearing's dates (Moscow time) from the day offsets in its spec."""
    dates = {}
    for name, days in spec["dates"].items():
        at = datetime.datetime.combine(
            today + datetime.timedelta(days=days),
            datetime.time(HOURS.get(name, 12)),
            tzinfo=MOSCOW,
        )
        dates[name] = at
    return dates


def _page_texts(spec, code):
    texts = spec[code]
    body = []
    for heading, paragraph in texts["body"]:
        body.append(
            {"type": "heading", "value": {"text": heading, "level": "h2", "anchor": ""}}
        )
        body.append({"type": "paragraph", "value": paragraph})
    return {
        **{name: value for name, value in texts.items() if name != "body"},
        "body": body,
    }


def _documents(spec):
    """The page's documents. wagtail-localize keeps them in step with the source
    (HearingDocument is not translatable), so each title names all three languages."""
    documents = demo_documents.ensure_documents(spec)
    return [
        HearingDocument(
            document=documents[key],
            title=" / ".join(demo_content.DOCUMENTS[key].values()),
            sort_order=position,
        )
        for position, key in enumerate(spec["documents"])
    ]


def seed_hearing(index, spec, today):
    """One hearing in Russian with its translations, its procedure in its stage."""
    dates = hearing_dates(spec, today)
    texts = {code: _page_texts(spec, code) for code in ("ru", *TRANSLATIONS)}
    extension = spec.get("extension")
    planned_close = dates["closes"]
    if extension:
        # The page keeps the plan; the procedure has the extended closing.
        planned_close = dates["closes"] + datetime.timedelta(
            days=extension["previous"] - spec["dates"]["closes"]
        )
    page = ensure_child_page(
        index,
        HearingPage,
        spec["slug"],
        {
            **texts["ru"],
            "topic": spec["topic"],
            "district": spec["district"],
            "announced_at": dates["announced"],
            "opens_at": dates["opens"],
            "closes_at": planned_close,
        },
        children={"documents": _documents(spec)},
    )
    ensure_translations(page, {code: texts[code] for code in TRANSLATIONS})
    _settle_procedure(page, spec, dates)
    return HearingPage.objects.get(pk=page.pk)


@transaction.atomic
def _settle_procedure(page, spec, dates):
    """Period changes, results and later-stage dates, each made once."""
    procedure = page.procedure
    extension = spec.get("extension")
    if extension and not procedure.period_changes.exists():
        changed_at = dates["closes"] + datetime.timedelta(
            days=extension["changed"] - spec["dates"]["closes"]
        )
        CommentPeriodChange.objects.create(
            procedure=procedure,
            kind=CommentPeriodChange.Kind.EXTENDED,
            previous_closes_at=procedure.closes_at,
            closes_at=dates["closes"],
            reason=extension["ru"],
            changed_at=changed_at,
        )
        procedure.closes_at = dates["closes"]
    for kind, field in (
        (HearingResult.Kind.PROTOCOL, "protocol_published_at"),
        (HearingResult.Kind.CONCLUSION, "conclusion_published_at"),
    ):
        published_at = dates.get(kind)
        if published_at is None:
            continue
        setattr(procedure, field, getattr(procedure, field) or published_at)
        HearingResult.objects.get_or_create(
            procedure=procedure,
            kind=kind,
            defaults={
                "number": f"{procedure.reference}/{'П' if kind == 'protocol' else 'З'}",
                "signed_on": timezone.localtime(published_at, MOSCOW).date(),
                "text": spec.get(kind, ""),
                "published_at": published_at,
            },
        )
    if "archived" in dates and procedure.archived_at is None:
        procedure.archived_at = dates["archived"]
    # The stage the seed leaves is recorded, so no "opened" letter goes out late.
    procedure.recorded_stage = procedure.recorded_stage or procedure.stage
    procedure.save()


def seed_submissions(page, spec, season):
    """The hearing's submissions, made once per procedure; how many were added."""
    procedure = page.procedure
    if not spec.get("submissions") or procedure.last_number:
        return 0
    plan = submission_plan(spec, spec["submissions"][season], PARTICIPANTS[season])
    participants = ensure_participants(max(item["participant"] for item in plan))
    pages = {
        translation.locale.language_code: translation
        for translation in HearingPage.objects.filter(
            translation_key=page.translation_key
        ).select_related("locale")
    }
    if procedure.stage == Stage.OPEN:
        return _submit_now(pages, plan, participants)
    return _record_past(procedure, pages, plan, participants)


def _submit_now(pages, plan, participants):
    """Submissions to the open hearing, registered by the action as a post would."""
    added = 0
    now = timezone.now()
    for item in plan:
        submission, created = SubmitAction(
            pages[item["language"]],
            participants[item["participant"]],
            SubmissionData(
                kind=item["kind"],
                category=item["category"],
                text=item["text"],
                client_token=item["token"],
                identity_confirmed=True,
                district=item["district"],
            ),
        ).execute()
        added += created
        if item["moderation"] == Submission.Moderation.HIDDEN:
            submission.moderation = item["moderation"]
            submission.moderation_reason = item["moderation_reason"]
            submission.moderated_at = now
        elif item["position"] < len(plan) - 2:
            # The newest wait for the moderator; the rest are in the register.
            submission.moderation = Submission.Moderation.PUBLISHED
            submission.moderated_at = now
        if item["answer"]:
            submission.answer_status = item["answer"]
            submission.answer_text = item["answer_text"]
            submission.answered_at = now
        submission.save()
    return added


@transaction.atomic
def _record_past(procedure, pages, plan, participants):
    """Rows of a closed period, numbered in the order they were received."""
    rng = random.Random(f"received-{procedure.reference}")  # noqa: S311
    opens, closes = procedure.opens_at, procedure.closes_at
    period = (closes - opens).total_seconds() - 60
    instants = sorted(
        opens + datetime.timedelta(seconds=rng.uniform(0, period)) for _item in plan
    )
    answered_by = procedure.conclusion_published_at or timezone.now()
    rows = []
    for number, (item, received_at) in enumerate(zip(plan, instants, strict=True), 1):
        identity = identity_for_confirmation(participants[item["participant"]])
        row = Submission(
            procedure=procedure,
            page=pages[item["language"]],
            language=item["language"],
            sequence=number,
            number=f"{procedure.reference}-{number:04d}",
            author=participants[item["participant"]],
            client_token=item["token"],
            kind=item["kind"],
            category=item["category"],
            district=item["district"],
            text=item["text"],
            identity_confirmed_at=received_at,
            received_at=received_at,
            **identity,
        )
        if item["moderated"]:
            row.moderation = item["moderation"]
            row.moderation_reason = item["moderation_reason"]
            row.moderated_at = received_at + datetime.timedelta(hours=20)
        if item["answer"]:
            row.answer_status = item["answer"]
            row.answer_text = item["answer_text"]
            row.answered_at = closes + (answered_by - closes) * rng.uniform(0.2, 0.9)
        rows.append(row)
    Submission.objects.bulk_create(rows, batch_size=500)
    procedure.last_number = len(rows)
    procedure.save(update_fields=["last_number"])
    # Repeated campaign texts point at the first of them, as the organiser grouped.
    stored = {s.sequence: s for s in procedure.submissions.all()}
    originals = {}
    duplicates = []
    for number, item in enumerate(plan, 1):
        group = item["campaign"]
        if group is None:
            continue
        if group not in originals:
            originals[group] = stored[number]
        else:
            stored[number].duplicate_of = originals[group]
            duplicates.append(stored[number])
    Submission.objects.bulk_update(duplicates, ["duplicate_of"])
    _index(list(stored.values()))
    return len(rows)


def seed_discussion(page, spec, season):
    """The hearing's discussion, written once; how many comments were added.

    The comments are posted as the thread's form posts them (site, language,
    stance, thread order), by demo participants who write in the comment's
    language, then dated within the discussion so far. A thread that already
    has comments, the seed's or residents', is left as it is.
    """
    script = demo_content.DISCUSSIONS.get(spec["key"])
    if not script:
        return 0
    procedure = page.procedure
    count = min(len(script), demo_content.DISCUSSION_COUNTS[spec["key"]][season])
    if comments_of(procedure).exists():
        return 0
    script = script[:count]
    authors = discussion_authors(spec["key"], script, PARTICIPANTS[season])
    participants = ensure_participants(max(authors))
    started = procedure.opens_at
    ended = min(timezone.now(), procedure.closes_at + datetime.timedelta(days=10))
    rng = random.Random(f"discussion-{spec['key']}")  # noqa: S311 - demo data
    span = (ended - started).total_seconds()
    instants = sorted(
        started + datetime.timedelta(seconds=rng.uniform(0, span)) for _item in script
    )
    hidden = demo_content.DISCUSSION_HIDDEN.get(spec["key"], {})
    posted = []
    with transaction.atomic():
        for position, (reply_to, language, stance, text) in enumerate(script):
            comment = PostCommentAction(
                procedure,
                participants[authors[position]],
                text=text,
                language=language,
                stance=stance,
                reply_to=posted[reply_to].pk if reply_to is not None else 0,
            ).execute()
            comment.submit_date = instants[position]
            posted.append(comment)
        Comment.objects.bulk_update(posted, ["submit_date"])
        for position, reason in hidden.items():
            if position < len(posted):
                # As a moderator's HideCommentAction leaves it.
                comment = posted[position]
                Comment.norel_objects.filter(pk=comment.pk).update(
                    is_public=False,
                    hidden_reason=reason,
                    reviewed_at=comment.submit_date + datetime.timedelta(hours=3),
                )
                log(instance=comment, action=LOG_HIDDEN, data={"reason": reason})
    return len(posted)


def discussion_authors(key, script, pool):
    """A demo participant for each comment, writing in the comment's language.

    Organisations are left out: they make formal submissions, not comments.
    """
    people = {}
    for number in range(1, pool + 1):
        profile = participant_profile(number)
        if not profile["legal_entity"]:
            people.setdefault(profile["language"], []).append(number)
    rng = random.Random(f"authors-{key}")  # noqa: S311 - demo data
    authors = []
    for reply_to, language, _stance, _text in script:
        candidates = people.get(language) or people["ru"]
        author = rng.choice(candidates)
        # Nobody answers their own comment.
        while (
            reply_to is not None and author == authors[reply_to] and len(candidates) > 1
        ):
            author = rng.choice(candidates)
        authors.append(author)
    return authors


def _index(submissions):
    """Bulk-created rows skip post_save: add them to the search index here."""
    from wagtail.search.backends import get_search_backends

    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(Submission, submissions)


def submission_plan(spec, count, pool):
    """What ``count`` participants sent to one hearing, in arrival order.

    Deterministic for the hearing: the same plan each time the seed runs.
    """
    rng = random.Random(f"plan-{spec['key']}")  # noqa: S311 - demo data
    ideas = demo_content.IDEAS[spec["key"]]
    moderated = spec["submissions"]["public"]
    by_district = {}
    for number in range(1, pool + 1):
        by_district.setdefault(participant_profile(number)["district"], []).append(
            number
        )
    hidden = list(demo_content.HIDDEN) if count >= 20 else []
    plan = []
    for position in range(count):
        if spec["district"] != "city" and rng.random() < 0.7:
            participant = rng.choice(by_district.get(spec["district"]) or [1])
        else:
            participant = rng.randint(1, pool)
        profile = participant_profile(participant)
        language = profile["language"]
        item = {
            "position": position,
            "participant": participant,
            "language": language,
            "district": profile["district"],
            "category": (
                Submission.Category.TERRITORY
                if spec["district"] in ("city", profile["district"])
                else Submission.Category.OTHER
            ),
            "token": uuid.uuid5(DEMO_NAMESPACE, f"{spec['key']}-{position}"),
            "moderated": moderated,
            "moderation": Submission.Moderation.PUBLISHED,
            "moderation_reason": "",
            "campaign": None,
        }
        if hidden and position % 37 == 11:
            entry = hidden.pop()
            item.update(
                kind=Submission.Kind.REMARK,
                language="ru",
                text=entry["ru"],
                moderated=True,
                moderation=Submission.Moderation.HIDDEN,
                moderation_reason=entry["reason"],
                answer=Submission.Answer.OUT_OF_SCOPE,
                answer_text=demo_content.HIDDEN_ANSWER,
            )
            plan.append(item)
            continue
        choice = rng.randrange(len(ideas))
        idea = ideas[choice]
        text = idea[language]
        if idea.get("campaign"):
            item["campaign"] = (choice, language)
        else:
            reason = rng.choice(demo_content.REASONS[language])
            text = f"{text} {reason}".strip()
        item.update(
            kind=idea["kind"],
            text=text,
            answer=idea["answer"],
            answer_text=idea.get(f"answer_{language}", ""),
        )
        plan.append(item)
    return plan


def participant_profile(number):
    """Name, identity, address, district and language of demo participant ``number``."""
    content = demo_content
    street = content.STREETS[number * 5 % len(content.STREETS)]
    district, postcode, street_name = street
    address = (
        f"{postcode}, Казань, {street_name}, д. {number * 7 % 113 + 1}, "
        f"кв. {number * 13 % 180 + 1}"
    )
    language = "tt" if number % 6 == 1 else "en" if number % 13 == 2 else "ru"
    if number % 29 == 0:
        name = content.COMPANIES[number // 29 % len(content.COMPANIES)]
        return {
            "legal_entity": True,
            "organisation_name": name,
            "ogrn": ogrn(1021600000000 + number * 7919),
            "address": f"{postcode}, Казань, {street_name}, д. {number % 40 + 1}",
            "district": district,
            "language": "ru",
            "first_name": "",
            "last_name": "",
        }
    woman = number % 2 == 1
    father = content.FATHERS[number * 3 % len(content.FATHERS)]
    if father[-1] in "йь":
        patronymic = father[:-1] + ("евна" if woman else "евич")
    else:
        patronymic = father + ("овна" if woman else "ович")
    return {
        "legal_entity": False,
        "first_name": (content.WOMEN if woman else content.MEN)[number * 7 % 16],
        "last_name": content.SURNAMES[number * 11 % len(content.SURNAMES)]
        + ("а" if woman else ""),
        "middle_name": patronymic,
        "birth_date": datetime.date(
            1950 + number * 17 % 55, number % 12 + 1, number % 28 + 1
        ),
        "address": address,
        "district": district,
        "language": language,
    }


def ogrn(base):
    """A 13-digit OGRN with its check digit (remainder of the first 12 by 11)."""
    first = base // 10 % 10**12
    return f"{first}{first % 11 % 10}"


def ensure_participants(count):
    """Demo participants 1…``count``: ESIA-verified, with unusable passwords."""
    from cms.accounts.models import EsiaIdentity

    user_model = get_user_model()
    usernames = [PARTICIPANT_USERNAME.format(n) for n in range(1, count + 1)]
    existing = set(
        user_model.objects.filter(username__in=usernames).values_list(
            "username", flat=True
        )
    )
    missing = []
    for number, username in enumerate(usernames, 1):
        if username in existing:
            continue
        profile = participant_profile(number)
        user = user_model(
            username=username,
            email=f"{username}@example.com",
            first_name=profile["first_name"],
            last_name=profile["last_name"],
            email_verified=True,
        )
        user.set_unusable_password()
        missing.append(user)
    user_model.objects.bulk_create(missing)
    by_username = user_model.objects.in_bulk(usernames, field_name="username")
    identities = []
    have_identity = set(
        EsiaIdentity.objects.filter(user__username__in=usernames).values_list(
            "user__username", flat=True
        )
    )
    for number, username in enumerate(usernames, 1):
        if username in have_identity:
            continue
        profile = participant_profile(number)
        fields = {"address": profile["address"]}
        if profile["legal_entity"]:
            fields.update(
                kind=EsiaIdentity.Kind.LEGAL_ENTITY,
                organisation_name=profile["organisation_name"],
                ogrn=profile["ogrn"],
            )
        else:
            fields.update(
                last_name=profile["last_name"],
                first_name=profile["first_name"],
                middle_name=profile["middle_name"],
                birth_date=profile["birth_date"],
            )
        identities.append(
            EsiaIdentity(
                user=by_username[username],
                subject=f"demo-participant-{number:03d}",
                trusted=True,
                **fields,
            )
        )
    EsiaIdentity.objects.bulk_create(identities)
    users = user_model.objects.select_related("esia_identity").in_bulk(
        usernames, field_name="username"
    )
    return {number: users[username] for number, username in enumerate(usernames, 1)}
