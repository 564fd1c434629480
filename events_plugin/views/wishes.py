"""Routes of the programme page where residents propose and vote for wishes.

``wishes/`` lists them with filters and the proposal form, ``wishes/<id>/``
shows one; proposing and voting are POSTs answered by a redirect to the list
or the wish (POST-redirect-GET), so everything works without JavaScript.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from .guide import page_number, paginate

# Messages of the wishes pages carry this tag, so they show only their own.
MESSAGE_TAG = "wishes"
WISHES_PER_PAGE = 20
WISH_ID = r"(?P<wish_id>[0-9]{1,9})"


class WishListing:
    """One page of the wishes list, its filters and its page links."""

    def __init__(self, cards, form, total, number, count):
        self.cards = cards
        self.form = form
        self.total = total
        self.page_number = number
        self.page_count = count
        self.pages = []
        self.previous_page = ""
        self.next_page = ""
        self.url = ""


class WishRoutesMixin(RoutablePageMixin):
    """Routes of the programme index page for residents' wishes."""

    def wishes_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("wishes")

    def wish_url(self, wish, request=None):
        return self.get_url(request) + self.reverse_subpage(
            "wish", kwargs={"wish_id": wish.pk}
        )

    def _language(self):
        return self.locale.language_code

    def _render_wishes(self, request, template, context, status=200):
        response = TemplateResponse(
            request,
            template,
            {"page": self, "self": self, "request": request, **context},
            status=status,
        )
        # Each reader sees their own votes and messages.
        patch_cache_control(response, private=True)
        return response

    def _listing(self, request):
        from .. import wishes
        from ..wish_forms import WishFilterForm

        form = WishFilterForm(request.GET, language=self._language())
        paginator = Paginator(wishes.public_wishes(form.filters()), WISHES_PER_PAGE)
        number = page_number(request.GET.get("page"), paginator.num_pages)
        page = paginator.page(number)
        cards = wishes.wish_cards(
            page.object_list,
            request.user,
            self._language(),
            lambda wish: self.wish_url(wish, request),
            request,
        )
        listing = WishListing(cards, form, paginator.count, number, paginator.num_pages)
        here = self.wishes_url(request)

        def page_url(n):
            query = form.query_string(**({"page": n} if n > 1 else {}))
            return f"{here}?{query}" if query else here

        paginate(listing, number, paginator.num_pages, page_url)
        listing.url = page_url(number)
        return listing

    def _serve_list(self, request, proposal_form=None, status=200):
        from .. import wishes
        from ..wish_forms import WishForm

        can_propose = wishes.can_propose_wish(request.user)
        if proposal_form is None and can_propose:
            proposal_form = WishForm(language=self._language())
        return self._render_wishes(
            request,
            "events/wishes/list.html",
            {
                "listing": self._listing(request),
                "proposal_form": proposal_form,
                "can_propose": can_propose,
                "sign_in_url": self._sign_in_url(request),
                "propose_url": self.get_url(request)
                + self.reverse_subpage("propose_wish"),
            },
            status=status,
        )

    def _sign_in_url(self, request, next_url=None):
        next_url = next_url or self.wishes_url(request)
        return f"{reverse('accounts:login')}?{urlencode({'next': next_url})}"

    @path("wishes/", name="wishes")
    def wishes_view(self, request):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return self._serve_list(request)

    @path("wishes/propose/", name="propose_wish")
    def propose_wish_view(self, request):
        from cms.feedback.abuse import client_address

        from .. import wishes
        from ..wish_forms import WishForm

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not wishes.can_propose_wish(request.user):
            return redirect(self._sign_in_url(request))
        form = WishForm(request.POST, language=self._language())
        if not form.is_valid():
            return self._serve_list(request, form, status=400)
        action = wishes.ProposeWishAction(
            request.user,
            form.proposal(),
            language=self._language(),
            address=client_address(request),
        )
        try:
            wish = action.execute()
        except wishes.WishError as error:
            form.add_refusal(error)
            return self._serve_list(request, form, status=error.status)
        messages.success(
            request,
            _("Thank you! Your wish is on the list, and others can vote for it now."),
            extra_tags=MESSAGE_TAG,
        )
        return redirect(self.wish_url(wish, request))

    @re_path(rf"^wishes/{WISH_ID}/$", name="wish")
    def wish_view(self, request, wish_id):
        from .. import wishes

        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        wish = wishes.visible_wish(wish_id, request.user)
        if wish is None:
            raise Http404(_("This wish does not exist or has been hidden."))
        card = wishes.wish_cards(
            [wish],
            request.user,
            self._language(),
            lambda item: self.wish_url(item, request),
            request,
        )[0]
        return self._render_wishes(
            request,
            "events/wishes/detail.html",
            {
                "card": card,
                "wishes_url": self.wishes_url(request),
                "sign_in_url": self._sign_in_url(request, card.url),
            },
        )

    def _vote(self, request, wish_id, action_class, done_message):
        from cms.feedback.abuse import client_address

        from .. import wishes

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        wish = wishes.visible_wish(wish_id, request.user)
        back = self._back(request, wish)
        if not request.user.is_authenticated:
            return redirect_to_login(back, login_url=reverse("accounts:login"))
        action = action_class(wish, request.user, address=client_address(request))
        try:
            action.execute()
        except wishes.WishError as error:
            messages.error(request, error.message, extra_tags=MESSAGE_TAG)
            if isinstance(error, wishes.UnknownWish):
                return redirect(self.wishes_url(request))
        else:
            messages.success(request, done_message, extra_tags=MESSAGE_TAG)
        return redirect(back)

    def _back(self, request, wish):
        """Where a vote returns: the page it came from on this list, else the wish."""
        wanted = request.POST.get("next", "")
        here = self.wishes_url(request)
        if (
            isinstance(wanted, str)
            and wanted.split("#", 1)[0].split("?", 1)[0] == here
            and url_has_allowed_host_and_scheme(
                wanted, allowed_hosts={request.get_host()}
            )
        ):
            anchor = f"#wish-{wish.pk}" if wish is not None else ""
            return wanted.split("#", 1)[0] + anchor
        if wish is not None:
            return self.wish_url(wish, request)
        return here

    @re_path(rf"^wishes/{WISH_ID}/vote/$", name="vote_for_wish")
    def vote_view(self, request, wish_id):
        from .. import wishes

        return self._vote(
            request,
            wish_id,
            wishes.VoteForWishAction,
            _("Thank you: your vote is counted."),
        )

    @re_path(rf"^wishes/{WISH_ID}/withdraw/$", name="withdraw_wish_vote")
    def withdraw_vote_view(self, request, wish_id):
        from .. import wishes

        return self._vote(
            request,
            wish_id,
            wishes.WithdrawVoteAction,
            _("Your vote is taken back."),
        )
