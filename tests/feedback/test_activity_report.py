"""The moderators' report of residents' activity in the admin."""

import csv
import datetime
import io
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts.roles import Role, create_roles
from cms.feedback import abuse
from cms.feedback.models import ActivityRecord

pytestmark = pytest.mark.django_db

User = get_user_model()
REPORT = "/admin/reports/feedback-activity/"


def account(username):
    return User.objects.create_user(
        username=username, email=f"{username}@example.org", password="pass-word-1"
    )


def staff_client(user):
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def with_role(username, role):
    create_roles()
    user = account(username)
    user.groups.add(Group.objects.get(name=role.value))
    return user


@pytest.fixture
def moderator():
    return with_role("moderator", Role.MODERATOR)


@pytest.fixture
def records():
    alsu, rustem = account("alsu"), account("rustem")
    abuse.record("rating", abuse.DONE, user=alsu, address="10.0.0.1",
                 target="page:1", detail="score 5")  # fmt: skip
    abuse.record("comment", abuse.REFUSED, user=rustem, address="10.0.0.2",
                 target="page:2", detail="markup")  # fmt: skip
    abuse.record("vote", abuse.THROTTLED, user=rustem, address="10.0.0.2",
                 target="wish:3")  # fmt: skip
    old = ActivityRecord.objects.create(
        action="wish", outcome=abuse.DONE, user=alsu, address="10.0.0.1",
        target="wish:4", detail="=cmd|' /C calc'!A0",
    )  # fmt: skip
    ActivityRecord.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=10)
    )
    return alsu, rustem


def cell(text, content):
    """Whether a table cell holds exactly ``text``."""
    return re.search(rf">\s*{re.escape(text)}\s*<", content) is not None


def rows(content):
    """The report's table rows, as the text between the tbody tags."""
    table = re.split(r'<table[^>]*class="listing', content, maxsplit=1)[1]
    body = table.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    return body.split("<tr")[1:]


def test_only_moderators_and_superusers_read_the_report(moderator, admin_client):
    editor = with_role("editor", Role.CULTURE_EDITOR)

    assert staff_client(moderator).get(REPORT).status_code == 200
    assert admin_client.get(REPORT).status_code == 200
    assert staff_client(editor).get(REPORT).status_code == 403
    assert staff_client(editor).get(REPORT + "results/").status_code == 403
    assert Client().get(REPORT).status_code == 302
    assert client_without_admin().get(REPORT).status_code == 302


def client_without_admin():
    client = Client()
    client.force_login(account("resident"))
    return client


def test_the_report_is_in_the_reports_menu_for_moderators_only(moderator):
    editor = with_role("editor", Role.CULTURE_EDITOR)

    assert REPORT in staff_client(moderator).get("/admin/").content.decode()
    assert REPORT not in staff_client(editor).get("/admin/").content.decode()


def test_records_are_listed_newest_first(moderator, records):
    content = staff_client(moderator).get(REPORT).content.decode()

    listed = rows(content)
    assert len(listed) >= 4
    assert "wish:3" in listed[0] and "page:2" in listed[1] and "page:1" in listed[2]
    assert "10.0.0.2" in listed[0] and "rustem" in listed[0]


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("action=comment", ["page:2"], ["page:1", "wish:3"]),
        ("outcome=throttled", ["wish:3"], ["page:1", "page:2"]),
        ("account=alsu", ["page:1", "wish:4"], ["page:2", "wish:3"]),
        ("account=RUSTEM@example.org", ["page:2", "wish:3"], ["page:1"]),
        ("address=10.0.0.1", ["page:1"], ["page:2"]),
    ],
)
def test_the_report_filters(moderator, records, query, shown, hidden):
    content = staff_client(moderator).get(f"{REPORT}?{query}").content.decode()

    for target in shown:
        assert target in content
    for target in hidden:
        assert target not in content


def test_the_report_filters_by_date(moderator, records):
    today = timezone.localdate()
    earlier = today - datetime.timedelta(days=10)
    client = staff_client(moderator)

    recent = client.get(
        f"{REPORT}?created_at_from={today:%Y-%m-%d}&created_at_to={today:%Y-%m-%d}"
    ).content.decode()
    old = client.get(
        f"{REPORT}?created_at_from={earlier:%Y-%m-%d}&created_at_to={earlier:%Y-%m-%d}"
    ).content.decode()

    assert "page:1" in recent and "wish:4" not in recent
    assert "wish:4" in old and "page:1" not in old


def test_garbage_filters_never_fail(moderator, records):
    client = staff_client(moderator)

    for query in (
        "address=not-an-address",
        "address=999.1.1.1",
        "created_at_from=yesterday&created_at_to=2026-13-45",
        "outcome=<script>",
        "action=%00",
        "account=99999999999999999999",
        "p=abc",
        "p=-1",
    ):
        assert client.get(f"{REPORT}?{query}").status_code == 200, query


def test_the_report_is_paginated_with_bounded_queries(
    moderator, django_assert_max_num_queries
):
    users = [account(f"user{n}") for n in range(10)]
    ActivityRecord.objects.bulk_create(
        ActivityRecord(
            action="vote", outcome=abuse.DONE, user=users[n % 10],
            address=f"10.1.{n // 250}.{n % 250}", target=f"wish:{n}",
        )
        for n in range(120)
    )  # fmt: skip
    client = staff_client(moderator)
    client.get(REPORT)

    with django_assert_max_num_queries(25):
        first = client.get(REPORT).content.decode()
    third = client.get(REPORT + "?p=3").content.decode()

    assert len(rows(first)) == 50
    assert cell("wish:119", first) and not cell("wish:0", first)
    assert cell("wish:0", third)


def test_the_csv_export_cannot_run_formulas(moderator, records):
    response = staff_client(moderator).get(REPORT + "?export=csv")

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    table = list(csv.reader(io.StringIO(content)))
    targets = [row[5] for row in table[1:]]
    assert {"page:1", "page:2", "wish:3", "wish:4"} <= set(targets)
    details = [row[6] for row in table[1:]]
    assert "'=cmd|' /C calc'!A0" in details
    assert not any(cell.startswith("=") for row in table for cell in row)
