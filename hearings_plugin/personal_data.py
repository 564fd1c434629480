"""Hearing submissions in a resident's personal data page and export."""

from django.utils.translation import gettext_lazy

from wagtail import hooks

from cms.accounts.personal_data import HOOK_NAME, PersonalDataProvider


def detach_submissions(user):
    """On account deletion the submissions stay, no longer linked to the account.

    They are the legal record of the hearings (Article 5.1 of the Town Planning
    Code): the protocol lists each one with the identification it was made with.
    """
    from .models import Submission

    Submission.objects.filter(author=user).update(author=None)


def submission_records(user):
    from .selectors.submissions import submission_records

    return submission_records(user)


@hooks.register(HOOK_NAME)
def submissions_personal_data():
    return PersonalDataProvider(
        key="hearing_submissions",
        title=gettext_lazy("Submissions to public hearings"),
        description=gettext_lazy(
            "Your proposals, remarks and questions to public hearings, with the "
            "identification from Gosuslugi stored with each, as the law requires. "
            "Only you and the hearing's organisers see the identification. When "
            "you delete your account, your submissions are kept: they are the "
            "legal record of the hearing and are listed in its protocol. They are "
            "no longer linked to your account."
        ),
        fields={
            "number": gettext_lazy("Registration number"),
            "hearing": gettext_lazy("Hearing"),
            "hearing_reference": gettext_lazy("Hearing reference"),
            "language": gettext_lazy("Language of the page"),
            "kind": gettext_lazy("Kind"),
            "category": gettext_lazy("Participant"),
            "district": gettext_lazy("District"),
            "text": gettext_lazy("Text"),
            "attachment": gettext_lazy("Attachment"),
            "received_at": gettext_lazy("Received"),
            "identity_kind": gettext_lazy("Submitted as"),
            "full_name": gettext_lazy("Full name"),
            "birth_date": gettext_lazy("Date of birth"),
            "address": gettext_lazy("Address"),
            "organisation_name": gettext_lazy("Organisation"),
            "ogrn": gettext_lazy("OGRN"),
            "identity_confirmed_at": gettext_lazy("Identification confirmed"),
            "moderation": gettext_lazy("Moderation"),
            "moderation_reason": gettext_lazy("Reason given by the moderator"),
            "answer": gettext_lazy("Answer"),
            "answer_text": gettext_lazy("Reasoned answer"),
        },
        collect=submission_records,
        anonymise=detach_submissions,
    )
