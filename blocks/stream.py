"""BaseStreamBlock: the body of every page; plugins subclass it to add their blocks."""

from wagtail import blocks

from .content import (
    AccordionBlock,
    CallToActionBlock,
    CaptionedImageBlock,
    CaptionedTableBlock,
    DocumentBlock,
    GalleryBlock,
    HeadingBlock,
    KeyFiguresBlock,
    ParagraphBlock,
    QuoteBlock,
    VideoBlock,
)
from .rating import RatingBlock


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every page body offers.

    A plugin declares ``EventStreamBlock(BaseStreamBlock)`` with extra child blocks;
    they are added after these and share the same template.
    """

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    document = DocumentBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    table = CaptionedTableBlock()
    key_figures = KeyFiguresBlock()
    rating = RatingBlock()

    class Meta:
        # Our own template, because StreamBlock's default wraps each child in a
        # <div class="block-…"> that would clash with the blocks' own classes.
        template = "blocks/stream_block.html"
