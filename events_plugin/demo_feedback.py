"""Demo feedback on the season: ratings, comments, questions and programme wishes.

The events seed calls :func:`seed_feedback` inside its transaction once the
events exist. Every event whose first date is over gets ratings (skewed per
event, attendees' marked) and, one in two, a comment thread in Russian, Tatar
and English; Q&A interviews get questions; the programme gets wishes. Rows are
bulk-inserted from a fixed seed, aggregates and vote counts recounted; an event
that already has feedback, and wishes already on the site, are left as they are.
"""

import datetime
import math
import random
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Min

from cms.feedback import ratings
from cms.feedback.models import PageFeedback, Rating

SEED = 20261122
BATCH = 500
LANGUAGES = ("ru", "tt", "en")

# Authors besides the numbered demo residents: English speakers who write in
# English, and the culture department whose reply is marked official.
ENGLISH_AUTHORS = (
    ("demo.anna.k@example.org", "Anna", "Kellerman"),
    ("demo.james.w@example.org", "James", "Whitfield"),
    ("demo.sophie.l@example.org", "Sophie", "Laurent"),
)
DEPARTMENT = ("demo.culture.department@example.org", "Управление культуры", "")

# Comments: top-level texts and replies, by language. Each fits any event.
COMMENTS = {
    "ru": (
        "Спасибо организаторам! Смотрели всей семьёй, звук и картинка были отличные.",
        "Очень понравилось, особенно вторая часть. Жаль, что так быстро закончилось.",
        "Первый раз смотрела трансляцию на сайте, разобралась сама, без помощи "
        "внуков. Спасибо!",
        "Минут десять в начале не было звука, потом наладили. В остальном всё хорошо.",
        "Хотелось бы, чтобы такие события проводили и по выходным: в будни после "
        "работы не успеваю.",
        "Интересно и понятно рассказано. Подскажите, где можно найти материалы, о "
        "которых говорили?",
        "Включали субтитры на татарском, очень удобно. Пожалуйста, делайте так всегда.",
        "Было немного затянуто, но в целом полезно. Поставила четыре звезды.",
    ),
    "tt": (
        "Оештыручыларга зур рәхмәт! Бөтен гаилә белән карадык.",
        "Бик ошады, аеруча ахыргы өлеше. Тагын шундый чаралар булсын иде.",
        "Татарча аңлатулар өчен рәхмәт, әби-бабайларга да аңлаешлы булды.",
        "Башта тавыш начар ишетелде, аннары көйләделәр. Калганы яхшы.",
        "Язмасын кайда карап була? Эштә идем, туры эфирны карый алмадым.",
        "Балалар белән бергә карадык, аларга да кызык булды.",
    ),
    "en": (
        "Thank you! I am new in Kazan and this was a lovely way to learn about "
        "the city's culture.",
        "Great to have English subtitles. The sound dropped out for a minute at "
        "the start, but otherwise perfect.",
        "Very well organised. Will there be a recording with subtitles in English?",
        "My neighbour recommended this and I am glad I watched. Looking forward "
        "to the next one.",
    ),
}
REPLIES = {
    "ru": (
        "Согласна, мне тоже очень понравилось.",
        "Запись уже есть на странице события, можно пересмотреть.",
        "У меня тоже сначала не было звука, помогло обновить страницу.",
        "Поддерживаю, по выходным было бы удобнее.",
    ),
    "tt": (
        "Килешәм, миңа да бик ошады.",
        "Язма чара битендә бар, карап була.",
        "Рәхмәт, мин дә шулай уйлыйм.",
    ),
    "en": (
        "Agreed, it was excellent.",
        "The recording is on the event page now, with subtitles.",
    ),
}
OFFICIAL_REPLY = (
    "Здравствуйте! Спасибо за отзыв. Запись и материалы уже на странице события; "
    "о новых встречах мы сообщаем в программе и в группе управления ВКонтакте."
)

# Questions to Q&A interviews by domain (the interview's subject), by language.
QUESTIONS = {
    "theatre": {
        "ru": (
            "Будут ли спектакли с синхронным переводом на русский язык?",
            "Планирует ли театр онлайн-трансляции премьер для тех, кто не может "
            "прийти?",
            "Есть ли льготные билеты для пенсионеров на дневные спектакли?",
        ),
        "tt": (
            "Яңа сезонда балалар өчен нинди спектакльләр булачак?",
            "Театр авыл районнарына гастрольләргә чыгачакмы?",
        ),
        "en": ("Are there performances with English subtitles for visitors?",),
    },
    "history": {
        "ru": (
            "Какие фестивали пройдут летом в парках Казани?",
            "Будут ли бесплатные кружки в домах культуры для пожилых людей?",
            "Когда откроется после ремонта дом культуры в Авиастроительном районе?",
        ),
        "tt": (
            "Сабантуйда татар җырчыларының концерты булачакмы?",
            "Мәдәният йортларында балалар өчен татар теле түгәрәкләре ачылачакмы?",
        ),
        "en": ("Will the summer festival programme be published in English?",),
    },
    "museums": {
        "ru": (
            "Будут ли экскурсии для людей с нарушением зрения?",
            "Можно ли записаться на экскурсию для класса через сайт?",
        ),
        "tt": ("Музейда татарча аудиогид бармы?",),
        "en": ("Is there a free entry day for students?",),
    },
}
DEFAULT_QUESTIONS = {
    "ru": (
        "Где можно посмотреть запись, если не успею к началу?",
        "Будет ли продолжение этой встречи осенью?",
        "Как предложить свою тему для следующего эфира?",
    ),
    "tt": ("Киләсе очрашу кайчан булачак?",),
    "en": ("Will there be a recording with English subtitles?",),
}
REJECTION_REASON = "Вопрос не по теме встречи; задайте его в разделе «Пожелания»."

# Programme wishes: language, title, details, domain, format, audience, status,
# the editors' note, the slug of the event that answers it.
WISHES = (
    (
        "ru",
        "Курс по Госуслугам для пенсионеров",
        "Как записаться к врачу и оплатить квартиру через интернет, медленно и "
        "с повторением.",
        "digital",
        "course",
        "seniors",
        "done",
        "Курс идёт в районной библиотеке, записывайтесь на странице события.",
        "course-smartphone-seniors",
    ),
    (
        "ru",
        "Мастер-класс по игре на курае для детей",
        "Хотим, чтобы дети попробовали сыграть на курае вместе с родителями.",
        "music",
        "masterclass",
        "children",
        "planned",
        "Планируем на весенние каникулы вместе с музыкальной школой.",
        "",
    ),
    (
        "ru",
        "Лекции по истории старых улиц Казани",
        "Про Старо-Татарскую слободу и улицу Баумана, с фотографиями.",
        "history",
        "lecture",
        "adults",
        "open",
        "",
        "",
    ),
    (
        "ru",
        "Скандинавская ходьба по утрам в парке",
        "",
        "sport",
        "sports_class",
        "seniors",
        "open",
        "",
        "",
    ),
    (
        "tt",
        "Татар әдәбияты буенча онлайн-лекцияләр",
        "Тукай, Җәлил, Әмирхан иҗаты турында татар телендә.",
        "literature",
        "lecture",
        "youth",
        "open",
        "",
        "",
    ),
    (
        "tt",
        "Балалар өчен курчак театры спектакльләре",
        "Ял көннәрендә туры эфирда.",
        "theatre",
        "livestream",
        "children",
        "open",
        "",
        "",
    ),
    (
        "tt",
        "Милли бизәкләр ясау буенча мастер-класс",
        "",
        "fine-art",
        "masterclass",
        "adults",
        "declined",
        "Бу сезонда мастерлар юк; киләсе елга калдырабыз.",
        "",
    ),
    (
        "en",
        "Tours of the Kremlin in English",
        "Virtual tours with an English-speaking guide for students and visitors.",
        "museums",
        "virtual_tour",
        "youth",
        "open",
        "",
        "",
    ),
    (
        "en",
        "Tatar language lessons for beginners",
        "Short online lessons for people who moved to Kazan.",
        "literature",
        "course",
        "adults",
        "open",
        "",
        "",
    ),
)


@dataclass
class CommentRow:
    """One comment to insert; ``reply_to`` is the position of its parent."""

    user: object
    text: str
    language: str
    submit_date: datetime.datetime
    reply_to: int | None = None
    official: bool = False
    is_public: bool = True


def seed_feedback(index, now):
    """Ratings, comments, questions and wishes on the programme under ``index``.

    Returns how many of each were added.
    """
    residents = _residents()
    english = _accounts(ENGLISH_AUTHORS)
    department = _accounts([DEPARTMENT], staff=True)[0]
    # Who writes in which language: residents who registered in Tatar write
    # in Tatar, the English speakers in English.
    authors = {
        "ru": [user for number, user in residents.items() if number % 4],
        "tt": [user for number, user in residents.items() if number % 4 == 0],
        "en": english,
    }
    events = held_events(index.locale, now)
    feedback = _feedback_rows(events)
    added = {"ratings": 0, "comments": 0, "questions": 0, "wishes": 0}
    if feedback:
        added["ratings"] = _seed_ratings(events, feedback, residents, now)
        added["comments"] = _seed_comments(events, feedback, authors, department, now)
        cache.delete(ratings.PRIOR_CACHE_KEY)
    added["questions"] = _seed_questions(
        index.locale, authors, residents, department, now
    )
    added["wishes"] = _seed_wishes(index.locale, authors, residents, english, now)
    return added


def held_events(locale, now):
    """Live event pages of ``locale`` whose first date is over, in tree order,
    each with ``first_end`` (when residents could first rate it)."""
    from .models import EventOccurrence, EventPage

    first_ends = dict(
        EventOccurrence.objects.filter(
            page__locale=locale, page__live=True, cancelled=False
        )
        .values("page")
        .annotate(first_end=Min("end"))
        .filter(first_end__lte=now)
        .values_list("page", "first_end")
    )
    pages = list(
        EventPage.objects.filter(pk__in=first_ends)
        .select_related("domain")
        .order_by("path")
    )
    for page in pages:
        page.first_end = first_ends[page.pk]
    return pages


def _residents():
    """The numbered demo residents (made by the events seed), by number."""
    from .seed import ensure_demo_residents

    return ensure_demo_residents()


def _accounts(specs, staff=False):
    """Demo authors with unusable passwords: data, not accounts to sign in with."""
    user_model = get_user_model()
    emails = [email for email, _first, _last in specs]
    existing = set(
        user_model.objects.filter(username__in=emails).values_list(
            "username", flat=True
        )
    )
    missing = []
    for email, first_name, last_name in specs:
        if email in existing:
            continue
        user = user_model(
            username=email,
            email=email,
            first_name=first_name,
            last_name=last_name,
            is_staff=staff,
            email_verified=True,
        )
        user.set_unusable_password()
        missing.append(user)
    user_model.objects.bulk_create(missing)
    by_email = user_model.objects.in_bulk(emails, field_name="username")
    return [by_email[email] for email in emails]


def _feedback_rows(events):
    """New :class:`PageFeedback` rows of the events that have none, by page pk."""
    from .models import EventPage

    keys = {page.translation_key: page for page in events}
    existing = set(
        PageFeedback.objects.filter(translation_key__in=keys).values_list(
            "translation_key", flat=True
        )
    )
    page_type = ContentType.objects.get_for_model(EventPage)
    rows = [
        PageFeedback(translation_key=key, page_type=page_type)
        for key in keys
        if key not in existing
    ]
    PageFeedback.objects.bulk_create(rows, batch_size=BATCH)
    stored = PageFeedback.objects.filter(
        translation_key__in=[row.translation_key for row in rows]
    )
    return {keys[row.translation_key].pk: row for row in stored}


def _rng(*parts):
    return random.Random(":".join(str(part) for part in (SEED, *parts)))  # noqa: S311 - demo data


def _moment(rng, after, now, days=6):
    """A time in the ``days`` after ``after``, never later than ``now``."""
    span = max((min(now, after + datetime.timedelta(days=days)) - after), _ZERO)
    return after + datetime.timedelta(seconds=rng.uniform(0, span.total_seconds()))


_ZERO = datetime.timedelta(0)


def _scores(rng, quality, count):
    """``count`` scores 1..5 around ``quality``: the event's reputation."""
    weights = [math.exp(-((score - quality) ** 2) / 1.2) for score in range(1, 6)]
    return rng.choices(range(1, 6), weights=weights, k=count)


def _seed_ratings(events, feedback, residents, now):
    """Skewed ratings per event: some events loved, some middling."""
    from .demo_season import resident_language
    from .models import Registration

    attendees = {}
    for key, user_id in Registration.objects.filter(
        event_key__in=[page.translation_key for page in events if page.pk in feedback],
        status=Registration.Status.CONFIRMED,
    ).values_list("event_key", "user_id"):
        attendees.setdefault(key, set()).add(user_id)
    numbers = {user.pk: number for number, user in residents.items()}
    rows = []
    for page in events:
        if page.pk not in feedback:
            continue
        rng = _rng("ratings", page.slug)
        quality = rng.triangular(2.2, 4.9, 4.3)
        took_part = attendees.get(page.translation_key, set())
        others = [user for user in residents.values() if user.pk not in took_part]
        count = rng.randint(4, 40)
        chosen = [residents[numbers[pk]] for pk in sorted(took_part) if pk in numbers]
        chosen += rng.sample(others, min(count, len(others)))
        for user, score in zip(chosen, _scores(rng, quality, len(chosen)), strict=True):
            by_attendee = user.pk in took_part
            if by_attendee:
                score = min(5, score + rng.choice((0, 0, 1)))
            rated = _moment(rng, page.first_end, now)
            rows.append(
                Rating(
                    feedback=feedback[page.pk],
                    user=user,
                    score=score,
                    language=resident_language(numbers[user.pk]),
                    by_attendee=by_attendee,
                    created_at=rated,
                    updated_at=rated,
                )
            )
    with dates_as_given(Rating):
        Rating.objects.bulk_create(rows, batch_size=BATCH)
    for row in feedback.values():
        ratings.recount(row)
    return len(rows)


@contextmanager
def dates_as_given(model):
    """Within it, inserts keep the dates set on ``model`` rows: its ``auto_now``
    and ``auto_now_add`` fields stop replacing them with the present moment."""
    fields = [
        field
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _seed_comments(events, feedback, authors, department, now):
    """A thread on every other held event: comments in ru, tt and en, replies,
    and one reply of the culture department (official where comments can be)."""
    content_type = ContentType.objects.get_for_model(PageFeedback)
    total = 0
    official_given = False
    for number, page in enumerate(events):
        if page.pk not in feedback or number % 2:
            continue
        rng = _rng("comments", page.slug)
        rows = []
        when = page.first_end
        for _thread in range(rng.randint(2, 5)):
            language = rng.choices(LANGUAGES, weights=(6, 3, 2))[0]
            when = _moment(rng, when, now, days=2)
            root = len(rows)
            rows.append(
                CommentRow(
                    rng.choice(authors[language]),
                    rng.choice(COMMENTS[language]),
                    language,
                    when,
                )
            )
            for _reply in range(rng.choice((0, 0, 1, 1, 2))):
                language = rng.choices(LANGUAGES, weights=(6, 3, 1))[0]
                when = _moment(rng, when, now, days=1)
                rows.append(
                    CommentRow(
                        rng.choice(authors[language]),
                        rng.choice(REPLIES[language]),
                        language,
                        when,
                        reply_to=root,
                    )
                )
            if not official_given:
                official_given = True
                when = _moment(rng, when, now, days=1)
                rows.append(
                    CommentRow(
                        department,
                        OFFICIAL_REPLY,
                        "ru",
                        when,
                        reply_to=root,
                        official=True,
                    )
                )
        total += len(insert_comments(content_type, feedback[page.pk].pk, rows))
    return total


def has_official_comments():
    """Whether the site's comments carry the ``official`` mark (a later migration)."""
    from cms.comments.models import Comment

    return any(field.name == "official" for field in Comment._meta.concrete_fields)


def insert_comments(content_type, object_pk, rows, site_id=None):
    """Bulk-insert ``rows`` (:class:`CommentRow`, each thread in reading order) as
    one thread target's comments, with the thread fields ``XtdComment.save``
    gives; the stored comments.

    A top-level comment is its own thread and parent (level 0, order 1); a reply
    takes its parent's thread, ``level + 1`` and the next order in the thread;
    ``nested_count`` counts every comment below. ``bulk_create`` refuses
    multi-table inheritance, so each of the three tables is filled by itself.
    """
    from django_comments.models import Comment as BaseComment
    from django_comments_xtd.models import XtdComment

    from cms.comments.models import Comment

    site_id = site_id or settings.SITE_ID
    base_rows = [
        BaseComment(
            content_type=content_type,
            object_pk=str(object_pk),
            site_id=site_id,
            user=row.user,
            comment=row.text,
            submit_date=row.submit_date,
            is_public=row.is_public,
            is_removed=False,
        )
        for row in rows
    ]
    BaseComment.objects.bulk_create(base_rows, batch_size=BATCH)
    if rows and base_rows[0].pk is None:  # a database that returns no ids
        ids = list(
            BaseComment.objects.filter(
                content_type=content_type, object_pk=str(object_pk)
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )[-len(rows) :]
        for base, pk in zip(base_rows, ids, strict=True):
            base.pk = pk
    official = has_official_comments()
    comments = []
    last_order = {}
    for row, base in zip(rows, base_rows, strict=True):
        if row.reply_to is None:
            parent = None
            thread, level = base.pk, 0
        else:
            parent = comments[row.reply_to]
            thread, level = parent.thread_id, parent.level + 1
        last_order[thread] = last_order.get(thread, 0) + 1
        comment = Comment(
            comment_ptr_id=base.pk,
            xtdcomment_ptr_id=base.pk,
            content_type=content_type,
            object_pk=str(object_pk),
            site_id=site_id,
            user=row.user,
            comment=row.text,
            submit_date=row.submit_date,
            is_public=row.is_public,
            thread_id=thread,
            parent_id=parent.pk if parent else base.pk,
            level=level,
            order=last_order[thread],
            nested_count=0,
            followup=False,
            language=row.language,
        )
        if official:
            comment.official = row.official
        comment._ancestors = [*parent._ancestors, parent] if parent else []
        for ancestor in comment._ancestors:
            ancestor.nested_count += 1
        comments.append(comment)
    for model in (XtdComment, Comment):
        fields = model._meta.local_concrete_fields
        for start in range(0, len(comments), BATCH):
            model._base_manager._insert(comments[start : start + BATCH], fields=fields)
    return comments


def _seed_questions(locale, authors, residents, department, now):
    """Questions on Q&A interviews without any: answered at times in the
    recording once it is over, approved with votes and an order, a few waiting."""
    from .models import EventPage, Question, QuestionVote

    interviews = list(
        EventPage.objects.filter(locale=locale, live=True, event_type="qa_interview")
        .select_related("domain")
        .prefetch_related("recordings")
        .order_by("path")
    )
    asked = set(
        Question.objects.filter(
            event_key__in=[page.translation_key for page in interviews]
        ).values_list("event_key", flat=True)
    )
    voters = list(residents.values())
    questions = []
    for page in interviews:
        if page.translation_key in asked:
            continue
        rng = _rng("questions", page.slug)
        occurrences = [o for o in page.get_occurrences() if not o.cancelled]
        if not occurrences:
            continue
        start, end = occurrences[0].start, occurrences[-1].end
        recordings = list(page.recordings.all())
        over = end <= now and recordings
        texts = QUESTIONS.get(page.domain.slug if page.domain else "", {})
        pool = []
        # The interview's own subject first, then questions any interview gets.
        for source in (texts, DEFAULT_QUESTIONS):
            some = [(code, text) for code in LANGUAGES for text in source.get(code, ())]
            rng.shuffle(some)
            pool.extend(some)
        duration = recordings[0].duration if recordings else None
        seconds = int(duration.total_seconds()) if duration else 3600
        asked_at = min(start, now) - datetime.timedelta(days=5)
        for position, (code, text) in enumerate(pool[:6], start=1):
            question = Question(
                event_key=page.translation_key,
                user=rng.choice(authors[code]),
                text=text,
                language=code,
                created_at=asked_at + datetime.timedelta(hours=7 * position),
            )
            if position == 6:
                question.status = Question.Status.REJECTED
                question.rejection_reason = REJECTION_REASON
            elif over and position <= 4:
                question.status = Question.Status.ANSWERED
                question.position = position
                question.answer_recording = 1
                question.answer_seconds = seconds * position // 6 + rng.randint(0, 90)
                question.answered_at = start + datetime.timedelta(
                    seconds=question.answer_seconds
                )
            elif position <= 3 or over:
                question.status = Question.Status.APPROVED
                question.position = position if position <= 2 else None
            else:
                question.status = Question.Status.PENDING
            if question.status != Question.Status.PENDING:
                question.moderated_by = department
                question.moderated_at = min(
                    now, question.created_at + datetime.timedelta(hours=3)
                )
            questions.append(question)
    chosen = {}
    for number, question in enumerate(questions):
        if question.status in (Question.Status.APPROVED, Question.Status.ANSWERED):
            rng = _rng("votes", question.event_key, number)
            others = [user for user in voters if user.pk != question.user_id]
            chosen[number] = rng.sample(others, rng.randint(1, 25))
            question.vote_count = len(chosen[number])
    with dates_as_given(Question):
        Question.objects.bulk_create(questions, batch_size=BATCH)
    QuestionVote.objects.bulk_create(
        [
            QuestionVote(question=questions[number], user=user)
            for number, users in chosen.items()
            for user in users
        ],
        batch_size=BATCH,
    )
    return len(questions)


def _seed_wishes(locale, authors, residents, english, now):
    """The programme wishes, once: open ones with votes, one planned, one done
    and linked to its event, one declined."""
    from .models import Audience, EventPage, Wish, WishVote

    titles = [spec[1] for spec in WISHES]
    if Wish.objects.filter(title__in=titles).exists():
        return 0
    audiences = {audience.key: audience for audience in Audience.objects.all()}
    events = dict(
        EventPage.objects.filter(
            locale=locale, slug__in=[spec[8] for spec in WISHES if spec[8]]
        ).values_list("slug", "translation_key")
    )
    rng = _rng("wishes")
    voters = list(residents.values()) + list(english)
    wishes = []
    for number, (
        code,
        title,
        details,
        domain,
        kind,
        audience,
        status,
        note,
        slug,
    ) in enumerate(WISHES):
        proposed = now - datetime.timedelta(days=60 - 6 * number, hours=number)
        wish = Wish(
            title=title,
            description=details,
            domain=domain,
            event_type=kind,
            audience=audiences.get(audience),
            language=code,
            user=rng.choice(authors[code]),
            status=status,
            editor_note=note,
            event_key=events.get(slug),
            created_at=proposed,
        )
        if status != Wish.Status.OPEN:
            wish.status_changed_at = proposed + datetime.timedelta(days=9)
        wishes.append(wish)
    chosen = []
    for wish in wishes:
        others = [user for user in voters if user.pk != wish.user_id]
        chosen.append(rng.sample(others, rng.randint(2, 48)))
        wish.vote_count = len(chosen[-1])
    with dates_as_given(Wish):
        Wish.objects.bulk_create(wishes)
    WishVote.objects.bulk_create(
        [
            WishVote(wish=wish, user=user)
            for wish, users in zip(wishes, chosen, strict=True)
            for user in users
        ],
        batch_size=BATCH,
    )
    return len(wishes)
