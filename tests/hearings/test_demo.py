"""The demo hearings: six in three languages, one in every stage, a concluded
General Plan with answered submissions, generated bilingual PDFs, seeded once."""

import io
import re
from collections import Counter

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Site
from wagtail_localize.models import Translation

import pytest
from pypdf import PdfReader

from cms.comments.actions import comments_of
from cms.comments.models import Comment
from hearings_plugin import demo_content, seed
from hearings_plugin.models import (
    NOTICE_PERIOD,
    CommentPeriodChange,
    HearingPage,
    HearingResult,
    Stage,
    Submission,
)
from tests.hearings.conftest import submit

pytestmark = pytest.mark.django_db

TATAR_LETTERS = re.compile("[әөүҗңһ]", re.IGNORECASE)
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
SPECS = {spec["key"]: spec for spec in demo_content.HEARINGS}


def ru_page(key):
    return HearingPage.objects.get(slug=SPECS[key]["slug"], locale__language_code="ru")


def hearing(key, code="ru"):
    return HearingPage.objects.get(
        translation_key=ru_page(key).translation_key, locale__language_code=code
    )


def test_every_stage_has_a_demo_hearing_in_three_languages_as_real_translations():
    stages = {}
    for key, spec in SPECS.items():
        page = ru_page(key)
        stages[key] = page.procedure.stage
        translations = HearingPage.objects.filter(translation_key=page.translation_key)
        assert {p.locale.language_code: p.live for p in translations} == {
            "ru": True,
            "tt": True,
            "en": True,
        }
        assert {p.procedure_id for p in translations} == {page.procedure_id}
        tatar = translations.get(locale__language_code="tt")
        english = translations.get(locale__language_code="en")
        assert tatar.title == spec["tt"]["title"]
        assert TATAR_LETTERS.search(tatar.title + tatar.introduction)
        assert english.organiser == spec["en"]["organiser"]
        assert not CYRILLIC.search(english.title + english.introduction)
        assert (
            Translation.objects.filter(
                source__object_id=page.translation_key, enabled=True
            ).count()
            == 2
        )
    assert stages == {
        "general-plan": Stage.CONCLUSION,
        "tikhoretskaya": Stage.OPEN,
        "school": Stage.ANNOUNCED,
        "deviation": Stage.CLOSED,
        "territory-planning": Stage.PROTOCOL,
        "park": Stage.ARCHIVED,
    }


def test_dates_keep_the_notice_period_and_the_open_hearing_closes_in_two_weeks():
    for key in SPECS:
        procedure = ru_page(key).procedure
        assert procedure.opens_at - procedure.announced_at >= NOTICE_PERIOD
        assert procedure.announced_at < procedure.opens_at < procedure.closes_at
    open_one = ru_page("tikhoretskaya").procedure
    left = open_one.closes_at - timezone.now()
    assert 12 <= left.days <= 15
    school = ru_page("school").procedure
    assert 7 <= (school.opens_at - timezone.now()).days <= 9


def test_general_plan_has_answered_numbered_submissions_and_its_results():
    procedure = ru_page("general-plan").procedure
    submissions = list(procedure.submissions.all())
    assert len(submissions) == procedure.last_number >= 30
    assert [s.sequence for s in submissions] == list(range(1, len(submissions) + 1))
    assert all(
        s.number == f"{procedure.reference}-{s.sequence:04d}" for s in submissions
    )
    received = [s.received_at for s in submissions]
    assert received == sorted(received)
    assert procedure.opens_at <= received[0] and received[-1] < procedure.closes_at
    assert all(s.identity_confirmed_at == s.received_at for s in submissions)
    assert all(s.is_answered and s.answer_text for s in submissions)
    assert all(procedure.closes_at < s.answered_at for s in submissions)
    assert all(
        s.full_name and s.birth_date and s.address
        if s.identity_kind == "person"
        else s.organisation_name and len(s.ogrn) == 13 and s.address
        for s in submissions
    )
    assert {s.category for s in submissions} == {Submission.Category.TERRITORY}
    moderation = Counter(s.moderation for s in submissions)
    assert moderation[Submission.Moderation.PUBLISHED] > len(submissions) * 0.8
    hidden = [s for s in submissions if s.moderation == Submission.Moderation.HIDDEN]
    assert hidden and all(s.moderation_reason for s in hidden)
    assert any(s.duplicate_of_id for s in submissions)
    assert {s.answer_status for s in submissions} >= {"accepted", "rejected"}
    assert Counter(s.language for s in submissions).most_common(1)[0][0] == "ru"
    assert len({s.language for s in submissions}) >= 2
    results = {r.kind: r for r in procedure.results.all()}
    assert set(results) == {"protocol", "conclusion"}
    assert results["conclusion"].text and results["protocol"].number
    assert procedure.conclusion_published_at > procedure.protocol_published_at


def test_later_stages_carry_what_their_stage_implies():
    closed = ru_page("deviation").procedure
    assert closed.submissions.exists()
    assert not closed.results.exists()
    change = CommentPeriodChange.objects.get(procedure=closed)
    assert change.kind == "extended" and change.closes_at == closed.closes_at
    assert ru_page("deviation").closes_at == change.previous_closes_at
    protocol = ru_page("territory-planning").procedure
    assert list(protocol.results.values_list("kind", flat=True)) == ["protocol"]
    answers = Counter(bool(s.answer_status) for s in protocol.submissions.all())
    assert answers[True] and answers[False]
    archived = ru_page("park").procedure
    assert archived.results.count() == 2
    assert not archived.submissions.filter(answer_status="").exists()
    assert not ru_page("school").procedure.submissions.exists()


def test_open_hearing_has_registered_submissions_and_answered_questions():
    procedure = ru_page("tikhoretskaya").procedure
    submissions = list(procedure.submissions.all())
    assert len(submissions) == procedure.last_number >= 5
    assert {s.moderation for s in submissions} == {"published", "pending"}
    answered = [s for s in submissions if s.is_answered]
    assert answered and all(s.kind == "question" for s in answered)


def test_open_demo_hearing_accepts_a_verified_residents_submission(
    verified_resident,
):
    page = hearing("tikhoretskaya", "tt")
    before = page.procedure.last_number

    submission = submit(page, verified_resident, text="Велосипед юлын киңәйтергә.")

    assert submission.language == "tt"
    assert submission.sequence == before + 1
    assert submission.number.endswith(f"-{before + 1:04d}")


def test_demo_participants_are_verified_and_cannot_sign_in():
    participants = get_user_model().objects.filter(
        username__startswith="demo.participant."
    )
    assert participants.count() >= 30
    for user in participants[:40]:
        assert user.is_verified_resident
        assert not user.has_usable_password()
    kinds = Counter(p.esia_identity.kind for p in participants)
    assert kinds["legal_entity"] and kinds["person"] > kinds["legal_entity"]


def test_documents_are_bilingual_pdfs_with_tatar_letters():
    page = ru_page("general-plan")
    documents = list(page.documents.all())
    assert len(documents) == 3
    for item in documents:
        document = item.document
        assert document.file.name.endswith(".pdf")
        with document.open_file() as pdf:
            data = pdf.read()
        assert data.startswith(b"%PDF")
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        assert "Генерального плана" in text
        assert TATAR_LETTERS.search(text)
    for code in ("tt", "en"):
        translation = hearing("general-plan", code)
        titles = [item.display_title for item in translation.documents.all()]
        assert demo_content.DOCUMENTS["note"][code] in titles[0]
        assert [item.document_id for item in translation.documents.all()] == [
            item.document_id for item in documents
        ]
    for key in SPECS:
        assert 1 <= ru_page(key).documents.count() <= 3


def test_demo_hearing_pages_render_in_every_language(client):
    for key in SPECS:
        for code in ("ru", "tt", "en"):
            page = hearing(key, code)
            response = client.get(page.url)
            assert response.status_code == 200, (key, code)


def test_demo_discussions_are_threaded_multilingual_and_moderated(settings):
    discussed = {}
    for key, counts in demo_content.DISCUSSION_COUNTS.items():
        procedure = ru_page(key).procedure
        comments = list(comments_of(procedure).select_related("user").order_by("pk"))
        discussed[key] = len(comments)
        assert len(comments) in (counts["small"], counts["full"])
        assert {c.site_id for c in comments} == {settings.SITE_ID}
        assert all(c.user.username.startswith("demo.participant.") for c in comments)
        assert all(c.author_name != "Resident" for c in comments)
        dates = [c.submit_date for c in comments]
        assert dates == sorted(dates)
        assert procedure.opens_at <= dates[0] and dates[-1] <= timezone.now()
        replies = [c for c in comments if c.level]
        assert replies and all(c.thread_id == c.parent_id for c in replies)
        by_pk = {c.pk: c for c in comments}
        assert all(by_pk[c.parent_id].user_id != c.user_id for c in replies)
        assert all(c.thread_id == c.pk for c in comments if not c.level)
    assert set(discussed) == {"general-plan", "tikhoretskaya", "territory-planning"}
    plan = list(comments_of(ru_page("general-plan").procedure))
    assert Counter(c.language for c in plan).most_common(1)[0][0] == "ru"
    assert {c.language for c in plan} == {"ru", "tt", "en"}
    assert {c.stance for c in plan if not c.level} == {"support", "oppose", "neutral"}
    (hidden,) = [c for c in plan if not c.is_public]
    assert hidden.is_hidden_by_moderator and hidden.reviewed_at
    assert not comments_of(ru_page("school").procedure).exists()
    assert not comments_of(ru_page("park").procedure).exists()


def test_the_demo_discussion_shows_on_the_hearing_page(client):
    procedure = ru_page("general-plan").procedure
    hidden = comments_of(procedure).get(is_public=False)
    shown = comments_of(procedure).filter(is_public=True, level=0).latest("pk")
    tatar = comments_of(procedure).filter(language="tt").first()

    html = client.get(ru_page("general-plan").url).content.decode()
    tatar_page = client.get(hearing("general-plan", "tt").url).content.decode()

    assert f'id="c{shown.pk}"' in html and shown.comment.split()[0] in html
    assert hidden.hidden_reason in html and hidden.comment not in html
    assert f'id="c{tatar.pk}"' in html and f'id="c{shown.pk}"' in tatar_page


def test_seeding_again_adds_nothing():
    home = Site.objects.get(is_default_site=True).root_page.specific
    counts = (
        HearingPage.objects.count(),
        Submission.objects.count(),
        HearingResult.objects.count(),
        CommentPeriodChange.objects.count(),
        get_user_model().objects.count(),
        Comment.objects.count(),
    )
    documents = get_document_model().objects.count()

    seed.seed_demo(home, season="full")

    assert (
        HearingPage.objects.count(),
        Submission.objects.count(),
        HearingResult.objects.count(),
        CommentPeriodChange.objects.count(),
        get_user_model().objects.count(),
        Comment.objects.count(),
    ) == counts
    assert get_document_model().objects.count() == documents
