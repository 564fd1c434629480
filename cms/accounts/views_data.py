"""Personal data views (Federal Law 152-FZ): see it, download it, delete the account."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET

from . import account_actions, selectors
from .forms import DeleteAccountForm, confirmation_word, lockout_status


@require_GET
@login_required
@never_cache
def personal_data(request):
    """Everything the site stores about the signed-in person, section by section."""
    return render(
        request,
        "accounts/personal_data.html",
        {
            "sections": selectors.personal_data_sections(request.user),
            "can_delete": selectors.can_delete_account(request.user),
        },
    )


@require_GET
@login_required
@never_cache
def download(request):
    """The same data as a JSON file."""
    content, filename = selectors.personal_data_export(request.user)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@sensitive_post_parameters("password")
@csrf_protect
@login_required
@never_cache
def delete_account(request):
    """Ask again, then delete on POST; staff accounts are closed by administrators."""
    if not selectors.can_delete_account(request.user):
        return render(request, "accounts/delete_account_unavailable.html", status=403)
    form = DeleteAccountForm(
        request, request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            account_actions.delete_account(request, request.user)
        except account_actions.AccountDeletionFailed:
            return render(request, "accounts/delete_account_failed.html", status=500)
        return redirect("accounts:account_deleted")
    return render(
        request,
        "accounts/delete_account.html",
        {
            "form": form,
            "word": confirmation_word(),
            "has_password": request.user.has_usable_password(),
        },
        status=lockout_status() if form.locked_out else 200,
    )


@require_GET
def account_deleted(request):
    """Shown once the account is gone and the person signed out."""
    return render(request, "accounts/account_deleted.html")
