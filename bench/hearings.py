"""The documents and figures of a public hearing with thousands of submissions.

``bench.run`` calls :func:`run` after the page load test, in its own process and
on the bench's throw-away database: it adds one concluded hearing with N
submissions (5,000 by default; bulk-inserted, answered, some hidden, in Russian,
Tatar and English) and times, with Django's test ``Client``, the protocol and the
conclusion as HTML, their PDFs rendered by WeasyPrint and then served from the
cache, the statistics of the hearing and of all hearings, and the CSV open data.
The PDFs are rendered in the request here (the limit above which a download
leaves the rendering to a background thread is lifted) so their time shows.
It reports figures and never judges them.
"""

import datetime
import time
import uuid

HOST = "127.0.0.1"
TEXTS = {
    "ru": (
        "Прошу сохранить сквер у школы № 12 и не допустить строительства "
        "многоэтажного паркинга на месте детской площадки; предлагаю устроить "
        "освещённый пешеходный переход через улицу и высадить деревья вдоль "
        "тротуара."
    ),
    "tt": (
        "Мәктәп янындагы скверны саклап калырга һәм балалар мәйданчыгы урынында "
        "күпкатлы паркинг төземәскә кирәк; урам аша яктыртылган җәяүлеләр кичүе "
        "ясарга һәм тротуар буенча агачлар утыртырга тәкъдим итәм."
    ),
    "en": (
        "Please keep the square by school No. 12 and do not build a multi-storey "
        "car park on the playground; I propose a lit pedestrian crossing over the "
        "street and trees along the pavement."
    ),
}


def build_hearing(count):
    """A concluded hearing with ``count`` answered submissions; its Russian page."""
    from django.utils import timezone

    from hearings_plugin.factories import make_hearing
    from hearings_plugin.models import District, Stage, Submission

    page = make_hearing(
        Stage.CONCLUSION,
        title="Генеральный план города Казани (бенчмарк)",
        translate_to=("tt", "en"),
        territory="Городской округ Казань",
        exposition_venue="Казанская ратуша",
    )
    procedure = page.procedure
    languages = list(TEXTS)
    districts = [value for value in District.values if value != District.CITY]
    kinds = [choice.value for choice in Submission.Kind]
    answers = [value for value in Submission.Answer.values if value]
    started = procedure.opens_at
    span = (procedure.closes_at - procedure.opens_at) / max(count, 1)
    rows = []
    for sequence in range(1, count + 1):
        language = languages[sequence % len(languages)]
        received = started + span * sequence
        rows.append(
            Submission(
                procedure=procedure,
                page=page,
                language=language,
                sequence=sequence,
                number=f"{procedure.reference}-{sequence:04d}",
                client_token=uuid.uuid4(),
                kind=kinds[sequence % len(kinds)],
                category=("territory", "other")[sequence % 3 == 0],
                district=districts[sequence % len(districts)],
                text=f"{TEXTS[language]} ({sequence})",
                identity_kind="person",
                full_name=f"Участник Номер {sequence}",
                birth_date=datetime.date(1960 + sequence % 40, 1 + sequence % 12, 1),
                address=f"420000, Казань, ул. Тестовая, д. {sequence}",
                identity_confirmed_at=received,
                received_at=received,
                moderation=("published", "hidden")[sequence % 25 == 0],
                moderated_at=received,
                answer_status=answers[sequence % len(answers)],
                answer_text="Рассмотрено организатором; обоснование приведено.",
                answered_at=timezone.now(),
            )
        )
    Submission.objects.bulk_create(rows, batch_size=1000)
    procedure.last_number = count
    procedure.save(update_fields=["last_number"])
    return page


def measure(client, path):
    """One GET: seconds, SQL queries, status and bytes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        cpu_started = time.process_time()
        response = client.get(path)
        content = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
    return {
        "url": path,
        "status": response.status_code,
        "seconds": round(seconds, 3),
        # The bench process's CPU time: below "seconds" when other processes
        # took the CPU (background PDF renders run in this process, too).
        "cpu_seconds": round(cpu_seconds, 3),
        "sql_queries": len(queries),
        "bytes": len(content),
    }


def run(count):
    """Build the hearing and time its documents; rows of figures."""
    from django.db import connections
    from django.test import Client, override_settings

    from hearings_plugin.models import HearingIndexPage

    started = time.perf_counter()
    page = build_hearing(count)
    built = time.perf_counter() - started
    print(f"  hearing with {count} submissions built in {built:.1f} s")
    index = HearingIndexPage.objects.get(locale__language_code="ru")
    client = Client(HTTP_HOST=HOST)
    client.get(page.url)  # warm Wagtail's site root paths

    def at(owner, route, *args):
        return owner.url + owner.reverse_subpage(route, args=args or None)

    steps = [
        ("protocol HTML", at(page, "protocol")),
        ("protocol PDF, rendered", at(page, "protocol_pdf")),
        ("protocol PDF, from cache", at(page, "protocol_pdf")),
        ("conclusion HTML", at(page, "conclusion")),
        ("conclusion PDF, rendered", at(page, "conclusion_pdf")),
        ("conclusion PDF, from cache", at(page, "conclusion_pdf")),
        ("hearing statistics", at(page, "hearing_statistics")),
        ("statistics of all hearings", at(index, "statistics")),
        ("open data CSV", at(page, "hearing_open_data", "csv")),
    ]
    rows = []
    with override_settings(HEARINGS_PDF_RENDER_IN_REQUEST_LIMIT=count + 1):
        for label, path in steps:
            row = measure(client, path)
            row["step"] = label
            rows.append(row)
    connections.close_all()
    return rows


def print_table(rows, count):
    print(f"\nPublic hearing with {count} submissions (in process, one request each)")
    width = max(len(row["step"]) for row in rows)
    header = (
        f"{'step':<{width}} {'seconds':>9} {'CPU s':>7} {'SQL':>5} {'KiB':>8} "
        f"{'status':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['step']:<{width}} {row['seconds']:>9.3f} "
            f"{row['cpu_seconds']:>7.2f} {row['sql_queries']:>5} "
            f"{row['bytes'] / 1024:>8.0f} {row['status']:>7}"
        )
