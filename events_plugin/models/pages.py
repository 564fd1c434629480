"""Pages of the cultural programme: the guide, institutions and events."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.feedback.mixins import CommentableMixin, RatableMixin
from cms.models import SectionPage

from .. import occurrences
from ..editing.page_form import EventPageForm
from ..editing.panels import EventSummaryPanel
from ..feeds import calendar_response
from ..views.guide import ProgrammeGuideMixin
from ..views.player import RecordingRoutesMixin
from ..views.questions import QuestionRoutesMixin
from ..views.registration import RegistrationRoutesMixin
from ..views.wishes import WishRoutesMixin


class ProgrammeIndexPage(WishRoutesMixin, ProgrammeGuideMixin, SectionPage):
    """The programme guide: where residents find the season's free online events."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["events.InstitutionPage", "events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme index page")
        verbose_name_plural = _("programme index pages")


class InstitutionPage(ProgrammeGuideMixin, SectionPage):
    """A theatre, museum, library, school or centre that publishes events.

    Its editors edit only this subtree (``grant_institution_editors``).
    """

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("culture department")
        MUSIC_SCHOOL = "music_school", _("music or art school")
        LIBRARY = "library", _("library")
        COMMUNITY_CENTRE = "community_centre", _("community centre")
        THEATRE = "theatre", _("theatre")
        MUSEUM = "museum", _("museum")
        ORCHESTRA = "orchestra", _("orchestra or ensemble")
        SPORTS = "sports", _("sports centre")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    address = models.CharField(_("address"), max_length=500, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = SectionPage.content_panels + [
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("website")],
            heading=_("Contacts"),
        ),
        FieldPanel("image"),
    ]
    parent_page_types = ["events.ProgrammeIndexPage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EventPage(
    RatableMixin,
    CommentableMixin,
    QuestionRoutesMixin,
    RecordingRoutesMixin,
    RegistrationRoutesMixin,
    SectionPage,
):
    """One event of the programme, with its sessions, platforms and audience."""

    class Type(models.TextChoices):
        LIVESTREAM = "livestream", _("livestream")
        CONCERT = "concert", _("concert")
        MASTERCLASS = "masterclass", _("masterclass")
        LECTURE = "lecture", _("lecture")
        COURSE = "course", _("course")
        VIRTUAL_TOUR = "virtual_tour", _("virtual tour")
        FILM_SCREENING = "film_screening", _("film screening")
        SPORTS_CLASS = "sports_class", _("sports class")
        EXHIBITION = "exhibition", _("exhibition")
        QA_INTERVIEW = "qa_interview", _("Q&A interview")

    class Language(models.TextChoices):
        RUSSIAN = "ru", _("in Russian")
        TATAR = "tt", _("in Tatar")
        ENGLISH = "en", _("in English")
        BILINGUAL = "ru_tt", _("in Russian and Tatar")
        NO_WORDS = "none", _("without words (music, dance)")

    event_type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    domain = models.ForeignKey(
        "events.Domain",
        verbose_name=_("domain"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audiences = ParentalManyToManyField(
        "events.Audience", verbose_name=_("audience"), blank=True
    )
    language = models.CharField(
        _("language of the event"),
        max_length=10,
        choices=Language.choices,
        default=Language.RUSSIAN,
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Only for events that also take place in person."),
    )
    registration_required = models.BooleanField(
        _("registration required"),
        default=False,
        help_text=_("Residents register on the site; places may be limited."),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit."),
    )
    joining_link = models.URLField(
        _("joining link"),
        blank=True,
        help_text=_("Zoom or other link, shown only to registered residents."),
    )
    tags = ClusterTaggableManager(
        through=EventPageTag, blank=True, verbose_name=_("tags")
    )

    content_panels = Page.content_panels + [
        EventSummaryPanel(),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_type"), FieldPanel("domain")]),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("language"),
                FieldPanel("tags"),
            ],
            heading=_("What and for whom"),
        ),
        InlinePanel("sessions", label=_("Dates and times"), min_num=1),
        InlinePanel("occurrence_changes", label=_("Changes to single dates")),
        InlinePanel("platforms", label=_("Where to watch or take part")),
        FieldPanel("venue"),
        MultiFieldPanel(
            [
                FieldPanel("registration_required"),
                FieldPanel("capacity"),
                FieldPanel("joining_link"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("people", label=_("People")),
        InlinePanel("recordings", label=_("Recordings")),
        InlinePanel("subtitle_tracks", label=_("Subtitles and transcripts")),
    ]
    search_fields = SectionPage.search_fields + [
        index.FilterField("event_type"),
        index.FilterField("language"),
        index.RelatedFields("domain", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["events.ProgrammeIndexPage", "events.InstitutionPage"]
    subpage_types = []
    base_form_class = EventPageForm

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # Only a full save commits the sessions; revisions save named fields only.
        if kwargs.get("update_fields") is None:
            from ..schedule import sync_occurrences

            sync_occurrences(self)
        return result

    @path("calendar/")
    def calendar(self, request):
        return calendar_response([self], request, self.title, self.slug)

    def get_context(self, request, *args, **kwargs):
        from ..event_page_extras import page_extras
        from ..selectors import event_details

        context = super().get_context(request, *args, **kwargs)
        context["event"] = event_details(self)
        context["extras"] = page_extras(self, context["event"], request)
        return context

    def get_institution(self):
        """The institution this event belongs to, or None for the department's own."""
        return (
            InstitutionPage.objects.ancestor_of(self).live().first()
            if self.depth
            else None
        )

    def get_occurrences(self, window_start=None, window_end=None, **options):
        """Every date of every session, exceptions applied, in Europe/Moscow."""
        changes = [change.as_exception() for change in self.occurrence_changes.all()]
        result = []
        for session in self.sessions.all():
            result.extend(
                occurrences.expand(
                    session.start,
                    session.end,
                    session.recurrence,
                    changes,
                    window_start=window_start,
                    window_end=window_end,
                    key=session.pk,
                    **options,
                )
            )
        return sorted(result, key=lambda occurrence: occurrence.start)

    def rating_refusal(self, now):
        """Residents rate an event once its first date has begun."""
        dates = [o for o in self.get_occurrences() if not o.cancelled]
        if not dates:
            return _("This event was cancelled: it cannot be rated.")
        if dates[0].start > now:
            return _("You can rate the event once it has begun.")
        return ""

    def is_rating_attendee(self, user):
        """A resident with a confirmed place on the event."""
        from .registrations import Registration

        return Registration.objects.filter(
            event_key=self.translation_key,
            user=user,
            status=Registration.Status.CONFIRMED,
        ).exists()

    def get_status(self, now=None):
        """upcoming, live, ended, archived or cancelled: computed from the clock."""
        return occurrences.status(
            self.get_occurrences(),
            now or timezone.now(),
            has_recording=self.recordings.exists(),
        )


class EventSession(Orderable):
    """A start and end, repeated by an optional rule (every Tuesday until May…)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    recurrence = models.CharField(
        _("repeats"),
        max_length=500,
        blank=True,
        help_text=_(
            "Optional iCalendar rule, e.g. FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270531. "
            "It must end (UNTIL or COUNT)."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("recurrence"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})
        if self.recurrence:
            try:
                occurrences.validate_rule(self.recurrence, start=self.start)
            except ValueError as error:
                raise ValidationError(
                    {
                        "recurrence": _("This repeat rule cannot be used: %(reason)s")
                        % {"reason": error}
                    }
                ) from error


class OccurrenceChange(TranslatableMixin, Orderable):
    """One date of a repeating event cancelled, moved or switched online.

    Translatable for its note; the dates and the change are the same in every
    language.
    """

    class Change(models.TextChoices):
        CANCELLED = occurrences.CANCELLED, _("cancelled")
        MOVED = occurrences.MOVED, _("moved")
        ONLINE = occurrences.ONLINE, _("online only")

    page = ParentalKey(
        EventPage, on_delete=models.CASCADE, related_name="occurrence_changes"
    )
    original_start = models.DateTimeField(
        _("date and time as planned"),
        help_text=_("The start of the date that changes, as in the schedule."),
    )
    change = models.CharField(_("change"), max_length=20, choices=Change.choices)
    new_start = models.DateTimeField(_("new start"), null=True, blank=True)
    new_end = models.DateTimeField(_("new end"), null=True, blank=True)
    note = models.CharField(_("note for residents"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("original_start"), FieldPanel("change")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
    ]
    override_translatable_fields = [SynchronizedField("change")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("change to a date")
        verbose_name_plural = _("changes to dates")

    def clean(self):
        super().clean()
        if self.change == self.Change.MOVED and not self.new_start:
            raise ValidationError({"new_start": _("Give the new date and time.")})
        if self.new_start and self.new_end and self.new_end <= self.new_start:
            raise ValidationError({"new_end": _("The end must be after the start.")})

    def as_exception(self):
        return occurrences.OccurrenceException(
            original_start=self.original_start,
            change=self.change,
            new_start=self.new_start,
            new_end=self.new_end,
            note=self.note,
        )


class EventPlatform(Orderable):
    """Where to watch or take part: a streaming service, Zoom, or the venue."""

    class Platform(models.TextChoices):
        YOUTUBE = "youtube", "YouTube"
        VK_VIDEO = "vk_video", _("VK Video")
        RUTUBE = "rutube", "Rutube"
        ZOOM = "zoom", "Zoom"
        INSTAGRAM = "instagram", "Instagram"
        IN_PERSON = "in_person", _("in person at the venue")

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="platforms")
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    url = models.URLField(_("link"), blank=True)

    panels = [FieldRowPanel([FieldPanel("platform"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")

    def clean(self):
        super().clean()
        if self.platform != self.Platform.IN_PERSON and not self.url:
            raise ValidationError({"url": _("Give the link to the broadcast.")})
