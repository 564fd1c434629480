"""The video archive: recordings of events, their chapters, subtitles and people."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from cms.models import SectionPage

from .. import recordings
from ..views.archive import ArchiveRoutesMixin


class ArchiveIndexPage(ArchiveRoutesMixin, SectionPage):
    """The video archive: every event that has taken place with its recording.

    Browsing, filtering and searching are routes of this page (`ArchiveRoutesMixin`);
    items are the event pages themselves, found through the search service.
    """

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("video archive")
        verbose_name_plural = _("video archives")


class Recording(TranslatableMixin, Orderable):
    """A recording of an event: a video on YouTube, VK Video or Rutube, or a file.

    Translatable for its title and chapters; the video itself is the same in
    every language.
    """

    class Provider(models.TextChoices):
        YOUTUBE = "youtube", "YouTube"
        VK_VIDEO = "vk_video", _("VK Video")
        RUTUBE = "rutube", "Rutube"
        FILE = "file", _("uploaded file")

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="recordings"
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("For an event with several recordings, e.g. “Lesson 3”."),
    )
    provider = models.CharField(_("where"), max_length=20, choices=Provider.choices)
    url = models.URLField(
        _("video link"),
        blank=True,
        help_text=_("The address of the video on YouTube, VK Video or Rutube."),
    )
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An MP4 or WebM file, for a recording kept on this site."),
    )
    duration = models.DurationField(
        _("duration"), null=True, blank=True, help_text=_("Hours:minutes:seconds.")
    )
    chapters = models.TextField(
        _("chapters"),
        blank=True,
        help_text=_(
            "One per line: the time, then the title, e.g. “12:30 Second part”."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("provider"), FieldPanel("duration")]),
        FieldPanel("url"),
        FieldPanel("file"),
        FieldPanel("chapters"),
    ]
    override_translatable_fields = [
        SynchronizedField("provider"),
        SynchronizedField("url"),
        SynchronizedField("file"),
        SynchronizedField("duration"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")

    def __str__(self):
        return self.title or self.get_provider_display()

    def clean(self):
        super().clean()
        recordings.validate_recording(self)


class SubtitleTrack(Orderable):
    """Subtitles or a transcript of one recording in one language, as WebVTT.

    The same in every language version of the event (synchronised, not translated):
    each language's text is its own track.
    """

    class Kind(models.TextChoices):
        SUBTITLES = "subtitles", _("subtitles")
        TRANSCRIPT = "transcript", _("transcript")

    class Language(models.TextChoices):
        RUSSIAN = "ru", _("Russian")
        TATAR = "tt", _("Tatar")
        ENGLISH = "en", _("English")

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="subtitle_tracks"
    )
    recording_number = models.PositiveSmallIntegerField(
        _("recording"),
        default=1,
        help_text=_("Which recording of the event, counting from 1 in their order."),
    )
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.SUBTITLES
    )
    vtt = models.TextField(
        _("WebVTT text"),
        help_text=_("Paste the contents of the .vtt file, starting with WEBVTT."),
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("recording_number"), FieldPanel("language"), FieldPanel("kind")]
        ),
        FieldPanel("vtt"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("subtitle track")
        verbose_name_plural = _("subtitle tracks")

    def __str__(self):
        return f"{self.get_language_display()} ({self.get_kind_display()})"

    def clean(self):
        super().clean()
        try:
            recordings.parse_vtt(self.vtt)
        except ValueError as error:
            raise ValidationError(
                {"vtt": _("This is not valid WebVTT: %(reason)s") % {"reason": error}}
            ) from error


class EventPerson(TranslatableMixin, Orderable):
    """A performer, lecturer or guest of an event; names are written per language."""

    class Role(models.TextChoices):
        PERFORMER = "performer", _("performer")
        LECTURER = "lecturer", _("lecturer")
        HOST = "host", _("host")
        GUEST = "guest", _("guest")

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="people"
    )
    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.PERFORMER
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role")])]
    override_translatable_fields = [SynchronizedField("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class ArchiveViewCount(models.Model):
    """How often an item's recordings were opened, over all its language versions."""

    translation_key = models.UUIDField(unique=True)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("archive view count")
        verbose_name_plural = _("archive view counts")

    def __str__(self):
        return f"{self.translation_key}: {self.views}"
