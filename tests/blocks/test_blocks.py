"""The shared blocks: what they render, what editors cannot save, how plugins extend."""

from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import translation

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.rich_text import RichText

import pytest

from blocks import (
    AccordionBlock,
    BaseStreamBlock,
    CallToActionBlock,
    CaptionedImageBlock,
    CaptionedTableBlock,
    DocumentBlock,
    GalleryBlock,
    HeadingBlock,
    KeyFiguresBlock,
    ParagraphBlock,
    QuoteBlock,
)
from blocks.factories import (
    BaseStreamBlockFactory,
    CaptionedImageBlockFactory,
    DocumentBlockFactory,
    GalleryBlockFactory,
)


class _Outline(HTMLParser):
    """Start tags with their attributes, in document order."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **attrs):
        return [
            found
            for name, found in self.tags
            if name == tag
            and all(found.get(key) == value for key, value in attrs.items())
        ]


def outline(html):
    parser = _Outline()
    parser.feed(html)
    parser.close()
    return parser


def render(block, raw):
    return block.render(block.to_python(raw))


# Heading and text


def test_heading_renders_its_level_and_an_anchor_made_from_the_text():
    html = render(HeadingBlock(), {"text": "Как принять участие", "level": "h3"})
    assert html.strip() == (
        '<h3 class="block-heading" id="как-принять-участие">Как принять участие</h3>'
    )


def test_heading_uses_the_anchor_the_editor_chose():
    html = render(HeadingBlock(), {"text": "FAQ", "level": "h2", "anchor": "questions"})
    assert 'id="questions"' in html


def test_heading_never_prints_an_unexpected_tag_from_stored_data():
    html = render(HeadingBlock(), {"text": "Title", "level": "script"})
    assert html.strip().startswith("<h2 ")


def test_heading_anchor_rejects_spaces_and_punctuation():
    block = HeadingBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({"text": "A", "level": "h2", "anchor": "a b#"}))
    assert set(raised.value.block_errors) == {"anchor"}


def test_paragraph_renders_rich_text_with_lists_and_links():
    html = render(
        ParagraphBlock(),
        '<p>Read <a href="https://kzn.ru/">the rules</a>.</p><ul><li>One</li></ul>',
    )
    assert html.startswith('<div class="block-paragraph">')
    assert '<a href="https://kzn.ru/">the rules</a>' in html
    assert "<ul><li>One</li></ul>" in html


def test_paragraph_offers_links_lists_and_subheadings_to_editors():
    features = ParagraphBlock().features
    for feature in ("h2", "h3", "h4", "bold", "italic", "ol", "ul", "link"):
        assert feature in features


def test_quote_renders_blockquote_with_its_author():
    html = render(
        QuoteBlock(), {"text": "Line one\n\nLine two", "attribution": "Head of culture"}
    )
    page = outline(html)
    assert page.find("blockquote", **{"class": "block-quote__text"})
    assert "<p>Line one</p>" in html
    assert (
        '<figcaption class="block-quote__author">Head of culture</figcaption>' in html
    )


# Images and documents


@pytest.mark.django_db
def test_image_renders_with_the_editors_alt_text_caption_and_credit():
    value = CaptionedImageBlockFactory(
        alt_text="Orchestra on stage", caption="Opening night", attribution="Photo: A"
    )
    html = CaptionedImageBlock().render(value)
    [image] = outline(html).find("img")
    assert image["alt"] == "Orchestra on stage"
    assert image["loading"] == "lazy"
    assert "srcset" in image
    assert '<p class="block-image__alt" hidden>Orchestra on stage</p>' in html
    assert "Opening night" in html
    assert '<span class="block-image__credit">Photo: A</span>' in html


@pytest.mark.django_db
def test_image_without_alt_override_uses_the_images_own_description():
    value = CaptionedImageBlockFactory(alt_text="", image__image__title="Kazan Kremlin")
    [image] = outline(CaptionedImageBlock().render(value)).find("img")
    assert image["alt"] == "Kazan Kremlin"


@pytest.mark.django_db
def test_gallery_renders_every_image_with_its_caption():
    value = GalleryBlockFactory(
        images__0__caption="Hall one",
        images__0__alt_text="First hall",
        images__1__caption="Hall two",
        images__1__alt_text="Second hall",
    )
    html = GalleryBlock().render(value)
    images = outline(html).find("img")
    assert [image["alt"] for image in images] == ["First hall", "Second hall"]
    assert html.count('<li class="block-gallery__item">') == 2
    assert "Hall one" in html
    assert "Hall two" in html


@pytest.mark.django_db
def test_document_link_shows_file_type_and_human_size():
    value = DocumentBlockFactory(
        title="Draft plan",
        document__document__file__filename="plan.pdf",
        document__document__file__data=b"x" * 1536,
    )
    with translation.override("en"):
        html = DocumentBlock().render(value)
    [link] = outline(html).find("a")
    assert link["href"] == value["document"].url
    assert "Draft plan" in html
    assert "(PDF, 1.5\xa0KB)" in html


@pytest.mark.django_db
def test_document_without_title_uses_the_documents_own():
    value = DocumentBlockFactory(title="", document__document__title="Protocol")
    assert "Protocol" in DocumentBlock().render(value)


# Call to action


def cta(**fields):
    return {
        "title": "Computer literacy",
        "text": "Free lessons",
        "button_label": "Sign up",
        "page": None,
        "url": "",
        **fields,
    }


def clean_cta(**fields):
    block = CallToActionBlock()
    return block.clean(block.to_python(cta(**fields)))


def test_call_to_action_with_an_address_links_to_it():
    html = CallToActionBlock().render(clean_cta(url="https://kzn.ru/courses/"))
    assert (
        '<a class="block-cta__button" href="https://kzn.ru/courses/">Sign up</a>'
        in html
    )
    assert '<h2 class="block-cta__title">Computer literacy</h2>' in html


@pytest.mark.django_db
def test_call_to_action_links_to_the_page_in_the_visitors_language(home_pages):
    block = CallToActionBlock()
    value = block.to_python(cta(page=home_pages["ru"].pk))
    with translation.override("en"):
        html = block.render(block.clean(value))
    assert f'href="{home_pages["en"].url}"' in html


@pytest.mark.django_db
def test_call_to_action_rejects_both_a_page_and_an_address(home_page):
    with pytest.raises(StructBlockValidationError) as raised:
        clean_cta(page=home_page.pk, url="https://kzn.ru/")
    [error] = raised.value.non_block_errors.as_data()
    assert error.code == "two_links"


def test_call_to_action_rejects_a_button_leading_nowhere():
    with pytest.raises(StructBlockValidationError) as raised:
        clean_cta()
    [error] = raised.value.non_block_errors.as_data()
    assert error.code == "no_link"


def test_call_to_action_reports_missing_fields_with_the_link_problem():
    with pytest.raises(StructBlockValidationError) as raised:
        clean_cta(title="")
    assert set(raised.value.block_errors) == {"title"}
    assert raised.value.non_block_errors.as_data()[0].code == "no_link"


# Questions, tables, figures


def test_accordion_renders_native_details_so_it_works_without_scripts():
    html = render(
        AccordionBlock(),
        {
            "questions": [
                {"question": "Is it free?", "answer": "<p>Yes.</p>"},
                {"question": "Do I register?", "answer": "<p>Only for courses.</p>"},
            ]
        },
    )
    page = outline(html)
    assert len(page.find("details")) == 2
    assert len(page.find("summary")) == 2
    assert "<script" not in html
    assert '<summary class="block-accordion__question">Is it free?</summary>' in html
    assert "<p>Only for courses.</p>" in html


TABLE = {
    "table_caption": "Participants by district",
    "table_header_choice": "both",
    "first_row_is_table_header": True,
    "first_col_is_header": True,
    "data": [
        ["District", "Participants"],
        ["Vakhitovsky", "12 400"],
        ["Privolzhsky", "15 100"],
    ],
}


def test_table_renders_caption_and_scoped_header_cells():
    html = render(CaptionedTableBlock(), TABLE)
    page = outline(html)
    assert (
        '<caption class="block-table__caption">Participants by district</caption>'
        in html
    )
    assert len(page.find("th", scope="col")) == 2
    assert len(page.find("th", scope="row")) == 2
    assert len(page.find("td")) == 2
    [region] = page.find("div", role="region")
    assert region["tabindex"] == "0"
    assert region["aria-label"] == "Participants by district"


def test_table_without_caption_cannot_be_saved():
    block = CaptionedTableBlock()
    with pytest.raises(ValidationError) as raised:
        block.clean({**TABLE, "table_caption": "  "})
    assert raised.value.code == "no_caption"


def test_key_figures_render_each_number_with_its_label():
    html = render(
        KeyFiguresBlock(),
        {
            "figures": [
                {"figure": "98 000", "label": "participants"},
                {"figure": "400+", "label": "events"},
            ]
        },
    )
    assert html.count('<li class="block-figures__item">') == 2
    assert '<span class="block-figures__figure">98 000</span>' in html
    assert '<span class="block-figures__label">participants</span>' in html


# The stream as a whole


def test_every_block_explains_itself_to_editors():
    for name, block in BaseStreamBlock().child_blocks.items():
        assert block.meta.icon != "placeholder", name
        assert block.meta.template.startswith("blocks/"), name
        assert str(block.label), name
        assert str(block.get_description()), name


@pytest.mark.django_db
def test_every_block_has_a_styled_preview_for_the_block_picker():
    for name, block in BaseStreamBlock().child_blocks.items():
        assert block.is_previewable, name
        value = block.get_preview_value()
        context = {"block_def": block, "bound_block": block.bind(value)}
        template = block.get_preview_template(value, context)
        html = render_to_string(template, block.get_preview_context(value, context))
        assert "/static/cms/css/blocks.css" in html, name
        assert "w-block-" not in html, name
        content = html.split('<div class="block-stream">')[1].split("</main>")[0]
        # Media blocks stay empty while the library has no image or document.
        if name not in {"image", "gallery", "document"}:
            assert 'class="block-' in content, name


@pytest.mark.django_db
def test_factories_build_a_valid_stream_that_renders_every_block():
    value = BaseStreamBlockFactory(
        **{
            "0": "heading",
            "1": "paragraph",
            "2": "image",
            "3__gallery__images__0__caption": "Hall",
            "4": "video",
            "5": "document",
            "6": "quote",
            "7": "call_to_action",
            "8__accordion__questions__0__question": "Is it free?",
            "9": "table",
            "10__key_figures__figures__0__figure": "98 000",
        }
    )
    stream_block = BaseStreamBlock()
    value = stream_block.clean(value)
    html = stream_block.render(value)
    assert html.strip().startswith('<div class="block-stream">')
    assert "w-block-" not in html
    for css_class in (
        "block-heading",
        "block-paragraph",
        "block-image",
        "block-gallery",
        "block-video",
        "block-document",
        "block-quote",
        "block-cta",
        "block-accordion",
        "block-table",
        "block-figures",
    ):
        assert f'class="{css_class}' in html, css_class


def test_stream_renders_children_with_the_page_context():
    block = BaseStreamBlock()
    value = block.to_python(
        [{"type": "paragraph", "value": "<p>Hello</p>"}],
    )
    assert isinstance(value[0].value, RichText)
    html = block.render(value, context={"page": None})
    assert '<div class="block-paragraph"><p>Hello</p></div>' in html


def test_plugins_extend_the_stream_by_subclassing():
    class EventStreamBlock(BaseStreamBlock):
        programme_note = blocks.CharBlock()

    base_names = list(BaseStreamBlock().child_blocks)
    names = list(EventStreamBlock().child_blocks)
    assert names == [*base_names, "programme_note"]
    assert EventStreamBlock().meta.template == BaseStreamBlock().meta.template
