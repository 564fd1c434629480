"""Comments in a resident's personal data page and export (Federal Law 152-FZ).

On account deletion the comments stay in their threads, since replies answer
them, but nothing links them to the person any more: no account, name, email,
website or address; the thread shows their author as "Resident".
"""

from django.utils.translation import gettext_lazy as _

from .models import Comment
from .policies import policy_for


def comment_records(user):
    """Every comment the person wrote, newest first, hidden ones included."""
    if user.pk is None:
        return []
    comments = list(
        Comment.objects.filter(user=user, is_removed=False)
        .select_related("content_type")
        .order_by("-submit_date", "-pk")
    )
    titles = {}
    records = []
    for comment in comments:
        key = (comment.content_type_id, comment.object_pk, comment.language)
        if key not in titles:
            titles[key] = _thread_title(comment)
        records.append(
            {
                "where": titles[key],
                "language": comment.get_language_display(),
                "stance": comment.get_stance_display() if comment.stance else "",
                "text": comment.comment,
                "posted": comment.submit_date,
                "reply": comment.level > 0,
                "followup": comment.followup,
                "visibility": str(_visibility(comment)),
                "hidden_reason": comment.hidden_reason,
            }
        )
    return records


def _thread_title(comment):
    model = comment.content_type.model_class()
    policy = policy_for(model) if model is not None else None
    target = comment.content_object if model is not None else None
    if target is None:
        return ""
    if policy is None:
        return str(target)
    return policy.title(target, comment.language)


def _visibility(comment):
    if comment.is_public:
        return _("Public")
    if comment.is_hidden_by_moderator:
        return _("Hidden by a moderator")
    return _("Hidden after reports, awaiting a moderator's review")


def detach_comments(user):
    """Keep the person's comments in their threads, no longer linked to them."""
    Comment.norel_objects.filter(user=user).update(
        user=None,
        user_name="",
        user_email="",
        user_url="",
        ip_address=None,
        followup=False,
    )


PROVIDER_FIELDS = {
    "where": _("Discussion"),
    "language": _("Language"),
    "stance": _("Position"),
    "text": _("Text"),
    "posted": _("Posted"),
    "reply": _("Reply to another comment"),
    "followup": _("Email about replies"),
    "visibility": _("Shown"),
    "hidden_reason": _("Reason given by the moderator"),
}
