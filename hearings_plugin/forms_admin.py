"""The hearing page's admin form: the legal rules for the dates."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

DATE_FIELDS = ("announced_at", "opens_at", "closes_at")


class HearingPageForm(WagtailAdminPageForm):
    """Refuses dates that break Article 5.1; freezes them once the exposition opens."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        procedure = self.instance.procedure if self.instance.pk else None
        if procedure is not None and procedure.has_opened and self.instance.live:
            # Disabled fields keep the procedure's values whatever is posted.
            for name in DATE_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.initial[name] = getattr(procedure, name)
                    self.fields[name].help_text = _(
                        "The exposition has opened: organisers close the period "
                        "early or extend it from the hearing's actions."
                    )
        self._dates_frozen = (
            procedure is not None and procedure.has_opened and self.instance.live
        )

    def clean(self):
        from .models.procedure import NOTICE_PERIOD

        cleaned = super().clean()
        if self._dates_frozen:
            # The procedure's own values, to the microsecond the widget drops.
            for name in DATE_FIELDS:
                if name in self.fields:
                    cleaned[name] = getattr(self.instance.procedure, name)
            return cleaned
        announced = cleaned.get("announced_at")
        opens = cleaned.get("opens_at")
        closes = cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error(
                "closes_at", _("Comments must close after the exposition opens.")
            )
        if announced and opens:
            # A notice not yet published comes out no earlier than now.
            if not self.instance.first_published_at:
                announced = max(announced, timezone.now())
            if opens < announced + NOTICE_PERIOD:
                self.add_error(
                    "opens_at",
                    ValidationError(
                        _(
                            "The notice must be published at least 7 days before "
                            "the exposition opens: open on %(earliest)s or later."
                        ),
                        params={
                            "earliest": timezone.localtime(
                                announced + NOTICE_PERIOD
                            ).strftime("%d.%m.%Y %H:%M")
                        },
                    ),
                )
        return cleaned
