"""Questions in the personal data page, export and account deletion."""

import pytest

from cms.accounts.personal_data import collect_sections
from events_plugin.editing.questions_data import anonymise_questions
from events_plugin.models import Question, QuestionVote
from tests.events.test_registration import make_event, resident

pytestmark = pytest.mark.django_db


def test_questions_are_listed_and_unlinked_with_votes_taken_back():
    event = make_event("interview", registration=False)
    asker, voter = resident("asker"), resident("voter")
    question = Question.objects.create(
        event_key=event.translation_key,
        user=asker,
        text="Когда откроется библиотека после ремонта?",
        language="ru",
        status="approved",
    )
    other = Question.objects.create(
        event_key=event.translation_key,
        user=voter,
        text="Будут ли занятия по субботам?",
        language="ru",
        status="approved",
        vote_count=1,
    )
    QuestionVote.objects.create(question=other, user=asker)

    sections = {section.key: section for section in collect_sections(asker)}
    records = sections["event_questions"].records
    assert [record["question"] for record in records] == [question.text]
    assert records[0]["event"] == event.title

    anonymise_questions(asker)
    question.refresh_from_db()
    other.refresh_from_db()
    assert question.user is None and question.text
    assert other.vote_count == 0
    assert not QuestionVote.objects.filter(user=asker).exists()
