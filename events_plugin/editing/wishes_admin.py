"""Admin surface: wishes (registers its hooks on import).

Editors of the programme answer residents' wishes (status, note, the event that
answers them); moderators hide and show them. Both see the list.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, re_path, reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.accounts.personal_data import PersonalDataProvider

from .. import permissions, wishes
from ..models import EventPage, Wish
from ..wish_forms import AdminWishFilterForm, HideWishForm, WishStatusForm

NAMESPACE = "events_wishes"
PER_PAGE = 50


def _forbidden(request):
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard;
    # a plain 403 says what happened.
    return TemplateResponse(
        request,
        "events/wishes/admin/forbidden.html",
        {"header_title": _("Wishes"), "page_title": _("Wishes")},
        status=403,
    )


class WishAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "pick"
    allowed = staticmethod(permissions.can_open_wishes_admin)

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            return _forbidden(request)
        if "pk" in kwargs:
            self.wish = get_object_or_404(
                Wish.objects.select_related("user", "audience"), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if getattr(self, "wish", None) is not None:
            items.append({"url": reverse(f"{NAMESPACE}:index"), "label": _("Wishes")})
        return [*items, {"url": "", "label": self.get_page_title()}]


class WishListView(WishAdminMixin, TemplateView):
    page_title = gettext_lazy("Wishes")
    template_name = "events/wishes/admin/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = AdminWishFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        listing = wishes.admin_wishes(
            status=filters.get("status", ""),
            domain=filters.get("domain", ""),
            visibility=filters.get("visibility", ""),
            sort=filters.get("sort") or wishes.SORT_VOTES,
        )
        page = Paginator(listing, PER_PAGE).get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        user = self.request.user
        context.update(
            filter_form=form,
            wishes=page,
            cards=wishes.wish_cards(
                page.object_list, None, get_language(), lambda wish: ""
            ),
            query=query.urlencode(),
            can_manage=permissions.can_manage_wishes(user),
            can_moderate=permissions.can_moderate_wishes(user),
        )
        return context


class WishStatusView(WishAdminMixin, TemplateView):
    """An editor's answer: the status, a note and the event that answers it."""

    page_title = gettext_lazy("Answer a wish")
    template_name = "events/wishes/admin/status.html"
    allowed = staticmethod(permissions.can_manage_wishes)

    def get_form(self):
        if self.request.method == "POST":
            return WishStatusForm(self.request.POST)
        wish = self.wish
        event = None
        if wish.event_key:
            event = (
                EventPage.objects.filter(translation_key=wish.event_key)
                .order_by("pk")
                .first()
            )
        return WishStatusForm(
            initial={"status": wish.status, "note": wish.editor_note, "event": event}
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            action = wishes.SetWishStatusAction(
                self.wish,
                request.user,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                event=form.cleaned_data["event"],
            )
            try:
                action.execute()
            except wishes.WishError as error:
                field = error.field if error.field in form.fields else None
                form.add_error(field, str(error.message))
            else:
                messages.success(request, _("The wish is updated."))
                return redirect(f"{NAMESPACE}:index")
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["wish"] = self.wish
        return context


class HideWishView(WishAdminMixin, TemplateView):
    page_title = gettext_lazy("Hide a wish")
    template_name = "events/wishes/admin/hide.html"
    allowed = staticmethod(permissions.can_moderate_wishes)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=HideWishForm()))

    def post(self, request, *args, **kwargs):
        form = HideWishForm(request.POST)
        if form.is_valid():
            try:
                wishes.HideWishAction(
                    self.wish, request.user, form.cleaned_data["reason"]
                ).execute()
            except wishes.WishError as error:
                form.add_error("reason", str(error.message))
            else:
                messages.success(request, _("The wish is hidden."))
                return redirect(f"{NAMESPACE}:index")
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["wish"] = self.wish
        return context


@require_POST
def show_wish(request, pk):
    if not permissions.can_moderate_wishes(request.user):
        return _forbidden(request)
    wish = get_object_or_404(Wish, pk=pk)
    try:
        wishes.ShowWishAction(wish, request.user).execute()
    except wishes.WishError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The wish is shown on the list again."))
    return redirect(f"{NAMESPACE}:index")


# Ids longer than this overflow the database's integer: not found, not an error.
PK = r"(?P<pk>[0-9]{1,9})"

urlpatterns = [
    path("", WishListView.as_view(), name="index"),
    re_path(rf"^{PK}/answer/$", WishStatusView.as_view(), name="status"),
    re_path(rf"^{PK}/hide/$", HideWishView.as_view(), name="hide"),
    re_path(rf"^{PK}/show/$", show_wish, name="show"),
]


@hooks.register("register_admin_urls")
def register_wish_urls():
    return [path("wishes/", include((urlpatterns, NAMESPACE), namespace=NAMESPACE))]


class WishesMenuItem(MenuItem):
    """Shown to the programme's editors and to moderators."""

    def is_shown(self, request):
        return permissions.can_open_wishes_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_wishes_menu_item():
    return WishesMenuItem(
        gettext_lazy("Programme wishes"),
        reverse(f"{NAMESPACE}:index"),
        name="programme-wishes",
        icon_name="pick",
        order=460,
    )


@hooks.register("register_log_actions")
def register_wish_log_actions(log_actions):
    for action, label, message in (
        (
            wishes.LOG_STATUS,
            gettext_lazy("Wish: answered"),
            gettext_lazy("An editor set the status, note or event of a wish"),
        ),
        (
            wishes.LOG_HIDDEN,
            gettext_lazy("Wish: hidden"),
            gettext_lazy("A moderator hid a wish, with a reason"),
        ),
        (
            wishes.LOG_SHOWN,
            gettext_lazy("Wish: shown again"),
            gettext_lazy("A moderator put a hidden wish back on the list"),
        ),
    ):
        log_actions.register_action(action, label, message)


@hooks.register("register_personal_data")
def wishes_personal_data():
    return PersonalDataProvider(
        key="programme_wishes",
        title=gettext_lazy("Wishes for the programme"),
        description=gettext_lazy(
            "What you proposed for the programme. When you delete your account, "
            "your wishes stay on the list, because others voted for them, but "
            "they are no longer linked to you."
        ),
        fields={
            "title": gettext_lazy("What you would like"),
            "description": gettext_lazy("Details"),
            "language": gettext_lazy("Language"),
            "status": gettext_lazy("Status"),
            "votes": gettext_lazy("Votes"),
            "shown": gettext_lazy("Shown on the list"),
            "proposed_at": gettext_lazy("Proposed"),
        },
        collect=wishes.wishes_of,
        anonymise=wishes.forget_wish_author,
    )


@hooks.register("register_personal_data")
def wish_votes_personal_data():
    return PersonalDataProvider(
        key="programme_wish_votes",
        title=gettext_lazy("Votes for wishes"),
        description=gettext_lazy(
            "The wishes for the programme you voted for. When you delete your "
            "account, your votes are removed and the counts go down."
        ),
        fields={
            "wish": gettext_lazy("Wish"),
            "voted_at": gettext_lazy("Voted"),
        },
        collect=wishes.wish_votes_of,
        anonymise=wishes.delete_wish_votes,
    )
