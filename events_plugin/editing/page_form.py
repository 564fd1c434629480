"""The event edit form: checks that span several inline panels."""

from django.utils.translation import ngettext

from wagtail.admin.forms import WagtailAdminPageForm


class EventPageForm(WagtailAdminPageForm):
    """Refuses subtitle tracks of a recording the event does not have."""

    def clean(self):
        cleaned_data = super().clean()
        recordings = self.formsets.get("recordings")
        tracks = self.formsets.get("subtitle_tracks")
        if recordings is None or tracks is None:
            return cleaned_data
        if not (recordings.is_valid() and tracks.is_valid()):
            return cleaned_data
        kept = [
            form
            for form in recordings.forms
            if form.has_changed() or form.instance.pk
            if not recordings._should_delete_form(form)
        ]
        for form in tracks.forms:
            if tracks._should_delete_form(form) or not form.cleaned_data:
                continue
            number = form.cleaned_data.get("recording_number")
            if number and number > len(kept):
                form.add_error(
                    "recording_number",
                    ngettext(
                        "The event has only %(count)d recording.",
                        "The event has only %(count)d recordings.",
                        len(kept),
                    )
                    % {"count": len(kept)},
                )
        return cleaned_data
