"""Questions to Q&A interviews in a resident's personal data (Federal Law 152-FZ).

On account deletion questions stay on the interview's list, since the answers
refer to them, but no longer name their author; the person's votes are taken
back and the questions' counts recounted.
"""

from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy

from wagtail import hooks

from cms.accounts.personal_data import PersonalDataProvider

from ..models import EventPage, Question, QuestionVote


def question_records(user):
    """Every question the person asked, newest first, with the interview's title."""
    if user.pk is None:
        return []
    questions = list(Question.objects.filter(user=user).order_by("-created_at", "-pk"))
    titles = dict(
        EventPage.objects.filter(
            translation_key__in={question.event_key for question in questions}
        ).values_list("translation_key", "title")
    )
    return [
        {
            "event": titles.get(question.event_key, ""),
            "question": question.text,
            "language": question.get_language_display(),
            "status": question.get_status_display(),
            "asked": question.created_at,
            "votes": question.vote_count,
        }
        for question in questions
    ]


def anonymise_questions(user):
    """Unlink the person's questions and take back their votes."""
    with transaction.atomic():
        voted = list(
            QuestionVote.objects.filter(user=user).values_list("question_id", flat=True)
        )
        QuestionVote.objects.filter(user=user).delete()
        Question.objects.filter(user=user).update(user=None)
        if voted:
            counted = (
                QuestionVote.objects.filter(question=OuterRef("pk"))
                .values("question")
                .annotate(number=Count("pk"))
                .values("number")
            )
            Question.objects.filter(pk__in=voted).update(
                vote_count=Coalesce(Subquery(counted), 0)
            )


@hooks.register("register_personal_data")
def questions_personal_data():
    return PersonalDataProvider(
        key="event_questions",
        title=gettext_lazy("Questions to interviews"),
        description=gettext_lazy(
            "The questions you asked before Q&A interviews. When you delete your "
            "account, your questions stay on the list without your name and your "
            "votes are taken back."
        ),
        fields={
            "event": gettext_lazy("Event"),
            "question": gettext_lazy("Question"),
            "language": gettext_lazy("Language"),
            "status": gettext_lazy("Status"),
            "asked": gettext_lazy("Asked"),
            "votes": gettext_lazy("Votes"),
        },
        collect=question_records,
        anonymise=anonymise_questions,
    )
