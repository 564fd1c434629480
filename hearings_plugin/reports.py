"""The legal documents of a hearing as data: protocol, conclusion, annex, extract.

The protocol and the conclusion follow Article 5.1 (parts 18 and 22) of the Town
Planning Code: every registered submission is listed, those of participants who
live in or own property in the territory apart from the others, without personal
data. The participant annex and the extracts carry identification and are private.
Each builder returns a plain dict: the HTML page and the PDF render the same one.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import HearingResult, Submission
from .selectors import reports as selectors

CATEGORY_ORDER = (Submission.Category.TERRITORY, Submission.Category.OTHER)


def _category_titles():
    return {
        Submission.Category.TERRITORY: _(
            "Proposals and remarks of participants who live in the territory or own "
            "property there"
        ),
        Submission.Category.OTHER: _("Proposals and remarks of other participants"),
    }


def _labels(choices):
    return {value: str(label) for value, label in choices}


def hearing_facts(page, procedure):
    """What the documents say about the hearing, from the page and the procedure."""
    changes = [
        {
            "kind": change.get_kind_display(),
            "previous_closes_at": change.previous_closes_at,
            "closes_at": change.closes_at,
            "reason": change.reason,
            "changed_at": change.changed_at,
        }
        for change in procedure.period_changes.all()
    ]
    return {
        "title": page.title,
        "reference": procedure.reference,
        "organiser": page.organiser,
        "organiser_contact": page.organiser_contact,
        "territory": page.territory,
        "district": page.get_district_display(),
        "announced_at": procedure.announced_at,
        "opens_at": procedure.opens_at,
        "closes_at": procedure.closes_at,
        "period_changes": changes,
        "exposition_venue": page.exposition_venue,
        "exposition_address": page.exposition_address,
        "exposition_hours": page.exposition_hours,
        "documents": [
            document.display_title
            for document in page.documents.select_related("document")
        ],
    }


def _sections(rows):
    titles = _category_titles()
    sections = {
        category: {"category": category, "title": titles[category], "rows": []}
        for category in CATEGORY_ORDER
    }
    for row in rows:
        sections.setdefault(
            row["category"],
            {"category": row["category"], "title": row["category"], "rows": []},
        )["rows"].append(row)
    return list(sections.values())


def _public_row(row, kinds, hidden_note):
    return {
        "number": row["number"],
        "received_at": row["received_at"],
        "kind": kinds.get(row["kind"], row["kind"]),
        "category": row["category"],
        "text": row["text"],
        "note": hidden_note
        if row["moderation"] == Submission.Moderation.HIDDEN
        else "",
    }


def recommendation(row, answers):
    """The organiser's answer to a submission; a duplicate gets its original's."""
    original = row.get("duplicate_of__number")
    if original:
        return {
            "status": answers.get(row["duplicate_of__answer_status"], ""),
            "text": row["duplicate_of__answer_text"],
            "reference": _("Repeats submission No. %(number)s: see the answer to it.")
            % {"number": original},
        }
    return {
        "status": answers.get(row["answer_status"], ""),
        "text": row["answer_text"],
        "reference": "",
    }


def _document(kind, result, page, procedure, title):
    return {
        "kind": kind,
        "title": title,
        "number": result.number,
        "signed_on": result.signed_on,
        "published_at": result.published_at,
        "text": result.text,
        "city": _("Kazan, Republic of Tatarstan"),
        "organiser": page.organiser,
        "hearing": hearing_facts(page, procedure),
    }


def protocol(page, procedure, result):
    """The protocol: every submission, split territory / others, and the count."""
    kinds = _labels(Submission.Kind.choices)
    hidden = _("Hidden from the public register by the moderator.")
    rows = (
        _public_row(row, kinds, hidden) for row in selectors.document_rows(procedure)
    )
    sections = _sections(rows)
    document = _document(
        HearingResult.Kind.PROTOCOL, result, page, procedure, _("Protocol")
    )
    document.update(
        sections=sections,
        submissions=sum(len(section["rows"]) for section in sections),
        participants=selectors.count_participants(procedure.submissions.all()),
    )
    return document


def conclusion(page, procedure, result, protocol_result):
    """The conclusion: each submission with the organiser's reasoned recommendation."""
    kinds = _labels(Submission.Kind.choices)
    answers = _labels(Submission.Answer.choices[1:])
    hidden = _("Hidden from the public register by the moderator.")

    def rows():
        for row in selectors.document_rows(procedure):
            public = _public_row(row, kinds, hidden)
            public["recommendation"] = recommendation(row, answers)
            yield public

    sections = _sections(rows())
    document = _document(
        HearingResult.Kind.CONCLUSION, result, page, procedure, _("Conclusion")
    )
    document.update(
        sections=sections,
        submissions=sum(len(section["rows"]) for section in sections),
        participants=selectors.count_participants(procedure.submissions.all()),
        protocol={
            "number": protocol_result.number if protocol_result else "",
            "signed_on": protocol_result.signed_on if protocol_result else None,
        },
    )
    return document


def _identity(row):
    if row["identity_kind"] == Submission.IdentityKind.LEGAL_ENTITY:
        return {
            "kind": _("legal entity"),
            "name": row["organisation_name"],
            "birth_date": None,
            "ogrn": row["ogrn"],
            "address": row["address"],
        }
    return {
        "kind": _("natural person"),
        "name": row["full_name"],
        "birth_date": row["birth_date"],
        "ogrn": "",
        "address": row["address"],
    }


def participants(page, procedure, result):
    """The private annex: each participant's identification and submission numbers.

    One account is one participant as long as its identification stayed the
    same; a submission whose account was deleted is a participant of its own.
    """
    people = {}
    for row in selectors.participant_rows(procedure):
        identity = _identity(row)
        key = (
            row["author_id"] or ("number", row["number"]),
            identity["name"],
            identity["birth_date"],
            identity["ogrn"],
            identity["address"],
        )
        person = people.setdefault(key, {**identity, "numbers": []})
        person["numbers"].append(row["number"])
    people = sorted(people.values(), key=lambda person: person["numbers"][0])
    for position, person in enumerate(people, start=1):
        person["position"] = position
    document = _document(
        "participants", result, page, procedure, _("List of participants")
    )
    document.update(
        participants_list=people,
        participants=len(people),
        protocol={"number": result.number, "signed_on": result.signed_on},
    )
    return document


def extract(page, procedure, submission, results):
    """An extract about one submission for its author: what the protocol records."""
    protocol_result = results[HearingResult.Kind.PROTOCOL]
    conclusion_result = results.get(HearingResult.Kind.CONCLUSION)
    document = _document(
        "extract",
        protocol_result,
        page,
        procedure,
        _("Extract about a submission to the public hearing"),
    )
    # The extract is numbered by the submission and dated the day it is made.
    document["number"] = submission.number
    document["signed_on"] = timezone.localdate()
    answer = None
    if conclusion_result is not None:
        original = submission.duplicate_of
        answers = _labels(Submission.Answer.choices[1:])
        answer = recommendation(
            {
                "answer_status": submission.answer_status,
                "answer_text": submission.answer_text,
                "duplicate_of__number": original.number if original else "",
                "duplicate_of__answer_status": original.answer_status
                if original
                else "",
                "duplicate_of__answer_text": original.answer_text if original else "",
            },
            answers,
        )
    identity = _identity(
        {
            "identity_kind": submission.identity_kind,
            "full_name": submission.full_name,
            "birth_date": submission.birth_date,
            "organisation_name": submission.organisation_name,
            "ogrn": submission.ogrn,
            "address": submission.address,
        }
    )
    document.update(
        protocol={
            "number": protocol_result.number,
            "signed_on": protocol_result.signed_on,
        },
        conclusion={
            "number": conclusion_result.number,
            "signed_on": conclusion_result.signed_on,
        }
        if conclusion_result
        else None,
        submission={
            "number": submission.number,
            "received_at": submission.received_at,
            "kind": submission.get_kind_display(),
            "category": submission.get_category_display(),
            "text": submission.text,
            "attachment_name": submission.attachment_name,
            "recommendation": answer,
        },
        identity=identity,
        issued_at=timezone.now(),
        text="",
    )
    return document
