"""A hearing page with 5,000 submissions and 20,000 comments renders with bounded
queries: the hearing page, its register and its discussion are paginated, so
each takes no more queries than for a hearing with one submission and one
comment (with a reply). PostgreSQL gets the full size; SQLite a tenth of it, to
stay fast."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from bench.hearing_page import build_discussed_hearing, steps
from cms.comments.actions import comments_of
from cms.comments.models import Comment
from hearings_plugin.models import Submission

pytestmark = pytest.mark.django_db

SIZES = {"postgresql": (5000, 20000)}
SMALLER = (500, 2000)


def _queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries), response.content.decode()


@pytest.fixture
def large():
    submissions, comments = SIZES.get(connection.vendor, SMALLER)
    page = build_discussed_hearing(submissions, comments, slug="large-hearing")
    return page, submissions, comments


def test_the_bulk_built_thread_is_what_posting_would_make(large):
    page, submissions, comments = large
    thread = list(comments_of(page.procedure).order_by("pk"))
    assert len(thread) == comments
    assert page.procedure.submissions.count() == submissions
    by_pk = {comment.pk: comment for comment in thread}
    for comment in thread:
        if comment.level == 0:
            assert comment.thread_id == comment.parent_id == comment.pk
            assert comment.order == 1
        else:
            parent = by_pk[comment.parent_id]
            assert (parent.level, comment.level) == (0, 1)
            assert comment.thread_id == parent.pk and comment.order > 1
    assert {c.language for c in thread} == {"ru", "tt", "en"}
    top = thread[0]
    replies = [c for c in thread if c.level and c.parent_id == top.pk]
    assert top.nested_count == len(replies)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_hearing_page_register_and_thread_take_bounded_queries(
    client, large, signed_in
):
    page, submissions, comments = large
    # One submission and one comment with a reply, in Tatar: every query the
    # pages make appears already (a reply's parent is looked up in a filtered list).
    tiny = build_discussed_hearing(1, 2, slug="tiny-hearing", languages=("tt",))
    if signed_in:
        client.force_login(Comment.objects.filter(user__isnull=False).first().user)
    published = Submission.objects.filter(procedure=page.procedure).count()
    later = max(2, published // 50 - 1)
    large_steps = steps(page, later_page=later)
    tiny_steps = steps(tiny, later_page=later)
    for (label, path), (_label, tiny_path) in zip(large_steps, tiny_steps, strict=True):
        _queries(client, tiny_path)  # warm caches: site root paths, content types
        bound, _html = _queries(client, tiny_path)
        used, html = _queries(client, path)
        assert 0 < used <= bound, (label, used, bound)
    _used, register_later = _queries(client, large_steps[2][1])
    assert f"{page.procedure.reference}-" in register_later
    _used, tatar = _queries(client, large_steps[3][1])
    assert 'aria-current="true"' in tatar
    latest_tatar = comments_of(page.procedure).filter(language="tt").latest("pk")
    assert f'id="c{latest_tatar.pk}"' in tatar
    _used, second = _queries(client, large_steps[4][1])
    newest = comments_of(page.procedure).filter(level=0).latest("pk")
    assert f'id="c{newest.pk}"' not in second
    assert "comments_page=3" in second
    assert submissions and comments
