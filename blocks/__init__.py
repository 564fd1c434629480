"""The shared StreamField vocabulary: BaseStreamBlock and the blocks it offers.

Names are resolved on first use because block classes import Wagtail models, which
cannot be imported while Django is still loading apps.
"""

from importlib import import_module

_EXPORTS = {
    "BaseStreamBlock": "blocks.stream",
    "AccordionBlock": "blocks.content",
    "AccordionItemBlock": "blocks.content",
    "CallToActionBlock": "blocks.content",
    "CaptionedImageBlock": "blocks.content",
    "CaptionedTableBlock": "blocks.content",
    "DocumentBlock": "blocks.content",
    "GalleryBlock": "blocks.content",
    "GalleryImageBlock": "blocks.content",
    "HeadingBlock": "blocks.content",
    "KeyFigureBlock": "blocks.content",
    "KeyFiguresBlock": "blocks.content",
    "ParagraphBlock": "blocks.content",
    "QuoteBlock": "blocks.content",
    "VideoBlock": "blocks.content",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted([*globals(), *__all__])
