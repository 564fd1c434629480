"""Pages of the public hearings: the index and one page per hearing."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.models import SectionPage

from ..editing.panels import HearingProcedurePanel
from ..forms_admin import HearingPageForm
from ..views.follow import FollowRoutesMixin, TopicProposalRoutesMixin
from ..views.index import HearingGuideMixin
from ..views.register import RegisterRoutesMixin
from ..views.results import ResultRoutesMixin, StatisticsRoutesMixin
from ..views.submission import MySubmissionsRoutesMixin, SubmissionRoutesMixin
from .procedure import HearingProcedure
from .submissions import District


class Topic(models.TextChoices):
    GENERAL_PLAN = "general_plan", _("General Plan")
    LAND_USE_RULES = "land_use_rules", _("Land use and development rules")
    TERRITORY_PLANNING = "territory_planning", _("Territory planning project")
    PERMITTED_USE = "permitted_use", _("Permitted use and deviations")
    STREETS = "streets", _("Streets and roads")
    SOCIAL = "social", _("Schools, clinics and other public buildings")
    HOUSING = "housing", _("Housing")
    LANDSCAPING = "landscaping", _("Parks and public spaces")


class HearingIndexPage(
    HearingGuideMixin,
    StatisticsRoutesMixin,
    TopicProposalRoutesMixin,
    MySubmissionsRoutesMixin,
    SectionPage,
):
    """Where residents find current, upcoming and archived public hearings."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["hearings.HearingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("hearing index page")
        verbose_name_plural = _("hearing index pages")
        # What a hearing organiser or moderator may do; granted to groups and
        # limited to page subtrees by hearings_plugin.permissions.
        permissions = [
            ("moderate_submissions", _("Moderate submissions and comments")),
            ("answer_submissions", _("Answer submissions")),
            ("close_comment_period", _("Close the comment period")),
            ("view_personal_data", _("See participants' personal data")),
        ]


class HearingPage(
    SubmissionRoutesMixin,
    ResultRoutesMixin,
    FollowRoutesMixin,
    RegisterRoutesMixin,
    SectionPage,
):
    """One public hearing: the draft, its documents, dates and the comment period.

    The dates entered here are the plan; once the page is published they are
    copied to the shared :class:`HearingProcedure`, which decides the stage. After
    the exposition opens, only organisers' actions (close early, extend) change them.
    """

    district = models.CharField(
        _("district"), max_length=30, choices=District.choices, default=District.CITY
    )
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image or map"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organiser = models.CharField(
        _("organiser"),
        max_length=500,
        help_text=_("The body that organises the hearing, as in the notice."),
    )
    organiser_contact = models.TextField(
        _("organiser's contacts"), blank=True, help_text=_("Phone, email, address.")
    )
    territory = models.TextField(
        _("territory"),
        blank=True,
        help_text=_("The territory the draft covers, as in the notice."),
    )
    exposition_venue = models.CharField(
        _("exposition venue"), max_length=500, blank=True
    )
    exposition_address = models.CharField(
        _("exposition address"), max_length=500, blank=True
    )
    exposition_hours = models.TextField(_("exposition opening hours"), blank=True)
    announced_at = models.DateTimeField(
        _("notice published"),
        default=timezone.now,
        help_text=_("At least 7 days before the exposition opens."),
    )
    opens_at = models.DateTimeField(
        _("exposition opens, comments accepted from"),
    )
    closes_at = models.DateTimeField(
        _("comments close"),
        help_text=_(
            "Moscow time. Nothing is accepted at or after this instant. Once the "
            "exposition has opened, use Close early or Extend instead."
        ),
    )
    procedure = models.ForeignKey(
        HearingProcedure,
        verbose_name=_("procedure"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="pages",
    )

    content_panels = Page.content_panels + [
        HearingProcedurePanel(),
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("district"), FieldPanel("topic")]),
        MultiFieldPanel(
            [
                FieldPanel("announced_at"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("organiser_contact")],
            heading=_("Organiser"),
        ),
        FieldPanel("territory"),
        MultiFieldPanel(
            [
                FieldPanel("exposition_venue"),
                FieldPanel("exposition_address"),
                FieldPanel("exposition_hours"),
            ],
            heading=_("Exposition"),
        ),
        InlinePanel("documents", label=_("Documents of the draft")),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("related_pages", label=_("Consultations and related pages")),
    ]
    search_fields = SectionPage.search_fields + [
        index.SearchField("organiser"),
        index.SearchField("territory"),
        index.FilterField("district"),
        index.FilterField("topic"),
    ]
    parent_page_types = ["hearings.HearingIndexPage"]
    subpage_types = []
    base_form_class = HearingPageForm

    class Meta:
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")

    def save(self, *args, **kwargs):
        # Only a full save (creation, publishing, translation sync) carries dates.
        if kwargs.get("update_fields") is None:
            self.procedure = HearingProcedure.objects.for_page(self)
        return super().save(*args, **kwargs)

    def get_procedure(self):
        return self.procedure


class HearingDocument(Orderable):
    """A document of the draft, offered with its format and size."""

    page = ParentalKey(HearingPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the document's own title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def display_title(self):
        return self.title or self.document.title


class HearingRelatedPage(Orderable):
    """A consultation livestream or another page that helps understand the draft."""

    page = ParentalKey(
        HearingPage, on_delete=models.CASCADE, related_name="related_pages"
    )
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
