"""Factories for block values, used by tests and by the demo seed.

``BaseStreamBlockFactory(**{"0": "heading", "1__paragraph__value": "<p>…</p>"})``
builds a StreamValue for a page body.
"""

from wagtail.rich_text import RichText

import factory
import wagtail_factories

from .content import (
    AccordionBlock,
    AccordionItemBlock,
    CallToActionBlock,
    CaptionedImageBlock,
    CaptionedTableBlock,
    DocumentBlock,
    GalleryBlock,
    GalleryImageBlock,
    HeadingBlock,
    KeyFigureBlock,
    KeyFiguresBlock,
    ParagraphBlock,
    QuoteBlock,
    VideoBlock,
)
from .stream import BaseStreamBlock


class RichTextBlockFactory(wagtail_factories.blocks.BlockFactory):
    """A rich text value from an HTML string given as ``value``."""

    value = "<p>Every event of the programme is free.</p>"

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return RichText(kwargs["value"])


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Sequence(lambda n: f"Section {n}")
    level = "h2"
    anchor = ""

    class Meta:
        model = HeadingBlock


class ParagraphBlockFactory(RichTextBlockFactory):
    class Meta:
        model = ParagraphBlock


class CaptionedImageBlockFactory(wagtail_factories.StructBlockFactory):
    image = factory.SubFactory(wagtail_factories.ImageChooserBlockFactory)
    alt_text = "Musicians on the stage of the concert hall"
    caption = "Opening concert"
    attribution = "Photo: Kazan City Hall"

    class Meta:
        model = CaptionedImageBlock


class GalleryImageBlockFactory(wagtail_factories.StructBlockFactory):
    image = factory.SubFactory(wagtail_factories.ImageChooserBlockFactory)
    alt_text = factory.Sequence(lambda n: f"Exhibition hall, view {n}")
    caption = factory.Sequence(lambda n: f"Hall {n}")

    class Meta:
        model = GalleryImageBlock


class GalleryBlockFactory(wagtail_factories.StructBlockFactory):
    images = wagtail_factories.ListBlockFactory(GalleryImageBlockFactory)

    class Meta:
        model = GalleryBlock


class VideoBlockFactory(wagtail_factories.StructBlockFactory):
    url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    title = factory.Sequence(lambda n: f"Concert recording {n}")
    caption = "Recorded at the concert hall."
    transcript_url = ""

    class Meta:
        model = VideoBlock


class DocumentBlockFactory(wagtail_factories.StructBlockFactory):
    document = factory.SubFactory(wagtail_factories.DocumentChooserBlockFactory)
    title = "Draft of the district plan"

    class Meta:
        model = DocumentBlock


class QuoteBlockFactory(wagtail_factories.StructBlockFactory):
    text = "Culture should be close to every resident of the city."
    attribution = "Head of the culture department"

    class Meta:
        model = QuoteBlock


class CallToActionBlockFactory(wagtail_factories.StructBlockFactory):
    title = "Computer literacy for adults"
    text = "Free online lessons for beginners."
    button_label = "Sign up for the course"
    page = None
    url = "https://kzn.ru/"

    class Meta:
        model = CallToActionBlock


class AccordionItemBlockFactory(wagtail_factories.StructBlockFactory):
    question = factory.Sequence(lambda n: f"Question {n}?")
    answer = factory.LazyFunction(lambda: RichText("<p>The answer.</p>"))

    class Meta:
        model = AccordionItemBlock


class AccordionBlockFactory(wagtail_factories.StructBlockFactory):
    questions = wagtail_factories.ListBlockFactory(AccordionItemBlockFactory)

    class Meta:
        model = AccordionBlock


class CaptionedTableBlockFactory(wagtail_factories.blocks.BlockFactory):
    """A table value; pass ``value`` to replace the default two-row table."""

    value = factory.LazyFunction(
        lambda: {
            "table_caption": "Participants by district",
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [
                ["District", "Participants"],
                ["Vakhitovsky", "12 400"],
                ["Privolzhsky", "15 100"],
            ],
        }
    )

    class Meta:
        model = CaptionedTableBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return block_class().to_python(kwargs["value"])


class KeyFigureBlockFactory(wagtail_factories.StructBlockFactory):
    figure = "98 000"
    label = "participants"

    class Meta:
        model = KeyFigureBlock


class KeyFiguresBlockFactory(wagtail_factories.StructBlockFactory):
    figures = wagtail_factories.ListBlockFactory(KeyFigureBlockFactory)

    class Meta:
        model = KeyFiguresBlock


class BaseStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    image = factory.SubFactory(CaptionedImageBlockFactory)
    gallery = factory.SubFactory(GalleryBlockFactory)
    video = factory.SubFactory(VideoBlockFactory)
    document = factory.SubFactory(DocumentBlockFactory)
    quote = factory.SubFactory(QuoteBlockFactory)
    call_to_action = factory.SubFactory(CallToActionBlockFactory)
    accordion = factory.SubFactory(AccordionBlockFactory)
    table = factory.SubFactory(CaptionedTableBlockFactory)
    key_figures = factory.SubFactory(KeyFiguresBlockFactory)

    class Meta:
        model = BaseStreamBlock
