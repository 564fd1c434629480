"""The blocks editors build page bodies from; each renders its own template."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.template.defaultfilters import filesizeformat
from django.utils.functional import cached_property, lazy
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from .video import parse_video_url, supported_services_text

RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
]
# Answers sit under a question already; headings inside them would break the outline.
ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

HEADING_LEVELS = ("h2", "h3", "h4")

# Previews in the block picker, styled as on the site.
PREVIEW_TEMPLATE = "blocks/block_preview.html"

GROUP_TEXT = _("Text")
GROUP_MEDIA = _("Images and video")
GROUP_LINKS = _("Links and documents")
GROUP_DATA = _("Questions, tables and figures")

_supported_services = lazy(supported_services_text, str)


def _clean_reporting_together(clean, value, block_errors=None, non_block_errors=None):
    """Run a StructBlock's own ``clean`` and raise its errors with the block's own.

    Reporting field and cross-field problems at once spares the editor a second
    round of corrections.
    """
    block_errors = block_errors or {}
    non_block_errors = non_block_errors or []
    try:
        cleaned = clean(value)
    except StructBlockValidationError as error:
        raise StructBlockValidationError(
            block_errors={**error.block_errors, **block_errors},
            non_block_errors=[*error.non_block_errors.as_data(), *non_block_errors],
        ) from error
    if block_errors or non_block_errors:
        raise StructBlockValidationError(
            block_errors=block_errors, non_block_errors=non_block_errors
        )
    return cleaned


class HeadingValue(blocks.StructValue):
    """A heading together with its tag and the id that in-page links point at."""

    @property
    def tag(self):
        # Stored data is not re-validated on load; never print an unexpected tag.
        return self.get("level") if self.get("level") in HEADING_LEVELS else "h2"

    @property
    def anchor_id(self):
        return self.get("anchor") or slugify(self.get("text") or "", allow_unicode=True)


class HeadingBlock(blocks.StructBlock):
    """A section heading, level 2 to 4, that other pages can link to as #anchor."""

    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[
            ("h2", _("Level 2: section")),
            ("h3", _("Level 3: subsection")),
            ("h4", _("Level 4: part of a subsection")),
        ],
        default="h2",
    )
    anchor = blocks.CharBlock(
        label=_("Anchor"),
        required=False,
        max_length=80,
        validators=[validate_unicode_slug],
        help_text=_(
            "Optional name for links to this heading (letters, digits and hyphens). "
            "Made from the text when empty."
        ),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Heading")
        description = _("A section heading that also appears as a link target.")
        group = GROUP_TEXT
        value_class = HeadingValue
        preview_value = {"text": _("How to take part"), "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Formatted text: paragraphs, lists, links and subheadings."""

    def __init__(self, features=None, **kwargs):
        super().__init__(features=features or RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Text")
        description = _("Paragraphs with bold, italic, lists and links.")
        group = GROUP_TEXT
        preview_value = format_lazy(
            "<p>{}</p>",
            _(
                "Every event of the programme is free. Choose an event, "
                "press the button and watch it from home."
            ),
        )


class ImageValue(blocks.StructValue):
    """An image with the text that stands in for it when it cannot be seen."""

    @property
    def alt(self):
        image = self.get("image")
        if self.get("alt_text"):
            return self.get("alt_text")
        return image.default_alt_text if image else ""


def _latest_image():
    return get_image_model().objects.order_by("-created_at").first()


def _latest_document():
    return get_document_model().objects.order_by("-created_at").first()


class CaptionedImageBlock(blocks.StructBlock):
    """One image with its caption, alternative text and credit."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_(
            "What the image shows, for people who cannot see it. "
            "Leave empty to use the image's own description."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)
    attribution = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=255,
        help_text=_("Author or source, for example “Photo: Kazan City Hall”."),
    )

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Image")
        description = _("An image with a caption and a credit line.")
        group = GROUP_MEDIA
        value_class = ImageValue

    def get_preview_value(self):
        return self.normalize(
            {"image": _latest_image(), "caption": _("The Kremlin embankment")}
        )


class GalleryImageBlock(blocks.StructBlock):
    """One image of a gallery."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the image's own description."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Gallery image")
        value_class = ImageValue


class GalleryBlock(blocks.StructBlock):
    """A set of images shown as a grid, each with its caption."""

    images = blocks.ListBlock(GalleryImageBlock(), label=_("Images"), min_num=1)

    class Meta:
        icon = "grid"
        template = "blocks/gallery.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Gallery")
        description = _("Several images in a grid, each with a caption.")
        group = GROUP_MEDIA

    def get_preview_value(self):
        image = _latest_image()
        return self.normalize(
            {"images": [{"image": image, "caption": _("Caption")} for _n in range(3)]}
        )


class VideoValue(blocks.StructValue):
    """A video block's fields plus the parsed video, None if the link is unusable."""

    @cached_property
    def video(self):
        return parse_video_url(self.get("url") or "")


class VideoBlock(blocks.StructBlock):
    """A YouTube, VK Video or Rutube video that loads only when the visitor asks."""

    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=format_lazy(
            _(
                "The address of the video page on {services}. To start from a moment, "
                "use the service's “share from this time” link."
            ),
            services=_supported_services(),
        ),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("Shown on the play button and read out by screen readers."),
    )
    caption = blocks.TextBlock(label=_("Caption"), required=False)
    transcript_url = blocks.URLBlock(
        label=_("Transcript link"),
        required=False,
        help_text=_("Optional: a page or document with the text of the video."),
    )

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Video")
        description = format_lazy(
            _(
                "A video from {services}. Nothing loads from the service "
                "until the visitor presses play."
            ),
            services=_supported_services(),
        )
        group = GROUP_MEDIA
        value_class = VideoValue
        preview_value = {
            "url": "https://rutube.ru/video/c6cc4d620b1d4338901770a44b3e82f4/",
            "title": _("Concert of the Tatar State Symphony Orchestra"),
            "caption": _("Recorded at the Saidashev concert hall."),
        }

    def clean(self, value):
        url = value.get("url")
        errors = {}
        if url and parse_video_url(url) is None:
            errors["url"] = ValidationError(
                _(
                    "This address is not a video on %(services)s. "
                    "Paste the link to the video page."
                ),
                code="unsupported_video",
                params={"services": supported_services_text()},
            )
        return _clean_reporting_together(super().clean, value, block_errors=errors)


class DocumentValue(blocks.StructValue):
    """A document link with what a visitor needs before downloading it."""

    @property
    def display_title(self):
        document = self.get("document")
        return self.get("title") or (document.title if document else "")

    @property
    def file_type(self):
        document = self.get("document")
        return document.file_extension.upper() if document else ""

    @property
    def file_size(self):
        """Size in bytes, or None when the file cannot be read."""
        document = self.get("document")
        return document.get_file_size() if document else None

    @property
    def details(self):
        """File type and size for the link, e.g. "PDF, 1.2 MB"."""
        if self.file_size is None:
            return self.file_type
        # Translators: file type and size of a download, e.g. "PDF, 1.2 MB".
        return gettext("%(type)s, %(size)s") % {
            "type": self.file_type,
            "size": filesizeformat(self.file_size),
        }


class DocumentBlock(blocks.StructBlock):
    """A link to a document, with its type and size shown before download."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Document")
        description = _("A download link showing the file type and size.")
        group = GROUP_LINKS
        value_class = DocumentValue

    def get_preview_value(self):
        return self.normalize({"document": _latest_document()})


class QuoteBlock(blocks.StructBlock):
    """A quotation set apart from the text, with who said it."""

    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(
        label=_("Author"),
        required=False,
        max_length=255,
        help_text=_("Who said it, and their role if useful."),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Quotation")
        description = _("A quotation with its author.")
        group = GROUP_TEXT
        preview_value = {
            "text": _("Culture should be close to every resident of the city."),
            "attribution": _("Head of the culture department"),
        }


class CallToActionValue(blocks.StructValue):
    """A call to action and where its button leads."""

    @property
    def href(self):
        page = self.get("page")
        if page:
            # Send the visitor to the page in their own language when it exists.
            return page.localized.url or ""
        return self.get("url") or ""


class CallToActionBlock(blocks.StructBlock):
    """A highlighted box inviting the visitor to do one thing, with one button."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(
        label=_("Button text"),
        max_length=60,
        help_text=_("Say what happens, for example “Sign up for the course”."),
    )
    page = blocks.PageChooserBlock(
        label=_("Page on this site"),
        required=False,
        help_text=_("Choose a page, or enter an address below, not both."),
    )
    url = blocks.URLBlock(label=_("Other address"), required=False)

    class Meta:
        icon = "link"
        template = "blocks/call_to_action.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Call to action")
        description = _("A highlighted box with one button leading to a page.")
        group = GROUP_LINKS
        value_class = CallToActionValue
        preview_value = {
            "title": _("Computer literacy for adults"),
            "text": _("Free online lessons for beginners, at your own pace."),
            "button_label": _("Sign up for the course"),
            "url": "https://kzn.ru/",
        }

    def clean(self, value):
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        non_block_errors = []
        if has_page and has_url:
            non_block_errors.append(
                ValidationError(
                    _("Choose a page or enter an address, not both."),
                    code="two_links",
                )
            )
        elif not has_page and not has_url and not self.is_deferred_validation:
            non_block_errors.append(
                ValidationError(
                    _("Choose a page or enter an address for the button."),
                    code="no_link",
                )
            )
        return _clean_reporting_together(
            super().clean, value, non_block_errors=non_block_errors
        )


class AccordionItemBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(label=_("Question"), max_length=255)
    answer = blocks.RichTextBlock(label=_("Answer"), features=ANSWER_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class AccordionBlock(blocks.StructBlock):
    """Questions whose answers open on demand; works by keyboard and without scripts."""

    questions = blocks.ListBlock(AccordionItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        template = "blocks/accordion.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Questions and answers")
        description = _("Frequently asked questions; each answer opens on a click.")
        group = GROUP_DATA
        preview_value = {
            "questions": [
                {
                    "question": _("Do I need to register?"),
                    "answer": format_lazy(
                        "<p>{}</p>",
                        _("Only for courses. Concerts and lectures are open to all."),
                    ),
                },
                {
                    "question": _("Is it free?"),
                    "answer": format_lazy("<p>{}</p>", _("Yes, every event is free.")),
                },
            ]
        }


class CaptionedTableBlock(TableBlock):
    """A data table with a caption and header cells that screen readers announce."""

    class Meta:
        icon = "table"
        template = "blocks/table.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Table")
        description = _("A table of data with a caption and header row or column.")
        group = GROUP_DATA

    def clean(self, value):
        value = super().clean(value)
        if (
            value
            and not (value.get("table_caption") or "").strip()
            and not self.is_deferred_validation
        ):
            raise ValidationError(
                _("Add a table caption: it tells screen reader users what it shows."),
                code="no_caption",
            )
        return value

    def get_preview_value(self):
        return {
            "table_caption": gettext("Participants by district"),
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [
                [gettext("District"), gettext("Participants")],
                [gettext("Vakhitovsky"), "12 400"],
                [gettext("Privolzhsky"), "15 100"],
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    """One number and what it counts."""

    figure = blocks.CharBlock(
        label=_("Figure"),
        max_length=20,
        help_text=_("For example “98 000” or “400+”."),
    )
    label = blocks.CharBlock(
        label=_("What it counts"),
        max_length=100,
        help_text=_("For example “participants”."),
    )

    class Meta:
        icon = "decimal"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    """A row of large numbers that sum up a programme or a discussion."""

    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1)

    class Meta:
        icon = "decimal"
        template = "blocks/key_figures.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Key figures")
        description = _(
            "Large numbers with a short label, such as “98 000 participants”."
        )
        group = GROUP_DATA
        preview_value = {
            "figures": [
                {"figure": "400+", "label": _("free online events")},
                {"figure": "98 000", "label": _("participants")},
                {"figure": "360+", "label": _("public discussions")},
            ]
        }
