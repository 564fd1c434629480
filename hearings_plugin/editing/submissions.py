"""The organisers' workbench: submissions to filter, search, answer and group.

Everyone sees the submissions of the hearings they answer or moderate; the
participants' names, addresses and dates of birth appear only where the person
may see personal data. Bulk actions work without JavaScript: the row checkboxes
belong to the form under the table.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton

import django_filters

from .. import actions
from ..models import AnswerTemplate, District, Submission
from ..selectors.workbench import (
    hearing_choices,
    workbench_scope,
    workbench_submissions,
)
from .procedure import NAMESPACE, forbidden

ANSWER_CHOICES = Submission.Answer.choices[1:]
UNANSWERED = "none"


class SubmissionFilterSet(WagtailFilterSet):
    """Filters of the workbench; the hearings offered are those of the person."""

    hearing = django_filters.ChoiceFilter(
        label=_("Hearing"), field_name="procedure_id", empty_label=_("All")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Submission.Kind.choices, empty_label=_("All")
    )
    category = django_filters.ChoiceFilter(
        label=_("Participant"),
        choices=Submission.Category.choices,
        empty_label=_("All"),
    )
    moderation = django_filters.ChoiceFilter(
        label=_("Moderation"),
        choices=Submission.Moderation.choices,
        empty_label=_("All"),
    )
    answer = django_filters.ChoiceFilter(
        label=_("Answer"),
        choices=[(UNANSWERED, _("Not answered yet")), *ANSWER_CHOICES],
        method="filter_answer",
        empty_label=_("All"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All")
    )
    district = django_filters.ChoiceFilter(
        label=_("District"), choices=District.choices, empty_label=_("All")
    )
    duplicates = django_filters.ChoiceFilter(
        label=_("Duplicates"),
        choices=[
            ("duplicates", _("Repeats another submission")),
            ("originals", _("Has repeating submissions")),
            ("single", _("Not grouped")),
        ],
        method="filter_duplicates",
        empty_label=_("All"),
    )

    class Meta:
        model = Submission
        fields = []

    def __init__(self, *args, hearings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["hearing"].extra["choices"] = hearing_choices(hearings)

    def filter_answer(self, queryset, name, value):
        if value == UNANSWERED:
            return queryset.filter(answer_status="")
        return queryset.filter(answer_status=value) if value else queryset

    def filter_duplicates(self, queryset, name, value):
        if value == "duplicates":
            return queryset.filter(duplicate_of__isnull=False)
        if value == "originals":
            return queryset.filter(duplicates__isnull=False).distinct()
        if value == "single":
            return queryset.filter(duplicate_of__isnull=True, duplicates__isnull=True)
        return queryset


class SelectColumn(BaseColumn):
    """A checkbox per row, owned by the bulk actions form under the table."""

    cell_template_name = "hearings/admin/select_cell.html"
    header_template_name = "hearings/admin/select_header.html"


def detail_url(submission):
    return reverse(f"{NAMESPACE}:submission", args=[submission.pk])


def personal_value(scope, accessor):
    """A column accessor that shows personal data only where it may be seen."""

    def value(submission):
        if not scope.may_see_personal_data(submission):
            return _("hidden")
        return accessor(submission)

    return value


def participant_name(submission):
    return submission.full_name or submission.organisation_name


def birth_date(submission):
    return submission.birth_date.strftime("%d.%m.%Y") if submission.birth_date else ""


def duplicate_display(submission):
    if submission.duplicate_of_id:
        return submission.duplicate_of.number
    return ""


class SubmissionScopeMixin:
    """The person's scope, decided once per request; 403 for those without one."""

    forbidden_title = _("Submissions")

    def dispatch(self, request, *args, **kwargs):
        self.scope = workbench_scope(request.user)
        if not self.permitted():
            return forbidden(request, self.forbidden_title)
        return super().dispatch(request, *args, **kwargs)

    def permitted(self):
        return bool(self.scope.visible)


class SubmissionIndexView(SubmissionScopeMixin, BaseListingView):
    """Submissions of the person's hearings, filtered, searched and paginated."""

    page_title = _("Submissions")
    header_icon = "mail"
    template_name = "hearings/admin/submission_index.html"
    index_url_name = f"{NAMESPACE}:submissions"
    index_results_url_name = f"{NAMESPACE}:submissions_results"
    filterset_class = SubmissionFilterSet
    is_searchable = True
    search_backend_name = None
    search_fields = ["number", "text"]
    default_ordering = "-received_at"
    paginate_by = 50
    verbose_name = _("submission")
    verbose_name_plural = _("submissions")

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "hearings": self.scope.visible}

    def get_base_queryset(self):
        return workbench_submissions(self.scope.visible)

    def get_valid_orderings(self):
        return [*super().get_valid_orderings(), "-received_at"]

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "pk")

    @cached_property
    def columns(self):
        columns = [
            SelectColumn("select", label=_("Select")),
            TitleColumn(
                "number",
                label=_("Number"),
                get_url=detail_url,
                sort_key="number",
            ),
            Column("hearing_title", label=_("Hearing")),
            Column("kind", label=_("Kind"), accessor="get_kind_display"),
            DateColumn("received_at", label=_("Received"), sort_key="received_at"),
            Column(
                "moderation", label=_("Moderation"), accessor="get_moderation_display"
            ),
            Column("answer", label=_("Answer"), accessor="get_answer_status_display"),
            Column("duplicate_of", label=_("Duplicate of"), accessor=duplicate_display),
        ]
        if self.scope.personal_data:
            columns += [
                Column(
                    "name",
                    label=_("Participant"),
                    accessor=personal_value(self.scope, participant_name),
                ),
                Column(
                    "address",
                    label=_("Address"),
                    accessor=personal_value(self.scope, lambda s: s.address),
                ),
                Column(
                    "birth_date",
                    label=_("Date of birth"),
                    accessor=personal_value(self.scope, birth_date),
                ),
            ]
        return columns

    def get_header_buttons(self):
        buttons = [
            HeaderButton(
                _("Moderation queue"),
                url=reverse(f"{NAMESPACE}:moderation"),
                icon_name="tasks",
            )
        ]
        if self.scope.answer:
            query = self.request.GET.copy()
            for name in (self.page_kwarg, "_w_filter_fragment"):
                query.pop(name, None)
            url = reverse(f"{NAMESPACE}:export")
            if query:
                url = f"{url}?{query.urlencode()}"
            buttons.append(
                HeaderButton(_("Download CSV"), url=url, icon_name="download")
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bulk_url"] = reverse(f"{NAMESPACE}:bulk")
        context["bulk_actions"] = BULK_ACTIONS
        return context


class AnswerForm(forms.Form):
    """The reasoned answer: typed, or taken from a template."""

    template = forms.ModelChoiceField(
        label=_("Answer template"),
        queryset=AnswerTemplate.objects.all(),
        required=False,
        help_text=_("Fills the answer and its text when you leave them empty."),
    )
    status = forms.ChoiceField(
        label=_("Answer"),
        choices=[("", _("Choose…")), *ANSWER_CHOICES],
        required=False,
    )
    text = forms.CharField(
        label=_("Reasoned answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        template = cleaned.get("template")
        if template is not None:
            cleaned["status"] = cleaned.get("status") or template.status
            cleaned["text"] = cleaned.get("text") or template.text
        return cleaned


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Submission.Moderation.PUBLISHED, _("Publish in the public register")),
            (Submission.Moderation.HIDDEN, _("Hide from the public register")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason shown to the author"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required when you hide a submission."),
    )


class DuplicatesForm(forms.Form):
    original = forms.ChoiceField(
        label=_("The original"),
        widget=forms.RadioSelect,
        help_text=_("The others are marked as repeating it and follow its answer."),
    )

    def __init__(self, *args, submissions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["original"].choices = [(str(s.pk), s.number) for s in submissions]


def answer(submissions, user, data):
    return actions.AnswerSubmissionsAction(
        submissions, user, data["status"], data["text"]
    ).execute()


def moderate(submissions, user, data):
    steps = [
        actions.ModerateSubmissionAction(
            submission, user, data["decision"], data["reason"]
        )
        for submission in submissions
    ]
    for step in steps:
        step.check()
    with transaction.atomic():
        return [step.execute() for step in steps]


def group_duplicates(submissions, user, data):
    original = next(s for s in submissions if str(s.pk) == data["original"])
    return actions.MarkDuplicatesAction(submissions, original, user).execute()


# action → (label, form, run, success message)
BULK_ACTIONS = {
    "answer": (_("Answer with a template or text"), AnswerForm, answer),
    "duplicates": (_("Group as duplicates"), DuplicatesForm, group_duplicates),
    "moderate": (_("Publish or hide"), ModerationForm, moderate),
}


def done_message(action, count):
    if action == "answer":
        text = ngettext(
            "%(count)d submission answered.", "%(count)d submissions answered.", count
        )
    elif action == "duplicates":
        text = ngettext(
            "%(count)d submission marked as a duplicate.",
            "%(count)d submissions marked as duplicates.",
            count,
        )
    else:
        text = ngettext(
            "%(count)d submission moderated.", "%(count)d submissions moderated.", count
        )
    return text % {"count": count}


class SubmissionBulkView(SubmissionScopeMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm and run one bulk action on the chosen submissions."""

    page_title = _("Submissions")
    header_icon = "mail"
    template_name = "hearings/admin/submission_bulk.html"

    def selected(self, data):
        ids = [value for value in data.getlist("id") if value.isdigit()]
        return list(
            workbench_submissions(self.scope.visible)
            .filter(pk__in=ids)
            .order_by("sequence", "pk")
        )

    def action_name(self, data):
        name = data.get("action", "")
        return name if name in BULK_ACTIONS else None

    def make_form(self, name, submissions, data=None):
        form_class = BULK_ACTIONS[name][1]
        if form_class is DuplicatesForm:
            return form_class(data, submissions=submissions)
        return form_class(data)

    def back(self):
        return redirect(f"{NAMESPACE}:submissions")

    def get(self, request, *args, **kwargs):
        name = self.action_name(request.GET)
        submissions = self.selected(request.GET)
        if name is None or not submissions:
            messages.error(request, _("Choose submissions and what to do with them."))
            return self.back()
        return self.render(name, submissions, self.make_form(name, submissions))

    def post(self, request, *args, **kwargs):
        name = self.action_name(request.POST)
        submissions = self.selected(request.POST)
        if name is None or not submissions:
            messages.error(request, _("Choose submissions and what to do with them."))
            return self.back()
        form = self.make_form(name, submissions, request.POST)
        if form.is_valid():
            try:
                result = BULK_ACTIONS[name][2](
                    submissions, request.user, form.cleaned_data
                )
            except actions.HearingError as error:
                form.add_error(None, error.message)
            else:
                count = result if isinstance(result, int) else len(result)
                messages.success(request, done_message(name, count))
                return self.back()
        return self.render(name, submissions, form)

    def render(self, name, submissions, form):
        return self.render_to_response(
            self.get_context_data(
                action=name,
                action_label=BULK_ACTIONS[name][0],
                submissions=submissions,
                form=form,
                cancel_url=reverse(f"{NAMESPACE}:submissions"),
            )
        )


class SubmissionDetailView(
    SubmissionScopeMixin, WagtailAdminTemplateMixin, TemplateView
):
    """One submission: its text, answer and moderation, and personal data if allowed."""

    page_title = _("Submission")
    header_icon = "mail"
    template_name = "hearings/admin/submission_detail.html"

    def permitted(self):
        if not self.scope.visible:
            return False
        self.submission = get_object_or_404(
            workbench_submissions(self.scope.visible).select_related("page"),
            pk=self.kwargs["pk"],
        )
        return True

    def get_page_subtitle(self):
        return self.submission.number

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{NAMESPACE}:submissions"), "label": _("Submissions")},
            {"url": "", "label": self.submission.number},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.submission
        may_answer = self.scope.may_answer(submission)
        may_moderate = self.scope.may_moderate(submission)
        personal = self.scope.may_see_personal_data(submission)
        context.update(
            submission=submission,
            personal_data=personal,
            attachment_url=(
                submission.page.url + f"submissions/{submission.pk}/attachment/"
                if personal and submission.attachment and submission.page
                else ""
            ),
            duplicates=list(submission.duplicates.order_by("sequence")),
        )
        if may_answer:
            context.setdefault(
                "answer_form",
                AnswerForm(
                    initial={
                        "status": submission.answer_status,
                        "text": submission.answer_text,
                    }
                ),
            )
        else:
            context.pop("answer_form", None)
        if may_moderate:
            context.setdefault(
                "moderation_form",
                ModerationForm(
                    initial={
                        "decision": submission.moderation,
                        "reason": submission.moderation_reason,
                    }
                ),
            )
        else:
            context.pop("moderation_form", None)
        return context

    def post(self, request, *args, **kwargs):
        submission = self.submission
        if request.POST.get("form") == "answer":
            form = AnswerForm(request.POST)
            key = "answer_form"
            run = answer
        elif request.POST.get("form") == "moderate":
            form = ModerationForm(request.POST)
            key = "moderation_form"
            run = moderate
        else:
            return redirect(f"{NAMESPACE}:submission", pk=submission.pk)
        if form.is_valid():
            try:
                run([submission], request.user, form.cleaned_data)
            except actions.HearingError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Submission %(number)s saved.") % {"number": submission.number},
                )
                return redirect(f"{NAMESPACE}:submission", pk=submission.pk)
        return self.render_to_response(self.get_context_data(**{key: form}))


def submissions_url(**filters):
    """The workbench filtered, e.g. ``submissions_url(hearing=procedure.pk)``."""
    url = reverse(f"{NAMESPACE}:submissions")
    return f"{url}?{urlencode(filters)}" if filters else url


urlpatterns = [
    path("submissions/", SubmissionIndexView.as_view(), name="submissions"),
    path(
        "submissions/results/",
        SubmissionIndexView.as_view(results_only=True),
        name="submissions_results",
    ),
    path("submissions/bulk/", SubmissionBulkView.as_view(), name="bulk"),
    path("submissions/<int:pk>/", SubmissionDetailView.as_view(), name="submission"),
]
