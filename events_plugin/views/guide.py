"""The programme guide: the programme and institution pages list and filter events."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from ..feeds import calendar_response


def _event_model():
    from ..models import EventPage

    return EventPage


class ProgrammeGuideMixin(RoutablePageMixin):
    """A page that lists the live events below it that are coming up.

    ``calendar/`` below it is an iCalendar subscription to all of them.
    """

    def get_context(self, request, *args, **kwargs):
        from ..selectors import upcoming_events

        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = upcoming_events(self)
        return context

    @path("calendar/")
    def calendar(self, request):
        from ..selectors import with_schedule

        events = with_schedule(
            _event_model().objects.live().descendant_of(self).filter(locale=self.locale)
        ).select_related("venue")
        return calendar_response(events, request, self.title, self.slug)
