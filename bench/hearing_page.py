"""The page of a public hearing with thousands of submissions and comments.

``bench.run`` calls :func:`run_hearing_page_bench` after the page load test, in
its own process and on the bench's throw-away database (Django already set up):
it adds one open hearing with N submissions and M comments (5,000 and 20,000 by
default, bulk-inserted: published and hidden submissions, comments in Russian,
Tatar and English with replies) and renders, with Django's test ``Client``, the
hearing page, its register (first and a later page) and its discussion
(filtered by language, and the second page of comments) a number of times each,
reporting p50/p95 and SQL queries. It reports figures and never judges them.

:func:`build_discussed_hearing` is also what tests/hearings/test_page_scale.py
builds its hearings with.
"""

import datetime
import statistics
import time
import uuid

HOST = "127.0.0.1"
TEXTS = {
    "ru": (
        "Прошу сохранить сквер у школы и не строить паркинг на месте детской "
        "площадки; нужен освещённый пешеходный переход."
    ),
    "tt": (
        "Мәктәп янындагы скверны саклап калырга һәм балалар мәйданчыгы урынында "
        "паркинг төземәскә кирәк."
    ),
    "en": (
        "Please keep the square by the school and do not build a car park on the "
        "playground; a lit pedestrian crossing is needed."
    ),
}
# Most comments in Russian, some in Tatar and English, as on the demo site.
COMMENT_LANGUAGES = ("ru", "ru", "tt", "ru", "en", "ru", "tt", "ru")
STANCES = ("support", "oppose", "neutral")
USERS = 60
BATCH = 500


def _users(prefix):
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    users = []
    for number in range(USERS):
        user = user_model(
            username=f"{prefix}.{number:03d}",
            email=f"{prefix}.{number:03d}@example.org",
            first_name=("Гульнара", "Ильдар", "Анна", "Тимур")[number % 4],
            last_name=f"Житель{number}",
        )
        user.set_unusable_password()
        users.append(user)
    user_model.objects.bulk_create(users, batch_size=BATCH)
    return list(user_model.objects.filter(username__startswith=f"{prefix}."))


def add_submissions(page, count, users):
    """``count`` moderated submissions received during the period so far."""
    from django.utils import timezone

    from hearings_plugin.models import District, Submission

    procedure = page.procedure
    districts = [value for value in District.values if value != District.CITY]
    kinds = [choice.value for choice in Submission.Kind]
    languages = list(TEXTS)
    started = procedure.opens_at
    span = (min(timezone.now(), procedure.closes_at) - started) / (count + 1)
    rows = []
    for sequence in range(1, count + 1):
        language = languages[sequence % len(languages)]
        received = started + span * sequence
        hidden = sequence % 25 == 0
        rows.append(
            Submission(
                procedure=procedure,
                page=page,
                language=language,
                sequence=sequence,
                number=f"{procedure.reference}-{sequence:04d}",
                author=users[sequence % len(users)],
                client_token=uuid.uuid4(),
                kind=kinds[sequence % len(kinds)],
                category="territory",
                district=districts[sequence % len(districts)],
                text=f"{TEXTS[language]} ({sequence})",
                identity_kind="person",
                full_name=f"Участник Номер {sequence}",
                birth_date=datetime.date(1960 + sequence % 40, 1 + sequence % 12, 1),
                address=f"420000, Казань, ул. Тестовая, д. {sequence}",
                identity_confirmed_at=received,
                received_at=received,
                moderation="hidden" if hidden else "published",
                moderation_reason="Реклама." if hidden else "",
                moderated_at=received,
            )
        )
    Submission.objects.bulk_create(rows, batch_size=BATCH)
    procedure.last_number = count
    procedure.save(update_fields=["last_number"])


def _insert(model, objects):
    """Insert the rows of ``model``'s own table for child-model ``objects``.

    ``bulk_create`` refuses multi-table inheritance, so each table of the
    comment (django_comments, django_comments_xtd, discussion) is filled by
    itself, as ``Model.save`` fills them one row at a time.
    """
    fields = model._meta.local_concrete_fields
    for start in range(0, len(objects), BATCH):
        model._base_manager._insert(objects[start : start + BATCH], fields=fields)


def add_comments(procedure, count, users, languages=COMMENT_LANGUAGES):
    """``count`` comments in threads of one to four: a comment and its replies.

    Thread fields are those ``XtdComment.save`` gives: a top-level comment is its
    own thread and parent (level 0, order 1); a reply takes its thread, the
    parent's id, level 1 and the next order.
    """
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from django_comments.models import Comment as BaseComment
    from django_comments_xtd.models import XtdComment

    from cms.comments.models import Comment

    content_type = ContentType.objects.get_for_model(procedure)
    started = procedure.opens_at
    span = (timezone.now() - started) / (count + 1)
    # The shape of each thread: how many replies its comment gets (0 to 3).
    shapes = []
    left = count
    while left:
        replies = min((len(shapes) + 1) % 4, left - 1)
        shapes.append(replies)
        left -= replies + 1
    plan = []
    for replies in shapes:
        plan.append(None)
        plan.extend([len(plan) - 1] * replies)
    base_rows = [
        BaseComment(
            content_type=content_type,
            object_pk=str(procedure.pk),
            site_id=settings.SITE_ID,
            user=users[position % len(users)],
            comment=f"{TEXTS[languages[position % len(languages)]]} [{position}]",
            submit_date=started + span * (position + 1),
            is_public=position % 97 != 50,
            is_removed=False,
        )
        for position in range(count)
    ]
    BaseComment.objects.bulk_create(base_rows, batch_size=BATCH)
    if base_rows[0].pk is None:  # a database that returns no ids from bulk inserts
        ids = list(
            BaseComment.objects.filter(
                content_type=content_type, object_pk=str(procedure.pk)
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )[-count:]
        for row, pk in zip(base_rows, ids, strict=True):
            row.pk = pk
    rows = []
    order = {}
    for position, (base, parent) in enumerate(zip(base_rows, plan, strict=True)):
        if parent is None:
            thread = base.pk
            order[thread] = 1
            level = 0
        else:
            thread = base_rows[parent].pk
            order[thread] += 1
            level = 1
        hidden = not base.is_public
        rows.append(
            Comment(
                comment_ptr_id=base.pk,
                xtdcomment_ptr_id=base.pk,
                thread_id=thread,
                parent_id=thread,
                level=level,
                order=order[thread],
                nested_count=0,
                followup=False,
                language=languages[position % len(languages)],
                stance="" if level else STANCES[position % 3],
                hidden_reason="Оскорбления." if hidden and position % 2 else "",
            )
        )
    nested = {}
    for row in rows:
        if row.level:
            nested[row.thread_id] = nested.get(row.thread_id, 0) + 1
    for row in rows:
        row.nested_count = nested.get(row.pk, 0) if not row.level else 0
    _insert(XtdComment, rows)
    _insert(Comment, rows)


def build_discussed_hearing(
    submissions, comments, *, slug=None, languages=COMMENT_LANGUAGES
):
    """An open hearing (ru page with tt and en translations) with ``submissions``
    moderated submissions and ``comments`` comments; its Russian page."""
    from hearings_plugin.factories import make_hearing
    from hearings_plugin.models import Stage

    slug = slug or f"discussed-{uuid.uuid4().hex[:8]}"
    page = make_hearing(
        Stage.OPEN,
        title="Генеральный план города Казани (обсуждение)",
        slug=slug,
        translate_to=("tt", "en"),
    )
    users = _users(slug)
    if submissions:
        add_submissions(page, submissions, users)
    if comments:
        add_comments(page.procedure, comments, users, languages)
    return page


def steps(page, later_page=40):
    """What a resident opens on the hearing, as (label, path) pairs."""
    from cms.comments.selectors import LANGUAGE_PARAM, PAGE_PARAM

    register = page.url + page.reverse_subpage("register")
    return [
        ("hearing page", page.url),
        ("register, page 1", register),
        (f"register, page {later_page}", f"{register}?page={later_page}"),
        ("discussion in Tatar", f"{page.url}?{LANGUAGE_PARAM}=tt"),
        ("discussion, page 2", f"{page.url}?{PAGE_PARAM}=2"),
    ]


def _measure(client, path, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm-up: site root paths, content types, templates
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    # Counted now: the captured list is a view of the connection's log, which
    # the next request clears.
    query_count = len(queries)
    size = len(response.content)
    latencies = []
    for _request in range(requests):
        started = time.perf_counter()
        client.get(path)
        latencies.append(time.perf_counter() - started)
    if len(latencies) > 1:
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        p50, p95 = cuts[49], cuts[94]
    else:
        p50 = p95 = latencies[0] if latencies else 0.0
    return {
        "url": path,
        "status": response.status_code,
        "requests": requests,
        "p50_ms": round(p50 * 1000, 2),
        "p95_ms": round(p95 * 1000, 2),
        "sql_queries": query_count,
        "bytes": size,
    }


def run_hearing_page_bench(submissions=5000, comments=20000, requests=50):
    """Build the hearing, render its pages ``requests`` times each; print and
    return rows of figures (status, p50/p95 in ms, SQL queries, bytes)."""
    from django.db import connections
    from django.test import Client

    started = time.perf_counter()
    page = build_discussed_hearing(submissions, comments)
    built = time.perf_counter() - started
    print(
        f"\nTiming the page of a public hearing with {submissions:,} submissions "
        f"and {comments:,} comments (built in {built:.1f} s)"
    )
    client = Client(HTTP_HOST=HOST)
    rows = []
    for label, path in steps(page):
        row = _measure(client, path, requests)
        row["step"] = label
        rows.append(row)
    connections.close_all()
    print_table(rows, requests)
    return rows


def print_table(rows, requests):
    print(f"In process, Django test client, {requests} requests each")
    width = max(len(row["step"]) for row in rows)
    header = (
        f"{'step':<{width}} {'p50 ms':>8} {'p95 ms':>8} {'SQL':>5} {'KiB':>7} "
        f"{'status':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['step']:<{width}} {row['p50_ms']:>8.2f} {row['p95_ms']:>8.2f} "
            f"{row['sql_queries']:>5} {row['bytes'] / 1024:>7.0f} {row['status']:>7}"
        )
