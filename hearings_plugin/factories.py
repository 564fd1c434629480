"""Hearings in a chosen stage, and verified residents: for tests and the demo seed."""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale

from .models import HearingIndexPage, HearingPage, HearingResult, Stage
from .models.pages import Topic
from .models.submissions import District

DAY = datetime.timedelta(days=1)


def stage_dates(stage, now=None):
    """Dates of a hearing that is in ``stage`` at ``now``."""
    now = now or timezone.now()
    if stage == Stage.ANNOUNCED:
        return {
            "announced_at": now - DAY,
            "opens_at": now + 9 * DAY,
            "closes_at": now + 30 * DAY,
        }
    if stage == Stage.OPEN:
        return {
            "announced_at": now - 12 * DAY,
            "opens_at": now - 4 * DAY,
            "closes_at": now + 17 * DAY,
        }
    return {
        "announced_at": now - 60 * DAY,
        "opens_at": now - 50 * DAY,
        "closes_at": now - 20 * DAY,
    }


def make_hearing(
    stage=Stage.OPEN,
    *,
    title="Проект планировки территории",
    slug=None,
    index=None,
    translate_to=(),
    now=None,
    **fields,
):
    """A published Russian hearing page in ``stage`` (translations optional).

    Later stages get the protocol and conclusion records their dates imply.
    """
    now = now or timezone.now()
    index = index or HearingIndexPage.objects.get(locale__language_code="ru")
    page = HearingPage(
        title=title,
        slug=slug or f"hearing-{uuid.uuid4().hex[:8]}",
        introduction=fields.pop("introduction", "Проект решения для обсуждения."),
        organiser=fields.pop("organiser", "Управление градостроительных разрешений"),
        topic=fields.pop("topic", Topic.TERRITORY_PLANNING),
        district=fields.pop("district", District.VAKHITOVSKY),
        **{**stage_dates(stage, now), **fields},
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    procedure = page.procedure
    results = []
    if stage in (Stage.PROTOCOL, Stage.CONCLUSION, Stage.ARCHIVED):
        procedure.protocol_published_at = now - 10 * DAY
        results.append(HearingResult.Kind.PROTOCOL)
    if stage in (Stage.CONCLUSION, Stage.ARCHIVED):
        procedure.conclusion_published_at = now - 5 * DAY
        results.append(HearingResult.Kind.CONCLUSION)
    if stage == Stage.ARCHIVED:
        procedure.archived_at = now - DAY
    procedure.save()
    for kind in results:
        HearingResult.objects.create(
            procedure=procedure,
            kind=kind,
            number=f"{procedure.reference}-{kind[0].upper()}",
            signed_on=timezone.localdate(),
            text="",
        )
    for code in translate_to:
        translation = page.copy_for_translation(Locale.objects.get(language_code=code))
        translation.save_revision().publish()
    return HearingPage.objects.get(pk=page.pk)


def make_verified_resident(username, *, legal_entity=False, **identity):
    """An account whose identity ESIA confirmed, with every field the law needs."""
    from cms.accounts.models import EsiaIdentity

    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="pass-" + username
    )
    defaults = {
        "last_name": "Валиев",
        "first_name": "Ильдар",
        "middle_name": "Рустамович",
        "birth_date": datetime.date(1970, 5, 17),
        "address": "420111, Казань, ул. Баумана, д. 1, кв. 2",
    }
    if legal_entity:
        defaults = {
            "kind": EsiaIdentity.Kind.LEGAL_ENTITY,
            "organisation_name": "ООО «Казанский проект»",
            "ogrn": "1021602841234",
            "address": "420012, Казань, ул. Пушкина, д. 5",
        }
    EsiaIdentity.objects.create(
        user=user, subject=f"esia-{username}", trusted=True, **{**defaults, **identity}
    )
    return get_user_model().objects.get(pk=user.pk)
