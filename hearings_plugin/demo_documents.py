"""PDF documents of the demo drafts, made with WeasyPrint: nothing comes from outside.

Each document is bilingual, Russian and Tatar, as Tatarstan publishes its
drafts; a scheme carries a simple plan drawn in SVG. They are stored as Wagtail
documents in their own collection and found again by file name.
"""

import logging
import random

from django.core.files.base import ContentFile
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.models import Collection

from . import demo_content

COLLECTION_NAME = "Общественные обсуждения: материалы"

# One face in one weight: WeasyPrint subsets every font it embeds, and that is
# most of the time a PDF takes.
STYLE = """
@page {
  size: A4; margin: 18mm 16mm;
  @bottom-right { content: counter(page); font-family: "DejaVu Sans"; }
}
body { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; }
h1, h2 { font-weight: normal; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; }
.organiser { color: #444; margin-bottom: 6mm; }
.lang { page-break-before: always; }
figure { margin: 6mm 0; }
figcaption { font-size: 9pt; color: #444; }
"""


def ensure_documents(spec):
    """The hearing's documents, generated once: {document key: Document}."""
    model = get_document_model()
    collection = _collection()
    documents = {}
    for key in spec["documents"]:
        name = f"hearing-{spec['key']}-{key}"
        document = (
            model.objects.filter(collection=collection, file__contains=name)
            .order_by("pk")
            .first()
        )
        if document is None:
            document = model(
                title=f"{spec['ru']['title']}: {demo_content.DOCUMENTS[key]['ru']}",
                collection=collection,
            )
            document.file = ContentFile(render_pdf(spec, key), name=f"{name}.pdf")
            document._set_document_file_metadata()
            document.save()
        documents[key] = document
    return documents


def render_pdf(spec, key):
    """The PDF of one document of a hearing, in Russian and then in Tatar."""
    from weasyprint import HTML

    # WeasyPrint warns about its font subsetter on every document: not news here.
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        # Keeping the hinting tables makes fontTools' subsetting several times
        # faster, for a few kilobytes more.
        return HTML(string=document_html(spec, key)).write_pdf(hinting=True)
    finally:
        logger.setLevel(level)


def document_html(spec, key):
    drawing = plan_svg(f"{spec['key']}-{key}") if key != "note" else ""
    parts = []
    for number, code in enumerate(("ru", "tt")):
        texts = spec[code]
        caption = demo_content.DOCUMENTS[key][code]
        paragraphs = [texts["introduction"], *demo_content.NOTE_PARAGRAPHS[code]]
        parts.append(
            f'<section lang="{code}" class="{"lang" if number else ""}">'
            f"<h1>{escape(texts['title'])}</h1>"
            f'<p class="organiser">{escape(texts["organiser"])}</p>'
            f"<h2>{escape(caption)}</h2>"
            f"<p>{escape(texts['territory'])}</p>"
            + "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
            + (
                f"<figure>{drawing}<figcaption>{escape(caption)}</figcaption></figure>"
                if drawing
                else ""
            )
            + "</section>"
        )
    return (
        '<!doctype html><html lang="ru"><head><meta charset="utf-8">'
        f"<title>{escape(spec['ru']['title'])}</title><style>{STYLE}</style>"
        f"</head><body>{''.join(parts)}</body></html>"
    )


def plan_svg(seed):
    """A plan: blocks of houses between streets, a river and the draft's site."""
    rng = random.Random(seed)  # noqa: S311 - a drawing, not a secret
    shapes = [
        '<rect x="0" y="0" width="600" height="380" fill="#f4f1e8"/>',
        '<path d="M0 330 C150 290 300 360 600 300 L600 380 L0 380 Z" fill="#b9d7ea"/>',
    ]
    for column in range(6):
        for row in range(3):
            if rng.random() < 0.8:
                x, y = 20 + column * 95, 20 + row * 95
                shapes.append(
                    f'<rect x="{x}" y="{y}" width="{rng.randint(50, 75)}" '
                    f'height="{rng.randint(45, 70)}" fill="#d8d2c4" stroke="#8a8270"/>'
                )
    shapes.append(
        '<path d="M0 105 H600 M0 200 H600 M205 0 V300 M395 0 V300" '
        'stroke="#ffffff" stroke-width="14"/>'
    )
    x, y = rng.choice([(215, 115), (310, 20), (120, 210)])
    shapes.append(
        f'<rect x="{x}" y="{y}" width="170" height="75" fill="none" '
        'stroke="#c0392b" stroke-width="4" stroke-dasharray="10 6"/>'
    )
    shapes.append('<path d="M560 20 L570 50 L560 44 L550 50 Z" fill="#333"/>')
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="170mm" height="108mm" '
        'viewBox="0 0 600 380">' + "".join(shapes) + "</svg>"
    )


def _collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)
